"""Company templates built in the tests: Dutch layout names, an A4 slide, other theme fonts, a logo on the master,
slides and slide sections of its own; and the zip surgery that turns a good template into a refused one."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.shapes.picture import CT_Picture
from pptx.util import Inches, Mm

from cxgov.pack.template import PRESENTATION_TYPE, default_template

LAYOUT_NAMES = (
    "Titel",
    "Inhoud",
    "Sectiekop",
    "Twee inhoud",
    "Vergelijking",
    "Alleen titel",
    "Leeg",
    "Inhoud met bijschrift",
    "Afbeelding met bijschrift",
    "Titel en verticale tekst",
    "Verticale titel en tekst",
)
MACRO_TYPE = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"  # a .pptm's presentation part
A4 = (Mm(297), Mm(210))
FONTS = ("Georgia", "Verdana")  # the theme's heading and body fonts
TEMPLATE_SLIDE = "Voorbeeldslide van het sjabloon"
SECTIONS = (
    '<p:extLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    '<p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}">'
    '<p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main">'
    '<p14:section name="Voorbeeld" id="{8E3B3F2A-1C4D-4B5E-9F60-7A8B9C0D1E2F}">'
    '<p14:sldIdLst><p14:sldId id="256"/><p14:sldId id="257"/></p14:sldIdLst></p14:section>'
    "</p14:sectionLst></p:ext></p:extLst>"
)


def without_content_layout() -> bytes:
    """A template whose layouts hold a title with a subtitle, a title alone, a picture, vertical text, nothing."""
    deck = Presentation()
    layouts = deck.slide_master.slide_layouts
    keep = {"Title Slide", "Title Only", "Blank", "Picture with Caption", "Title and Vertical Text"}
    for layout in [layout for layout in layouts if layout.name not in keep]:
        layouts.remove(layout)
    caption = next(layout for layout in layouts if layout.name == "Picture with Caption")
    body = next(p for p in caption.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.BODY)
    body.element.getparent().remove(body.element)
    caption.element.cSld.set("name", "Foto")
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def macro_enabled() -> bytes:
    """The default saved as a macro-enabled presentation (.pptm): its content type says so, whatever its name."""
    return default_with({"[Content_Types].xml": lambda x: x.replace(PRESENTATION_TYPE.encode(), MACRO_TYPE.encode())})


def logo_png() -> bytes:
    image = Image.new("RGB", (120, 40), (200, 30, 60))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def company_template() -> bytes:
    """python-pptx's 4:3 default made a company's: A4 slides, layouts renamed in Dutch, a logo on the master, two
    example slides in a slide section, and Georgia and Verdana as the theme's fonts."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = A4
    master = deck.slide_master
    for layout, name in zip(master.slide_layouts, LAYOUT_NAMES, strict=True):
        layout.element.cSld.set("name", name)
    _, rid = master.part.get_or_add_image_part(io.BytesIO(logo_png()))
    logo = CT_Picture.new_pic(99, "Logo", "Company logo", rid, Inches(9), Inches(0.2), Inches(0.9), Inches(0.3))
    master.element.cSld.spTree.append(logo)
    for layout in (master.slide_layouts[0], master.slide_layouts[1]):
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = TEMPLATE_SLIDE
    deck.element.append(etree.fromstring(SECTIONS))
    buffer = io.BytesIO()
    deck.save(buffer)
    return rewritten(buffer.getvalue(), {"ppt/theme/theme1.xml": _theme_fonts})


def _theme_fonts(xml: bytes) -> bytes:
    text = xml.decode()
    for font, name in zip(FONTS, ("majorFont", "minorFont"), strict=True):
        text = re.sub(rf'(<a:{name}><a:latin typeface=")[^"]*', rf"\g<1>{font}", text)
    return text.encode()


def theme_fonts(data: bytes) -> tuple[str, str]:
    theme = zipfile.ZipFile(io.BytesIO(data)).read("ppt/theme/theme1.xml").decode()
    return tuple(re.search(rf'<a:{name}><a:latin typeface="([^"]*)"', theme)[1] for name in ("majorFont", "minorFont"))


def rewritten(data: bytes, changes: dict[str, Callable[[bytes], bytes] | bytes | None]) -> bytes:
    """The zip with parts changed (a function of the old bytes), added (bytes) or removed (None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            change = changes.get(name, ...)
            if change is None:
                continue
            content = source.read(name)
            if callable(change):
                content = change(content)
            elif isinstance(change, bytes):
                content = change
            target.writestr(name, content)
        for name, content in changes.items():
            if name not in source.namelist() and isinstance(content, bytes):
                target.writestr(name, content)
    return buffer.getvalue()


def default_with(changes: dict) -> bytes:
    return rewritten(default_template(), changes)
