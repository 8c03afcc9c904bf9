"""Date arithmetic that cannot overflow: a stored date may be anything from 0001-01-01 to 9999-12-31 (rows
written before the business-date window, or by other tools), and Python's dates end there."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo


def days_after(day: date, days: int) -> date:
    """`day` + `days` (negative: before), held at the first or last date Python knows instead of overflowing."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def today_in(zone: str) -> date:
    """Today's date on the clock of `zone` (an IANA name such as the installation's CXGOV_TIME_ZONE)."""
    return datetime.now(ZoneInfo(zone)).date()


def moment_before(moment: datetime, span: timedelta) -> datetime:
    """`moment` - `span`, held at the first moment Python knows instead of overflowing."""
    try:
        return moment - span
    except OverflowError:
        return datetime.min.replace(tzinfo=moment.tzinfo)


def on_clock(moment: datetime, zone: str) -> datetime:
    """A stored (UTC) moment on the clock of `zone`; at the very ends of Python's range, where that clock would
    pass the first or last year Python knows, the moment as stored (UTC)."""
    if moment.tzinfo is None:  # SQLite hands back naive values; every stored time is UTC
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(ZoneInfo(zone))
    except OverflowError:
        return moment


def day_in(moment: datetime, zone: str) -> date:
    """The date a stored (UTC-aware) moment falls on, on the clock of `zone`: a meeting at 00:30 in Amsterdam is
    held on that day, though it is still the day before in UTC."""
    return on_clock(moment, zone).date()
