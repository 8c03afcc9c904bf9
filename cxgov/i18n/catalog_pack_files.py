"""Texts of the board pack's files: the workbook's contents sheet, and the labels of the facts, tables and
columns a workbook shows that neither the pages nor the slides name (pack.fact.<name>, pack.table.<name>,
pack.col.<name>), or that one section names otherwise (pack.fact.<section>.<name>)."""

TEXTS = {
    # the workbook's contents sheet
    "pack.file.title": {"en": "Board pack", "nl": "Vergaderstukken"},
    "pack.file.contents": {"en": "Contents", "nl": "Inhoud"},
    "pack.file.meeting": {"en": "Meeting", "nl": "Vergadering"},
    "pack.file.clock": {"en": "Times on the clock of", "nl": "Tijden volgens de klok van"},
    "pack.file.hash": {"en": "Content hash (SHA-256)", "nl": "Inhoudshash (SHA-256)"},
    "pack.file.number": {"en": "#", "nl": "#"},
    "pack.file.sheet": {"en": "Sheet", "nl": "Werkblad"},
    "pack.file.section": {"en": "Section", "nl": "Onderdeel"},
    "pack.file.unnamed": {"en": "Section {n}", "nl": "Onderdeel {n}"},
    # facts
    "pack.fact.body": {"en": "Body", "nl": "Orgaan"},
    "pack.fact.cover.quarter": {"en": "Quarter", "nl": "Kwartaal"},
    "pack.fact.duration_minutes": {"en": "Duration (minutes)", "nl": "Duur (minuten)"},
    "pack.fact.requests": {"en": "Decisions requested", "nl": "Gevraagde besluiten"},
    "pack.fact.attendance_recorded": {"en": "Attendance recorded", "nl": "Aanwezigheid vastgelegd"},
    "pack.fact.previous_quarter": {"en": "Previous meeting", "nl": "Vorige vergadering"},
    "pack.fact.previous_status": {"en": "Previous meeting's status", "nl": "Status van de vorige vergadering"},
    "pack.fact.previous_minutes": {"en": "Minutes of the previous meeting", "nl": "Notulen van de vorige vergadering"},
    # tables
    "pack.table.requests": {"en": "Decisions requested", "nl": "Gevraagde besluiten"},
    # columns
    "pack.col.paragraph": {"en": "Paragraph", "nl": "Alinea"},
    "pack.col.closed_on": {"en": "Closed on", "nl": "Gesloten op"},
    "pack.col.closing_note": {"en": "Closing note", "nl": "Afsluitende notitie"},
    "pack.col.body": {"en": "Body", "nl": "Orgaan"},
    "pack.col.rationale": {"en": "Rationale", "nl": "Onderbouwing"},
    "pack.col.chair": {"en": "Chair", "nl": "Voorzitter"},
    "pack.col.new_target_date": {"en": "New target date", "nl": "Nieuwe streefdatum"},
    "pack.col.recorded_by": {"en": "Recorded by", "nl": "Vastgelegd door"},
    "pack.col.code": {"en": "Code", "nl": "Code"},
    "pack.col.scale_min": {"en": "Scale from", "nl": "Schaal van"},
    "pack.col.scale_max": {"en": "Scale to", "nl": "Schaal tot"},
    "pack.col.direction": {"en": "Better when", "nl": "Beter als"},
    "pack.col.target_date": {"en": "Target date", "nl": "Streefdatum"},
    "pack.col.trend": {"en": "Trend (oldest first)", "nl": "Verloop (oudste eerst)"},
    "pack.col.initiatives": {"en": "Initiatives", "nl": "Initiatieven"},
    "pack.col.baseline": {"en": "Baseline", "nl": "Nulmeting"},
    "pack.col.latest_value": {"en": "Latest", "nl": "Laatste"},
    "pack.col.latest_period": {"en": "Latest month", "nl": "Laatste maand"},
    "pack.col.source": {"en": "Source", "nl": "Bron"},
    "pack.col.reading": {"en": "Reading", "nl": "Meting"},
    "pack.col.item": {"en": "Item", "nl": "Agendapunt"},
}
