"""Texts of the polish round: the audit trail's system actor, KPI trend charts, confirmations that protect
people from one hasty click (PDCA moves, big progress drops), duplicate milestones, Dutch date placeholders."""

TEXTS = {
    "audit.actor.system": {"en": "system", "nl": "systeem"},
    # --- the KPI section of a discipline page
    "discipline.kpi.col.target": {"en": "Initiatives aim for", "nl": "Initiatieven mikken op"},
    "discipline.kpi.col.kpi_target": {"en": "Target now", "nl": "Doel nu"},
    "discipline.kpi.kpi_target_help": {
        "en": "The KPI's own target in force this month, as set on Measurement → KPIs.",
        "nl": "Het eigen doel van de KPI dat deze maand geldt, zoals ingesteld op Meten → KPI's.",
    },
    "discipline.kpi.target_help": {
        "en": "The most ambitious target an open initiative of this discipline set for the KPI.",
        "nl": "Het meest ambitieuze doel dat een lopend initiatief van deze discipline voor de KPI stelde.",
    },
    "discipline.kpi.col.trend.higher_is_better": {"en": "Trend (higher is better)", "nl": "Verloop (hoger is beter)"},
    "discipline.kpi.col.trend.lower_is_better": {"en": "Trend (lower is better)", "nl": "Verloop (lager is beter)"},
    "discipline.kpi.trend_help": {
        "en": "The last {months} months. Green: the KPI ended them better than it started; red: worse. Better "
        "means higher or lower as the column says (the KPI's direction).",
        "nl": "De laatste {months} maanden. Groen: de KPI eindigde beter dan hij begon; rood: slechter. Beter is "
        "hoger of lager, zoals de kolom zegt (de richting van de KPI).",
    },
    "discipline.kpi.axis_scale": {"en": "Score ({low} to {high})", "nl": "Score ({low} tot {high})"},
    "discipline.kpi.axis_value": {"en": "Value", "nl": "Waarde"},
    "discipline.kpi.series": {"en": "Readings", "nl": "Metingen"},
    "discipline.kpi.target_legend": {"en": "Target {target}", "nl": "Doel {target}"},
    "discipline.kpi.target_by": {"en": "by {date}", "nl": "vóór {date}"},
    "discipline.kpi.target_undated": {"en": "no date set", "nl": "zonder datum"},
    "discipline.kpi.target_note": {
        "en": "Dashed line: the most ambitious target that open initiatives of this discipline set for this KPI — "
        "{target} ({when}), set by {initiative}. Targets set: {n}.",
        "nl": "Stippellijn: het meest ambitieuze doel dat lopende initiatieven van deze discipline voor deze KPI "
        "stelden — {target} ({when}), gesteld door {initiative}. Gestelde doelen: {n}.",
    },
    "discipline.kpi.no_target": {
        "en": "No open initiative of this discipline has set a target for this KPI, so there is no target line.",
        "nl": "Geen lopend initiatief van deze discipline heeft een doel voor deze KPI gesteld, dus er is geen "
        "doellijn.",
    },
    # --- milestones
    "plan.error.milestone_twin": {
        "en": "is already a milestone of this initiative with the same due date: change the title or the date "
        "(or leave the one that is there)",
        "nl": "is al een mijlpaal van dit initiatief met dezelfde uiterste datum: kies een andere titel of datum (of "
        "laat de bestaande staan)",
    },
    # --- a PDCA move is confirmed first
    "pdca.confirm_move": {
        "en": "Move *{title}* from {from_phase} to {to_phase}? The move is recorded in the initiative's history and "
        "the audit log, and is not simply undone.",
        "nl": "*{title}* van {from_phase} naar {to_phase} verplaatsen? De stap wordt vastgelegd in de geschiedenis "
        "van het initiatief en in de auditlog, en is niet zomaar terug te draaien.",
    },
    "pdca.confirm_yes": {"en": "Yes, move to {phase}", "nl": "Ja, naar {phase}"},
    "pdca.confirm_cancel": {"en": "Cancel", "nl": "Annuleren"},
    # --- a big progress drop in the bulk grid is confirmed first
    "bulk.drop.warning": {
        "en": "Not saved yet: progress falls by more than {points} points in these rows. Check each one; if the "
        "drop is right, save them:",
        "nl": "Nog niet opgeslagen: de voortgang daalt in deze rijen met meer dan {points} punten. Controleer ze; "
        "klopt de daling, sla ze dan op:",
    },
    "bulk.drop.confirm": {
        "en": "The drops are right: save these rows",
        "nl": "De dalingen kloppen: deze rijen opslaan",
    },
    "bulk.summary_held": {
        "en": "Waiting for your confirmation (below): {n}.",
        "nl": "Wacht op je bevestiging (hieronder): {n}.",
    },
}
