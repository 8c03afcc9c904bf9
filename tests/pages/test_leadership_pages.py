"""The portfolio overview, the six discipline pages and the governance board: empty and with data, EN and NL."""

import pytest

from cxgov.db import session_scope
from cxgov.i18n import t
from cxgov.models import Discipline
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from tests.pages.harness import link_tables, open_page, texts
from tests.queries.test_portfolio import AMBER_REASON, RED_REASON, build_portfolio

LANGS = ["en", "nl"]
DISCIPLINE_PAGES = {
    Discipline.STRATEGY: "strategy",
    Discipline.CUSTOMER_UNDERSTANDING: "customer-understanding",
    Discipline.DESIGN: "design",
    Discipline.MEASUREMENT: "measurement",
    Discipline.GOVERNANCE: "governance-discipline",
    Discipline.CULTURE: "culture",
}


def _shown(at) -> str:
    """The page's visible text, after checking it ran cleanly and every text key exists."""
    assert not at.exception, at.exception
    shown = texts(at)
    assert "⟦" not in shown, "a text key is missing from the catalog"
    return shown


def _plotly_charts(at) -> int:
    return len(at.get("plotly_chart"))


@pytest.mark.parametrize("lang", LANGS)
def test_portfolio_on_an_empty_database_welcomes_and_offers_the_demo(monkeypatch, database_url, lang):
    at = open_page(monkeypatch, database_url, "portfolio", lang=lang)
    shown = _shown(at)
    assert t("portfolio.empty.title", lang) in shown
    assert t("portfolio.empty.body", lang).split("  \n")[0] in shown
    assert t("demo.offer.text", lang) in shown
    assert _plotly_charts(at) == 0


def test_one_click_on_the_empty_portfolio_loads_the_demo(monkeypatch, sqlite_url):
    at = open_page(monkeypatch, sqlite_url, "portfolio")
    at.button(key="cxgov_demo_load").click().run()
    shown = _shown(at)
    assert t("portfolio.empty.title", "en") not in shown
    assert t("portfolio.attention.header", "en") in shown
    assert _plotly_charts(at) == 3


LEADERSHIP_PAGES = ["portfolio", "board", *DISCIPLINE_PAGES.values()]


def test_every_leadership_page_on_the_demo_portfolio(monkeypatch, engine, database_url):
    with session_scope(engine, write=True) as session:
        load_demo_portfolio(session=session, actor=SYSTEM_ACTOR)
    for url_path in LEADERSHIP_PAGES:
        for lang in LANGS:
            at = open_page(monkeypatch, database_url, url_path, lang=lang)
            shown = _shown(at)
            assert link_tables(at), f"{url_path} ({lang}) shows no initiatives table on the demo portfolio"
            assert t("discipline.initiatives.none", lang) not in shown


@pytest.mark.parametrize("lang", LANGS)
def test_portfolio_with_data_shows_tiles_charts_and_reasons(monkeypatch, engine, database_url, lang):
    build_portfolio(engine)
    at = open_page(monkeypatch, database_url, "portfolio", lang=lang)
    shown = _shown(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("portfolio.metric.open", lang)] == "5"
    assert metrics[t("portfolio.metric.red", lang)] == "1"
    # tiles show whole euros: millions with cents do not fit a tile in Dutch
    assert metrics[t("portfolio.metric.planned", lang)] == ("€\xa017.000" if lang == "nl" else "€17,000")
    spent = next(m for m in at.metric if m.label == t("portfolio.metric.actual", lang))
    assert spent.delta.startswith("-")  # under plan: st.metric needs the sign first to point the arrow down
    assert RED_REASON in shown and AMBER_REASON in shown
    [attention] = link_tables(at)
    assert all(href.startswith("initiative?id=") for href in attention.hrefs)  # titles link to the detail page
    assert list(attention.frame.columns[:4]) == [
        t(f"portfolio.col.{c}", lang) for c in ("title", "health", "reason", "owner")
    ]
    assert attention.column(t("portfolio.col.reason", lang)) == [RED_REASON, AMBER_REASON]  # red first
    assert t("portfolio.attention.header", lang) in shown
    assert _plotly_charts(at) == 3


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("discipline", list(DISCIPLINE_PAGES))
def test_discipline_page_on_an_empty_database_explains_the_discipline(monkeypatch, sqlite_url, discipline, lang):
    at = open_page(monkeypatch, sqlite_url, DISCIPLINE_PAGES[discipline], lang=lang)
    shown = _shown(at)
    assert t(f"discipline.{discipline.value}.about", lang) in shown
    assert t("discipline.initiatives.none", lang) in shown
    assert t("discipline.kpis.none", lang) in shown


