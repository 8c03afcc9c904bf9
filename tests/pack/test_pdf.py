"""The board pack as a PDF, read back with pypdf as a tablet's reader or a search would: a cover, the contents
with the page of every section (the appendix under its own heading) and the same tree as the outline, 'page n
of N' on every page but the cover, every section title and every figure of every table in the text, long tables
flowing with their header repeated, charts without figures, hostile text shown literally, Dutch and English,
and the same bytes for the same pack."""

from __future__ import annotations

import io
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from sqlalchemy import select

from cxgov import i18n
from cxgov.db import make_engine, session_scope
from cxgov.models import AgendaItemKind, Meeting, MeetingStatus
from cxgov.pack import formats  # noqa: F401 (registers the formats)
from cxgov.pack import pdf as pdf_module
from cxgov.pack.blocks import Chart, Table, views
from cxgov.pack.content import PackContent, PackSection, PackTable, SectionKind
from cxgov.pack.pdf import draw_pdf
from cxgov.pack.pdf_charts import Axis, chart_drawing, number_writer, value_axis
from cxgov.pack.pdf_look import FAMILIES, pack_font
from cxgov.pack.render import FORMATS, render_pack
from cxgov.queries.board_pack import stored_pack
from cxgov.services.agenda import add_agenda_item, propose_agenda
from cxgov.services.board_asks import write_board_ask
from cxgov.services.board_pack import publish_pack
from cxgov.services.meetings import create_meeting
from cxgov.services.unit import SYSTEM_ACTOR
from tests.conftest import copy_sqlite
from tests.hostile import CORPUS, fit, seed_corpus

PAGE_OF = {"nl": "Pagina {n} van {total}", "en": "Page {n} of {total}"}
CUT_OFF = {"nl": "Peildatum", "en": "Cut-off"}
CONTENTS = {"nl": "Inhoud", "en": "Contents"}
APPENDIX = {"nl": "Bijlagen", "en": "Appendix"}


@dataclass(frozen=True)
class Drawn:
    """A pack, its PDF and what a reader gets from it."""

    content: PackContent
    data: bytes
    reader: PdfReader
    pages: list[str]  # each page's extracted text
    steps: list[tuple[float, str]]  # the progress reported

    @property
    def text(self) -> str:
        """The text of every page without the footers, so that what goes on over a page reads on."""
        return "\n".join([self.pages[0], *(below_footer(page) for page in self.pages[1:])])


def drawn(content: PackContent) -> Drawn:
    steps: list[tuple[float, str]] = []
    data = draw_pdf(content, progress=lambda share, step: steps.append((share, step)))
    reader = PdfReader(io.BytesIO(data))
    return Drawn(content, data, reader, [page.extract_text() for page in reader.pages], steps)


def squeezed(text: str) -> str:
    """Text without any whitespace (no-break spaces included): a cell's words wrap onto lines of their own."""
    return re.sub(r"\s+", "", text)


def shown(text: str) -> str:
    """What the pack's font draws of `text` (control characters dropped, missing glyphs replaced), squeezed."""
    return squeezed(pack_font().shown(text))


def published(engine, meeting_id: int, language: str, **kwargs) -> PackContent:
    with session_scope(engine, write=True) as session:
        pack_id = publish_pack(session=session, actor=SYSTEM_ACTOR, meeting_id=meeting_id, language=language, **kwargs)
    with session_scope(engine) as session:
        return stored_pack(session, pack_id).content


@pytest.fixture(scope="module")
def demo_pdfs(demo_template, sqlite_dir) -> dict[str, Drawn]:
    """The demo meeting's pack (its proposed agenda with a topic, an initiative and a KPI) published in Dutch and
    in English, drawn."""
    path = sqlite_dir / f"pdf-{uuid.uuid4().hex}.sqlite3"
    copy_sqlite(demo_template, str(path))
    engine = make_engine(f"sqlite:///{path}")
    with session_scope(engine) as session:
        meeting = session.execute(select(Meeting.id).where(Meeting.status == MeetingStatus.DRAFT)).scalar_one()
    packs = {language: drawn(published(engine, meeting, language)) for language in ("nl", "en")}
    engine.dispose()
    path.unlink()
    return packs


