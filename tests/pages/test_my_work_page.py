"""My work on the page: managers and contributors land on it; it lists what needs them with urgency in words."""

from datetime import date, timedelta

import pytest

from cxgov.db import session_scope
from cxgov.models import Milestone, Role
from tests.factories import add_initiative, add_person, approve_and_move
from tests.pages.harness import link_table, open_page, texts


@pytest.fixture
def people(db):
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    leader = add_person(engine, Role.LEADER, name="Lotte Leader")
    initiative = add_initiative(
        engine, owner_id=manager, title="Callback pilot", start_date=date.today() - timedelta(days=45)
    )
    approve_and_move(engine, initiative, 1)
    with session_scope(engine, write=True) as session:
        session.add(
            Milestone(initiative_id=initiative, title="Pilot in two stores", due_on=date.today() - timedelta(days=3))
        )
    return {"url": url, "manager": manager, "leader": leader, "initiative": initiative}


@pytest.mark.parametrize(("who", "landing"), [("manager", "My work"), ("leader", "Portfolio overview")])
def test_managers_land_on_my_work_and_leaders_on_the_portfolio(monkeypatch, people, who, landing):
    at = open_page(monkeypatch, people["url"], None, acting=people[who])
    assert not at.exception, at.exception
    assert at.title[0].value == landing


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_list_says_what_is_due_and_how_urgent(monkeypatch, people, lang):
    at = open_page(monkeypatch, people["url"], "my-work", lang=lang, acting=people["manager"])
    assert not at.exception, at.exception
    shown = link_table(at, "my_work_table")
    table = shown.frame
    rows = {row[0]: row for row in table.itertuples(index=False)}  # urgency -> row
    overdue_check_in, overdue_milestone = (
        ("15 days overdue", "3 days overdue") if lang == "en" else ("15 dagen te laat", "3 dagen te laat")
    )
    assert rows[overdue_check_in][1] == ("Check-in due" if lang == "en" else "Check-in doen")
    assert rows[overdue_milestone][3] == "Pilot in two stores"
    assert list(table.iloc[:, 0]) == [overdue_check_in, overdue_milestone]  # most urgent first
    assert list(table.iloc[:, 2]) == ["Callback pilot"] * 2  # the initiative each row is about
    assert shown.hrefs == [f"initiative?id={people['initiative']}"] * 2  # each row links to its initiative
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[("Check-ins due" if lang == "en" else "Check-ins te doen")] == "1"


def test_a_reader_without_a_person_or_without_work_is_told_so(monkeypatch, db):
    url, _ = db
    at = open_page(monkeypatch, url, "my-work")  # SQLite: the demo picker with nobody; PostgreSQL: a viewer
    assert not at.exception, at.exception
    expected = "Choose who you are" if url.startswith("sqlite") else "Nothing needs you right now."
    assert expected in texts(at)
