"""What every PDCA form shares: the names of the record's fields in the user's language (a refused save names
the field at fault), settling a save, and reading the record's optional numbers and dates."""

from __future__ import annotations

import pandas as pd

from cxgov.ui.kit.text import tr
from cxgov.ui.kit.writes import WriteResult, settle

AREAS = ("initiatives", "kpis", "budget")  # what the record reads: the initiative, its KPI readings, its budget
TEXT_FIELDS = ("background", "current_condition", "root_cause", "hypothesis", "done_summary", "check_result")


def field_labels() -> dict[str, str]:
    names = (
        *TEXT_FIELDS,
        "target_kpi_id",
        "baseline_value",
        "target_value",
        "target_date",
        "check_sample_size",
        "decision",
        "lesson",
        "reason",
        "lane",
        "result",
    )
    return {name: tr(f"pdca.field.{name}") for name in names} | {
        "override_reason": tr("pdca.field.reason"),
        "status": tr("programs.field.status"),
        "phase": tr("programs.field.phase"),
    }


def after_save(result: WriteResult, message: str) -> None:
    """On success the page runs again showing `message`; otherwise the errors, each field named."""
    settle(result, message, field_labels())


def number_or_none(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def whole_or_none(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def date_or_none(value):
    return None if value is None or pd.isna(value) else value


def record_values(cycle: pd.Series) -> dict:
    """The open cycle's whole record as the save expects it (a partial form keeps the other boxes)."""
    return {
        "target_kpi_id": whole_or_none(cycle["target_kpi_id"]),
        "baseline_value": number_or_none(cycle["baseline_value"]),
        "target_value": number_or_none(cycle["target_value"]),
        "target_date": date_or_none(cycle["target_date"]),
        "check_sample_size": whole_or_none(cycle["check_sample_size"]),
    } | {f: cycle[f] for f in TEXT_FIELDS}