def outline(pdf: Drawn) -> list[tuple[int, str, int]]:
    """The PDF's outline as (level, title, page counted from 1), in order."""
    found = []

    def walk(entries, level):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                found.append((level, entry.title, pdf.reader.get_destination_page_number(entry) + 1))

    walk(pdf.reader.outline, 0)
    return found


def contents_text(pdf: Drawn) -> str:
    """The contents' pages (from the contents' page to the page before the first section's) as laid out: each
    line as it reads, a title followed by its page number."""
    tree = outline(pdf)
    pages = pdf.reader.pages[tree[0][2] - 1 : tree[1][2] - 1]
    return "\n".join(page.extract_text(extraction_mode="layout") for page in pages)


def below_footer(text: str) -> str:
    """A page's text without its footer (drawn first: the page number, then the meeting and the cut-off)."""
    return text.split("\n", 2)[2]


def fonts(pdf: Drawn) -> set[str]:
    """The fonts the pages use, by their names in the file (an embedded subset's carries a prefix)."""
    return {
        str(font.get_object()["/BaseFont"])
        for page in pdf.reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }


def sections(content: PackContent):
    return [view for view in views(content) if view.kind is not SectionKind.COVER]


def listed(content: PackContent) -> list[tuple[int, str]]:
    """The sections as the outline lists them (level, title): the agenda's, then the appendix under its heading."""
    shown = sections(content)
    appendix = [(1, view.title) for view in shown if view.appendix]
    heading = [(0, i18n.t("pack.pdf.appendix", content.language))] if appendix else []
    return [(0, view.title) for view in shown if not view.appendix] + heading + appendix


# --- the demo pack ------------------------------------------------------------------------------------------------


def test_the_demo_pack_draws_from_each_database_with_its_sections_in_the_contents(demo_on_both):
    pdf = drawn(published(demo_on_both.engine, demo_on_both.meeting_id, "nl"))
    assert pdf.data.startswith(b"%PDF-")
    listed = squeezed(contents_text(pdf))
    assert [title for title in (v.title for v in sections(pdf.content)) if squeezed(title) not in listed] == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_but_the_cover_names_the_meeting_the_cut_off_and_its_number_of_all(demo_pdfs, language):
    pdf = demo_pdfs[language]
    total = len(pdf.pages)
    assert total > 10
    assert PAGE_OF[language].split()[0] not in pdf.pages[0]
    for n, text in enumerate(pdf.pages[1:], start=2):
        assert PAGE_OF[language].format(n=n, total=total) in text
        assert pdf.content.cover.title in text and CUT_OFF[language] in text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_contents_give_each_section_the_page_it_opens_and_link_there_as_the_outline_does(demo_pdfs, language):
    pdf = demo_pdfs[language]
    tree = outline(pdf)
    assert tree[0][:2] == (0, CONTENTS[language])
    assert [(level, title) for level, title, _ in tree[1:]] == listed(pdf.content)
    contents = squeezed(contents_text(pdf))
    appendix = squeezed(i18n.t("pack.pdf.appendix", language))
    for _, title, page in tree[1:]:
        assert re.search(re.escape(squeezed(title)) + r"\.*" + f"{page}(?!\\d)", contents), title
        opening = squeezed(below_footer(pdf.pages[page - 1]))
        assert opening.startswith((squeezed(title), appendix + squeezed(title))), f"{title} opens page {page}"
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(pdf.reader.pages, start=1)}
    links = [a.get_object() for page in pdf.reader.pages[tree[0][2] - 1 : tree[1][2] - 1] for a in page["/Annots"]]
    assert {numbers[link["/Dest"][0].idnum] for link in links} == {page for _, _, page in tree[1:]}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_section_title_and_every_figure_of_every_table_is_in_the_text(demo_pdfs, language):
    pdf = demo_pdfs[language]
    text = squeezed(pdf.text)
    shown_views = views(pdf.content)
    missing = [v.title for v in shown_views if squeezed(v.title) not in text]
    tables = [block for view in shown_views for block in view.blocks if isinstance(block, Table)]
    assert sum(len(t.rows) for t in tables) > 60
    for table in tables:
        missing += [table.heading] if squeezed(table.heading) not in text else []
        missing += [
            cell for row in table.rows and (table.headers, *table.rows) for cell in row if squeezed(cell) not in text
        ]
    assert missing == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_file_names_its_title_author_subject_and_language(demo_pdfs, language):
    pdf = demo_pdfs[language]
    info = pdf.reader.metadata
    assert pdf.content.cover.title in info.title
    assert info.author == pdf.content.cover.facts["body"]
    assert pdf.content.cover.facts["body"] in info.subject
    assert pdf.reader.trailer["/Root"]["/Lang"] == {"nl": "nl-NL", "en": "en-GB"}[language]
    used = fonts(pdf)  # two faces, both embedded (a subset's name has a prefix); no Helvetica left to the viewer
    assert len(used) == 2 and all(name.startswith("/AAAAAA+") for name in used)


