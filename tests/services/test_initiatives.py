"""The initiative write path: validation, permissions, version check, audit."""

from datetime import date

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, PermissionDenied, ValidationError
from cxgov.models import AuditEvent, CheckIn, Expense, Initiative, InitiativeKpi, InitiativeMember, KpiReading, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import current_cycle, record_check_in, update_initiative
from cxgov.services.kpis import create_kpi
from tests.factories import add_initiative, add_person


def _edit(engine, actor, initiative_id, seen, **changes):
    with session_scope(engine) as session:
        row = session.get(Initiative, initiative_id)
        data = row.model_dump(include={"title", "discipline", "owner_id", "status", "lane", "priority", "progress_pct"})
        data["phase"] = current_cycle(session, initiative_id).phase
    with session_scope(engine, write=True) as session:
        return update_initiative(
            session=session, actor=actor, initiative_id=initiative_id, seen_version=seen, data=data | changes
        )


def _audit_count(engine) -> int:
    with session_scope(engine) as session:
        return len(session.exec(select(AuditEvent)).all())


def test_create_and_edit_is_audited_field_by_field(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner, title="Clearer invoices")
    before = _audit_count(engine)
    changes = _edit(engine, owner, initiative_id, 1, title="Plain-language invoices", progress_pct=20)
    assert set(changes) == {"title", "progress_pct"}
    with session_scope(engine) as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.seq > before).order_by(AuditEvent.seq)).all()
        assert [(e.field, e.old_value, e.new_value) for e in events] == [
            ("title", "Clearer invoices", "Plain-language invoices"),
            ("progress_pct", "0", "20"),
        ]
        assert session.get(Initiative, initiative_id).version == 2


def test_stale_save_is_rejected_without_side_effects(engine):
    owner = add_person(engine, Role.MANAGER, name="Sanne de Vries")
    initiative_id = add_initiative(engine, owner_id=owner)
    _edit(engine, owner, initiative_id, 1, progress_pct=10)
    before = _audit_count(engine)
    with pytest.raises(ConflictError) as caught:
        _edit(engine, owner, initiative_id, 1, progress_pct=50)
    assert "Sanne de Vries" in str(caught.value)
    assert _audit_count(engine) == before
    with pytest.raises(ConflictError):
        _edit(engine, owner, initiative_id, None, progress_pct=50)


def test_no_op_save_writes_nothing(engine):
    owner = add_person(engine)
    initiative_id = add_initiative(engine, owner_id=owner)
    before = _audit_count(engine)
    assert _edit(engine, owner, initiative_id, 1) == {}
    assert _audit_count(engine) == before
    with session_scope(engine) as session:
        assert session.get(Initiative, initiative_id).version == 1


def test_title_unique_case_insensitively_among_open(engine):
    owner = add_person(engine)
    add_initiative(engine, owner_id=owner, title="WhatsApp service")
    with pytest.raises(ValidationError) as caught:
        add_initiative(engine, owner_id=owner, title="whatsapp SERVICE")
    assert "title" in caught.value.errors


def test_viewer_cannot_propose_and_inactive_actor_is_refused(engine):
    viewer = add_person(engine, Role.VIEWER)
    gone = add_person(engine, Role.ADMIN, active=False)
    owner = add_person(engine)
    with pytest.raises(PermissionDenied):
        add_initiative(engine, owner_id=owner, actor=viewer)
    with pytest.raises(PermissionDenied):
        add_initiative(engine, owner_id=owner, actor=gone)


def test_phase_must_fit_status(engine):
    owner = add_person(engine)
    with pytest.raises(ValidationError) as caught:
        add_initiative(engine, owner_id=owner, status="proposed", phase="check")
    assert "phase" in caught.value.errors


def test_nul_characters_are_refused_alike_on_both_databases(engine):
    owner = add_person(engine)
    with pytest.raises(ValidationError) as caught:
        add_initiative(engine, owner_id=owner, title="Clearer\x00invoices")
    assert caught.value.errors["title"][0] == "error.nul_character"


# --- a check-in with spend and a KPI reading in one transaction ---------------------------------------------


def _linked_kpi(engine, initiative_id):
    with session_scope(engine, write=True) as session:
        kpi = create_kpi(
            session=session,
            actor=SYSTEM_ACTOR,
            data={"code": "ces", "name": "Customer effort", "kind": "ces", "scale_min": 1, "scale_max": 7},
        )
        session.add(InitiativeKpi(initiative_id=initiative_id, kpi_id=kpi, baseline=4.1, target=5.0))
    return kpi


