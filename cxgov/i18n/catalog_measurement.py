"""Measurement from raw data: computed readings, imports of responses and readings, targets, impact."""

TEXTS = {
    "measurement.error.source_reserved": {
        "en": "“{source}” is the source of readings computed from survey responses: choose another source name",
        "nl": "“{source}” is de bron van metingen die uit enquêteantwoorden berekend zijn: kies een andere bronnaam",
    },
    "measurement.error.computed_reading_fixed": {
        "en": "this reading is computed from survey responses and recomputed by every import: correct the "
        "responses (import them again), not the reading",
        "nl": "deze meting is berekend uit enquêteantwoorden en wordt bij elke import opnieuw berekend: corrigeer "
        "de antwoorden (importeer ze opnieuw), niet de meting",
    },
}
