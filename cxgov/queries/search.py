"""Free-text search: the one condition every searchable list uses."""

from __future__ import annotations

import sqlalchemy as sa


def containing(text: str, *columns) -> sa.ColumnElement | None:
    """Rows where any of `columns` contains `text`, ignoring case, with % and _ taken literally; None when there
    is nothing to search for. NUL is left out: nothing stored holds it and PostgreSQL refuses it even in a query
    (a `?q=%00` in the URL would otherwise fail the page)."""
    needle = text.replace("\x00", "").strip().lower()
    if not needle:
        return None
    return sa.or_(
        *(sa.func.lower(sa.func.coalesce(column, "")).contains(needle, autoescape=True) for column in columns)
    )
