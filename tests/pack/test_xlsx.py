"""The board pack as an XLSX workbook, read back as a spreadsheet reads it: every figure of the snapshot typed
(amounts as euros with cents, dates as dates, times on the pack's clock), labels in the pack's language, no
formula anywhere, valid sheet names, frozen headers, the same bytes for the same pack, and hostile text inert."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from cxgov import i18n, written
from cxgov.db import session_scope
from cxgov.io.export import FORMULA_STARTS
from cxgov.models import AgendaItem, AgendaItemKind, AgendaSection, BoardAsk, Initiative, Meeting
from cxgov.pack import xlsx as pack_xlsx
from cxgov.pack.blocks import COLUMNS, table_heading
from cxgov.pack.content import PackContent, PackSection, PackTable, SectionKind
from cxgov.pack.render import FORMATS, render_pack
from cxgov.pack.sheet_names import sheet_names
from cxgov.pack.xlsx_cells import TEXT_MAX
from cxgov.queries.board_pack import draft_pack
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.agenda import add_agenda_item, update_agenda_item
from cxgov.services.board_asks import write_board_ask
from cxgov.services.initiatives import current_cycle, update_initiative
from tests.hostile import CORPUS, fit
from tests.pack.demo_packs import TOPIC_TITLE, cells, latest, publish, workbook, xlsx

FORBIDDEN_IN_NAMES = set("[]:*?/\\")


# --- reading a sheet back -------------------------------------------------------------------------------------


def table_rows(sheet, table: PackTable, lang: str) -> tuple[int, list[str], list[list]]:
    """Where the table's heading stands (1-based row), its headers and its rows of cells, as read back."""
    heading_row = next(
        row[0].row
        for row in sheet.iter_rows(max_col=1)
        if row[0].value == table_heading(table, lang) and row[0].font.sz == 12  # a heading, not a fact's label
    )
    headers = [c.value for c in sheet[heading_row + 1] if c.value is not None]
    rows = [list(sheet[heading_row + 2 + n])[: len(headers)] for n in range(len(table.rows))]
    return heading_row, headers, rows


def fact_cell(sheet, label: str):
    """The value under a fact's label (the facts stand in a row under the title and the commentary)."""
    for row in sheet.iter_rows(max_row=6):
        for cell in row:
            if cell.value == label:
                return sheet.cell(cell.row + 1, cell.column)
    raise AssertionError(f"no fact {label!r} on {sheet.title}")


def codes_of(section: PackSection, table: PackTable) -> dict:
    spec = COLUMNS.get((section.section or section.kind.value, table.name))
    return {**written.CODE_COLUMNS, **(spec.codes if spec else {})}


def assert_cell_holds(cell, column: str, value, content: PackContent, codes) -> None:
    """The cell holds the snapshot's value, typed: the figures' types are checked here, the texts' words are
    cxgov.written's."""
    lang, zone = content.language, content.time_zone
    assert cell.data_type != "f"
    if value is None or value == "" or value == []:
        assert cell.value is None, (column, cell.value)
    elif column.endswith("_cents"):
        assert cell.data_type == "n" and cell.value == pytest.approx(value / 100, abs=1e-9), (column, cell.value)
        assert round(cell.value, 2) == value / 100
        assert "€" in cell.number_format and "0.00" in cell.number_format
    elif isinstance(value, bool) or column in codes or column in written.HEALTH_COLUMNS or column == "change":
        assert cell.value == written.cell_text(column, value, lang, zone, codes)
    elif isinstance(value, datetime):
        on_clock = value.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
        assert cell.is_date and abs(cell.value - on_clock) < timedelta(milliseconds=1), (column, cell.value)
    elif isinstance(value, date):
        assert cell.is_date and cell.value.date() == value, (column, cell.value)
    elif isinstance(value, int | float):
        assert cell.data_type == "n" and cell.value == pytest.approx(value, rel=1e-15), (column, cell.value)
    elif isinstance(value, str):
        assert cell.value == ("'" + value if value.startswith(FORMULA_STARTS) else value)
    else:  # lists: the trend, the rules' reasons
        assert isinstance(cell.value, str) and cell.value, (column, cell.value)


def no_formula_anywhere(book) -> None:
    for sheet in book.worksheets:
        assert not sheet._hyperlinks
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS), (sheet.title, cell.coordinate)


