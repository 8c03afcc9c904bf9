"""Measurement from raw data: computed readings, imports of responses and readings, targets, impact."""

TEXTS = {
    "measurement.error.source_reserved": {
        "en": "“{source}” is the source of readings computed from survey responses: choose another source name",
        "nl": "“{source}” is de bron van metingen die uit enquêteantwoorden berekend zijn: kies een andere bronnaam",
    },
    "measurement.error.computed_reading_fixed": {
        "en": "this reading is computed from survey responses and recomputed by every import: correct the "
        "responses (import them again), not the reading",
        "nl": "deze meting is berekend uit enquêteantwoorden en wordt bij elke import opnieuw berekend: corrigeer "
        "de antwoorden (importeer ze opnieuw), niet de meting",
    },
    # --- a row of an import (cxgov.io.response_plan, cxgov.io.reading_plan) -------------------------------------
    "import.problem.row": {"en": "row {row}, {field}: {text}", "nl": "rij {row}, {field}: {text}"},
    "import.problem.file": {"en": "{field}: {text}", "nl": "{field}: {text}"},
    "import.field.file": {"en": "file", "nl": "bestand"},
    "import.field.columns": {"en": "columns", "nl": "kolommen"},
    "import.score.not_whole": {
        "en": "“{text}” is not a whole number: a survey answer is one of the scale's points",
        "nl": "“{text}” is geen heel getal: een enquêteantwoord is een van de punten van de schaal",
    },
    "import.score.outside": {
        "en": "{text} lies outside the answer scale {low}–{high} of {kpi}",
        "nl": "{text} ligt buiten de antwoordschaal {low}–{high} van {kpi}",
    },
    "import.score.not_a_survey_kpi": {
        "en": "{kpi} is not measured by a survey: import its values as readings",
        "nl": "{kpi} wordt niet met een enquête gemeten: importeer de waarden als metingen",
    },
    "import.kpi.unknown": {
        "en": "no KPI has the code or name “{text}”",
        "nl": "geen KPI heeft de code of naam “{text}”",
    },
    "import.date.empty": {"en": "the date is empty", "nl": "de datum is leeg"},
    "import.channel.unknown": {
        "en": "“{text}” is not a channel: map it to one, or correct the file",
        "nl": "“{text}” is geen kanaal: koppel het aan een kanaal, of verbeter het bestand",
    },
    "import.journey_stage.unknown": {
        "en": "“{text}” is not a journey stage: map it to one, or correct the file",
        "nl": "“{text}” is geen klantreisfase: koppel het aan een fase, of verbeter het bestand",
    },
    "import.department.unknown": {
        "en": "“{text}” is not a department: map it to one, or correct the file",
        "nl": "“{text}” is geen afdeling: koppel het aan een afdeling, of verbeter het bestand",
    },
    "import.text.too_long": {
        "en": "is longer than {limit} characters",
        "nl": "is langer dan {limit} tekens",
    },
    "import.cell.formula": {
        "en": "a cell holds a formula: cxgov never calculates one — save the values, not the formulas",
        "nl": "een cel bevat een formule: cxgov rekent die nooit uit — sla de waarden op, niet de formules",
    },
    "import.column.missing": {
        "en": "no column holds “{field}”: name it in the file or choose the column",
        "nl": "geen kolom bevat “{field}”: geef de kolom die naam of kies hem",
    },
    "import.column.no_kpi": {
        "en": "no column names the KPI: choose a KPI column, or the one KPI every row answers",
        "nl": "geen kolom noemt de KPI: kies een KPI-kolom, of de ene KPI die elke rij beantwoordt",
    },
    "import.column.duplicate": {
        "en": "the column “{header}” appears more than once: which one counts cannot be told",
        "nl": "de kolom “{header}” komt meer dan eens voor: welke telt is niet te zeggen",
    },
    "import.response_id.repeated": {
        "en": "the response id “{text}” appears earlier in the file for the same KPI",
        "nl": "het respons-id “{text}” staat eerder in het bestand voor dezelfde KPI",
    },
    "import.refused": {
        "en": "the file has {count} problem(s): nothing was imported; correct them and import it again",
        "nl": "het bestand heeft {count} probleem/problemen: er is niets geïmporteerd; verbeter ze en importeer opnieuw",
    },
    "import.nothing": {
        "en": "the file holds no answers to import (every score is empty)",
        "nl": "het bestand bevat geen antwoorden om te importeren (elke score is leeg)",
    },
    "import.preset.unknown": {
        "en": "there is no survey export format “{preset}”",
        "nl": "er is geen enquête-exportformaat “{preset}”",
    },
    # --- the same margins and verdicts on every page and in the pack (cxgov.written) --------------------------
    "measurement.indicative": {"en": "indicative", "nl": "indicatief"},
    "present.col.margin": {"en": "Margin (95 %)", "nl": "Marge (95%)"},
    "present.col.indicative": {"en": "Indicative (n below minimum)", "nl": "Indicatief (n onder minimum)"},
    "present.col.verdict": {"en": "Change vs a year ago", "nl": "Verandering t.o.v. vorig jaar"},
    # --- exporting the comments of one KPI (cxgov.ui.measurement.comments) ---------------------------------
    "comments.export.header": {"en": "Export the comments", "nl": "De opmerkingen exporteren"},
    "comments.export.help": {
        "en": "The customers' comments on this KPI in a period, as an Excel file (redacted as they were imported). "
        "Every download is recorded in the audit log.",
        "nl": "De opmerkingen van klanten bij deze KPI in een periode, als Excel-bestand (geanonimiseerd zoals ze "
        "zijn geïmporteerd). Elke download wordt vastgelegd in de auditlog.",
    },
    "comments.export.since": {"en": "From", "nl": "Van"},
    "comments.export.until": {"en": "To", "nl": "Tot en met"},
    "comments.export.download": {"en": "Download the comments (Excel)", "nl": "Opmerkingen downloaden (Excel)"},
}