def test_the_money_chart_writes_its_axis_in_euros_in_the_language_of_the_pack(demo_pdfs):
    def money_page(pdf: Drawn) -> str:
        title = next(v.title for v in sections(pdf.content) if v.blocks and _has_chart(v, "money"))
        page = next(p for _, t, p in outline(pdf) if t == title)
        return pdf.pages[page - 1]

    assert re.search(r"€\s1\.000\.000(?!,)", money_page(demo_pdfs["nl"]))  # whole euros on the axis: € 1.000.000
    assert re.search(r"€1,000,000(?!\.)", money_page(demo_pdfs["en"]))


def _has_chart(view, number_format: str) -> bool:
    return any(getattr(block, "number_format", None) == number_format for block in view.blocks)


def test_progress_reports_each_section_once_in_order_and_ends_at_the_whole(demo_pdfs):
    pdf = demo_pdfs["nl"]
    shares = [share for share, _ in pdf.steps]
    assert shares == sorted(shares) and shares[-1] == 1.0 and all(0 <= s <= 1 for s in shares)
    assert [step for _, step in pdf.steps[:-1]] == [v.title for v in sections(pdf.content)]


def test_the_same_pack_gives_the_same_bytes_and_render_pack_offers_it_as_pdf(demo_pdfs):
    content = demo_pdfs["en"].content
    assert draw_pdf(content, progress=lambda share, step: None) == demo_pdfs["en"].data
    assert FORMATS["pdf"].mime == "application/pdf"
    assert render_pack(content, "pdf") == demo_pdfs["en"].data


# --- packs made for a case ----------------------------------------------------------------------------------------


def a_pack(*sections: PackSection, language: str = "nl", body: str = "CX board") -> PackContent:
    cover = PackSection(
        kind=SectionKind.COVER,
        title=f"{body} — 2026-Q4",
        facts={
            "body": body,
            "quarter": "2026-Q4",
            "starts_at": datetime(2026, 12, 14, 9, tzinfo=UTC),
            "duration_minutes": 120,
            "place": "Utrecht",
            "chair": "Carla Chair",
            "secretary": "Sam Secretary",
        },
        tables=(PackTable("members", ("name", "role"), (("Carla Chair", "chair"), ("Sam Secretary", "secretary"))),),
    )
    return PackContent(
        meeting_id=7,
        cut_off=datetime(2026, 12, 7, 10, 2, tzinfo=UTC),
        language=language,
        time_zone="Europe/Amsterdam",
        sections=(cover, *sections),
        number=1,
    )


