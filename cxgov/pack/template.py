"""The company's PowerPoint template for board packs: the clean default cxgov ships, the checks an uploaded template
passes before it is stored, and the layouts a pack is drawn on — found by their placeholders, not by their names (a
company calls its layouts "Inhoud", "Titel en object" or anything else)."""

from __future__ import annotations

import hashlib
import io
import math
import zipfile
from dataclasses import dataclass
from functools import cache

import sqlalchemy as sa
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PythonPptxError
from pptx.oxml.ns import namespaces
from pptx.presentation import Presentation as Deck
from pptx.slide import SlideLayout
from sqlmodel import Session

from cxgov import i18n
from cxgov.errors import DomainError, Number
from cxgov.models import PackTemplate
from cxgov.settings import get_settings

PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
MACRO_MARKS = ("macroenabled", "vbaproject")  # in a content type or a part's name: VBA macros (.pptm and kin)
WIDE = 12_192_000  # EMU: 13.333 in, PowerPoint's 16:9 at 7.5 in high
MB = 1024 * 1024
UNPACKED_PER_PACKED = 5  # a template of pictures and XML unpacks to a few times its size; a zip bomb to thousands
MAX_PARTS = 5_000
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
LATENT = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.HEADER)
KINDS = {
    PP_PLACEHOLDER.TITLE: "title",
    PP_PLACEHOLDER.CENTER_TITLE: "title",
    PP_PLACEHOLDER.SUBTITLE: "subtitle",
    PP_PLACEHOLDER.BODY: "content",
    PP_PLACEHOLDER.OBJECT: "content",
    PP_PLACEHOLDER.PICTURE: "picture",
    PP_PLACEHOLDER.CHART: "chart",
    PP_PLACEHOLDER.TABLE: "table",
}
NS = namespaces("a", "p")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass(frozen=True)
class Layout:
    """A layout slides are made on, and the idx of its title placeholder and of the placeholder for the rest."""

    slide_layout: SlideLayout
    title: int
    body: int


@dataclass(frozen=True)
class TemplateLayouts:
    content: Layout  # every section's slides
    title: Layout  # the cover and the appendix's divider (the content layout when the template has no title layout)


class NoContentLayout(DomainError):
    """A template without a layout to draw sections on; the message names every layout and what it holds."""

    def __init__(self, file_name: str, layouts: list[tuple[str, tuple[str, ...]]]):
        self.layouts = layouts
        super().__init__("pack.template.error.no_layout", name=file_name, layouts="")

    def message(self, lang: str = "en") -> str:
        found = ", ".join(
            f"'{name}' ({', '.join(i18n.t(f'pack.template.placeholder.{k}', lang) for k in kinds)})"
            if kinds
            else f"'{name}' ({i18n.t('pack.template.placeholders.none', lang)})"
            for name, kinds in self.layouts
        )
        return i18n.t(
            self.key, lang, name=self.params["name"], layouts=found or i18n.t("pack.template.layouts.none", lang)
        )


