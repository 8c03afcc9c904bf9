"""Claimed against actual on both databases: the gains open initiatives claim per KPI against the KPI's movement
from the same quarter a year earlier, survey KPIs with their interval and typed ones without; and its rendering."""

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

from cxgov.db import session_scope
from cxgov.models import Initiative, Status
from cxgov.queries.impact import claimed_vs_actual
from cxgov.rules.impact import add_months
from cxgov.settings import get_settings
from tests.factories import add_person
from tests.measurement.builders import add_responses, add_survey_kpi
from tests.measurement.impact_builders import add_typed_readings, initiative_with_kpi, nps_answers

TODAY = date.today()
QUARTER = add_months(date(TODAY.year, (TODAY.month - 1) // 3 * 3 + 1, 1), -3)  # the latest full quarter
EARLIER = add_months(QUARTER, -12)


@pytest.fixture
def claims(engine):
    owner = add_person(engine)
    nps = add_survey_kpi(engine, code="NPS")
    add_responses(engine, nps, nps_answers(EARLIER, 600, 200, 200) + nps_answers(add_months(QUARTER, 1), 630, 170, 200))
    revenue = add_survey_kpi(engine, code="REV", kind="business")
    add_typed_readings(
        engine,
        revenue,
        {
            EARLIER: 90,
            add_months(EARLIER, 1): 110,
            QUARTER: 105,
            add_months(QUARTER, 2): 115,
            add_months(QUARTER, 3): 999,
        },
    )
    for _ in range(3):
        initiative_with_kpi(engine, nps, do_on=None, baseline=40, target=45, owner_id=owner)
    closed = initiative_with_kpi(engine, nps, do_on=None, baseline=40, target=60, owner_id=owner)
    initiative_with_kpi(engine, nps, do_on=None, baseline=40, target=40, owner_id=owner)  # claims nothing
    initiative_with_kpi(engine, revenue, do_on=None, baseline=100, target=120, owner_id=owner)
    with session_scope(engine, write=True) as session:
        session.execute(sa.update(Initiative).where(Initiative.id == closed).values(status=Status.CANCELLED))
    return engine


def test_claims_against_the_movement_a_year_on(claims):
    with session_scope(claims) as session:
        frame = claimed_vs_actual(session, today=TODAY).set_index("code")

    nps, revenue = frame.loc["NPS"], frame.loc["REV"]
    assert (nps.initiatives, nps.claimed, nps.quarter) == (3, 15, QUARTER)
    assert (nps.moved, nps.verdict, nps.method) == (pytest.approx(3), "noise", "yoy")
    assert nps.low < 0 < nps.high < 15 and nps.claims_exceed  # 15 claimed; the movement cannot hold it
    assert (revenue.initiatives, revenue.claimed, revenue.moved, revenue.verdict) == (1, 20, 10, "no_sample")
    assert pd.isna(revenue.low) and revenue.claims_exceed


def test_no_figures_for_the_quarter_is_not_measurable(claims):
    with session_scope(claims) as session:
        frame = claimed_vs_actual(session, today=add_months(TODAY, -3)).set_index("code")
    assert frame.loc["NPS"].verdict == "not_measurable" and not frame.loc["NPS"].claims_exceed


def _script():
    from cxgov.ui.measurement.claims import render_claimed_vs_actual

    render_claimed_vs_actual()


def test_the_table_sentences_and_caption(claims, database_url, monkeypatch):
    """The page reads today's latest full quarter: the data above is laid out around it."""
    monkeypatch.setenv("CXGOV_DATABASE_URL", database_url)
    get_settings.cache_clear()
    st.cache_data.clear()
    at = AppTest.from_function(_script).run()

    assert not at.exception
    [warning] = at.warning
    assert warning.value.replace("\\", "").splitlines() == [  # as rendered (markdown escapes dropped)
        "On 2 of the 2 KPIs claimed on, the open initiatives claim more than the KPI moved; the most-claimed:",
        "",
        "- 3 initiatives claim +15 NPS; NPS moved +3.0 ± 7.0 (within noise)",
        "- 1 initiative claims +20 REV; REV moved +10.0 (no sample behind it: no interval)",
    ]
    assert "more than once" in at.caption[0].value
    assert list(at.dataframe[0].value["Claims exceed it"]) == ["Yes", "Yes"]
