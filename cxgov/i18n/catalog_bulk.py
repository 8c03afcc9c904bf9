"""The bulk-update grid: many initiatives' health, reason, progress and target date at once."""

TEXTS = {
    "page.bulk_update": {"en": "Update my initiatives", "nl": "Mijn initiatieven bijwerken"},
    "bulk.intro": {
        "en": "Change health, reason, progress or target date in the table, then save. Each row is saved on its "
        "own: a row someone else changed since you opened this page is not saved, and you are told.",
        "nl": "Pas stoplicht, reden, voortgang of streefdatum aan in de tabel en sla op. Elke rij wordt apart "
        "opgeslagen: een rij die iemand anders intussen heeft gewijzigd, wordt niet opgeslagen en dat hoor je.",
    },
    "bulk.cannot_check_in": {
        "en": "Your role does not allow status updates of initiatives, so there is nothing to update here.",
        "nl": "Met jouw rol kun je geen statusupdates van initiatieven geven, dus hier valt niets bij te werken.",
    },
    "bulk.none": {
        "en": "No open initiatives to update: none where you are owner, sponsor or team member (or none for this owner).",
        "nl": "Geen lopende initiatieven om bij te werken: je bent nergens eigenaar, sponsor of teamlid (of deze eigenaar heeft er geen).",
    },
    "bulk.owner_filter": {"en": "Owner", "nl": "Eigenaar"},
    "bulk.owner_filter_locked": {
        "en": "Save or discard your edits before choosing another owner.",
        "nl": "Sla je wijzigingen op of maak ze ongedaan voordat je een andere eigenaar kiest.",
    },
    "bulk.field.override_reason": {
        "en": "Reason (why better than the rules say)",
        "nl": "Reden (waarom beter dan de regels aangeven)",
    },
    "bulk.changed.warning": {
        "en": "These initiatives were changed by someone else after you started editing. Your edits are kept, "
        "but these rows will not be saved until you reload them:",
        "nl": "Deze initiatieven zijn door iemand anders gewijzigd nadat je begon met bewerken. Je wijzigingen "
        "blijven staan, maar deze rijen worden pas opgeslagen als je ze opnieuw laadt:",
    },
    "bulk.changed.by_unknown": {"en": "changed by someone", "nl": "gewijzigd door iemand"},
    "bulk.changed.reload": {
        "en": "Reload these rows (drops my edits to them)",
        "nl": "Deze rijen opnieuw laden (mijn wijzigingen daarin vervallen)",
    },
    "bulk.save": {"en": "Save changes", "nl": "Wijzigingen opslaan"},
    "bulk.discard": {"en": "Discard my edits", "nl": "Mijn wijzigingen ongedaan maken"},
    "bulk.nothing_to_save": {
        "en": "Nothing changed: there is nothing to save.",
        "nl": "Er is niets gewijzigd, dus niets om op te slaan.",
    },
    "bulk.summary": {
        "en": "{saved} saved, {conflicts} changed meanwhile, {invalid} with errors, {refused} refused.",
        "nl": "{saved} opgeslagen, {conflicts} intussen gewijzigd, {invalid} met fouten, {refused} geweigerd.",
    },
    "bulk.kind.conflict": {"en": "changed meanwhile, not saved", "nl": "intussen gewijzigd, niet opgeslagen"},
    "bulk.kind.invalid": {"en": "not saved", "nl": "niet opgeslagen"},
    "bulk.kind.refused": {"en": "refused", "nl": "geweigerd"},
    "bulk.derived_help": {
        "en": "What the health rules say now (milestones, spend, updates, blockers). Reporting a better health than "
        "this needs a reason: the row's reason is taken as the override reason.",
        "nl": "Wat de statusregels nu zeggen (mijlpalen, uitgaven, updates, blokkades). Meld je een betere status, "
        "dan is een reden nodig: de reden in de rij geldt als reden voor afwijken.",
    },
}
