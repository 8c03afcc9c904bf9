"""Initiative impact on both databases: year on year where a naive before/after is fooled by the season,
difference in differences for a pilot, typed KPIs without an interval, the not-yet-measurable states, and a
fixed number of statements however many months there are."""

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.models import InitiativeSegment, KpiKind
from cxgov.queries.impact import impacts, initiative_impact
from cxgov.rules.kpi_engine import Tally, compare
from tests.factories import add_person
from tests.measurement.builders import add_responses, add_survey_kpi
from tests.measurement.impact_builders import add_typed_readings, initiative_with_kpi, nps_answers

BASE = (40, 20, 40)  # NPS 0
PEAK = (60, 20, 20)  # NPS 40: the shopping season


def _season(engine, kpi, months: dict[date, tuple[int, int, int]]) -> None:
    answers = []
    for month, mix in months.items():
        answers += nps_answers(month.replace(day=5), *mix)
    add_responses(engine, kpi, answers)


def _only_row(engine, initiative_id):
    with session_scope(engine) as session:
        frame = initiative_impact(session, initiative_id)
    assert len(frame) == 1
    return frame.iloc[0]


def test_year_on_year_is_not_fooled_by_the_season(engine):
    kpi = add_survey_kpi(engine)
    months = {date(2024, 9, 1): BASE, date(2024, 10, 1): BASE, date(2024, 11, 1): PEAK, date(2024, 12, 1): PEAK}
    months |= {date(2025, 9, 1): BASE, date(2025, 10, 1): BASE, date(2025, 11, 1): PEAK, date(2025, 12, 1): PEAK}
    _season(engine, kpi, months)
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 10, 15), baseline=0, target=10)

    row = _only_row(engine, initiative)

    naive = compare(  # two months before Do against the two after: the season looks like a 40-point win
        KpiKind.NPS,
        Tally.of(KpiKind.NPS, [10] * 80 + [8] * 40 + [3] * 80),
        Tally.of(KpiKind.NPS, [10] * 120 + [8] * 40 + [3] * 40),
        min_n=30,
    )
    assert (naive.difference, naive.verdict) == (pytest.approx(40), "significant")
    assert (row.state, row.method, row.verdict) == ("measured", "yoy", "noise")
    assert row.effect == pytest.approx(0) and row.low < 0 < row.high
    assert (row.after_first, row.after_last) == (date(2025, 11, 1), date(2025, 12, 1))
    assert row.expected_gain == 10 and row.actual == pytest.approx(40)


def test_year_on_year_finds_a_real_change(engine):
    kpi = add_survey_kpi(engine)
    _season(engine, kpi, {date(2024, 11, 1): PEAK, date(2025, 11, 1): (80, 10, 10)})
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 11, 1))

    row = _only_row(engine, initiative)

    assert (row.verdict, row.effect) == ("significant", pytest.approx(30))
    assert row.after_first == date(2025, 11, 1)  # Do began on the first: that month counts in full


def test_the_after_window_is_the_latest_twelve_months_at_most(engine):
    kpi = add_survey_kpi(engine)
    months = {date(2023, m, 1): BASE for m in range(1, 13)}
    months |= {date(y, m, 1): PEAK for y in (2024, 2025) for m in range(1, 13)}
    _season(engine, kpi, months)
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2023, 12, 20))

    row = _only_row(engine, initiative)

    assert (row.after_first, row.after_last) == (date(2025, 1, 1), date(2025, 12, 1))
    assert (row.effect, row.verdict) == (pytest.approx(0), "noise")  # 2025 against 2024, not against 2023


def _pilot_data(engine, kpi):
    answers = []
    for store in ("Utrecht", "Zwolle", "Breda"):
        answers += nps_answers(date(2024, 11, 5), 160, 80, 160, {"region": store})
    answers += nps_answers(date(2025, 11, 5), 220, 80, 100, {"region": "Utrecht"})  # NPS 30
    for store in ("Zwolle", "Breda"):
        answers += nps_answers(date(2025, 11, 5), 180, 80, 140, {"region": store})  # NPS 10
    add_responses(engine, kpi, answers)


def _ran_in(engine, initiative, dimension, *segments):
    with session_scope(engine, write=True) as session:
        for segment in segments:
            session.add(InitiativeSegment(initiative_id=initiative, dimension=dimension, segment=segment))


