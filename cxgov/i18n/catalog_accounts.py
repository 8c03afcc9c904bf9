"""Local accounts: sign-in and password messages."""

TEXTS = {
    "action.manage_accounts": {
        "en": "reset passwords of local accounts", "nl": "wachtwoorden van lokale accounts resetten",
    },
    "entity.local_account": {"en": "Local account", "nl": "Lokaal account"},
    "accounts.error.sign_in_failed": {
        "en": "Signing in did not work: the e-mail address or password is wrong, or the account is blocked for a "
              "while after too many attempts. Try again later, or ask your admin.",
        "nl": "Inloggen is niet gelukt: het e-mailadres of wachtwoord klopt niet, of het account is na te veel "
              "pogingen tijdelijk geblokkeerd. Probeer het later opnieuw of vraag het je beheerder.",
    },
    "error.account_password_too_short": {
        "en": "is too short (at least {min} characters; a few words in a row make a strong, memorable password)",
        "nl": "is te kort (minimaal {min} tekens; een paar woorden achter elkaar geven een sterk wachtwoord "
              "dat je onthoudt)",
    },
    "error.account_password_common": {
        "en": "is one of the most used passwords, which attackers try first: choose another",
        "nl": "is een van de meestgebruikte wachtwoorden, die aanvallers als eerste proberen: kies een ander",
    },
    "error.account_password_personal": {
        "en": "contains the account holder's name or e-mail name, which anyone who knows them would try: "
              "choose another",
        "nl": "bevat de naam of e-mailnaam van de accounthouder, die iedereen die hem of haar kent zou proberen: "
              "kies een ander",
    },
    "error.account_password_unchanged": {
        "en": "is the same as the current password", "nl": "is hetzelfde als het huidige wachtwoord",
    },
    "error.account_wrong_password": {"en": "is not your current password", "nl": "is niet je huidige wachtwoord"},
    "error.account_own_only": {
        "en": "only a person can change their own password",
        "nl": "alleen een persoon kan het eigen wachtwoord wijzigen",
    },
}
