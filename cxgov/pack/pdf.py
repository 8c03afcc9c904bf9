"""The board pack as a PDF, for members who read it on a tablet: the same sections, blocks and figures as the
PPTX, in the same order (cxgov.pack.blocks), on A4 portrait pages. A cover, the contents (with the appendix
under a heading of its own, every line a link, the same tree as the PDF's outline), then each section from a
new page; long tables flow on with their header repeated instead of being cut into slides.

Every text reaches the page through PackFont.markup or PackFont.shown: escaped for platypus's mini-markup,
without control characters, drawable by the font."""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence

from reportlab.platypus import (
    BalancedColumns,
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)
from reportlab.platypus.tableofcontents import TableOfContents

from cxgov import i18n
from cxgov.pack.blocks import Block, Chart, Facts, SectionView, Table, Text, cover_facts, cut_off_text, views
from cxgov.pack.content import PackContent, SectionKind
from cxgov.pack.pdf_charts import chart_drawing
from cxgov.pack.pdf_document import LANDSCAPE, PORTRAIT, Footer, Heading, Mark, PackDocument, text_size
from cxgov.pack.pdf_look import NAVY, PackFont, Styles, pack_font, styles
from cxgov.pack.pdf_tables import data_table, facts_table, is_wide
from cxgov.pack.render import FORMATS, PackFormat, Progress

BODY_SIZE = 9.5
COVER_SIZE = 12
ONE_PAGER_SIZE = 7.5  # two columns of this size fit an initiative's one-pager on a page
COLUMN_GAP = 14
KEPT_LINES = 8  # a table's or text's heading is kept with about this many lines of body text below it
KEPT_SHARE = 0.5  # a table up to this share of a page is kept on one page
LAID_OUT = 0.85  # the share of the work done when the first pass has placed every section


def draw_pdf(content: PackContent, *, template: bytes | None = None, progress: Progress) -> bytes:
    """The pack as the bytes of a PDF; the same content gives the same bytes. `template` is the PPTX's slide
    master and does not apply to a PDF."""
    lang = content.language
    font = pack_font()
    buffer = io.BytesIO()
    body, cover = content.cover.facts.get("body") or "", content.cover.title
    document = PackDocument(
        buffer,
        font=font,
        footer=Footer(
            left=f"{font.line(cover)}  ·  {font.line(i18n.t('pack.cut_off', lang))} {font.line(cut_off_text(content))}",
            page_of=lambda n, total: i18n.t("pack.pdf.page_of", lang, n=n, total=total or "…"),
        ),
        progress=progress,
        title=font.line(f"{i18n.t('pack.file.title', lang)} — {cover}"),
        author=font.line(body),
        subject=font.line(i18n.t("pack.pdf.subject", lang, body=body, starts=cover_facts(content).items[0][1])),
        lang=i18n.LOCALES[lang].replace("_", "-"),
    )
    story = PackStory(content, font)
    document.multiBuild([document.total, *story.flowables()])
    progress(1.0, i18n.t("pack.pdf.finishing", lang))
    return buffer.getvalue()


