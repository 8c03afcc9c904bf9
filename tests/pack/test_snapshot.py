"""The board pack as a snapshot, on both databases: what publishing stores reads back as it was collected and its
hashes verify; versions are numbered per meeting; the database refuses to change or delete a pack; later changes
to the data leave the pack byte-identical while the live differences name what moved; a row edited behind the
app's back no longer verifies; a held meeting, a bad input or a stranger's paragraph stores nothing; publishing is
audited and the audit trail still replays; the canonical JSON keeps its hash through awkward values."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from cxgov.audit import rows as audit_rows
from cxgov.db import session_scope
from cxgov.errors import DomainError, ValidationError
from cxgov.models import BoardPack, BoardPackSection, KpiReading, MeetingStatus
from cxgov.pack.content import PackContent, PackSection, PackTable, SectionKind, canonical, sha256
from cxgov.queries.board_pack import live_differences, pack_versions, stored_pack
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import board_pack, budget, kpis, people
from cxgov.services.agenda import propose_agenda
from cxgov.services.board_pack import publish_pack, store_pack
from cxgov.services.meetings import create_meeting
from tests.factories import add_meeting, add_person
from tests.meeting_builders import events, meeting_row, run, set_status
from tests.pack.arranged import TODAY, arrange, meeting_at, months_back


@pytest.fixture
def arranged(engine):
    return arrange(engine)


def publish(engine, meeting_id: int, actor=SYSTEM_ACTOR, language: str = "nl", **more) -> int:
    return run(engine, publish_pack, actor, meeting_id=meeting_id, language=language, **more)


def stored(engine, pack_id: int):
    with session_scope(engine) as session:
        return stored_pack(session, pack_id)


def section_rows(engine, pack_id: int) -> list[tuple]:
    """A pack's section rows as the database holds them, in order."""
    with session_scope(engine) as session:
        return [
            tuple(row)
            for row in session.execute(
                sa.select(
                    BoardPackSection.id,
                    BoardPackSection.kind,
                    BoardPackSection.title,
                    BoardPackSection.commentary,
                    BoardPackSection.data,
                    BoardPackSection.content_hash,
                )
                .where(BoardPackSection.pack_id == pack_id)
                .order_by(BoardPackSection.position)
            )
        ]


def packs_stored(engine) -> tuple[int, int]:
    with session_scope(engine) as session:
        return (
            session.execute(sa.select(sa.func.count()).select_from(BoardPack)).scalar_one(),
            session.execute(sa.select(sa.func.count()).select_from(BoardPackSection)).scalar_one(),
        )


def differences(engine, pack_id: int) -> list[str]:
    with session_scope(engine) as session:
        return live_differences(session, stored_pack(session, pack_id).content, now=datetime.now(UTC))


# --- what is stored is what was collected ---------------------------------------------------------------------


def test_a_published_pack_reads_back_as_it_was_collected_and_its_hashes_verify(engine, arranged, monkeypatch):
    collected, real = [], board_pack.collect_pack

    def spy(*args, **kwargs):  # the real collection, remembered
        collected.append(real(*args, **kwargs))
        return collected[-1]

    monkeypatch.setattr(board_pack, "collect_pack", spy)
    pack_id = publish(engine, arranged.meeting, arranged.board.secretary, summary="Drie besluiten gevraagd.")
    (content,) = collected
    back = stored(engine, pack_id)
    assert back.intact
    assert back.content == content
    assert back.content_hash == content.content_hash() == back.content.content_hash()
    assert [s.content_hash() for s in back.content.sections] == [row[5] for row in section_rows(engine, pack_id)]
    assert [row[4] for row in section_rows(engine, pack_id)] == [s.data_json() for s in content.sections]
    assert back.published_by == "Sam Secretary" and back.content.number == 1
    kinds = [s.kind for s in back.content.sections]
    assert kinds[:3] == [SectionKind.COVER, SectionKind.SUMMARY, SectionKind.SECTION]
    assert kinds[-2:] == [SectionKind.KPI_DEFINITIONS, SectionKind.FRESHNESS]
    assert back.content.cover.facts["starts_at"] == meeting_at(30).astimezone(UTC)  # a UTC time, read back as one
    assert back.content.sections[1].commentary == "Drie besluiten gevraagd."


