"""The meeting page's Board pack tab and the line on the live data, on both databases: the versions as everyone
reads them, publishing through the form (chair, secretary, admin; never a member without the right), the line
that says the live data differs from the last pack, and the files drawn by a job of the registry."""

from __future__ import annotations

import io
import logging
import threading
from datetime import timedelta

import pytest
from pptx import Presentation
from sqlalchemy import text
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import DomainError
from cxgov.models import AgendaItem, AgendaItemKind, MeetingStatus, Person, Role
from cxgov.pack.render import FORMATS, PackFormat, render_pack
from cxgov.queries.board_pack import pack_versions, stored_pack
from cxgov.services.agenda import propose_agenda, update_agenda_item
from cxgov.services.board_pack import publish_pack
from cxgov.services.initiatives import record_check_in
from cxgov.services.pack_templates import upload_template
from cxgov.ui.governance.pack_downloads import job_key
from cxgov.ui.kit.jobs import jobs
from cxgov.ui.kit.safe import plain
from tests.audit_tampering import triggers_off
from tests.factories import add_initiative
from tests.hostile import seed_corpus
from tests.meeting_builders import make_board, meeting_row, plan_meeting, run, set_status
from tests.pack.demo_packs import Demo, load_demo, publish
from tests.pack.templates import A4, company_template
from tests.pages.harness import open_page, texts
from tests.pages.test_hostile_rendering import assert_safe

WAIT = 30  # seconds a test waits for a job it released (it ends in milliseconds)


@pytest.fixture
def pack(db):
    """A draft meeting with the proposed agenda (all ten sections) and one proposal awaiting approval, so the
    executive summary has a decision requested."""
    url, engine = db
    board = make_board(engine)
    meeting = plan_meeting(board)
    run(engine, propose_agenda, board.secretary, meeting_id=meeting, seen_version=meeting_row(engine, meeting).version)
    proposal = add_initiative(engine, owner_id=board.manager, title="Self-service returns")
    return {"url": url, "engine": engine, "board": board, "meeting": meeting, "proposal": proposal}


def _publish(p, **values) -> int:
    return run(p["engine"], publish_pack, p["board"].secretary, meeting_id=p["meeting"], language="en", **values)


def _page(monkeypatch, p, who: int, *, page="meeting", lang="en"):
    at = open_page(monkeypatch, p["url"], page, lang=lang, acting=who, query={"id": str(p["meeting"])})
    assert not at.exception, at.exception
    return at


def _stored(p, number: int):
    with session_scope(p["engine"]) as session:
        versions = pack_versions(session, p["meeting"])
        pack_id = int(versions.loc[versions["number"] == number, "id"].iloc[0])
        return stored_pack(session, pack_id)


def _paragraphs(found) -> dict[str, str]:
    summary = next(s for s in found.content.sections if s.kind == "summary")
    return {row[0]: row[3] for row in summary.table("requests").rows}


def _keys(at, prefix: str) -> list[str]:
    widgets = [*at.button, *at.text_area, *at.radio, *at.download_button]
    return [w.key for w in widgets if (w.key or "").startswith(prefix)]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_tab_lists_every_version_newest_first(monkeypatch, pack, lang):
    _publish(pack)
    _publish(pack, summary="Second thoughts")
    first, second = _stored(pack, 1), _stored(pack, 2)
    at = _page(monkeypatch, pack, pack["board"].members[1], lang=lang)  # a member: reads, may not publish
    shown = texts(at)
    version = "Versie" if lang == "nl" else "Version"
    assert shown.index(f"{version} 2") < shown.index(f"{version} 1")
    assert ("peildatum" if lang == "nl" else "cut-off") in shown
    assert ("Engels" if lang == "nl" else "English") in shown
    assert "Sam Secretary" in shown
    hashes = {c.value: c.proto.help for c in at.caption if "SHA-256" in c.value}
    for found in (first, second):
        [(line, full)] = [(v, h) for v, h in hashes.items() if found.content_hash[:12] in v]
        assert found.content_hash not in line and found.content_hash in full  # the whole hash on hover
    assert not _keys(at, f"pack_publish_{pack['meeting']}")


def test_an_empty_tab_says_no_pack_yet(monkeypatch, pack):
    at = _page(monkeypatch, pack, pack["board"].chair)
    assert "No pack has been published for this meeting yet." in texts(at)
    assert "matches the live data" not in texts(at)


