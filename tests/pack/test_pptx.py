"""The board pack as PPTX, read back with python-pptx: a slide per section (more where it is long, titled
'(2/3)'), the cut-off and page number on every slide, every figure the blocks' own text, long tables cut into pages,
native charts holding the blocks' numbers, the appendix after a divider, a one-pager on one slide, and user text set
literally — in Dutch and English, in cxgov's default template and in a company's own."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.enum.text import PP_ALIGN

from cxgov import i18n
from cxgov.db import make_engine, session_scope
from cxgov.models import Meeting, MeetingStatus
from cxgov.pack import formats  # noqa: F401 (registers the formats)
from cxgov.pack.blocks import ROWS_PER_PAGE, Chart, Table, cover_facts, cut_off_text, views
from cxgov.pack.collect import collect_pack
from cxgov.pack.content import PackSection, PackTable, SectionKind
from cxgov.pack.measure import ELLIPSIS
from cxgov.pack.render import FORMATS, render_pack
from tests.conftest import copy_sqlite
from tests.hostile import CORPUS, fit, seed_corpus
from tests.pack.slides import (
    CUT_OFF,
    cells,
    charts,
    drawn_as_blocks,
    opened,
    runs,
    sections,
    shortening,
    split_title,
    tables,
    text_boxes,
    title,
)
from tests.pack.templates import A4, FONTS, TEMPLATE_SLIDE, company_template, theme_fonts

LANGUAGES = ("nl", "en")
CHART_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
ONE_PAGER_ROWS = 30


@pytest.fixture(scope="module")
def packs(demo_template):
    """The demo's draft meeting's pack in both languages (tests/pack/demo_packs.py: every kind of section), with an
    appendix: a one-pager longer than a page."""
    engine = make_engine(f"sqlite:///{demo_template}")
    try:
        with session_scope(engine) as session:
            meeting_id = session.execute(
                sa.select(Meeting.id).where(Meeting.status == MeetingStatus.DRAFT)
            ).scalar_one()
            drafts = {
                lang: collect_pack(session, meeting_id, language=lang, cut_off=CUT_OFF, number=1) for lang in LANGUAGES
            }
        return {lang: replace(draft, sections=(*draft.sections, _one_pager())) for lang, draft in drafts.items()}
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def drawn(packs):
    return {lang: render_pack(content, "pptx") for lang, content in packs.items()}


def _one_pager() -> PackSection:
    return PackSection(
        kind=SectionKind.ONE_PAGER,
        title="Callback promise kept",
        ref_id=1,
        commentary="Pilot in two regions.\nThe board is asked to fund the roll-out.",
        facts={
            "owner": "Ingrid Mulder",
            "sponsor": "Bas van Dijk",
            "checkin_date": date(2026, 11, 20),
            "budget_cents": 1_250_000,
            "description": "Customers who wait for a callback get one within the promised hour. " * 12,
        },
        tables=(
            PackTable(
                "actions",
                ("text", "owner", "due_on"),
                tuple(
                    (f"Action {n}: call the customer back", "Noor Dekker", date(2026, 12, n % 28 + 1))
                    for n in range(ONE_PAGER_ROWS)
                ),
            ),
            PackTable("lessons", ("title", "lesson"), ()),
            PackTable("scorecard", ("name", "value", "target"), (("CSAT after a contact", 8.2, 8.5),)),
        ),
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_slide_has_a_title_from_the_pack_and_the_footer_with_cut_off_and_page(packs, drawn, lang):
    content, deck = packs[lang], opened(drawn[lang])
    shown = views(content)
    appendix = i18n.t("pack.slides.appendix", lang)
    expected = [content.cover.title] + [
        title for view in shown for title in ([appendix] if view is _first_appendix(shown) else []) + [view.title]
    ]
    drawn_sections = sections(deck)
    assert [s.title for s in drawn_sections] == expected
    for section in drawn_sections:
        numbered = [split_title(title(slide))[1:] for slide in section.slides]
        assert numbered == (
            [(1, 1)] if len(numbered) == 1 else [(n, len(numbered)) for n in range(1, len(numbered) + 1)]
        )
    cut_off = f"{i18n.t('pack.cut_off', lang)} {cut_off_text(content)}"
    for number, slide in enumerate(deck.slides, start=1):
        assert f"{cut_off} · {i18n.t('pack.page', lang, n=number)}" in text_boxes(slide)
    assert len(deck.slides) == sum(len(s.slides) for s in drawn_sections) > len(shown) + 2


def _first_appendix(shown):
    return next((view for view in shown if view.appendix), None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_cover_names_the_meeting_with_its_facts(packs, drawn, lang):
    content, cover = packs[lang], opened(drawn[lang]).slides[0]
    assert title(cover) == content.cover.title
    lines = [f"{label}: {value}" for label, value in cover_facts(content).items]
    assert [p.text for p in cover.placeholders[1].text_frame.paragraphs] == lines
    assert cover.slide_layout.name == "Title Slide"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_and_text_shown_is_the_blocks_own(packs, drawn, lang):
    assert drawn_as_blocks(opened(drawn[lang]), packs[lang]) > 500


@pytest.mark.parametrize("lang", LANGUAGES)
def test_long_tables_are_cut_into_pages_of_at_most_twelve_rows(packs, drawn, lang):
    deck = opened(drawn[lang])
    pagers = one_pager_slides(deck, packs[lang])  # one slide each: their facts list, and what fits of each table
    assert all(len(t.rows) <= ROWS_PER_PAGE + 1 for slide in deck.slides if slide not in pagers for t in tables(slide))
    changes = next(v for v in views(packs[lang]) if v.kind is SectionKind.SECTION and _rows(v) > 24)
    headings = [
        text for s in sections(deck) if s.title == changes.title for slide in s.slides for text in text_boxes(slide)
    ]
    pages = [h for h in headings if re.search(r" \(\d+/\d+\)$", h)]
    assert len(pages) >= 3 and pages[0].endswith(f"(1/{len(pages)})")


def _rows(view) -> int:
    return max((len(b.rows) for b in view.blocks if isinstance(b, Table)), default=0)


def one_pager_slides(deck, content) -> list:
    """The slides of the appendix's one-pagers (an initiative on the agenda has a section of the same title)."""
    drawn_sections = sections(deck)
    divider = [s.title for s in drawn_sections].index(i18n.t("pack.slides.appendix", content.language))
    pagers = {view.title for view in views(content) if view.kind is SectionKind.ONE_PAGER}
    return [slide for s in drawn_sections[divider + 1 :] if s.title in pagers for slide in s.slides]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_charts_are_native_and_hold_the_blocks_numbers(packs, drawn, lang):
    deck = opened(drawn[lang])
    by_section = {s.title: [c for slide in s.slides for c in charts(slide)] for s in sections(deck)}
    blocks = [(v.title, b) for v in views(packs[lang]) for b in v.blocks if isinstance(b, Chart)]
    assert {b.kind for _, b in blocks} == {"bar", "stacked_bar", "line"}
    for section_title, block in blocks:
        (native,) = [c for c in by_section[section_title] if tuple(c.plots[0].categories) == block.categories]
        assert native.chart_type == CHART_TYPES[block.kind]
        assert [(s.name, tuple(s.values)) for s in native.plots[0].series] == [
            (name, tuple(values)) for name, values in block.series
        ]
        assert native.has_legend and native.legend.position == XL_LEGEND_POSITION.BOTTOM
        for series, colour in zip(native.plots[0].series, block.colours, strict=False):
            if colour:
                assert str(series.format.fill.fore_color.rgb) == colour


