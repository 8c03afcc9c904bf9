"""Trustworthy KPI numbers on both databases: every path that writes a reading refuses what its KPI's scale
refuses; readings are corrected or withdrawn with a reason (versioned, audited, kept in the history); and only
one reading counts per KPI and month — in every read of KPI values."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, ValidationError
from cxgov.models import AuditEvent, CheckIn, Expense, Health, Initiative, InitiativeKpi, KpiReading, Role
from cxgov.queries import admin as admin_queries
from cxgov.queries import initiatives as initiative_queries
from cxgov.queries import kpis as kpi_queries
from cxgov.queries import pdca as pdca_queries
from cxgov.queries.health import assess
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import record_check_in
from cxgov.services.kpis import (
    correct_kpi_reading,
    create_kpi,
    record_kpi_reading,
    update_kpi,
    withdraw_kpi_reading,
)
from cxgov.services.pdca import CriteriaNotMet, move_to_next_phase, save_cycle_record
from tests.admin_helpers import audit_count, run
from tests.factories import add_initiative, add_person, approve_and_move

THIS_MONTH = date.today().replace(day=1)
LAST_MONTH = (THIS_MONTH - timedelta(days=1)).replace(day=1)
IN_THREE_MONTHS = (THIS_MONTH + timedelta(days=95)).replace(day=1)
RNPS = {
    "code": "RNPS",
    "name": "Relationship NPS",
    "kind": "nps",
    "scale_min": -100,
    "scale_max": 100,
    "discipline": "measurement",
}


@pytest.fixture
def analyst(engine):
    return add_person(engine, Role.ANALYST, name="Ada Analyst")


@pytest.fixture
def rnps(engine, analyst):
    return run(engine, create_kpi, analyst, data=RNPS)


def record(engine, actor, kpi_id, value, *, period=LAST_MONTH, source="panel", n=800):
    return run(
        engine,
        record_kpi_reading,
        actor,
        data={"kpi_id": kpi_id, "period": period, "value": value, "sample_size": n, "source": source},
    )


def linked_initiative(engine, kpi_id, *, baseline=28.0, target=35.0, began=True):
    """An initiative measured against `kpi_id`; in Do when `began`."""
    owner = add_person(engine, Role.MANAGER)
    initiative_id = add_initiative(engine, owner_id=owner)
    with session_scope(engine, write=True) as session:
        session.add(InitiativeKpi(initiative_id=initiative_id, kpi_id=kpi_id, baseline=baseline, target=target))
    if began:
        approve_and_move(engine, initiative_id, 1)
    return initiative_id, owner


def outcome(engine, initiative_id):
    with session_scope(engine) as session:
        return assess(
            session, initiative_ids=[initiative_id], today=date.today(), cadence_days=30, spend_tolerance_pct=10
        )[initiative_id]


# --- one rule, every path -------------------------------------------------------------------------------------


def test_the_reviewed_check_in_is_refused_and_changes_nothing(engine, rnps):
    """A check-in carrying Relationship NPS 500 for a month three months ahead, n = 3, rewrote the company NPS
    and turned other initiatives' outcome to 'target reached'. Now it is refused whole."""
    other, _ = linked_initiative(engine, rnps)
    record(engine, SYSTEM_ACTOR, rnps, 29)
    before = outcome(engine, other)
    initiative_id, owner = linked_initiative(engine, rnps)
    rows_before = audit_count(engine)
    with pytest.raises(ValidationError) as refused:
        run(
            engine,
            record_check_in,
            owner,
            initiative_id=initiative_id,
            data={
                "checkin_date": IN_THREE_MONTHS,
                "health": "green",
                "kpi_id": rnps,
                "kpi_value": 500,
                "kpi_sample_size": 3,
                "spend_cents": "10,00",
            },
        )
    messages = refused.value.field_messages()
    assert messages["kpi_value"] == "must lie between -100 and 100 (the scale of Relationship NPS)"
    assert "after the current month" in messages["checkin_date"]
    assert audit_count(engine) == rows_before
    with session_scope(engine) as session:
        assert session.exec(select(CheckIn)).all() == [] and session.exec(select(Expense)).all() == []
        assert [r.value for r in session.exec(select(KpiReading))] == [29]
    assert outcome(engine, other) == before
    assert [s.reason for s in before.outcome] == ["health.outcome.partway"]


