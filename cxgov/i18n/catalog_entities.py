"""Names of the things cxgov stores, as used in messages and the audit log."""

TEXTS = {
    "entity.initiative": {"en": "Initiative", "nl": "Initiatief"},
    "entity.person": {"en": "Person", "nl": "Persoon"},
    "entity.department": {"en": "Department", "nl": "Afdeling"},
    "entity.objective": {"en": "Strategic objective", "nl": "Strategisch doel"},
    "entity.taxonomy_term": {"en": "List value", "nl": "Lijstwaarde"},
    "entity.kpi": {"en": "KPI", "nl": "KPI"},
    "entity.kpi_reading": {"en": "KPI reading", "nl": "KPI-meting"},
    "entity.check_in": {"en": "Check-in", "nl": "Voortgangsupdate"},
    "entity.pdca_cycle": {"en": "PDCA cycle", "nl": "PDCA-cyclus"},
    "entity.budget_line": {"en": "Budget line", "nl": "Budgetregel"},
    "entity.expense": {"en": "Expense", "nl": "Uitgave"},
    "entity.portfolio": {"en": "Portfolio", "nl": "Portfolio"},
    "entity.permission": {"en": "Permission", "nl": "Recht"},
    "entity.sso_sign_in": {"en": "Company sign-in", "nl": "Inloggen met bedrijfsaccount"},
}