@pytest.mark.parametrize(("lang", "code"), [("nl", '[$-413]"€"\\ #,##0'), ("en", '[$-809]"€"#,##0')])
def test_money_is_written_in_euros_with_the_packs_locale(packs, drawn, lang, code):
    """Excel's neutral notation (',' groups thousands) tagged with the pack's locale: a Dutch reader sees € 1.234."""
    deck = opened(drawn[lang])
    money = [c for slide in deck.slides for c in charts(slide) if c.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED]
    assert money and all(c.value_axis.tick_labels.number_format == code for c in money)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_leaves_the_slide_or_runs_into_the_footer_and_text_stays_readable(packs, drawn, lang):
    """Tables at 10 pt at least (8 pt on a one-pager, which must fit one page), the footer at 9 pt."""
    deck = opened(drawn[lang])
    width, height = deck.slide_width, deck.slide_height
    footer_top = height * 94 // 100
    pagers = one_pager_slides(deck, packs[lang])
    assert len(pagers) > 1, "the demo's one-pagers and the long one"
    for slide in deck.slides:
        one_pager = slide in pagers
        for shape in slide.shapes:
            bottom = shape.top + (sum(r.height for r in shape.table.rows) if shape.has_table else shape.height)
            assert shape.left >= 0 and shape.left + shape.width <= width, (title(slide), shape.name)
            if shape.top < footer_top:
                assert bottom <= footer_top, (title(slide), shape.name)
        assert min(_font_sizes(slide)) >= (8 if one_pager else 9)
        in_tables = [r.font.size.pt for t in slide.shapes if t.has_table for r in runs(t) if r.font.size]
        assert not in_tables or min(in_tables) >= (8 if one_pager else 10)


