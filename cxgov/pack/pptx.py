"""The board pack as a PowerPoint file in the company's template (or the clean default): a title slide, each
section on the template's content layout (continued over slides where it needs more: "… (2/3)"), the appendix
after a divider, one slide per one-pager. Every slide carries the cut-off and its page number. Drawn from the
pack's blocks only: the same figures, written the same way, as the PDF."""

from __future__ import annotations

import io

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import PP_ALIGN

from cxgov import i18n
from cxgov.pack.blocks import SectionView, Text, cover_facts, cut_off_text, views
from cxgov.pack.content import PackContent, SectionKind
from cxgov.pack.measure import EMU_PER_INCH, pt, xml_safe
from cxgov.pack.one_pager_slide import draw_one_pager
from cxgov.pack.render import FORMATS, PackFormat, Progress
from cxgov.pack.slide_plan import Box, plan_section
from cxgov.pack.slide_shapes import NS, draw, fitting_size, inherited_size, text_box, write
from cxgov.pack.template import Layout, default_template, open_template

MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
FOOTER_SIZE = 9
TITLE_FLOOR, COVER_FLOOR = 16, 12  # the smallest sizes a long title or the cover's lines are set in
INSET = EMU_PER_INCH // 5  # a placeholder's own margins, left and right (or top and bottom) together


def draw_pptx(content: PackContent, *, template: bytes | None, progress: Progress) -> bytes:
    deck, layouts = open_template(template or default_template())
    _remove_slides(deck)
    lang = content.language
    sections = views(content)
    area = _content_area(deck, layouts.content)
    _cover(deck, layouts.title, content)
    in_appendix = False
    for n, view in enumerate(sections, start=1):
        if view.appendix and not in_appendix:
            _slide(deck, layouts.title, i18n.t("pack.slides.appendix", lang))
            in_appendix = True
        if view.kind is SectionKind.ONE_PAGER:
            draw_one_pager(_slide(deck, layouts.content, view.title), view, area, lang)
        else:
            _section(deck, layouts.content, view, area, lang)
        progress(n / len(sections), view.title)
    footer = f"{i18n.t('pack.cut_off', lang)} {cut_off_text(content)}"
    for number, slide in enumerate(deck.slides, start=1):
        _drop_empty_placeholders(slide)
        _footer(deck, slide, f"{footer} · {i18n.t('pack.page', lang, n=number)}")
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _cover(deck, layout: Layout, content: PackContent) -> None:
    """The meeting's title, and under it when and where, who chairs and minutes, the cut-off and the version."""
    slide = _slide(deck, layout, content.cover.title)
    body = slide.placeholders[layout.body]
    paragraphs = [f"{label}: {value}" for label, value in cover_facts(content).items]
    start = inherited_size(slide, body) or 20
    size = fitting_size(paragraphs, body.width - INSET, body.height - INSET, start, COVER_FLOOR)
    write(body.text_frame, paragraphs, size=size if size < start else None)


def _section(deck, layout: Layout, view: SectionView, area: Box, lang: str) -> None:
    slides = plan_section(view.blocks, area)
    for n, placed in enumerate(slides, start=1):
        title = view.title if len(slides) == 1 else f"{view.title} ({n}/{len(slides)})"
        slide = _slide(deck, layout, title)
        body = slide.placeholders[layout.body]
        for block in placed:
            draw(slide, block, lang, body if isinstance(block.block, Text) else None)


def _slide(deck, layout: Layout, title: str):
    """A new slide on the layout, its title set (smaller than the template's size only when it would not fit)."""
    slide = deck.slides.add_slide(layout.slide_layout)
    heading = slide.placeholders[layout.title]
    start = inherited_size(slide, heading) or 32
    size = fitting_size([xml_safe(title)], heading.width - INSET, heading.height - INSET, start, TITLE_FLOOR)
    write(heading.text_frame, [title], size=size if size < start else None)
    return slide


def _content_area(deck, layout: Layout) -> Box:
    """Where blocks go: the layout's content placeholder, above the footer."""
    body = layout.slide_layout.placeholders.get(layout.body)
    bottom = min(body.top + body.height, _footer_box(deck).top - pt(6))
    return Box(body.left, body.top, body.width, bottom - body.top)


def _footer_box(deck) -> Box:
    width, height = deck.slide_width, deck.slide_height
    return Box(width * 4 // 100, height * 94 // 100, width * 92 // 100, height * 4 // 100)


def _footer(deck, slide, text: str) -> None:
    shape = text_box(slide, _footer_box(deck), [text], size=FOOTER_SIZE, align=PP_ALIGN.RIGHT)
    colour = shape.text_frame.paragraphs[0].runs[0].font.color
    colour.theme_color, colour.brightness = MSO_THEME_COLOR.TEXT_1, 0.4


def _drop_empty_placeholders(slide) -> None:
    """Placeholders left empty would show the template's prompt text ('Click to add text') while editing."""
    for placeholder in list(slide.placeholders):
        if not (placeholder.has_text_frame and placeholder.text_frame.text.strip()):
            placeholder.element.getparent().remove(placeholder.element)


def _remove_slides(deck) -> None:
    """The template's own slides go, with what points at them: custom shows and slide sections (PowerPoint would
    repair a file whose lists name slides that are gone)."""
    presentation = deck.element
    for listing in presentation.xpath("./p:custShowLst | ./p:extLst/p:ext[.//*[local-name()='sectionLst']]"):
        listing.getparent().remove(listing)
    slide_ids = presentation.find("p:sldIdLst", NS)
    for slide_id in list(slide_ids) if slide_ids is not None else []:
        slide_ids.remove(slide_id)
        deck.part.drop_rel(slide_id.rId)


FORMATS["pptx"] = PackFormat("pptx", MIME, draw_pptx)
