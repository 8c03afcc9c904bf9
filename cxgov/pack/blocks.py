"""What each section of a pack shows, whatever the file: written facts, tables with the columns the board reads,
charts as categories and series, and paragraphs — every value already written in the pack's language. The PPTX
and the PDF draw these same blocks, so both show the same figures in the same order; the XLSX keeps the typed
values of the content instead."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from cxgov import i18n, written
from cxgov.models import (
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    AgendaSection,
    Attendance,
    DecisionKind,
    DecisionStatus,
    Direction,
    Discipline,
    KpiKind,
    MeetingRole,
    MeetingStatus,
)
from cxgov.pack.content import APPENDIX, PackContent, PackSection, PackTable, SectionKind
from cxgov.queries.base import HEALTH_ORDER

ROWS_PER_PAGE = 12  # a slide's table: more rows would need fonts too small to read from the back of the room
NUMERIC_SUFFIXES = ("_cents", "_pct")
NUMERIC_COLUMNS = frozenset(
    {"value", "target", "year_before", "n", "initiatives", "baseline", "latest_value", "over_pct", "cycle"}
)
# Facts that are references or long texts drawn otherwise (the previous minutes get a block of their own).
UNSHOWN_FACTS = frozenset(
    {"previous_meeting_id", "previous_minutes", "previous_status", "previous_quarter", "attendance_recorded"}
)


@dataclass(frozen=True)
class Facts:
    items: tuple[tuple[str, str], ...]  # (label, value), written


@dataclass(frozen=True)
class Table:
    heading: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns

    def pages(self, rows_per_page: int = ROWS_PER_PAGE) -> list[Table]:
        """The table cut into pieces of at most `rows_per_page` rows, each under the heading with '(2/3)'."""
        if len(self.rows) <= rows_per_page:
            return [self]
        pieces = [self.rows[i : i + rows_per_page] for i in range(0, len(self.rows), rows_per_page)]
        return [
            replace(self, heading=f"{self.heading} ({n}/{len(pieces)})", rows=rows)
            for n, rows in enumerate(pieces, start=1)
        ]


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar" (clustered), "stacked_bar" or "line"
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (name, one value per category)
    number_format: str  # "money" (euros), "count" or "measure"
    colours: tuple[str | None, ...] = ()  # per series, hex "RRGGBB" (None: the template's theme colour)


@dataclass(frozen=True)
class Text:
    heading: str
    paragraphs: tuple[str, ...]


Block = Facts | Table | Chart | Text


@dataclass(frozen=True)
class SectionView:
    """One section as the reader sees it: its title, whether it belongs to the appendix, and its blocks."""

    title: str
    kind: SectionKind
    blocks: tuple[Block, ...]
    appendix: bool = False


@dataclass(frozen=True)
class Columns:
    """The columns of a stored table the board reads, in order, and how codes and cells are written."""

    shown: tuple[str, ...]
    codes: Mapping[str, type] = field(default_factory=dict)
    cells: Mapping[str, Callable[[object, str], str]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # a column headed by another column's key


# What the appendix's KPI definitions show of each KPI, in order (cxgov.pack.appendix reads these columns).
KPI_DEFINITION_COLUMNS = (
    "code",
    "name",
    "kind",
    "unit",
    "scale_min",
    "scale_max",
    "direction",
    "method",
    "description",
    "owner",
    "primary_source",
)
HEALTH_COLOURS = {"green": "2E7D32", "amber": "F9A825", "red": "C62828", "no_update": "90A4AE"}
COLUMNS: dict[tuple[str, str], Columns] = {
    ("cover", "members"): Columns(("name", "role"), {"role": MeetingRole}, headers={"name": "person"}),
    ("opening", "members"): Columns(
        ("name", "role", "attendance"), {"role": MeetingRole, "attendance": Attendance}, headers={"name": "person"}
    ),
    ("decisions_requested", "proposals"): Columns(
        ("title", "discipline", "priority", "owner", "requesting_department", "planned_cents")
    ),
    ("decisions_requested", "asks"): Columns(("title", "owner", "ask")),
    ("follow_up", "actions"): Columns(
        ("text", "owner", "due_on", "status", "overdue", "meeting_quarter", "initiative_title"),
        {"status": ActionStatus},
    ),
    ("follow_up", "reviews"): Columns(
        ("decided_on", "kind", "text", "initiative_title", "review_on"),
        {"kind": DecisionKind, "status": DecisionStatus},
    ),
    ("scorecard", "scorecard"): Columns(
        ("name", "value", "margin", "indicative", "target", "year_before", "verdict", "period", "n", "unit"),
        {"kind": KpiKind, "direction": Direction},
        cells={
            "period": lambda v, lang: i18n.format_month(v, lang) if isinstance(v, date) else "—",
            "margin": lambda v, lang: "—" if written.is_empty(v) else f"± {i18n.format_measure(round(v, 1), lang)}",
            "verdict": written.verdict_text,
        },
    ),
    ("portfolio", "movements"): Columns(("title", "change", "at")),
    ("changes", "changes"): Columns(("title", "change", "from_value", "to_value", "who", "at")),
    ("exceptions", "exceptions"): Columns(
        ("title", "worst", "owner", "reason", "path_to_green", "ask", "rule_reasons", "checkin_date"),
        cells={"rule_reasons": written.rule_reasons_text},
    ),
    ("lessons", "lessons"): Columns(("title", "discipline", "act_decision", "lesson", "decided_on")),
    ("money", "by_discipline"): Columns(("discipline", "planned_cents", "spent_cents", "variance_cents")),
    ("money", "overruns"): Columns(("title", "owner", "planned_cents", "spent_cents", "over_pct")),
    ("other_business", "backlog"): Columns(
        ("title", "meeting_quarter", "kind", "status"),
        {"kind": AgendaItemKind, "status": AgendaItemStatus},
        headers={"title": "item"},  # a topic's title as well as an initiative's
    ),
    ("kpi", "readings"): Columns(
        ("period", "value", "n", "source"),
        cells={"period": lambda v, lang: i18n.format_month(v, lang) if isinstance(v, date) else "—"},
        headers={"value": "reading"},  # each reading, not the latest
    ),
    ("kpi_definitions", "kpis"): Columns(KPI_DEFINITION_COLUMNS, {"kind": KpiKind, "direction": Direction}),
}
# A KPI's facts name its kind and direction; the opening's, the previous meeting's status.
FACT_CODES = {**written.CODE_COLUMNS, "kind": KpiKind, "direction": Direction, "previous_status": MeetingStatus}
# Tables a chart shows instead, or drawn by a view of their own.
DRAWN_OTHERWISE = frozenset(
    {("portfolio", "by_discipline"), ("portfolio", "by_journey_stage"), ("summary", "requests")}
)


def views(content: PackContent) -> list[SectionView]:
    """Every section of the pack as the reader sees it, in the pack's order."""
    return [section_view(section, content) for section in content.sections]


