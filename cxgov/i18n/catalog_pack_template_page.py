"""Texts of the Admin page of the board pack's PowerPoint template: the template in use, its layouts, the upload
and going back to the default (the title is entity.pack_template; refusals are the pack.template.error.* texts)."""

TEXTS = {
    "pack_template_page.intro": {
        "en": "Board packs are drawn as PowerPoint in this template: its slide size, theme (fonts and colours) and "
        "slide master (a logo, say) carry over to every pack. cxgov finds the layouts by their placeholders, "
        "whatever they are called.",
        "nl": "Bestuurspakketten worden als PowerPoint in dit sjabloon gemaakt: het diaformaat, het thema "
        "(lettertypen en kleuren) en het diamodel (bijvoorbeeld een logo) gaan mee naar elk pakket. cxgov vindt de "
        "indelingen aan hun tijdelijke aanduidingen, hoe ze ook heten.",
    },
    "pack_template_page.in_use": {"en": "Template in use", "nl": "Sjabloon in gebruik"},
    "pack_template_page.default": {
        "en": "cxgov's own clean template (16:9, Office theme). Upload your company's template to draw the packs "
        "in its house style.",
        "nl": "Het eigen, sobere sjabloon van cxgov (16:9, Office-thema). Upload het sjabloon van uw organisatie "
        "om de pakketten in de huisstijl te maken.",
    },
    "pack_template_page.uploaded": {
        "en": "**{name}** · {size} MB · uploaded by {who} on {when}",
        "nl": "**{name}** · {size} MB · geüpload door {who} op {when}",
    },
    "pack_template_page.layout_title": {
        "en": "Title slide (the cover and the appendix's divider): layout '{name}'",
        "nl": "Titeldia (de omslag en het tussenblad van de bijlagen): indeling '{name}'",
    },
    "pack_template_page.layout_content": {
        "en": "Every section's slides: layout '{name}'",
        "nl": "De dia's van elk onderdeel: indeling '{name}'",
    },
    "pack_template_page.download": {"en": "Download the template in use", "nl": "Sjabloon in gebruik downloaden"},
    "pack_template_page.download_help": {
        "en": "Start from this file: change its slide master and layouts in PowerPoint, save it as a presentation "
        "(.pptx) and upload it below.",
        "nl": "Begin met dit bestand: pas het diamodel en de indelingen aan in PowerPoint, sla het op als presentatie "
        "(.pptx) en upload het hieronder.",
    },
    "pack_template_page.upload_heading": {"en": "Upload a new template", "nl": "Nieuw sjabloon uploaden"},
    "pack_template_page.file": {"en": "PowerPoint presentation (.pptx)", "nl": "PowerPoint-presentatie (.pptx)"},
    "pack_template_page.file_help": {
        "en": "At most {limit} MB (CXGOV_PACK_TEMPLATE_MAX_MB). The file is checked before it is stored: no macros, "
        "no links to anything outside the file, and a layout with a title and a content placeholder. It replaces "
        "the template in use for every file drawn from then on.",
        "nl": "Hoogstens {limit} MB (CXGOV_PACK_TEMPLATE_MAX_MB). Het bestand wordt gecontroleerd voordat het wordt "
        "opgeslagen: geen macro's, geen koppelingen naar iets buiten het bestand, en een indeling met een titel en "
        "een tijdelijke aanduiding voor inhoud. Het vervangt het sjabloon in gebruik voor elk bestand dat daarna "
        "wordt gemaakt.",
    },
    # Not "Upload" alone: Streamlit's own button in the file field is called that.
    "pack_template_page.upload": {"en": "Upload and use", "nl": "Uploaden en gebruiken"},
    "pack_template_page.uploaded_done": {
        "en": "Board packs are now drawn in '{name}'.",
        "nl": "Bestuurspakketten worden nu gemaakt in '{name}'.",
    },
    "pack_template_page.back": {"en": "Go back to the default template", "nl": "Terug naar het standaardsjabloon"},
    "pack_template_page.back_help": {
        "en": "Board packs are drawn in cxgov's own template again. The uploaded file is retired, not deleted.",
        "nl": "Bestuurspakketten worden weer in het eigen sjabloon van cxgov gemaakt. Het geüploade bestand wordt "
        "buiten gebruik gesteld, niet verwijderd.",
    },
    "pack_template_page.back_done": {
        "en": "Board packs are drawn in cxgov's default template again.",
        "nl": "Bestuurspakketten worden weer in het standaardsjabloon van cxgov gemaakt.",
    },
}