def check_template(data: bytes, file_name: str) -> TemplateLayouts:
    """The layouts of an uploaded template, once it passes every check; raises a DomainError naming the first
    problem. Nothing in the file is followed or run: its parts are read as data, its links only named."""
    limit = get_settings().pack_template_max_mb
    if len(data) > limit * MB:
        raise DomainError(
            "pack.template.error.too_large",
            name=file_name,
            size=Number(math.ceil(len(data) * 10 / MB) / 10),  # rounded up: never "is 20 MB, at most 20 MB"
            limit=Number(limit),
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        raise DomainError("pack.template.error.not_pptx", name=file_name) from None
    with archive:
        _check_unpacked_size(archive, file_name, limit)
        _check_content_types(archive, file_name)
        _check_relationships(archive, file_name)
    return open_template(data, file_name)[1]


def open_template(data: bytes, file_name: str = "") -> tuple[Deck, TemplateLayouts]:
    """The template opened, and the layouts a pack is drawn on."""
    try:
        deck = Presentation(io.BytesIO(data))
    except (PythonPptxError, KeyError, ValueError, AttributeError, etree.LxmlError, zipfile.BadZipFile):
        raise DomainError("pack.template.error.unreadable", name=file_name) from None
    return deck, template_layouts(deck, file_name)


def template_layouts(deck: Deck, file_name: str) -> TemplateLayouts:
    """The content layout: a title and the largest horizontal content placeholder of any layout (a plain title
    preferred to a centred one). The title layout: a centred title with a subtitle (or a body), or a title with a
    subtitle; else the content layout."""
    layouts = [layout for master in deck.slide_masters for layout in master.slide_layouts]
    content = max(
        (
            (title.placeholder_format.type == PP_PLACEHOLDER.TITLE, _area(body), -order, layout, title, body)
            for order, layout in enumerate(layouts)
            if (title := _first(layout, TITLES)) and (body := _largest(layout, BODIES))
        ),
        default=None,
        key=lambda candidate: candidate[:3],
    )
    if content is None:
        raise NoContentLayout(file_name, [(layout.name, _kinds(layout)) for layout in layouts])
    content_layout = Layout(content[3], content[4].placeholder_format.idx, content[5].placeholder_format.idx)
    return TemplateLayouts(content=content_layout, title=_title_layout(layouts) or content_layout)


def _title_layout(layouts: list[SlideLayout]) -> Layout | None:
    ranked = []
    for order, layout in enumerate(layouts):
        centre, title = _first(layout, (PP_PLACEHOLDER.CENTER_TITLE,)), _first(layout, (PP_PLACEHOLDER.TITLE,))
        subtitle, body = _first(layout, (PP_PLACEHOLDER.SUBTITLE,)), _largest(layout, (PP_PLACEHOLDER.BODY,))
        for rank, (heading, under) in enumerate(((centre, subtitle), (centre, body), (title, subtitle))):
            if heading is not None and under is not None:
                ranked.append(
                    (rank, order, Layout(layout, heading.placeholder_format.idx, under.placeholder_format.idx))
                )
                break
    return min(ranked, key=lambda found: found[:2])[2] if ranked else None


def _first(layout: SlideLayout, types):
    return next((ph for ph in layout.placeholders if ph.placeholder_format.type in types and _placed(ph)), None)


def _largest(layout: SlideLayout, types):
    """The largest placeholder of these types that holds horizontal text (vertical text cannot take a table)."""
    found = [
        ph for ph in layout.placeholders if ph.placeholder_format.type in types and _placed(ph) and not _vertical(ph)
    ]
    return max(found, key=_area, default=None)


def _placed(placeholder) -> bool:
    """Has a position and a size, its own or its master's (a placeholder without either cannot be drawn in)."""
    return None not in (placeholder.left, placeholder.top, placeholder.width, placeholder.height)


def _vertical(placeholder) -> bool:
    return any(v != "horz" for v in placeholder.element.xpath("./p:txBody/a:bodyPr/@vert"))


def _area(placeholder) -> int:
    return placeholder.width * placeholder.height


def _kinds(layout: SlideLayout) -> tuple[str, ...]:
    """What a layout's placeholders are for, in order, each once (date, footer and slide number left out)."""
    kinds = []
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        if kind in LATENT:
            continue
        name = "vertical" if kind in BODIES and _vertical(ph) else KINDS.get(kind, "other")
        if name not in kinds:
            kinds.append(name)
    return tuple(kinds)


def _check_unpacked_size(archive: zipfile.ZipFile, file_name: str, limit_mb: int) -> None:
    """The sizes the archive declares bound what reading it unpacks (zipfile stops at a part's declared size)."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > limit_mb * UNPACKED_PER_PACKED * MB:
        raise DomainError(
            "pack.template.error.zip_bomb",
            name=file_name,
            limit=Number(limit_mb * UNPACKED_PER_PACKED),
            parts=Number(MAX_PARTS),
        )


def _check_content_types(archive: zipfile.ZipFile, file_name: str) -> None:
    if any(mark in name.lower() for name in archive.namelist() for mark in MACRO_MARKS):
        raise DomainError("pack.template.error.macros", name=file_name)
    try:
        types = _xml(archive, "[Content_Types].xml", file_name).xpath("//@ContentType")
    except KeyError:
        raise DomainError("pack.template.error.not_pptx", name=file_name) from None
    if any(mark in kind.lower() for kind in types for mark in MACRO_MARKS):
        raise DomainError("pack.template.error.macros", name=file_name)
    if PRESENTATION_TYPE not in types:
        raise DomainError("pack.template.error.not_pptx", name=file_name)


def _check_relationships(archive: zipfile.ZipFile, file_name: str) -> None:
    """Every relationship stays inside the file: a link out (a picture on an intranet, a linked font, a hyperlink
    on the master) would be fetched by whoever opens a pack, so the template is refused with the part named."""
    for name in archive.namelist():
        if not name.endswith(".rels"):
            continue
        for relationship in _xml(archive, name, file_name).iter("{*}Relationship"):
            if (relationship.get("TargetMode") or "").lower() == "external":
                raise DomainError(
                    "pack.template.error.external",
                    name=file_name,
                    part=_source_part(name),
                    target=(relationship.get("Target") or "")[:200],
                )


def _source_part(rels_name: str) -> str:
    """The part a relationships part belongs to: 'ppt/slides/_rels/slide1.xml.rels' → 'ppt/slides/slide1.xml'."""
    folder, _, rels = rels_name.rpartition("_rels/")
    return (folder + rels.removesuffix(".rels")) or "/"


def _xml(archive: zipfile.ZipFile, name: str, file_name: str):
    try:
        return etree.fromstring(archive.read(name), _XML)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, ValueError):
        raise DomainError("pack.template.error.unreadable", name=file_name) from None


@cache
def default_template() -> bytes:
    """A clean 16:9 template from python-pptx's own default (4:3, Office theme): the slides widened to 13.333 in,
    every placeholder of the master and its layouts widened alike, titles left-aligned and body text at sizes a
    board reads. The theme's fonts and colours stay as they are."""
    deck = Presentation()
    scale = WIDE / deck.slide_width
    deck.slide_width = WIDE
    master = deck.slide_master
    for part in (master, *master.slide_layouts):
        for xfrm in part.element.xpath("./p:cSld/p:spTree/*/p:spPr/a:xfrm"):
            for name, attribute in (("a:off", "x"), ("a:ext", "cx")):
                node = xfrm.find(name, NS)
                node.set(attribute, str(round(int(node.get(attribute)) * scale)))
    styles = master.element.xpath("./p:txStyles")[0]
    title = styles.find("p:titleStyle/a:lvl1pPr", NS)
    title.set("algn", "l")
    title.find("a:defRPr", NS).set("sz", "3200")
    for colour in title.findall("a:defRPr/a:solidFill/a:schemeClr", NS):
        colour.set("val", "tx2")
    for level, size in zip(range(1, 10), (2000, 1800, 1600, 1400, 1400, 1400, 1400, 1400, 1400), strict=True):
        for run in styles.findall(f"p:bodyStyle/a:lvl{level}pPr/a:defRPr", NS):
            run.set("sz", str(size))
    cover = master.slide_layouts[0]  # the subtitle aligned under the title, which is now left-aligned
    for paragraph in cover.element.xpath(".//p:txBody/a:lstStyle/*[@algn='ctr']"):
        paragraph.set("algn", "l")
    title_box, subtitle = _first(cover, TITLES), _first(cover, (PP_PLACEHOLDER.SUBTITLE,))
    subtitle.left, subtitle.width = title_box.left, title_box.width
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def upload_in_use(session: Session) -> PackTemplate | None:
    """The upload packs are drawn in: the latest not retired (None: the default). A stored file whose bytes no
    longer match the SHA-256 recorded at upload was changed behind cxgov's back and is not used."""
    row = session.execute(
        sa.select(PackTemplate)
        .where(PackTemplate.retired_at.is_(None))
        .order_by(PackTemplate.created_at.desc(), PackTemplate.id.desc())
        .limit(1)
    ).scalar()
    if row is not None and hashlib.sha256(bytes(row.content)).hexdigest() != row.sha256:
        raise DomainError("pack.template.error.changed", name=row.file_name)
    return row


def active_template(session: Session) -> bytes | None:
    """The template packs are drawn in: the bytes of the upload in use (None: the default)."""
    row = upload_in_use(session)
    return None if row is None else bytes(row.content)
