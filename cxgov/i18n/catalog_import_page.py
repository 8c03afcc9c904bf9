"""Measurement → Import: the page that previews and imports survey-response files."""

TEXTS = {
    "measurement_page.tab.import": {"en": "Import", "nl": "Importeren"},
    "measurement_page.tab.claims": {"en": "Claimed vs actual", "nl": "Geclaimd en gemeten"},
    "imports.header": {"en": "Import survey responses", "nl": "Enquêteantwoorden importeren"},
    "imports.about": {
        "en": "One row per answer (date, KPI, score, and where it was given: channel, touchpoint, journey stage, "
        "department, store or region, optional comment), as CSV or Excel — or a survey tool's export. Nothing is "
        "stored until the preview shows no problem; then the whole file is imported at once, and the KPIs' "
        "figures are computed again.",
        "nl": "Eén rij per antwoord (datum, KPI, cijfer, en waar het gegeven is: kanaal, contactmoment, "
        "klantreisfase, afdeling, winkel of regio, eventueel een opmerking), als CSV of Excel — of de export van "
        "een enquêtetool. Er wordt niets opgeslagen zolang de voorvertoning een probleem toont; daarna wordt het "
        "hele bestand in één keer geïmporteerd en worden de cijfers van de KPI's opnieuw berekend.",
    },
    "imports.not_allowed": {
        "en": "Importing measurements is for CX analysts, the programme office and admins.",
        "nl": "Metingen importeren is voor CX-analisten, het programmabureau en beheerders.",
    },
    "imports.preset": {"en": "File layout", "nl": "Opmaak van het bestand"},
    "imports.preset.none": {"en": "One row per answer", "nl": "Eén rij per antwoord"},
    "imports.preset.qualtrics": {"en": "Qualtrics export", "nl": "Qualtrics-export"},
    "imports.preset.surveymonkey": {"en": "SurveyMonkey export", "nl": "SurveyMonkey-export"},
    "imports.preset_help": {
        "en": "A survey tool's export has one row per respondent and one column per question; questions whose "
        "name or text names a KPI are read as that KPI's answers.",
        "nl": "De export van een enquêtetool heeft één rij per respondent en één kolom per vraag; vragen waarvan "
        "de naam of tekst een KPI noemt, worden als antwoorden op die KPI gelezen.",
    },
    "imports.file": {"en": "File (CSV or Excel)", "nl": "Bestand (CSV of Excel)"},
    "imports.file_help": {
        "en": "At most {limit} MB. Semicolons or commas, decimal commas, dd-mm-yyyy dates, UTF-8 or Windows "
        "encoding: all are recognised.",
        "nl": "Hoogstens {limit} MB. Puntkomma's of komma's, decimale komma's, datums als dd-mm-jjjj, UTF-8 of "
        "Windows-codering: alles wordt herkend.",
    },
    "imports.formats.responses": {
        "en": "Column names are recognised in English and Dutch (date/datum, score/cijfer, channel/kanaal, "
        "question/vraag, …); other columns you choose in the preview.",
        "nl": "Kolomnamen worden in het Engels en Nederlands herkend (date/datum, score/cijfer, channel/kanaal, "
        "question/vraag, …); andere kolommen kiest u in de voorvertoning.",
    },
    "imports.import.responses": {"en": "Import {rows} new responses", "nl": "{rows} nieuwe antwoorden importeren"},
    "imports.import.readings": {"en": "Import {rows} new readings", "nl": "{rows} nieuwe metingen importeren"},
    "imports.kind": {"en": "What the file holds", "nl": "Wat het bestand bevat"},
    "imports.kind.responses": {"en": "Survey responses", "nl": "Enquêteantwoorden"},
    "imports.kind.readings": {"en": "Readings per month", "nl": "Metingen per maand"},
    "imports.kind_help": {
        "en": "Survey responses: one row per answer, from which cxgov computes NPS, KTV, CES, CSAT with their "
        "margins. Readings: one value per KPI and month, for business KPIs, contact volumes and external studies.",
        "nl": "Enquêteantwoorden: één rij per antwoord, waaruit cxgov NPS, KTV, CES en CSAT met hun marges "
        "berekent. Metingen: één waarde per KPI en maand, voor business-KPI's, contactvolumes en externe studies.",
    },
    "imports.col.value": {"en": "Value", "nl": "Waarde"},
    "imports.col.n": {"en": "n", "nl": "n"},
    "imports.col.source": {"en": "Source", "nl": "Bron"},
    "imports.fix_first": {
        "en": "Fix every problem first: nothing is imported from a file with problems.",
        "nl": "Los eerst elk probleem op: uit een bestand met problemen wordt niets geïmporteerd.",
    },
    "imports.formats.readings": {
        "en": "Columns KPI (code or name), period (2025-03, 03-2025, mrt 2025 or the month's first day), value, "
        "n (required for survey KPIs) and source, in English or Dutch (kpi, periode/maand, waarde, aantal, bron).",
        "nl": "Kolommen KPI (code of naam), periode (2025-03, 03-2025, mrt 2025 of de eerste dag van de maand), "
        "waarde, n (verplicht voor enquête-KPI's) en bron, in het Engels of Nederlands (kpi, periode/maand, "
        "waarde, aantal, bron).",
    },
    "imports.done.readings.0": {
        "en": "Nothing new: all {known} readings were imported before.",
        "nl": "Niets nieuws: alle {known} metingen waren al geïmporteerd.",
    },
    "imports.done.readings.1": {
        "en": "Imported 1 new reading ({known} already known): {kpis}.",
        "nl": "1 nieuwe meting geïmporteerd ({known} al bekend): {kpis}.",
    },
    "imports.done.readings.2": {
        "en": "Imported {n} new readings ({known} already known): {kpis}.",
        "nl": "{n} nieuwe metingen geïmporteerd ({known} al bekend): {kpis}.",
    },
    "imports.done.responses.0": {
        "en": "Nothing new: all {known} responses were imported before.",
        "nl": "Niets nieuws: alle {known} antwoorden waren al geïmporteerd.",
    },
    "imports.done.responses.1": {
        "en": "Imported 1 new response ({known} already known): {kpis}. The figures are up to date.",
        "nl": "1 nieuw antwoord geïmporteerd ({known} al bekend): {kpis}. De cijfers zijn bijgewerkt.",
    },
    "imports.done.responses.2": {
        "en": "Imported {n} new responses ({known} already known): {kpis}. The figures are up to date.",
        "nl": "{n} nieuwe antwoorden geïmporteerd ({known} al bekend): {kpis}. De cijfers zijn bijgewerkt.",
    },
    "imports.another": {"en": "Import another file", "nl": "Nog een bestand importeren"},
    "imports.failed": {
        "en": "The import failed ({kind}); nothing was stored. The server log has the details.",
        "nl": "De import is mislukt ({kind}); er is niets opgeslagen. Het serverlogboek heeft de details.",
    },
    "imports.reading": {"en": "Reading the file…", "nl": "Het bestand wordt gelezen…"},
    "imports.importing": {"en": "Importing…", "nl": "Bezig met importeren…"},
    "imports.step.reading": {"en": "Reading the file…", "nl": "Het bestand wordt gelezen…"},
    "imports.step.checking": {"en": "Checking every row…", "nl": "Elke rij wordt gecontroleerd…"},
    "imports.step.storing": {"en": "Storing the responses…", "nl": "De antwoorden worden opgeslagen…"},
    "imports.step.computing": {"en": "Computing the figures…", "nl": "De cijfers worden berekend…"},
    "imports.step.done": {"en": "Done", "nl": "Klaar"},
    "imports.columns": {"en": "Columns", "nl": "Kolommen"},
    "imports.columns_help": {
        "en": "Which column holds what. Recognised columns are chosen already; change a choice to read the file "
        "again with it.",
        "nl": "Welke kolom wat bevat. Herkende kolommen zijn al gekozen; wijzig een keuze om het bestand er "
        "opnieuw mee te lezen.",
    },
    "imports.history": {"en": "Recent imports", "nl": "Recente imports"},
    "imports.history.none": {"en": "No file has been imported yet.", "nl": "Er is nog geen bestand geïmporteerd."},
    "imports.history.when": {"en": "When", "nl": "Wanneer"},
    "imports.history.kind": {"en": "What", "nl": "Wat"},
    "imports.history.file": {"en": "File", "nl": "Bestand"},
    "imports.history.by": {"en": "By", "nl": "Door"},
    "imports.history.added": {"en": "Added", "nl": "Toegevoegd"},
    "imports.history.known": {"en": "Already known", "nl": "Al bekend"},
    "imports.history.per_kpi": {"en": "Added per KPI", "nl": "Toegevoegd per KPI"},
    "imports.history.caption": {
        "en": "The latest {n} imports, newest first. A file imported again adds only what was not known; each import "
        "is in the audit log with its file's SHA-256.",
        "nl": "De laatste {n} imports, nieuwste eerst. Een opnieuw geïmporteerd bestand voegt alleen toe wat nog niet "
        "bekend was; elke import staat in het auditlog met de SHA-256 van het bestand.",
    },
    "imports.questions": {"en": "Questions", "nl": "Vragen"},
    "imports.questions_help": {
        "en": "Which KPI each question's answers count towards. A question whose id or text names a KPI is chosen "
        "already; the others are not imported until you choose one.",
        "nl": "Voor welke KPI de antwoorden op elke vraag tellen. Een vraag waarvan de id of tekst een KPI noemt, is "
        "al gekozen; de andere worden pas geïmporteerd als u er een kiest.",
    },
    "imports.question_not_imported": {"en": "— not imported —", "nl": "— niet importeren —"},
    "imports.no_column": {"en": "— not in the file —", "nl": "— niet in het bestand —"},
    "imports.kpi_for_all": {"en": "KPI", "nl": "KPI"},
    "imports.kpi_per_row": {"en": "Named in each row (KPI column)", "nl": "Per rij genoemd (KPI-kolom)"},
    "imports.kpi_for_all_help": {
        "en": "A file of one survey's answers may have no KPI column: choose the KPI every row answers.",
        "nl": "Een bestand met de antwoorden van één enquête heeft soms geen KPI-kolom: kies de KPI die elke rij "
        "beantwoordt.",
    },
    "imports.unknown_values": {
        "en": "Some values are not in their list. Map each to a value of the list — or correct the file; a value "
        "left unmapped refuses the file, it never becomes a new segment.",
        "nl": "Sommige waarden staan niet in hun lijst. Koppel elk aan een waarde uit de lijst — of verbeter het "
        "bestand; een niet-gekoppelde waarde weigert het bestand, er ontstaat nooit een nieuw segment.",
    },
    "imports.map.channel": {"en": "Channel “{value}” ({rows} rows) is", "nl": "Kanaal “{value}” ({rows} rijen) is"},
    "imports.map.journey_stage": {
        "en": "Journey stage “{value}” ({rows} rows) is",
        "nl": "Klantreisfase “{value}” ({rows} rijen) is",
    },
    "imports.map.department": {
        "en": "Department “{value}” ({rows} rows) is",
        "nl": "Afdeling “{value}” ({rows} rijen) is",
    },
    "imports.map.refuse": {"en": "— not mapped: refuse the file —", "nl": "— niet gekoppeld: bestand weigeren —"},
    "imports.first_rows": {"en": "The first rows as in the file", "nl": "De eerste rijen zoals in het bestand"},
    "imports.read_rows": {
        "en": "The same rows as they will be stored",
        "nl": "Dezelfde rijen zoals ze worden opgeslagen",
    },
    "imports.counts": {"en": "Responses per KPI and month", "nl": "Antwoorden per KPI en maand"},
    "imports.total.new": {"en": "New responses", "nl": "Nieuwe antwoorden"},
    "imports.total.known": {"en": "Already imported", "nl": "Al geïmporteerd"},
    "imports.total.skipped": {"en": "Skipped (no score)", "nl": "Overgeslagen (geen cijfer)"},
    "imports.total.redacted": {"en": "Comments redacted", "nl": "Opmerkingen geanonimiseerd"},
    "imports.total.problems": {"en": "Problems", "nl": "Problemen"},
    "imports.problems.1": {
        "en": "1 problem: nothing can be imported until it is fixed.",
        "nl": "1 probleem: er kan niets worden geïmporteerd tot het is opgelost.",
    },
    "imports.problems.2": {
        "en": "{n} problems: nothing can be imported until every one is fixed.",
        "nl": "{n} problemen: er kan niets worden geïmporteerd tot ze allemaal zijn opgelost.",
    },
    "imports.problems_more.1": {
        "en": "…and 1 more problem (counted above per field).",
        "nl": "…en nog 1 probleem (hierboven per veld geteld).",
    },
    "imports.problems_more.2": {
        "en": "…and {n} more problems (counted above per field).",
        "nl": "…en nog {n} problemen (hierboven per veld geteld).",
    },
    "imports.col.kpi": {"en": "KPI", "nl": "KPI"},
    "imports.col.period": {"en": "Month", "nl": "Maand"},
    "imports.col.rows": {"en": "Rows", "nl": "Rijen"},
    "imports.col.row": {"en": "Row", "nl": "Rij"},
    "imports.col.field": {"en": "Field", "nl": "Veld"},
    "imports.col.problem": {"en": "Problem", "nl": "Probleem"},
    "imports.col.date": {"en": "Date", "nl": "Datum"},
    "imports.col.score": {"en": "Score", "nl": "Cijfer"},
    "imports.col.channel": {"en": "Channel", "nl": "Kanaal"},
    "imports.col.journey_stage": {"en": "Journey stage", "nl": "Klantreisfase"},
    "imports.col.touchpoint": {"en": "Touchpoint", "nl": "Contactmoment"},
    "imports.col.region": {"en": "Store or region", "nl": "Winkel of regio"},
}
