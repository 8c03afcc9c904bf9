"""The KPI catalogue of the Measurement page: every active KPI with its definition, latest value and margin,
its colour against the target with the reason, and its targets per month (the one in force now first)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.models import Direction, KpiKind
from cxgov.rules.kpi_numbers import KpiScale, bounds
from cxgov.rules.kpi_status import target_in_force
from cxgov.ui.kit.runtime import settings
from cxgov.ui.kit.text import label, measure, month, number, tr
from cxgov.ui.measurement.shared import reason_text, status_label, status_of, with_margin

COLUMNS = (
    "name",
    "status",
    "reason",
    "latest",
    "n",
    "period",
    "indicative",
    "target_now",
    "targets",
    "kind",
    "scale",
    "direction",
    "owner",
    "source",
    "method",
    "description",
)


def scale_text(row) -> str:
    """The KPI's effective scale ('1 to 10'), as the numbers rules apply it; '—' when it has none."""
    scale = bounds(
        KpiScale(row.name, KpiKind(row.kind), _number_or_none(row.scale_min), _number_or_none(row.scale_max))
    )
    if scale.origin == "limit":
        return "—"
    return tr("measurement_page.scale", low=measure(scale.low), high=measure(scale.high))


def _number_or_none(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _targets_text(mine: pd.DataFrame) -> str:
    """Each target from its month on, newest first: 'from Jul 2026: 7.8 · from Jan 2026: 7.5'."""
    return " · ".join(
        tr("measurement_page.target_from", month=month(row.valid_from), target=measure(row.target))
        for row in mine.sort_values("valid_from", ascending=False).itertuples()
    )


def catalogue_table(kpis: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """One row per KPI, the columns of COLUMNS, every cell as text in the reader's language."""
    this_month = date.today().replace(day=1)
    rows = []
    for row in kpis.itertuples():
        mine = targets[targets["kpi_id"] == row.id]
        status = status_of(row, targets)
        now = target_in_force(zip(mine["valid_from"], mine["target"], strict=True), this_month)
        rows.append(
            {
                "name": row.name,
                "status": status_label(status),
                "reason": reason_text(status),
                "latest": with_margin(row.latest_value, row.latest_low, row.latest_high),
                "n": "—" if pd.isna(row.sample_size) else number(row.sample_size, 0),
                "period": month(row.latest_period),
                "indicative": tr("measurement_page.indicative_mark") if bool(row.indicative) else "",
                "target_now": measure(now),
                "targets": _targets_text(mine) or "—",
                "kind": label(KpiKind(row.kind)),
                "scale": scale_text(row),
                "direction": label(Direction(row.direction)),
                "owner": row.owner or "—",
                "source": row.primary_source or "—",
                "method": row.method or "—",
                "description": row.description or "—",
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS))


def render_catalogue(kpis: pd.DataFrame, targets: pd.DataFrame) -> None:
    """The catalogue as a table; long definitions are cut short in their cells, whole on hover."""
    st.subheader(tr("measurement_page.catalogue.header"))
    st.caption(tr("measurement_page.catalogue.about", min_n=number(settings().kpi_min_responses, 0)))
    config = {column: st.column_config.TextColumn(tr(f"measurement_page.col.{column}")) for column in COLUMNS}
    config["reason"] = st.column_config.TextColumn(tr("measurement_page.col.reason"), width="large")
    st.dataframe(
        catalogue_table(kpis, targets),
        column_config=config,
        hide_index=True,
        width="stretch",
        key="measurement_catalogue",
    )
