"""The effect estimate in the PDCA Check criterion and in outcome health: it speaks where it exists, and the
reading-based rules stay as they were where it does not."""

from dataclasses import replace
from datetime import date

import pytest

from cxgov.models import Direction, Health, Lane, Phase, Status
from cxgov.rules.health import EffectFacts, KpiProgress, outcome_signal
from cxgov.rules.impact import Window, add_months, after_window, first_full_month, typed_effect
from cxgov.rules.pdca import CycleFacts, unmet_criteria

FACTS = CycleFacts(
    lane=Lane.PROJECT,
    status=Status.ACTIVE,
    hypothesis="If we … then …",
    target_kpi_id=1,
    baseline_value=12.0,
    target_value=20.0,
    has_budget=True,
    reading_since_do=True,
    done_summary="",
    check_result="",
)


@pytest.mark.parametrize(
    ("changes", "unmet"),
    [
        ({}, []),  # no estimate: a reading since Do is enough, as before
        ({"reading_since_do": False}, ["reading_or_result"]),
        ({"effect_verdict": "significant"}, []),
        ({"effect_verdict": "noise", "reading_since_do": False}, []),
        ({"effect_verdict": "no_sample"}, []),
        ({"effect_verdict": "too_few"}, ["effect_or_result"]),  # a reading since Do no longer suffices
        ({"effect_verdict": "too_few", "done_summary": "Piloted in Utrecht"}, []),
    ],
)
def test_the_check_asks_for_an_effect_with_enough_answers_where_one_exists(changes, unmet):
    assert unmet_criteria(Phase.CHECK, replace(FACTS, **changes)) == unmet


NPS = KpiProgress("NPS", Direction.HIGHER_IS_BETTER, baseline=10, target=20, target_date=None, latest=21)
TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("kpi", "health", "reason"),
    [
        (NPS, Health.GREEN, "health.outcome.reached"),  # no estimate: the latest reading is judged
        (replace(NPS, effect=EffectFacts(-4, -7, -1, "significant")), Health.RED, "health.outcome.effect_wrong_way"),
        (replace(NPS, effect=EffectFacts(1, -2, 4, "noise")), Health.AMBER, "health.outcome.effect_short"),
        (
            replace(NPS, effect=EffectFacts(1, -2, 4, "noise"), target_date=date(2026, 1, 1)),
            Health.RED,
            "health.outcome.effect_short",
        ),
        (replace(NPS, effect=EffectFacts(8, 5, 11, "significant")), Health.GREEN, "health.outcome.reached"),
        (replace(NPS, effect=EffectFacts(1, -4, 6, "noise")), Health.GREEN, "health.outcome.reached"),  # can't tell
        (
            replace(
                NPS, direction=Direction.LOWER_IS_BETTER, target=5, latest=4, effect=EffectFacts(3, 1, 5, "significant")
            ),
            Health.RED,
            "health.outcome.effect_wrong_way",
        ),
    ],
)
def test_outcome_health_uses_the_estimate_where_it_exists(kpi, health, reason):
    signal = outcome_signal(kpi, TODAY, date(2025, 1, 1))
    assert (signal.health, signal.reason) == (health, reason)


def test_the_wrong_way_names_the_effect_and_its_margin():
    signal = outcome_signal(replace(NPS, effect=EffectFacts(-4, -7, -1, "significant")), TODAY, date(2025, 1, 1))
    assert signal.params == {"kpi": "NPS", "effect": -4, "margin": 3}


def test_the_effect_and_margin_are_written_with_the_decimals_the_margin_warrants():
    signal = outcome_signal(
        replace(NPS, effect=EffectFacts(-9.387, -17.632, -1.142, "significant")), TODAY, date(2025, 1, 1)
    )
    assert (signal.params["effect"], signal.params["margin"]) == (-9.4, 8.2)
    small = replace(NPS, effect=EffectFacts(-0.123, -0.2, -0.046, "significant"))
    assert outcome_signal(small, TODAY, date(2025, 1, 1)).params["margin"] == 0.08  # not "± 0.1" for 0.077


def test_windows_begin_at_the_first_full_month_and_reach_back_a_year():
    assert first_full_month(date(2025, 3, 15)) == date(2025, 4, 1)
    assert first_full_month(date(2025, 3, 1)) == date(2025, 3, 1)
    assert after_window(date(2025, 3, 15), date(2025, 3, 1)) is None
    window = after_window(date(2020, 1, 9), date(2025, 6, 1))
    assert window == Window(date(2024, 7, 1), date(2025, 6, 1))
    assert window.year_earlier == Window(date(2023, 7, 1), date(2024, 6, 1))
    assert add_months(date(1, 1, 1), -12) == date(1, 1, 1)  # held at the first month Python knows


def test_typed_effect_has_no_interval():
    effect = typed_effect([100, 110], [120, 130])
    assert (effect.value, effect.low, effect.high, effect.verdict) == (20, None, None, "no_sample")
    assert typed_effect([], [1]) is None
