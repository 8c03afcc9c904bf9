"""Texts of the board pack's appendix: the one-pager per initiative (A3), the KPI definitions and how fresh the
data was at the cut-off, with the names of the facts, tables and columns only the appendix shows (pack.fact.<name>,
pack.table.<name>, pack.col.<name>; cxgov.pack.blocks looks for the presentation's names first)."""

TEXTS = {
    "pack.appendix.kpi_definitions": {"en": "KPI definitions", "nl": "KPI-definities"},
    "pack.appendix.freshness": {
        "en": "Data freshness at the cut-off",
        "nl": "Actualiteit van de gegevens op de peildatum",
    },
    "pack.appendix.source.check_ins": {"en": "Check-ins", "nl": "Voortgangsmeldingen"},
    "pack.appendix.source.milestones": {"en": "Milestones", "nl": "Mijlpalen"},
    "pack.appendix.source.expenses": {"en": "Expenses", "nl": "Uitgaven"},
    "pack.appendix.note.kpi": {
        "en": "Latest month whose reading counts; out of date after {months} months",
        "nl": "Laatste maand met een meting die telt; verouderd na {months} maanden",
    },
    "pack.appendix.note.check_ins": {
        "en": "Running initiatives without a check-in in the last {days} days (or none yet)",
        "nl": "Lopende initiatieven zonder voortgangsmelding in de laatste {days} dagen (of nog nooit)",
    },
    "pack.appendix.note.milestones": {
        "en": "Latest milestone reached; open initiatives' milestones past their due date",
        "nl": "Laatst behaalde mijlpaal; mijlpalen van open initiatieven die over hun datum zijn",
    },
    "pack.appendix.note.expenses": {
        "en": "Latest day spent on, and when it was booked",
        "nl": "Laatste uitgavedag, en wanneer die geboekt is",
    },
    # the one-pager's facts (the others are named for the initiative's agenda section, in catalog_pack)
    "pack.fact.objective": {"en": "Strategic objective", "nl": "Strategisch doel"},
    "pack.fact.cycle_number": {"en": "PDCA cycle", "nl": "PDCA-cyclus"},
    "pack.fact.reason": {"en": "Owner's reason", "nl": "Reden van de eigenaar"},
    "pack.fact.derived_health": {"en": "Health (by the rules)", "nl": "Status (volgens de regels)"},
    "pack.fact.background": {"en": "Background", "nl": "Achtergrond"},
    # the freshness section's facts: the rules behind "out of date"
    "pack.fact.check_in_cadence_days": {"en": "Check-in cadence (days)", "nl": "Frequentie voortgangsmelding (dagen)"},
    "pack.fact.kpi_stale_after_months": {
        "en": "A KPI is out of date after (months)",
        "nl": "Een KPI is verouderd na (maanden)",
    },
    # tables
    "pack.table.check_ins": {"en": "Latest check-ins", "nl": "Laatste voortgangsmeldingen"},
    "pack.table.milestones": {"en": "Open milestones", "nl": "Openstaande mijlpalen"},
    "pack.table.decisions": {"en": "Decisions", "nl": "Besluiten"},
    "pack.table.sources": {"en": "Sources", "nl": "Bronnen"},
    # columns
    "pack.col.date": {"en": "Date", "nl": "Datum"},
    "pack.col.summary": {"en": "What happened", "nl": "Wat er gebeurde"},
    "pack.col.next_steps": {"en": "Next steps", "nl": "Volgende stappen"},
    "pack.col.milestone": {"en": "Milestone", "nl": "Mijlpaal"},
    "pack.col.decision_kind": {"en": "Decision", "nl": "Besluit"},
    "pack.col.decision_status": {"en": "Standing", "nl": "Stand"},
    "pack.col.method": {"en": "Method", "nl": "Methode"},
    "pack.col.description": {"en": "Definition", "nl": "Definitie"},
    "pack.col.primary_source": {"en": "Primary source", "nl": "Primaire bron"},
    "pack.col.latest": {"en": "Most recent", "nl": "Meest recent"},
    "pack.col.entered_at": {"en": "Entered at", "nl": "Ingevoerd op"},
    "pack.col.stale": {"en": "Out of date", "nl": "Verouderd"},
    "pack.col.note": {"en": "What is counted", "nl": "Wat er geteld wordt"},
}
