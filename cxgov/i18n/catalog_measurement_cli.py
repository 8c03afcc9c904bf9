"""Measurement files and privacy: the readings import's problems, comment retention and export, their audit events."""

TEXTS = {
    # --- a row of a readings file (cxgov.io.reading_plan, cxgov.io.months) -------------------------------------
    "import.kpi.empty": {"en": "the KPI is empty", "nl": "de KPI is leeg"},
    "import.period.empty": {"en": "the period is empty", "nl": "de periode is leeg"},
    "import.period.unreadable": {
        "en": "“{text}” is not a month (expected e.g. 2025-03, 03-2025, mrt 2025 or 01-03-2025)",
        "nl": "“{text}” is geen maand (verwacht bijv. 2025-03, 03-2025, mrt 2025 of 01-03-2025)",
    },
    "import.period.not_first_day": {
        "en": "“{text}” is a day within a month: a reading covers a month, write its first day",
        "nl": "“{text}” is een dag binnen een maand: een meting beslaat een maand, schrijf de eerste dag ervan",
    },
    "import.value.empty": {"en": "the value is empty", "nl": "de waarde is leeg"},
    "import.n.not_whole": {
        "en": "“{text}” is not a whole number: n counts the responses",
        "nl": "“{text}” is geen heel getal: n telt de respondenten",
    },
    "import.reading.repeated": {
        "en": "row {first_row} already gives this KPI for the same month and source",
        "nl": "rij {first_row} geeft deze KPI al voor dezelfde maand en bron",
    },
    "import.reading.conflict": {
        "en": "this month and source already have {value} (n {n}): correct it in Admin → KPIs",
        "nl": "deze maand en bron hebben al {value} (n {n}): corrigeer die in Beheer → KPI's",
    },
    "import.reading.conflict_no_n": {
        "en": "this month and source already have {value}: correct it in Admin → KPIs",
        "nl": "deze maand en bron hebben al {value}: corrigeer die in Beheer → KPI's",
    },
    "import.reading.taken_meanwhile": {
        "en": "someone recorded a reading for one of these months and sources meanwhile: nothing was imported; "
        "preview the file again",
        "nl": "iemand heeft intussen een meting vastgelegd voor een van deze maanden en bronnen: er is niets "
        "geïmporteerd; bekijk het bestand opnieuw",
    },
    # --- survey comments: retention and export (cxgov.services.comment_retention) ---------------------------------
    "comments.export.sheet": {"en": "Survey comments", "nl": "Enquêtetoelichtingen"},
    "comments.col.date": {"en": "Date", "nl": "Datum"},
    "comments.col.kpi": {"en": "KPI", "nl": "KPI"},
    "comments.col.score": {"en": "Score", "nl": "Score"},
    "comments.col.segments": {"en": "Segments", "nl": "Segmenten"},
    "comments.col.comment": {"en": "Comment", "nl": "Toelichting"},
    "admin.audit.action.purge_comments": {
        "en": "Comments removed (retention)",
        "nl": "Toelichtingen verwijderd (bewaartermijn)",
    },
    "admin.audit.action.export_comments": {"en": "Comments exported", "nl": "Toelichtingen geëxporteerd"},
    "entity.survey_import": {"en": "Imported file", "nl": "Geïmporteerd bestand"},
    "entity.survey_response": {"en": "Survey response", "nl": "Enquêteantwoord"},
}