def test_an_analyst_cannot_record_250_either(engine, analyst, rnps):
    with pytest.raises(ValidationError) as refused:
        record(engine, analyst, rnps, 250)
    assert refused.value.errors["value"][0] == "kpi_rules.error.outside_kpi"
    with pytest.raises(ValidationError) as ahead:
        record(engine, analyst, rnps, 25, period=IN_THREE_MONTHS, n=0)
    assert set(ahead.value.errors) == {"period", "sample_size"}  # reported at once


def test_n_is_required_for_a_sampled_kpi_on_every_path(engine, analyst, rnps):
    with pytest.raises(ValidationError) as admin_path:
        record(engine, analyst, rnps, 25, n=None)
    assert admin_path.value.errors["sample_size"][0] == "kpi_rules.error.sample_required"
    initiative_id, owner = linked_initiative(engine, rnps)
    with pytest.raises(ValidationError) as check_in_path:
        run(
            engine,
            record_check_in,
            owner,
            initiative_id=initiative_id,
            data={"checkin_date": date.today(), "health": "green", "kpi_id": rnps, "kpi_value": 25},
        )
    assert check_in_path.value.field_messages()["kpi_sample_size"].startswith("is required for a KPI of the kind NPS")
    business = run(engine, create_kpi, analyst, data={"code": "REV", "name": "Revenue growth", "kind": "business"})
    assert record(engine, analyst, business, 4.2, n=None)


def test_a_catalogue_scale_must_fit_its_kind_and_still_hold_the_readings(engine, analyst, rnps):
    with pytest.raises(ValidationError) as wide:
        run(engine, create_kpi, analyst, data=RNPS | {"code": "WIDE", "scale_min": 0, "scale_max": 1000})
    assert wide.value.errors["scale_max"][0] == "kpi_rules.error.scale_outside_kind"
    for value, source in ((-20, "panel"), (60, "survey"), (75, "app")):
        record(engine, analyst, rnps, value, source=source)
    record(engine, analyst, rnps, 90, source="old", period=THIS_MONTH)
    run(
        engine,
        withdraw_kpi_reading,
        analyst,
        reading_id=_reading_id(engine, 90),
        seen_version=1,
        data={"reason": "wrong panel"},
    )
    with pytest.raises(ValidationError) as narrowed:
        run(engine, update_kpi, analyst, kpi_id=rnps, seen_version=1, data=RNPS | {"scale_min": 0, "scale_max": 50})
    messages = narrowed.value.field_messages()
    assert messages["scale_min"].startswith("1 recorded reading lies outside 0 to 50")
    assert messages["scale_max"].startswith("2 recorded readings lie outside 0 to 50")  # the withdrawn 90 aside
    assert run(
        engine, update_kpi, analyst, kpi_id=rnps, seen_version=1, data=RNPS | {"scale_min": -50, "scale_max": 80}
    )


def _reading_id(engine, value) -> int:
    with session_scope(engine) as session:
        return session.exec(select(KpiReading.id).where(KpiReading.value == value)).one()


# --- corrections and withdrawals ------------------------------------------------------------------------------