def assert_valid_names(names: list[str]) -> None:
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert 0 < len(name.encode("utf-16-le")) // 2 <= 31, name
        assert not FORBIDDEN_IN_NAMES & set(name), name
        assert not name.startswith("'") and not name.endswith("'"), name
        assert name.casefold() != "history"
        assert all(ord(c) >= 32 for c in name), name


# --- the demo's pack ------------------------------------------------------------------------------------------


def test_every_figure_of_the_snapshot_is_in_its_sheet_typed(demo):
    publish(demo, "nl")
    stored = latest(demo)
    content = stored.content
    book = workbook(xlsx(content))
    assert len(book.worksheets) == len(content.sections) + 1
    kinds = {s.kind for s in content.sections}
    assert {SectionKind.COVER, SectionKind.SUMMARY, SectionKind.SECTION, SectionKind.TOPIC} <= kinds
    assert {SectionKind.INITIATIVE, SectionKind.KPI} <= kinds
    figures = 0
    for section, sheet in zip(content.sections, book.worksheets[1:], strict=True):
        assert sheet["A1"].value == section.title
        if section.commentary:
            assert sheet["A2"].value == _inert(section.commentary)
        for table in section.tables:
            _, headers, rows = table_rows(sheet, table, "nl")
            shown = written.shown_columns(table.columns)
            assert len(headers) == len(shown)
            assert not any(h.startswith("⟦") for h in headers), headers
            codes = codes_of(section, table)
            for stored_row, read in zip(table.rows, rows, strict=True):
                values = dict(zip(table.columns, stored_row, strict=True))
                for column, cell in zip(shown, read, strict=True):
                    if column in ("from_value", "to_value"):
                        continue  # written with its change line's kind (test below)
                    assert_cell_holds(cell, column, values[column], content, codes)
                    figures += isinstance(values[column], int | float) and not isinstance(values[column], bool)
    assert figures > 150  # the demo's tables are full of figures: none of them was skipped


def test_facts_are_labelled_and_typed(demo):
    publish(demo, "nl")
    content = latest(demo).content
    book = workbook(xlsx(content))
    money = next(s for s in content.sections if s.section == AgendaSection.MONEY.value)
    sheet = book.worksheets[content.sections.index(money) + 1]
    planned = fact_cell(sheet, "Gepland tot nu")
    assert planned.value == pytest.approx(money.facts["planned_cents"] / 100)
    assert planned.number_format == '"€" #,##0.00;"€" -#,##0.00'
    assert fact_cell(sheet, "Jaar").value == money.facts["year"]
    follow_up = next(s for s in content.sections if s.section == AgendaSection.FOLLOW_UP.value)
    ratio = fact_cell(book.worksheets[content.sections.index(follow_up) + 1], "Zeggen/doen-verhouding")
    assert ratio.value == pytest.approx(follow_up.facts["say_do_ratio"]) and ratio.number_format == "0%"
    cover = book.worksheets[1]
    starts = content.cover.facts["starts_at"].astimezone(ZoneInfo(content.time_zone)).replace(tzinfo=None)
    assert fact_cell(cover, "Datum en tijd").value == starts
    assert fact_cell(cover, "Kwartaal").value == content.cover.facts["quarter"]
    assert fact_cell(cover, "Duur (minuten)").value == content.cover.facts["duration_minutes"]
    opening = next(s for s in content.sections if s.section == AgendaSection.OPENING.value)
    sheet = book.worksheets[content.sections.index(opening) + 1]
    assert fact_cell(sheet, "Vorige vergadering").value == opening.facts["previous_quarter"]
    labels = [c.value for row in sheet.iter_rows(max_row=4) for c in row if c.value]
    assert not any(str(v).startswith("⟦") or "previous_meeting_id" in str(v) for v in labels)


def test_a_change_line_is_written_as_its_kind_of_value(demo):
    publish(demo, "en")
    content = latest(demo).content
    changes = next(s for s in content.sections if s.section == AgendaSection.CHANGES.value)
    table = changes.table("changes")
    sheet = workbook(xlsx(content)).worksheets[content.sections.index(changes) + 1]
    _, headers, rows = table_rows(sheet, table, "en")
    at = {name: i for i, name in enumerate(table.columns)}
    sides = [headers.index("From"), headers.index("To")]
    for stored_row, read in zip(table.rows, rows, strict=True):
        change = stored_row[at["change"]]
        for side, n in zip(("from_value", "to_value"), sides, strict=True):
            value = stored_row[at[side]]
            expected = None if value is None else written.change_value(change, value, "en")
            assert read[n].value == expected
    assert any(read[sides[1]].value == "Approved" for read in rows)


