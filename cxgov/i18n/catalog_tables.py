"""Tables and exports: links out of the bulk grid, the initiatives list export, the audit log export."""

TEXTS = {
    "bulk.open_pages": {"en": "Open an initiative's page", "nl": "Open de pagina van een initiatief"},
    "tables.page": {"en": "Page (of {pages})", "nl": "Pagina (van {pages})"},
    "tables.showing": {"en": "Rows {first}–{last} of {total}", "nl": "Rijen {first}–{last} van {total}"},
    "export.initiatives": {"en": "Download (Excel)", "nl": "Downloaden (Excel)"},
    "export.initiatives.help": {
        "en": "The initiatives shown, with the columns shown, as an Excel file: amounts in euros, dates as dates.",
        "nl": "De getoonde initiatieven met de getoonde kolommen als Excelbestand: bedragen in euro's, datums als "
        "datum.",
    },
    "export.audit.occurred_at_utc": {"en": "When (UTC)", "nl": "Wanneer (UTC)"},
    "export.audit.old": {"en": "Old value", "nl": "Oude waarde"},
    "export.audit.new": {"en": "New value", "nl": "Nieuwe waarde"},
}
