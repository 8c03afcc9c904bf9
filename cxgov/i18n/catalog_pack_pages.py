"""Texts of the board pack in the app: the meeting page's Board pack tab (versions, publishing, files) and the
line saying whether the live data still reads as the last pack."""

TEXTS = {
    "meeting_page.tab.pack": {"en": "Board pack", "nl": "Bestuurspakket"},
    # Publishing
    "pack_tab.publish": {"en": "Publish the pack", "nl": "Pakket publiceren"},
    "pack_tab.field.language": {"en": "Language of the pack", "nl": "Taal van het pakket"},
    "pack_tab.language.en": {"en": "English", "nl": "Engels"},
    "pack_tab.language.nl": {"en": "Dutch", "nl": "Nederlands"},
    "pack_tab.field.summary": {
        "en": "The chair's opening of the executive summary",
        "nl": "Opening van de managementsamenvatting door de voorzitter",
    },
    "pack_tab.paragraphs": {
        "en": "Decisions requested: a paragraph each, drafted from the data. Change what the board should read.",
        "nl": "Gevraagde besluiten: per besluit een alinea, opgesteld uit de gegevens. Pas aan wat het bestuur moet "
        "lezen.",
    },
    "pack_tab.no_requests": {
        "en": "No decisions are requested of this meeting.",
        "nl": "Aan deze vergadering worden geen besluiten gevraagd.",
    },
    "pack_tab.publish_button": {"en": "Publish pack", "nl": "Pakket publiceren"},
    "pack_tab.published": {"en": "Version {n} published.", "nl": "Versie {n} gepubliceerd."},
    # The versions
    "pack_tab.none": {
        "en": "No pack has been published for this meeting yet.",
        "nl": "Voor deze vergadering is nog geen pakket gepubliceerd.",
    },
    "pack_tab.version": {"en": "Version {n}", "nl": "Versie {n}"},
    "pack_tab.cut_off": {"en": "cut-off {when}", "nl": "peildatum {when}"},
    "pack_tab.published_by": {"en": "published by {who} on {when}", "nl": "gepubliceerd door {who} op {when}"},
    "pack_tab.hash": {"en": "Fingerprint (SHA-256) {short}…", "nl": "Vingerafdruk (SHA-256) {short}…"},
    "pack_tab.hash_full": {
        "en": "The whole SHA-256 of this version: {full}",
        "nl": "De volledige SHA-256 van deze versie: {full}",
    },
    "pack_tab.not_intact": {
        "en": "This version no longer holds what was published: its stored fingerprints do not match. It is not "
        "offered for download; tell an administrator.",
        "nl": "Deze versie bevat niet meer wat gepubliceerd is: de opgeslagen vingerafdrukken kloppen niet. Ze wordt "
        "niet aangeboden om te downloaden; meld het aan een beheerder.",
    },
    # The files
    "pack_tab.no_formats": {
        "en": "No file formats are available on this server.",
        "nl": "Op deze server zijn geen bestandsformaten beschikbaar.",
    },
    "pack_tab.produce": {"en": "Prepare {format}", "nl": "{format} maken"},
    "pack_tab.drawing": {"en": "Drawing the {format}…", "nl": "{format} wordt gemaakt…"},
    "pack_tab.download": {"en": "Download {format}", "nl": "{format} downloaden"},
    "pack_tab.file_failed": {
        "en": "The file could not be produced: {kind}.",
        "nl": "Het bestand kon niet worden gemaakt: {kind}.",
    },
    # The live data against the last pack
    "pack_line.differs": {
        "en": "Live data differs since pack version {n} (cut-off {cut_off}): {titles}",
        "nl": "De actuele gegevens wijken af van het pakket (versie {n}, peildatum {cut_off}): {titles}",
    },
    "pack_line.matches": {
        "en": "Pack version {n} (cut-off {cut_off}) matches the live data.",
        "nl": "Pakketversie {n} (peildatum {cut_off}) komt overeen met de actuele gegevens.",
    },
}
