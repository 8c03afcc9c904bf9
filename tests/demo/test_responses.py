"""The demo's survey answers: raw responses per survey KPI, readings computed from them, segments and a pilot."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from cxgov import audit
from cxgov.db import make_engine, session_scope
from cxgov.demo.content import KPIS, PILOT, SEGMENT_EFFECTS
from cxgov.demo.plan import build_demo
from cxgov.demo.portfolio import READING_SOURCE, REFERENCE_DATE, add_months
from cxgov.demo.responses import survey_kpis
from cxgov.models import AuditEvent, Initiative, Kpi, KpiKind, KpiReading, PdcaCycle, TaxonomyTerm
from cxgov.models.measurement import InitiativeSegment, KpiFigure, SurveyImport, SurveyResponse
from cxgov.queries.measurement import kpi_catalogue, kpi_targets
from cxgov.queries.readings import counting_readings
from cxgov.rules.kpi_effects import difference_in_differences
from cxgov.rules.kpi_engine import Tally, figures
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from cxgov.settings import get_settings
from cxgov.ui.measurement.shared import status_of
from tests.conftest import copy_sqlite

SURVEY_CODES = {"RNPS", "TNPS", "KTV", "CES", "CSAT", "ENPS", "MTV"}
CALL_BACK = 15  # "Detractor call-back within 48 hours": on the phone
MONTH = date(2026, 6, 1)  # a month in the middle of the pilot, checked against the engine


def _load(engine) -> None:
    with session_scope(engine, write=True) as session:
        load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, today=REFERENCE_DATE)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, sqlite_template):
    """The 40-initiative demo in a SQLite file, loaded once for this module's read-only tests."""
    path = tmp_path_factory.mktemp("responses") / "demo.sqlite3"
    copy_sqlite(sqlite_template, str(path))
    engine = make_engine(f"sqlite:///{path}")
    _load(engine)
    yield engine
    engine.dispose()


def _all(engine, query):
    with session_scope(engine) as session:
        return session.execute(query).all()


def test_the_survey_kpis_are_the_scored_kinds():
    assert {kpi.code for kpi in survey_kpis()} == SURVEY_CODES


def test_every_survey_kpi_has_answers_each_month_and_computed_readings_that_count(engine):
    _load(engine)
    months = dict(
        _all(
            engine,
            select(Kpi.code, func.count(func.distinct(SurveyResponse.period))).join(Kpi).group_by(Kpi.code),
        )
    )
    assert months == dict.fromkeys(SURVEY_CODES, 36)
    [(answers,)] = _all(engine, select(func.count()).select_from(SurveyResponse))
    assert 200_000 < answers <= 250_000
    [(batch,)] = _all(engine, select(SurveyImport))
    assert (batch.kind, batch.file_name, batch.rows_added, len(batch.sha256)) == ("responses", "demo", answers, 64)
    per_kpi = dict(_all(engine, select(Kpi.code, func.count()).join(SurveyResponse).group_by(Kpi.code)))
    assert json.loads(batch.rows_per_kpi) == per_kpi  # the import history says what each KPI got
    kpis = {
        code: (kpi_id, source) for kpi_id, code, source in _all(engine, select(Kpi.id, Kpi.code, Kpi.primary_source))
    }
    assert all(source == ("" if code in SURVEY_CODES else READING_SOURCE) for code, (_, source) in kpis.items())
    origins = dict(_all(engine, select(Kpi.code, func.min(KpiReading.origin)).join(Kpi).group_by(Kpi.code)))
    assert {code for code, origin in origins.items() if origin == "computed"} == SURVEY_CODES  # no typed ones left
    counting = counting_readings()
    counted = _all(
        engine, select(counting.c.kpi_id, counting.c.origin, counting.c.value).where(counting.c.period == MONTH)
    )
    assert len(counted) == 18 and {origin for kpi_id, origin, _ in counted if kpi_id in _ids(kpis)} == {"computed"}
    # The reading is the engine's figure of that month's raw answers, whatever the database summed.
    for code in ("TNPS", "CES", "CSAT"):
        kpi_id = kpis[code][0]
        scores = [
            s
            for (s,) in _all(
                engine,
                select(SurveyResponse.score).where(SurveyResponse.kpi_id == kpi_id, SurveyResponse.period == MONTH),
            )
        ]
        kind = _all(engine, select(Kpi.kind).where(Kpi.id == kpi_id))[0][0]
        expected, _ = figures(KpiKind(kind), Tally.of(KpiKind(kind), scores), min_n=get_settings().kpi_min_responses)
        [(value,)] = [(value,) for kpi, _, value in counted if kpi == kpi_id]
        assert value == pytest.approx(expected.value, abs=0.05)  # reported rounded (one decimal, two for a mean)
    events = _all(engine, select(AuditEvent.entity, AuditEvent.action, AuditEvent.new_value))
    assert [(entity, action) for entity, action, _ in events] == [("portfolio", "bulk_load")]
    rows = json.loads(events[0][2])["rows"]
    [(readings,)] = _all(engine, select(func.count()).select_from(KpiReading))
    assert rows["survey_response"] == answers and rows["survey_import"] == 1 and rows["kpi_reading"] == readings
    assert rows["kpi_figure"] == _all(engine, select(func.count()).select_from(KpiFigure))[0][0]
    with session_scope(engine) as session:
        assert audit.verify(session, get_settings().audit_key).ok


