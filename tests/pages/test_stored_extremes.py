"""Every page opens whatever is stored: rows written before the input rules, or by other tools, may hold the first
and the last date Python knows (0001-01-01, 9999-12-31) and floats far beyond any KPI scale (±1e308). A check-in
dated 9999-12-31 made My work fail (`date + timedelta` overflowed); a KPI value of 1e308 the KPI pages. The values
are written straight into the database, in every date, timestamp and float column of every table (found by
walking the tables), half of the rows at each end."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from cxgov.db import session_scope
from cxgov.models import Initiative, Meeting, MeetingStatus, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import plan
from cxgov.services.budget import record_expense, set_budget_line
from cxgov.services.initiatives import record_check_in
from cxgov.services.kpis import create_kpi, record_kpi_reading
from cxgov.services.pdca import save_cycle_record
from cxgov.ui.navigation import PAGES
from tests.factories import (
    add_action,
    add_agenda_item,
    add_decision,
    add_dependency,
    add_initiative,
    add_meeting,
    add_milestone,
    add_person,
    approve_and_move,
)
from tests.pages.harness import open_page

TODAY = date.today()
FIRST, LAST = date.min, date.max
HUGE = 1e308  # near the largest float there is
SKIPPED_TABLES = {
    "audit_event",  # the HMAC chain: rewriting it is tampering, tested elsewhere
    "audit_head",
    "decision",  # insert-only (the database refuses UPDATE): its rows are inserted with the extremes instead
    "board_pack",  # insert-only, like decisions; a pack's values at the extremes are tested through its JSON
    "board_pack_section",
}


def _initiative_with_everything(engine, owner: int, title: str, kpi: int) -> int:
    """A running project with a check-in, milestone, risk, plan action, budget, expense and a KPI target."""
    initiative_id = add_initiative(
        engine,
        owner_id=owner,
        title=title,
        start_date=TODAY - timedelta(days=40),
        target_date=TODAY + timedelta(days=90),
    )
    version = approve_and_move(engine, initiative_id, 1)
    add_milestone(engine, initiative_id, due_on=TODAY - timedelta(days=3))
    with session_scope(engine, write=True) as session:
        save_cycle_record(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=version,
            data={
                "target_kpi_id": kpi,
                "baseline_value": 20,
                "target_value": 50,
                "target_date": TODAY + timedelta(days=60),
                "hypothesis": "If … then …",
            },
        )
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"checkin_date": TODAY, "health": "amber", "reason": "Late", "blocker": "Vendor"},
        )
        set_budget_line(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"year": TODAY.year, "quarter": 1, "planned_cents": "100"},
        )
        record_expense(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"spent_on": TODAY, "amount_cents": "50"},
        )
        plan.add_risk(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"title": "Vendor", "probability": 2, "impact": 3},
        )
        plan.add_plan_action(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"description": "Brief", "owner_id": owner, "due_on": TODAY, "cost_cents": "12"},
        )
    return initiative_id


def _to_both_ends(engine) -> None:
    """Every stored date, timestamp and float (not NULL ones) to one end or the other, by the row's key parity."""
    with engine.begin() as connection:
        for table in SQLModel.metadata.sorted_tables:
            if table.name in SKIPPED_TABLES:
                continue
            key = next(iter(table.primary_key.columns))
            first = key % 2 == 1
            values = {}
            for column in table.columns:
                # sqlmodel's UTCDateTime decorates a DateTime: compare what the column stores
                stored = getattr(column.type, "impl", column.type)
                if isinstance(stored, sa.DateTime):
                    ends = (
                        datetime.combine(FIRST, datetime.min.time(), UTC),
                        datetime.combine(LAST, datetime.max.time().replace(microsecond=0), UTC),
                    )
                elif isinstance(stored, sa.Date):
                    ends = (FIRST, LAST)
                elif isinstance(stored, sa.Float):
                    ends = (-HUGE, HUGE)
                else:
                    continue
                values[column.name] = sa.case((column.is_(None), None), (first, ends[0]), else_=ends[1])
            if values:
                connection.execute(table.update().values(values))
        connection.execute(sa.text("UPDATE budget_line SET year = CASE WHEN id % 2 = 1 THEN 1 ELSE 9999 END"))