class PackStory:
    """The flowables of the pack, in order."""

    def __init__(self, content: PackContent, font: PackFont):
        self.content, self.font, self.lang = content, font, content.language
        self.look, self.compact = styles(font, BODY_SIZE), styles(font, ONE_PAGER_SIZE)
        self.cover_look = styles(font, COVER_SIZE)
        self.sections = views(content)

    def flowables(self) -> list[Flowable]:
        shown = [v for v in self.sections if v.kind is not SectionKind.COVER]
        cover = next((v for v in self.sections if v.kind is SectionKind.COVER), None)
        story = [*self._cover(cover), NextPageTemplate("body")]
        if shown:  # a pack of a cover alone has no contents (platypus would print a placeholder)
            story += [PageBreak(), *self._contents(shown)]
        first_appendix = next((n for n, v in enumerate(shown) if v.appendix), None)
        for n, view in enumerate(shown):
            page = LANDSCAPE if self._is_wide(view) else PORTRAIT
            story += [NextPageTemplate("wide" if page is LANDSCAPE else "body"), PageBreak()]
            if n == first_appendix:
                story.append(self._heading(self._appendix_mark(), i18n.t("pack.pdf.appendix", self.lang)))
            story.append(self._heading(self._section_mark(n, view, len(shown)), view.title))
            width, height = text_size(page)
            if view.kind is SectionKind.ONE_PAGER:
                story += self._one_pager(view, (width, height))
            else:
                story += self._blocks(view.blocks, self.look, (width, height))
        return story

    def _one_pager(self, view: SectionView, size: tuple[float, float]) -> list[Flowable]:
        """An initiative on one page: its commentary and facts in two balanced columns of smaller text, then its
        tables and charts across the page, as small."""
        opening = list(itertools.takewhile(lambda block: isinstance(block, Facts | Text), view.blocks))
        column = ((size[0] - COLUMN_GAP) / 2, size[1])
        columns = self._blocks(opening, self.compact, column)
        rest = self._blocks(view.blocks[len(opening) :], self.compact, size)
        return ([BalancedColumns(columns, nCols=2, innerPadding=COLUMN_GAP)] if columns else []) + rest

    def _is_wide(self, view: SectionView) -> bool:
        """A section whose tables need more room than a portrait page gives (a one-pager stays one page)."""
        width = text_size(PORTRAIT)[0]
        return view.kind is not SectionKind.ONE_PAGER and any(
            is_wide(block, self.font, self.look, width) for block in view.blocks if isinstance(block, Table)
        )

    def _cover(self, view: SectionView | None) -> list[Flowable]:
        name = i18n.t("pack.file.title", self.lang)
        flowables: list[Flowable] = [
            Spacer(1, 90),
            Paragraph(self.font.markup(name.upper()), self.cover_look.label),
            Paragraph(self.font.markup(self.content.cover.title), self.cover_look.title),
            HRFlowable(width="100%", thickness=2, color=NAVY, spaceBefore=4, spaceAfter=18, hAlign="LEFT"),
            facts_table(cover_facts(self.content), self.font, self.cover_look, text_size(PORTRAIT)[0]),
            Spacer(1, 12),
        ]
        return flowables + (self._blocks(view.blocks, self.look, text_size(PORTRAIT)) if view else [])

    def _contents(self, shown: list[SectionView]) -> list[Flowable]:
        contents = TableOfContents(
            levelStyles=list(self.look.toc),
            dotsMinLevel=0,
            rightColumnWidth=40,
            tableStyle=[
                ("FONTNAME", (0, 0), (-1, -1), self.font.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
        )
        # The entries as far as known before layout, so the first pass already gives the contents their height.
        marks = [self._section_mark(n, view, len(shown)) for n, view in enumerate(shown)]
        first_appendix = next((n for n, v in enumerate(shown) if v.appendix), None)
        if first_appendix is not None:
            marks.insert(first_appendix, self._appendix_mark())
        contents.addEntries([(m.level, m.toc, 0, m.key) for m in marks])
        title = i18n.t("pack.file.contents", self.lang)
        return [self._heading(Mark("contents", 0, self.font.line(title), None), title), contents]

    def _section_mark(self, n: int, view: SectionView, count: int) -> Mark:
        level = 1 if view.appendix else 0
        return Mark(
            f"section-{n}", level, self.font.line(view.title), self.font.markup(view.title), LAID_OUT * n / count
        )

    def _appendix_mark(self) -> Mark:
        title = i18n.t("pack.pdf.appendix", self.lang)
        return Mark("appendix", 0, self.font.line(title), f"<b>{self.font.markup(title)}</b>")

    def _heading(self, mark: Mark, title: str) -> Heading:
        """A page's heading, as typed (line breaks kept), marked for the contents and the outline."""
        return Heading(self.font.markup(title), self.look.heading, mark)

    def _blocks(self, blocks: Sequence[Block], look: Styles, size: tuple[float, float]) -> list[Flowable]:
        """Blocks as flowables for text `size` points wide and high. On flowing pages a heading starts a new page
        rather than end one, and a short table is kept whole; a one-pager's (smaller) blocks are packed as they
        come, to keep to their page."""
        flowing = look is self.look
        flowables: list[Flowable] = []
        for block in blocks:
            if flowing and isinstance(block, Table | Text):
                flowables.append(CondPageBreak(look.body.leading * KEPT_LINES))
            if isinstance(block, Facts):
                flowables += [facts_table(block, self.font, look, size[0]), Spacer(1, look.body.fontSize)]
            elif isinstance(block, Table):
                table = data_table(block, self.font, look, size, i18n.t("pack.pdf.no_rows", self.lang))
                flowables += kept(table, size) if flowing else table
            elif isinstance(block, Chart):
                flowables.append(self._chart(block, look, size[0]))
            elif isinstance(block, Text):
                flowables += self._text(block, look)
        return flowables

    def _chart(self, chart: Chart, look: Styles, width: float) -> Flowable:
        drawing = chart_drawing(chart, self.font, width, self.lang)
        shown = drawing or Paragraph(self.font.markup(i18n.t("pack.pdf.no_figures", self.lang)), look.note)
        return KeepTogether([Paragraph(self.font.markup(chart.title), look.subheading), shown])

    def _text(self, text: Text, look: Styles) -> list[Flowable]:
        heading = [Paragraph(self.font.markup(text.heading), look.subheading)] if text.heading else []
        return heading + [Paragraph(self.font.markup(p), look.body) for p in text.paragraphs]


def kept(flowables: list[Flowable], size: tuple[float, float]) -> list[Flowable]:
    """A short table kept whole on one page (moved to the next if need be) rather than leave a row or two
    behind; a long one starts where it is and flows."""
    width, height = size
    if sum(f.wrap(width, height)[1] for f in flowables) > height * KEPT_SHARE:
        return flowables
    return [KeepTogether(flowables)]


FORMATS["pdf"] = PackFormat(code="pdf", mime="application/pdf", draw=draw_pdf)
