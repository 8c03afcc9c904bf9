"""The rules every input shares: messages for numbers, dates, choices and limits (each names the limit), and
the question before a date in the past is saved where the future is expected."""

TEXTS = {
    "error.date_window": {
        "en": "must be a date in the years {first}–{last}",
        "nl": "moet een datum in de jaren {first}–{last} zijn",
    },
    "error.whole_number": {
        "en": "must be a whole number written with the digits 0–9",
        "nl": "moet een geheel getal zijn, geschreven met de cijfers 0–9",
    },
    "error.number": {
        "en": "must be a number written with the digits 0–9 and a decimal point (e.g. 7.5)",
        "nl": "moet een getal zijn, geschreven met de cijfers 0–9 en een punt als decimaalteken (bijv. 7.5)",
    },
    "error.at_least": {"en": "must be at least {min}", "nl": "moet minstens {min} zijn"},
    "error.at_most": {"en": "must be at most {max}", "nl": "mag hoogstens {max} zijn"},
    "error.too_many": {"en": "has too many entries (at most {max})", "nl": "heeft te veel items (hoogstens {max})"},
    "error.unknown_field": {"en": "is not a field of this form", "nl": "is geen veld van dit formulier"},
    "error.not_text": {"en": "must be text", "nl": "moet tekst zijn"},
    "error.yes_or_no": {"en": "must be yes or no", "nl": "moet ja of nee zijn"},
    "error.not_a_date": {"en": "is not a date (dd-mm-yyyy)", "nl": "is geen datum (dd-mm-jjjj)"},
    "error.not_a_choice": {"en": "is not one of the choices", "nl": "is geen van de keuzes"},
    "error.not_a_list": {"en": "must be a list of choices", "nl": "moet een lijst van keuzes zijn"},
    # a date in the past where the future is expected (cxgov.ui.kit.past_dates)
    "form.past_date.line": {"en": "{field}: {day} is in the past.", "nl": "{field}: {day} ligt in het verleden."},
    "form.past_date.ask": {
        "en": "Is that what you mean? Tick the box below and save again.",
        "nl": "Bedoel je dat? Vink het vakje hieronder aan en sla opnieuw op.",
    },
    "form.past_date.confirm": {
        "en": "Yes, save with the date in the past",
        "nl": "Ja, opslaan met de datum in het verleden",
    },
}
