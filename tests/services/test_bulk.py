"""Bulk updates: planning a grid's edits into per-row change sets (pure), noticing what changed underneath the
snapshot, and saving one row per unit through the services (conflicts, invalid rows, audit, permissions)."""

from datetime import date

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, PermissionDenied, ValidationError
from cxgov.models import AuditEvent, CheckIn, Initiative, InitiativeMember, Role
from cxgov.queries.bulk import marks, snapshot
from cxgov.rules.bulk import Mark, RowPlan, SeenRow, changed_underneath, plan, refreshed
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.budget import record_expense, set_budget_line
from cxgov.services.bulk import apply_bulk_row
from cxgov.services.initiatives import record_check_in
from tests.factories import add_initiative, add_person


def _seen(initiative_id=1, **values) -> SeenRow:
    row = {
        "title": f"Initiative {initiative_id}",
        "owner": "Mila",
        "version": 3,
        "check_in_id": 10,
        "health": "amber",
        "reason": "Supplier late",
        "progress_pct": 40,
        "target_date": date(2026, 12, 31),
    }
    return SeenRow(initiative_id=initiative_id, **(row | values))


# --- planning (pure) ---------------------------------------------------------------------------------------


def test_an_unchanged_row_plans_nothing_even_with_the_grids_blanks():
    seen = {1: _seen(1, health=None, reason="", target_date=None)}
    shown = {1: {"health": float("nan"), "reason": None, "progress_pct": 40.0, "target_date": None}}
    assert plan(seen, shown) == []


def test_a_new_health_is_a_whole_check_in_and_a_new_date_only_the_date():
    seen = {1: _seen(1), 2: _seen(2)}
    shown = {1: _seen(1).values() | {"health": "red"}, 2: _seen(2).values() | {"target_date": "2027-02-01T00:00:00"}}
    assert plan(seen, shown) == [
        RowPlan(1, 3, 10, {"health": "red", "reason": "Supplier late", "progress_pct": 40}),
        RowPlan(2, 3, 10, {"target_date": date(2027, 2, 1)}),
    ]


def test_rows_are_matched_by_initiative_id_not_by_position():
    seen = {7: _seen(7, progress_pct=10), 3: _seen(3, progress_pct=90)}
    shown = {
        3: _seen(3, progress_pct=90).values(),
        7: _seen(7).values() | {"progress_pct": 15},
        99: {"progress_pct": 1},
    }  # not in the snapshot: ignored
    [row] = plan(seen, shown)
    assert (row.initiative_id, row.changes["progress_pct"]) == (7, 15)


def test_changed_underneath_names_who_moved_the_version_or_checked_in():
    seen = {1: _seen(1), 2: _seen(2), 3: _seen(3), 4: _seen(4)}
    now = {1: Mark(3, 10, "Ed", "Cas"), 2: Mark(4, 10, "Ed", "Cas"), 3: Mark(3, 11, "Ed", "Cas")}
    found = changed_underneath(seen, now)
    assert [(c.initiative_id, c.by) for c in found] == [(2, "Ed"), (3, "Cas"), (4, None)]


def test_refreshing_replaces_only_the_named_rows_and_drops_those_gone():
    seen = {1: _seen(1), 2: _seen(2), 3: _seen(3)}
    fresh = [_seen(1, version=4), _seen(2, version=9)]
    after = refreshed(seen, fresh, [1, 3])
    assert [(i, r.version) for i, r in after.items()] == [(1, 4), (2, 3)]


# --- the service, on both databases ------------------------------------------------------------------------


@pytest.fixture
def team(engine):
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    other = add_person(engine, Role.PROGRAMME_OFFICE, name="Paul Programme")
    first = add_initiative(engine, owner_id=owner, title="Callback promise", start_date=date(2026, 9, 1))
    second = add_initiative(engine, owner_id=owner, title="Plain invoices")
    return {"engine": engine, "owner": owner, "other": other, "first": first, "second": second}


def _rows(engine, person_id=None) -> dict[int, SeenRow]:
    with session_scope(engine) as session:
        return {r.initiative_id: r for r in snapshot(session, person_id=person_id)}