@pytest.mark.parametrize("who", ["chair", "secretary", "admin"])
def test_publishing_through_the_form_stores_version_1_then_2_with_the_changed_paragraph(monkeypatch, pack, who):
    meeting, key = pack["meeting"], f"proposal:{pack['proposal']}"
    at = _page(monkeypatch, pack, getattr(pack["board"], who))
    form = f"pack_publish_{meeting}_en"
    drafted = at.text_area(key=f"{form}.{key}").value
    assert drafted.startswith("Approval requested: proposed by Max Manager")
    at.text_area(key=f"{form}.summary").input("We ask two things of you.")
    at.button(key=f"{form}.submit").click().run()
    assert not at.exception, at.exception
    assert "Version 1 published." in texts(at)
    first = _stored(pack, 1)
    assert first.intact and first.content.language == "en"
    assert _paragraphs(first) == {key: drafted}
    assert next(s for s in first.content.sections if s.kind == "summary").commentary == "We ask two things of you."
    at.text_area(key=f"{form}.{key}").input("Approve the returns pilot for one quarter.")
    at.button(key=f"{form}.submit").click().run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "Version 2 published." in shown
    assert shown.index("Version 2") < shown.index("Version 1")  # the new version on top
    assert _paragraphs(_stored(pack, 2)) == {key: "Approve the returns pilot for one quarter."}


def test_a_pack_is_published_in_the_language_chosen(monkeypatch, pack):
    at = _page(monkeypatch, pack, pack["board"].secretary)
    at.radio(key=f"pack_language_{pack['meeting']}").set_value("nl").run()
    form = f"pack_publish_{pack['meeting']}_nl"
    assert at.text_area(key=f"{form}.proposal:{pack['proposal']}").value.startswith("Goedkeuring gevraagd")
    at.button(key=f"{form}.submit").click().run()
    assert not at.exception, at.exception
    assert _stored(pack, 1).content.language == "nl"


def test_a_member_without_the_right_to_run_the_meeting_gets_no_form(monkeypatch, pack):
    _publish(pack)
    for person in (pack["board"].members[1], pack["board"].manager, pack["board"].other_leader):
        at = _page(monkeypatch, pack, person)
        assert not _keys(at, "pack_publish_") and not _keys(at, "pack_language_")


def test_a_held_meeting_refuses_with_the_services_message(monkeypatch, pack):
    set_status(pack["engine"], pack["meeting"], MeetingStatus.HELD)
    at = _page(monkeypatch, pack, pack["board"].secretary)
    at.button(key=f"pack_publish_{pack['meeting']}_en.submit").click().run()
    [error] = [e.value for e in at.error]
    assert plain("The pack cannot be published now: the meeting is Held.") in error
    with session_scope(pack["engine"]) as session:
        assert pack_versions(session, pack["meeting"]).empty


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_line_says_the_live_data_differs_only_after_a_change(monkeypatch, pack, lang):
    _publish(pack)
    at = _page(monkeypatch, pack, pack["board"].members[1], lang=lang)
    matches = "komt overeen met de actuele gegevens" if lang == "nl" else "matches the live data"
    differs = "De actuele gegevens wijken af van het pakket" if lang == "nl" else "Live data differs since pack"
    assert any(matches in c.value for c in at.caption)
    assert not any(differs in w.value for w in at.warning)
    with session_scope(pack["engine"], write=True) as session:  # a check-in made elsewhere (another server)
        record_check_in(
            session=session,
            actor=pack["board"].secretary,
            initiative_id=pack["proposal"],
            data={
                "checkin_date": meeting_row(pack["engine"], pack["meeting"]).starts_at.date() - timedelta(days=40),
                "health": "red",
                "reason": "Supplier late",
            },
        )
    at.run()  # the same session: its cached line must not survive the change
    [line] = [w.value for w in at.warning if differs in w.value]
    assert ("versie 1, peildatum" if lang == "nl" else "pack version 1 (cut-off") in line
    # The red check-in moves the portfolio's health counts, the changes, the exceptions and the check-ins'
    # freshness in the appendix; the scorecard stays as it was. Titles in the pack's language.
    moved = (
        "The portfolio on one page",
        "What changed since the last meeting",
        "Exceptions: red and amber",
        "Data freshness at the cut-off",
    )
    assert line.endswith(", ".join(plain(title) for title in moved))
    assert not any(matches in c.value for c in at.caption)
    present = _page(monkeypatch, pack, pack["board"].members[1], page="present", lang=lang)
    assert [w.value for w in present.warning if differs in w.value] == [line]


