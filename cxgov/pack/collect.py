"""Read a meeting's board pack from the live data, in the meeting's agenda order: the cover, the executive
summary (a paragraph per decision requested), then every item still on the agenda — a proposed section with its
facts and tables, a topic, an initiative, a KPI — each with the chair's commentary from the agenda — and the
appendix (cxgov.pack.appendix)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import pandas as pd
from sqlmodel import Session

from cxgov import i18n
from cxgov.dates import day_in
from cxgov.minutes import agenda_item_title
from cxgov.models import AgendaItemKind, AgendaItemStatus, AgendaSection
from cxgov.pack.appendix import appendix
from cxgov.pack.content import PackContent, PackSection, PackTable, SectionKind
from cxgov.queries import admin as kpi_catalogue
from cxgov.queries import initiatives as initiative_queries
from cxgov.queries.agenda_data import AgendaData, agenda_data
from cxgov.queries.meetings import MeetingRecord, meeting_record
from cxgov.queries.readings import COUNTING
from cxgov.settings import get_settings

# A pack summarises: a section's table holds its first rows (worst or newest first) and says how many there were;
# the full lists stay on the pages. Five slides of twelve rows at most, whatever the portfolio's size.
TABLE_ROWS = 60
KPI_TREND_MONTHS = 24  # a KPI on the agenda: its last two years of readings that count
KPI_READING_COLUMNS = ("period", "value", "sample_size", "source")
KPI_FACTS = ("code", "kind", "unit", "scale_min", "scale_max", "direction", "method", "description")
INITIATIVE_FACTS = (
    "owner",
    "sponsor",
    "owning_department",
    "discipline",
    "status",
    "phase",
    "start_date",
    "target_date",
    "health",
    "checkin_date",
    "planned_cents",
    "actual_cents",
    "progress_pct",
)
INITIATIVE_KPI_COLUMNS = ("name", "unit", "baseline", "target", "latest_value", "latest_period")


def collect_pack(
    session: Session,
    meeting_id: int,
    *,
    language: str,
    cut_off: datetime,
    summary: str = "",
    paragraphs: Mapping[str, str] | None = None,
    number: int | None = None,
) -> PackContent:
    """The pack of the meeting as the data stands now, its figures dated `cut_off` (UTC). `paragraphs` replace
    the drafted paragraph of a decision requested (by its key, see `requests`); `summary` opens the executive
    summary. Raises NotFound for an unknown meeting."""
    zone = get_settings().time_zone
    record = meeting_record(session, meeting_id)
    data = agenda_data(session, meeting_id, today=day_in(cut_off, zone))
    sections = [
        cover(record, language),
        executive_summary(data, language, summary, paragraphs or {}),
        *(agenda_item(session, item, data, language) for item in items_on_agenda(record)),
        *appendix(session, items_on_agenda(record), asked_by_owners(data, language), data, language),
    ]
    return PackContent(
        meeting_id=meeting_id,
        cut_off=cut_off,
        language=language,
        time_zone=zone,
        sections=tuple(sections),
        number=number,
    )


def items_on_agenda(record: MeetingRecord) -> list[dict]:
    """The meeting's items not taken off the agenda, in agenda order."""
    agenda = record.agenda
    kept = agenda[agenda["status"] != AgendaItemStatus.REMOVED.value].sort_values(["position", "id"])
    return [dict(row) for _, row in kept.iterrows()]


def cover(record: MeetingRecord, language: str) -> PackSection:
    return PackSection(
        kind=SectionKind.COVER,
        title=f"{record.body} — {record.quarter}",
        facts={
            "body": record.body,
            "quarter": record.quarter,
            "starts_at": record.starts_at,
            "duration_minutes": record.duration_minutes,
            "place": record.place,
            "chair": record.chair,
            "secretary": record.secretary,
        },
        tables=(PackTable.of("members", record.members[["name", "role"]]),),
    )


def requests(data: AgendaData, language: str) -> list[tuple[str, int | None, str, str]]:
    """The decisions the meeting is asked for — the proposals awaiting approval, oldest first, and the owners'
    asks — each as (key, initiative id, title, drafted paragraph); at most TABLE_ROWS, the asks all kept first
    among them (a large portfolio has hundreds of proposals; the summary names the oldest)."""
    asked = data.sections[AgendaSection.DECISIONS_REQUESTED].tables
    asks = asked["asks"].head(TABLE_ROWS)
    found = []
    for row in asked["proposals"].head(TABLE_ROWS - len(asks)).to_dict("records"):
        paragraph = i18n.t(
            "pack.summary.proposal",
            language,
            department=row["requesting_department"] or "—",
            owner=row["owner"],
            amount=i18n.format_money(_cents(row["planned_cents"]), language),
        )
        found.append((f"proposal:{row['initiative_id']}", row["initiative_id"], row["title"], paragraph))
    for row in asks.to_dict("records"):
        paragraph = i18n.t("pack.summary.ask", language, owner=row["owner"], ask=row["ask"])
        found.append((f"ask:{row['initiative_id']}", row["initiative_id"], row["title"], paragraph))
    return found