ACTION_COLUMNS = ("text", "owner", "due_on", "status", "overdue", "meeting_quarter", "initiative_title")


def test_a_pack_of_a_cover_alone_is_one_page_without_contents():
    pdf = drawn(a_pack())
    assert len(pdf.pages) == 1 and "Placeholder" not in pdf.text and "Sam Secretary" in pdf.text


def test_a_table_of_300_rows_flows_over_pages_each_under_the_header_row():
    rows = tuple(
        (
            f"Action {n:03} to follow up",
            f"Owner {n % 7}",
            date(2026, 1, 1) + timedelta(days=n),
            "open",
            False,
            "2026-Q3",
            f"Initiative {n % 11}",
        )
        for n in range(1, 301)
    )
    follow_up = PackSection(
        kind=SectionKind.SECTION,
        title="Opvolging",
        section="follow_up",
        tables=(PackTable("actions", ACTION_COLUMNS, rows),),
    )
    pdf = drawn(a_pack(follow_up))
    table = next(b for b in views(pdf.content)[1].blocks if isinstance(b, Table))
    holding = [text for text in pdf.pages if "Action" in text]
    assert len(holding) >= 5
    assert all(all(header in text for header in table.headers) for text in holding)
    assert [n for n in range(1, 301) if f"Action {n:03} to follow up" not in pdf.text] == []
    assert all(len(re.findall(r"Action \d{3}", text)) < 100 for text in holding)  # not squeezed onto one page


def test_a_cell_taller_than_a_page_goes_on_in_the_rows_below_across_the_pages():
    reason = " ".join(f"word{n}" for n in range(2500))
    exceptions = PackSection(
        kind=SectionKind.SECTION,
        title="Uitzonderingen",
        section="exceptions",
        tables=(
            PackTable(
                "exceptions",
                ("title", "worst", "owner", "reason", "path_to_green", "ask", "rule_reasons", "checkin_date"),
                (
                    ("Tall", "red", "Noor", reason, "Agree", "—", [], None),
                    ("Short", "amber", "Rick", "x", "y", "z", [], None),
                ),
            ),
        ),
    )
    pdf = drawn(a_pack(exceptions))
    places = [re.search(rf"\bword{n}\b", pdf.text) for n in (0, 1000, 2000, 2499)]
    assert None not in places and [p.start() for p in places] == sorted(p.start() for p in places)
    assert "Short" in pdf.text
    pages = [n for n, text in enumerate(pdf.pages) if "word" in text]
    assert len(pages) >= 3 and pages == list(range(pages[0], pages[-1] + 1))


def test_charts_without_figures_say_so_and_charts_with_gaps_draw():
    money = PackSection(
        kind=SectionKind.SECTION,
        title="Geld",
        section="money",
        facts={"year": 2026},
        tables=(PackTable("by_discipline", ("discipline", "planned_cents", "spent_cents", "variance_cents"), ()),),
    )
    readings = PackTable(
        "readings",
        ("period", "value", "n", "source"),
        (
            (date(2026, 9, 1), 7.5, 100, "survey"),
            (date(2026, 10, 1), None, None, "survey"),
            (date(2026, 11, 1), 8.25, 90, "survey"),
        ),
    )
    gaps = PackSection(kind=SectionKind.KPI, title="NPS", ref_id=3, tables=(readings,))
    none = PackSection(
        kind=SectionKind.KPI,
        title="CES",
        ref_id=4,
        tables=(PackTable("readings", readings.columns, ((date(2026, 9, 1), None, None, "survey"),)),),
    )
    pdf = drawn(a_pack(money, gaps, none))
    # The CES chart has no figure to draw; money without any budget has no chart at all (its table says so).
    assert pdf.text.count("Geen cijfers om in een grafiek te tonen.") == 1
    nps_page = pdf.pages[next(p for _, t, p in outline(pdf) if t == "NPS") - 1]
    assert "8,25" in nps_page and "sep 2026" in nps_page


