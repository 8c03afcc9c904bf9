"""A discipline's KPIs in AppTest: sparklines coloured by the KPI's direction, months named as the reader writes
them, the target in the table and as a dashed line, the value axis saying what the numbers are."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from cxgov.db import session_scope
from cxgov.i18n import format_month
from cxgov.models import InitiativeKpi
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.kpi_targets import set_kpi_target
from cxgov.services.kpis import create_kpi, record_kpi_reading
from tests.admin_helpers import run
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page, texts


def _months_back(n: int) -> date:
    today = date.today()
    month = today.year * 12 + today.month - 1 - n
    return date(month // 12, month % 12 + 1, 1)


def _kpi(engine, code: str, values: list[float], **fields) -> int:
    kpi = run(
        engine,
        create_kpi,
        SYSTEM_ACTOR,
        data={"code": code, "name": code, "kind": "operational", "discipline": "design"} | fields,
    )
    for back, value in enumerate(reversed(values), start=1):
        run(
            engine,
            record_kpi_reading,
            SYSTEM_ACTOR,
            data={"kpi_id": kpi, "period": _months_back(back), "value": value, "sample_size": 1200},
        )
    return kpi


@pytest.fixture
def design(db):
    """WISMO (lower is better, %, falling: improving) with a target; a review score (higher is better, scale
    1–5, falling: worsening) without one."""
    url, engine = db
    wismo = _kpi(engine, "WISMO", [29.0, 26.5, 24.0], unit="%", direction="lower_is_better", scale_min=0, scale_max=100)
    review = _kpi(engine, "REVIEW", [4.4, 4.3, 4.1], direction="higher_is_better", scale_min=1, scale_max=5)
    owner = add_person(engine, name="Joost Vermeulen")
    initiative = add_initiative(engine, owner_id=owner, title="Track & trace <b>texts</b>", discipline="design")
    with session_scope(engine, write=True) as session:
        session.add(
            InitiativeKpi(
                initiative_id=initiative, kpi_id=wismo, baseline=29.0, target=18.5, target_date=date(2027, 6, 30)
            )
        )
    return {"url": url, "engine": engine, "wismo": wismo, "review": review}


def _kpi_table(at):
    return next(df for df in at.dataframe if "WISMO" in df.value.to_string())


def _figure(at) -> dict:
    [chart] = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_sparklines_are_coloured_by_the_kpis_direction(monkeypatch, design, lang):
    at = open_page(monkeypatch, design["url"], "design", lang=lang)
    assert not at.exception, at.exception
    table = _kpi_table(at)
    rows = table.value.set_index("name")
    assert list(rows.loc["WISMO", "trend_lower_is_better"]) == [29.0, 26.5, 24.0]
    assert list(rows.loc["REVIEW", "trend_higher_is_better"]) == [4.4, 4.3, 4.1]
    assert list(rows.loc["WISMO", "trend_higher_is_better"]) == list(rows.loc["REVIEW", "trend_lower_is_better"]) == []
    columns = json.loads(table.proto.columns)
    assert columns["trend_higher_is_better"]["type_config"]["color"] == "auto"  # rising: green
    assert columns["trend_lower_is_better"]["type_config"]["color"] == "auto-inverse"  # falling: green
    assert rows.loc["WISMO", "period"] == format_month(_months_back(1), lang)  # "nov 2026", not "1 Nov 2026"
    assert rows.loc["WISMO", "target"] == ("18,5" if lang == "nl" else "18.5")
    assert rows.loc["REVIEW", "target"] == "—"


def test_the_table_shows_each_kpis_own_target_in_force_beside_the_initiatives_target(monkeypatch, design):
    """The KPI's target set on Measurement → KPIs (the one in force this month, not a later one) stands next to
    the one its initiatives aim for: the two can differ, and both are shown under their own names."""
    for months_back, target in ((14, 26.0), (2, 22.0)):
        data = {"kpi_id": design["wismo"], "valid_from": _months_back(months_back), "target": target}
        run(design["engine"], set_kpi_target, SYSTEM_ACTOR, data=data)
    next_month = date.today().replace(day=28) + timedelta(days=7)
    data = {"kpi_id": design["wismo"], "valid_from": next_month.replace(day=1), "target": 20.0}
    run(design["engine"], set_kpi_target, SYSTEM_ACTOR, data=data)
    at = open_page(monkeypatch, design["url"], "design")
    assert not at.exception, at.exception
    table = _kpi_table(at)
    rows = table.value.set_index("name")
    assert (rows.loc["WISMO", "kpi_target"], rows.loc["WISMO", "target"]) == ("22", "18.5")
    assert rows.loc["REVIEW", "kpi_target"] == "—"
    columns = json.loads(table.proto.columns)
    assert (columns["kpi_target"]["label"], columns["target"]["label"]) == ("Target now", "Initiatives aim for")


@pytest.mark.parametrize(
    ("lang", "legend", "scale"), [("en", "Target 18.5", "Score (1 to 5)"), ("nl", "Doel 18,5", "Score (1 tot 5)")]
)
def test_the_trend_draws_the_target_and_names_the_unit(monkeypatch, design, lang, legend, scale):
    at = open_page(monkeypatch, design["url"], "design", lang=lang, run=False)
    at.session_state["design_trend_kpi"] = design["wismo"]
    at.run()
    assert not at.exception, at.exception
    figure = _figure(at)
    readings, target = figure["data"]
    assert (target["name"], target["y"], target["line"]["dash"]) == (legend, [18.5, 18.5], "dash")
    assert figure["layout"]["yaxis"]["title"]["text"] == "%"
    assert readings["customdata"][-1] == format_month(_months_back(1), lang)
    assert "Track \\& trace \\<b\\>texts\\</b\\>" in texts(at)  # whose target it is, escaped
    at.selectbox(key="design_trend_kpi").set_value(design["review"]).run()
    figure = _figure(at)
    assert len(figure["data"]) == 1 and figure["layout"]["yaxis"]["title"]["text"] == scale
