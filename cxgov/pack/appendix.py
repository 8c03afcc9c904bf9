"""The board pack's appendix, after the agenda: a one-page report (A3) per initiative the meeting discusses or is
asked to decide on, what each active KPI measures and how, and how fresh each source of data was at the cut-off.

Every initiative's data is read in a fixed number of statements (batched by initiative id), however many
initiatives have a one-pager and however large the portfolio.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import pandas as pd
from sqlmodel import Session

from cxgov import i18n
from cxgov.models import AgendaItemKind, AgendaSection
from cxgov.pack.blocks import KPI_DEFINITION_COLUMNS
from cxgov.pack.content import PackSection, PackTable, SectionKind, plain
from cxgov.queries import admin as kpi_catalogue
from cxgov.queries import freshness as sources
from cxgov.queries import one_pagers
from cxgov.queries.actions import action_list
from cxgov.queries.agenda_data import AgendaData
from cxgov.queries.decisions import decision_register
from cxgov.queries.health import Assessment, assess
from cxgov.queries.initiatives import InitiativeDetail, initiative_details, initiatives_kpi_links
from cxgov.settings import get_settings

CHECK_INS_SHOWN = 3  # the last three check-ins: where the work came from and where it stands
# A one-pager is one page: a longer text (a background may run to 20,000 characters) is cut at a word with '…';
# the whole text stays on the initiative's page.
ONE_PAGER_TEXT = 600
# A quarterly KPI is measured after its quarter ends, so its latest month can be five months old before the next
# reading is due; a KPI without a reading that counts for longer is out of date.
KPI_STALE_AFTER_MONTHS = 6
# The one-pager's facts, in the order a reader takes them in, named as the initiative's agenda section names them
# (its planned total is its budget); all but the health by the rules come from the initiative's read model.
ONE_PAGER_FACTS = (
    "owner",
    "sponsor",
    "owning_department",
    "discipline",
    "objective",
    "status",
    "phase",
    "cycle_number",
    "start_date",
    "target_date",
    "budget_cents",
    "actual_cents",
    "progress_pct",
    "health",
    "reason",
    "derived_health",
    "checkin_date",
    "background",
)
DETAIL_NAMES = {"budget_cents": "planned_cents", "background": "description"}  # the A3's names for the read model's
# Each of a one-pager's tables: the columns it shows, as its batched read names them.
ONE_PAGER_TABLES = {
    "kpis": ("name", "unit", "baseline", "target", "latest_value", "latest_period"),
    "check_ins": ("date", "health", "reason", "summary", "next_steps"),
    "milestones": ("milestone", "due_on", "overdue"),
    "decisions": ("decided_on", "decision_kind", "decision_status", "text"),
    "actions": ("text", "owner", "due_on", "overdue"),
}
FRESHNESS_COLUMNS = ("source", "latest", "entered_at", "stale", "note")


def appendix(
    session: Session, items: Iterable[dict], requested: Sequence[int | None], data: AgendaData, language: str
) -> list[PackSection]:
    """The appendix of a pack whose agenda `items` (in order) read `data`, `requested` naming the initiatives whose
    owners ask the meeting for a decision: the one-pagers, the KPI definitions and the data's freshness."""
    catalogue = kpi_catalogue.kpis(session)
    active = catalogue[catalogue["active"].astype(bool)]
    return [
        *one_pager_sections(session, initiatives_on_agenda(items, requested, data), data.today),
        kpi_definitions(active, language),
        freshness(session, active, data.today, language),
    ]


def initiatives_on_agenda(items: Iterable[dict], requested: Sequence[int | None], data: AgendaData) -> list[int]:
    """The initiatives the meeting discusses or is asked to decide on, once each, in agenda order: an initiative
    on the agenda, those whose owners ask for a decision (`requested`) where the decisions requested are, the
    exceptions with an ask where the exceptions are; asks whose section is not on the agenda follow."""
    exceptions = data.sections[AgendaSection.EXCEPTIONS].tables["exceptions"]
    with_ask = exceptions[exceptions["ask"].notna() & (exceptions["ask"] != "")]["initiative_id"]
    found: list = []
    for item in items:
        if item["kind"] == AgendaItemKind.INITIATIVE.value:
            found.append(item["initiative_id"])
        elif item["section"] == AgendaSection.DECISIONS_REQUESTED.value:
            found += requested
        elif item["section"] == AgendaSection.EXCEPTIONS.value:
            found += list(with_ask)
    found += requested
    return list(dict.fromkeys(int(i) for i in found if i is not None and not pd.isna(i)))