def test_a_correction_is_versioned_audited_and_checked(engine, analyst, rnps):
    reading_id = record(engine, analyst, rnps, 82, n=80)
    with pytest.raises(ValidationError) as no_reason:
        run(engine, correct_kpi_reading, analyst, reading_id=reading_id, seen_version=1, data={"value": 28})
    assert no_reason.value.errors == {"reason": ("error.required", {})}
    with pytest.raises(ValidationError) as outside:
        run(
            engine,
            correct_kpi_reading,
            analyst,
            reading_id=reading_id,
            seen_version=1,
            data={"value": 280, "sample_size": 800, "reason": "typo"},
        )
    assert outside.value.errors["value"][0] == "kpi_rules.error.outside_kpi"
    changes = run(
        engine,
        correct_kpi_reading,
        analyst,
        reading_id=reading_id,
        seen_version=1,
        data={"value": 28, "sample_size": 800, "reason": "Digits swapped when typing"},
    )
    assert changes == {"value": (82, 28), "sample_size": (80, 800)}
    with pytest.raises(ConflictError):  # someone corrected it since this form was drawn
        run(
            engine,
            correct_kpi_reading,
            analyst,
            reading_id=reading_id,
            seen_version=1,
            data={"value": 29, "sample_size": 800, "reason": "again"},
        )
    with session_scope(engine) as session:
        reading = session.get(KpiReading, reading_id)
        assert (reading.value, reading.sample_size, reading.version, reading.updated_by_id) == (28, 800, 2, analyst)
        events = session.exec(
            select(AuditEvent)
            .where(AuditEvent.entity == "kpi_reading", AuditEvent.action == "update")
            .order_by(AuditEvent.seq)
        ).all()
    assert [(e.field, e.old_value, e.new_value, e.reason) for e in events] == [
        ("value", "82.0", "28.0", "Digits swapped when typing"),
        ("sample_size", "80", "800", "Digits swapped when typing"),
    ]
    assert (
        run(
            engine,
            correct_kpi_reading,
            analyst,
            reading_id=reading_id,
            seen_version=2,
            data={"value": 28, "sample_size": 800, "reason": "no change"},
        )
        == {}
    )


def test_a_withdrawn_reading_stays_in_the_history_and_never_counts(engine, analyst, rnps):
    initiative_id, _ = linked_initiative(engine, rnps)
    earlier = (LAST_MONTH - timedelta(days=1)).replace(day=1)
    record(engine, analyst, rnps, 30, period=earlier)
    typo = record(engine, analyst, rnps, 95)
    assert [s.reason for s in outcome(engine, initiative_id).outcome] == ["health.outcome.reached"]
    with pytest.raises(ValidationError) as no_reason:
        run(engine, withdraw_kpi_reading, analyst, reading_id=typo, seen_version=1, data={"reason": " "})
    assert no_reason.value.errors == {"reason": ("error.required", {})}
    run(
        engine,
        withdraw_kpi_reading,
        analyst,
        reading_id=typo,
        seen_version=1,
        data={"reason": "Entered under the wrong KPI"},
    )
    assert [s.reason for s in outcome(engine, initiative_id).outcome] == ["health.outcome.partway"]
    with session_scope(engine) as session:
        history = admin_queries.kpi_readings(session, rnps)
        assert kpi_queries.discipline_kpis(session, "measurement")[
            ["latest_value", "latest_period"]
        ].values.tolist() == [[30, earlier]]
    withdrawn = history[history["id"] == typo].iloc[0]
    assert (withdrawn["standing"], withdrawn["withdrawn_by"], withdrawn["withdrawal_reason"]) == (
        "withdrawn",
        "Ada Analyst",
        "Entered under the wrong KPI",
    )
    with pytest.raises(ValidationError) as corrected:
        run(
            engine,
            correct_kpi_reading,
            analyst,
            reading_id=typo,
            seen_version=2,
            data={"value": 31, "sample_size": 800, "reason": "after all"},
        )
    assert corrected.value.errors["value"][0] == "kpi_rules.error.withdrawn_not_corrected"
    with pytest.raises(ValidationError) as twice:
        run(engine, withdraw_kpi_reading, analyst, reading_id=typo, seen_version=2, data={"reason": "again"})
    assert twice.value.errors["reason"][0] == "kpi_rules.error.already_withdrawn"
    record(engine, analyst, rnps, 31)  # the withdrawn reading frees its month and source for the right value
    with pytest.raises(ValidationError) as slot:  # …which then holds them
        record(engine, analyst, rnps, 32)
    assert slot.value.errors["period"][0] == "admin.error.reading_exists"
    with session_scope(engine) as session:
        fields = {
            e.field: (e.new_value, e.reason)
            for e in session.exec(
                select(AuditEvent).where(
                    AuditEvent.entity == "kpi_reading", AuditEvent.entity_id == str(typo), AuditEvent.action == "update"
                )
            )
        }
    assert fields["withdrawal_reason"] == ("Entered under the wrong KPI", "Entered under the wrong KPI")
    assert set(fields) == {"withdrawn_at", "withdrawn_by_id", "withdrawal_reason"}