def test_a_check_in_books_spend_and_records_a_reading_in_one_go(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    kpi = _linked_kpi(engine, initiative)
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=owner,
            initiative_id=initiative,
            data={
                "checkin_date": date(2026, 11, 20),
                "health": "amber",
                "reason": "Legal review",
                "blocker": "Legal review",
                "spend_cents": "1.250,00",
                "kpi_id": kpi,
                "kpi_value": 4.6,
                "kpi_sample_size": 240,
            },
        )
    with session_scope(engine) as session:
        check_in = session.exec(select(CheckIn)).one()
        expense = session.exec(select(Expense)).one()
        reading = session.exec(select(KpiReading)).one()
    assert check_in.blocker == "Legal review"
    assert (expense.amount_cents, expense.spent_on) == (125_000, date(2026, 11, 20))
    assert (reading.period, reading.value, reading.sample_size, reading.source) == (
        date(2026, 11, 1),
        4.6,
        240,
        f"initiative {initiative}",
    )


def test_a_contributor_checks_in_but_may_not_book_spend_and_nothing_is_half_saved(engine):
    owner = add_person(engine, Role.MANAGER)
    member = add_person(engine, Role.CONTRIBUTOR)
    initiative = add_initiative(engine, owner_id=owner)
    with session_scope(engine, write=True) as session:
        session.add(InitiativeMember(initiative_id=initiative, person_id=member))
    with pytest.raises(PermissionDenied), session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=member,
            initiative_id=initiative,
            data={"checkin_date": date(2026, 11, 20), "health": "green", "spend_cents": "10,00"},
        )
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=member,
            initiative_id=initiative,
            data={"checkin_date": date(2026, 11, 20), "health": "green"},
        )
    with session_scope(engine) as session:
        assert len(session.exec(select(CheckIn)).all()) == 1


def test_half_a_reading_and_a_foreign_kpi_are_named(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    other = add_initiative(engine, owner_id=owner)
    kpi = _linked_kpi(engine, other)
    with pytest.raises(ValidationError) as half, session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=owner,
            initiative_id=initiative,
            data={"checkin_date": date(2026, 11, 20), "health": "red", "kpi_id": kpi},
        )
    assert set(half.value.errors) == {"reason", "kpi_value"}  # every problem at once
    with pytest.raises(ValidationError) as foreign, session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=owner,
            initiative_id=initiative,
            data={"checkin_date": date(2026, 11, 20), "health": "green", "kpi_id": kpi, "kpi_value": 5},
        )
    assert foreign.value.errors["kpi_id"][0] == "programs.error.kpi_not_linked"


def test_a_check_ins_progress_becomes_the_initiatives_and_is_audited(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative_id = add_initiative(engine, owner_id=owner, progress_pct=10)
    for progress in (40, None):  # a check-in without progress leaves it as it is
        with session_scope(engine, write=True) as session:
            record_check_in(
                session=session,
                actor=owner,
                initiative_id=initiative_id,
                data={"checkin_date": date.today(), "health": "green", "progress_pct": progress},
            )
    with session_scope(engine) as session:
        initiative = session.get(Initiative, initiative_id)
        assert (initiative.progress_pct, initiative.version) == (40, 2)
        event = session.exec(
            select(AuditEvent).where(AuditEvent.entity == "initiative", AuditEvent.field == "progress_pct")
        ).one()
        assert (event.old_value, event.new_value, event.actor_id) == ("10", "40", owner)


@pytest.mark.parametrize(("status", "phase"), [("completed", "act"), ("rejected", "plan"), ("cancelled", "do")])
def test_a_closed_initiative_takes_no_check_in_unless_an_import_says_so(engine, status, phase):
    owner = add_person(engine, Role.MANAGER)
    initiative_id = add_initiative(engine, owner_id=owner, status=status, phase=phase)
    report = {"checkin_date": date(2026, 11, 20), "health": "green"}
    with pytest.raises(ValidationError) as refused, session_scope(engine, write=True) as session:
        record_check_in(session=session, actor=owner, initiative_id=initiative_id, data=report)
    assert refused.value.errors == {
        "health": ("programs.error.closed_no_check_in", {"status": f"enum.status.{status}"})
    }
    assert "nothing is left to report" in refused.value.message("en")
    assert "niets meer te melden" in refused.value.message("nl")
    with session_scope(engine, write=True) as session:  # an import of history may record what was reported then
        record_check_in(
            session=session, actor=SYSTEM_ACTOR, initiative_id=initiative_id, data=report, allow_closed=True
        )
    with session_scope(engine) as session:
        assert len(session.exec(select(CheckIn).where(CheckIn.initiative_id == initiative_id)).all()) == 1
