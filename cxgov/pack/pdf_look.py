"""How the PDF pack looks: its font, its colours, its paragraph styles, and user text made safe to draw.

The font is DejaVu Sans where the system has it (CI installs fonts-dejavu-core; it covers Latin, Greek, Cyrillic,
arrows and symbols), else Bitstream Vera, which ships inside the pinned reportlab wheel, so the pack draws on any
machine where `make run` installed the app. DejaVu is Vera extended: Latin text keeps the same shapes and widths.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

SYSTEM_FONTS = Path("/usr/share/fonts/truetype/dejavu")
SHIPPED_FONTS = Path(reportlab.__file__).parent / "fonts"
FAMILIES = (  # (name, folder, regular file, bold file), the first one found is used
    ("DejaVuSans", SYSTEM_FONTS, "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("Vera", SHIPPED_FONTS, "Vera.ttf", "VeraBd.ttf"),
)
# Bidirectional embeddings, overrides and isolates: the pack lays text out left to right in stored order, so
# they mean nothing here; dropped, "Invoice \u202egnp.exe" shows what is stored instead of a spoofed "exe.png".
BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
INVISIBLE = frozenset({"Cf", "Mn", "Me"})  # joiners, variation selectors, combining marks: dropped if not drawable

NAVY = colors.HexColor("#1F3A5F")
INK = colors.HexColor("#1E1E1E")
MUTED = colors.HexColor("#5F6B7A")
RULE = colors.HexColor("#C9D1DC")
ZEBRA = colors.HexColor("#F1F4F8")
# A series without a colour of its own (Chart.colours): navy, blue, orange, green, purple, brown.
PALETTE = ("1F3A5F", "4F8FCF", "E8833A", "4E9A5B", "8E6BB0", "9C755F")


@dataclass(frozen=True)
class PackFont:
    regular: str
    bold: str
    characters: frozenset[int]  # code points both faces can draw
    replacement: str  # drawn for a character the font lacks

    def shown(self, text) -> str:
        """`text` as plain text this font draws: no control characters (NUL included) nor bidi controls, tabs as
        spaces, line breaks kept; invisible marks the font lacks dropped, any other missing character shown as
        the replacement mark (a missing glyph would draw as nothing, or a box copied out as NUL)."""
        out = []
        for char in str(text):
            code = ord(char)
            if char in "\n\t":
                out.append(" " if char == "\t" else char)
            elif unicodedata.category(char) == "Cc" or code in BIDI_CONTROLS:
                continue
            elif code in self.characters:
                out.append(char)
            elif unicodedata.category(char) not in INVISIBLE:
                out.append(self.replacement)
        return "".join(out)

    def line(self, text) -> str:
        """`text` drawable on one line (the outline, the footer, the file's properties): line breaks as spaces."""
        return " ".join(self.shown(text).split())

    def markup(self, text) -> str:
        """`text` for a platypus Paragraph, which parses a mini-markup: escaped, so it shows literally; line
        breaks as breaks."""
        return escaped(self.shown(text))


def escaped(text: str) -> str:
    """Drawable text (PackFont.shown) escaped for a Paragraph: it shows literally; line breaks as breaks."""
    return escape(text).replace("\n", "<br/>")


def fitted(text: str, font_name: str, size: float, width: float) -> str:
    """`text` cut with '…' to fit `width` points."""
    if stringWidth(text, font_name, size) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font_name, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


@cache
def pack_font(families: tuple[tuple[str, Path, str, str], ...] = FAMILIES) -> PackFont:
    """The first family whose files are there, registered with reportlab (once per process)."""
    name, folder, regular, bold = next(f for f in families if (f[1] / f[2]).is_file() and (f[1] / f[3]).is_file())
    faces = [TTFont(name, str(folder / regular)), TTFont(f"{name}-Bold", str(folder / bold))]
    for face in faces:
        pdfmetrics.registerFont(face)
    pdfmetrics.registerFontFamily(name, normal=name, bold=f"{name}-Bold", italic=name, boldItalic=f"{name}-Bold")
    characters = frozenset(faces[0].face.charToGlyph) & frozenset(faces[1].face.charToGlyph)
    return PackFont(name, f"{name}-Bold", characters, "\ufffd" if 0xFFFD in characters else "?")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one text size: the body's, or a one-pager's smaller one."""

    title: ParagraphStyle
    heading: ParagraphStyle  # a section's title
    subheading: ParagraphStyle  # a block's heading
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    header: ParagraphStyle
    header_right: ParagraphStyle
    label: ParagraphStyle  # a fact's label
    note: ParagraphStyle  # a quiet line: an empty table, a chart without figures
    toc: tuple[ParagraphStyle, ...]  # per level of the table of contents


def styles(font: PackFont, size: float) -> Styles:
    """Styles around a body text of `size` points (tables one point smaller, never below 7)."""
    small = max(7.0, size - 1)

    def style(name: str, **kw) -> ParagraphStyle:
        kw.setdefault("fontName", font.regular)
        kw.setdefault("fontSize", size)
        kw.setdefault("leading", kw["fontSize"] * 1.25)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, **kw)

    cell = style("cell", fontSize=small)
    header = style("header", fontName=font.bold, fontSize=small, textColor=colors.white)
    return Styles(
        title=style("title", fontName=font.bold, fontSize=26, leading=32, textColor=NAVY, spaceAfter=8),
        heading=style("heading", fontName=font.bold, fontSize=size + 7, textColor=NAVY, spaceAfter=size),
        subheading=style(
            "subheading",
            fontName=font.bold,
            fontSize=size + 1.5,
            textColor=NAVY,
            spaceBefore=size,
            spaceAfter=size * 0.4,
        ),
        body=style("body", spaceAfter=size * 0.5),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        header=header,
        header_right=ParagraphStyle("header_right", parent=header, alignment=TA_RIGHT),
        label=style("label", fontName=font.bold, fontSize=small, textColor=MUTED),
        note=style("note", fontSize=small, textColor=MUTED, spaceAfter=size * 0.5),
        toc=(
            style("toc0", fontSize=size + 1, leading=(size + 1) * 1.3, spaceBefore=size * 0.5),
            style("toc1", leftIndent=size * 1.6, spaceBefore=size * 0.2),
        ),
    )
