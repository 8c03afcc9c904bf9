"""Reads of the bulk-update grid: the initiatives a person may check in on, frozen as a snapshot, and the
cheap per-run look at whether any of them changed since (one statement each, however many rows)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import CheckIn, Initiative, InitiativeMember, Person
from cxgov.queries.base import CLOSED, NO_UPDATE, initiatives_query
from cxgov.rules.bulk import Mark, SeenRow


def _newest_check_ins() -> sa.Subquery:
    """Per initiative the highest check-in id: any new check-in (even one dated earlier) moves it."""
    return (
        sa.select(CheckIn.initiative_id, sa.func.max(CheckIn.id).label("check_in_id"))
        .group_by(CheckIn.initiative_id)
        .subquery("newest_check_in")
    )


def snapshot(session: Session, *, person_id: int | None = None, owner_id: int | None = None) -> list[SeenRow]:
    """Open initiatives, by title: those `person_id` owns, sponsors or works on (None: everyone's), narrowed to
    `owner_id`'s when given. The health and reason are the latest check-in's."""
    base, newest = initiatives_query(), _newest_check_ins()
    query = (
        sa.select(
            base.c.id,
            base.c.title,
            base.c.owner,
            Initiative.version,
            newest.c.check_in_id,
            base.c.health,
            base.c.reason,
            Initiative.progress_pct,
            base.c.target_date,
        )
        .join(Initiative, Initiative.id == base.c.id)
        .outerjoin(newest, newest.c.initiative_id == base.c.id)
        .where(base.c.status.not_in(CLOSED))
        .order_by(sa.func.lower(base.c.title), base.c.id)
    )
    if person_id is not None:
        member = sa.exists().where(InitiativeMember.initiative_id == base.c.id, InitiativeMember.person_id == person_id)
        query = query.where(sa.or_(Initiative.owner_id == person_id, Initiative.sponsor_id == person_id, member))
    if owner_id is not None:
        query = query.where(Initiative.owner_id == owner_id)
    return [
        SeenRow(
            initiative_id=r.id,
            title=r.title,
            owner=r.owner,
            version=r.version,
            check_in_id=r.check_in_id,
            health=None if r.health == NO_UPDATE else r.health,
            reason=r.reason,
            progress_pct=r.progress_pct,
            target_date=r.target_date,
        )
        for r in session.execute(query).all()
    ]


def marks(session: Session, initiative_ids: Iterable[int]) -> dict[int, Mark]:
    """initiative id -> its version and newest check-in now, with who changed it and who checked in last."""
    ids = sorted(set(initiative_ids))
    if not ids:
        return {}
    newest = _newest_check_ins()
    editor, author = aliased(Person, name="editor"), aliased(Person, name="author")
    rows = session.execute(
        sa.select(Initiative.id, Initiative.version, newest.c.check_in_id, editor.name, author.name)
        .outerjoin(newest, newest.c.initiative_id == Initiative.id)
        .outerjoin(editor, editor.id == Initiative.updated_by_id)
        .outerjoin(CheckIn, CheckIn.id == newest.c.check_in_id)
        .outerjoin(author, author.id == CheckIn.author_id)
        .where(Initiative.id.in_(ids))
    ).all()
    return {r[0]: Mark(version=r[1], check_in_id=r[2], updated_by=r[3], checked_in_by=r[4]) for r in rows}
