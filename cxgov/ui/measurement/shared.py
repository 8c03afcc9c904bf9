"""What the Measurement page's parts share: a choice kept in the URL, a value with its margin, a KPI's colour
with its reason, and the targets in force per month."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.errors import Number
from cxgov.models import Direction, Health
from cxgov.rules.kpi_engine import shown_digits
from cxgov.rules.kpi_status import KpiStatus, Reading, kpi_status, target_in_force
from cxgov.ui.kit.text import label, labelled, measure, number, tr

AREAS = ("kpis", "people", "reference")  # KPIs, their figures and targets; owners; list and department names


def choose(text: str, options: list, *, param: str, key: str, names: dict, widget=st) -> object:
    """A select box that starts from the URL parameter `param` (an id or code) and writes its choice back."""
    if st.session_state.get(key) not in options:
        wanted = st.query_params.get(param)
        st.session_state[key] = next((o for o in options if str(o) == wanted), options[0])
    chosen = widget.selectbox(text, options, key=key, format_func=labelled(names))
    if st.query_params.get(param) != str(chosen):
        st.query_params[param] = str(chosen)
    return chosen


def with_margin(value, low, high) -> str:
    """'7.6 ± 0.1' (the 95 % interval's half width); the value alone where it has no interval."""
    if value is None or pd.isna(value):
        return "—"
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return measure(value)
    margin = (high - low) / 2
    return f"{number(value, shown_digits(margin))} ± {number(margin, shown_digits(margin))}"


def reading_of(row) -> Reading:
    """The latest value of a catalogue row, as the colour rule reads it."""
    missing = pd.isna(row.latest_value)
    return Reading(
        value=None if missing else float(row.latest_value),
        low=None if pd.isna(row.latest_low) else float(row.latest_low),
        high=None if pd.isna(row.latest_high) else float(row.latest_high),
        n=None if pd.isna(row.sample_size) else int(row.sample_size),
        indicative=bool(row.indicative) and not missing,
    )


def status_of(row, targets: pd.DataFrame) -> KpiStatus:
    """The catalogue row's colour against the target in force in its latest month (this month without one)."""
    mine = targets[targets["kpi_id"] == row.id]
    month = row.latest_period if not pd.isna(row.latest_period) else date.today().replace(day=1)
    target = target_in_force(zip(mine["valid_from"], mine["target"], strict=True), month)
    return kpi_status(row.name, reading_of(row), target, Direction(row.direction))


def status_label(status: KpiStatus) -> str:
    return "—" if status.colour is None else label(Health(status.colour))


def reason_text(status: KpiStatus) -> str:
    """The reason in the reader's language, value and margin rounded alike."""
    key, params = status.reason
    margin = params.get("margin")
    digits = shown_digits(margin.value) if margin is not None else None
    written = {
        name: (number(v.value, digits) if digits is not None and name in ("value", "margin") else measure(v.value))
        if isinstance(v, Number)
        else v
        for name, v in params.items()
    }
    return tr(key, **written)


def targets_per_period(targets: pd.DataFrame, periods: list) -> pd.Series:
    """The target in force in each period (NaN before the first)."""
    pairs = list(zip(targets["valid_from"], targets["target"], strict=True))
    return pd.Series([target_in_force(pairs, p) for p in periods], dtype=float)