def _apply(engine, actor, row: SeenRow, **changes):
    with session_scope(engine, write=True) as session:
        return apply_bulk_row(
            session=session,
            actor=actor,
            initiative_id=row.initiative_id,
            seen_version=row.version,
            seen_check_in_id=row.check_in_id,
            changes=changes,
        )


def _check_in(engine, actor, initiative_id, health="amber", reason="Waiting for IT"):
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=actor,
            initiative_id=initiative_id,
            data={"checkin_date": date.today(), "health": health, "reason": reason},
        )


def _state(engine, initiative_id):
    with session_scope(engine) as session:
        initiative = session.get(Initiative, initiative_id)
        check_ins = session.exec(
            select(CheckIn).where(CheckIn.initiative_id == initiative_id).order_by(CheckIn.id)
        ).all()
        return initiative.version, initiative.progress_pct, initiative.target_date, check_ins


def _events(engine) -> list[AuditEvent]:
    with session_scope(engine) as session:
        return session.exec(select(AuditEvent).order_by(AuditEvent.seq)).all()


def test_a_row_saves_a_check_in_and_the_target_date_in_one_unit_with_audit(team):
    engine, owner = team["engine"], team["owner"]
    row = _rows(engine, owner)[team["first"]]
    assert (row.health, row.check_in_id, row.progress_pct) == (None, None, 0)
    before = len(_events(engine))
    done = _apply(
        engine, owner, row, health="amber", reason="Supplier late", progress_pct=35, target_date=date(2027, 3, 31)
    )
    version, progress, target, [check_in] = _state(engine, team["first"])
    assert (check_in.health, check_in.reason, check_in.progress_pct, check_in.author_id) == (
        "amber",
        "Supplier late",
        35,
        owner,
    )
    assert (version, progress, target) == (
        row.version + 2,
        35,
        date(2027, 3, 31),
    )  # the date, then the check-in's progress
    assert done["check_in_id"] == check_in.id and set(done) == {"check_in_id", "target_date"}
    new = _events(engine)[before:]
    assert [(e.entity, e.action, e.field) for e in new] == [
        ("initiative", "update", "target_date"),
        ("check_in", "create", None),
        ("initiative", "update", "progress_pct"),
    ]
    assert {e.actor_id for e in new} == {owner}
    assert _rows(engine, owner)[team["first"]].check_in_id == check_in.id  # the snapshot's mark moved


def test_a_row_whose_version_moved_is_refused_and_left_untouched(team):
    engine, owner = team["engine"], team["owner"]
    row = _rows(engine, owner)[team["first"]]
    _apply(engine, team["other"], row, target_date=date(2027, 1, 15))  # someone else saved first
    before = (_state(engine, team["first"]), len(_events(engine)))
    with pytest.raises(ConflictError) as refused:
        _apply(engine, owner, row, health="green", progress_pct=50)
    assert "Paul Programme" in str(refused.value)
    assert (_state(engine, team["first"]), len(_events(engine))) == before


def test_a_check_in_by_someone_else_since_the_snapshot_is_a_conflict(team):
    engine, owner = team["engine"], team["owner"]
    row = _rows(engine, owner)[team["first"]]
    _check_in(engine, team["other"], team["first"])  # no version change: only the newest check-in moved
    before = (_state(engine, team["first"]), len(_events(engine)))
    with pytest.raises(ConflictError) as refused:
        _apply(engine, owner, row, health="green")
    assert "Paul Programme" in str(refused.value)
    assert (_state(engine, team["first"]), len(_events(engine))) == before