CHARTS = {
    "bars with gaps": Chart(
        "bar", "Geld", ("A", "B", "C"), (("Gepland", (1.0, None, 3.0)), ("Besteed", (None, None, 2.5))), "money"
    ),
    "stack with gaps": Chart(
        "stacked_bar",
        "Portfolio",
        ("A", "B"),
        (("Rood", (None, 2.0)), ("Groen", (1.0, None))),
        "count",
        ("C62828", None),
    ),
    "line with gaps at both ends": Chart(
        "line", "NPS", ("jan", "feb", "mrt", "apr"), (("NPS", (None, -12.5, -3.0, None)),), "measure"
    ),
    "all zero": Chart("bar", "Geld", ("A", "B"), (("Gepland", (0.0, 0.0)),), "money"),
    "one category": Chart("line", "CES", ("nov 2026",), (("CES", (4.2,)),), "measure"),
    "fewer values than categories": Chart("bar", "Geld", ("A", "B", "C"), (("Gepland", (5.0,)),), "money"),
    "not a number": Chart(
        "line", "NPS", ("a", "b"), (("NPS", (float("nan"), float("inf"))), ("CSAT", (80.0, 81.0))), "measure"
    ),
    "long labels": Chart(
        "bar", "x", tuple(f"Category with a long name {n} " * 3 for n in range(9)), (("s", tuple(range(9))),), "count"
    ),
}


@pytest.mark.parametrize("chart", CHARTS.values(), ids=CHARTS.keys())
def test_a_chart_draws_with_missing_zero_negative_or_few_figures(chart):
    drawing = chart_drawing(chart, pack_font(), 480, "nl")
    assert drawing is not None and drawing.width == 480
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")


@pytest.mark.parametrize(
    "chart",
    [
        Chart("bar", "Geld", (), (), "money"),
        Chart("bar", "Geld", ("A", "B"), (), "money"),
        Chart("line", "NPS", ("a", "b"), (("NPS", (None, float("nan"))),), "measure"),
    ],
    ids=["no categories", "no series", "no finite figure"],
)
def test_a_chart_without_a_figure_is_not_drawn(chart):
    assert chart_drawing(chart, pack_font(), 480, "en") is None


def test_the_value_axis_starts_at_zero_for_money_and_counts_and_hugs_a_measure():
    assert value_axis("bar", [[120_000.0, 950_000.0]], "money") == Axis(0.0, 1_000_000.0, 200_000.0)
    assert value_axis("stacked_bar", [[1.0, 2.0], [3.0, None]], "count") == Axis(0.0, 4.0, 1.0)
    assert value_axis("line", [[81.5, 83.0, 82.2]], "measure") == Axis(81.5, 83.0, 0.5)
    assert number_writer("money", "nl")(1_250_000.0) == "€\xa01.250.000"
    assert number_writer("money", "en")(1_250_000.0) == "€1,250,000"


def test_the_appendix_has_its_own_heading_in_the_contents_and_outline_and_a_one_pager_keeps_to_its_page():
    kpis = PackTable(
        "kpis",
        ("name", "unit", "baseline", "target", "latest_value", "latest_period"),
        tuple((f"KPI {n} of the initiative", "%", 70.0, 80.0, 75.5, date(2026, 11, 1)) for n in range(6)),
    )
    one_pager = PackSection(
        kind=SectionKind.ONE_PAGER,
        title="Self-service returns",
        commentary="Where it stands, in the owner's words.\n" * 6,
        ref_id=12,
        facts={"owner": "Noor Dekker", "status": "active", "health": "amber", "budget_cents": 12_000_000},
        tables=(kpis,),
    )
    definitions = PackSection(
        kind=SectionKind.KPI_DEFINITIONS,
        title="KPI definitions",
        tables=(
            PackTable("kpis", ("code", "name", "unit", "method"), (("NPS", "Net Promoter Score", "pt", "Survey"),)),
        ),
    )
    topic = PackSection(kind=SectionKind.TOPIC, title="Strategy day", commentary="Dates to agree.")
    pdf = drawn(a_pack(topic, one_pager, definitions))
    tree = outline(pdf)
    assert [(level, title) for level, title, _ in tree] == [
        (0, "Inhoud"),
        (0, "Strategy day"),
        (0, "Bijlagen"),
        (1, "Self-service returns"),
        (1, "KPI definitions"),
    ]
    pages = {title: page for _, title, page in tree}
    assert pages["Bijlagen"] == pages["Self-service returns"]
    assert pages["KPI definitions"] == pages["Self-service returns"] + 1  # the one-pager keeps to one page
    listed = squeezed(contents_text(pdf))
    assert listed.index("Strategyday") < listed.index("Bijlagen") < listed.index("Self-servicereturns")
    assert "KPI 5 of the initiative" in pdf.pages[pages["Self-service returns"] - 1]


