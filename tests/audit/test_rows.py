"""`verify-audit --rows`: the audit trail replayed against the rows finds values changed behind the app's back.

A lived-in database is built through the services (every entity the services audit, refusals and sign-ins
included) and must replay without a difference; then each kind of value (text, money, dates, instants,
enums, booleans, floats, linked lists) is changed with plain SQL, rows are inserted and deleted, and each
change must be reported with its entity, id, field, the trail's value and the row's.
"""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import SQLModel

from cxgov.audit import rows as audit_rows
from cxgov.audit.rows import Difference
from cxgov.db import session_scope
from cxgov.errors import PermissionDenied
from cxgov.models import ExpenseCategory, Initiative, KpiReading, Milestone, PlanAction, Risk
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import accounts, budget, initiatives, kpis, pdca, people, plan, reference, team
from cxgov.services.demo import load_demo_portfolio
from tests.factories import approve_and_move

S = SYSTEM_ACTOR
PASSWORD = "Tulips-and-windmills-2026"
DONE_ON = date.today() - timedelta(days=3)  # services refuse days in the future
CLOSED_ON = date.today() - timedelta(days=6)


def _write(engine, service, **kwargs):
    with session_scope(engine, write=True) as session:
        return service(session=session, actor=kwargs.pop("actor", S), **kwargs)


def _version(engine, model, row_id) -> int:
    with session_scope(engine) as session:
        return session.get(model, row_id).version


def _replay(engine) -> audit_rows.RowReport:
    with session_scope(engine) as session:
        return audit_rows.replay(session)


def _live(engine) -> dict[str, int]:
    """Every audited entity written through its service, the way people use cxgov; returns the ids."""
    ids = {"department": _write(engine, reference.create_department, data={"name": "Klantenservice"})}
    _write(
        engine,
        reference.update_department,
        department_id=ids["department"],
        seen_version=1,
        data={"name": "Klantcontact", "active": True},
    )
    ids["admin"] = _write(
        engine, people.create_person, data={"name": "Ada Admin", "email": "ada@voltera.nl", "role": "admin"}
    )
    ids["manager"] = _write(
        engine,
        people.create_person,
        data={"name": "Mo Manager", "email": "mo@voltera.nl", "role": "viewer", "department_id": ids["department"]},
    )
    _write(
        engine,
        people.update_person,
        person_id=ids["manager"],
        seen_version=1,
        data={"name": "Mo Manager", "email": "mo@voltera.nl", "role": "manager", "department_id": ids["department"]},
    )
    ids["viewer"] = _write(engine, people.create_person, data={"name": "Vi Viewer", "email": "vi@voltera.nl"})
    ids["objective"] = _write(
        engine, reference.create_objective, data={"title": "Effortless service", "owner_id": ids["admin"]}
    )
    _write(
        engine,
        reference.update_objective,
        objective_id=ids["objective"],
        seen_version=1,
        data={"title": "Effortless service", "description": "CES below 2.5", "owner_id": ids["admin"]},
    )
    stage = _write(
        engine,
        reference.create_term,
        data={"kind": "journey_stage", "code": "orientatie", "name_en": "Orientation", "name_nl": "Oriëntatie"},
    )
    ids["channel"] = _write(
        engine, reference.create_term, data={"kind": "channel", "code": "chat", "name_en": "Chat", "name_nl": "Chat"}
    )
    _write(
        engine,
        reference.update_term,
        term_id=ids["channel"],
        seen_version=1,
        data={"kind": "channel", "code": "chat", "name_en": "Chat", "name_nl": "Chat", "position": 3},
    )
    ids["kpi"] = _write(
        engine,
        kpis.create_kpi,
        data={"code": "CES_SERVICE", "name": "Customer effort", "kind": "ces", "scale_min": 1, "scale_max": 7},
    )
    _write(
        engine,
        kpis.update_kpi,
        kpi_id=ids["kpi"],
        seen_version=1,
        data={
            "code": "CES_SERVICE",
            "name": "Customer effort (service)",
            "kind": "ces",
            "scale_min": 1,
            "scale_max": 7,
            "direction": "lower_is_better",
        },
    )
    ids["reading"] = _write(
        engine,
        kpis.record_kpi_reading,
        data={"kpi_id": ids["kpi"], "period": "2026-10-01", "value": 3.25, "sample_size": 412},
    )
    _project(engine, ids, stage)
    _plan(engine, ids)
    _accounts(engine, ids)
    return ids


