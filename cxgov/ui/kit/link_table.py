"""An accessible HTML table whose title cells are real links to pages of the app (a Streamlit v2 component).

Why not `st.dataframe`: it draws its cells on a canvas, so a title is no link a keyboard or a screen reader
can use, and its `LinkColumn` always opens a new browser tab, which is a new Streamlit session (the demo
mode's "acting as" choice and a local sign-in stay behind). Here each title is an `<a href>` in a real
`<table>`: Tab reaches it, a plain click or Enter is sent back to Python, which switches page inside the same
session, and a middle click, Ctrl/Cmd-click or "open in new tab" opens the link's URL as any link would.
The component writes every text with `textContent`, never as HTML (assets/link_table.js).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import streamlit as st

from cxgov.ui.navigation import page_file

ASSETS = Path(__file__).parent / "assets"
COMPONENT_NAME = "cxgov.link_table"
_mount = st.components.v2.component(
    COMPONENT_NAME,
    js=(ASSETS / "link_table.js").read_text(encoding="utf-8"),
    css=(ASSETS / "link_table.css").read_text(encoding="utf-8"),
)
# How a column's cells are drawn: plain text, long text cut to three lines (whole on hover), a date or an
# amount (kept on one line, amounts right-aligned), a progress bar with its percentage, or a link.
KINDS = frozenset({"text", "long", "date", "money", "tint", "progress", "link"})


@dataclass(frozen=True)
class TableColumn:
    """One column: its header (in the user's language) and how its cells are drawn (one of KINDS)."""

    label: str
    kind: str = "text"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def text(value: str, *, tint: str | None = None) -> dict:
    """A text cell, optionally on a background tint (a colour of ours, never user input)."""
    return {"text": value, "tint": tint} if tint else {"text": value}


def progress(pct: int) -> dict:
    """A progress cell: a bar and the percentage as text (the bar alone would say nothing to a screen reader)."""
    return {"text": f"{pct}%", "pct": pct}


def link(title: str, url_path: str, record_id: int) -> dict:
    """A link to the page at `url_path` with `?id=record_id` (the href a new tab opens)."""
    return {"text": title, "href": f"{url_path}?id={record_id}", "page": url_path, "id": str(record_id)}


def link_table(columns: Sequence[TableColumn], rows: Sequence[Sequence[dict]], *, caption: str, key: str) -> None:
    """Draw the table; a plain click on one of its links opens that page in this session.

    The first link column holds the row headers; `caption` names the table for screen readers (the heading
    above it already does so on screen). Only a link one of the rows holds is ever followed.
    """
    header = next((i for i, column in enumerate(columns) if column.kind == "link"), None)
    data = {
        "caption": caption,
        "columns": [asdict(c) | {"header": i == header} for i, c in enumerate(columns)],
        "rows": [list(row) for row in rows],
    }
    result = _mount(key=key, data=data, on_open_change=_ignore)
    links = {cell["href"]: cell for row in rows for cell in row if "href" in cell}
    opened = links.get(result.open) if isinstance(result.open, str) else None
    if opened is not None:
        st.switch_page(page_file(opened["page"]), query_params={"id": opened["id"]})


def _ignore() -> None:
    """Declares the component's "open" event; the page reads it after the mount, where switching is allowed."""