def test_a_one_pager_too_long_for_its_page_flows_on_without_losing_a_line():
    kpis = PackTable(
        "kpis", ("name", "unit", "target"), tuple((f"KPI {n} of the initiative", "%", 80.0) for n in range(40))
    )
    commentary = "\n".join(f"Paragraph {n}: " + "where it stands and what comes next. " * 8 for n in range(30))
    one_pager = PackSection(
        kind=SectionKind.ONE_PAGER,
        title="Long",
        commentary=commentary,
        ref_id=1,
        facts={"owner": "Noor"},
        tables=(kpis,),
    )
    pdf = drawn(a_pack(one_pager, PackSection(kind=SectionKind.FRESHNESS, title="Freshness")))
    pages = {title: page for _, title, page in outline(pdf)}
    assert pages["Freshness"] - pages["Long"] >= 2
    assert [n for n in range(30) if f"Paragraph {n}:" not in pdf.text] == []
    assert [n for n in range(40) if f"KPI {n} of the initiative" not in pdf.text] == []


def test_a_section_with_a_table_too_wide_for_a_portrait_page_gets_landscape_pages():
    wide_rows = tuple(tuple(f"{column} text of row {n} " * 4 for column in "abcdefgh") for n in range(3))
    wide = PackSection(
        kind=SectionKind.SECTION, title="Wide", section="x", tables=(PackTable("wide", tuple("abcdefgh"), wide_rows),)
    )
    narrow = PackSection(kind=SectionKind.TOPIC, title="Narrow", commentary="Short.")
    pdf = drawn(a_pack(wide, narrow))
    pages = {title: pdf.reader.pages[page - 1] for _, title, page in outline(pdf)}
    assert pages["Wide"].mediabox.width > pages["Wide"].mediabox.height
    assert pages["Narrow"].mediabox.width < pages["Narrow"].mediabox.height


# --- text that is not what it seems ------------------------------------------------------------------------------

MARKUP = (
    "<b>bold</b> & <i>unclosed <para>x</para> </font> <a href='javascript:x'>link</a> &amp; &#x3C; <br/>",
    "A\x00NUL and \x07 bell \x1b[31m escape",
    "Invoice \u202egnp.exe",
    "Team 👩‍👩‍👧‍👦 e\u0301 ✓ 中文",
)


@pytest.mark.parametrize("text", MARKUP)
def test_markup_and_control_characters_in_a_text_are_drawn_as_they_are(text):
    topic = PackSection(kind=SectionKind.TOPIC, title=text[:60], commentary=f"{text}\n{text}")
    pdf = drawn(a_pack(topic, body=text[:30]))
    assert shown(text) in squeezed(pdf.text)
    assert "\x00" not in pdf.text and "\u202e" not in pdf.text


