"""Texts of the board pack: the executive summary drafted from the data, and publishing's refusals."""

TEXTS = {
    "pack.summary.title": {"en": "Executive summary", "nl": "Managementsamenvatting"},
    "pack.summary.proposal": {
        "en": "Approve {title}: proposed by {owner} for {department}, with a planned budget of {amount}.",
        "nl": "Goedkeuring van {title}: voorgesteld door {owner} voor {department}, met een gepland budget van {amount}.",
    },
    "pack.summary.ask": {
        "en": "{title} ({owner}) asks the board: {ask}",
        "nl": "{title} ({owner}) vraagt het bestuur: {ask}",
    },
    "pack.error.held": {
        "en": "The pack cannot be published now: the meeting is {status}. The last pack published is what the "
        "board received.",
        "nl": "Het pakket kan nu niet worden gepubliceerd: de vergadering is {status}. Het laatst gepubliceerde "
        "pakket is wat het bestuur ontving.",
    },
    "pack.error.paragraph": {
        "en": "The paragraph for '{key}' is not a decision requested of this meeting, or is longer than 2,000 "
        "characters.",
        "nl": "De alinea voor '{key}' hoort niet bij een gevraagd besluit van deze vergadering, of is langer dan "
        "2.000 tekens.",
    },
}
