"""The meetings list and one meeting's page, in English and Dutch: what the secretary (programme office), a leader
chairing, a member and a viewer see and may do; every form's save and its refusal (a stale page offers Reload,
hostile text stays text); the banners of a meeting held without quorum and of one whose minutes are approved."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import AgendaItem, BoardAsk, Meeting, MeetingMember, MeetingStatus, Role
from cxgov.rules.meetings import default_pre_read_due
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.agenda import update_agenda_item
from cxgov.services.initiatives import record_check_in
from cxgov.ui.kit.safe import plain
from tests.factories import add_agenda_item, add_decision, add_initiative, add_meeting, add_person
from tests.hostile import BY_KEY, fit, seed_corpus, unescaped_payloads
from tests.pages.harness import link_table, open_page, texts
from tests.pages.test_hostile_rendering import assert_safe

SOON = datetime.combine(datetime.now(UTC).date() + timedelta(days=30), time(8, 0), tzinfo=UTC)  # asks still open
HOSTILE = BY_KEY["html_link"].text


@pytest.fixture
def board(db):
    url, engine = db
    people = {
        "secretary": add_person(engine, Role.PROGRAMME_OFFICE, name="Pim Office"),
        "chair": add_person(engine, Role.LEADER, name="Lotte Leader"),
        "member": add_person(engine, Role.MANAGER, name="Mila Manager"),
        "viewer": add_person(engine, Role.VIEWER, name="Vera Viewer"),
        "other_leader": add_person(engine, Role.LEADER, name="Otto Leader"),
    }
    red = add_initiative(engine, owner_id=people["member"], title="Callback within 24 hours")
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=red,
            data={"checkin_date": SOON.date() - timedelta(days=40), "health": "red", "reason": "Supplier late"},
        )
        invited = {"chair_id": people["chair"], "secretary_id": people["secretary"]}
        members = [people["chair"], people["secretary"], people["member"]]
        published = add_meeting(session, status="agenda_published", starts_at=SOON, member_ids=members, **invited)
        draft = add_meeting(session, starts_at=SOON + timedelta(days=91), member_ids=members, **invited)
        for position, title in enumerate(("Welcome", "Customer complaints", "Any questions"), start=1):
            add_agenda_item(session, meeting_id=published, title=title, position=position, duration_minutes=20)
    return {"url": url, "engine": engine, "red": red, "published": published, "draft": draft} | people


def _meeting(monkeypatch, b, who, meeting="published", lang="en"):
    return open_page(monkeypatch, b["url"], "meeting", lang=lang, acting=b[who], query={"id": str(b[meeting])})


def _agenda(b, meeting="published") -> list[tuple[str, str]]:
    with session_scope(b["engine"]) as session:
        items = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == b[meeting]).order_by(AgendaItem.position)
        ).all()
        return [(i.title or i.section.value, i.status.value) for i in items]


def _ids(b, meeting="published") -> list[int]:
    with session_scope(b["engine"]) as session:
        return list(
            session.exec(
                select(AgendaItem.id).where(AgendaItem.meeting_id == b[meeting]).order_by(AgendaItem.position)
            ).all()
        )


def _links(at) -> list[str]:
    return [link.proto.label for link in at.get("page_link")]


def _keys(at, prefix: str) -> set[str]:
    return {b.key for b in at.button if (b.key or "").startswith(prefix)}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_list_shows_the_meetings_each_person_may_see(monkeypatch, board, lang):
    at = open_page(monkeypatch, board["url"], "meetings", lang=lang, acting=board["secretary"])
    assert not at.exception, at.exception
    table = link_table(at, "meetings_table")
    assert table.hrefs == [f"meeting?id={board['draft']}", f"meeting?id={board['published']}"]
    assert ("Concept" if lang == "nl" else "Draft") in table.frame.to_string()
    assert _keys(at, "new_meeting.create")
    at.button(key=f"propose_next_{board['draft']}").click().run()  # the body's latest meeting
    assert not at.exception, at.exception
    with session_scope(board["engine"]) as session:
        proposed = session.exec(select(Meeting).where(Meeting.previous_meeting_id == board["draft"])).one()
        assert proposed.status is MeetingStatus.DRAFT
    assert at.title[0].value == plain(f"CX board · {'kwartaal ' if lang == 'nl' else ''}{proposed.quarter}")
    at = open_page(monkeypatch, board["url"], "meetings", lang=lang, acting=board["viewer"])
    assert link_table(at, "meetings_table").hrefs == [f"meeting?id={board['published']}"]
    assert not _keys(at, "new_meeting") and not _keys(at, "propose_next")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_viewer_reads_a_published_meeting_without_controls_and_never_a_draft(monkeypatch, board, lang):
    at = _meeting(monkeypatch, board, "viewer", lang=lang)
    assert not at.exception, at.exception
    shown = texts(at)
    assert "Customer complaints" in shown and "Pim Office" in shown
    assert ("Agenda published" if lang == "en" else "Agenda gepubliceerd") in shown
    assert not _keys(at, "agenda_") and not _keys(at, "meeting_close") and not _keys(at, "propose_next")
    assert ("Present" if lang == "en" else "Presenteren") in _links(at)
    assert len([e for e in at.expander if e.label in ("Live data", "Actuele gegevens")]) == 3  # one per item
    assert not [f for f in at.get("form") if "attendance" in (f.proto.form_id or "")]
    at = _meeting(monkeypatch, board, "viewer", meeting="draft", lang=lang)
    assert ("does not exist" if lang == "en" else "bestaat niet") in texts(at)
    assert "Customer complaints" not in texts(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_member_reads_the_draft_of_their_meeting(monkeypatch, board, lang):
    at = _meeting(monkeypatch, board, "member", meeting="draft", lang=lang)
    assert not at.exception, at.exception
    assert ("Draft agenda" if lang == "en" else "Conceptagenda") in texts(at)
    assert not _keys(at, "agenda_")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_secretary_creates_a_meeting_and_lands_on_it(monkeypatch, board, lang):
    at = open_page(monkeypatch, board["url"], "meetings", lang=lang, acting=board["secretary"])
    assert at.session_state["new_meeting.pre_read"] < at.session_state["new_meeting.day"]
    at.text_input(key="new_meeting.place").input("Room 4.12")
    at.selectbox(key="new_meeting.chair_id").set_value(board["chair"])
    at.multiselect(key="new_meeting.m").set_value([board["chair"], board["member"]])
    at.button(key="new_meeting.create").click().run()
    assert not at.exception, at.exception
    with session_scope(board["engine"]) as session:
        created = session.exec(select(Meeting).where(Meeting.place == "Room 4.12")).one()
        assert (created.chair_id, created.secretary_id, created.status) == (
            board["chair"],
            board["secretary"],
            MeetingStatus.DRAFT,
        )
        local = created.starts_at.replace(tzinfo=UTC).astimezone(ZoneInfo("Europe/Amsterdam"))
        assert (local.hour, local.minute) == (14, 0)  # the time typed, on the installation's clock
        assert created.pre_read_due == default_pre_read_due(local.date())
    assert at.title[0].value == plain(f"CX board · {'kwartaal ' if lang == 'nl' else ''}{created.quarter}")  # its page


def test_a_person_both_member_and_guest_is_refused_by_field(monkeypatch, board):
    at = open_page(monkeypatch, board["url"], "meetings", acting=board["secretary"])
    at.selectbox(key="new_meeting.chair_id").set_value(board["chair"])
    at.multiselect(key="new_meeting.m").set_value([board["member"]])
    at.multiselect(key="new_meeting.g").set_value([board["member"]])
    at.button(key="new_meeting.create").click().run()
    assert "Guests" in texts(at)
    with session_scope(board["engine"]) as session:
        assert len(session.exec(select(Meeting)).all()) == 2


def test_the_pre_read_deadline_follows_the_date_until_changed(monkeypatch, board):
    at = open_page(monkeypatch, board["url"], "meetings", acting=board["secretary"])
    day = datetime(2027, 3, 15).date()  # a Monday: five working days before is the Monday before
    at.date_input(key="new_meeting.day").set_value(day).run()
    assert at.session_state["new_meeting.pre_read"] == datetime(2027, 3, 8).date()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_secretary_proposes_reorders_removes_and_publishes(monkeypatch, board, lang):
    at = _meeting(monkeypatch, board, "secretary", meeting="draft", lang=lang)
    at.button(key=f"agenda_propose_{board['draft']}").click().run()
    assert not at.exception, at.exception
    assert len(_agenda(board, "draft")) == 10
    first, second = _ids(board, "draft")[:2]
    at.button(key=f"agenda_down_{first}").click().run()
    assert _ids(board, "draft")[:2] == [second, first]
    at.button(key=f"agenda_remove_{first}").click().run()
    assert dict(_agenda(board, "draft"))["opening"] == "removed"
    at.button(key=f"agenda_publish_{board['draft']}").click().run()
    with session_scope(board["engine"]) as session:
        assert session.get(Meeting, board["draft"]).status is MeetingStatus.AGENDA_PUBLISHED


def test_a_stale_page_offers_reload_and_then_saves(monkeypatch, board):
    at = _meeting(monkeypatch, board, "secretary")
    ids = _ids(board)
    with session_scope(board["engine"], write=True) as session:  # someone else moves the meeting on meanwhile
        session.get(Meeting, board["published"]).version += 1
    at.button(key=f"agenda_down_{ids[0]}").click().run()
    assert not at.exception, at.exception
    assert _ids(board) == ids
    assert "Reload" in at.error[0].value
    [reload] = [b for b in at.button if (b.key or "").startswith("meeting_reload")]
    reload.click().run()
    at.button(key=f"agenda_down_{ids[0]}").click().run()
    assert not at.error, [e.value for e in at.error]
    assert _ids(board) == [ids[1], ids[0], ids[2]]


def test_an_item_is_edited_and_hostile_text_stays_text(monkeypatch, board):
    at = _meeting(monkeypatch, board, "secretary")
    item = _ids(board)[1]
    at.button(key=f"agenda_edit_{item}").click().run()
    at.text_area(key=f"agenda_item_{item}.commentary").input(HOSTILE)
    at.number_input(key=f"agenda_item_{item}.minutes").set_value(35)
    at.button(key=f"agenda_item_{item}.save").click().run()
    assert not at.exception, at.exception
    with session_scope(board["engine"]) as session:
        saved = session.get(AgendaItem, item)
        assert (saved.commentary, saved.duration_minutes) == (HOSTILE, 35)
    assert_safe(at, "agenda with hostile commentary")
    assert plain(HOSTILE) in texts(at)
    assert "75 of 120 minutes planned." in texts(at)


def test_an_item_edit_on_a_stale_item_offers_reload(monkeypatch, board):
    at = _meeting(monkeypatch, board, "secretary")
    item = _ids(board)[0]
    at.button(key=f"agenda_edit_{item}").click().run()
    with session_scope(board["engine"], write=True) as session:
        update_agenda_item(session=session, actor=SYSTEM_ACTOR, item_id=item, seen_version=1, changes={"title": "New"})
    at.button(key=f"agenda_item_{item}.save").click().run()
    assert [b for b in at.button if b.key == f"agenda_item_{item}.reload"]
    with session_scope(board["engine"]) as session:
        assert session.get(AgendaItem, item).title == "New"


def test_a_topic_is_added_and_the_backlog_taken_up(monkeypatch, board):
    with session_scope(board["engine"], write=True) as session:
        add_agenda_item(session, meeting_id=board["published"], title="Waits", position=9, status="not_reached")
    at = _meeting(monkeypatch, board, "secretary", meeting="draft")
    at.text_input(key=f"agenda_add_{board['draft']}.title").input("Chatbot pilot")
    at.button(key=f"agenda_add_{board['draft']}.submit").click().run()
    assert not at.exception, at.exception
    assert _agenda(board, "draft") == [("Chatbot pilot", "planned")]
    [take_up] = [b for b in at.button if (b.key or "").startswith("agenda_take_up_")]
    take_up.click().run()
    assert _agenda(board, "draft") == [("Chatbot pilot", "planned"), ("Waits", "planned")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_attendance_is_recorded_and_the_meeting_closed(monkeypatch, board, lang):
    at = _meeting(monkeypatch, board, "chair", lang=lang)
    at.button(key=f"meeting_close_{board['published']}").click().run()
    assert at.error  # attendance not recorded for every member: refused
    with session_scope(board["engine"]) as session:
        assert session.get(Meeting, board["published"]).status is MeetingStatus.AGENDA_PUBLISHED
    for who, value in (("chair", "present"), ("secretary", "present"), ("member", "apologies")):
        at.radio(key=f"attendance_{board['published']}_{board[who]}").set_value(value)
    at.button(key=f"attendance_save_{board['published']}").click().run()
    assert ("2 of 3 members present; quorum 2" if lang == "en" else "2 van 3 leden aanwezig; quorum 2") in texts(at)
    at.button(key=f"meeting_close_{board['published']}").click().run()
    assert not at.exception, at.exception
    with session_scope(board["engine"]) as session:
        assert session.get(Meeting, board["published"]).status is MeetingStatus.HELD


def test_a_leader_who_does_not_chair_gets_no_controls(monkeypatch, board):
    at = _meeting(monkeypatch, board, "other_leader")
    assert not _keys(at, "agenda_") and not _keys(at, "meeting_close")


def test_the_owner_writes_the_ask_and_everyone_reads_it_as_text(monkeypatch, board):
    at = _meeting(monkeypatch, board, "member")
    assert "Callback within 24 hours" in _links(at)  # red: its owner may ask the board
    key = f"board_ask_{board['published']}_{board['red']}"
    at.text_area(key=f"{key}.text").input(HOSTILE)
    at.button(key=f"{key}.save").click().run()
    assert not at.exception, at.exception
    with session_scope(board["engine"]) as session:
        assert session.get(BoardAsk, (board["published"], board["red"])).ask == HOSTILE
    at = _meeting(monkeypatch, board, "viewer")
    assert_safe(at, "asks")
    assert plain(HOSTILE) in texts(at)
    assert not [t for t in at.text_area if t.key == f"{key}.text"]


def test_the_minutes_start_from_the_draft_and_are_saved_as_text(monkeypatch, board):
    at = _meeting(monkeypatch, board, "secretary")
    editor = at.text_area(key=f"minutes_{board['published']}")
    assert editor.value.startswith("# Minutes: CX board")
    editor.input(f"# Minutes\n- {HOSTILE}\nDone.")
    at.button(key=f"minutes_save_{board['published']}").click().run()
    assert not at.exception, at.exception
    with session_scope(board["engine"]) as session:
        assert session.get(Meeting, board["published"]).minutes.startswith("# Minutes")
    assert_safe(at, "minutes")
    assert not unescaped_payloads(texts(at))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_meeting_held_without_quorum_says_so_everywhere(monkeypatch, board, lang):
    with session_scope(board["engine"], write=True) as session:
        session.get(Meeting, board["published"]).status = MeetingStatus.HELD
        for member in session.exec(select(MeetingMember).where(MeetingMember.meeting_id == board["published"])):
            member.attendance = "present" if member.person_id == board["chair"] else "absent"
    at = _meeting(monkeypatch, board, "viewer", lang=lang)
    assert ("Held without quorum" if lang == "en" else "Gehouden zonder quorum") in texts(at)
    at = open_page(monkeypatch, board["url"], "meetings", lang=lang, acting=board["viewer"])
    assert ("Held without quorum" if lang == "en" else "Gehouden zonder quorum") in link_table(
        at, "meetings_table"
    ).frame.to_string()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_approved_minutes_lock_the_meeting(monkeypatch, board, lang):
    with session_scope(board["engine"], write=True) as session:
        session.get(Meeting, board["published"]).status = MeetingStatus.MINUTES_APPROVED
        approving = add_decision(
            session, meeting_id=board["draft"], kind="note", approves_minutes_of_id=board["published"]
        )
    at = _meeting(monkeypatch, board, "secretary", lang=lang)
    shown = texts(at)
    assert ("permanent record" if lang == "en" else "ligt vast") in shown
    assert f"#{approving}" in shown
    assert not _keys(at, "agenda_") and not _keys(at, "meeting_close") and not _keys(at, "minutes_save")


def test_after_the_deadline_only_the_asks_written_are_shown(monkeypatch, board):
    with session_scope(board["engine"], write=True) as session:
        session.get(Meeting, board["published"]).pre_read_due = SOON.date() - timedelta(days=60)
    at = _meeting(monkeypatch, board, "member")
    assert "Callback within 24 hours" not in _links(at)  # red today, but nobody asked anything of that meeting
    assert "No asks were written for this meeting." in texts(at)
    assert not [t for t in at.text_area if (t.key or "").startswith("board_ask_")]


def test_each_hostile_meeting_renders_every_tab_as_text(monkeypatch, db):
    """The corpus in every text of a meeting (body, place, topic, commentary, minutes, ask, decision, action):
    the meetings list and each meeting's page, all tabs and the secretary's editors, show it as text."""
    url, engine = db
    seed = seed_corpus(engine)
    at = open_page(monkeypatch, url, "meetings", acting=seed.admin_id)
    assert_safe(at, "meetings list")
    for key, meeting_id in seed.meeting_ids.items():
        at = open_page(monkeypatch, url, "meeting", acting=seed.admin_id, query={"id": str(meeting_id)})
        assert_safe(at, f"meeting {key}")
        assert at.title[0].value.startswith(plain(fit(BY_KEY[key].text, 120).strip())[:20]), key
