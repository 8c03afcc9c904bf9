"""Date arithmetic that cannot overflow: a stored date may be anything from 0001-01-01 to 9999-12-31 (rows
written before the business-date window, or by other tools), and Python's dates end there."""

from __future__ import annotations

from datetime import date, datetime, timedelta
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


def day_in(moment: datetime, zone: str) -> date:
    """The date a stored (UTC-aware) moment falls on, on the clock of `zone`: a meeting at 00:30 in Amsterdam is
    held on that day, though it is still the day before in UTC."""
    return moment.astimezone(ZoneInfo(zone)).date()