def test_versions_are_numbered_per_meeting_and_listed_newest_first(engine, arranged):
    other = run(
        engine,
        create_meeting,
        arranged.board.secretary,
        body="Klantraad",
        starts_at=meeting_at(40),
        chair_id=arranged.board.chair,
        secretary_id=arranged.board.secretary,
        member_ids=list(arranged.board.members),
    )
    run(engine, propose_agenda, meeting_id=other, seen_version=meeting_row(engine, other).version)
    started = datetime.now(UTC)
    first = publish(engine, arranged.meeting, arranged.board.secretary, language="en")
    elsewhere = publish(engine, other)
    second = publish(engine, arranged.meeting, arranged.board.chair)
    with session_scope(engine) as session:
        versions = pack_versions(session, arranged.meeting)
        assert pack_versions(session, other)[["id", "number"]].values.tolist() == [[elsewhere, 1]]
    assert versions["id"].tolist() == [second, first]
    assert versions["number"].tolist() == [2, 1]
    assert versions["published_by"].tolist() == ["Carla Chair", "Sam Secretary"]
    assert versions["language"].tolist() == ["nl", "en"]
    assert versions["content_hash"].tolist() == [
        stored(engine, second).content_hash,
        stored(engine, first).content_hash,
    ]
    for cut_off, published_at in zip(versions["cut_off"], versions["published_at"], strict=True):
        assert started - timedelta(seconds=1) <= cut_off <= published_at <= datetime.now(UTC)
    assert versions["cut_off"].iloc[0] > versions["cut_off"].iloc[1]


# --- insert-only ----------------------------------------------------------------------------------------------


REFUSED = (
    "UPDATE board_pack SET language = 'en'",
    "DELETE FROM board_pack",
    "UPDATE board_pack_section SET title = 'Beter nieuws'",
    "UPDATE board_pack_section SET data = '{}'",
    "DELETE FROM board_pack_section",
)
REFUSED_ON_POSTGRESQL = ("TRUNCATE board_pack_section", "TRUNCATE board_pack CASCADE")  # SQLite has no TRUNCATE


def test_the_database_refuses_to_change_delete_or_truncate_a_pack(engine, arranged):
    pack_id = publish(engine, arranged.meeting)
    before = section_rows(engine, pack_id)
    statements = REFUSED + (REFUSED_ON_POSTGRESQL if engine.dialect.name == "postgresql" else ())
    for statement in statements:
        with pytest.raises(DBAPIError, match="insert-only"), session_scope(engine, write=True) as session:
            session.execute(sa.text(statement))
    assert section_rows(engine, pack_id) == before
    assert stored(engine, pack_id).intact


# --- frozen while the data moves on ---------------------------------------------------------------------------


def test_the_pack_stays_as_published_when_the_data_changes_and_the_differences_are_named(engine, arranged):
    pack_id = publish(engine, arranged.meeting)
    before = section_rows(engine, pack_id)
    back = stored(engine, pack_id)
    assert differences(engine, pack_id) == []  # right after publishing, the pack says what the data says

    run(
        engine,
        budget.set_budget_line,
        initiative_id=arranged.running,
        data={"year": TODAY.year, "quarter": 1, "planned_cents": 2_500_000},
    )
    with session_scope(engine) as session:
        reading = session.execute(
            sa.select(KpiReading).where(KpiReading.kpi_id == arranged.kpi, KpiReading.period == months_back(1))
        ).scalar_one()
    run(
        engine,
        kpis.correct_kpi_reading,
        reading_id=reading.id,
        seen_version=reading.version,
        data={"value": 23.5, "sample_size": 400, "reason": "Telfout in de export"},
    )

    assert section_rows(engine, pack_id) == before  # byte-identical: the same data JSON, the same hashes
    again = stored(engine, pack_id)
    assert again.intact and again.content == back.content and again.content_hash == back.content_hash
    named = differences(engine, pack_id)
    titles = {s.kind: s.title for s in back.content.sections if s.kind is not SectionKind.SECTION}
    agenda = {s.section: s.title for s in back.content.sections if s.kind is SectionKind.SECTION}
    initiative = titles[SectionKind.INITIATIVE]
    assert named.count(initiative) == 2, "its agenda item and its one-pager, both named after it, moved"
    assert {
        titles[SectionKind.KPI],  # the corrected reading
        titles[SectionKind.FRESHNESS],  # when the KPI's latest reading was entered
        agenda["scorecard"],  # the KPI's latest value
        agenda["money"],  # the plan for this year
    } <= set(named)
    unchanged = [titles[SectionKind.COVER], titles[SectionKind.TOPIC], titles[SectionKind.KPI_DEFINITIONS]]
    unchanged += [agenda["opening"], agenda["lessons"], agenda["other_business"]]
    assert not set(unchanged) & set(named)
    remaining = iter(s.title for s in back.content.sections)
    assert all(title in remaining for title in named), "named once each, in the pack's order"


