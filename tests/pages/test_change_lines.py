"""What changed since the last meeting, as the board reads it: every side of a change line in words, never the
stored code (a status, a health, a phase as its label; money, dates and KPI values in the reader's format)."""

from __future__ import annotations

from datetime import date

import pytest

from cxgov.ui.governance.sections.changes import change_value


@pytest.mark.parametrize(
    ("change", "value", "shown"),
    [
        ("approved", "proposed", "Proposed"),
        ("cancelled", "active", "Active"),
        ("on_hold", "on_hold", "On hold"),
        ("created", None, "—"),
        ("reported_health", "no_update", "No update"),
        ("derived_health", "red", "Red — off track"),
        ("phase", "do", "Do"),
        ("budget", 1_234_567, "€12,345.67"),
        ("target_date", "2026-12-31", "31 Dec 2026"),
        ("target_date", date(2027, 3, 5), "5 Mar 2027"),
        ("kpi", 26.3, "26.3"),
    ],
)
def test_each_side_of_a_change_is_written_in_words(change, value, shown):
    assert change_value(change, value) == shown