def _font_sizes(slide) -> list[float]:
    return [run.font.size.pt for shape in slide.shapes for run in runs(shape) if run.font.size]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_appendix_follows_a_divider_and_a_one_pager_is_one_slide(packs, drawn, lang):
    drawn_sections = sections(opened(drawn[lang]))
    names = [s.title for s in drawn_sections]
    divider = names.index(i18n.t("pack.slides.appendix", lang))
    assert names[divider + 1] == _first_appendix(views(packs[lang])).title and len(drawn_sections[divider].slides) == 1
    pagers = {view.title for view in views(packs[lang]) if view.kind is SectionKind.ONE_PAGER}
    assert all(len(s.slides) == 1 for s in drawn_sections[divider + 1 :] if s.title in pagers)
    (slide,) = drawn_sections[names.index("Callback promise kept")].slides
    texts = text_boxes(slide)
    left_out = ONE_PAGER_ROWS - (
        len(next(t for t in tables(slide) if cells(t)[0][0] == i18n.t("present.col.text", lang)).rows) - 1
    )
    assert left_out > 0 and i18n.t("pack.slides.more", lang, n=left_out) in texts
    assert i18n.t("present.none", lang) in texts  # the lessons: none
    facts = next(cells(t) for t in tables(slide) if cells(t)[0][0] == i18n.t("pack.fact.owner", lang))
    assert facts[0] == [i18n.t("pack.fact.owner", lang), "Ingrid Mulder"]
    assert facts[-1][1].endswith(ELLIPSIS)  # the long description, shortened to fit the one page
    assert any("Pilot in two regions." in t for t in texts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_empty_table_says_so(packs, drawn, lang):
    lessons = next(v for v in views(packs[lang]) if any(isinstance(b, Table) and not b.rows for b in v.blocks))
    (section,) = [s for s in sections(opened(drawn[lang])) if s.title == lessons.title]
    assert i18n.t("present.none", lang) in text_boxes(section.slides[0])


def test_no_empty_placeholder_is_left_on_a_slide(drawn):
    for slide in opened(drawn["nl"]).slides:
        assert all(p.text_frame.text.strip() for p in slide.placeholders)


def test_text_is_set_literally_without_the_characters_xml_cannot_hold(packs):
    text = '<b>Bold?</b> &amp; {{7*7}}\x00\x07\x1b =HYPERLINK("http://evil.example")'
    content = packs["en"]
    sections_ = tuple(replace(s, commentary=text) if s.kind is SectionKind.SUMMARY else s for s in content.sections)
    deck = opened(render_pack(replace(content, sections=sections_), "pptx"))
    summary = next(s for s in sections(deck) if s.title == content.sections[1].title)
    body = summary.slides[0].placeholders[1].text_frame.text
    assert body.split("\n")[0] == '<b>Bold?</b> &amp; {{7*7}} =HYPERLINK("http://evil.example")'


def test_a_chart_series_named_like_a_formula_stays_text_in_the_embedded_workbook(packs):
    content = packs["en"]
    kpi = PackSection(
        kind=SectionKind.KPI,
        title='=HYPERLINK("http://evil.example","x")',
        section="kpi",
        tables=(PackTable("readings", ("period", "value", "n", "source"), ((date(2026, 10, 1), 7.5, 100, "Survey"),)),),
    )
    deck = opened(render_pack(replace(content, sections=(*content.sections[:2], kpi)), "pptx"))
    (chart,) = [c for slide in deck.slides for c in charts(slide)]
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS and chart.plots[0].series[0].name == kpi.title
    workbook = zipfile.ZipFile(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
    sheet = workbook.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "hyperlink" not in sheet.lower()
    assert "'=HYPERLINK" in workbook.read("xl/sharedStrings.xml").decode()


def test_progress_is_reported_per_section(packs):
    content = packs["nl"]
    reported: list[tuple[float, str]] = []
    render_pack(content, "pptx", progress=lambda share, step: reported.append((share, step)))
    assert [step for _, step in reported] == [view.title for view in views(content)]
    shares = [share for share, _ in reported]
    assert shares == sorted(shares) and shares[-1] == 1.0


def test_the_format_is_registered(packs):
    assert FORMATS["pptx"].mime == "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    assert opened(render_pack(packs["en"], "pptx")).slides


def test_a_company_template_is_used_as_given(packs):
    """Its slide size, its own (renamed) layouts, its logo and theme fonts; its example slides and their slide
    section are gone."""
    template = company_template()
    data = render_pack(packs["nl"], "pptx", template=template)
    deck = opened(data)
    assert (deck.slide_width, deck.slide_height) == A4
    assert {slide.slide_layout.name for slide in deck.slides} == {"Titel", "Inhoud"}
    assert [s.slide_layout.name for s in list(deck.slides)[:2]] == ["Titel", "Inhoud"]
    assert [s.name for s in deck.slide_master.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE] == ["Logo"]
    assert theme_fonts(data) == theme_fonts(template) == FONTS
    assert not any(TEMPLATE_SLIDE in t for slide in deck.slides for t in [title(slide), *text_boxes(slide)])
    assert b"sectionLst" not in zipfile.ZipFile(io.BytesIO(data)).read("ppt/presentation.xml")
    for slide in deck.slides:
        for shape in slide.shapes:
            bottom = shape.top + (sum(r.height for r in shape.table.rows) if shape.has_table else shape.height)
            assert shape.left + shape.width <= deck.slide_width and bottom <= deck.slide_height, title(slide)
    assert len(deck.slides) > len(views(packs["nl"]))


@pytest.fixture(scope="module")
def hostile(sqlite_dir, sqlite_template):
    """The hostile corpus in every text field (tests/hostile.py): a meeting per entry, its topic, commentary and
    an owner's ask holding the entry."""
    target = sqlite_dir / "pptx-hostile.sqlite3"
    copy_sqlite(sqlite_template, str(target))
    engine = make_engine(f"sqlite:///{target}")
    yield engine, seed_corpus(engine)
    engine.dispose()


def test_hostile_text_reaches_the_slides_as_literal_text(hostile):
    """Topic title, agenda commentary, the summary and a board ask, each an entry of the corpus, are on the slides
    as typed — never parsed as markup, a link or a field — in both languages (alternating by entry)."""
    engine, seed = hostile
    for n, entry in enumerate(CORPUS):
        lang = LANGUAGES[n % 2]
        with session_scope(engine) as session:
            content = collect_pack(
                session, seed.meeting_ids[entry.key], language=lang, cut_off=CUT_OFF, summary=fit(entry.text, 2_000)
            )
        deck = opened(render_pack(content, "pptx"))
        drawn_as_blocks(deck, content)
        titles = [s.title for s in sections(deck)]
        topic = next(s for s in content.sections if s.kind is SectionKind.TOPIC)
        # the topic, the initiative on the agenda and its one-pager
        assert topic.title == fit(entry.text, 200) and titles.count(topic.title) == 3, entry.key
        summary = next(s for s in sections(deck) if s.title == content.sections[1].title).slides[0]
        first, line = summary.placeholders[1].text_frame.paragraphs[0].text, entry.text.split("\n")[0][:2_000]
        assert first == line or (entry.key == "big" and line.startswith(first) and len(first) > 1_000), entry.key
        asks = [
            row
            for s in sections(deck)
            for slide in s.slides
            for t in tables(slide)
            if cells(t)[0][-1] == i18n.t("present.col.ask", lang)
            for row in cells(t)[1:]
        ]
        assert [shortening(row[-1], fit(entry.text, 1_000)) for row in asks] == [row[-1] for row in asks], entry.key
        assert len(asks) == 1 and asks[0][0] == shortening(asks[0][0], fit(entry.text, 200)), entry.key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tables_have_a_styled_header_and_numbers_right_aligned(packs, drawn, lang):
    blocks = {block.headers: block for view in views(packs[lang]) for block in view.blocks if isinstance(block, Table)}
    numeric_seen = 0
    for slide in opened(drawn[lang]).slides:
        for native in tables(slide):
            block = blocks.get(tuple(cells(native)[0]))
            if block is None:
                continue  # fact tiles
            assert native.first_row and all(r.font.bold for c in native.rows[0].cells for r in _cell_runs(c))
            for row in list(native.rows)[1:]:
                for cell, numeric in zip(row.cells, block.numeric, strict=True):
                    alignment = cell.text_frame.paragraphs[0].alignment
                    assert (alignment == PP_ALIGN.RIGHT) == numeric, (block.heading, cell.text_frame.text)
                    numeric_seen += numeric
    assert numeric_seen > 50


def _cell_runs(cell):
    return [run for paragraph in cell.text_frame.paragraphs for run in paragraph.runs]
