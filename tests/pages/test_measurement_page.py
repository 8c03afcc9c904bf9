"""The Measurement page in AppTest: the overview tab as every discipline has it, the KPI workplace (catalogue
with margins, colours and targets, one KPI's trend, its segments, the target form for those who manage KPIs),
and CX against business with and without enough months."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import AuditEvent, KpiTarget, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.kpis import create_kpi
from tests.admin_helpers import run
from tests.factories import add_person
from tests.measurement.page_data import months_back, seed_measurement
from tests.pages.harness import open_page, texts

TABS = {
    "en": ("Overview", "KPIs", "CX and business", "Claimed vs actual", "Import"),
    "nl": ("Overzicht", "KPI's", "CX en business", "Geclaimd en gemeten", "Importeren"),
}


@pytest.fixture
def seeded(db):
    url, engine = db
    return {"url": url, "engine": engine, **seed_measurement(engine)}


def page(monkeypatch, seeded, tab: str | None = None, *, lang="en", acting=None, **query):
    params = {k: str(v) for k, v in query.items()} | ({"tab": tab} if tab else {})
    return open_page(monkeypatch, seeded["url"], "measurement", lang=lang, acting=acting, query=params)


def figures(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def catalogue(at):
    return next(df.value for df in at.dataframe if "latest" in df.value.columns).set_index("name")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_overview_is_the_discipline_page_in_the_first_tab(monkeypatch, seeded, lang):
    at = page(monkeypatch, seeded, lang=lang)
    assert not at.exception, at.exception
    assert [t.label for t in at.tabs] == list(TABS[lang])
    assert at.title[0].value == ("Measurement" if lang == "en" else "Meten")
    assert "Revenue growth" in " ".join(df.value.to_string() for df in at.dataframe)  # the discipline's KPIs


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_catalogue_shows_margins_colours_and_targets(monkeypatch, seeded, lang):
    at = page(monkeypatch, seeded, TABS[lang][1], lang=lang)
    assert not at.exception, at.exception
    rows = catalogue(at)
    ktv, revenue = rows.loc["KTV"], rows.loc["Revenue growth"]
    assert " ± " in ktv["latest"] and ktv["n"] == "12"
    assert ktv["indicative"] == ("indicative" if lang == "en" else "indicatief")
    assert ktv["status"] == "—" and ("too few responses" if lang == "en" else "te weinig antwoorden") in ktv["reason"]
    assert ktv["target_now"] == ("7.8" if lang == "en" else "7,8")
    assert ktv["targets"].startswith("from " if lang == "en" else "vanaf ")
    assert ktv["scale"] == ("1 to 10" if lang == "en" else "1 tot 10")
    assert revenue["reason"].endswith("no target set" if lang == "en" else "geen doel ingesteld")
    assert revenue["latest"] == ("3.5" if lang == "en" else "3,5")  # typed: no margin


def test_the_kpi_trend_draws_band_indicative_last_year_and_target(monkeypatch, seeded):
    at = page(monkeypatch, seeded, "KPIs", kpi=seeded["ktv"])
    assert not at.exception, at.exception
    trend = next(f for f in figures(at) if "last 24 months" in f["layout"]["title"]["text"])
    names = [trace.get("name") for trace in trend["data"]]
    assert {"95% margin", "last year", "target", "KTV", "indicative (n < 30)"} <= set(names)
    target = trend["data"][names.index("target")]
    assert target["line"]["shape"] == "hv" and target["y"][-1] == 7.8
    assert at.query_params["kpi"] == str(seeded["ktv"])


def test_the_breakdown_follows_the_dimension_chosen(monkeypatch, seeded):
    at = page(monkeypatch, seeded, "KPIs", kpi=seeded["ktv"], by="channel")
    assert not at.exception, at.exception
    segments = next(df.value for df in at.dataframe if "Segment" in df.value.columns)
    assert set(segments["Segment"]) == {"Store", "Web shop"}
    assert "consistency across touchpoints" in texts(at)
    at.selectbox(key="measurement_dimension").set_value("department").run()
    segments = next(df.value for df in at.dataframe if "Segment" in df.value.columns)
    assert set(segments["Segment"]) == {"Customer service", "Logistics"}
    assert at.query_params["by"] == "department"
    at.selectbox(key="measurement_dimension").set_value("journey_stage").run()
    assert "No figures per journey stage" in texts(at)


def test_a_typed_kpi_says_why_it_has_no_segments_instead_of_offering_them(monkeypatch, seeded):
    at = page(monkeypatch, seeded, "KPIs", kpi=seeded["revenue"])
    assert not at.exception, at.exception
    assert "is typed in per month, not computed from survey answers" in texts(at)
    assert not [s for s in at.selectbox if s.key == "measurement_dimension"]


def test_an_analyst_sets_and_removes_a_target(monkeypatch, seeded):
    analyst = add_person(seeded["engine"], Role.ANALYST, name="Ada Analyst")
    at = page(monkeypatch, seeded, "KPIs", acting=analyst, kpi=seeded["revenue"])
    assert not at.exception, at.exception
    kpi = seeded["revenue"]
    at.date_input(key=f"measurement_target_month_{kpi}").set_value(months_back(3).replace(day=17))
    at.number_input(key=f"measurement_target_value_{kpi}").set_value(3.5)
    next(b for b in at.button if b.label == "Save target").click().run()
    assert not at.exception, at.exception
    assert "Target saved." in texts(at)
    with session_scope(seeded["engine"]) as session:
        [row] = session.exec(select(KpiTarget).where(KpiTarget.kpi_id == kpi)).all()
        assert (row.valid_from, row.target, row.set_by_id) == (months_back(3), 3.5, analyst)
    assert "no target set" not in catalogue(at).loc["Revenue growth", "reason"]
    next(b for b in at.button if b.label == "Remove target").click().run()
    assert not at.exception, at.exception
    with session_scope(seeded["engine"]) as session:
        assert session.exec(select(KpiTarget).where(KpiTarget.kpi_id == kpi)).all() == []


def test_a_target_outside_the_scale_is_refused_with_its_reason(monkeypatch, seeded):
    analyst = add_person(seeded["engine"], Role.ANALYST)
    at = page(monkeypatch, seeded, "KPIs", acting=analyst, kpi=seeded["ktv"])
    at.number_input(key=f"measurement_target_value_{seeded['ktv']}").set_value(12.0)
    next(b for b in at.button if b.label == "Save target").click().run()
    assert not at.exception, at.exception
    assert any("Target" in e.value and "10" in e.value for e in at.error)


@pytest.mark.parametrize("role", [Role.MANAGER, Role.VIEWER])
def test_who_may_not_manage_kpis_sees_targets_without_the_forms(monkeypatch, seeded, role):
    person = add_person(seeded["engine"], role)
    at = page(monkeypatch, seeded, "KPIs", acting=person, kpi=seeded["ktv"])
    assert not at.exception, at.exception
    assert "Target in force now: 7.8" in texts(at)
    assert not [b for b in at.button if b.label in ("Save target", "Remove target")]


def test_cx_and_business_shows_r_with_its_interval_and_the_caveat(monkeypatch, seeded):
    at = page(monkeypatch, seeded, "CX and business", cx=seeded["ktv"], business=seeded["revenue"], lag=1)
    assert not at.exception, at.exception
    [chart] = figures(at)
    assert [trace["yaxis"] for trace in chart["data"][1:]] == ["y2"]
    [r] = at.metric
    assert -1 <= float(r.value) <= 1
    shown = texts(at)
    assert "95% interval" in shown and chart["data"][1]["name"] == "Revenue growth (1 month later)"
    assert "A correlation is not a cause" in shown and "Seasons move both" in shown


def test_cx_and_business_starts_from_nps_and_a_business_kpi(monkeypatch, seeded):
    """Operational KPIs (named first here) and other survey KPIs stay in the lists, further down."""
    for code, kind in (("ACONTACTS", "operational"), ("ANPS", "nps")):
        data = {"code": code, "name": f"A {code}", "kind": kind, "discipline": "measurement"}
        run(seeded["engine"], create_kpi, SYSTEM_ACTOR, data=data)
    at = page(monkeypatch, seeded, "CX and business")
    assert not at.exception, at.exception
    cx, business = at.selectbox(key="measurement_cx"), at.selectbox(key="measurement_business")
    assert (cx.format_func(cx.value), business.format_func(business.value)) == (cx.options[0], business.options[0])
    assert cx.options == ["A ANPS", "KTV"]
    assert business.options == ["Revenue growth", "A ACONTACTS"]


def test_cx_and_business_says_when_months_are_too_few(monkeypatch, seeded):
    at = page(monkeypatch, seeded, "CX and business", cx=seeded["ktv"], business=seeded["revenue"], lag=12)
    assert not at.exception, at.exception
    assert "Too few months to compare" in texts(at) and not at.get("plotly_chart")


def test_without_kpis_the_tabs_say_so(monkeypatch, db):
    url, _ = db
    at = open_page(monkeypatch, url, "measurement", query={"tab": "KPIs"})
    assert not at.exception, at.exception
    assert "No active KPIs yet" in texts(at)
    at = open_page(monkeypatch, url, "measurement", query={"tab": "CX and business"})
    assert "the catalogue needs at least one of each" in texts(at)


def test_an_analyst_downloads_the_comments_and_the_export_is_audited(monkeypatch, seeded, downloads):
    analyst = add_person(seeded["engine"], Role.ANALYST)
    at = page(monkeypatch, seeded, "KPIs", acting=analyst, kpi=seeded["ktv"])
    assert not at.exception, at.exception
    assert len([b for b in at.get("download_button") if "comments" in (b.proto.id or "")]) == 1
    [name] = [n for n in downloads if n.startswith("comments-KTV-")]
    with session_scope(seeded["engine"]) as session:
        before = session.exec(select(AuditEvent).where(AuditEvent.action == "export_comments")).all()
    data = downloads[name]()  # what the click hands over, made now
    with session_scope(seeded["engine"]) as session:
        after = session.exec(select(AuditEvent).where(AuditEvent.action == "export_comments")).all()
    assert (len(before), len(after)) == (0, 1) and data[:2] == b"PK"


def test_a_manager_is_not_offered_the_comments(monkeypatch, seeded):
    manager = add_person(seeded["engine"], Role.MANAGER)
    at = page(monkeypatch, seeded, "KPIs", acting=manager, kpi=seeded["ktv"])
    assert not at.exception, at.exception
    assert not [b for b in at.get("download_button") if "comments" in (b.proto.id or "")]