@pytest.fixture
def fake_formats(monkeypatch):
    """Formats of the test only: 'slow' waits for the test's go (and says where it is), 'broken' fails as a bug
    would, 'refused' as a domain error would."""
    go = threading.Event()

    def slow(content, *, template, progress):
        progress(0.5, "Drawing the cover")
        assert go.wait(WAIT)
        return f"pack {content.number} {template!r}".encode()

    def broken(content, *, template, progress):
        raise ZeroDivisionError("the drawing divided by zero")

    def refused(content, *, template, progress):
        raise DomainError("pack.error.held", status="enum.meetingstatus.held")

    for code, draw in (("slow", slow), ("broken", broken), ("refused", refused)):
        monkeypatch.setitem(FORMATS, code, PackFormat(code, f"application/x-{code}", draw))
    return go


def _tamper(engine, pack_id: int) -> None:
    """Change a stored section behind the app's back (its insert-only triggers off meanwhile)."""
    with triggers_off(engine, table="board_pack_section") as connection:
        connection.execute(
            text("UPDATE board_pack_section SET title = 'Doctored' WHERE pack_id = :id AND position = 1"),
            {"id": pack_id},
        )


def test_a_version_whose_hashes_fail_shows_an_error_and_no_file(monkeypatch, pack, fake_formats):
    tampered, kept = _publish(pack), _publish(pack)
    _tamper(pack["engine"], tampered)
    at = _page(monkeypatch, pack, pack["board"].members[1])
    assert [e.value for e in at.error] == [
        "This version no longer holds what was published: its stored fingerprints do not match. It is not "
        "offered for download; tell an administrator."
    ]
    assert _keys(at, "pack_produce_") == [f"pack_produce_{kept}_{code}" for code in sorted(FORMATS)]


def test_a_file_is_drawn_by_a_job_that_other_clicks_do_not_stop(monkeypatch, pack, fake_formats):
    pack_id = _publish(pack)
    at = _page(monkeypatch, pack, pack["board"].members[1])  # anyone who reads the meeting
    at.button(key=f"pack_produce_{pack_id}_slow").click().run()
    assert not at.exception, at.exception
    job = jobs().get(job_key(pack_id, "slow", None))
    assert job.running
    assert [p.proto.text for p in at.get("progress")] == ["Drawing the cover"]
    assert not at.download_button
    at.button(key=f"pack_produce_{pack_id}_broken").click().run()  # another click, while the file is drawn
    assert jobs().get(job_key(pack_id, "slow", None)) is job and job.running
    fake_formats.set()
    assert job.wait(WAIT)
    at.run()
    [download] = at.download_button
    assert (download.key, download.label) == (f"pack_download_{pack_id}_slow", "Download SLOW")
    assert job.result.data == b"pack 1 None" and job.result.name == f"board-pack-meeting-{pack['meeting']}-v1.slow"
    assert job.result.mime == "application/x-slow"
    assert not at.get("progress")  # done: nothing polls any more


def test_a_failed_file_says_why_and_offers_no_download(monkeypatch, pack, fake_formats, caplog):
    caplog.set_level(logging.ERROR, logger="cxgov.ui.kit.jobs")
    pack_id = _publish(pack)
    at = _page(monkeypatch, pack, pack["board"].members[1], lang="nl")
    for code in ("broken", "refused"):
        at.button(key=f"pack_produce_{pack_id}_{code}").click().run()
        assert jobs().get(job_key(pack_id, code, None)).wait(WAIT)
    at.run()
    [bug, refusal] = [e.value for e in at.error]
    assert bug == plain("Het bestand kon niet worden gemaakt: ZeroDivisionError.")
    assert refusal.startswith(plain("Het pakket kan nu niet worden gepubliceerd: de vergadering is Gehouden."))
    assert not at.download_button
    logged = [r for r in caplog.records if r.name == "cxgov.ui.kit.jobs"]
    assert [r.exc_info[0] for r in logged] == [ZeroDivisionError]  # the bug is logged, the refusal is not
    failed = jobs().get(job_key(pack_id, "broken", None))
    at.button(key=f"pack_produce_{pack_id}_broken").click().run()  # asked again, it is drawn again
    assert jobs().get(job_key(pack_id, "broken", None)) is not failed


