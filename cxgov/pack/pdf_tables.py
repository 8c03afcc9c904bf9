"""Facts and tables of the PDF pack as platypus tables: every cell a wrapped Paragraph, columns as wide as their
texts need within the page, numbers right-aligned, zebra rows, and the header row repeated on every page a long
table flows over (the PDF is read on a tablet: tables are not cut into slides as in the PPTX)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as Grid

from cxgov.pack.blocks import Facts, Table
from cxgov.pack.pdf_look import NAVY, RULE, ZEBRA, PackFont, Styles, escaped

PADDING = 4  # points left and right of a cell's text
ROW_PADDING = 2.5  # points above and below
WORD_SHARE = 0.3  # one word (a pasted URL, "AAAA…") claims at most this share of the width; it breaks beyond
SHORT_TEXT = 75  # points: a column whose texts are all this short keeps them on one line where room allows
HEADER_LINE = 70  # points: a header up to this wide stays on one line (see `Measure`)
HEADER_WORD = 90  # points: a header's word up to this wide is not broken
READABLE = 100  # points (3.5 cm): a column of running text narrower than this reads badly (see `is_wide`)
# A row may take at most this share of a page: a taller one (a long reason in a narrow column) goes on in rows
# of its own below it, so the table can turn the page inside it.
ROW_SHARE = 0.75
EMPTY = frozenset({"", "—"})  # a cell without a value (cxgov.written writes none as '—')


def facts_table(facts: Facts, font: PackFont, look: Styles, width: float) -> Grid:
    """Label and value side by side, as wide as they need (at most the page)."""
    texts = [[font.shown(label), font.shown(value)] for label, value in facts.items]
    widths = column_widths(texts, [look.label, look.cell], width, fill=False)
    cells = [[Paragraph(escaped(label), look.label), Paragraph(escaped(value), look.cell)] for label, value in texts]
    grid = Grid(cells, colWidths=widths, hAlign="LEFT")
    grid.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font.regular),  # a cell's own font (platypus's default is Helvetica)
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]
    )
    return grid


def data_table(table: Table, font: PackFont, look: Styles, size: tuple[float, float], no_rows: str) -> list[Flowable]:
    """The table under its heading, on pages of `size` (width, height of the text); `no_rows` says so when it
    has none."""
    width, height = size
    heading = Paragraph(font.markup(table.heading), look.subheading)
    if not table.rows:
        return [heading, Paragraph(font.markup(no_rows), look.note)]
    texts = [[font.shown(cell) for cell in row] for row in (table.headers, *table.rows)]
    cell_styles = [look.cell_right if numeric else look.cell for numeric in table.numeric]
    header_styles = [look.header_right if numeric else look.header for numeric in table.numeric]
    widths = column_widths(texts, cell_styles, width, fill=True, header=header_styles)
    rows = [[Paragraph(escaped(text), style) for text, style in zip(texts[0], header_styles, strict=True)]]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), ROW_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_PADDING),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
    ]
    for n, row in enumerate(texts[1:]):
        cells = [Paragraph(escaped(text), style) for text, style in zip(row, cell_styles, strict=True)]
        first = len(rows)
        rows += row_pieces(cells, widths, height * ROW_SHARE)
        if n % 2:
            style.append(("BACKGROUND", (0, first), (-1, len(rows) - 1), ZEBRA))
        style.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.25, RULE))
    grid = Grid(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(style)
    return [heading, grid]


def row_pieces(cells: list[Paragraph], widths: list[float], limit: float) -> list[list[Paragraph | str]]:
    """One row of cells, as rows of at most `limit` points each: a cell too tall for that is split between its
    lines and goes on in the rows below (platypus cannot turn a page inside a row)."""
    pieces = [
        _split(cell, width - 2 * PADDING, limit - 2 * ROW_PADDING) for cell, width in zip(cells, widths, strict=True)
    ]
    depth = max(len(p) for p in pieces)
    return [[p[n] if n < len(p) else "" for p in pieces] for n in range(depth)]


def _split(paragraph: Paragraph, width: float, limit: float) -> list[Paragraph]:
    parts, rest = [], paragraph
    while rest.wrap(width, limit)[1] > limit:
        split = rest.split(width, limit)
        if len(split) < 2:  # nothing fits above the limit: leave it whole
            break
        parts.append(split[0])
        rest = split[1]
    return [*parts, rest]


def is_wide(table: Table, font: PackFont, look: Styles, width: float) -> bool:
    """Whether the table needs more than `width` points to give every column of running text a readable width
    (a column of short values its full width)."""
    texts = [[font.shown(cell) for cell in row] for row in (table.headers, *table.rows)]
    natural = [_measure(texts, column, look.cell, None).longest_line for column in range(len(table.headers))]
    return sum(min(w, READABLE) for w in natural) > width


def column_widths(texts, styles, width: float, *, fill: bool, header=None) -> list[float]:
    """Widths for columns of `texts` (rows of drawable text, the first the header when `header` styles it):
    each column as wide as its longest text where they all fit. Else the columns share the width by how much
    text they hold on average, so that their cells take about as many lines; but none more than it needs for
    one line, none less than its longest word, and a column of short texts (names, figures, codes) keeps them on
    one line where room allows. Where even the longest words do not fit, they break in the widest columns first.
    `fill` stretches the columns to the whole width."""
    measures = [_measure(texts, column, style, header) for column, style in enumerate(styles)]
    natural = [m.longest_line for m in measures]
    shortest = [min(m.longest_word, m.longest_line, width * WORD_SHARE) for m in measures]
    if sum(natural) <= width:
        return [w * width / sum(natural) for w in natural] if fill else natural
    if sum(shortest) >= width:
        return shared(width, [0.0] * len(shortest), shortest, [1.0] * len(shortest))
    whole = [max(s, min(n, SHORT_TEXT)) for s, n in zip(shortest, natural, strict=True)]
    floors = whole if sum(whole) < width else shortest
    return shared(width, floors, natural, [m.average for m in measures])


def shared(width: float, floors: list[float], needs: list[float], weights: list[float]) -> list[float]:
    """`width` shared out in proportion to `weights`, but each share kept between its floor and its need
    (sum(floors) <= width <= sum(needs)); the factor is found by halving."""

    def shares(factor: float) -> list[float]:
        return [min(max(factor * w, f), n) for f, n, w in zip(floors, needs, weights, strict=True)]

    low, high = 0.0, max(n / w for n, w in zip(needs, weights, strict=True))
    for _ in range(50):
        factor = (low + high) / 2
        low, high = (low, factor) if sum(shares(factor)) > width else (factor, high)
    return shares(low)


@dataclass(frozen=True)
class Measure:
    """A column's texts, in points with the padding."""

    longest_line: float
    longest_word: float  # a header counts as one word up to HEADER_LINE, its words up to HEADER_WORD
    average: float  # its filled cells' average width on one line (the header's if none is filled)


def _measure(texts, column: int, style, header) -> Measure:
    line_width = word_width = total = 0.0
    filled = 0
    for n, row in enumerate(texts):
        heading = bool(header) and n == 0
        cell = header[column] if heading else style
        for line in row[column].split("\n"):
            points = stringWidth(line, cell.fontName, cell.fontSize)
            line_width = max(line_width, points)
            # Words end at spaces, not at no-break spaces: "€ 1.234,00" stays whole.
            longest = max(stringWidth(word, cell.fontName, cell.fontSize) for word in line.split(" "))
            if heading:
                longest = max(min(points, HEADER_LINE), min(longest, HEADER_WORD))
            word_width = max(word_width, longest)
        if not heading and row[column].strip() not in EMPTY:
            total, filled = total + stringWidth(row[column], cell.fontName, cell.fontSize), filled + 1
    extra = 2 * PADDING + 1
    average = total / filled if filled else stringWidth(texts[0][column], style.fontName, style.fontSize)
    return Measure(line_width + extra, word_width + extra, average + extra)
