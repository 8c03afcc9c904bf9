"""Tables and exports: links out of the bulk grid, the initiatives list export, the audit log export."""

TEXTS = {
    "bulk.open_pages": {"en": "Open an initiative's page", "nl": "Open de pagina van een initiatief"},
    "export.audit.old": {"en": "Old value", "nl": "Oude waarde"},
    "export.audit.new": {"en": "New value", "nl": "Nieuwe waarde"},
}
