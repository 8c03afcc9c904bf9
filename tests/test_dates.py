"""Date and time arithmetic at the ends of Python's range: a stored time another tool wrote at 9999-12-31 23:59
UTC lies past the last year Python knows on Amsterdam's clock, and one at 0001-01-01 before the first on a clock
behind UTC; neither may crash a page."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from cxgov.dates import day_in, moment_before, on_clock
from cxgov.i18n import format_moment, format_start

LAST = datetime.max.replace(tzinfo=UTC)
FIRST = datetime.min.replace(tzinfo=UTC)


def test_a_moment_is_read_on_the_installation_clock():
    late_evening = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    assert day_in(late_evening, "Europe/Amsterdam") == date(2026, 3, 5)  # 00:30 CET
    assert on_clock(late_evening.replace(tzinfo=None), "Europe/Amsterdam").hour == 0  # naive means UTC


def test_at_the_ends_of_the_range_the_moment_stays_as_stored():
    assert on_clock(LAST, "Europe/Amsterdam") == LAST
    assert day_in(LAST, "Europe/Amsterdam") == date.max
    assert on_clock(FIRST, "America/Curacao") == FIRST
    assert day_in(FIRST, "America/Curacao") == date.min
    assert moment_before(FIRST, timedelta(days=92)) == FIRST
    assert moment_before(LAST, timedelta(days=1)) == LAST - timedelta(days=1)


def test_times_at_the_ends_are_written_in_utc_with_the_zone_named():
    assert format_moment(LAST, "nl", "Europe/Amsterdam") == "31-12-9999 23:59:59 UTC"
    assert format_start(FIRST, "en", "America/Curacao") == "1 Jan 0001 00:00 UTC"
    assert format_start(datetime(2026, 12, 14, 9, tzinfo=UTC), "nl", "Europe/Amsterdam") == "14-12-2026 10:00 CET"
