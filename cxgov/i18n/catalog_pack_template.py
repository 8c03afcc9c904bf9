"""Texts of the company's PowerPoint template for board packs: who may change it, and why an upload is refused."""

TEXTS = {
    "action.manage_pack_template": {
        "en": "change the PowerPoint template of the board packs",
        "nl": "de PowerPoint-sjabloon van de bestuurspakketten wijzigen",
    },
    "entity.pack_template": {"en": "Board pack template", "nl": "Sjabloon voor bestuurspakketten"},
    "pack.template.error.name": {
        "en": "The file needs a name of at most 255 characters.",
        "nl": "Het bestand moet een naam hebben van hoogstens 255 tekens.",
    },
    "pack.template.error.too_large": {
        "en": "'{name}' is {size} MB; a template may be at most {limit} MB (CXGOV_PACK_TEMPLATE_MAX_MB).",
        "nl": "'{name}' is {size} MB; een sjabloon mag hoogstens {limit} MB zijn (CXGOV_PACK_TEMPLATE_MAX_MB).",
    },
    "pack.template.error.not_pptx": {
        "en": "'{name}' is not a PowerPoint presentation (.pptx). A template saved as .potx: open it in PowerPoint "
        "and save it as a presentation (.pptx).",
        "nl": "'{name}' is geen PowerPoint-presentatie (.pptx). Een sjabloon opgeslagen als .potx: open het in "
        "PowerPoint en sla het op als presentatie (.pptx).",
    },
    "pack.template.error.unreadable": {
        "en": "'{name}' could not be read as a presentation: a part of it is missing or damaged.",
        "nl": "'{name}' kon niet als presentatie worden gelezen: een deel ervan ontbreekt of is beschadigd.",
    },
    "pack.template.error.macros": {
        "en": "'{name}' contains macros (VBA); macros are not accepted. Save it as a presentation without macros "
        "(.pptx) and upload that.",
        "nl": "'{name}' bevat macro's (VBA); macro's worden niet geaccepteerd. Sla het op als presentatie zonder "
        "macro's (.pptx) en upload die.",
    },
    "pack.template.error.zip_bomb": {
        "en": "'{name}' unpacks to more than {limit} MB (or into more than {parts} parts): refused, as a file "
        "built to exhaust the server would be.",
        "nl": "'{name}' pakt uit tot meer dan {limit} MB (of in meer dan {parts} delen): geweigerd, zoals een "
        "bestand dat de server wil uitputten.",
    },
    "pack.template.error.external": {
        "en": "'{name}' links to something outside the file (in {part}): '{target}'. Templates with external "
        "links are refused; embed the picture or remove the link, then upload it again.",
        "nl": "'{name}' verwijst naar iets buiten het bestand (in {part}): '{target}'. Sjablonen met externe "
        "koppelingen worden geweigerd; sluit de afbeelding in of verwijder de koppeling en upload het opnieuw.",
    },
    "pack.template.error.no_layout": {
        "en": "'{name}' has no layout with a title and a content placeholder; layouts found: {layouts}.",
        "nl": "'{name}' heeft geen indeling met een titel en een tijdelijke aanduiding voor inhoud; gevonden "
        "indelingen: {layouts}.",
    },
    "pack.template.error.changed": {
        "en": "The stored template '{name}' is no longer the file that was uploaded (its SHA-256 differs). Upload "
        "the template again, or go back to the default.",
        "nl": "Het opgeslagen sjabloon '{name}' is niet meer het bestand dat werd geüpload (de SHA-256 wijkt af). "
        "Upload het sjabloon opnieuw, of ga terug naar het standaardsjabloon.",
    },
    "pack.template.layouts.none": {"en": "none", "nl": "geen"},
    "pack.template.placeholders.none": {"en": "no placeholders", "nl": "geen tijdelijke aanduidingen"},
    "pack.template.placeholder.title": {"en": "title", "nl": "titel"},
    "pack.template.placeholder.subtitle": {"en": "subtitle", "nl": "ondertitel"},
    "pack.template.placeholder.content": {"en": "content", "nl": "inhoud"},
    "pack.template.placeholder.vertical": {"en": "vertical text", "nl": "verticale tekst"},
    "pack.template.placeholder.picture": {"en": "picture", "nl": "afbeelding"},
    "pack.template.placeholder.chart": {"en": "chart", "nl": "grafiek"},
    "pack.template.placeholder.table": {"en": "table", "nl": "tabel"},
    "pack.template.placeholder.other": {"en": "other", "nl": "overig"},
}
