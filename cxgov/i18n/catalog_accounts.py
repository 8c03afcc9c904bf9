"""Local accounts: sign-in and password messages."""

TEXTS = {
    "action.manage_accounts": {
        "en": "reset passwords of local accounts",
        "nl": "wachtwoorden van lokale accounts resetten",
    },
    "entity.local_account": {"en": "Local account", "nl": "Lokaal account"},
    "accounts.sign_in.title": {"en": "Sign in to cxgov", "nl": "Inloggen bij cxgov"},
    "accounts.sign_in.email": {"en": "E-mail address", "nl": "E-mailadres"},
    "accounts.sign_in.password": {"en": "Password", "nl": "Wachtwoord"},
    "accounts.sign_in.submit": {"en": "Sign in", "nl": "Inloggen"},
    "accounts.sign_in.help": {
        "en": "No password yet, or forgotten it? Ask your admin to set one; you choose your own at the first sign-in.",
        "nl": "Nog geen wachtwoord, of vergeten? Vraag je beheerder er een in te stellen; bij de eerste keer "
        "inloggen kies je je eigen wachtwoord.",
    },
    "accounts.signed_in_as": {"en": "Signed in as {name} · {role}", "nl": "Ingelogd als {name} · {role}"},
    "accounts.sign_out": {"en": "Sign out", "nl": "Uitloggen"},
    "accounts.new_password.title": {"en": "Choose a new password", "nl": "Kies een nieuw wachtwoord"},
    "accounts.new_password.why": {
        "en": "Your admin set your current password. Choose your own before you continue: a few words in a row "
        "make a strong password you can remember.",
        "nl": "Je beheerder heeft je huidige wachtwoord ingesteld. Kies eerst je eigen wachtwoord: een paar "
        "woorden achter elkaar geven een sterk wachtwoord dat je onthoudt.",
    },
    "accounts.new_password.current": {"en": "Current password", "nl": "Huidig wachtwoord"},
    "accounts.new_password.new": {"en": "New password", "nl": "Nieuw wachtwoord"},
    "accounts.new_password.repeat": {"en": "Repeat the new password", "nl": "Herhaal het nieuwe wachtwoord"},
    "accounts.new_password.submit": {"en": "Save new password", "nl": "Nieuw wachtwoord opslaan"},
    "accounts.new_password.mismatch": {
        "en": "is not the same as the new password",
        "nl": "is niet hetzelfde als het nieuwe wachtwoord",
    },
    "accounts.new_password.saved": {"en": "Your new password is saved.", "nl": "Je nieuwe wachtwoord is opgeslagen."},
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
        "en": "is the same as the current password",
        "nl": "is hetzelfde als het huidige wachtwoord",
    },
    "error.account_wrong_password": {"en": "is not your current password", "nl": "is niet je huidige wachtwoord"},
    "error.account_own_only": {
        "en": "only a person can change their own password",
        "nl": "alleen een persoon kan het eigen wachtwoord wijzigen",
    },
    "sso.sign_in.intro": {
        "en": "Sign in with your company account. You will come back here once your identity provider has "
        "confirmed who you are.",
        "nl": "Log in met je bedrijfsaccount. Je komt hier terug zodra je identiteitsprovider heeft bevestigd "
        "wie je bent.",
    },
    "sso.sign_in.button": {"en": "Sign in with company account", "nl": "Inloggen met bedrijfsaccount"},
    "sso.sign_in.help": {
        "en": "Company single sign-on. Problems signing in? Ask the cxgov admin of your organisation.",
        "nl": "Eenmalige aanmelding van je organisatie. Lukt inloggen niet? Vraag de cxgov-beheerder.",
    },
    "sso.refused.unknown.title": {"en": "No access to cxgov yet", "nl": "Nog geen toegang tot cxgov"},
    "sso.refused.unknown.text": {
        "en": "You signed in as **{email}**, but cxgov does not know this e-mail address yet. Ask your cxgov "
        "admin to add you (Admin → People) with exactly this address, then choose *Try again*.",
        "nl": "Je bent ingelogd als **{email}**, maar cxgov kent dit e-mailadres nog niet. Vraag je "
        "cxgov-beheerder je toe te voegen (Beheer → Mensen) met precies dit adres en kies dan "
        "*Opnieuw proberen*.",
    },
    "sso.refused.deactivated.title": {"en": "Your access has ended", "nl": "Je toegang is beëindigd"},
    "sso.refused.deactivated.text": {
        "en": "The account **{email}** is deactivated in cxgov. Ask your cxgov admin if this is a mistake.",
        "nl": "Het account **{email}** is in cxgov gedeactiveerd. Vraag je cxgov-beheerder als dit niet klopt.",
    },
    "sso.refused.no_email.title": {"en": "No e-mail address received", "nl": "Geen e-mailadres ontvangen"},
    "sso.refused.no_email.text": {
        "en": "Your identity provider did not give cxgov an e-mail address, and at the first sign-in cxgov "
        "recognises people by it. Ask your admin to check that the provider sends the `email` claim (scope "
        "`email`).",
        "nl": "Je identiteitsprovider gaf cxgov geen e-mailadres, en daaraan herkent cxgov mensen bij de eerste "
        "keer inloggen. Vraag je beheerder te controleren dat de provider de `email`-claim meestuurt (scope "
        "`email`).",
    },
    "sso.try_again": {"en": "Try again", "nl": "Opnieuw proberen"},
}
