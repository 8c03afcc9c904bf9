"""Bulk updates: one row of the "update my initiatives" grid, saved as one unit through the usual services."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from cxgov.errors import ValidationError
from cxgov.models import CheckIn, Initiative
from cxgov.models.inputs import CheckInInput, parse_input
from cxgov.rules.bulk import CHECK_IN_FIELDS, RowChanges
from cxgov.rules.permissions import Action
from cxgov.services.initiative_access import initiative_to_change
from cxgov.services.initiatives import record_check_in
from cxgov.services.unit import Actor, conflict, versioned_update


def apply_bulk_row(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    seen_version: int | None,
    seen_check_in_id: int | None,
    changes: dict[str, Any],
) -> dict:
    """Save one row if the initiative is still as the person saw it: no save since `seen_version` and no
    check-in after `seen_check_in_id` (by anyone). A new health, reason or progress is a new check-in (whose
    progress the initiative takes on, cxgov.services.initiatives); a new target date is a version-checked update.
    All or nothing.
    Returns the new check-in's id (`check_in_id`) and the target date's change (old, new), if any."""
    values = parse_input(RowChanges, changes)
    given = values.model_fields_set
    checking_in = bool(given & set(CHECK_IN_FIELDS))
    actions = ((Action.CHECK_IN,) if checking_in else ()) + (
        (Action.EDIT_INITIATIVE,) if "target_date" in given else ()
    )
    # Locked (PostgreSQL): two saves of the same row wait for each other, so both see the newest check-in.
    person, initiative = initiative_to_change(
        session, actor, initiative_id, actions, seen_version=seen_version, lock=True
    )
    _refuse_newer_check_in(session, initiative, seen_check_in_id)
    check_in = _validated(values, initiative, checking_in)
    done = {}
    if "target_date" in given:
        done |= versioned_update(
            session,
            person=person,
            model=Initiative,
            entity="initiative",
            row=initiative,
            seen_version=seen_version,
            values={"target_date": values.target_date},
        )
    if check_in is not None:  # after the date: the check-in moves the version on when it sets the progress
        done["check_in_id"] = record_check_in(session=session, actor=actor, initiative_id=initiative_id, data=check_in)
    return done


def _refuse_newer_check_in(session: Session, initiative: Initiative, seen_check_in_id: int | None) -> None:
    """Refuse the row (ConflictError naming who and when) if anyone checked in since it was shown."""
    newest = session.exec(
        select(CheckIn.id).where(CheckIn.initiative_id == initiative.id).order_by(CheckIn.id.desc()).limit(1)
    ).first()
    if newest != seen_check_in_id:
        raise (
            conflict(session, "check_in", newest)
            if newest is not None
            else conflict(session, "initiative", initiative.id)
        )


def _validated(values: RowChanges, initiative: Initiative, checking_in: bool) -> dict[str, Any] | None:
    """Every problem of the row at once: the check-in's rules and a target date before the start date.
    Returns today's check-in from the row's health, reason and progress, or None when the row has none."""
    errors: dict = {}
    target = values.target_date
    if "target_date" in values.model_fields_set and target and initiative.start_date and target < initiative.start_date:
        errors["target_date"] = "error.dates_order"
    # The row's reason also explains a health better than the rules derive (required then, cxgov.rules.health).
    reason = values.reason or ""
    data = (
        {
            "checkin_date": date.today(),
            "health": values.health,
            "reason": reason,
            "override_reason": reason,
            "progress_pct": values.progress_pct,
        }
        if checking_in
        else None
    )
    if data is not None:
        try:
            parse_input(CheckInInput, data)
        except ValidationError as exc:
            errors = exc.errors | errors
    if errors:
        raise ValidationError(errors)
    return data
