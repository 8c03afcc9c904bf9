"""The KPI engine: refused answers, how each figure and its 95% interval are computed, comparisons and effects
(cxgov.rules.kpi_engine, cxgov.rules.kpi_effects)."""

TEXTS = {
    # --- answers (kpi_engine.Tally.of) ---------------------------------------------------------------------------
    "kpi_engine.error.scores": {
        "en": "{count} answers are not whole numbers from {low} to {high} (the scale of {kind}): {answers}",
        "nl": "{count} antwoorden zijn geen hele getallen van {low} tot en met {high} (de schaal van {kind}): "
        "{answers}",
    },
    # --- one figure: formula and interval --------------------------------------------------------------------------
    "kpi_engine.method.net": {
        "en": "% high minus % low; 95% interval from the normal approximation (each answer counts +1, 0 or −1)",
        "nl": "% hoog min % laag; 95%-interval met de normale benadering (elk antwoord telt +1, 0 of −1)",
    },
    "kpi_engine.method.share_high": {
        "en": "share of high answers; 95% Wilson score interval",
        "nl": "aandeel hoge antwoorden; 95%-Wilson-score-interval",
    },
    "kpi_engine.method.mean": {
        "en": "mean of the answers; 95% Student's t interval",
        "nl": "gemiddelde van de antwoorden; 95%-interval met Student's t",
    },
    # --- comparisons: after minus before ---------------------------------------------------------------------------
    "kpi_engine.method.compare_net": {
        "en": "difference; 95% interval from the normal approximation with both standard errors",
        "nl": "verschil; 95%-interval met de normale benadering en beide standaardfouten",
    },
    "kpi_engine.method.compare_share_high": {
        "en": "difference in percentage points; 95% interval by Newcombe's method from both Wilson intervals",
        "nl": "verschil in procentpunten; 95%-interval volgens Newcombe uit beide Wilson-intervallen",
    },
    "kpi_engine.method.compare_mean": {
        "en": "difference of the means; 95% Welch t interval",
        "nl": "verschil van de gemiddelden; 95%-interval volgens Welch (t)",
    },
    # --- effects (kpi_effects) ---------------------------------------------------------------------------------------
    "kpi_engine.effect.yoy": {
        "en": "year on year: the same months a year apart",
        "nl": "jaar op jaar: dezelfde maanden een jaar eerder",
    },
    "kpi_engine.effect.did": {
        "en": "difference in differences: the change where the initiative ran minus the change where it did not",
        "nl": "verschil in verschillen: de verandering waar het initiatief liep min die waar het niet liep",
    },
}
