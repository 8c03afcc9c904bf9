"""Values written as a reader reads them, in a given language: a code as its label, an amount, a date, a time on
the installation's clock, a measure, a health, a change line's sides and the health rules' reasons. Pages pass
the user's language; the board pack passes the language it is produced in, so a page and a pack write a value
the same way."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd

from cxgov import i18n
from cxgov.models import (
    ActDecision,
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    DecisionKind,
    DecisionStatus,
    Discipline,
    Health,
    Lane,
    Phase,
    Priority,
    Status,
)
from cxgov.rules.health import Signal
from cxgov.rules.kpi_engine import shown_digits

NO_UPDATE = "no_update"  # an initiative without check-ins (cxgov.queries.base)
# The enum behind a column of codes, by the column's name (a column named otherwise is shown as it is).
CODE_COLUMNS = {
    "discipline": Discipline,
    "lane": Lane,
    "phase": Phase,
    "priority": Priority,
    "status": Status,  # an initiative's, in the sections' tables
    "act_decision": ActDecision,
    "action_status": ActionStatus,
    "decision_status": DecisionStatus,
    "item_status": AgendaItemStatus,
    "item_kind": AgendaItemKind,
    "decision_kind": DecisionKind,
}
HEALTH_COLUMNS = frozenset({"health", "worst", "reported_health", "derived_health"})
STATUS_CHANGES = frozenset({"created", "approved", "rejected", "on_hold", "resumed", "completed", "cancelled"})
HEALTH_CHANGES = frozenset({"reported_health", "derived_health"})
MONEY_PARAMS = ("actual", "planned")  # the health rules' parameters that are amounts in cents
HIDDEN_SUFFIXES = ("_id", "version")  # ids make links; versions are for saving, not for reading


def is_empty(value) -> bool:
    """None, NaN or an empty text: written as '—'."""
    return value is None or (not isinstance(value, str | list | tuple | dict) and pd.isna(value)) or value == ""


def health_text(code: str, lang: str) -> str:
    """A reported health's label; 'no update' for initiatives without check-ins."""
    return i18n.t("portfolio.no_update", lang) if code == NO_UPDATE else i18n.enum_label(Health(code), lang)


def cell_text(column: str, value, lang: str, zone: str = "UTC", codes: Mapping[str, type] = CODE_COLUMNS) -> str:
    """One cell as the reader writes it: a label for a code, a date, an amount, a measure; '—' when empty."""
    if isinstance(value, list | tuple):
        return ", ".join(cell_text(column, v, lang, zone, codes) for v in value)
    if is_empty(value):
        return "—"
    if column in HEALTH_COLUMNS:
        return health_text(str(value), lang)
    if column == "change":  # what changed since the last meeting (cxgov.queries.board_changes)
        return i18n.t(f"present.change.{value}", lang)
    if column in codes:
        try:
            return i18n.enum_label(codes[column](value), lang)
        except ValueError:  # a code of another list under the same column name: shown as stored
            return str(value)
    if column.endswith("_cents"):
        return i18n.format_money(int(value), lang)
    if column.endswith("_at") or isinstance(value, datetime):
        return i18n.format_moment(value, lang, zone)
    if isinstance(value, date):
        return i18n.format_day(value, lang)
    if isinstance(value, bool):
        return i18n.t("present.yes" if value else "present.no", lang)
    if isinstance(value, float):
        return i18n.format_measure(value, lang)
    return str(value)


def shown_columns(columns) -> list[str]:
    """The columns a reader sees: not ids or versions, nor the key the pack refers to a decision requested by."""
    return [c for c in columns if not (c in ("id", "key") or c.endswith(HIDDEN_SUFFIXES))]


def header(column: str, lang: str) -> str:
    """A section table's column header: the presentation's, else the pack's (a pack shows columns no page does)."""
    key = f"present.col.{column}"
    return i18n.t(key if key in i18n.TEXTS else f"pack.col.{column}", lang)


def change_value(change: str, value, lang: str) -> str:
    """One side of a change line as the reader writes it; '—' where there was none (a new initiative's 'from')."""
    if is_empty(value):
        return "—"
    if change in STATUS_CHANGES:
        return i18n.enum_label(Status(value), lang)
    if change in HEALTH_CHANGES:
        return health_text(str(value), lang)
    if change == "phase":
        return i18n.enum_label(Phase(value), lang)
    if change == "budget":
        return i18n.format_money(int(value), lang)
    if change == "target_date":
        return i18n.format_day(value if isinstance(value, date) else date.fromisoformat(str(value)), lang)
    if change == "kpi":
        return i18n.format_measure(float(value), lang)
    return str(value)


def reason_text(signal: Signal, lang: str) -> str:
    """A health rule's reason, its dates and amounts in the locale."""
    return i18n.t(signal.reason, lang, **{name: _parameter(name, value, lang) for name, value in signal.params.items()})


def rule_reasons_text(reasons, lang: str) -> str:
    """The rules' reasons (stored as dicts: rule, health, reason, params) as one sentence; '—' when none fired."""
    if not isinstance(reasons, list) or not reasons:
        return "—"
    texts = (
        reason_text(Signal(rule=r["rule"], health=Health(r["health"]), reason=r["reason"], params=r["params"]), lang)
        for r in reasons
    )
    return "; ".join(text.rstrip(".") for text in texts) + "."  # one sentence: "…is 10%; Milestone …"


def _parameter(name: str, value, lang: str) -> str:
    if isinstance(value, date):
        return i18n.format_day(value, lang)
    if name in MONEY_PARAMS:
        return i18n.format_money(value, lang)
    if isinstance(value, float):
        return i18n.format_measure(value, lang)
    return "—" if value is None else str(value)


def value_with_margin(value, margin, indicative, lang: str) -> str:
    """A computed value as every page and export writes it: "7.6 ± 0.1", marked "(indicative)" below the minimum
    n; a typed value (no margin) as the value alone."""
    if is_empty(value):
        return "—"
    text = i18n.format_measure(value, lang)
    if not is_empty(margin):
        margin = float(margin)
        text = f"{text} ± {i18n.format_measure(round(margin, shown_digits(margin)), lang)}"
    return f"{text} ({i18n.t('measurement.indicative', lang)})" if indicative is True else text


def verdict_text(verdict, lang: str) -> str:
    """The engine's verdict on a change ("significant change", "within noise", "too few responses"); "—" where
    the KPI has no responses behind it."""
    return "—" if is_empty(verdict) else i18n.t(f"impact.verdict.{verdict}", lang)