def _ids(kpis: dict) -> set[int]:
    return {kpi_id for code, (kpi_id, _) in kpis.items() if code in SURVEY_CODES}


def test_some_months_and_segments_are_below_the_minimum_and_marked_indicative(demo):
    readings = _all(
        demo,
        select(Kpi.code, KpiReading.period, KpiReading.indicative).join(Kpi).where(KpiReading.origin == "computed"),
    )
    indicative = sorted((code, period) for code, period, flag in readings if flag)
    assert [code for code, _ in indicative] == ["ENPS"] * 3  # the pulse's pilot months
    assert len(readings) - len(indicative) > 200
    regions = dict(
        _all(
            demo,
            select(KpiFigure.segment, func.avg(KpiFigure.n))
            .join(Kpi)
            .where(Kpi.code == "TNPS", KpiFigure.dimension == "region", KpiFigure.grain == "month")
            .group_by(KpiFigure.segment),
        )
    )
    assert regions["Terneuzen"] < 30 < regions["Utrecht"]
    flags = _all(
        demo,
        select(KpiFigure.indicative)
        .join(Kpi)
        .where(Kpi.code == "TNPS", KpiFigure.segment == "Terneuzen", KpiFigure.grain == "month"),
    )
    assert len(flags) == 36 and all(flag for (flag,) in flags)  # a small store's every month is indicative


def _tally(engine, code: str, dimension: str, inside: bool, segments: set[str], months: list[date]) -> Tally:
    """The pooled tally of the KPI's figures in (or outside) the segments over the months."""
    cells = _all(
        engine,
        select(KpiFigure.segment, KpiFigure.n, KpiFigure.total, KpiFigure.total_sq, KpiFigure.high, KpiFigure.low)
        .join(Kpi)
        .where(
            Kpi.code == code,
            KpiFigure.grain == "month",
            KpiFigure.dimension == dimension,
            KpiFigure.period.in_(months),
        ),
    )
    pooled = Tally(0, 0.0, 0.0, 0, 0)
    for segment, *tally in cells:
        if (segment in segments) == inside:
            pooled += Tally(*tally)
    return pooled


def _did(engine, code: str, kind: KpiKind, dimension: str, segments: set[str], started: date, grown: date):
    """Difference in differences of the months from `grown` (the effect at full size) up to today's against the six
    before `started` (the work began)."""
    before = [add_months(started, -m) for m in range(1, 7)]
    after = [add_months(grown, m) for m in range(12) if add_months(grown, m) <= REFERENCE_DATE]
    return difference_in_differences(
        kind,
        treated_before=_tally(engine, code, dimension, True, segments, before),
        treated_after=_tally(engine, code, dimension, True, segments, after),
        control_before=_tally(engine, code, dimension, False, segments, before),
        control_after=_tally(engine, code, dimension, False, segments, after),
        min_n=get_settings().kpi_min_responses,
    )


def _months_of_growth(initiative: int) -> int:
    return next(effect.months for effect in SEGMENT_EFFECTS if effect.initiative == initiative)


def _do_month(engine, title_start: str) -> date:
    [(started,)] = _all(
        engine,
        select(PdcaCycle.do_started_on)
        .join(Initiative)
        .where(Initiative.title.startswith(title_start), PdcaCycle.closed_on.is_(None)),
    )
    return started.replace(day=1)