# --- the reading that counts ----------------------------------------------------------------------------------


@pytest.fixture
def two_sources(engine, analyst, rnps):
    """Relationship NPS: October-like month with one reading (30), last month from two sources (the panel 31,
    an app poll 80, recorded later); an initiative in Do measured against it (baseline 28, target 35)."""
    earlier = (LAST_MONTH - timedelta(days=1)).replace(day=1)
    initiative_id, _ = linked_initiative(engine, rnps)
    with session_scope(engine, write=True) as session:  # the target KPI of its cycle, for the PDCA reads
        save_cycle_record(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=_version(session, initiative_id),
            data={"target_kpi_id": rnps, "baseline_value": 28, "target_value": 35},
        )
    record(engine, analyst, rnps, 30, period=earlier)
    panel = record(engine, analyst, rnps, 31)
    app = record(engine, analyst, rnps, 80, source="app poll")
    return {"earlier": earlier, "initiative": initiative_id, "panel": panel, "app": app}


def _version(session, initiative_id):
    return session.get(Initiative, initiative_id).version


def _every_read(engine, kpi_id, initiative_id):
    """What each read of KPI values says the latest value is (discipline page, trend, initiative KPI tab, outcome
    health, PDCA draft, catalogue)."""
    with session_scope(engine) as session:
        discipline = kpi_queries.discipline_kpis(session, "measurement").iloc[0]
        trend = kpi_queries.kpi_trends(session, "measurement", since=date(2000, 1, 1))
        link = initiative_queries.kpi_links(session, initiative_id).iloc[0]
        latest = pdca_queries.latest_target_reading(session, kpi_id, since=None).iloc[0]
        catalogue = admin_queries.kpis(session).iloc[0]
    judged = outcome(engine, initiative_id).outcome[0].params["latest"]
    return {
        "discipline": (discipline["latest_value"], discipline["latest_period"]),
        "trend": trend["value"].tolist(),
        "initiative": link["latest_value"],
        "health": judged,
        "pdca": latest["value"],
        "catalogue": catalogue["latest_period"],
    }


def test_without_a_primary_source_disagreeing_sources_count_nowhere(engine, rnps, two_sources):
    reads = _every_read(engine, rnps, two_sources["initiative"])
    earlier = two_sources["earlier"]
    assert reads == {
        "discipline": (30, earlier),
        "trend": [30],
        "initiative": 30,
        "health": 30,
        "pdca": 30,
        "catalogue": earlier,
    }
    with session_scope(engine) as session:
        standing = admin_queries.kpi_readings(session, rnps).set_index("id")["standing"]
        assert admin_queries.kpis(session).iloc[0]["disagreeing_months"] == 1
    assert standing[two_sources["panel"]] == standing[two_sources["app"]] == "disagree"


