"""The demo's governance record: the CX board's last two quarterly meetings and the next one, decisions that agree
with the initiatives, actions with a real follow-up, dated to the load day and bulk-loaded with the portfolio."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from cxgov.audit import rows as audit_rows
from cxgov.db import session_scope
from cxgov.demo.content import CCO
from cxgov.demo.meetings import GOVERNANCE_TABLES, ZONE
from cxgov.demo.plan import build_demo
from cxgov.demo.portfolio import REFERENCE_DATE, build_portfolio
from cxgov.models import ActionItem, AgendaItem, Decision, Meeting, MeetingMember, Status, StatusTransition
from cxgov.models.enums import (
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    AgendaSection,
    Attendance,
    DecisionKind,
    MeetingRole,
    MeetingStatus,
    Role,
)
from cxgov.rules.meetings import PROPOSED_AGENDA, default_pre_read_due, next_meeting_start, quarter_of, quorum
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from cxgov.settings import get_settings

SECTIONS = [plan.section for plan in PROPOSED_AGENDA]
OTHER_DAYS = [REFERENCE_DATE + timedelta(days=365), date(2027, 3, 1), REFERENCE_DATE - timedelta(days=40)]
# Dates that follow rules rather than the content: the pre-read deadline counts working days before the meeting.
RULE_DATES = {"pre_read_due", "agenda_published_at"}


@pytest.fixture(scope="module")
def demo():
    return build_demo(40, 2026, today=REFERENCE_DATE).tables


def _by_id(rows: list[dict]) -> dict[int, dict]:
    return {row["id"]: row for row in rows}


def _local(moment: datetime) -> datetime:
    return moment.astimezone(ZONE)


def _people(tables: dict) -> dict[int, dict]:
    return _by_id(tables["person"])


def _decision_status(decisions: list[dict]) -> dict[int, str]:
    """active / superseded / reversed, read from the chain the way the register reads it."""
    successors = {d["supersedes_id"]: d for d in decisions if d["supersedes_id"]}
    return {
        d["id"]: "active"
        if d["id"] not in successors
        else ("reversed" if successors[d["id"]]["reverses"] else "superseded")
        for d in decisions
    }


def test_the_board_met_in_the_two_quarters_before_the_reference_quarter_and_meets_next_in_this_one(demo):
    older, newer, upcoming = demo["meeting"]
    assert [m["status"] for m in (older, newer, upcoming)] == [
        MeetingStatus.MINUTES_APPROVED,
        MeetingStatus.HELD,
        MeetingStatus.DRAFT,
    ]
    assert [m["quarter"] for m in demo["meeting"]] == ["2026-Q2", "2026-Q3", "2026-Q4"]
    assert quarter_of(REFERENCE_DATE) == "2026-Q4"
    assert [m["previous_meeting_id"] for m in demo["meeting"]] == [None, older["id"], newer["id"]]
    assert _local(upcoming["starts_at"]) == next_meeting_start(_local(newer["starts_at"]))
    assert _local(newer["starts_at"]).date() < REFERENCE_DATE < _local(upcoming["starts_at"]).date()
    people = _people(demo)
    for meeting in demo["meeting"]:
        assert meeting["body"] == "CX board"
        assert people[meeting["chair_id"]]["name"] == CCO == "Marieke van den Berg"
        assert people[meeting["secretary_id"]]["name"] == "Thijs Bakker"
        assert meeting["pre_read_due"] == default_pre_read_due(_local(meeting["starts_at"]).date())
        assert _local(meeting["starts_at"]).hour == 10  # on the head office's clock, summer and winter alike
    members = {
        meeting["id"]: {(m["person_id"], m["role"]) for m in demo["meeting_member"] if m["meeting_id"] == meeting["id"]}
        for meeting in demo["meeting"]
    }
    assert members[older["id"]] == members[newer["id"]] == members[upcoming["id"]], "the same members each time"
    roles = Counter(role for _, role in members[older["id"]])
    assert 5 <= roles[MeetingRole.MEMBER] <= 8 and roles[MeetingRole.GUEST] == 1
    member_roles = {people[p]["role"] for p, role in members[older["id"]] if role is MeetingRole.MEMBER}
    assert member_roles == {Role.LEADER, Role.MANAGER}  # the other leaders and department heads
    assert (older["chair_id"], MeetingRole.MEMBER) in members[older["id"]]


def test_attendance_is_recorded_with_apologies_and_both_held_meetings_are_quorate(demo):
    quorum_pct = get_settings().quorum_pct
    for meeting in demo["meeting"]:
        attendance = [(m["role"], m["attendance"]) for m in demo["meeting_member"] if m["meeting_id"] == meeting["id"]]
        judged = quorum(attendance, quorum_pct)
        if meeting["status"] is MeetingStatus.DRAFT:
            assert {a for _, a in attendance} == {None} and not judged.recorded
            continue
        assert judged.recorded and judged.met and judged.present < judged.members
        assert 1 <= Counter(a for _, a in attendance)[Attendance.APOLOGIES] <= 2


def test_each_agenda_is_the_proposed_sections_in_order_with_the_meetings_own_items_before_other_business(demo):
    not_reached = []
    for meeting in demo["meeting"]:
        items = sorted(
            (i for i in demo["agenda_item"] if i["meeting_id"] == meeting["id"]), key=lambda i: i["position"]
        )
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
        assert [i["section"] for i in items if i["kind"] is AgendaItemKind.SECTION] == SECTIONS
        assert items[-1]["section"] is AgendaSection.OTHER_BUSINESS
        own = [i for i in items if i["kind"] is not AgendaItemKind.SECTION]
        if meeting["status"] is MeetingStatus.DRAFT:
            assert not own and {i["status"] for i in items} == {AgendaItemStatus.PLANNED}
            assert [(i["duration_minutes"], i["presenter_id"]) for i in items] == [
                (plan.minutes, meeting["chair_id"] if plan.presenter == "chair" else meeting["secretary_id"])
                for plan in PROPOSED_AGENDA
            ]
            continue
        assert 1 <= len(own) <= 2 and all(i["title"] or i["initiative_id"] for i in own)
        assert {i["kind"] for i in own} <= {AgendaItemKind.INITIATIVE, AgendaItemKind.TOPIC}
        assert meeting["minutes"] and any(i["minutes"] for i in items) and any(i["commentary"] for i in items)
        assert meeting["agenda_published_at"] < meeting["starts_at"]
        not_reached += [i for i in items if i["status"] is AgendaItemStatus.NOT_REACHED]
        assert {i["status"] for i in items} <= {AgendaItemStatus.DISCUSSED, AgendaItemStatus.NOT_REACHED}
    [backlog] = not_reached  # waits in the backlog of the next meeting: not a section, not taken up yet
    assert backlog["kind"] is not AgendaItemKind.SECTION
    assert not any(i["from_backlog_item_id"] for i in demo["agenda_item"])


def test_the_register_holds_8_to_12_decisions_one_superseded_and_one_reversed(demo):
    decisions, meetings = demo["decision"], _by_id(demo["meeting"])
    assert 8 <= len(decisions) <= 12
    assert {d["meeting_id"] for d in decisions} == {m["id"] for m in demo["meeting"][:2]}
    status = _decision_status(decisions)
    assert Counter(status.values()) == {"active": len(decisions) - 2, "superseded": 1, "reversed": 1}
    by_id, items = _by_id(decisions), _by_id(demo["agenda_item"])
    for decision in decisions:
        meeting = meetings[decision["meeting_id"]]
        assert decision["decided_on"] == _local(meeting["starts_at"]).date()
        assert (decision["body"], decision["chair_id"]) == (meeting["body"], meeting["chair_id"])
        assert items[decision["agenda_item_id"]]["meeting_id"] == meeting["id"]
        assert items[decision["agenda_item_id"]]["status"] is AgendaItemStatus.DISCUSSED
        if decision["supersedes_id"]:
            earlier = by_id[decision["supersedes_id"]]
            assert (
                earlier["decided_on"] < decision["decided_on"] and earlier["initiative_id"] == decision["initiative_id"]
            )
    [approval] = [d for d in decisions if d["approves_minutes_of_id"]]
    older, newer, upcoming = demo["meeting"]
    assert (approval["kind"], approval["meeting_id"], approval["approves_minutes_of_id"]) == (
        DecisionKind.NOTE,
        newer["id"],
        older["id"],
    )
    next_day = _local(upcoming["starts_at"]).date()
    reviewed = [d for d in decisions if d["review_on"]]
    assert len(reviewed) >= 3
    due = [d for d in reviewed if status[d["id"]] == "active" and d["review_on"] <= next_day]
    assert len(due) == 1, "one decision comes back at the next meeting"


def test_decisions_agree_with_the_status_and_dates_of_the_initiatives_they_name(demo):
    initiatives, meetings = _by_id(demo["initiative"]), _by_id(demo["meeting"])
    moves: dict[int, list[dict]] = {}
    for move in sorted(demo["status_transition"], key=lambda m: m["moved_at"]):
        moves.setdefault(move["initiative_id"], []).append(move)
    expected = {
        DecisionKind.APPROVE: {Status.APPROVED, Status.ACTIVE},
        DecisionKind.REJECT: {Status.REJECTED},
        DecisionKind.STOP: {Status.CANCELLED},
        DecisionKind.HOLD: {Status.ON_HOLD},
    }
    kinds = Counter()
    for decision in demo["decision"]:
        initiative = initiatives.get(decision["initiative_id"])
        if initiative is None:
            continue
        kinds[decision["kind"]] += 1
        assert initiative["created_at"] < meetings[decision["meeting_id"]]["starts_at"]
        if decision["new_target_date"]:
            assert decision["new_target_date"] == initiative["target_date"]
        if decision["kind"] in expected:
            assert initiative["status"] in expected[decision["kind"]], initiative["title"]
            on_the_day = [m for m in moves[initiative["id"]] if _local(m["moved_at"]).date() == decision["decided_on"]]
            assert [m["reason"] for m in on_the_day] == [decision["text"]]
    assert set(expected) <= set(kinds) and any(d["new_target_date"] for d in demo["decision"])
    for initiative_id, history in moves.items():
        assert [m["from_status"] for m in history[1:]] == [m["to_status"] for m in history[:-1]]
        assert history[-1]["to_status"] == initiatives[initiative_id]["status"]
        assert initiatives[initiative_id]["updated_at"] >= history[-1]["moved_at"]


def test_actions_are_done_on_time_done_late_dropped_or_overdue_and_carried(demo):
    actions, people, initiatives = demo["action_item"], _people(demo), _by_id(demo["initiative"])
    assert 10 <= len(actions) <= 15
    done = [a for a in actions if a["status"] is ActionStatus.DONE]
    on_time = [a for a in done if a["closed_on"] <= a["due_on"]]
    assert len(on_time) >= 3 and len(done) - len(on_time) >= 2
    [dropped] = [a for a in actions if a["status"] is ActionStatus.DROPPED]
    assert dropped["closing_note"] and dropped["closed_on"]
    open_actions = [a for a in actions if a["status"] is ActionStatus.OPEN]
    overdue = [a for a in open_actions if a["due_on"] < REFERENCE_DATE]
    assert len(overdue) == 2 and all(a["closed_on"] is None for a in open_actions)
    upcoming = demo["meeting"][-1]
    assert all(a["meeting_id"] != upcoming["id"] for a in actions), "open ones are carried onto the next agenda"
    assert all(a["closed_on"] <= REFERENCE_DATE for a in actions if a["closed_on"])
    owners = {a["owner_id"] for a in actions}
    assert len(owners) >= 8 and owners <= set(people)
    owning_managers = [
        a
        for a in actions
        if a["initiative_id"]
        and initiatives[a["initiative_id"]]["owner_id"] == a["owner_id"]
        and people[a["owner_id"]]["role"] is Role.MANAGER
    ]
    assert len(owning_managers) >= 4


def _moved_values(rows: list[dict], delta: timedelta) -> list[dict]:
    """The rows with every content date and moment moved by `delta` (moments on the head office's clock)."""
    moved = []
    for row in rows:
        values = {}
        for name, value in row.items():
            if name in RULE_DATES:
                continue
            if isinstance(value, datetime):
                value = (_local(value).replace(tzinfo=None) + delta).isoformat()
            elif isinstance(value, date):
                value += delta
            values[name] = value
        moved.append(values)
    return moved


def _local_values(rows: list[dict]) -> list[dict]:
    return _moved_values(rows, timedelta(0))


@pytest.mark.parametrize("today", OTHER_DAYS)
def test_every_date_and_time_moves_with_the_day_the_demo_is_dated_to(demo, today):
    now = build_demo(40, 2026, today=today).tables
    for table in GOVERNANCE_TABLES:
        assert len(now[table]) == len(demo[table]) and now[table], table
        expected = _moved_values(demo[table], today - REFERENCE_DATE)
        if table == "meeting":
            for row in expected:
                del row["quarter"]
            for row in now[table]:
                local_day = _local(row["starts_at"]).date()
                assert row["quarter"] == quarter_of(local_day)
                assert row["pre_read_due"] == default_pre_read_due(local_day)
        actual = _local_values(now[table])
        if table == "meeting":
            for row in actual:
                del row["quarter"]
        assert actual == expected, table
    assert all(a["closed_on"] <= today for a in now["action_item"] if a["closed_on"])


def test_a_portfolio_without_every_table_initiative_has_no_board_record():
    tables = build_portfolio(39, 2026, today=REFERENCE_DATE).tables
    assert all(tables[name] == [] for name in GOVERNANCE_TABLES)


# --- loaded into a database ------------------------------------------------------------------------------------


def test_the_load_inserts_the_record_with_its_links_and_the_audit_replay_accounts_for_it(engine, cli):
    with session_scope(engine, write=True) as session:
        summary = load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, today=REFERENCE_DATE)
    counts = {name: len(rows) for name, rows in build_demo(40, 2026, today=REFERENCE_DATE).tables.items()}
    assert {name: summary.counts[name] for name in GOVERNANCE_TABLES} == {
        name: counts[name] for name in GOVERNANCE_TABLES
    }
    with session_scope(engine) as session:
        older, newer, upcoming = session.execute(select(Meeting).order_by(Meeting.starts_at)).scalars().all()
        assert (newer.previous_meeting_id, upcoming.previous_meeting_id) == (older.id, newer.id)
        assert upcoming.starts_at.astimezone(ZONE).hour == 10
        decisions = session.execute(select(Decision)).scalars().all()
        by_id = {d.id: d for d in decisions}
        chained = [d for d in decisions if d.supersedes_id]
        assert len(chained) == 2 and all(by_id[d.supersedes_id].meeting_id == older.id for d in chained)
        assert [d.approves_minutes_of_id for d in decisions if d.approves_minutes_of_id] == [older.id]
        assert all(session.get(AgendaItem, d.agenda_item_id).meeting_id == d.meeting_id for d in decisions), (
            "each decision points at its own meeting's item"
        )
        overdue = session.execute(
            select(ActionItem.id).where(ActionItem.status == ActionStatus.OPEN, ActionItem.due_on < REFERENCE_DATE)
        ).all()
        assert len(overdue) == 2
        members = session.execute(select(MeetingMember.meeting_id, MeetingMember.attendance)).all()
        assert Counter(a for m, a in members if m == upcoming.id) == {None: 8}
        approved = session.execute(
            select(StatusTransition.to_status).where(StatusTransition.to_status == Status.APPROVED)
        ).all()
        assert len(approved) == 2
        report = audit_rows.replay(session)
    assert report.ok
    assert {name: report.bulk_rows[name] for name in GOVERNANCE_TABLES} == {
        name: counts[name] for name in GOVERNANCE_TABLES
    }
    code, out, _ = cli(engine.url.render_as_string(hide_password=False), "verify-audit", "--rows")
    assert code == 0 and "OK: every row the audit trail describes holds the values the trail says." in out