def section_view(section: PackSection, content: PackContent) -> SectionView:
    lang, zone = content.language, content.time_zone
    blocks: list[Block] = []
    if section.commentary.strip():
        heading = "" if section.kind is SectionKind.SUMMARY else i18n.t("pack.commentary", lang)
        blocks.append(Text(heading, paragraphs(section.commentary)))
    key = section.section or section.kind.value
    if section.kind is SectionKind.SUMMARY:
        blocks.extend(_summary(section, lang))
    elif section.kind is not SectionKind.COVER:
        shown = facts(section, lang, zone)
        if shown.items:
            blocks.append(shown)
    if key == AgendaSection.PORTFOLIO.value:
        blocks.extend(_portfolio(section, lang))
    if key == AgendaSection.MONEY.value and section.table("by_discipline") and section.table("by_discipline").rows:
        blocks.append(_money_chart(section, lang))  # no budget at all: the facts and tables say so
    if key == "kpi":
        blocks.extend(_kpi_chart(section, lang))
    for table in section.tables:
        if (key, table.name) not in DRAWN_OTHERWISE:
            blocks.append(written_table(key, table, lang, zone))
    if key == AgendaSection.OPENING.value and section.facts.get("previous_meeting_id") is not None:
        blocks.append(_previous_minutes(section, lang))
    return SectionView(
        title=section.title,
        kind=section.kind,
        blocks=tuple(blocks),
        appendix=section.kind in APPENDIX,
    )