# --- tampering ------------------------------------------------------------------------------------------------


def _without_triggers(session, table: str) -> None:
    """Drop the insert-only triggers of `table` in this transaction (what someone with the database's keys can do)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text(f"DROP TRIGGER {table}_insert_only ON {table}"))
    else:
        for verb in ("update", "delete"):
            session.execute(sa.text(f"DROP TRIGGER {table}_no_{verb}"))


# Edits behind the app's back: the table, the column changed and the edit (SQLite spells the date arithmetic).
TAMPERING = (
    ("board_pack_section", "data", "UPDATE board_pack_section SET data = replace(data, 'Terugbellen', 'Terugbel')"),
    ("board_pack_section", "commentary", "UPDATE board_pack_section SET commentary = 'Alles op schema'"),
    ("board_pack_section", "position", "UPDATE board_pack_section SET position = 100 - position"),
    ("board_pack", "cut_off", "UPDATE board_pack SET cut_off = {cut_off_a_day_earlier}"),
)


def test_a_row_edited_behind_the_apps_back_no_longer_verifies_until_it_is_as_stored(engine, arranged):
    pack_id = publish(engine, arranged.meeting)
    earlier = "datetime(cut_off, '-1 day')" if engine.dialect.name == "sqlite" else "cut_off - interval '1 day'"
    with session_scope(engine, write=True) as session:
        for table in ("board_pack_section", "board_pack"):
            _without_triggers(session, table)
    for table, column, statement in TAMPERING:
        with session_scope(engine) as session:
            as_stored = session.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
        with session_scope(engine, write=True) as session:
            assert session.execute(sa.text(statement.format(cut_off_a_day_earlier=earlier))).rowcount >= 1
        assert stored(engine, pack_id).intact is False, column
        with session_scope(engine, write=True) as session:
            for row_id, value in as_stored:
                session.execute(
                    sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"), {"value": value, "id": row_id}
                )
        assert stored(engine, pack_id).intact, f"{column} as stored again"


# --- refusals -------------------------------------------------------------------------------------------------


def test_no_pack_is_published_once_the_meeting_is_held(engine, arranged):
    publish(engine, arranged.meeting)
    for status, key in (
        (MeetingStatus.HELD, "pack.error.held"),
        (MeetingStatus.MINUTES_APPROVED, "meeting.error.locked"),
    ):
        set_status(engine, arranged.meeting, status)
        with pytest.raises(DomainError) as caught:
            publish(engine, arranged.meeting)
        assert caught.value.key == key
    set_status(engine, arranged.meeting, MeetingStatus.HELD)
    with pytest.raises(DomainError) as caught:
        publish(engine, arranged.meeting)
    assert "Het laatst gepubliceerde pakket is wat het bestuur ontving." in caught.value.message("nl")
    with session_scope(engine) as session:
        assert pack_versions(session, arranged.meeting)["number"].tolist() == [1], "the last pack is what they got"


# What is given, the field refused and the message key (None: pydantic's own message).
BAD_INPUT = (
    ({"language": "de"}, "language", None),
    ({"paragraphs": {"hello": "Een alinea"}}, "paragraphs", "pack.error.paragraph"),
    ({"paragraphs": {"proposal:999999": "Een alinea"}}, "paragraphs", "pack.error.paragraph"),  # not a request
    ({"paragraphs": {"ask:{asking}": "Een\x00alinea"}}, "paragraphs", "pack.error.paragraph"),
    ({"paragraphs": {"ask:{asking}": "x" * 2_001}}, "paragraphs", "pack.error.paragraph"),
    ({"summary": "x" * 5_001}, "summary", None),
    ({"summary": "Een\x00samenvatting"}, "summary", None),
)


def test_bad_input_is_refused_with_its_reason_and_nothing_is_stored(engine, arranged):
    for given, field, key in BAD_INPUT:
        if "paragraphs" in given:
            given = {"paragraphs": {k.format(asking=arranged.asking): v for k, v in given["paragraphs"].items()}}
        with pytest.raises(ValidationError) as caught:
            run(
                engine,
                publish_pack,
                arranged.board.secretary,
                meeting_id=arranged.meeting,
                **({"language": "nl"} | given),
            )
        assert set(caught.value.errors) == {field}, given
        if key is not None:
            assert caught.value.errors[field][0] == key
            assert "niet bij een gevraagd besluit" in caught.value.field_messages("nl")[field]
    assert packs_stored(engine) == (0, 0)
    assert events(engine, "board_pack") == [] and events(engine, "board_pack_section") == []


def test_a_paragraph_for_a_request_replaces_the_drafted_one(engine, arranged):
    pack_id = publish(
        engine, arranged.meeting, paragraphs={f"ask:{arranged.asking}": "  De board helpt bij de vervoerder.  "}
    )
    summary = stored(engine, pack_id).content.sections[1]
    rows = {row[0]: row[3] for row in summary.table("requests").rows}
    assert rows[f"ask:{arranged.asking}"] == "De board helpt bij de vervoerder."
    assert rows[f"proposal:{arranged.proposal}"].startswith(
        "Goedkeuring gevraagd: voorgesteld door Max Manager"
    )  # drafted


# --- audit ----------------------------------------------------------------------------------------------------


def test_publishing_is_audited_for_the_pack_and_each_section(engine, arranged):
    pack_id = publish(engine, arranged.meeting, arranged.board.secretary)
    back = stored(engine, pack_id)
    (event,) = events(engine, "board_pack", pack_id)
    assert (event.action, event.actor_id) == ("create", arranged.board.secretary)
    recorded = json.loads(event.new_value)
    assert recorded["content_hash"] == back.content_hash and recorded["number"] == "1"
    rows = section_rows(engine, pack_id)
    by_row = {e.entity_id: json.loads(e.new_value) for e in events(engine, "board_pack_section")}
    assert set(by_row) == {str(row[0]) for row in rows}
    for row_id, _, title, _, _, content_hash in rows:
        assert (by_row[str(row_id)]["title"], by_row[str(row_id)]["content_hash"]) == (title, content_hash)
        assert "data" not in by_row[str(row_id)], "the data lives once, in the row; its hash is in the event"


def _service_only_database(engine) -> int:
    """People, a meeting with the proposed agenda and a published pack, every row written through a service."""
    chair, secretary = (
        run(engine, people.create_person, data={"name": name, "email": f"{name.lower()}@voltera.nl", "role": role})
        for name, role in (("Carla", "leader"), ("Sam", "programme_office"))
    )
    meeting = run(
        engine,
        create_meeting,
        secretary,
        body="CX board",
        starts_at=meeting_at(30),
        chair_id=chair,
        secretary_id=secretary,
        member_ids=[chair],
    )
    run(engine, propose_agenda, secretary, meeting_id=meeting, seen_version=meeting_row(engine, meeting).version)
    return publish(engine, meeting, secretary)


def test_the_audit_trail_still_replays_against_the_pack_rows(engine, cli):
    pack_id = _service_only_database(engine)
    with session_scope(engine) as session:
        report = audit_rows.replay(session)
    assert report.ok, [str(d) for d in report.differences]
    assert "board_pack" not in report.rows_without_events and "board_pack_section" not in report.rows_without_events
    url = engine.url.render_as_string(hide_password=False)
    code, out, _ = cli(url, "verify-audit", "--rows")
    assert code == 0 and "OK: every row the audit trail describes holds the values the trail says." in out

    with session_scope(engine, write=True) as session:  # a title changed behind the app's back: the trail says so
        _without_triggers(session, "board_pack_section")
        session.execute(
            sa.text("UPDATE board_pack_section SET title = 'Alles goed' WHERE pack_id = :p AND position = 1"),
            {"p": pack_id},
        )
    with session_scope(engine) as session:
        found = audit_rows.replay(session).differences
        section_id = session.execute(
            sa.select(BoardPackSection.id).where(BoardPackSection.pack_id == pack_id, BoardPackSection.position == 1)
        ).scalar_one()
    assert [(d.entity, d.row_id, d.field, d.row) for d in found] == [
        ("board_pack_section", str(section_id), "title", "Alles goed")
    ]


# --- the canonical form ---------------------------------------------------------------------------------------

AMSTERDAM_WINTER = timezone(timedelta(hours=1))
AWKWARD = {
    "day": date(2026, 12, 10),
    "moment": datetime(2026, 12, 10, 9, 30, 15, 123456, tzinfo=AMSTERDAM_WINTER),
    "naive": datetime(2026, 12, 10, 8, 0),  # a naive time is read as UTC
    "timestamp": pd.Timestamp("2026-12-10 08:00", tz="UTC"),
    "not_a_time": pd.NaT,
    "nan": float("nan"),
    "numpy_nan": np.float64("nan"),
    "inf": float("inf"),
    "minus_inf": -math.inf,
    "count": np.int64(7),
    "share": np.float64(0.125),
    "flag": np.bool_(True),
    "nested": [{"rows": [[1, "één"], [2.5, None]], "when": date(2026, 1, 1)}, []],
    "dutch": "Café ‘Ĳsselmeer’ — één coöperatie, € 1.234,56",
    "emoji": "Klant blij 😀👍🏽",
    "nul": "vóór\x00na",
}


def test_awkward_values_keep_their_hash_through_the_canonical_json():
    section = PackSection(
        kind=SectionKind.TOPIC,
        title="Één 😀",
        commentary="Regel 1\nRegel 2\x00",
        facts=AWKWARD,
        tables=(
            PackTable.of(
                "frame", pd.DataFrame({"n": [np.int64(1), None], "at": [pd.Timestamp("2026-12-10", tz="UTC"), pd.NaT]})
            ),
        ),
    )
    text = section.data_json()
    assert text.isascii() and "\\u0000" in text and "NaN" not in text and "Infinity" not in text
    back = PackSection.stored(kind="topic", title=section.title, commentary=section.commentary, data=text)
    assert back.content_hash() == section.content_hash()
    assert back.data_json() == text
    facts = back.facts
    assert facts["day"] == date(2026, 12, 10)
    assert facts["moment"] == datetime(2026, 12, 10, 8, 30, 15, 123456, tzinfo=UTC) and facts["moment"].tzinfo == UTC
    assert facts["naive"] == facts["timestamp"] == datetime(2026, 12, 10, 8, 0, tzinfo=UTC)
    assert facts["not_a_time"] is None and facts["nan"] is None and facts["numpy_nan"] is None
    assert facts["inf"] == math.inf and facts["minus_inf"] == -math.inf
    assert facts["count"] == 7 and type(facts["count"]) is int and facts["share"] == 0.125 and facts["flag"] is True
    assert facts["nested"] == [{"rows": [[1, "één"], [2.5, None]], "when": date(2026, 1, 1)}, []]
    assert (facts["dutch"], facts["emoji"], facts["nul"]) == (AWKWARD["dutch"], AWKWARD["emoji"], "vóór\x00na")
    assert back.table("frame").rows == ((1, datetime(2026, 12, 10, tzinfo=UTC)), (None, None))


def test_awkward_values_keep_their_hash_through_the_database(engine):
    content = PackContent(
        meeting_id=_meeting(engine),
        cut_off=datetime(2026, 12, 1, 17, 0, 0, 999999, tzinfo=UTC),
        language="nl",
        time_zone="Europe/Amsterdam",
        number=1,
        sections=(
            PackSection(kind=SectionKind.COVER, title="CX board — 2026-Q4", facts={"starts_at": AWKWARD["moment"]}),
            PackSection(
                kind=SectionKind.TOPIC,
                title=AWKWARD["dutch"] + " " + AWKWARD["emoji"],
                commentary="Zie bijlage 😀",
                facts=AWKWARD,
            ),
        ),
    )
    with session_scope(engine, write=True) as session:
        pack_id = store_pack(session, content, None)
    back = stored(engine, pack_id)
    assert back.intact and back.content_hash == content.content_hash()
    assert back.content.sections[1].title == content.sections[1].title
    assert sha256(canonical(back.content.sections[1].facts)) == sha256(canonical(content.sections[1].facts))


def _meeting(engine) -> int:
    chair, secretary = add_person(engine), add_person(engine)
    with session_scope(engine, write=True) as session:
        return add_meeting(session, chair_id=chair, secretary_id=secretary)