def test_the_font_drops_control_characters_and_shows_a_mark_for_what_it_cannot_draw():
    font = pack_font()
    assert font.shown("a\x00b\x07c\td\ne") == "abc d\ne"
    assert font.shown("Invoice \u202egnp.exe") == "Invoice gnp.exe"
    assert font.shown("x 👩 y") == f"x {font.replacement} y"
    assert font.markup("<b>&</b>\nnext") == "&lt;b&gt;&amp;&lt;/b&gt;<br/>next"


def test_without_dejavu_on_the_system_the_pack_draws_with_the_font_inside_reportlab(monkeypatch, tmp_path):
    (_, _, regular, bold), shipped = FAMILIES[0], FAMILIES[1]
    vera = pack_font((("DejaVuSans", tmp_path, regular, bold), shipped))
    assert vera.regular == "Vera" and vera.replacement == "?"
    monkeypatch.setattr(pdf_module, "pack_font", lambda: vera)
    topic = PackSection(kind=SectionKind.TOPIC, title="Geld € 1.234 — “goed”", commentary="Team 👩 Ж")
    pdf = drawn(a_pack(topic))
    assert "Geld € 1.234 — “goed”" in pdf.text and "Team ? ?" in pdf.text
    assert fonts(pdf) == {"/AAAAAA+BitstreamVeraSans-Roman", "/AAAAAA+BitstreamVeraSans-Bold"}


@pytest.fixture(scope="module")
def hostile(sqlite_dir, sqlite_template):
    """One meeting holding every entry of the hostile corpus as a topic (title and commentary) and as the ask of
    the entry's initiative, on a hostile portfolio; its pack published in Dutch and English with the corpus in
    the executive summary."""
    path = sqlite_dir / f"pdf-hostile-{uuid.uuid4().hex}.sqlite3"
    copy_sqlite(sqlite_template, str(path))
    engine = make_engine(f"sqlite:///{path}")
    seed = seed_corpus(engine)
    with session_scope(engine, write=True) as session:
        actor = seed.admin_id
        meeting = create_meeting(
            session=session,
            actor=actor,
            body="Hostile board",
            starts_at=datetime.now(UTC) + timedelta(days=21),
            chair_id=actor,
            secretary_id=actor,
            member_ids=[actor],
        )
        propose_agenda(session=session, actor=actor, meeting_id=meeting, seen_version=1)
        for h in CORPUS:
            version = session.get(Meeting, meeting).version
            add_agenda_item(
                session=session,
                actor=actor,
                meeting_id=meeting,
                seen_version=version,
                kind=AgendaItemKind.TOPIC,
                title=fit(h.text, 200),
                commentary=fit(h.text, 5_000),
            )
            write_board_ask(
                session=session,
                actor=actor,
                meeting_id=meeting,
                initiative_id=seed.initiative_ids[h.key],
                ask=fit(h.text, 1_000),
            )
    summary = "\n".join(h.text for h in CORPUS if h.key != "big")
    packs = {lang: drawn(published(engine, meeting, lang, summary=summary)) for lang in ("nl", "en")}
    engine.dispose()
    path.unlink()
    return packs


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_hostile_corpus_shows_as_typed_in_topics_commentary_summary_and_asks(hostile, language):
    pdf = hostile[language]
    text = squeezed(pdf.text)
    missing = [h.key for h in CORPUS if shown(fit(h.text, 200)) not in text or shown(fit(h.text, 5_000)) not in text]
    assert missing == []
    summary = next(v for v in views(pdf.content) if v.kind is SectionKind.SUMMARY)
    asks = [p for block in summary.blocks for p in getattr(block, "paragraphs", ())]
    assert len(asks) >= len(CORPUS)
    assert [p for p in asks if shown(p) not in text] == []
    for literal in ("<script>alert(1)</script>", "<b>big</b>", "&lt;script&gt;", "&amp;", "<%= 7*7 %>"):
        assert squeezed(literal) in text
    font = pack_font()
    assert [title for _, title, _ in outline(pdf)[1:]] == [font.line(title) for _, title in listed(pdf.content)]