def _project(engine, ids: dict, stage: int) -> None:
    owner = ids["manager"]
    ids["initiative"] = _write(
        engine,
        initiatives.create_initiative,
        data={
            "title": "Callback promise",
            "discipline": "design",
            "owner_id": owner,
            "journey_stage_ids": [stage],
            "start_date": "2026-09-01",
            "target_date": "2027-03-31",
        },
    )
    _write(
        engine,
        initiatives.update_initiative,
        initiative_id=ids["initiative"],
        seen_version=1,
        data={
            "title": "Callback promise kept",
            "discipline": "design",
            "owner_id": owner,
            "priority": "high",
            "journey_stage_ids": [stage],
            "channel_ids": [ids["channel"]],
            "start_date": "2026-09-01",
            "target_date": "2027-03-31",
        },
    )
    iid = ids["initiative"]
    approve_and_move(engine, iid, 0)
    _write(
        engine,
        pdca.save_cycle_record,
        initiative_id=iid,
        seen_version=_version(engine, Initiative, iid),
        data={
            "hypothesis": "If we call back within 2 hours, effort drops",
            "target_kpi_id": ids["kpi"],
            "baseline_value": 3.4,
            "target_value": 2.8,
        },
    )
    _write(
        engine, budget.set_budget_line, initiative_id=iid, data={"year": 2026, "quarter": 4, "planned_cents": 1_250_000}
    )
    ids["budget_line"] = _write(
        engine, budget.set_budget_line, initiative_id=iid, data={"year": 2026, "quarter": 4, "planned_cents": 1_500_050}
    )
    _write(
        engine,
        pdca.move_to_next_phase,
        initiative_id=iid,
        seen_version=_version(engine, Initiative, iid),
        override_reason="test arrangement",
    )
    ids["expense"] = _write(
        engine,
        budget.record_expense,
        initiative_id=iid,
        data={
            "spent_on": "2026-10-15",
            "amount_cents": 123_456,
            "category": ExpenseCategory.SOFTWARE,
            "note": "dialer",
        },
    )
    ids["check_in"] = _write(
        engine,
        initiatives.record_check_in,
        initiative_id=iid,
        data={
            "checkin_date": date.today().isoformat(),
            "health": "amber",
            "reason": "hiring",
            "progress_pct": 35,
            "spend_cents": 5_000,
            "kpi_id": ids["kpi"],
            "kpi_value": 3.1,
            "kpi_sample_size": 120,
            "override_reason": "test arrangement",
        },
    )
    ids["blocker"] = _write(
        engine,
        initiatives.create_initiative,
        data={"title": "Chat routing", "discipline": "design", "owner_id": owner, "lane": "quick_fix"},
    )
    _write(
        engine,
        pdca.complete_quick_fix,
        initiative_id=ids["blocker"],
        seen_version=1,
        result="routing rule changed; queue time halved",
    )
    adjusted = _write(
        engine,
        initiatives.create_initiative,
        data={"title": "Refund letters", "discipline": "design", "owner_id": owner},
    )
    approve_and_move(engine, adjusted, 3)
    _write(
        engine,
        pdca.decide_act,
        initiative_id=adjusted,
        seen_version=_version(engine, Initiative, adjusted),
        decision="adjust",
        lesson="letters alone do not reduce calls",
    )
    _write(
        engine,
        pdca.change_lane,
        initiative_id=adjusted,
        seen_version=_version(engine, Initiative, adjusted),
        lane="quick_fix",
        reason="small enough for a quick fix",
    )
    ids["adjusted"] = adjusted


