"""The PDF pack's document: A4 pages (the cover bare, every other page with a footer naming the meeting, the
cut-off and 'page n of N'), and headings that enter the table of contents and the PDF's outline.

Platypus lays the document out in passes (multiBuild) until the table of contents and the page total no longer
change: a pass learns the page numbers and the total that the next pass writes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.flowables import Flowable

from cxgov.pack.pdf_look import MUTED, RULE, PackFont, fitted

MARGIN = 18 * mm
FOOTER = 12 * mm  # below the frame: a rule and one line
FOOTER_SIZE = 7.5
PORTRAIT, LANDSCAPE = A4, landscape(A4)


def text_size(page: tuple[float, float]) -> tuple[float, float]:
    """Width and height of the text on a page of size `page` (within the margins, above the footer)."""
    return page[0] - 2 * MARGIN, page[1] - 2 * MARGIN - FOOTER


@dataclass(frozen=True)
class Mark:
    """Where a heading leads from the contents and the outline. `toc` is its markup in the contents (None: in the
    outline only); `share` the share of the pack done when it is placed (None: no progress step)."""

    key: str
    level: int
    outline: str
    toc: str | None
    share: float | None = None


class Heading(Paragraph):
    """A heading that the document enters in the contents and the outline where it lands."""

    def __init__(self, text: str, style, mark: Mark):
        super().__init__(text, style)
        self.mark = mark


class PageTotal(Flowable):
    """Takes no room; counts the pages of a pass, so the next pass can write 'page n of N' (a pass is needed
    again while the total changes)."""

    def __init__(self):
        super().__init__()
        self.total: int | None = None  # of the last finished pass
        self._counting = 0
        self._settled = False

    def isIndexing(self):  # noqa: N802 (a reportlab hook)
        return 1

    def beforeBuild(self):  # noqa: N802 (a reportlab hook)
        self._counting = 0

    def afterBuild(self):  # noqa: N802 (a reportlab hook)
        self._settled, self.total = self._counting == self.total, self._counting

    def isSatisfied(self):  # noqa: N802 (a reportlab hook)
        return self._settled

    def notify(self, kind, stuff):
        if kind == "page":
            self._counting = stuff

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


@dataclass(frozen=True)
class Footer:
    left: str  # drawable text: the meeting and the cut-off
    page_of: Callable[[int, int | None], str]  # 'Page 3 of 24'


class PackDocument(BaseDocTemplate):
    """A4 pages: the cover (portrait, bare), the body (portrait) and wide tables' pages (landscape), both with the
    footer."""

    def __init__(self, buffer, *, font: PackFont, footer: Footer, progress: Callable[[float, str], None], **info):
        super().__init__(
            buffer,
            pagesize=PORTRAIT,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + FOOTER,
            invariant=1,  # no creation time nor random file id: the same pack gives the same bytes
            displayDocTitle=1,
            creator="cxgov",
            initialFontName=font.regular,  # with the tables' FONTNAME: only the embedded font, no Helvetica
            **info,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [self._frame("cover", PORTRAIT)], pagesize=PORTRAIT),
                PageTemplate("body", [self._frame("body", PORTRAIT)], onPage=self._footer, pagesize=PORTRAIT),
                PageTemplate("wide", [self._frame("wide", LANDSCAPE)], onPage=self._footer, pagesize=LANDSCAPE),
            ]
        )
        self.font, self.footer, self.progress = font, footer, progress
        self.total = PageTotal()
        self.passes = 0

    def _frame(self, name: str, page: tuple[float, float]) -> Frame:
        width, height = text_size(page)
        return Frame(
            MARGIN,
            MARGIN + FOOTER,
            width,
            height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )

    def beforeDocument(self):  # noqa: N802 (a reportlab hook)
        self.passes += 1

    def afterPage(self):  # noqa: N802 (a reportlab hook)
        self.notify("page", self.page)

    def afterFlowable(self, flowable):  # noqa: N802 (a reportlab hook)
        mark = getattr(flowable, "mark", None)
        if not isinstance(mark, Mark):
            return
        self.canv.bookmarkPage(mark.key)
        self.canv.addOutlineEntry(mark.outline, mark.key, mark.level, closed=False)
        if mark.toc is not None:
            self.notify("TOCEntry", (mark.level, mark.toc, self.page, mark.key))
        if self.passes == 1 and mark.share is not None:
            self.progress(mark.share, mark.outline)

    def _footer(self, canvas, doc):
        width = text_size(doc.pageTemplate.pagesize)[0]
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN + FOOTER_SIZE + 4, MARGIN + width, MARGIN + FOOTER_SIZE + 4)
        canvas.setFont(self.font.regular, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        right = self.footer.page_of(doc.page, self.total.total)
        canvas.drawRightString(MARGIN + width, MARGIN, right)
        room = width - stringWidth(right, self.font.regular, FOOTER_SIZE) - 12
        canvas.drawString(MARGIN, MARGIN, fitted(self.footer.left, self.font.regular, FOOTER_SIZE, room))
        canvas.restoreState()
