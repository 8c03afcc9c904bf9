"""The effect estimate where the PDCA Check and outcome health read it, on both databases: too few answers since
Do hold the move to Check; a significant change the wrong way turns outcome health red."""

from datetime import date

import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.models import Health, Initiative, PdcaCycle
from cxgov.queries.health import assess
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.pdca import CriteriaNotMet, move_to_next_phase
from tests.measurement.builders import add_responses, add_survey_kpi
from tests.measurement.impact_builders import initiative_with_kpi, nps_answers


def _targeting(engine, initiative, kpi) -> None:
    with session_scope(engine, write=True) as session:
        session.execute(sa.update(PdcaCycle).where(PdcaCycle.initiative_id == initiative).values(target_kpi_id=kpi))


def test_too_few_answers_since_do_hold_the_move_to_check(engine):
    kpi = add_survey_kpi(engine)
    add_responses(engine, kpi, nps_answers(date(2024, 11, 5), 20, 10, 10) + nps_answers(date(2025, 11, 5), 5, 3, 2))
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 10, 20))
    _targeting(engine, initiative, kpi)
    with session_scope(engine) as session:
        version = session.get(Initiative, initiative).version

    with pytest.raises(CriteriaNotMet) as held, session_scope(engine, write=True) as session:
        move_to_next_phase(session=session, actor=SYSTEM_ACTOR, initiative_id=initiative, seen_version=version)

    assert held.value.unmet == ["effect_or_result"]  # a computed reading since Do exists, but 10 answers say little


def test_a_significant_change_the_wrong_way_is_red(engine):
    kpi = add_survey_kpi(engine)
    add_responses(engine, kpi, nps_answers(date(2024, 11, 5), 60, 20, 20) + nps_answers(date(2025, 11, 5), 30, 20, 50))
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 10, 20), baseline=40, target=50)

    with session_scope(engine) as session:
        judged = assess(
            session, initiative_ids=[initiative], today=date(2026, 1, 5), cadence_days=30, spend_tolerance_pct=10
        )

    outcome = judged[initiative].outcome
    assert judged[initiative].outcome_health is Health.RED
    assert outcome[0].reason == "health.outcome.effect_wrong_way"
    assert outcome[0].params["effect"] == pytest.approx(-60)
