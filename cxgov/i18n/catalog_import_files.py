"""Texts of reading uploaded survey and readings files: refused files (import.file.*), values that cannot be read
(import.value.*, import.date.*), how a date column was read (import.date_format.*), the columns a file may have
(import.field.*) and the kinds of personal data taken out of comments (import.redacted.*)."""

TEXTS = {
    # refused files
    "import.file.too_large": {
        "en": "The file is larger than {limit_mb} MB. Split it, or leave out columns you do not need.",
        "nl": "Het bestand is groter dan {limit_mb} MB. Splits het, of laat kolommen weg die u niet nodig hebt.",
    },
    "import.file.too_many_rows": {
        "en": "The file has more than {limit} rows. Split it: rows imported before are recognised and skipped.",
        "nl": "Het bestand heeft meer dan {limit} rijen. Splits het: eerder geïmporteerde rijen worden herkend en "
        "overgeslagen.",
    },
    "import.file.too_many_answers": {
        "en": "The export holds more than {limit} answers to the questions chosen. Split it by date: answers imported "
        "before are recognised and skipped.",
        "nl": "De export bevat meer dan {limit} antwoorden op de gekozen vragen. Splits hem op datum: eerder "
        "geïmporteerde antwoorden worden herkend en overgeslagen.",
    },
    "import.file.empty": {
        "en": "{name} is empty, or has fewer lines than its headings need.",
        "nl": "{name} is leeg, of heeft minder regels dan de kopregels nodig hebben.",
    },
    "import.file.no_rows": {
        "en": "{name} has headings but no rows of data.",
        "nl": "{name} heeft kopregels maar geen regels met gegevens.",
    },
    "import.file.not_a_table": {
        "en": "{name} is not a CSV or Excel (.xlsx) file. Save it as CSV or as Excel workbook and upload it again.",
        "nl": "{name} is geen CSV- of Excel-bestand (.xlsx). Sla het op als CSV of als Excel-werkmap en upload het opnieuw.",
    },
    "import.file.old_excel": {
        "en": "{name} is an old Excel file (.xls) or a workbook with a password. Save it as Excel workbook (.xlsx) "
        "without a password, or as CSV.",
        "nl": "{name} is een oud Excel-bestand (.xls) of een werkmap met wachtwoord. Sla het op als Excel-werkmap "
        "(.xlsx) zonder wachtwoord, of als CSV.",
    },
    "import.file.broken_xlsx": {
        "en": "{name} looks like an Excel workbook but cannot be opened. Open it in Excel and save it again.",
        "nl": "{name} lijkt een Excel-werkmap maar kan niet worden geopend. Open het in Excel en sla het opnieuw op.",
    },
    "import.file.unpacks_too_large": {
        "en": "The workbook would take more than {limit_mb} MB once unpacked. Upload a smaller file or a CSV.",
        "nl": "De werkmap zou uitgepakt meer dan {limit_mb} MB beslaan. Upload een kleiner bestand of een CSV.",
    },
    "import.file.cannot_decode": {
        "en": "The characters in {name} cannot be read. Save it as “CSV UTF-8” and upload it again.",
        "nl": "De tekens in {name} zijn niet te lezen. Sla het op als “CSV UTF-8” en upload het opnieuw.",
    },
    "import.file.bad_line": {
        "en": "Line {line} cannot be read: a field is too long or a quote is not closed.",
        "nl": "Regel {line} is niet te lezen: een veld is te lang of een aanhalingsteken is niet gesloten.",
    },
    # values
    "import.value.not_a_number": {"en": "“{text}” is not a number.", "nl": "“{text}” is geen getal."},
    "import.value.ambiguous_number": {
        "en": "“{text}” could be a thousand separator or a decimal: write {example} without the separator, or "
        "with a decimal comma only.",
        "nl": "“{text}” kan een scheidingsteken voor duizendtallen of een decimaal zijn: schrijf {example} zonder "
        "scheidingsteken, of alleen met een decimale komma.",
    },
    "import.value.too_large": {"en": "“{text}” is too large a number.", "nl": "“{text}” is een te groot getal."},
    # dates
    "import.date.unreadable": {
        "en": "“{text}” is not a date (expected e.g. 31-03-2025 or 2025-03-31).",
        "nl": "“{text}” is geen datum (verwacht bijv. 31-03-2025 of 2025-03-31).",
    },
    "import.date.two_digit_year": {
        "en": "“{text}” has a two-digit year: write the year in full (2025).",
        "nl": "“{text}” heeft een jaartal van twee cijfers: schrijf het jaar voluit (2025).",
    },
    "import.date.invalid": {
        "en": "“{text}” is not a day in the calendar.",
        "nl": "“{text}” is geen bestaande dag.",
    },
    "import.date.out_of_range": {
        "en": "“{text}” lies outside {first}–{last}.",
        "nl": "“{text}” ligt buiten {first}–{last}.",
    },
    "import.date.future": {
        "en": "“{text}” lies in the future: an answer is given on or before today.",
        "nl": "“{text}” ligt in de toekomst: een antwoord is op of vóór vandaag gegeven.",
    },
    "import.date.ambiguous": {
        "en": "“{text}” can be read as day-month or as month-day, and this column has dates of both kinds.",
        "nl": "“{text}” kan als dag-maand of als maand-dag worden gelezen, en deze kolom heeft datums van beide soorten.",
    },
    # how a date column was read
    "import.date_format.day_month_year": {
        "en": "Dates read as day-month-year.",
        "nl": "Datums gelezen als dag-maand-jaar.",
    },
    "import.date_format.day_month_year_assumed": {
        "en": "Dates read as day-month-year (the Dutch order): no date in the file shows which comes first.",
        "nl": "Datums gelezen als dag-maand-jaar (de Nederlandse volgorde): geen datum in het bestand laat zien "
        "wat voorop staat.",
    },
    "import.date_format.month_day_year": {
        "en": "Dates read as month-day-year: dates such as {example} show the month comes first.",
        "nl": "Datums gelezen als maand-dag-jaar: datums zoals {example} laten zien dat de maand voorop staat.",
    },
    "import.date_format.year_month_day": {
        "en": "Dates read as year-month-day.",
        "nl": "Datums gelezen als jaar-maand-dag.",
    },
    "import.date_format.mixed": {
        "en": "The column mixes day-month ({day_first}) and month-day ({month_first}) dates: dates that fit both "
        "are not read.",
        "nl": "De kolom mengt dag-maand ({day_first}) en maand-dag ({month_first}): datums die op beide passen "
        "worden niet gelezen.",
    },
    # the columns a file may have
    "import.field.response_id": {"en": "Response ID", "nl": "Respons-ID"},
    "import.field.date": {"en": "Date", "nl": "Datum"},
    "import.field.kpi": {"en": "KPI", "nl": "KPI"},
    "import.field.score": {"en": "Score", "nl": "Score"},
    "import.field.channel": {"en": "Channel", "nl": "Kanaal"},
    "import.field.touchpoint": {"en": "Touchpoint", "nl": "Contactmoment"},
    "import.field.journey_stage": {"en": "Journey stage", "nl": "Klantreisfase"},
    "import.field.department": {"en": "Department", "nl": "Afdeling"},
    "import.field.region": {"en": "Region or store", "nl": "Regio of vestiging"},
    "import.field.comment": {"en": "Comment", "nl": "Toelichting"},
    "import.field.period": {"en": "Period", "nl": "Periode"},
    "import.field.value": {"en": "Value", "nl": "Waarde"},
    "import.field.n": {"en": "Number of responses", "nl": "Aantal respondenten"},
    "import.field.source": {"en": "Source", "nl": "Bron"},
    # personal data taken out of comments
    "import.redacted.email": {"en": "e-mail address", "nl": "e-mailadres"},
    "import.redacted.phone": {"en": "phone number", "nl": "telefoonnummer"},
    "import.redacted.iban": {"en": "bank account (IBAN)", "nl": "bankrekening (IBAN)"},
    "import.redacted.postcode": {"en": "postcode and house number", "nl": "postcode en huisnummer"},
    "import.redacted.address": {"en": "street address", "nl": "straat en huisnummer"},
    "import.redacted.order": {"en": "order or customer number", "nl": "order- of klantnummer"},
    "import.redacted.name": {"en": "name", "nl": "naam"},
}
