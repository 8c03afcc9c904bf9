"""Texts of the board pack: the executive summary drafted from the data, and publishing's refusals."""

TEXTS = {
    "pack.summary.title": {"en": "Executive summary", "nl": "Managementsamenvatting"},
    "pack.summary.proposal": {
        "en": "Approval requested: proposed by {owner} for {department}, with a planned budget of {amount}.",
        "nl": "Goedkeuring gevraagd: voorgesteld door {owner} voor {department}, met een gepland budget van {amount}.",
    },
    "pack.summary.ask": {
        "en": "{owner} asks the board: {ask}",
        "nl": "{owner} vraagt het bestuur: {ask}",
    },
    "pack.error.held": {
        "en": "The pack cannot be published now: the meeting is {status}. The last pack published is what the "
        "board received.",
        "nl": "Het pakket kan nu niet worden gepubliceerd: de vergadering is {status}. Het laatst gepubliceerde "
        "pakket is wat het bestuur ontving.",
    },
    "pack.error.paragraph": {
        "en": "The paragraph for '{request}' is not a decision requested of this meeting, or is longer than 2,000 "
        "characters.",
        "nl": "De alinea voor '{request}' hoort niet bij een gevraagd besluit van deze vergadering, of is langer dan "
        "2.000 tekens.",
    },
    "pack.commentary": {"en": "Commentary", "nl": "Toelichting"},
    "pack.cut_off": {"en": "Cut-off", "nl": "Peildatum"},
    "pack.version": {"en": "Version", "nl": "Versie"},
    "pack.draft": {"en": "draft (not published)", "nl": "concept (niet gepubliceerd)"},
    "pack.page": {"en": "Page {n}", "nl": "Pagina {n}"},
    "pack.summary.none": {
        "en": "No decisions are requested of this meeting.",
        "nl": "Aan deze vergadering worden geen besluiten gevraagd.",
    },
    "pack.previous_minutes": {
        "en": "Minutes of the previous meeting ({quarter})",
        "nl": "Notulen van de vorige vergadering ({quarter})",
    },
    "pack.table.first_rows": {
        "en": "{heading} (the first {shown} of {total}; all of them in the app)",
        "nl": "{heading} (de eerste {shown} van {total}; allemaal in de app)",
    },
    "pack.table.kpis": {"en": "KPIs", "nl": "KPI's"},
    "pack.table.readings": {"en": "Readings", "nl": "Metingen"},
    "pack.fact.starts_at": {"en": "Date and time", "nl": "Datum en tijd"},
    "pack.fact.place": {"en": "Place", "nl": "Plaats"},
    "pack.fact.chair": {"en": "Chair", "nl": "Voorzitter"},
    "pack.fact.secretary": {"en": "Secretary", "nl": "Secretaris"},
    "pack.fact.owner": {"en": "Owner", "nl": "Eigenaar"},
    "pack.fact.sponsor": {"en": "Sponsor", "nl": "Sponsor"},
    "pack.fact.owning_department": {"en": "Department", "nl": "Afdeling"},
    "pack.fact.discipline": {"en": "Discipline", "nl": "Discipline"},
    "pack.fact.status": {"en": "Status", "nl": "Status"},
    "pack.fact.phase": {"en": "PDCA phase", "nl": "PDCA-fase"},
    "pack.fact.start_date": {"en": "Start", "nl": "Start"},
    "pack.fact.target_date": {"en": "Target date", "nl": "Streefdatum"},
    "pack.fact.health": {"en": "Health (reported)", "nl": "Status (gerapporteerd)"},
    "pack.fact.checkin_date": {"en": "Last check-in", "nl": "Laatste voortgangsmelding"},
    "pack.fact.budget_cents": {"en": "Budget", "nl": "Budget"},
    "pack.fact.actual_cents": {"en": "Spent", "nl": "Besteed"},
    "pack.fact.progress_pct": {"en": "Progress (%)", "nl": "Voortgang (%)"},
    "pack.fact.code": {"en": "Code", "nl": "Code"},
    "pack.fact.kind": {"en": "Kind", "nl": "Soort"},
    "pack.fact.unit": {"en": "Unit", "nl": "Eenheid"},
    "pack.fact.scale_min": {"en": "Scale from", "nl": "Schaal van"},
    "pack.fact.scale_max": {"en": "Scale to", "nl": "Schaal tot"},
    "pack.fact.direction": {"en": "Better when", "nl": "Beter als"},
    "pack.fact.method": {"en": "Method", "nl": "Methode"},
    "pack.fact.description": {"en": "Definition", "nl": "Definitie"},
}