def _plan(engine, ids: dict) -> None:
    iid, owner = ids["initiative"], ids["manager"]
    ids["milestone"] = _write(
        engine, plan.add_milestone, initiative_id=iid, data={"title": "Dialer live", "due_on": "2026-11-30"}
    )
    _write(
        engine,
        plan.update_milestone,
        initiative_id=iid,
        milestone_id=ids["milestone"],
        seen_version=1,
        data={"title": "Dialer live", "due_on": "2026-12-15"},
    )
    _write(
        engine,
        plan.complete_milestone,
        initiative_id=iid,
        milestone_id=ids["milestone"],
        seen_version=2,
        done_on=DONE_ON.isoformat(),
    )
    ids["risk"] = _write(
        engine, plan.add_risk, initiative_id=iid, data={"title": "Agents unavailable", "probability": 3, "impact": 4}
    )
    _write(
        engine,
        plan.update_risk,
        initiative_id=iid,
        risk_id=ids["risk"],
        seen_version=1,
        data={"title": "Agents unavailable", "probability": 2, "impact": 4, "owner_id": owner},
    )
    _write(
        engine, plan.close_risk, initiative_id=iid, risk_id=ids["risk"], seen_version=2, closed_on=CLOSED_ON.isoformat()
    )
    ids["plan_action"] = _write(
        engine,
        plan.add_plan_action,
        initiative_id=iid,
        data={"description": "Buy the dialer", "cost_cents": 9_999_999_999, "due_on": "2026-10-31"},
    )
    _write(
        engine,
        plan.update_plan_action,
        initiative_id=iid,
        action_id=ids["plan_action"],
        seen_version=1,
        data={"description": "Buy the dialer", "cost_cents": 8_000_000_000, "owner_id": owner},
    )
    _write(engine, plan.complete_plan_action, initiative_id=iid, action_id=ids["plan_action"], seen_version=2)
    member = {"person_id": ids["viewer"], "role_on_initiative": "Journey owner"}
    _write(engine, team.add_team_member, initiative_id=iid, data=member)
    _write(engine, team.remove_team_member, initiative_id=iid, person_id=ids["viewer"])
    _write(engine, team.add_team_member, initiative_id=iid, data=member | {"role_on_initiative": "Analyst"})
    _write(engine, team.add_dependency, initiative_id=iid, data={"blocked_by_id": ids["blocker"], "note": "routing"})
    _write(engine, team.add_dependency, initiative_id=ids["adjusted"], data={"blocked_by_id": iid})
    _write(engine, team.remove_dependency, initiative_id=ids["adjusted"], blocked_by_id=iid)
    with pytest.raises(PermissionDenied):  # a refused attempt is audited too: it changes no row
        _write(
            engine,
            plan.add_milestone,
            actor=ids["viewer"],
            initiative_id=iid,
            data={"title": "Not mine to add", "due_on": "2026-12-31"},
        )


def _accounts(engine, ids: dict) -> None:
    _write(engine, accounts.reset_password, person_id=ids["manager"], new_password=PASSWORD)
    for password in ("wrong guess one", PASSWORD):
        with session_scope(engine, write=True) as session:
            accounts.sign_in(session=session, email="mo@voltera.nl", password=password)
    _write(
        engine,
        accounts.change_own_password,
        actor=ids["manager"],
        current_password=PASSWORD,
        new_password=PASSWORD + "!",
    )


@pytest.fixture
def lived_in(engine):
    """An engine whose database was written through the services only, and the ids of what was written."""
    return engine, _live(engine)


def test_a_database_written_only_through_the_services_replays_without_a_difference(lived_in):
    engine, _ = lived_in
    report = _replay(engine)
    assert report.differences == []
    assert report.events_replayed > 50 and report.fields_compared > 150 and report.rows_checked > 25
    assert report.fields_not_replayed["local_account.password"] == 2  # masked: counted, not compared
    assert not [f for f in report.fields_not_replayed if f.startswith("pdca_cycle.")]  # the A3 and its moves replay
    assert report.events_changing_no_row["denied"] == 1
    assert {"sign_in", "sign_in_failed"} <= set(report.events_changing_no_row)
    assert report.rows_created_with_another["pdca_cycle"] == 3  # every initiative's first cycle
    assert report.rows_without_events["initiative_kpi"] == 1 and report.rows_without_events["phase_transition"] >= 4
    lines = "\n".join(report.not_replayed_lines())
    assert "local_account.password: 2 events (masked: password events show ***" in lines


