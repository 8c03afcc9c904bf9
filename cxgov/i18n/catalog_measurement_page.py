"""The Measurement page: KPI colours against their targets, the targets per period, the KPI catalogue, trends,
segment breakdowns, and CX against business."""

TEXTS = {
    "entity.kpi_target": {"en": "KPI target", "nl": "KPI-doel"},
    # --- a KPI's colour against its target (cxgov.rules.kpi_status) ---
    "kpi_status.no_target": {"en": "{kpi}: no target set", "nl": "{kpi}: geen doel ingesteld"},
    "kpi_status.no_value": {"en": "{kpi}: no value yet", "nl": "{kpi}: nog geen waarde"},
    "kpi_status.too_few": {
        "en": "{kpi}: too few responses this month (n = {n})",
        "nl": "{kpi}: te weinig antwoorden deze maand (n = {n})",
    },
    "kpi_status.meets": {"en": "{kpi} {value} meets target {target}", "nl": "{kpi} {value} haalt doel {target}"},
    "kpi_status.meets_margin": {
        "en": "{kpi} {value} ± {margin} meets target {target}",
        "nl": "{kpi} {value} ± {margin} haalt doel {target}",
    },
    "kpi_status.misses_below": {
        "en": "{kpi} {value} below target {target}",
        "nl": "{kpi} {value} onder doel {target}",
    },
    "kpi_status.misses_above": {
        "en": "{kpi} {value} above target {target}",
        "nl": "{kpi} {value} boven doel {target}",
    },
    "kpi_status.misses_below_margin": {
        "en": "{kpi} {value} ± {margin} below target {target}",
        "nl": "{kpi} {value} ± {margin} onder doel {target}",
    },
    "kpi_status.misses_above_margin": {
        "en": "{kpi} {value} ± {margin} above target {target}",
        "nl": "{kpi} {value} ± {margin} boven doel {target}",
    },
    "kpi_status.within_below": {
        "en": "{kpi} {value} ± {margin} below target {target}, within the margin: may be noise",
        "nl": "{kpi} {value} ± {margin} onder doel {target}, binnen de marge: kan ruis zijn",
    },
    "kpi_status.within_above": {
        "en": "{kpi} {value} ± {margin} above target {target}, within the margin: may be noise",
        "nl": "{kpi} {value} ± {margin} boven doel {target}, binnen de marge: kan ruis zijn",
    },
    # --- targets per period (cxgov.services.kpi_targets) ---
    "kpi_targets.error.set_meanwhile": {
        "en": "someone set a target for this month at the same moment: reload and try again",
        "nl": "iemand stelde op hetzelfde moment een doel voor deze maand in: laad opnieuw en probeer het nog eens",
    },
}
