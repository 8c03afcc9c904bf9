"""The one unique-name check: another row with the same name (text compared case-insensitively), and the
database's unique indexes as the backstop for two people saving the same name at the same moment."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from cxgov.errors import ValidationError

Message = tuple[str, dict] | str


def other_with_same(
    session: Session, model: type[SQLModel], values: dict[str, Any], exclude_id: int | None, *conditions: Any
) -> SQLModel | None:
    """Another row of `model` whose fields hold `values` (and meet `conditions`), or None."""
    query = select(model).where(*conditions)
    for name, value in values.items():
        column = getattr(model, name)
        is_text = isinstance(value, str) and not hasattr(value, "value")  # enums compare as they are
        query = query.where(func.lower(column) == value.lower() if is_text else column == value)
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)
    return session.exec(query.limit(1)).first()


def flush_refusing_duplicates(session: Session, backstops: Iterable[tuple[tuple[str, ...], str, Message]]) -> None:
    """Flush; a unique index that refuses the write (the check above ran before another save landed) is reported
    on the field it guards. `backstops`: (what names the index in the database's error, field, message)."""
    try:
        session.flush()
    except IntegrityError as exc:
        for markers, field, message in backstops:
            if any(marker in str(exc.orig) for marker in markers):
                raise ValidationError({field: message}) from None
        raise