def _one(engine, statement: str, **params) -> None:
    """Run one statement behind the app's back; a `:moment` is bound as the app binds instants."""
    query = sa.text(statement)
    if ":moment" in statement:
        query = query.bindparams(sa.bindparam("moment", type_=KpiReading.__table__.c.withdrawn_at.type))
    with engine.begin() as connection:
        connection.execute(query, params)


TAMPERING = [  # (what changes, SQL, entity, id key, field, trail value, row value)
    (
        "text",
        "UPDATE initiative SET title = 'Quietly renamed' WHERE id = :id",
        "initiative",
        "initiative",
        "title",
        "Callback promise kept",
        "Quietly renamed",
    ),
    (
        "money",
        "UPDATE expense SET amount_cents = 1234560 WHERE id = :id",
        "expense",
        "expense",
        "amount_cents",
        "123456",
        "1234560",
    ),
    (
        "big money",
        "UPDATE plan_action SET cost_cents = 8000000001 WHERE id = :id",
        "plan_action",
        "plan_action",
        "cost_cents",
        "8000000000",
        "8000000001",
    ),
    (
        "budget",
        "UPDATE budget_line SET planned_cents = 1 WHERE id = :id",
        "budget_line",
        "budget_line",
        "planned_cents",
        "1500050",
        "1",
    ),
    (
        "date",
        "UPDATE milestone SET done_on = NULL WHERE id = :id",
        "milestone",
        "milestone",
        "done_on",
        DONE_ON.isoformat(),
        None,
    ),
    (
        "date moved",
        "UPDATE risk SET closed_on = '2020-11-01' WHERE id = :id",
        "risk",
        "risk",
        "closed_on",
        CLOSED_ON.isoformat(),
        "2020-11-01",
    ),
    (
        "enum",
        "UPDATE initiative SET status = 'completed' WHERE id = :id",
        "initiative",
        "initiative",
        "status",
        "active",
        "completed",
    ),
    ("boolean", "UPDATE person SET active = false WHERE id = :id", "person", "manager", "active", "True", "False"),
    ("float", "UPDATE kpi_reading SET value = 2.25 WHERE id = :id", "kpi_reading", "reading", "value", "3.25", "2.25"),
    (
        "instant",
        "UPDATE kpi_reading SET withdrawn_at = :moment WHERE id = :id",
        "kpi_reading",
        "reading",
        "withdrawn_at",
        None,
        "2026-12-01 09:30:00+00:00",
    ),
    (
        "reference",
        "UPDATE check_in SET author_id = (SELECT id FROM person WHERE email = 'vi@voltera.nl') WHERE id = :id",
        "check_in",
        "check_in",
        "author_id",
        "manager",
        "viewer",
    ),
    (
        "A3 record",
        "UPDATE pdca_cycle SET hypothesis = 'rewritten' WHERE initiative_id = :id",
        "pdca_cycle",
        "cycle",
        "hypothesis",
        "If we call back within 2 hours, effort drops",
        "rewritten",
    ),
    (
        "link note",
        "UPDATE initiative_dependency SET note = 'x' WHERE initiative_id = :id",
        "initiative_dependency",
        "dependency",
        "note",
        "routing",
        "x",
    ),
    (
        "linked list",
        "DELETE FROM initiative_term WHERE initiative_id = :id AND term_id = "
        "(SELECT id FROM taxonomy_term WHERE code = 'chat')",
        "initiative",
        "initiative",
        "journey_stages_and_channels",
        "terms",
        "stage only",
    ),
]


def _expected(engine, ids: dict, key: str, value):
    """Placeholders in TAMPERING that depend on the ids of this database."""
    with engine.connect() as connection:
        terms = dict(connection.execute(sa.text("SELECT code, id FROM taxonomy_term")).all())
        cycle = connection.execute(
            sa.text("SELECT id FROM pdca_cycle WHERE initiative_id = :id"), {"id": ids["initiative"]}
        ).scalar_one()
    places = {
        "manager": str(ids["manager"]),
        "viewer": str(ids["viewer"]),
        "terms": f"[{terms['orientatie']}, {terms['chat']}]",
        "stage only": f"[{terms['orientatie']}]",
    }
    row_ids = ids | {"cycle": cycle, "dependency": f"{ids['initiative']}:{ids['blocker']}"}
    return str(row_ids[key]) if value is ... else places.get(value, value)


