"""Measurement reads on both databases: the catalogue's latest value with its margin, targets per month, a
KPI's monthly series beside last year's, and the latest quarter per segment, named by the lists."""

import math

import pytest

from cxgov.db import session_scope
from cxgov.queries import measurement as queries
from tests.measurement.page_data import MONTHS, months_back, seed_measurement


@pytest.fixture
def seeded(engine):
    return seed_measurement(engine)


def read(engine, query, **params):
    with session_scope(engine) as session:
        return query(session, **params)


def test_the_catalogue_shows_the_latest_value_with_its_interval(engine, seeded):
    catalogue = read(engine, queries.kpi_catalogue).set_index("id")
    ktv, revenue = catalogue.loc[seeded["ktv"]], catalogue.loc[seeded["revenue"]]
    assert ktv["latest_period"] == months_back(1) and ktv["sample_size"] == 12 and bool(ktv["indicative"])
    assert ktv["latest_low"] < ktv["latest_value"] < ktv["latest_high"]
    assert (ktv["kind"], ktv["direction"]) == ("ktv", "higher_is_better")
    assert revenue["latest_period"] == months_back(2) and math.isnan(revenue["latest_low"])
    assert revenue["unit"] == "%" and revenue["kind"] == "business"


def test_targets_come_per_month_oldest_first(engine, seeded):
    targets = read(engine, queries.kpi_targets)
    assert list(targets["valid_from"]) == [months_back(MONTHS), months_back(4)]
    assert list(targets["target"]) == [7.0, 7.8] and set(targets["kpi_id"]) == {seeded["ktv"]}
    assert list(targets["version"]) == [1, 1]


def test_the_series_carries_last_years_value_of_the_same_month(engine, seeded):
    series = read(engine, queries.kpi_series, kpi_id=seeded["ktv"], since=months_back(12))
    assert list(series["period"]) == [months_back(n) for n in range(12, 0, -1)]
    everything = read(engine, queries.kpi_series, kpi_id=seeded["ktv"]).set_index("period")
    assert math.isnan(series["last_year"].iloc[0])  # 24 months back: before the first response
    assert series["last_year"].iloc[-3] == pytest.approx(everything.loc[months_back(15), "value"])
    assert series["last_year"].iloc[-1] == pytest.approx(everything.loc[months_back(13), "value"])
    assert series["indicative"].iloc[-1] and not series["indicative"].iloc[0]
    assert math.isnan(everything["last_year"].iloc[0])


@pytest.mark.parametrize(
    ("dimension", "names"),
    [
        ("channel", {("Store", "Winkel"), ("Web shop", "Webwinkel")}),
        ("department", {("Customer service", "Customer service"), ("Logistics", "Logistics")}),
        ("touchpoint", {("Kassa", "Kassa"), ("Bezorging", "Bezorging")}),
        ("region", {("Noord", "Noord"), ("Zuid", "Zuid")}),
    ],
)
def test_the_breakdown_is_the_latest_quarter_per_segment(engine, seeded, dimension, names):
    breakdown = read(engine, queries.segment_breakdown, kpi_id=seeded["ktv"], dimension=dimension)
    assert set(zip(breakdown["name_en"], breakdown["name_nl"], strict=True)) == names
    assert breakdown["period"].nunique() == 1
    quarter = breakdown["period"].iloc[0]
    assert quarter.month in (1, 4, 7, 10) and quarter <= months_back(1)
    assert (breakdown["value_low"] <= breakdown["value"]).all() and (breakdown["n"] > 0).all()


def test_a_dimension_without_figures_is_empty(engine, seeded):
    assert read(engine, queries.segment_breakdown, kpi_id=seeded["ktv"], dimension="journey_stage").empty
    assert read(engine, queries.segment_breakdown, kpi_id=seeded["revenue"], dimension="channel").empty
