"""The "update my initiatives" page in AppTest: the grid lists the person's open initiatives, edits are simulated
through the editor's session state (the edits a browser would send), and a row changed by another session between runs is
warned about, reported and left untouched while the other edited row is saved."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import CheckIn, Initiative, Milestone, Role
from cxgov.services.initiatives import record_check_in
from cxgov.ui.bulk_update import STATE_KEY
from tests.factories import add_initiative, add_person, approve_and_move
from tests.hostile import seed_corpus
from tests.pages.harness import open_page, texts
from tests.pages.test_hostile_rendering import assert_safe


@pytest.fixture
def portfolio(db):
    url, engine = db
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    office = add_person(engine, Role.PROGRAMME_OFFICE, name="Paul Programme")
    ids = {
        title: add_initiative(engine, owner_id=owner, title=title)
        for title in ("Callback promise", "Plain invoices", "Store survey")
    }
    add_initiative(engine, owner_id=office, title="Someone else's work")
    add_initiative(engine, owner_id=owner, title="Finished work", status="completed", phase="act")
    return {"url": url, "engine": engine, "owner": owner, "office": office, "ids": ids}


def _editor_key(at) -> str:
    return at.session_state[STATE_KEY].editor_key()


def _edit(at, rows: dict[int, dict]) -> None:
    """What the browser sends after cell edits: positions of the rows as shown, and the new cell values."""
    at.session_state[_editor_key(at)] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}


def _save(at):
    return at.button(key="bulk_update_save").click().run()


def _check_ins(engine, initiative_id):
    with session_scope(engine) as session:
        return session.exec(select(CheckIn).where(CheckIn.initiative_id == initiative_id)).all()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_grid_lists_only_my_open_initiatives(monkeypatch, portfolio, lang):
    at = open_page(monkeypatch, portfolio["url"], "bulk-update", lang=lang, acting=portfolio["owner"])
    assert not at.exception, at.exception
    assert at.title[0].value == ("Update my initiatives" if lang == "en" else "Mijn initiatieven bijwerken")
    [grid] = at.data_editor
    assert list(grid.value["title"]) == ["Callback promise", "Plain invoices", "Store survey"]  # text, no link
    assert "bulk_update_owner" not in [s.key for s in at.selectbox]  # a manager sees only their own
    links = at.get("page_link")  # the real links to each initiative's page, beside the grid
    ids = portfolio["ids"]
    assert [(link.proto.label, link.proto.page, link.proto.query_string) for link in links] == [
        (title, "initiative", f"id={ids[title]}") for title in ("Callback promise", "Plain invoices", "Store survey")
    ]


def test_the_programme_office_filters_by_owner(monkeypatch, portfolio):
    at = open_page(monkeypatch, portfolio["url"], "bulk-update", acting=portfolio["office"])
    assert not at.exception, at.exception
    assert len(at.data_editor[0].value) == 4  # every open initiative
    at.selectbox(key="bulk_update_owner").set_value(portfolio["office"]).run()
    assert list(at.data_editor[0].value["title"]) == ["Someone else's work"]


def test_a_viewer_is_told_there_is_nothing_to_update(monkeypatch, portfolio):
    viewer = add_person(portfolio["engine"], Role.VIEWER)
    at = open_page(monkeypatch, portfolio["url"], "bulk-update", acting=viewer)
    assert not at.exception, at.exception
    assert not at.data_editor and "does not allow status updates" in texts(at)


def test_two_rows_edited_one_changed_underneath_is_reported_and_the_other_saved(monkeypatch, portfolio):
    engine, ids = portfolio["engine"], portfolio["ids"]
    at = open_page(monkeypatch, portfolio["url"], "bulk-update", acting=portfolio["owner"])
    # rows by title: 0 Callback promise, 1 Plain invoices, 2 Store survey
    _edit(
        at, {0: {"health": "amber", "reason": "Waiting for IT", "progress_pct": 30}, 1: {"target_date": "2027-04-30"}}
    )
    at.run()
    assert not at.exception and not at.warning
    with session_scope(engine, write=True) as session:  # another session checks in meanwhile
        record_check_in(
            session=session,
            actor=portfolio["office"],
            initiative_id=ids["Callback promise"],
            data={"checkin_date": date.today(), "health": "red", "reason": "Budget frozen"},
        )
    at.run()
    assert not at.exception, at.exception
    warning = at.warning[0].value
    assert "Callback promise" in warning and "Paul Programme" in warning
    assert "Plain invoices" not in warning
    _save(at)
    assert not at.exception, at.exception
    assert [c.reason for c in _check_ins(engine, ids["Callback promise"])] == ["Budget frozen"]  # untouched
    with session_scope(engine) as session:
        assert session.get(Initiative, ids["Plain invoices"]).target_date == date(2027, 4, 30)
    report = at.error[0].value
    assert "1 saved, 1 changed meanwhile, 0 with errors" in report and "Callback promise" in report
    # The refused row keeps the person's edits on screen; the saved row shows what is stored now.
    shown = at.data_editor[0].value.set_index("title")
    assert shown.loc["Callback promise", "reason"] == "Waiting for IT"
    assert shown.loc["Plain invoices", "target_date"] == date(2027, 4, 30)
    assert "Callback promise" in at.warning[0].value  # still changed underneath until reloaded
    at.button(key="bulk_update_reload").click().run()
    assert not at.exception and not at.warning
    shown = at.data_editor[0].value
    assert next(iter(shown["reason"])) == "Budget frozen"


def test_an_invalid_row_gets_its_message_and_the_valid_row_is_saved(monkeypatch, portfolio):
    engine, ids = portfolio["engine"], portfolio["ids"]
    at = open_page(monkeypatch, portfolio["url"], "bulk-update", acting=portfolio["owner"])
    _edit(at, {0: {"health": "red", "reason": ""}, 2: {"health": "green", "progress_pct": 100}})
    _save(at)
    assert not at.exception, at.exception
    report = at.error[0].value
    assert "1 saved, 0 changed meanwhile, 1 with errors" in report
    assert (
        "**Callback promise** (not saved): Reason \\(required unless green\\)\\: is required unless the health"
        in report
    )
    assert _check_ins(engine, ids["Callback promise"]) == []
    [saved] = _check_ins(engine, ids["Store survey"])
    assert (saved.health, saved.progress_pct) == ("green", 100)


def test_without_edits_a_change_underneath_simply_shows(monkeypatch, portfolio):
    """Nothing to lose, so no warning: the grid takes a fresh snapshot."""
    engine, ids = portfolio["engine"], portfolio["ids"]
    at = open_page(monkeypatch, portfolio["url"], "bulk-update", acting=portfolio["owner"])
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=portfolio["office"],
            initiative_id=ids["Store survey"],
            data={"checkin_date": date.today(), "health": "amber", "reason": "Panel too small"},
        )
    at.run()
    assert not at.warning  # nothing to lose: the grid shows the new check-in
    assert list(at.data_editor[0].value["reason"])[2] == "Panel too small"


def test_discarding_starts_again_from_what_is_stored(monkeypatch, portfolio):
    at = open_page(monkeypatch, portfolio["url"], "bulk-update", acting=portfolio["office"])
    _edit(at, {0: {"reason": "Draft I regret"}})
    at.run()
    assert at.selectbox(key="bulk_update_owner").disabled  # another owner would drop the edit
    at.button(key="bulk_update_discard").click().run()
    assert not at.exception, at.exception
    assert "Draft I regret" not in list(at.data_editor[0].value["reason"])
    assert not at.selectbox(key="bulk_update_owner").disabled
    _save(at)
    assert (
        "Nothing changed" in at.info[0].value
        and _check_ins(portfolio["engine"], portfolio["ids"]["Callback promise"]) == []
    )


def test_hostile_titles_in_the_warning_and_the_report_render_as_text(monkeypatch, db):
    url, engine = db
    seed = seed_corpus(engine)
    at = open_page(monkeypatch, url, "bulk-update", acting=seed.admin_id)
    rows = at.session_state[STATE_KEY].seen
    _edit(at, {position: {"progress_pct": 55} for position in range(len(rows))})
    at.run()
    with session_scope(engine, write=True) as session:  # every row changes underneath
        for initiative_id in rows:
            record_check_in(
                session=session,
                actor=seed.admin_id,
                initiative_id=initiative_id,
                data={"checkin_date": date.today(), "health": "red", "reason": "Moved"},
            )
    at.run()
    assert_safe(at, "bulk-update warning")
    assert len(at.warning[0].value.splitlines()) > len(rows)  # one line per changed initiative
    _save(at)
    assert_safe(at, "bulk-update report")
    assert f"0 saved, {len(rows)} changed meanwhile" in at.error[0].value


def test_the_grid_shows_what_the_rules_say_beside_the_reported_health(monkeypatch, portfolio):
    engine, late = portfolio["engine"], portfolio["ids"]["Plain invoices"]
    approve_and_move(engine, late, 1)
    with session_scope(engine, write=True) as session:
        session.add(Milestone(initiative_id=late, title="Pilot", due_on=date.today() - timedelta(days=20)))
    at = open_page(monkeypatch, portfolio["url"], "bulk-update", acting=portfolio["owner"])
    [grid] = at.data_editor
    derived = dict(zip(grid.value["title"], grid.value["derived"], strict=True))
    assert derived == {"Callback promise": "—", "Plain invoices": "Red — off track", "Store survey": "—"}
