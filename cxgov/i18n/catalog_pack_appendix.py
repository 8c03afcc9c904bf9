"""Texts of the board pack's appendix: the one-pager per initiative (A3), the KPI definitions and how fresh the
data was at the cut-off, with the names of their facts and columns."""

TEXTS = {
    "pack.appendix.title": {"en": "Appendix", "nl": "Bijlage"},
    "pack.appendix.kpi_definitions": {"en": "KPI definitions", "nl": "KPI-definities"},
    "pack.appendix.freshness": {
        "en": "Data freshness at the cut-off",
        "nl": "Actualiteit van de gegevens op de peildatum",
    },
    "pack.appendix.source.check_ins": {"en": "Check-ins", "nl": "Voortgangsupdates"},
    "pack.appendix.source.milestones": {"en": "Milestones", "nl": "Mijlpalen"},
    "pack.appendix.source.expenses": {"en": "Expenses", "nl": "Uitgaven"},
    "pack.appendix.note.kpi": {
        "en": "Latest month whose reading counts; out of date after {months} months",
        "nl": "Laatste maand met een meting die telt; verouderd na {months} maanden",
    },
    "pack.appendix.note.check_ins": {
        "en": "Running initiatives without a check-in in the last {days} days (or none yet)",
        "nl": "Lopende initiatieven zonder check-in in de laatste {days} dagen (of nog nooit)",
    },
    "pack.appendix.note.milestones": {
        "en": "Latest milestone reached; open initiatives' milestones past their due date",
        "nl": "Laatst behaalde mijlpaal; mijlpalen van open initiatieven die over hun datum zijn",
    },
    "pack.appendix.note.expenses": {
        "en": "Latest day spent on, and when it was booked",
        "nl": "Laatste uitgavedag, en wanneer die geboekt is",
    },
    # The one-pager's facts.
    "present.fact.owner": {"en": "Owner", "nl": "Eigenaar"},
    "present.fact.sponsor": {"en": "Sponsor", "nl": "Sponsor"},
    "present.fact.owning_department": {"en": "Department", "nl": "Afdeling"},
    "present.fact.discipline": {"en": "Discipline", "nl": "Discipline"},
    "present.fact.objective": {"en": "Strategic objective", "nl": "Strategisch doel"},
    "present.fact.status": {"en": "Status", "nl": "Status"},
    "present.fact.phase": {"en": "PDCA phase", "nl": "PDCA-fase"},
    "present.fact.cycle_number": {"en": "Cycle", "nl": "Cyclus"},
    "present.fact.start_date": {"en": "Start date", "nl": "Startdatum"},
    "present.fact.target_date": {"en": "Target date", "nl": "Streefdatum"},
    "present.fact.actual_cents": {"en": "Spent", "nl": "Besteed"},
    "present.fact.progress_pct": {"en": "Progress (%)", "nl": "Voortgang (%)"},
    "present.fact.health": {"en": "Reported health", "nl": "Gerapporteerde gezondheid"},
    "present.fact.reason": {"en": "Owner's reason", "nl": "Reden van de eigenaar"},
    "present.fact.derived_health": {"en": "Health by the rules", "nl": "Gezondheid volgens de regels"},
    "present.fact.checkin_date": {"en": "Last check-in", "nl": "Laatste check-in"},
    "present.fact.description": {"en": "Background", "nl": "Achtergrond"},
    # The freshness section's facts: the rules behind "out of date".
    "present.fact.check_in_cadence_days": {"en": "Check-in cadence (days)", "nl": "Check-infrequentie (dagen)"},
    "present.fact.kpi_stale_after_months": {
        "en": "A KPI is out of date after (months)",
        "nl": "Een KPI is verouderd na (maanden)",
    },
    # The one-pager's tables.
    "present.col.baseline": {"en": "Baseline", "nl": "Nulmeting"},
    "present.col.latest_value": {"en": "Latest", "nl": "Laatste"},
    "present.col.latest_period": {"en": "Month", "nl": "Maand"},
    "present.col.summary": {"en": "What happened", "nl": "Wat er gebeurde"},
    "present.col.next_steps": {"en": "Next steps", "nl": "Volgende stappen"},
    "present.col.milestone": {"en": "Milestone", "nl": "Mijlpaal"},
    "present.col.decision_kind": {"en": "Decision", "nl": "Besluit"},
    "present.col.decision_status": {"en": "Standing", "nl": "Stand"},
    # The KPI definitions.
    "present.col.code": {"en": "Code", "nl": "Code"},
    "present.col.kpi_kind": {"en": "Kind", "nl": "Soort"},
    "present.col.scale_min": {"en": "Scale from", "nl": "Schaal van"},
    "present.col.scale_max": {"en": "Scale to", "nl": "Schaal tot"},
    "present.col.direction": {"en": "Direction", "nl": "Richting"},
    "present.col.method": {"en": "Method", "nl": "Methode"},
    "present.col.description": {"en": "Description", "nl": "Omschrijving"},
    "present.col.primary_source": {"en": "Primary source", "nl": "Primaire bron"},
    # Data freshness.
    "present.col.source": {"en": "Source", "nl": "Bron"},
    "present.col.latest": {"en": "Most recent", "nl": "Meest recent"},
    "present.col.entered_at": {"en": "Entered at", "nl": "Ingevoerd op"},
    "present.col.stale": {"en": "Out of date", "nl": "Verouderd"},
    "present.col.note": {"en": "What is counted", "nl": "Wat er geteld wordt"},
}
