"""Asking before a date in the past is saved where the future is expected (a new milestone's due date, a target
date): a slip of the year would otherwise turn the plan red, or judge a KPI against a deadline long gone."""

from __future__ import annotations

from datetime import date

import streamlit as st

from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, tr


def past_dates_confirmed(key: str, submitted: bool, dates: dict[str, tuple[date | None, date | None]]) -> bool:
    """Whether a submitted form may be saved: no date of `dates` (label → (typed, stored)) was moved into the
    past, or the person ticked that they mean it. Call it inside the form, after the submit button: when a
    date needs confirming it shows the warning and the box, and the next submit with the box ticked saves.
    A date that was already stored as it is does not ask again."""
    if not submitted:
        return False
    today = date.today()
    past = {
        label: typed
        for label, (typed, stored) in dates.items()
        if typed is not None and typed < today and typed != stored
    }
    if not past:
        return True
    lines = [tr("form.past_date.line", field=plain(label), day=day(typed)) for label, typed in past.items()]
    st.warning("\n\n".join([*lines, tr("form.past_date.ask")]), icon=":material/history:")
    return st.checkbox(tr("form.past_date.confirm"), key=f"{key}_past_date_confirmed")