def paragraphs(text: str) -> tuple[str, ...]:
    """A text's paragraphs (blank lines or single line breaks both end one)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def fact_label(name: str, lang: str, section: str | None = None) -> str:
    """A fact's label: the pack's for this section where the fact means something else there (the cover's quarter
    is the meeting's), else the presentation's where it has one, else the pack's."""
    keys = [f"pack.fact.{section}.{name}", f"present.fact.{name}"] if section else [f"present.fact.{name}"]
    return i18n.t(next((key for key in keys if key in i18n.TEXTS), f"pack.fact.{name}"), lang)


def facts(section: PackSection, lang: str, zone: str) -> Facts:
    return Facts(
        tuple(
            (fact_label(name, lang), _fact_text(name, value, lang, zone, FACT_CODES))
            for name, value in section.facts.items()
            if name not in UNSHOWN_FACTS and not name.endswith("_id")
        )
    )


def cover_facts(content: PackContent) -> Facts:
    """The cover's lines: when and where, who chairs and takes the minutes, the cut-off and the version."""
    cover, lang = content.cover, content.language
    starts = i18n.format_start(cover.facts.get("starts_at"), lang, content.time_zone)
    version = str(content.number) if content.number else i18n.t("pack.draft", lang)
    return Facts(
        (
            (i18n.t("pack.fact.starts_at", lang), starts),
            (i18n.t("pack.fact.place", lang), str(cover.facts.get("place") or "—")),
            (i18n.t("pack.fact.chair", lang), str(cover.facts.get("chair") or "—")),
            (i18n.t("pack.fact.secretary", lang), str(cover.facts.get("secretary") or "—")),
            (i18n.t("pack.cut_off", lang), cut_off_text(content)),
            (i18n.t("pack.version", lang), version),
        )
    )


def cut_off_text(content: PackContent) -> str:
    """The cut-off on the pack's clock, to the minute: '07-12-2026 11:02 CET'."""
    return i18n.format_start(content.cut_off, content.language, content.time_zone)


def written_table(key: str, table: PackTable, lang: str, zone: str) -> Table:
    """A stored table with the columns the board reads, every cell written."""
    spec = COLUMNS.get((key, table.name)) or Columns(tuple(written.shown_columns(table.columns)))
    index = {name: i for i, name in enumerate(table.columns)}
    shown = [c for c in spec.shown if c in index]
    codes = {**written.CODE_COLUMNS, **spec.codes}

    def cell(column: str, value) -> str:
        if column in spec.cells:
            return spec.cells[column](value, lang)
        if column in {"from_value", "to_value"} and "change" in index:
            return value  # written with the change it belongs to (below)
        return written.cell_text(column, value, lang, zone, codes)

    rows = []
    for row in table.rows:
        cells = {c: cell(c, row[index[c]]) for c in shown}
        if "change" in index:
            for side in ("from_value", "to_value"):
                if side in cells:
                    cells[side] = written.change_value(str(row[index["change"]]), row[index[side]], lang)
        rows.append(tuple(cells[c] for c in shown))
    return Table(
        heading=table_heading(table, lang),
        headers=tuple(written.header(spec.headers.get(c, c), lang) for c in shown),
        rows=tuple(rows),
        numeric=tuple(c.endswith(NUMERIC_SUFFIXES) or c in NUMERIC_COLUMNS for c in shown),
    )


def table_heading(table: PackTable, lang: str) -> str:
    """A table's heading, saying so when the pack holds only its first rows."""
    heading = (
        i18n.t(f"present.table.{table.name}", lang)
        if f"present.table.{table.name}" in i18n.TEXTS
        else i18n.t(f"pack.table.{table.name}", lang)
    )
    if table.total is None:
        return heading
    return i18n.t(
        "pack.table.first_rows",
        lang,
        heading=heading,
        shown=i18n.format_number(len(table.rows), lang, 0),
        total=i18n.format_number(table.total, lang, 0),
    )


def _fact_text(name: str, value, lang: str, zone: str, codes: Mapping[str, type]) -> str:
    if name == "say_do_ratio" and isinstance(value, float):
        return i18n.format_number(value * 100, lang, 0) + "%"
    if name == "quarter" and isinstance(value, int):
        return f"Q{value}"
    if name == "year" and isinstance(value, int):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and not name.endswith("_cents"):
        return i18n.format_number(value, lang, 0)
    return written.cell_text(name, value, lang, zone, codes)


def _summary(section: PackSection, lang: str) -> list[Block]:
    requests = section.table("requests")
    if requests is None or not requests.rows:
        return [Text("", (i18n.t("pack.summary.none", lang),))]
    index = {name: i for i, name in enumerate(requests.columns)}
    return [
        Text(
            table_heading(requests, lang),
            tuple(f"{row[index['title']]}: {row[index['paragraph']]}" for row in requests.rows),
        )
    ]


def _previous_minutes(section: PackSection, lang: str) -> Text:
    minutes = str(section.facts.get("previous_minutes") or "")
    heading = i18n.t("pack.previous_minutes", lang, quarter=section.facts.get("previous_quarter") or "—")
    return Text(heading, paragraphs(minutes) or (i18n.t("present.opening.no_minutes", lang),))


def _portfolio(section: PackSection, lang: str) -> list[Block]:
    """Open initiatives per discipline by reported health (a stacked bar), and per journey stage (a grid)."""
    blocks: list[Block] = []
    counts = section.table("by_discipline")
    if counts and counts.rows:
        grid = _counts(counts, "discipline", "health", "initiatives")
        disciplines = [d.value for d in Discipline if d.value in {row for row, _ in grid}]
        healths = [h for h in HEALTH_ORDER if h in {column for _, column in grid}]
        blocks.append(
            Chart(
                kind="stacked_bar",
                title=i18n.t("present.portfolio.chart", lang),
                categories=tuple(i18n.enum_label(Discipline(d), lang) for d in disciplines),
                series=tuple(
                    (written.health_text(h, lang), tuple(float(grid.get((d, h), 0)) for d in disciplines))
                    for h in healths
                ),
                number_format="count",
                colours=tuple(HEALTH_COLOURS.get(h) for h in healths),
            )
        )
    stages = section.table("by_journey_stage")
    if stages and stages.rows:
        grid = _counts(stages, f"journey_stage_{lang}", "health", "initiatives")
        names = list(dict.fromkeys(row for row, _ in grid))
        healths = [h for h in HEALTH_ORDER if h in {column for _, column in grid}]
        blocks.append(
            Table(
                heading=i18n.t("present.table.by_journey_stage", lang),
                headers=(written.header("journey_stage", lang), *(written.health_text(h, lang) for h in healths)),
                rows=tuple(
                    (
                        name if name else i18n.t("present.no_stage", lang),
                        *(i18n.format_number(grid.get((name, h), 0), lang, 0) for h in healths),
                    )
                    for name in names
                ),
                numeric=(False, *(True for _ in healths)),
            )
        )
    return blocks


def _counts(table: PackTable, row: str, column: str, value: str) -> dict[tuple, int]:
    index = {name: i for i, name in enumerate(table.columns)}
    counted: dict[tuple, int] = {}
    for r in table.rows:
        key = (r[index[row]] or "", r[index[column]])
        counted[key] = counted.get(key, 0) + int(r[index[value]] or 0)
    return counted


def _money_chart(section: PackSection, lang: str) -> Chart:
    """Planned against spent per discipline, in euros."""
    table = section.table("by_discipline")
    index = {name: i for i, name in enumerate(table.columns)} if table else {}
    rows = table.rows if table else ()
    return Chart(
        kind="bar",
        title=i18n.t("present.money.chart", lang, year=section.facts.get("year", "")),
        categories=tuple(i18n.enum_label(Discipline(r[index["discipline"]]), lang) for r in rows),
        series=tuple(
            (i18n.t(label, lang), tuple((r[index[column]] or 0) / 100 for r in rows))
            for label, column in (("present.money.planned", "planned_cents"), ("present.money.spent", "spent_cents"))
        ),
        number_format="money",
    )


def _kpi_chart(section: PackSection, lang: str) -> list[Block]:
    """A KPI's readings over time, oldest first."""
    table = section.table("readings")
    if table is None or not table.rows:
        return []
    index = {name: i for i, name in enumerate(table.columns)}
    return [
        Chart(
            kind="line",
            title=section.title,
            categories=tuple(i18n.format_month(r[index["period"]], lang) for r in table.rows),
            series=((section.title, tuple(r[index["value"]] for r in table.rows)),),
            number_format="measure",
        )
    ]
