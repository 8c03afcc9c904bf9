"""The board pack's values as typed spreadsheet cells: a number stays a number, an amount in cents becomes euros,
a date a date, a time a time on the pack's clock; a code becomes its label, a list or a health rule's reasons
readable text, all in the pack's language (cxgov.written). Text is formula-safe (cxgov.io.export)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from cxgov import written
from cxgov.dates import on_clock
from cxgov.io.export import euros, formula_safe
from cxgov.pack.content import PackTable

KINDS = frozenset({"blank", "text", "number", "money", "percent", "date", "month", "moment"})
MONTHS = frozenset({"period", "latest_period", "trend_from"})  # a monthly period, stored as its first day
SHARES = frozenset({"say_do_ratio"})  # a share of 1, shown as a percentage
CHANGE_SIDES = ("from_value", "to_value")  # written as the change line's kind of value says
EXCEL_FIRST_DAY = date(1900, 1, 1)  # Excel has no earlier date: one before it is written as text
TEXT_MAX = 32_767  # characters Excel holds in one cell
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # invisible in a cell; XML cannot hold most of them


@dataclass(frozen=True)
class Cell:
    kind: str  # one of KINDS
    value: object = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown cell kind {self.kind!r}")


BLANK = Cell("blank")


def text_cell(text: str) -> Cell:
    """Text as a cell: without control characters (but tabs and line breaks), formula-safe, cut to what a cell
    holds (the cut marked with '…')."""
    safe = formula_safe(CONTROLS.sub("", text))
    return Cell("text", safe if len(safe) <= TEXT_MAX else safe[: TEXT_MAX - 1] + "…")


def cell(column: str, value, *, lang: str, zone: str, codes: Mapping[str, type] = written.CODE_COLUMNS) -> Cell:
    """The cell of `value` in a column (or fact) named `column`; `codes` names the columns that hold codes."""

    def as_text(v, name: str = column) -> str:
        return written.cell_text(name, v, lang, zone, codes)

    if column == "rule_reasons":
        return text_cell(written.rule_reasons_text(value, lang)) if value else BLANK
    if isinstance(value, list | tuple):  # "; ": a Dutch decimal comma would read as a separator
        return text_cell("; ".join(as_text(v) for v in value)) if value else BLANK
    if isinstance(value, Mapping):
        return text_cell("; ".join(f"{key}: {as_text(v, key)}" for key, v in value.items())) if value else BLANK
    if written.is_empty(value):
        return BLANK
    if isinstance(value, bool) or column in codes or column in written.HEALTH_COLUMNS or column == "change":
        return text_cell(as_text(value))
    if isinstance(value, str):
        return text_cell(value)
    if column.endswith("_cents"):
        return Cell("money", float(euros(value)))
    if isinstance(value, datetime):
        moment = on_clock(value, zone)
        if moment.date() < EXCEL_FIRST_DAY:
            return text_cell(as_text(value))
        return Cell("moment", moment.replace(tzinfo=None))
    if isinstance(value, date):
        if value < EXCEL_FIRST_DAY:
            return text_cell(as_text(value))
        return Cell("month" if column in MONTHS else "date", value)
    if isinstance(value, float) and not math.isfinite(value):
        return text_cell(as_text(value))
    if isinstance(value, int | float):
        return Cell("percent" if column in SHARES else "number", value)
    return text_cell(as_text(value))


def table_cells(
    table: PackTable, columns: Sequence[str], *, lang: str, zone: str, codes: Mapping[str, type]
) -> list[list[Cell]]:
    """The table's rows as cells, in `columns` only."""
    at = {name: i for i, name in enumerate(table.columns)}

    def one(row: tuple, column: str) -> Cell:
        value = row[at[column]]
        if column in CHANGE_SIDES and "change" in at:
            return BLANK if written.is_empty(value) else text_cell(written.change_value(row[at["change"]], value, lang))
        return cell(column, value, lang=lang, zone=zone, codes=codes)

    return [[one(row, column) for column in columns] for row in table.rows]