def test_difference_in_differences_against_the_stores_not_in_the_pilot(engine):
    kpi = add_survey_kpi(engine)
    _pilot_data(engine, kpi)
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 10, 20))
    _ran_in(engine, initiative, "region", "Utrecht")

    row = _only_row(engine, initiative)

    assert (row.method, row.verdict, row.dimension) == ("did", "significant", "region")
    assert row.effect == pytest.approx(20)  # +30 in the pilot store, +10 elsewhere
    assert row.low > 0
    assert (row.treated, row.control) == (["Utrecht"], ["Breda", "Zwolle"])


def test_a_pilot_in_every_store_has_no_control_group(engine):
    kpi = add_survey_kpi(engine)
    _pilot_data(engine, kpi)
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 10, 20))
    _ran_in(engine, initiative, "region", "Utrecht", "Zwolle", "Breda")

    row = _only_row(engine, initiative)

    assert (row.state, row.verdict) == ("no_control", "no_control")
    assert pd.isna(row.effect)


def test_typed_kpi_year_on_year_of_the_mean_without_an_interval(engine):
    kpi = add_survey_kpi(engine, code="REV", kind="business")
    add_typed_readings(
        engine, kpi, {date(2024, 11, 1): 100, date(2024, 12, 1): 110, date(2025, 11, 1): 120, date(2025, 12, 1): 130}
    )
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 10, 2))

    row = _only_row(engine, initiative)

    assert (row.state, row.method, row.verdict) == ("measured", "yoy_typed", "no_sample")
    assert row.effect == pytest.approx(20)
    assert pd.isna(row.low) and pd.isna(row.high)


@pytest.mark.parametrize(
    ("do_on", "months", "state"),
    [
        (None, {date(2024, 11, 1): BASE, date(2025, 11, 1): BASE}, "no_do"),
        (date(2025, 11, 10), {date(2024, 11, 1): BASE, date(2025, 11, 1): BASE}, "no_months_after"),
        (date(2025, 10, 10), {date(2025, 11, 1): BASE}, "no_year_earlier"),
    ],
)
def test_not_yet_measurable_says_why(engine, do_on, months, state):
    kpi = add_survey_kpi(engine)
    _season(engine, kpi, months)
    initiative = initiative_with_kpi(engine, kpi, do_on=do_on)

    row = _only_row(engine, initiative)

    assert (row.state, row.verdict, row.method) == (state, state, "")


def test_a_kpi_without_any_data_is_not_measurable(engine):
    kpi = add_survey_kpi(engine, code="REV", kind="business")
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 10, 2))

    assert _only_row(engine, initiative).state == "no_data"


def _statements(engine, initiative_ids) -> int:
    count = 0

    def counted(_connection, _cursor, statement, *_):
        nonlocal count
        count += statement.lstrip().upper().startswith(("SELECT", "WITH"))  # not the transaction's own

    sa.event.listen(engine, "before_cursor_execute", counted)
    try:
        with session_scope(engine) as session:
            found = impacts(session, initiative_ids)
    finally:
        sa.event.remove(engine, "before_cursor_execute", counted)
    assert all(impact.effect.measured for impact in found)
    return count


def test_the_statement_count_does_not_grow_with_months_or_initiatives(engine):
    owner = add_person(engine)
    short, long = add_survey_kpi(engine, code="A"), add_survey_kpi(engine, code="B")
    revenue = add_survey_kpi(engine, code="REV", kind="business")
    _season(engine, short, {date(2024, 11, 1): BASE, date(2025, 11, 1): BASE})
    answers = []
    for month in (date(y, m, 5) for y in (2024, 2025) for m in range(1, 13)):
        answers += nps_answers(month, *BASE, {"region": "Utrecht"}) + nps_answers(month, *BASE, {"region": "Zwolle"})
    add_responses(engine, long, answers)
    add_typed_readings(engine, revenue, {date(2024, 12, 1): 1, date(2025, 12, 1): 2})
    one = initiative_with_kpi(engine, short, do_on=date(2025, 10, 2), owner_id=owner)
    many = [initiative_with_kpi(engine, long, do_on=date(2024, 12, 2), owner_id=owner) for _ in range(3)]
    many.append(initiative_with_kpi(engine, revenue, do_on=date(2025, 10, 2), owner_id=owner))
    _ran_in(engine, many[0], "region", "Utrecht")

    assert _statements(engine, [one, many[-1]]) == _statements(engine, many) == 4
