"""KPI targets per period on both databases: validated (month, scale, NUL), for those who manage KPIs only,
version-checked (a month that has a target is changed, never overwritten unseen) and audited."""

from datetime import date

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from cxgov.models import KpiTarget, Role
from cxgov.services.kpi_targets import remove_kpi_target, set_kpi_target
from cxgov.services.kpis import create_kpi
from tests.admin_helpers import audit_events, run
from tests.factories import add_person

JAN, JUL = date(2026, 1, 1), date(2026, 7, 1)


@pytest.fixture
def analyst(engine):
    return add_person(engine, Role.ANALYST, name="Ada Analyst")


@pytest.fixture
def ktv(engine, analyst):
    return run(engine, create_kpi, analyst, data={"code": "KTV", "name": "KTV", "kind": "ktv"})


def targets(engine):
    with session_scope(engine) as session:
        rows = session.exec(select(KpiTarget).order_by(KpiTarget.valid_from)).all()
        return [(t.valid_from, t.target, t.version, t.set_by_id) for t in rows]


def set_target(engine, actor, kpi_id, valid_from=JAN, target=7.8, **extra):
    return run(
        engine, set_kpi_target, actor, data={"kpi_id": kpi_id, "valid_from": valid_from, "target": target} | extra
    )


def test_an_analyst_sets_targets_per_month_and_each_is_audited(engine, analyst, ktv):
    first = set_target(engine, analyst, ktv, JAN, 7.6)
    set_target(engine, analyst, ktv, "2026-07-01", "7.8")
    assert targets(engine) == [(JAN, 7.6, 1, analyst), (JUL, 7.8, 1, analyst)]
    [created, _] = audit_events(engine, "kpi_target")
    assert created[:3] == (str(first), "create", None)
    assert '"target": "7.6"' in created[4] and '"valid_from": "2026-01-01"' in created[4]


def test_setting_a_month_that_has_a_target_changes_it_version_checked(engine, analyst, ktv):
    target_id = set_target(engine, analyst, ktv, JAN, 7.6)
    other = add_person(engine, Role.PROGRAMME_OFFICE, name="Pim Office")
    assert set_target(engine, other, ktv, JAN, 7.9, seen_version=1) == target_id
    assert targets(engine) == [(JAN, 7.9, 2, other)]
    changes = [e for e in audit_events(engine, "kpi_target") if e[1] == "update"]
    assert ("target", "7.6", "7.9") in [e[2:] for e in changes]
    with pytest.raises(ConflictError) as stale:  # saved on the copy before Pim's change
        set_target(engine, analyst, ktv, JAN, 8.0, seen_version=1)
    assert "Pim Office" in stale.value.message()
    with pytest.raises(ConflictError):  # never overwritten by someone who did not see it
        set_target(engine, analyst, ktv, JAN, 8.0)
    assert targets(engine) == [(JAN, 7.9, 2, other)]


def test_removing_a_target_is_version_checked_and_keeps_what_was_removed(engine, analyst, ktv):
    target_id = set_target(engine, analyst, ktv, JAN, 7.6)
    set_target(engine, analyst, ktv, JAN, 7.7, seen_version=1)
    with pytest.raises(ConflictError):
        run(engine, remove_kpi_target, analyst, target_id=target_id, seen_version=1)
    with pytest.raises(ConflictError):
        run(engine, remove_kpi_target, analyst, target_id=target_id, seen_version=None)
    run(engine, remove_kpi_target, analyst, target_id=target_id, seen_version=2)
    assert targets(engine) == []
    removed = audit_events(engine, "kpi_target")[-1]
    assert removed[:2] == (str(target_id), "delete") and '"target": "7.7"' in removed[3]
    with pytest.raises(NotFound):
        run(engine, remove_kpi_target, analyst, target_id=target_id, seen_version=3)


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("valid_from", date(2026, 1, 15), "admin.error.period_first_day"),
        ("valid_from", date(1999, 12, 1), "error.date_window"),
        ("valid_from", date(2101, 1, 1), "error.date_window"),
        ("target", 11, "kpi_rules.error.outside_kind"),  # a KTV is a rapportcijfer, 1 to 10
        ("target", 0.5, "kpi_rules.error.outside_kind"),
        ("target", "zeven", "error.number"),
        ("target", float("nan"), "error.out_of_range"),
        ("kpi_id", 0, "error.out_of_range"),
    ],
)
def test_invalid_targets_are_refused_and_nothing_is_saved(engine, analyst, ktv, field, value, key):
    data = {"kpi_id": ktv, "valid_from": JAN, "target": 7.8, field: value}
    with pytest.raises(ValidationError) as refused:
        run(engine, set_kpi_target, analyst, data=data)
    assert refused.value.errors[field][0] == key
    assert targets(engine) == []


def test_a_target_outside_the_catalogue_scale_names_it(engine, analyst):
    review = run(
        engine,
        create_kpi,
        analyst,
        data={"code": "R", "name": "Review", "kind": "operational", "scale_min": 1, "scale_max": 5},
    )
    with pytest.raises(ValidationError) as refused:
        set_target(engine, analyst, review, JAN, 6)
    assert refused.value.errors["target"][0] == "kpi_rules.error.outside_kpi"
    assert "1" in refused.value.message() and "5" in refused.value.message()


@pytest.mark.parametrize("field", ["kpi_id", "valid_from", "target", "seen_version"])
def test_nul_is_refused_in_any_text(engine, analyst, ktv, field):
    data = {"kpi_id": str(ktv), "valid_from": "2026-01-01", "target": "7.8", "seen_version": "1"}
    data[field] += "\x00"
    with pytest.raises(ValidationError) as refused:
        run(engine, set_kpi_target, analyst, data=data)
    assert refused.value.errors[field][0] == "error.nul_character"


def test_an_unknown_kpi_is_not_found(engine, analyst):
    with pytest.raises(NotFound):
        set_target(engine, analyst, 999_999)


@pytest.mark.parametrize("role", [Role.MANAGER, Role.VIEWER])
def test_managers_and_viewers_may_not_set_or_remove_targets(engine, analyst, ktv, role):
    target_id = set_target(engine, analyst, ktv)
    person = add_person(engine, role)
    with pytest.raises(PermissionDenied):
        set_target(engine, person, ktv, JUL, 8.0)
    with pytest.raises(PermissionDenied):
        run(engine, remove_kpi_target, person, target_id=target_id, seen_version=1)
    assert targets(engine) == [(JAN, 7.8, 1, analyst)]
    refusals = [e for e in audit_events(engine, "kpi") + audit_events(engine, "kpi_target") if e[1] == "denied"]
    assert len(refusals) == 2
