"""The lessons library: lessons from every initiative's Act decision, filtered by discipline, journey stage,
department, decision and text (query on both databases), and the page in English and Dutch."""

import pytest

from cxgov.db import session_scope
from cxgov.i18n import t
from cxgov.models import Role
from cxgov.queries.pdca import lessons
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.pdca import decide_act
from cxgov.services.reference import create_department, create_term
from tests.factories import add_initiative, add_person, approve_and_move
from tests.pages.harness import link_table, link_tables, open_page, texts


def _through_act(engine, initiative_id: int, decision: str, lesson: str) -> None:
    version = approve_and_move(engine, initiative_id, moves=3)
    with session_scope(engine, write=True) as session:
        decide_act(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=version,
            decision=decision,
            lesson=lesson,
        )


@pytest.fixture
def library(db):
    url, engine = db
    owner = add_person(engine, Role.MANAGER)
    with session_scope(engine, write=True) as session:
        finance = create_department(session=session, actor=SYSTEM_ACTOR, data={"name": "Finance"})
        payment = create_term(
            session=session,
            actor=SYSTEM_ACTOR,
            data={"kind": "journey_stage", "code": "payment", "name_en": "Payment", "name_nl": "Betalen"},
        )
    invoices = add_initiative(
        engine,
        owner_id=owner,
        title="B1 invoices",
        discipline="design",
        owning_department_id=finance,
        journey_stage_ids=[payment],
    )
    cards = add_initiative(engine, owner_id=owner, title="Recovery cards", discipline="culture")
    chat = add_initiative(engine, owner_id=owner, title="Chat bot", discipline="design")
    _through_act(engine, invoices, "standardise", "A one-line summary on top did most of the work")
    _through_act(engine, cards, "adjust", "Cards work when the store manager signs them")
    _through_act(engine, chat, "abandon", "Customers wanted a person, not a bot")
    add_initiative(engine, owner_id=owner, title="Still planning")  # no decision, no lesson
    return {"url": url, "engine": engine, "finance": finance, "payment": payment}


def _titles(engine, **criteria) -> list[str]:
    with session_scope(engine) as session:
        return sorted(lessons(session, **criteria)["title"])


def test_the_query_filters_every_way(library):
    engine = library["engine"]
    assert _titles(engine) == ["B1 invoices", "Chat bot", "Recovery cards"]
    assert _titles(engine, discipline="design") == ["B1 invoices", "Chat bot"]
    assert _titles(engine, department_id=library["finance"]) == ["B1 invoices"]
    assert _titles(engine, journey_stage_id=library["payment"]) == ["B1 invoices"]
    assert _titles(engine, decision="standardise") == ["B1 invoices"]  # the success stories
    assert _titles(engine, text="STORE MANAGER") == ["Recovery cards"]  # case-insensitive, in the lesson
    assert _titles(engine, text="chat") == ["Chat bot"]  # and in the title


@pytest.mark.parametrize(("lang", "title"), [("en", "Lessons library"), ("nl", "Lessenbibliotheek")])
def test_the_page_lists_and_filters_lessons(monkeypatch, library, lang, title):
    at = open_page(monkeypatch, library["url"], "lessons", lang=lang)
    assert not at.exception, at.exception
    assert at.title[0].value == title
    table = link_table(at, "lessons_table").frame
    assert len(table) == 3 and "Customers wanted a person, not a bot" in table.to_string()
    assert list(table.columns[:3]) == (
        [t("portfolio.col.title", lang), t("lessons.decision", lang), t("lessons.col.lesson", lang)]
    )  # which, what was decided, what was learnt
    at.selectbox(key="lessons_decision").select("standardise").run()
    assert not at.exception, at.exception
    table = link_table(at, "lessons_table").frame
    assert len(table) == 1
    assert ("Success story" if lang == "en" else "Succesverhaal") in table.to_string()
    at.text_input(key="lessons_q").input("nothing like this").run()
    assert not link_tables(at) and ("Nothing matches" if lang == "en" else "Niets voldoet") in texts(at)


def test_an_empty_library_explains_where_lessons_come_from(monkeypatch, db):
    at = open_page(monkeypatch, db[0], "lessons")
    assert not at.exception, at.exception
    assert "No lessons yet" in texts(at)


def test_the_filters_are_kept_in_the_url_to_share(monkeypatch, library):
    at = open_page(monkeypatch, library["url"], "lessons", query={"discipline": "design", "q": "summary"})
    assert not at.exception, at.exception
    assert at.selectbox(key="lessons_discipline").value == "design"
    shown = link_table(at, "lessons_table")
    assert shown.column(t("portfolio.col.title")) == ["B1 invoices"]
    assert shown.hrefs[0].startswith("initiative?id=")
    at.selectbox(key="lessons_decision").select("standardise").run()
    assert (at.query_params["decision"], at.query_params["discipline"], at.query_params["q"]) == (
        "standardise",
        "design",
        "summary",
    )
    at.selectbox(key="lessons_discipline").select(None).run()
    assert "discipline" not in at.query_params  # what is not chosen stays out of the link
