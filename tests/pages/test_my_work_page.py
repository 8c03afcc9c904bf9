"""My work on the page: managers and contributors land on it; it lists what needs them with urgency in words."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from cxgov.db import session_scope
from cxgov.models import ActionItem, ActionStatus, Milestone, Role
from cxgov.rules.meetings import quarter_of
from tests.factories import add_initiative, add_open_meeting, add_person, approve_and_move
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


@pytest.fixture
def meeting_actions(db):
    """A contributor with two open action items from a CX board meeting: one overdue, one on an initiative."""
    url, engine = db
    secretary = add_person(engine, Role.PROGRAMME_OFFICE, name="Sara Secretary")
    owner = add_person(engine, Role.CONTRIBUTOR, name="Cas Contributor")
    initiative = add_initiative(engine, owner_id=secretary, title="Callback pilot")
    with session_scope(engine, write=True) as session:
        meeting = add_open_meeting(
            session,
            starts_at=datetime.combine(date.today() - timedelta(days=20), time(12), tzinfo=UTC),
            chair_id=secretary,
            secretary_id=secretary,
        )
        for text, due, initiative_id in (
            ("Send the callback script", -2, None),
            ("Brief the stores", 5, initiative),
        ):
            session.add(
                ActionItem(
                    meeting_id=meeting,
                    text=text,
                    owner_id=owner,
                    due_on=date.today() + timedelta(days=due),
                    initiative_id=initiative_id,
                )
            )
    return {"url": url, "engine": engine, "owner": owner, "initiative": initiative}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_meeting_actions_are_listed_with_urgency_and_marked_done_with_a_note(monkeypatch, meeting_actions, lang):
    at = open_page(monkeypatch, meeting_actions["url"], "my-work", lang=lang, acting=meeting_actions["owner"])
    assert not at.exception, at.exception
    shown = link_table(at, "my_meeting_actions_table")
    overdue, soon = ("2 days overdue", "Due in 5 days") if lang == "en" else ("2 dagen te laat", "Over 5 dagen")
    assert list(shown.frame.iloc[:, 0]) == [overdue, soon]
    assert list(shown.frame.iloc[:, 1]) == ["Send the callback script", "Brief the stores"]
    assert list(shown.frame.iloc[:, 2]) == [f"CX board · {quarter_of(date.today() - timedelta(days=20))}"] * 2
    assert shown.hrefs == [None, f"initiative?id={meeting_actions['initiative']}"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Milestones and actions due" if lang == "en" else "Mijlpalen en acties"] == "2"
    at.selectbox(key="my_meeting_action.which").set_value(at.selectbox(key="my_meeting_action.which").options[0])
    at.text_area(key="my_meeting_action.note").input("Sent to all 40 stores")
    [submit_button] = [b for b in at.button if b.label in ("Mark done", "Gedaan")]
    submit_button.click().run()
    assert not at.exception, at.exception
    with session_scope(meeting_actions["engine"]) as session:
        done = session.exec(select(ActionItem).where(ActionItem.status == ActionStatus.DONE)).scalars().all()
    assert [(a.text, a.closing_note, a.closed_by_id) for a in done] == [
        ("Send the callback script", "Sent to all 40 stores", meeting_actions["owner"])
    ]
    assert list(link_table(at, "my_meeting_actions_table").frame.iloc[:, 1]) == ["Brief the stores"]
    assert ("Action item marked done." if lang == "en" else "Actiepunt als gedaan gemeld.") in texts(at)