def test_contents_sheet_names_the_meeting_cut_off_version_and_hash(demo):
    publish(demo, "nl")
    stored = latest(demo)
    content = stored.content
    book = workbook(xlsx(content))
    contents = book.worksheets[0]
    assert contents.title == "Inhoud"
    lines = {row[0].value: row[1] for row in contents.iter_rows(min_row=3, max_row=7)}
    assert lines["Vergadering"].value == content.cover.title
    cut_off = content.cut_off.astimezone(ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None)
    assert lines["Peildatum"].is_date and abs(lines["Peildatum"].value - cut_off) < timedelta(milliseconds=1)
    assert lines["Tijden volgens de klok van"].value == "Europe/Amsterdam"
    assert lines["Versie"].value == "1"
    assert lines["Inhoudshash (SHA-256)"].value == stored.content_hash == content.content_hash()
    listed = [(row[0].value, row[1].value) for row in contents.iter_rows(min_row=11)]
    assert listed == [(s.title, sec.title) for s, sec in zip(book.worksheets[1:], content.sections, strict=True)]
    assert contents.freeze_panes == "A11"
    assert book.properties.created == content.cut_off.replace(tzinfo=None, microsecond=0)


def test_sheet_names_are_valid_and_frozen_under_the_first_table(demo):
    publish(demo, "nl")
    content = latest(demo).content
    book = workbook(xlsx(content))
    assert_valid_names(book.sheetnames)
    assert TOPIC_TITLE in book.sheetnames
    for section, sheet in zip(content.sections, book.worksheets[1:], strict=True):
        if not section.tables:
            assert sheet.freeze_panes is None
            continue
        heading_row, headers, _ = table_rows(sheet, section.tables[0], "nl")
        assert sheet.freeze_panes == f"A{heading_row + 2}", sheet.title
        assert [c.font.b for c in sheet[heading_row + 1]][: len(headers)] == [True] * len(headers)
    no_formula_anywhere(book)


def test_an_empty_table_says_so(demo):
    publish(demo, "en")
    content = latest(demo).content
    lessons = next(s for s in content.sections if s.section == AgendaSection.LESSONS.value)
    assert lessons.table("lessons").rows == ()
    sheet = workbook(xlsx(content)).worksheets[content.sections.index(lessons) + 1]
    heading_row, headers, _ = table_rows(sheet, lessons.table("lessons"), "en")
    assert headers[0] == "Initiative"
    assert sheet.cell(heading_row + 2, 1).value == "Nothing to show."


def test_the_same_pack_gives_the_same_file_and_progress_is_told_per_sheet(demo):
    publish(demo, "nl")
    content = latest(demo).content
    told = []
    first = render_pack(content, "xlsx", progress=lambda share, title: told.append((share, title)))
    assert first == xlsx(latest(demo).content)
    assert cells(workbook(first)) == cells(workbook(xlsx(content)))
    assert [title for _, title in told] == ["Inhoud", *(s.title for s in content.sections)]
    shares = [share for share, _ in told]
    assert shares == sorted(shares) and shares[0] == 0 and shares[-1] < 1


def test_the_stored_pack_keeps_its_figures_when_the_data_changes(demo):
    publish(demo, "en")
    before = xlsx(latest(demo).content)
    proposal = next(s for s in latest(demo).content.sections if s.section == "decisions_requested")
    initiative_id = proposal.table("proposals").rows[0][0]
    with session_scope(demo.engine, write=True) as session:
        initiative = session.get(Initiative, initiative_id)
        form = initiative.model_dump(include={"discipline", "owner_id", "status", "lane", "priority", "progress_pct"})
        update_initiative(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=initiative.version,
            data={**form, "phase": current_cycle(session, initiative_id).phase, "title": "Renamed after publishing"},
        )
    assert xlsx(latest(demo).content) == before
    with session_scope(demo.engine) as session:
        live = draft_pack(session, demo.meeting_id, language="en", cut_off=latest(demo).content.cut_off)
    live_cells = cells(workbook(xlsx(live)))
    assert "Renamed after publishing" in str(live_cells)
    assert "Renamed after publishing" not in str(cells(workbook(before)))