def test_invalid_cells_are_reported_per_column_and_nothing_is_saved(team):
    engine, owner = team["engine"], team["owner"]
    row = _rows(engine, owner)[team["first"]]
    before = (_state(engine, team["first"]), len(_events(engine)))
    with pytest.raises(ValidationError) as refused:
        _apply(engine, owner, row, health="red", reason="Late", progress_pct=150, target_date=date(2026, 1, 1))
    assert set(refused.value.errors) == {"progress_pct", "target_date"}  # both columns at once
    assert refused.value.field_messages("en")["progress_pct"] == "must be between 0 and 100"
    with pytest.raises(ValidationError) as refused:
        _apply(engine, owner, row, health="red", reason="", progress_pct=50)
    assert set(refused.value.errors) == {"reason"}
    with pytest.raises(ValidationError) as refused:
        _apply(engine, owner, row, health=None, reason="Only a reason")  # a check-in needs a health
    assert set(refused.value.errors) == {"health"}
    assert (_state(engine, team["first"]), len(_events(engine))) == before


def test_valid_rows_are_saved_while_a_conflicted_one_stays_untouched(team):
    engine, owner = team["engine"], team["owner"]
    rows = _rows(engine, owner)
    _check_in(engine, team["other"], team["second"])
    outcomes = {}
    for initiative_id, changes in (
        (team["first"], {"target_date": date(2027, 6, 30)}),
        (team["second"], {"health": "green", "reason": "", "progress_pct": 80}),
    ):
        try:  # each row in its own unit, as the page does
            _apply(engine, owner, rows[initiative_id], **changes)
            outcomes[initiative_id] = "saved"
        except ConflictError:
            outcomes[initiative_id] = "conflict"
    assert outcomes == {team["first"]: "saved", team["second"]: "conflict"}
    assert _state(engine, team["first"])[2] == date(2027, 6, 30)
    _, progress, _, check_ins = _state(engine, team["second"])
    assert (progress, [c.health for c in check_ins]) == (0, ["amber"])  # only the other person's check-in


def test_a_viewer_is_refused_and_a_team_member_may_check_in_but_not_move_the_date(team):
    engine = team["engine"]
    viewer = add_person(engine, Role.VIEWER)
    member = add_person(engine, Role.CONTRIBUTOR, name="Cor Contributor")
    with session_scope(engine, write=True) as session:
        session.add(InitiativeMember(initiative_id=team["first"], person_id=member))
    row = _rows(engine)[team["first"]]
    with pytest.raises(PermissionDenied):
        _apply(engine, viewer, row, health="green")
    with pytest.raises(PermissionDenied):
        _apply(engine, member, row, health="green", target_date=date(2027, 1, 1))
    assert _state(engine, team["first"])[3] == []  # nothing half saved: no check-in either
    assert list(_rows(engine, member)) == [team["first"]]  # the member's grid lists only their initiative
    _apply(engine, member, row, health="green", progress_pct=20)
    assert [c.author_id for c in _state(engine, team["first"])[3]] == [member]


def test_a_health_better_than_the_rules_needs_the_rows_reason(team):
    engine, owner = team["engine"], team["owner"]
    overrun = add_initiative(engine, owner_id=owner, title="Chatbot pilot", status="approved", phase="plan")
    with session_scope(engine, write=True) as session:
        today = date.today()
        set_budget_line(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=overrun,
            data={"year": today.year, "quarter": (today.month - 1) // 3 + 1, "planned_cents": 100_00},
        )
        record_expense(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=overrun,
            data={"spent_on": today, "amount_cents": "900,00", "category": "external"},
        )
    row = _rows(engine, owner)[overrun]
    with pytest.raises(ValidationError) as refused:
        _apply(engine, owner, row, health="green", reason="")
    assert set(refused.value.errors) == {"override_reason"}
    _apply(engine, owner, row, health="green", reason="The invoice is a prepayment for next year")
    [check_in] = _state(engine, overrun)[3]
    assert (check_in.health, check_in.derived_health, check_in.override_reason) == (
        "green",
        "red",
        "The invoice is a prepayment for next year",
    )


def test_the_marks_query_sees_versions_and_newest_check_ins(team):
    engine, owner = team["engine"], team["owner"]
    seen = _rows(engine, owner)
    _check_in(engine, team["other"], team["second"])
    with session_scope(engine) as session:
        now = marks(session, seen)
    assert [(c.title, c.by) for c in changed_underneath(seen, now)] == [("Plain invoices", "Paul Programme")]
    assert _rows(engine, team["other"]) == {}  # the programme office relates to neither initiative