def one_pager_sections(session: Session, initiative_ids: list[int], today: date) -> list[PackSection]:
    """A one-pager per initiative that exists, in the given order."""
    if not initiative_ids:
        return []
    settings = get_settings()
    details = initiative_details(session, initiative_ids)
    judged = assess(
        session,
        initiative_ids=initiative_ids,
        today=today,
        cadence_days=settings.check_in_cadence_days,
        spend_tolerance_pct=settings.spend_tolerance_pct,
    )
    reads = {
        "kpis": initiatives_kpi_links(session, initiative_ids),
        "check_ins": one_pagers.recent_check_ins(session, initiative_ids, per_initiative=CHECK_INS_SHOWN),
        "milestones": one_pagers.open_milestones(session, initiative_ids, today=today),
        "decisions": decision_register(session, initiative_ids=initiative_ids).rename(
            columns={"kind": "decision_kind", "status": "decision_status"}
        ),
        "actions": action_list(session, initiative_ids=initiative_ids, open_only=True, today=today),
    }
    rows = {name: _by_initiative(reads[name], columns) for name, columns in ONE_PAGER_TABLES.items()}
    return [
        one_pager(details[i], judged.get(i), {name: found.get(i, []) for name, found in rows.items()})
        for i in initiative_ids
        if i in details  # an agenda item's initiative that is gone: its agenda section says so
    ]


def one_pager(detail: InitiativeDetail, assessment: Assessment | None, rows: dict[str, list[tuple]]) -> PackSection:
    """One initiative on one page: who, where it stands and why, its money, its KPIs, its recent check-ins, what
    is still to reach, what was decided about it and what the board asked of it (`rows`: each table's rows)."""
    derived = assessment.derived if assessment is not None else None  # None: not running, so not judged
    judged = {"derived_health": derived.value if derived is not None else None}
    facts = {
        name: judged[name] if name in judged else _cut(getattr(detail, DETAIL_NAMES.get(name, name)))
        for name in ONE_PAGER_FACTS
    }
    return PackSection(
        kind=SectionKind.ONE_PAGER,
        title=detail.title,
        ref_id=detail.id,
        facts=facts,
        tables=tuple(PackTable(name, columns, tuple(rows[name])) for name, columns in ONE_PAGER_TABLES.items()),
    )


def _by_initiative(frame: pd.DataFrame, columns: tuple[str, ...]) -> dict[int, list[tuple]]:
    """A batched read's rows per initiative, as plain values of the table's columns, in the read's order (one pass:
    filtering the frame per initiative cost most of the appendix's time)."""
    found = defaultdict(list)
    for initiative_id, *row in frame[["initiative_id", *columns]].itertuples(index=False, name=None):
        found[initiative_id].append(tuple(_cut(plain(value)) for value in row))
    return found


def _cut(value):
    """A text longer than ONE_PAGER_TEXT cut at its last word that fits, with '…'; any other value as it is."""
    if not isinstance(value, str) or len(value) <= ONE_PAGER_TEXT:
        return value
    kept = value[: ONE_PAGER_TEXT - 1]
    word = kept.rfind(" ")
    return (kept[:word] if word > ONE_PAGER_TEXT // 2 else kept).rstrip() + "…"


def kpi_definitions(active: pd.DataFrame, language: str) -> PackSection:
    """What each active KPI measures, on which scale, which way is better, how it is measured and by whom."""
    table = active[list(KPI_DEFINITION_COLUMNS)]
    return PackSection(
        kind=SectionKind.KPI_DEFINITIONS,
        title=i18n.t("pack.appendix.kpi_definitions", language),
        facts={"kpis": len(table)},
        tables=(PackTable.of("kpis", table),),
    )


def freshness(session: Session, active: pd.DataFrame, today: date, language: str) -> PackSection:
    """Per source, its latest date at the cut-off, when it was entered and how much of it is out of date: each
    active KPI, the check-ins, the milestones and the expenses."""
    cadence = get_settings().check_in_cadence_days
    entered = sources.kpi_readings_entered(session).set_index("kpi_id").to_dict("index")
    kpi_note = i18n.t("pack.appendix.note.kpi", language, months=KPI_STALE_AFTER_MONTHS)
    rows = []
    for kpi_id, name in zip(active["id"], active["name"], strict=True):
        latest = entered.get(kpi_id, {"latest_period": None, "entered_at": None})
        stale = _kpi_stale(latest["latest_period"], today)
        rows.append((name, latest["latest_period"], latest["entered_at"], int(stale), kpi_note))
    for source, found, note in (
        ("check_ins", sources.check_ins(session, stale_before=today - timedelta(days=cadence)), {"days": cadence}),
        ("milestones", sources.milestones(session, today=today), {}),
        ("expenses", sources.expenses(session), {}),
    ):
        name = i18n.t(f"pack.appendix.source.{source}", language)
        rows.append(
            (
                name,
                found.latest,
                found.entered_at,
                found.stale,
                i18n.t(f"pack.appendix.note.{source}", language, **note),
            )
        )
    return PackSection(
        kind=SectionKind.FRESHNESS,
        title=i18n.t("pack.appendix.freshness", language),
        facts={"check_in_cadence_days": cadence, "kpi_stale_after_months": KPI_STALE_AFTER_MONTHS},
        tables=(PackTable("sources", FRESHNESS_COLUMNS, tuple(tuple(plain(v) for v in row) for row in rows)),),
    )


def _kpi_stale(latest_period: date | None, today: date) -> bool:
    """No reading that counts, or none for a month within KPI_STALE_AFTER_MONTHS before today's month."""
    if latest_period is None:
        return True
    months = (today.year - latest_period.year) * 12 + today.month - latest_period.month
    return months > KPI_STALE_AFTER_MONTHS