def test_the_primary_source_counts_and_the_others_are_shown_beside(engine, analyst, rnps, two_sources):
    run(engine, update_kpi, analyst, kpi_id=rnps, seen_version=1, data=RNPS | {"primary_source": "panel"})
    reads = _every_read(engine, rnps, two_sources["initiative"])
    assert reads == {
        "discipline": (31, LAST_MONTH),
        "trend": [30, 31],
        "initiative": 31,
        "health": 31,
        "pdca": 31,
        "catalogue": LAST_MONTH,
    }  # never the app poll's 80, though it was recorded last
    with session_scope(engine) as session:
        standing = admin_queries.kpi_readings(session, rnps).set_index("id")["standing"]
    assert (standing[two_sources["panel"]], standing[two_sources["app"]]) == ("primary", "beside")


def test_a_month_with_one_reading_counts_whatever_its_source(engine, analyst, rnps, two_sources):
    run(
        engine,
        withdraw_kpi_reading,
        analyst,
        reading_id=two_sources["panel"],
        seen_version=1,
        data={"reason": "panel wave was incomplete"},
    )
    assert _every_read(engine, rnps, two_sources["initiative"])["initiative"] == 80  # the app poll is alone now


def test_reading_since_do_counts_only_a_counting_reading(engine, analyst, rnps, two_sources):
    """Do → Check expects a reading of the target KPI since Do started: two disagreeing sources are none."""
    initiative_id = two_sources["initiative"]  # Do began today: readings of this month count as since Do
    record(engine, analyst, rnps, 32, period=THIS_MONTH)
    record(engine, analyst, rnps, 33, period=THIS_MONTH, source="app poll")
    with session_scope(engine, write=True) as session, pytest.raises(CriteriaNotMet) as unmet:
        move_to_next_phase(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=_version(session, initiative_id),
        )
    assert unmet.value.unmet == ["reading_or_result"]
    run(
        engine,
        withdraw_kpi_reading,
        analyst,
        reading_id=_reading_id(engine, 33),
        seen_version=1,
        data={"reason": "duplicate"},
    )
    with session_scope(engine, write=True) as session:
        assert (
            move_to_next_phase(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                seen_version=_version(session, initiative_id),
            ).value
            == "check"
        )


# --- targets --------------------------------------------------------------------------------------------------


def test_a_target_lies_within_the_scale_and_on_the_improving_side(engine, rnps):
    initiative_id, owner = linked_initiative(engine, rnps, began=False)

    def save(**values):
        with session_scope(engine, write=True) as session:
            return save_cycle_record(
                session=session,
                actor=owner,
                initiative_id=initiative_id,
                seen_version=_version(session, initiative_id),
                data={"target_kpi_id": rnps} | values,
            )

    with pytest.raises(ValidationError) as outside:
        save(baseline_value=28, target_value=350)
    assert outside.value.errors["target_value"][0] == "kpi_rules.error.outside_kpi"
    with pytest.raises(ValidationError) as backwards:
        save(baseline_value=28, target_value=20)
    assert backwards.value.field_messages()["target_value"] == (
        "must not be below the baseline (28): Relationship NPS improves upwards (higher is better)"
    )
    assert save(baseline_value=28, target_value=35)
    with session_scope(engine) as session:
        link = session.get(InitiativeKpi, (initiative_id, rnps))
        assert (link.baseline, link.target) == (28, 35)


def test_outcome_is_not_started_until_the_work_begins(engine, rnps):
    """A proposal showed red 'no movement from baseline' before any work: now it waits for Do."""
    proposal, _ = linked_initiative(engine, rnps, began=False)
    record(engine, SYSTEM_ACTOR, rnps, 28)
    waiting = outcome(engine, proposal)
    assert (waiting.outcome_started, waiting.outcome, waiting.outcome_health) == (False, (), None)
    approve_and_move(engine, proposal, 1)
    began = outcome(engine, proposal)
    assert began.outcome_started and began.outcome_health is Health.RED  # now it may be judged: not moving
    assert began.work_began_on == date.today()
