"""The segments an initiative ran in, on both databases: recorded per dimension with existing values only,
replaced and cleared, by those who may edit the initiative, from the page's version, and audited."""

from datetime import date

import pytest
import sqlalchemy as sa
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, PermissionDenied, ValidationError
from cxgov.models import AuditEvent, Initiative, InitiativeSegment, Role, TaxonomyKind, TaxonomyTerm
from cxgov.services.initiative_segments import set_initiative_segments
from tests.factories import add_department, add_initiative, add_person
from tests.measurement.builders import add_responses, add_survey_kpi


@pytest.fixture
def pilot(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    kpi = add_survey_kpi(engine)
    add_responses(engine, kpi, [(date(2025, 1, 5), 9, {"region": r}) for r in ("Utrecht", "Zwolle")])
    with session_scope(engine, write=True) as session:
        channel = TaxonomyTerm(kind=TaxonomyKind.CHANNEL, code="web", name_en="Web", name_nl="Web")
        stage = TaxonomyTerm(kind=TaxonomyKind.JOURNEY_STAGE, code="buy", name_en="Buy", name_nl="Kopen")
        session.add_all([channel, stage])
        session.flush()
        terms = {"channel": channel.id, "stage": stage.id}
    return {"engine": engine, "owner": owner, "initiative": initiative, "department": add_department(engine)} | terms


def _set(pilot, data, *, who=None, seen_version=None):
    engine = pilot["engine"]
    with session_scope(engine) as session:
        version = session.get(Initiative, pilot["initiative"]).version
    with session_scope(engine, write=True) as session:
        return set_initiative_segments(
            session=session,
            actor=who or pilot["owner"],
            initiative_id=pilot["initiative"],
            seen_version=version if seen_version is None else seen_version,
            data=data,
        )


def _stored(pilot) -> set[tuple[str, str]]:
    with session_scope(pilot["engine"]) as session:
        return set(
            session.execute(
                sa.select(InitiativeSegment.dimension, InitiativeSegment.segment).where(
                    InitiativeSegment.initiative_id == pilot["initiative"]
                )
            ).all()
        )


def _events(engine) -> list[AuditEvent]:
    with session_scope(engine) as session:
        return session.exec(
            select(AuditEvent).where(AuditEvent.entity == "initiative_segment").order_by(AuditEvent.seq)
        ).all()


def test_segments_are_recorded_replaced_and_cleared_with_the_audit(pilot):
    assert _set(pilot, {"dimension": "region", "segments": ["Utrecht", " Utrecht "]}) is True
    assert _stored(pilot) == {("region", "Utrecht")}
    assert _set(pilot, {"dimension": "channel", "segments": [f"0{pilot['channel']}"]}) is True
    assert _stored(pilot) == {("channel", str(pilot["channel"]))}  # one dimension: the stores are gone
    assert _set(pilot, {"dimension": "channel", "segments": [str(pilot["channel"])]}) is False  # nothing changed
    assert _set(pilot, {"dimension": "department", "segments": [str(pilot["department"])]}) is True
    assert _set(pilot, {"dimension": "department", "segments": []}) is True
    assert _stored(pilot) == set()
    events = _events(pilot["engine"])
    assert [e.action for e in events] == ["update"] * 4
    assert "Utrecht" in events[0].new_value and events[0].old_value in (None, "")
    assert "department" in events[-1].old_value and events[-1].new_value in (None, "")
    with session_scope(pilot["engine"]) as session:
        assert session.get(Initiative, pilot["initiative"]).version == 5  # each change moved the version on


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"dimension": "store", "segments": ["Utrecht"]}, "dimension"),
        ({"dimension": "region", "segments": ["Amersfoort"]}, "segments"),  # no response names it
        ({"dimension": "touchpoint", "segments": ["Utrecht"]}, "segments"),  # a region, not a touchpoint
        ({"dimension": "channel", "segments": ["journey"]}, "segments"),
        ({"dimension": "department", "segments": ["999999"]}, "segments"),
        ({"dimension": "region", "segments": ["Utr\x00echt"]}, "segments"),
    ],
)
def test_unknown_dimensions_and_segments_are_refused(pilot, data, field):
    with pytest.raises(ValidationError) as refused:
        _set(pilot, data)
    assert field in refused.value.errors
    assert _stored(pilot) == set() and _events(pilot["engine"]) == []


def test_a_term_of_the_other_list_is_refused(pilot):
    with pytest.raises(ValidationError) as refused:
        _set(pilot, {"dimension": "channel", "segments": [str(pilot["stage"])]})
    assert refused.value.errors["segments"][0] == "impact.error.unknown_segment"


def test_only_those_who_may_edit_the_initiative(pilot):
    viewer = add_person(pilot["engine"], Role.VIEWER)
    with pytest.raises(PermissionDenied):
        _set(pilot, {"dimension": "region", "segments": ["Utrecht"]}, who=viewer)
    assert _stored(pilot) == set()


def test_a_save_from_an_old_page_is_a_conflict(pilot):
    _set(pilot, {"dimension": "region", "segments": ["Utrecht"]})
    with pytest.raises(ConflictError):
        _set(pilot, {"dimension": "region", "segments": ["Zwolle"]}, seen_version=1)
    assert _stored(pilot) == {("region", "Utrecht")}
