"""Sign-in sessions: the signed-out page, company sign-in refusals, sign-out in the audit log, the demo in
production."""

TEXTS = {
    "entity.sign_in_session": {"en": "Sign-in session", "nl": "Inlogsessie"},
    "admin.audit.action.sign_out": {"en": "Signed out", "nl": "Uitgelogd"},
    "error.sign_out_own_only": {
        "en": "only a signed-in person can sign out",
        "nl": "alleen een ingelogd persoon kan uitloggen",
    },
    "sessions.signed_out.title": {"en": "You were signed out", "nl": "Je bent uitgelogd"},
    "sessions.sign_in_again": {"en": "Sign in again", "nl": "Opnieuw inloggen"},
    "sessions.ended.signed_out": {
        "en": "You signed out of cxgov, in this or another tab or window. Sign in again to continue.",
        "nl": "Je bent uitgelogd bij cxgov, in dit of een ander tabblad of venster. Log opnieuw in om verder te gaan.",
    },
    "sessions.ended.deactivated": {
        "en": "Your access to cxgov has ended. Ask your admin if this is a mistake.",
        "nl": "Je toegang tot cxgov is beëindigd. Vraag je beheerder als dit niet klopt.",
    },
    "sessions.ended.password_reset": {
        "en": "An admin has set a new password for your account. Sign in again with that password.",
        "nl": "Een beheerder heeft een nieuw wachtwoord voor je account ingesteld. Log opnieuw in met dat wachtwoord.",
    },
    "sessions.ended.password_changed": {
        "en": "Your password was changed in another tab or window. Sign in again with the new password.",
        "nl": "Je wachtwoord is in een ander tabblad of venster gewijzigd. Log opnieuw in met het nieuwe wachtwoord.",
    },
    "sessions.ended.expired": {
        "en": "You were signed out automatically: a sign-in lasts {hours} hours here. Sign in again to continue.",
        "nl": "Je bent automatisch uitgelogd: een inlog duurt hier {hours} uur. Log opnieuw in om verder te gaan.",
    },
    "sso.refused.no_subject.title": {"en": "Sign-in not usable", "nl": "Inloggen niet bruikbaar"},
    "sso.refused.no_subject.text": {
        "en": "Your identity provider did not send cxgov a usable account identifier (the `sub` claim). Ask your "
        "admin to check the provider's set-up.",
        "nl": "Je identiteitsprovider stuurde cxgov geen bruikbare accountcode (de `sub`-claim). Vraag je beheerder "
        "de inrichting van de provider te controleren.",
    },
    "sso.refused.invalid_email.title": {"en": "E-mail address not usable", "nl": "E-mailadres niet bruikbaar"},
    "sso.refused.invalid_email.text": {
        "en": "Your identity provider sent **{email}**, which is not an e-mail address cxgov can use (at most 254 "
        "characters, one @, no spaces or control characters). Ask your admin to correct it at the provider.",
        "nl": "Je identiteitsprovider stuurde **{email}**, en dat is geen e-mailadres dat cxgov kan gebruiken "
        "(hooguit 254 tekens, één @, geen spaties of stuurtekens). Vraag je beheerder het bij de provider te "
        "verbeteren.",
    },
    "sso.refused.unverified.title": {"en": "E-mail address not verified", "nl": "E-mailadres niet bevestigd"},
    "sso.refused.unverified.text": {
        "en": "You signed in as **{email}**, but this address was not verified by the provider, so anybody could "
        "have typed it. Verify the address with your identity provider, or ask your admin; then choose "
        "*Try again*.",
        "nl": "Je bent ingelogd als **{email}**, maar dit adres is niet bevestigd door de provider, dus iedereen "
        "kan het hebben ingetypt. Bevestig het adres bij je identiteitsprovider of vraag je beheerder; kies "
        "dan *Opnieuw proberen*.",
    },
    "sso.refused.already_bound.title": {
        "en": "Address already in use",
        "nl": "Adres al in gebruik",
    },
    "sso.refused.already_bound.text": {
        "en": "The address **{email}** already belongs to another account at your identity provider, which signs "
        "in to cxgov. cxgov does not move access between accounts by e-mail address: ask your admin.",
        "nl": "Het adres **{email}** hoort al bij een ander account bij je identiteitsprovider, dat bij cxgov "
        "inlogt. cxgov verhuist toegang niet op e-mailadres tussen accounts: vraag je beheerder.",
    },
    "demo.error.production": {
        "en": "The demo portfolio is never loaded in production: it would add 29 fictional people, an admin among "
        "them.",
        "nl": "Het demoportfolio wordt nooit in productie geladen: het zou 29 fictieve mensen toevoegen, onder wie "
        "een beheerder.",
    },
}