@pytest.mark.parametrize(
    ("lang", "contents", "planned", "money", "date_format", "month_format", "discipline"),
    [
        ("nl", "Inhoud", "Gepland", '"€" #,##0.00;"€" -#,##0.00', "dd-mm-yyyy", "[$-413]mmm yyyy", "Cultuur"),
        ("en", "Contents", "Planned", '"€"#,##0.00;-"€"#,##0.00', "[$-809]d mmm yyyy", "[$-809]mmm yyyy", "Culture"),
    ],
)
def test_dutch_and_english_packs(demo, lang, contents, planned, money, date_format, month_format, discipline):
    publish(demo, lang)
    content = latest(demo).content
    book = workbook(xlsx(content))
    assert book.sheetnames[0] == contents
    assert book.sheetnames[2] == i18n.t("pack.summary.title", lang)
    section = next(s for s in content.sections if s.section == AgendaSection.MONEY.value)
    sheet = book.worksheets[content.sections.index(section) + 1]
    _, headers, rows = table_rows(sheet, section.table("by_discipline"), lang)
    assert headers[1] == planned and rows[0][1].number_format == money
    assert {row[0].value for row in rows} >= {discipline}
    scorecard = next(s for s in content.sections if s.section == AgendaSection.SCORECARD.value)
    sheet = book.worksheets[content.sections.index(scorecard) + 1]
    _, headers, rows = table_rows(sheet, scorecard.table("scorecard"), lang)
    assert rows[0][headers.index(written.header("period", lang))].number_format == month_format
    assert rows[0][headers.index(written.header("target_date", lang))].number_format == date_format
    direction = rows[0][headers.index(written.header("direction", lang))].value
    assert direction == i18n.t("enum.direction.higher_is_better", lang)


# --- hostile text ---------------------------------------------------------------------------------------------

FORMULAS = ('=HYPERLINK("http://evil.example","x")', "+SUM(1,1)", "-2+3", "@SUM(A1)", "=1+1\nsecond line")


def test_hostile_text_reaches_the_workbook_as_inert_text(demo):
    texts = [h.text for h in CORPUS] + list(FORMULAS)
    with session_scope(demo.engine, write=True) as session:
        meeting = session.get(Meeting, demo.meeting_id)
        for text in texts:
            add_agenda_item(
                session=session,
                actor=SYSTEM_ACTOR,
                meeting_id=demo.meeting_id,
                seen_version=meeting.version,
                kind=AgendaItemKind.TOPIC,
                title=fit(text, 200).strip() or "x",
                commentary=fit(text, 5_000),
            )
            session.refresh(meeting)
        opening = session.execute(
            sa.select(AgendaItem).where(
                AgendaItem.meeting_id == demo.meeting_id, AgendaItem.section == AgendaSection.OPENING
            )
        ).scalar_one()
        update_agenda_item(
            session=session,
            actor=SYSTEM_ACTOR,
            item_id=opening.id,
            seen_version=opening.version,
            changes={"commentary": FORMULAS[0] + "\n" + CORPUS[0].text},
        )
        asking = _an_initiative_on_the_exceptions(demo)
        written = session.get(BoardAsk, (demo.meeting_id, asking))  # the demo's owner may have asked already
        write_board_ask(
            session=session,
            actor=SYSTEM_ACTOR,
            meeting_id=demo.meeting_id,
            initiative_id=asking,
            seen_version=written.version if written else None,
            ask=FORMULAS[1],
        )
    publish(demo, "en", summary=FORMULAS[2] + " " + CORPUS[1].text)
    content = latest(demo).content
    book = workbook(xlsx(content))
    no_formula_anywhere(book)
    assert_valid_names(book.sheetnames)
    for section, sheet in zip(content.sections, book.worksheets[1:], strict=True):
        assert sheet["A1"].value == _inert(section.title) and sheet["A1"].data_type == "s"
        if section.commentary.strip():
            assert sheet["A2"].value == _inert(section.commentary)
    topics = [s for s in content.sections if s.kind is SectionKind.TOPIC and s.title != TOPIC_TITLE]
    assert len(topics) == len(texts)
    assert {s.commentary for s in topics} >= {FORMULAS[0], FORMULAS[3], CORPUS[0].text}
    summary = book.worksheets[2]
    assert summary["A2"].value == "'" + FORMULAS[2] + " " + CORPUS[1].text
    asks = [c.value for row in book.worksheets for r in row.iter_rows() for c in r if c.value == "'" + FORMULAS[1]]
    assert len(asks) >= 2  # in the owners' asks and in the exceptions


