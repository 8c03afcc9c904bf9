"""The app frame: navigation sections, page titles, mode banners, shared form texts."""

TEXTS = {
    "nav.leadership": {"en": "Leadership", "nl": "Leiding"},
    "nav.programs": {"en": "Programs", "nl": "Programma's"},
    "nav.disciplines": {"en": "Disciplines", "nl": "Disciplines"},
    "nav.governance": {"en": "Governance", "nl": "Governance"},
    "nav.admin": {"en": "Admin", "nl": "Beheer"},
    "page.portfolio": {"en": "Portfolio overview", "nl": "Portfolio-overzicht"},
    "page.initiatives": {"en": "Initiatives", "nl": "Initiatieven"},
    "page.initiative": {"en": "Initiative", "nl": "Initiatief"},
    "page.initiative_form": {"en": "Initiative form", "nl": "Initiatiefformulier"},
    "page.board": {"en": "Governance board", "nl": "Governance-board"},
    "page.people": {"en": "People", "nl": "Mensen"},
    "page.departments": {"en": "Departments", "nl": "Afdelingen"},
    "page.objectives": {"en": "Strategic objectives", "nl": "Strategische doelen"},
    "page.lists": {"en": "Journey stages & channels", "nl": "Klantreisfasen & kanalen"},
    "page.kpis": {"en": "KPI catalogue", "nl": "KPI-catalogus"},
    "page.audit_log": {"en": "Audit log", "nl": "Auditlog"},
    "frame.language": {"en": "Language", "nl": "Taal"},
    "frame.acting_as": {"en": "Acting as (local demo mode)", "nl": "Handelen als (lokale demomodus)"},
    "frame.acting_as_help": {
        "en": "The local demo mode has no sign-in: choose whose permissions you use. The choice is not kept in "
        "the link and is forgotten on refresh.",
        "nl": "De lokale demomodus heeft geen inlog: kies wiens rechten je gebruikt. De keuze staat niet in de "
        "link en vervalt bij verversen.",
    },
    "frame.nobody_read_only": {"en": "Nobody — read only", "nl": "Niemand — alleen lezen"},
    "frame.sso_config_refused": {
        "en": "Company sign-in (CXGOV_AUTH_MODE=sso) is not set up correctly. Ask the administrator of this "
        "installation to fix the following and restart:",
        "nl": "Inloggen met het bedrijfsaccount (CXGOV_AUTH_MODE=sso) is niet goed ingericht. Vraag de beheerder "
        "van deze installatie het volgende te verbeteren en opnieuw te starten:",
    },
    "frame.production_refused": {
        "en": "cxgov does not start in production with these settings. Ask the administrator of this "
        "installation to fix them and restart:",
        "nl": "cxgov start niet in productie met deze instellingen. Vraag de beheerder van deze installatie ze "
        "te verbeteren en opnieuw te starten:",
    },
    "frame.choose_person_first": {
        "en": "Choose who you are acting as in the sidebar first.",
        "nl": "Kies eerst in de zijbalk als wie je handelt.",
    },
    "form.fix_fields": {"en": "Nothing was saved. Please correct:", "nl": "Er is niets opgeslagen. Verbeter:"},
    "form.saved": {"en": "Saved.", "nl": "Opgeslagen."},
    "form.no_changes": {"en": "No changes to save.", "nl": "Geen wijzigingen om op te slaan."},
    "form.save": {"en": "Save", "nl": "Opslaan"},
    "form.cancel": {"en": "Cancel", "nl": "Annuleren"},
    "form.reload": {"en": "Reload", "nl": "Opnieuw laden"},
    "common.none": {"en": "—", "nl": "—"},
    "common.all": {"en": "All", "nl": "Alle"},
    "common.search": {"en": "Search", "nl": "Zoeken"},
    "common.no_results": {"en": "Nothing matches these filters.", "nl": "Niets voldoet aan deze filters."},
    "common.yes": {"en": "Yes", "nl": "Ja"},
    "common.no": {"en": "No", "nl": "Nee"},
}