@pytest.mark.parametrize(
    ("kind", "statement", "entity", "key", "field", "trail", "row"), TAMPERING, ids=[t[0] for t in TAMPERING]
)
def test_a_value_changed_with_plain_sql_is_reported(lived_in, kind, statement, entity, key, field, trail, row):
    engine, ids = lived_in
    target = ids["initiative"] if entity in ("pdca_cycle", "initiative_dependency") else ids[key]
    _one(
        engine,
        statement,
        id=target,
        **({"moment": datetime(2026, 12, 1, 9, 30, tzinfo=UTC)} if ":moment" in statement else {}),
    )
    assert _replay(engine).differences == [
        Difference(
            entity,
            _expected(engine, ids, key, ...),
            field,
            _expected(engine, ids, key, trail),
            _expected(engine, ids, key, row),
        )
    ]


def test_rows_inserted_or_deleted_behind_the_app_are_reported(lived_in):
    engine, ids = lived_in
    _one(
        engine,
        "INSERT INTO expense (initiative_id, spent_on, amount_cents, category, note, correction_reason, "
        "created_at) VALUES (:id, '2026-11-01', 99900, 'other', 'smuggled', '', '2026-11-01 10:00:00')",
        id=ids["initiative"],
    )
    _one(engine, "DELETE FROM check_in WHERE id = :id", id=ids["check_in"])
    _one(engine, "DELETE FROM initiative_member WHERE initiative_id = :id", id=ids["initiative"])
    _one(
        engine,
        "INSERT INTO initiative_dependency (initiative_id, blocked_by_id, note, created_at) "
        "VALUES (:a, :b, '', '2026-11-01 10:00:00')",
        a=ids["adjusted"],
        b=ids["initiative"],
    )
    with engine.connect() as connection:
        smuggled = connection.execute(sa.text("SELECT max(id) FROM expense")).scalar_one()
    assert set(_replay(engine).differences) == {
        Difference("expense", str(smuggled), "(row)", "no create event", "present"),
        Difference("check_in", str(ids["check_in"]), "(row)", "created", "missing"),
        Difference("initiative_member", f"{ids['initiative']}:{ids['viewer']}", "(row)", "created", "missing"),
        Difference("initiative_dependency", f"{ids['adjusted']}:{ids['initiative']}", "(row)", "removed", "present"),
    }


def test_the_command_fails_naming_entity_id_field_and_both_values(lived_in, cli):
    engine, ids = lived_in
    url = engine.url.render_as_string(hide_password=False)
    code, out, _ = cli(url, "verify-audit", "--rows")
    assert code == 0 and "OK: every row the audit trail describes holds the values the trail says." in out
    assert "not replayed: local_account.password: 2 events" in out
    _one(engine, "UPDATE expense SET amount_cents = 1 WHERE id = :id", id=ids["expense"])
    code, out, err = cli(url, "verify-audit", "--rows")
    assert code == 1 and "OK: the sequence is gapless" in out, "the chain itself is intact"
    assert f"FAIL: expense {ids['expense']}, amount_cents: trail '123456', row '1'" in err
    code, _, _ = cli(url, "verify-audit")
    assert code == 0, "without --rows a row changed behind the app's back is not looked at"


# --- the demo's bulk load ---------------------------------------------------------------------------------


@pytest.fixture
def demo(engine):
    with session_scope(engine, write=True) as session:
        summary = load_demo_portfolio(session=session, actor=S, initiatives=12)
    return engine, summary


def test_the_demo_load_is_counted_and_rows_beyond_it_are_reported(demo):
    engine, summary = demo
    report = _replay(engine)
    assert report.ok and report.fields_compared == 0
    audited = set(audit_rows.audited_tables().values())
    assert report.bulk_rows == {table: count for table, count in summary.counts.items() if table in audited and count}
    assert report.rows_without_events["initiative_term"] == summary.counts["initiative_term"]
    with engine.connect() as connection:
        initiative_id, expenses = connection.execute(sa.text("SELECT min(initiative_id), count(*) FROM expense")).one()
    _one(
        engine,
        "INSERT INTO expense (initiative_id, spent_on, amount_cents, category, note, correction_reason, "
        "created_at) VALUES (:id, '2026-11-01', 99900, 'other', 'smuggled', '', '2026-11-01 10:00:00')",
        id=initiative_id,
    )
    assert _replay(engine).differences == [
        Difference(
            "expense",
            "*",
            "(rows without a create event)",
            f"{expenses:,} loaded by the demo",
            f"{expenses + 1:,} present",
        )
    ]


