"""The pack's appendix, on both databases: a one-pager per initiative the meeting discusses or is asked about
(once each, in agenda order) holding that initiative's data, the definitions of the active KPIs, how fresh each
source was at the cut-off, and a number of statements that does not grow with the initiatives on the agenda."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from cxgov import written
from cxgov.db import session_scope
from cxgov.models import AgendaItem, AgendaSection, Expense, KpiReading, Milestone
from cxgov.pack.appendix import DETAIL_NAMES, ONE_PAGER_FACTS, ONE_PAGER_TEXT, appendix
from cxgov.pack.blocks import Facts, Table, views
from cxgov.pack.collect import items_on_agenda, requests
from cxgov.pack.content import SectionKind
from cxgov.queries import initiatives as initiative_queries
from cxgov.queries.agenda_data import agenda_data
from cxgov.queries.board_pack import draft_pack
from cxgov.queries.decisions import decision_register
from cxgov.queries.health import assess
from cxgov.queries.meetings import meeting_record
from cxgov.services import agenda, initiatives
from cxgov.settings import get_settings
from tests.factories import add_initiative, add_milestone, approve_and_move
from tests.meeting_builders import meeting_row, run
from tests.pack.arranged import TODAY, arrange, months_back


@pytest.fixture
def arranged(engine):
    return arrange(engine)


def pack(engine, meeting_id: int, language: str = "nl"):
    with session_scope(engine) as session:
        return draft_pack(session, meeting_id, language=language, cut_off=datetime.now(UTC))


def sections(content, kind: SectionKind) -> list:
    return [s for s in content.sections if s.kind is kind]


def test_one_pagers_are_the_initiatives_discussed_or_asked_about_once_each_in_agenda_order(engine, arranged):
    content = pack(engine, arranged.meeting)
    # The ask where the decisions requested are (the proposal beside it gets none), then the initiative added to
    # the agenda (the exceptions name the ask again); the appendix follows everything on the agenda.
    assert [s.ref_id for s in sections(content, SectionKind.ONE_PAGER)] == [arranged.asking, arranged.running]
    kinds = [s.kind for s in content.sections]
    first = kinds.index(SectionKind.ONE_PAGER)
    assert set(kinds[first:]) == {SectionKind.ONE_PAGER, SectionKind.KPI_DEFINITIONS, SectionKind.FRESHNESS}
    assert kinds[-2:] == [SectionKind.KPI_DEFINITIONS, SectionKind.FRESHNESS]

    with session_scope(engine) as session:
        requested = session.exec(
            select(AgendaItem).where(
                AgendaItem.meeting_id == arranged.meeting, AgendaItem.section == AgendaSection.DECISIONS_REQUESTED
            )
        ).one()
    run(
        engine,
        agenda.remove_agenda_item,
        item_id=requested.id,
        seen_version=meeting_row(engine, arranged.meeting).version,
    )
    # Without the decisions requested on the agenda: the ask where the exceptions are, then the initiative.
    assert [s.ref_id for s in sections(pack(engine, arranged.meeting), SectionKind.ONE_PAGER)] == [
        arranged.asking,
        arranged.running,
    ]


def test_the_summary_names_the_proposals_but_only_the_asks_get_a_one_pager(engine, arranged):
    content = pack(engine, arranged.meeting)
    (summary,) = sections(content, SectionKind.SUMMARY)
    assert {row[1] for row in summary.table("requests").rows} == {arranged.proposal, arranged.asking}
    assert arranged.proposal not in {s.ref_id for s in sections(content, SectionKind.ONE_PAGER)}


def test_a_one_pager_holds_its_initiatives_data(engine, arranged):
    content = pack(engine, arranged.meeting)
    page = next(s for s in sections(content, SectionKind.ONE_PAGER) if s.ref_id == arranged.running)
    settings = get_settings()
    with session_scope(engine) as session:
        detail = initiative_queries.initiative_detail(session, arranged.running)
        history = initiative_queries.check_ins(session, arranged.running)
        links = initiative_queries.kpi_links(session, arranged.running)
        register = decision_register(session, initiative_id=arranged.running)
        judged = assess(
            session,
            initiative_ids=[arranged.running],
            today=TODAY,
            cadence_days=settings.check_in_cadence_days,
            spend_tolerance_pct=settings.spend_tolerance_pct,
        )[arranged.running]
    assert page.title == detail.title == "Terugbellen binnen 24 uur 📞"
    assert tuple(page.facts) == ONE_PAGER_FACTS
    assert {name: value for name, value in page.facts.items() if name != "derived_health"} == {
        name: getattr(detail, DETAIL_NAMES.get(name, name)) for name in page.facts if name != "derived_health"
    }
    assert page.facts["derived_health"] == judged.derived.value
    assert {
        "owner": "Max Manager",
        "sponsor": "Carla Chair",
        "owning_department": "Klantcontact",
        "objective": "Moeiteloze service",
        "budget_cents": 1_500_000,
        "actual_cents": 40_050,
        "health": "amber",
        "checkin_date": TODAY - timedelta(days=10),
        "progress_pct": 50,
        "cycle_number": 1,
        "background": "Klanten bellen drie keer over één storing.",
    }.items() <= page.facts.items()

    check_ins = page.table("check_ins")
    history = history.rename(columns={"checkin_date": "date"})[list(check_ins.columns)]
    assert check_ins.rows == tuple(history.head(3).itertuples(index=False, name=None))
    assert [row[3] for row in check_ins.rows] == ["Nog steeds laat", "Leverancier laat", "Pilot loopt"]
    assert page.table("kpis").rows == (("Transactionele NPS", "", 15.0, 25.0, 21.5, months_back(1)),)
    assert page.table("kpis").rows == tuple(
        tuple(row) for row in links[list(page.table("kpis").columns)].itertuples(index=False, name=None)
    )
    assert page.table("milestones").rows == (
        ("Leverancier gekozen", TODAY - timedelta(days=3), True),
        ("Live in alle regio's", TODAY + timedelta(days=60), False),
    ), "the open milestones, the earliest first; the one reached is not open"
    decided_on = register["decided_on"].iloc[0]
    assert page.table("decisions").rows == ((decided_on, "fund", "active", "Extra budget voor de pilot"),)
    assert page.table("actions").rows == (
        ("Nieuwe planning van de leverancier", "Max Manager", TODAY + timedelta(days=14), False),
    )


def test_a_long_text_is_cut_at_a_word_so_the_one_pager_stays_one_page(engine, arranged):
    background = " ".join(f"woord{n}" for n in range(2_500))[:20_000]  # the longest description an input takes
    long = add_initiative(engine, owner_id=arranged.board.manager, title="Lang verhaal", description=background)
    run(
        engine,
        agenda.add_agenda_item,
        meeting_id=arranged.meeting,
        seen_version=meeting_row(engine, arranged.meeting).version,
        kind="initiative",
        initiative_id=long,
    )
    page = next(s for s in sections(pack(engine, arranged.meeting), SectionKind.ONE_PAGER) if s.ref_id == long)
    cut = page.facts["background"]
    assert len(cut) <= ONE_PAGER_TEXT and cut.endswith("…")
    assert background.startswith(cut[:-1]) and background[len(cut) - 1] == " ", "cut where a word ends"
    assert len(cut) > ONE_PAGER_TEXT - 20


def test_the_kpi_definitions_are_the_active_kpis_in_the_packs_language(engine, arranged):
    (dutch,) = sections(pack(engine, arranged.meeting), SectionKind.KPI_DEFINITIONS)
    (english,) = sections(pack(engine, arranged.meeting, "en"), SectionKind.KPI_DEFINITIONS)
    assert (dutch.title, english.title) == ("KPI-definities", "KPI definitions")
    table = dutch.table("kpis")
    assert [row[0] for row in table.rows] == ["CES", "TNPS"], "the retired KPI is left out"
    assert dict(zip(table.columns, table.rows[1], strict=True)) == {
        "code": "TNPS",
        "name": "Transactionele NPS",
        "kind": "nps",
        "unit": "",
        "scale_min": -100.0,
        "scale_max": 100.0,
        "direction": "higher_is_better",
        "method": "=promotors − criticasters",
        "description": "Na elk afgesloten contact",
        "owner": "Carla Chair",
        "primary_source": "panel",
    }
    assert dutch.facts == {"kpis": 2}


def test_freshness_names_each_sources_latest_date_and_what_is_out_of_date(engine, arranged, monkeypatch):
    with session_scope(engine) as session:
        entered = dict(
            session.execute(
                sa.select(KpiReading.kpi_id, KpiReading.created_at).where(
                    KpiReading.period.in_([months_back(1), months_back(10)])
                )
            ).all()
        )
        booked = session.execute(sa.select(Expense.created_at)).scalar_one()
        reached = session.execute(sa.select(Milestone.done_on).where(Milestone.done_on.is_not(None))).scalar_one()
    (section,) = sections(pack(engine, arranged.meeting), SectionKind.FRESHNESS)
    assert section.title == "Actualiteit van de gegevens op de peildatum"
    assert section.facts == {"check_in_cadence_days": 30, "kpi_stale_after_months": 6}
    rows = {row[0]: row[1:4] for row in section.table("sources").rows}
    assert rows == {
        "Klantinspanning": (months_back(10), entered[arranged.old_kpi], 1),  # ten months old: out of date
        "Transactionele NPS": (months_back(1), entered[arranged.kpi], 0),
        "Voortgangsmeldingen": (TODAY - timedelta(days=2), rows["Voortgangsmeldingen"][1], 0),
        "Mijlpalen": (reached, None, 1),  # "Leverancier gekozen" is three days late
        "Uitgaven": (TODAY - timedelta(days=5), booked, None),
    }
    assert rows["Voortgangsmeldingen"][1] is not None
    assert section.table("sources").rows[2][4] == (
        "Lopende initiatieven zonder voortgangsmelding in de laatste 30 dagen (of nog nooit)"
    )

    monkeypatch.setenv("CXGOV_CHECK_IN_CADENCE_DAYS", "7")  # the running initiative last reported ten days ago
    get_settings.cache_clear()
    (weekly,) = sections(pack(engine, arranged.meeting, "en"), SectionKind.FRESHNESS)
    check_ins = next(row for row in weekly.table("sources").rows if row[0] == "Check-ins")
    assert (
        check_ins[3] == 1 and check_ins[4] == "Running initiatives without a check-in in the last 7 days (or none yet)"
    )


def _on_the_agenda(engine, arranged, count: int) -> None:
    """`count` more running initiatives on the agenda, each with check-ins, milestones and a KPI link's worth of
    data to read."""
    for n in range(count):
        initiative = add_initiative(engine, owner_id=arranged.board.manager, start_date=TODAY - timedelta(days=60))
        approve_and_move(engine, initiative, 1)
        for days in (20, 5):
            run(
                engine,
                initiatives.record_check_in,
                initiative_id=initiative,
                data={"checkin_date": TODAY - timedelta(days=days), "health": "green", "summary": f"Week {n}"},
            )
        add_milestone(engine, initiative, due_on=TODAY + timedelta(days=n + 1))
        run(
            engine,
            agenda.add_agenda_item,
            arranged.board.secretary,
            meeting_id=arranged.meeting,
            seen_version=meeting_row(engine, arranged.meeting).version,
            kind="initiative",
            initiative_id=initiative,
        )


def _appendix_statements(engine, meeting_id: int) -> tuple[int, int]:
    """How many statements the appendix ran, and how many one-pagers it made."""
    with session_scope(engine) as session:
        items = items_on_agenda(meeting_record(session, meeting_id))
        data = agenda_data(session, meeting_id, today=TODAY)
        requested = [row[1] for row in requests(data, "nl")]
        statements = []

        def count(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        sa.event.listen(engine, "before_cursor_execute", count)
        try:
            made = appendix(session, items, requested, data, "nl")
        finally:
            sa.event.remove(engine, "before_cursor_execute", count)
    return len(statements), sum(s.kind is SectionKind.ONE_PAGER for s in made)


def test_the_appendix_reads_a_fixed_number_of_statements_however_many_initiatives_are_on_the_agenda(engine, arranged):
    few, pages = _appendix_statements(engine, arranged.meeting)
    assert pages == 3
    _on_the_agenda(engine, arranged, 6)
    many, more_pages = _appendix_statements(engine, arranged.meeting)
    assert more_pages == 9
    assert many == few


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_appendix_section_is_drawn_with_catalog_names_in_the_packs_language(engine, arranged, language):
    content = pack(engine, arranged.meeting, language)
    drawn = [view for view in views(content) if view.appendix]
    assert [view.kind for view in drawn][-2:] == [SectionKind.KPI_DEFINITIONS, SectionKind.FRESHNESS]
    texts = []
    for view in drawn:
        for block in view.blocks:
            if isinstance(block, Facts):
                texts += [text for pair in block.items for text in pair]
            if isinstance(block, Table):
                texts += [block.heading, *block.headers, *(cell for row in block.rows for cell in row)]
    assert [text for text in texts if "⟦" in text] == [], "every label, heading and header is in the catalog"
    (definitions,) = [view for view in drawn if view.kind is SectionKind.KPI_DEFINITIONS]
    (table,) = [block for block in definitions.blocks if isinstance(block, Table)]
    tnps = dict(zip(table.headers, table.rows[1], strict=True))
    better = {"en": "Higher is better", "nl": "Hoger is beter"}[language]
    assert (tnps[written.header("kind", language)], tnps[written.header("direction", language)]) == ("NPS", better)
    assert tnps[written.header("primary_source", language)] == "panel"
    page = next(view for view in drawn if view.title == "Terugbellen binnen 24 uur 📞")
    facts = dict(next(block for block in page.blocks if isinstance(block, Facts)).items)
    assert facts[{"en": "Background", "nl": "Achtergrond"}[language]] == "Klanten bellen drie keer over één storing."
