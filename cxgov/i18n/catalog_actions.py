"""Names of the actions the permission policy decides, as shown in 'may not …' messages."""

TEXTS = {
    "action.propose_initiative": {"en": "propose initiatives", "nl": "initiatieven voorstellen"},
    "action.create_initiative_with_status": {
        "en": "create approved or active initiatives",
        "nl": "goedgekeurde of actieve initiatieven aanmaken",
    },
    "action.edit_initiative": {"en": "edit this initiative", "nl": "dit initiatief wijzigen"},
    "action.approve_initiative": {"en": "decide on proposals", "nl": "over voorstellen beslissen"},
    "action.check_in": {
        "en": "record check-ins on this initiative",
        "nl": "voortgangsupdates op dit initiatief vastleggen",
    },
    "action.manage_budget": {
        "en": "change this initiative's budget and expenses",
        "nl": "budget en uitgaven van dit initiatief wijzigen",
    },
    "action.manage_kpis": {"en": "manage the KPI catalogue and readings", "nl": "de KPI-catalogus en metingen beheren"},
    "action.manage_people": {"en": "manage people and roles", "nl": "mensen en rollen beheren"},
    "action.manage_reference_data": {
        "en": "manage departments, objectives and lists",
        "nl": "afdelingen, doelen en lijsten beheren",
    },
    "action.load_demo": {"en": "load the demo portfolio", "nl": "het demoportfolio laden"},
    "action.view_audit": {"en": "view the audit log", "nl": "het auditlog bekijken"},
}
