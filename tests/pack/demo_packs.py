"""The demo portfolio for the board pack's tests: its draft meeting (the Q4 one) with a topic, an initiative and a
KPI added to its proposed agenda, so a pack holds every kind of section; publishing, reading back and drawing a
pack; and reading an XLSX back as a spreadsheet does."""

from __future__ import annotations

import io
from dataclasses import dataclass

import openpyxl
import pytest
import sqlalchemy as sa

from cxgov.db import make_engine, session_scope
from cxgov.models import AgendaItemKind, Initiative, Kpi, Meeting, MeetingStatus
from cxgov.pack import formats  # noqa: F401 (registers the formats)
from cxgov.pack.render import render_pack
from cxgov.queries.board_pack import latest_pack_id, stored_pack
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.agenda import add_agenda_item
from cxgov.services.board_pack import publish_pack
from cxgov.services.demo import load_demo_portfolio
from tests.conftest import copy_sqlite

TOPIC_TITLE = "Customer promise for 2027"


@dataclass(frozen=True)
class Demo:
    url: str
    engine: object
    meeting_id: int  # the draft meeting, its proposed agenda with a topic, an initiative and a KPI added


def load_demo(engine) -> int:
    """Load the demo portfolio and add a topic, an initiative and a KPI to its draft meeting; the meeting's id."""
    with session_scope(engine, write=True) as session:
        load_demo_portfolio(session=session, actor=SYSTEM_ACTOR)
        meeting = session.execute(sa.select(Meeting).where(Meeting.status == MeetingStatus.DRAFT)).scalar_one()
        initiative = session.execute(sa.select(Initiative.id).order_by(Initiative.id).limit(1)).scalar_one()
        kpi = session.execute(sa.select(Kpi.id).order_by(Kpi.id).limit(1)).scalar_one()
        for item in (
            {"kind": AgendaItemKind.TOPIC, "title": TOPIC_TITLE, "commentary": "Ten minutes to agree the wording."},
            {"kind": AgendaItemKind.INITIATIVE, "initiative_id": initiative},
            {"kind": AgendaItemKind.KPI, "kpi_id": kpi, "commentary": "Down two points since the summer."},
        ):
            add_agenda_item(
                session=session, actor=SYSTEM_ACTOR, meeting_id=meeting.id, seen_version=meeting.version, **item
            )
            session.refresh(meeting)
        return meeting.id


@pytest.fixture(scope="session")
def demo_template(sqlite_dir, sqlite_template) -> str:
    """A SQLite file holding the demo and its draft meeting's extra items, made once per process."""
    path = sqlite_dir / "pack-demo.sqlite3"
    copy_sqlite(sqlite_template, str(path))
    engine = make_engine(f"sqlite:///{path}")
    load_demo(engine)
    engine.dispose()
    return str(path)


@pytest.fixture
def demo(demo_template, sqlite_url) -> Demo:
    """A fresh copy of the demo database for one test (SQLite)."""
    copy_sqlite(demo_template, sqlite_url.removeprefix("sqlite:///"))
    engine = make_engine(sqlite_url)
    with session_scope(engine) as session:
        meeting_id = session.execute(sa.select(Meeting.id).where(Meeting.status == MeetingStatus.DRAFT)).scalar_one()
    yield Demo(url=sqlite_url, engine=engine, meeting_id=meeting_id)
    engine.dispose()


@pytest.fixture
def demo_on_both(database_url, engine) -> Demo:
    """The demo loaded into a fresh database, on SQLite and on PostgreSQL."""
    return Demo(url=database_url, engine=engine, meeting_id=load_demo(engine))


def publish(demo: Demo, language: str = "nl", **texts) -> int:
    with session_scope(demo.engine, write=True) as session:
        return publish_pack(session=session, actor=SYSTEM_ACTOR, meeting_id=demo.meeting_id, language=language, **texts)


def latest(demo: Demo):
    """The meeting's latest published pack as stored."""
    with session_scope(demo.engine) as session:
        return stored_pack(session, latest_pack_id(session, demo.meeting_id))


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def xlsx(content) -> bytes:
    return render_pack(content, "xlsx")


def cells(book: openpyxl.Workbook) -> list[list[list[tuple]]]:
    """Every sheet's cells as (value, number format), row by row."""
    return [[[(c.value, c.number_format) for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets]
