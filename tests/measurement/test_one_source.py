"""One source for a KPI's margins and verdicts: the governance scorecard, the board pack's scorecard and the
Measurement catalogue write the same value, margin, indicative mark and year-on-year verdict."""

from datetime import date

import pytest

from cxgov import written
from cxgov.db import session_scope
from cxgov.models import KpiKind
from cxgov.queries import kpis as kpi_queries
from cxgov.queries import measurement
from cxgov.queries.agenda_sections import scorecard
from cxgov.rules.kpi_engine import Tally, compare
from tests.measurement.builders import add_responses, add_survey_kpi

LAST_YEAR, NOW = date(2025, 3, 1), date(2026, 3, 1)
BEFORE = [10] * 30 + [8] * 30 + [2] * 40  # NPS −10
AFTER = [10] * 50 + [8] * 30 + [2] * 20  # NPS +30


def test_the_scorecard_and_the_catalogue_show_one_margin_and_verdict(engine):
    kpi = add_survey_kpi(engine, "RNPS", "nps", name="Relationship NPS")
    add_responses(engine, kpi, [(LAST_YEAR, s, {}) for s in BEFORE] + [(NOW, s, {}) for s in AFTER])
    expected = compare(KpiKind.NPS, Tally.of(KpiKind.NPS, BEFORE), Tally.of(KpiKind.NPS, AFTER), min_n=30)
    with session_scope(engine) as session:
        card = scorecard(session, date(2026, 4, 15)).tables["scorecard"].iloc[0]
        catalogue = measurement.kpi_catalogue(session).iloc[0]
        verdicts = kpi_queries.year_on_year_verdicts(session)
    assert card["value"] == pytest.approx(30.0) and card["year_before"] == pytest.approx(-10.0)
    assert card["margin"] == pytest.approx((catalogue["latest_high"] - catalogue["latest_low"]) / 2)
    assert not bool(card["indicative"])
    assert card["verdict"] == expected.verdict == "significant"
    assert verdicts.set_index("kpi_id").loc[kpi, "change"] == pytest.approx(40.0)
    assert written.value_with_margin(card["value"], card["margin"], False, "nl").startswith("30 ± ")
    assert written.verdict_text(card["verdict"], "en") == "significant change"


def test_a_small_month_is_marked_indicative_and_too_few(engine):
    kpi = add_survey_kpi(engine, "TNPS", "nps")
    add_responses(engine, kpi, [(LAST_YEAR, s, {}) for s in BEFORE] + [(NOW, 10, {})] * 12)
    with session_scope(engine) as session:
        card = scorecard(session, date(2026, 4, 15)).tables["scorecard"].iloc[0]
    assert bool(card["indicative"]) and card["verdict"] == "too_few"
    assert written.value_with_margin(card["value"], card["margin"], True, "en").endswith("(indicative)")


@pytest.mark.parametrize(
    ("value", "margin", "lang", "shown"),
    [(30.0, 15.3, "en", "30 ± 15.3"), (7.76, 0.07, "en", "7.76 ± 0.07"), (5.61, 0.12, "nl", "5,61 ± 0,1")],
)
def test_a_margin_below_a_tenth_keeps_its_second_decimal(value, margin, lang, shown):
    assert written.value_with_margin(value, margin, False, lang) == shown  # never "± 0"