def _an_initiative_on_the_exceptions(demo) -> int:
    with session_scope(demo.engine) as session:
        content = draft_pack(session, demo.meeting_id, language="en", cut_off=datetime.now(UTC))
    exceptions = next(s for s in content.sections if s.section == AgendaSection.EXCEPTIONS.value)
    return exceptions.table("exceptions").rows[0][0]


def _inert(text: str) -> str:
    text = "'" + text if text.startswith(FORMULA_STARTS) else text
    return text if len(text) <= TEXT_MAX else text[: TEXT_MAX - 1] + "…"


# --- values at the edges, without a database ------------------------------------------------------------------


def edge_pack(lang: str = "en") -> PackContent:
    long_text = "=" + "x" * 40_000
    table = PackTable(
        "overruns",
        ("id", "initiative_id", "version", "title", "planned_cents", "due_on", "at", "value", "trend", "overdue"),
        (
            (1, 2, 3, long_text, -12345, date(1, 1, 1), datetime(1, 1, 1, tzinfo=UTC), math.inf, [1.5, 2.25], True),
            (4, 5, 6, "\x01ctrl", 0, date(9999, 12, 31), datetime(2026, 3, 29, 1, 30, tzinfo=UTC), -0.5, [], False),
        ),
        total=75,  # the pack holds the first rows only
    )
    return PackContent(
        meeting_id=1,
        cut_off=datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
        language=lang,
        time_zone="Europe/Amsterdam",
        sections=(
            PackSection(kind=SectionKind.COVER, title="Board — Q4", facts={"starts_at": None, "body": "Board"}),
            PackSection(kind=SectionKind.TOPIC, title="History", commentary="", tables=(table,)),
            PackSection(kind=SectionKind.TOPIC, title="history"),
            PackSection(kind=SectionKind.TOPIC, title="[]:*?/\\'"),
        ),
    )


def test_values_at_the_edges_of_what_excel_holds():
    content = edge_pack()
    book = workbook(xlsx(content))
    assert book.sheetnames == ["Contents", "Board — Q4", "History (2)", "history (3)", "Section 4"]
    sheet = book.worksheets[2]
    assert sheet["A3"].value == "Spending beyond plan (the first 2 of 75; all of them in the app)"
    headers = [c.value for c in sheet[4] if c.value]
    assert "id" not in str(headers).lower().split() and len(headers) == 7  # no ids or versions
    first, second = list(sheet[5])[:7], list(sheet[6])[:7]
    assert first[0].value == "'=" + "x" * (TEXT_MAX - 3) + "…" and len(first[0].value) == TEXT_MAX
    assert first[1].value == -123.45 and second[1].value == 0
    assert first[2].value == i18n.format_day(date(1, 1, 1), "en")  # before Excel's first day: as text
    assert second[2].is_date and second[2].value.date() == date(9999, 12, 31)
    assert isinstance(first[3].value, str) and not first[3].is_date
    assert second[3].value == datetime(2026, 3, 29, 3, 30)  # summer time began at 01:00 UTC that night
    assert first[4].value == "∞" and second[4].value == -0.5
    assert first[5].value == "1.5; 2.25" and second[5].value is None
    assert (first[6].value, second[6].value) == ("yes", "no")
    assert second[0].value == "ctrl"  # a control character is dropped
    no_formula_anywhere(book)


def test_a_draft_says_it_is_not_published():
    content = replace(edge_pack("nl"), number=None)
    contents = workbook(xlsx(content)).worksheets[0]
    assert contents["A6"].value == "Versie" and contents["B6"].value == i18n.t("pack.draft", "nl")


def test_sheet_names_from_any_title():
    names = sheet_names(
        ["Inhoud", "a" * 40, "a" * 40, "'quoted'", "\n\t", "👩‍👩‍👧‍👦" * 10, "Re: [draft] Q4/Q1?", "HISTORY"],
        taken=["Inhoud"],
        unnamed=lambda n: f"Onderdeel {n}",
    )
    assert names[:3] == ["Inhoud (2)", "a" * 31, "a" * 27 + " (2)"]
    assert names[3] == "quoted" and names[4] == "Onderdeel 5"
    assert len(names[5].encode("utf-16-le")) // 2 <= 31
    assert names[6] == "Re draft Q4 Q1" and names[7] == "HISTORY (2)"
    assert_valid_names(names)


def test_the_xlsx_format_is_registered():
    assert FORMATS["xlsx"].draw is pack_xlsx.draw_xlsx
    assert FORMATS["xlsx"].mime.endswith("spreadsheetml.sheet")