def asked_by_owners(data: AgendaData, language: str) -> list[int]:
    """The initiatives whose owners ask this meeting for a decision: they get a one-pager. Proposals awaiting
    approval do not (a large portfolio has hundreds; the summary and their section name them)."""
    return [initiative_id for key, initiative_id, _, _ in requests(data, language) if key.startswith("ask:")]


def executive_summary(data: AgendaData, language: str, summary: str, paragraphs: Mapping[str, str]) -> PackSection:
    rows = [
        (key, initiative_id, title, paragraphs.get(key) or drafted)
        for key, initiative_id, title, drafted in requests(data, language)
    ]
    asked = data.sections[AgendaSection.DECISIONS_REQUESTED].tables
    total = len(asked["proposals"]) + len(asked["asks"])
    return PackSection(
        kind=SectionKind.SUMMARY,
        title=i18n.t("pack.summary.title", language),
        commentary=summary,
        facts={"requests": total},
        tables=(
            PackTable(
                "requests",
                ("key", "initiative_id", "title", "paragraph"),
                tuple(tuple(r) for r in rows),
                total if total > len(rows) else None,
            ),
        ),
    )


def agenda_item(session: Session, item: dict, data: AgendaData, language: str) -> PackSection:
    """One agenda item's section of the pack."""
    kind = AgendaItemKind(item["kind"])
    title = agenda_item_title(item, language)
    commentary = item["commentary"] or ""
    if kind is AgendaItemKind.SECTION:
        shown = data.sections[AgendaSection(item["section"])]
        return PackSection(
            kind=SectionKind.SECTION,
            title=title,
            commentary=commentary,
            section=item["section"],
            facts=shown.facts,
            tables=tuple(PackTable.of(name, frame, TABLE_ROWS) for name, frame in shown.tables.items()),
        )
    if kind is AgendaItemKind.INITIATIVE:
        return initiative_section(session, _id(item["initiative_id"]), title, commentary)
    if kind is AgendaItemKind.KPI:
        return kpi_section(session, _id(item["kpi_id"]), title, commentary)
    return PackSection(kind=SectionKind.TOPIC, title=title, commentary=commentary)


def initiative_section(session: Session, initiative_id: int | None, title: str, commentary: str) -> PackSection:
    """An initiative on the agenda: who, where it stands, its money and its KPIs (gone: its title only)."""
    found = initiative_queries.initiative_detail(session, initiative_id) if initiative_id is not None else None
    if found is None:
        return PackSection(kind=SectionKind.INITIATIVE, title=title, commentary=commentary, ref_id=initiative_id)
    kpis = initiative_queries.kpi_links(session, initiative_id)
    return PackSection(
        kind=SectionKind.INITIATIVE,
        title=title,
        commentary=commentary,
        ref_id=initiative_id,
        facts={"budget_cents" if name == "planned_cents" else name: getattr(found, name) for name in INITIATIVE_FACTS},
        tables=(PackTable.of("kpis", kpis[[c for c in INITIATIVE_KPI_COLUMNS if c in kpis.columns]]),),
    )


def kpi_section(session: Session, kpi_id: int | None, title: str, commentary: str) -> PackSection:
    """A KPI on the agenda: its readings that count, oldest first."""
    catalogue = kpi_catalogue.kpis(session)
    found = catalogue[catalogue["id"] == kpi_id] if kpi_id is not None else catalogue.iloc[0:0]
    if found.empty:
        return PackSection(kind=SectionKind.KPI, title=title, commentary=commentary, ref_id=kpi_id)
    kpi = found.iloc[0]
    readings = kpi_catalogue.kpi_readings(session, kpi_id, limit=KPI_TREND_MONTHS)
    readings = readings[readings["standing"].isin(COUNTING)].sort_values("period")
    return PackSection(
        kind=SectionKind.KPI,
        title=title,
        commentary=commentary,
        ref_id=kpi_id,
        facts={name: kpi.get(name) for name in KPI_FACTS},
        tables=(PackTable.of("readings", readings[list(KPI_READING_COLUMNS)].rename(columns={"sample_size": "n"})),),
    )


def _id(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _cents(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