@pytest.fixture
def extremes(db):
    url, engine = db
    admin = add_person(engine, Role.ADMIN, name="Ada Admin")
    with session_scope(engine, write=True) as session:
        kpi = create_kpi(
            session=session,
            actor=SYSTEM_ACTOR,
            data={"code": "NPS", "name": "NPS", "kind": "nps", "scale_min": -100, "scale_max": 100},
        )
        record_kpi_reading(
            session=session,
            actor=SYSTEM_ACTOR,
            data={"kpi_id": kpi, "period": TODAY.replace(day=1), "value": 30, "sample_size": 400},
        )
    first = _initiative_with_everything(engine, admin, "Callback pilot", kpi)
    second = _initiative_with_everything(engine, admin, "Recovery cards", kpi)
    add_dependency(engine, first, second)
    meetings = _meetings(engine, admin, first, kpi)
    _to_both_ends(engine)
    _decisions_at_both_ends(engine, meetings, first, kpi)
    with session_scope(engine) as session:
        ends = {session.get(Initiative, first).start_date, session.get(Initiative, second).start_date}
        starts = {session.get(Meeting, m).starts_at.date() for m in meetings}
    assert ends == {FIRST, LAST} and starts == {FIRST, LAST}
    return {"url": url, "admin": admin, "initiatives": (first, second), "meetings": meetings}


def _meetings(engine, admin: int, initiative: int, kpi: int) -> tuple[int, int]:
    """Two held meetings with the admin as chair and member, an agenda of every kind of item and an open action."""
    ids = []
    with session_scope(engine, write=True) as session:
        for n in range(2):
            meeting = add_meeting(
                session,
                status=MeetingStatus.HELD,
                starts_at=datetime(2026, 10, 15 + n, 8, tzinfo=UTC),
                chair_id=admin,
                secretary_id=admin,
                member_ids=(admin,),
            )
            add_agenda_item(session, meeting_id=meeting, kind="section", section="changes", position=1)
            add_agenda_item(session, meeting_id=meeting, kind="initiative", initiative_id=initiative, position=2)
            add_agenda_item(session, meeting_id=meeting, kind="kpi", kpi_id=kpi, position=3)
            add_action(session, meeting_id=meeting, owner_id=admin, due_on=TODAY, initiative_id=initiative)
            ids.append(meeting)
    return tuple(ids)


def _decisions_at_both_ends(engine, meetings: tuple[int, int], initiative: int, kpi: int) -> None:
    with session_scope(engine, write=True) as session:
        for meeting, day, moment in zip(
            meetings,
            (FIRST, LAST),
            (datetime.combine(FIRST, datetime.min.time(), UTC), datetime.combine(LAST, datetime.max.time(), UTC)),
            strict=True,
        ):
            add_decision(
                session,
                meeting_id=meeting,
                initiative_id=initiative,
                kpi_id=kpi,
                decided_on=day,
                review_on=day,
                new_target_date=day,
                created_at=moment,
            )


def test_every_page_opens_with_dates_and_floats_at_both_ends(monkeypatch, extremes):
    failed = []
    for spec in PAGES:
        ids = (
            extremes["initiatives"]
            if spec.url_path in ("initiative", "initiative-form")
            else extremes["meetings"]
            if spec.url_path in ("meeting", "present")
            else (None,)
        )
        for initiative_id in ids:
            query = None if initiative_id is None else {"id": str(initiative_id)}  # an initiative's or a meeting's
            at = open_page(monkeypatch, extremes["url"], spec.url_path, acting=extremes["admin"], query=query)
            if at.exception:
                failed.append((spec.url_path, initiative_id, at.exception[0].message))
    assert failed == []