def test_a_demo_row_changed_through_the_app_is_replayed_from_then_on(demo):
    engine, _ = demo
    with engine.connect() as connection:
        milestone = connection.execute(
            sa.text("SELECT id, initiative_id, title, due_on FROM milestone WHERE done_on IS NULL ORDER BY id LIMIT 1")
        ).one()
    _write(
        engine,
        plan.update_milestone,
        initiative_id=milestone.initiative_id,
        milestone_id=milestone.id,
        seen_version=_version(engine, Milestone, milestone.id),
        data={"title": "Renamed in the app", "due_on": "2027-01-15"},
    )
    assert _replay(engine).ok
    _one(engine, "UPDATE milestone SET due_on = '2027-02-01', title = 'x' WHERE id = :id", id=milestone.id)
    assert set(_replay(engine).differences) == {
        Difference("milestone", str(milestone.id), "due_on", "2027-01-15", "2027-02-01"),
        Difference("milestone", str(milestone.id), "title", "Renamed in the app", "x"),
    }


def test_the_number_of_statements_does_not_grow_with_rows_or_events(demo):
    engine, _ = demo
    first = _statements(engine)
    with engine.connect() as connection:
        initiative_ids = connection.execute(sa.text("SELECT id FROM initiative ORDER BY id LIMIT 6")).scalars().all()
    for initiative_id in initiative_ids:  # rows and events more, replayed field by field
        milestone = _write(
            engine,
            plan.add_milestone,
            initiative_id=initiative_id,
            data={"title": "Added later", "due_on": "2027-01-31"},
        )
        _write(
            engine,
            plan.update_milestone,
            initiative_id=initiative_id,
            milestone_id=milestone,
            seen_version=1,
            data={"title": "Added later, renamed", "due_on": "2027-02-28"},
        )
    report = _replay(engine)
    assert report.ok and report.fields_compared >= 6 * 4
    assert _statements(engine) == first


def _statements(engine) -> int:
    seen = []
    listener = lambda *args: seen.append(1)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        _replay(engine)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


# --- comparing through the trail's text form ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2026-12-10", date(2026, 12, 10)),
        (
            "2026-12-01 09:30:00.123456+00:00",
            datetime(2026, 12, 1, 10, 30, 0, 123456, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("2026-12-01 09:30:00+00:00", datetime(2026, 12, 1, 9, 30)),  # SQLite's naive UTC
        ("active", Initiative.model_fields["status"].default.__class__("active")),
        ("True", True),
        ("False", False),
        ("8", 8.0),
        ("3.25", 3.25),
        ("9999999999", 9_999_999_999),
        ("[3, 5]", [3, 5]),
    ],
)
def test_the_same_value_in_another_spelling_is_no_difference(text, value):
    assert audit_rows._same(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2026-12-10", date(2026, 12, 11)),
        ("2026-12-01 09:30:00+00:00", datetime(2026, 12, 1, 9, 30, 1, tzinfo=UTC)),
        ("True", False),
        ("1", True),
        ("8", 8.5),
        ("100", 101),
        ("x", None),
        (None, ""),
        ("not a date", date(2026, 1, 1)),
    ],
)
def test_a_different_value_is_a_difference(text, value):
    assert not audit_rows._same(text, value)


def test_every_table_named_in_the_replay_rules_exists():
    """A misspelt table would silently be replayed (or skipped) by mistake."""
    tables = set(SQLModel.metadata.tables)
    assert set(audit_rows.NOT_AUDITED_TABLES) <= tables
    assert {audit_rows.ENTITY_TABLES.get(e, e) for e in audit_rows.NOT_REPLAYED_FIELDS} <= tables
    assert {table for table, _, _ in audit_rows.LINKED_FIELDS.values()} <= tables
    assert {Risk.__tablename__, PlanAction.__tablename__, "local_account"} <= set(audit_rows.audited_tables().values())