def test_the_store_pilot_moves_its_kpi_in_its_regions_only_and_the_difference_is_significant(demo):
    segments = _all(
        demo, select(Initiative.title, InitiativeSegment.dimension, InitiativeSegment.segment).join(Initiative)
    )
    assert sorted(segments) == [
        ("Return online purchases in any store", "region", "Amersfoort"),
        ("Return online purchases in any store", "region", "Utrecht"),
    ]
    started = _do_month(demo, "Return online purchases in any store")
    grown = add_months(started, _months_of_growth(PILOT))
    effect = _did(demo, "CES", KpiKind.CES, "region", {"Utrecht", "Amersfoort"}, started, grown)
    assert effect.verdict == "significant" and 0.15 < effect.value < 0.55  # about the 0.35 the pilot added
    placebo = _did(demo, "CES", KpiKind.CES, "region", {"Eindhoven", "Den Haag"}, started, grown)
    assert placebo.verdict == "noise"  # regions outside the pilot stay on trend


def test_the_detractor_call_back_lifts_transactional_nps_on_the_phone(demo):
    [(phone,)] = _all(demo, select(TaxonomyTerm.id).where(TaxonomyTerm.code == "phone"))
    started = _do_month(demo, "Detractor call-back within 48 hours")
    grown = add_months(started, _months_of_growth(CALL_BACK))
    effect = _did(demo, "TNPS", KpiKind.NPS, "channel", {str(phone)}, started, grown)
    assert effect.verdict == "significant" and 5 < effect.value < 15  # about the 10 points it added


def test_december_nps_is_lower_than_the_months_around_it(demo):
    for code in ("RNPS", "TNPS"):
        values = dict(_all(demo, select(KpiReading.period, KpiReading.value).join(Kpi).where(Kpi.code == code)))
        decembers = [day for day in values if day.month == 12 and add_months(day, 1) in values and day != min(values)]
        around = [values[add_months(day, step)] for day in decembers for step in (-1, 1)]
        assert sum(values[day] for day in decembers) / len(decembers) < sum(around) / len(around) - 1, code


def test_the_same_seed_gives_the_same_answers_and_another_seed_others():
    first, second = build_demo(40, 2026, today=REFERENCE_DATE), build_demo(40, 2026, today=REFERENCE_DATE)
    other = build_demo(40, 7, today=REFERENCE_DATE)
    imports = [portfolio.tables["survey_import"][0] for portfolio in (first, second, other)]
    assert imports[0]["sha256"] == imports[1]["sha256"] != imports[2]["sha256"]
    assert imports[0]["rows_added"] == imports[1]["rows_added"] == len(first.tables["survey_response"])
    assert first.tables["survey_response"][:500] == second.tables["survey_response"][:500]


def test_a_small_portfolio_has_the_answers_but_not_the_pilot_segments():
    small = build_demo(5, 2026, today=REFERENCE_DATE)
    assert small.tables["survey_response"] and not small.tables["initiative_segment"]
    comments = [row["comment"] for row in small.tables["survey_response"] if row["comment"]]
    assert 0.03 < len(comments) / len(small.tables["survey_response"]) < 0.1 and len(set(comments)) > 30


def test_every_kpi_has_a_target_per_year_and_the_catalogue_shows_every_colour(demo):
    """Last year's target holds the baseline, this year's closes most of the gap, next year's is the 12-month
    target: the catalogue then mixes met, within-the-margin and missed targets, as a running programme does."""
    with session_scope(demo) as session:
        kpis, targets = kpi_catalogue(session), kpi_targets(session)
    this_year = date.today().replace(month=1, day=1)
    years = targets.groupby("kpi_id")["valid_from"].apply(list)
    assert set(years.index) == set(kpis["id"]) and all(
        froms == [this_year.replace(year=this_year.year - 1), this_year, this_year.replace(year=this_year.year + 1)]
        for froms in years
    )
    specs = {kpi.code: kpi for kpi in KPIS}
    for row in kpis.itertuples():
        spec, mine = specs[row.code], targets[targets["kpi_id"] == row.id]["target"].tolist()
        assert mine == [round(t, spec.digits) for t in (spec.baseline, mine[1], spec.target)]
        assert min(spec.baseline, spec.target) <= mine[1] <= max(spec.baseline, spec.target)
    colours = Counter(status_of(row, targets).colour for row in kpis.itertuples())
    assert colours["green"] and colours["amber"] and colours["red"], colours