@pytest.mark.parametrize("lang", LANGS)
def test_design_page_with_data_lists_initiatives_kpis_and_trend(monkeypatch, engine, database_url, lang):
    build_portfolio(engine)
    at = open_page(monkeypatch, database_url, "design", lang=lang)
    shown = _shown(at)
    assert t("discipline.design.about", lang) in shown
    assert RED_REASON in shown and "Anna de Vries" in shown
    assert "Where-is-my-order share" in shown
    kpis = next(df.value for df in at.dataframe if "Where-is-my-order share" in df.value.to_string())
    assert kpis.iloc[0][["latest", "previous_year"]].tolist() == ["21", "28"]  # as measured, in the locale
    assert t("discipline.initiatives.shown.2", lang, shown=2, total=2) in shown
    assert _plotly_charts(at) == 1  # the chosen KPI's monthly trend


def test_discipline_filters_narrow_the_initiatives(monkeypatch, engine, database_url):
    build_portfolio(engine)
    at = open_page(monkeypatch, database_url, "design")
    at.multiselect(key="design_filter_phase").set_value(["check"]).run()
    shown = _shown(at)
    assert AMBER_REASON in shown and RED_REASON not in shown
    assert t("discipline.initiatives.shown.2", "en", shown=1, total=2) in shown
    at.multiselect(key="design_filter_owner").set_value(["Anna de Vries"]).run()
    assert t("common.no_results", "en") in _shown(at)


@pytest.mark.parametrize("lang", LANGS)
def test_discipline_with_one_initiative_counts_it_in_the_singular(monkeypatch, engine, database_url, lang):
    build_portfolio(engine)
    shown = _shown(open_page(monkeypatch, database_url, "culture", lang=lang))  # culture: one initiative
    assert t("discipline.initiatives.shown.1", lang, shown=1) in shown
    assert ("1 of 1 initiative shown." if lang == "en" else "1 van 1 initiatief getoond.") in shown


@pytest.mark.parametrize("lang", LANGS)
def test_measurement_page_shows_its_own_kpi(monkeypatch, engine, database_url, lang):
    build_portfolio(engine)
    at = open_page(monkeypatch, database_url, "measurement", lang=lang)
    assert "Relationship NPS" in _shown(at)


@pytest.mark.parametrize("lang", LANGS)
def test_board_on_an_empty_database_has_nothing_to_decide(monkeypatch, sqlite_url, lang):
    at = open_page(monkeypatch, sqlite_url, "board", lang=lang)
    shown = _shown(at)
    assert t("board.proposals.header", lang, n=0) in shown
    assert shown.count(t("board.none", lang)) == 4


@pytest.mark.parametrize("lang", LANGS)
def test_board_with_data_lists_what_needs_a_decision(monkeypatch, engine, database_url, lang):
    build_portfolio(engine)
    at = open_page(monkeypatch, database_url, "board", lang=lang)
    shown = _shown(at)
    for key, n in (("board.proposals", 2), ("board.red", 1), ("board.on_hold", 1), ("board.overdue", 1)):
        assert t(f"{key}.header", lang, n=n) in shown
    assert "Marketing" in shown  # the requesting department of the oldest proposal
    assert RED_REASON in shown
    assert "Persona refresh" in shown and "WhatsApp service" in shown
