"""Validation and domain error messages. Each names the reason; the UI puts it under the field."""

TEXTS = {
    "error.required": {"en": "is required", "nl": "is verplicht"},
    "error.too_long": {"en": "is too long (at most {max} characters)", "nl": "is te lang (maximaal {max} tekens)"},
    "error.out_of_range": {"en": "must be between {min} and {max}", "nl": "moet tussen {min} en {max} liggen"},
    "error.invalid_value": {"en": "has an invalid value", "nl": "heeft een ongeldige waarde"},
    "error.nul_character": {
        "en": "contains a NUL character (\\0), which cannot be stored",
        "nl": "bevat een NUL-teken (\\0), dat niet kan worden opgeslagen",
    },
    "error.invalid_email": {"en": "is not a valid e-mail address", "nl": "is geen geldig e-mailadres"},
    "error.title_taken": {
        "en": "is already used by the open initiative “{other}” (titles are compared case-insensitively)",
        "nl": "wordt al gebruikt door het lopende initiatief “{other}” (hoofdletters tellen niet mee)",
    },
    "error.name_taken": {"en": "is already used", "nl": "is al in gebruik"},
    "error.email_taken": {"en": "is already used by {other}", "nl": "is al in gebruik bij {other}"},
    "error.dates_order": {
        "en": "must be on or after the start date",
        "nl": "moet op of na de startdatum liggen",
    },
    "error.person_unknown": {"en": "is not a known person", "nl": "is geen bekende persoon"},
    "error.person_inactive": {"en": "{name} is deactivated", "nl": "{name} is gedeactiveerd"},
    "error.unknown_reference": {
        "en": "refers to something that does not exist",
        "nl": "verwijst naar iets dat niet bestaat",
    },
    "error.inactive_reference": {"en": "refers to a deactivated entry", "nl": "verwijst naar een gedeactiveerd item"},
    "error.phase_not_allowed": {
        "en": "{phase} is not possible while the status is {status} (allowed: {allowed})",
        "nl": "{phase} kan niet bij status {status} (mogelijk: {allowed})",
    },
    "error.status_for_role": {
        "en": "a new initiative starts as Proposed; approval is a governance decision",
        "nl": "een nieuw initiatief start als Voorgesteld; goedkeuren is een governance-besluit",
    },
    "error.reason_required": {
        "en": "is required unless the health is green",
        "nl": "is verplicht tenzij de status groen is",
    },
    "error.own_role": {
        "en": "you cannot change your own role or deactivate yourself",
        "nl": "je kunt je eigen rol niet wijzigen of jezelf deactiveren",
    },
    "error.conflict": {
        "en": "This was changed by {who} at {when} after you opened it. Reload to see their change, then make yours again.",
        "nl": "Dit is gewijzigd door {who} op {when} nadat je het opende. Laad opnieuw om hun wijziging te zien en doe de jouwe daarna nog eens.",
    },
    "error.conflict_no_version": {
        "en": "This save did not say which version it was based on. Reload and try again.",
        "nl": "Deze opslag gaf niet aan op welke versie hij gebaseerd was. Laad opnieuw en probeer het nog eens.",
    },
    "error.permission": {
        "en": "{who} ({role}) may not {action}.",
        "nl": "{who} ({role}) mag niet: {action}.",
    },
    "error.actor_inactive": {
        "en": "Your account is deactivated; ask an admin.",
        "nl": "Je account is gedeactiveerd; vraag een beheerder.",
    },
    "error.not_found": {"en": "{entity} {id} was not found.", "nl": "{entity} {id} is niet gevonden."},
}