def test_each_hostile_meeting_shows_its_pack_as_text(monkeypatch, db):
    """The corpus in what the tab and the line show: the decisions requested (their titles label the paragraphs,
    the owners' asks fill them) and the title of a topic that reads differently since the pack."""
    url, engine = db
    seed = seed_corpus(engine)
    for key, meeting_id in seed.meeting_ids.items():
        run(engine, publish_pack, seed.admin_id, meeting_id=meeting_id, language="en")
        with session_scope(engine) as session:
            topic = session.exec(
                select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.kind == AgendaItemKind.TOPIC)
            ).first()
        run(
            engine,
            update_agenda_item,
            seed.admin_id,
            item_id=topic.id,
            seen_version=topic.version,
            changes={"commentary": "Read again"},
        )
        at = open_page(monkeypatch, url, "meeting", acting=seed.admin_id, query={"id": str(meeting_id)})
        assert_safe(at, f"pack of meeting {key}")
        [line] = [w.value for w in at.warning if "Live data differs since pack version 1" in w.value]
        assert plain(topic.title) in line, key


def test_the_xlsx_format_is_offered_and_drawn_from_the_stored_pack(monkeypatch, pack):
    """The formats cxgov.pack.formats registers are offered as they are: the workbook of the stored version."""
    pack_id = _publish(pack)
    at = _page(monkeypatch, pack, pack["board"].secretary)
    at.button(key=f"pack_produce_{pack_id}_xlsx").click().run()
    job = jobs().get(job_key(pack_id, "xlsx", None))
    assert job.wait(WAIT) and job.error is None
    at.run()
    assert [b.key for b in at.download_button] == [f"pack_download_{pack_id}_xlsx"]
    assert job.result.name == f"board-pack-meeting-{pack['meeting']}-v1.xlsx"
    assert job.result.data == render_pack(_stored(pack, 1).content, "xlsx")  # the same bytes for the same pack


def test_a_pptx_is_drawn_in_the_company_template_stored(monkeypatch, db):
    """The template uploaded on Admin → Board pack template reaches the file: its A4 slides, not the default's 16:9.
    (The demo's meeting: a pack of the `pack` fixture has no budget, whose empty chart PPTX cannot draw yet.)"""
    url, engine = db
    demo = Demo(url=url, engine=engine, meeting_id=load_demo(engine))
    with session_scope(demo.engine) as session:
        admin = session.exec(select(Person.id).where(Person.role == Role.ADMIN)).first()
    company = company_template()
    run(demo.engine, upload_template, admin, file_name="Voltera huisstijl.pptx", data=company)
    pack_id = publish(demo, "en")
    at = open_page(monkeypatch, demo.url, "meeting", acting=admin, query={"id": str(demo.meeting_id)})
    at.button(key=f"pack_produce_{pack_id}_pptx").click().run()
    job = jobs().get(job_key(pack_id, "pptx", company))
    assert job.wait(WAIT) and job.error is None
    deck = Presentation(io.BytesIO(job.result.data))
    assert (deck.slide_width, deck.slide_height) == A4
    assert deck.slides[0].slide_layout.name == "Titel"  # the company's own title layout
    at.run()
    assert [b.key for b in at.download_button] == [f"pack_download_{pack_id}_pptx"]


def test_a_stored_template_changed_behind_cxgovs_back_is_the_tabs_error_and_no_file_is_offered(monkeypatch, pack):
    template_id = run(
        pack["engine"], upload_template, pack["board"].admin, file_name="2026.pptx", data=company_template()
    )
    with pack["engine"].begin() as connection:
        connection.execute(
            text("UPDATE pack_template SET content = :x WHERE id = :id"), {"x": b"PK", "id": template_id}
        )
    _publish(pack)
    at = _page(monkeypatch, pack, pack["board"].secretary, lang="nl")
    assert [e.value for e in at.error] == [
        plain(DomainError("pack.template.error.changed", name="2026.pptx").message("nl"))
    ]
    assert "Versie 1" in texts(at)  # the versions are still listed
    assert not _keys(at, "pack_produce_") and not at.download_button
