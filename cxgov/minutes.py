"""The minutes of a governance meeting drafted from its record, in the reader's language: attendance and quorum,
each agenda item with its commentary, the secretary's notes and the decisions and actions taken on it, then what
was decided outside the items. Pure: a record and two DataFrames in, markdown out (headings and bullets only, the
text as typed — the page escapes it when it shows the minutes)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from cxgov.i18n import enum_label, format_day, format_start, t
from cxgov.models import AgendaItemKind, AgendaItemStatus, AgendaSection, Attendance, DecisionKind, MeetingRole
from cxgov.queries.meetings import MeetingRecord
from cxgov.rules.meetings import Quorum

ATTENDANCE_ORDER = (Attendance.PRESENT.value, Attendance.APOLOGIES.value, Attendance.ABSENT.value, None)


def agenda_item_title(item: Mapping, lang: str) -> str:
    """An item as the agenda names it: a section by its name in `lang`, an initiative or a KPI by its own name,
    a topic by its title."""
    kind = AgendaItemKind(item["kind"])
    if kind is AgendaItemKind.SECTION:
        return enum_label(AgendaSection(item["section"]), lang)
    if kind is AgendaItemKind.INITIATIVE:
        return str(item.get("initiative_title") or item.get("title") or "")
    if kind is AgendaItemKind.KPI:
        return str(item.get("kpi_name") or item.get("title") or "")
    return str(item.get("title") or "")


def quorum_text(quorum: Quorum, lang: str) -> str:
    """'4 of 6 members present; quorum 3'."""
    return t("minutes_draft.quorum", lang, present=quorum.present, members=quorum.members, needed=quorum.needed)


def _code(value) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _attendance(rec: MeetingRecord, lang: str) -> list[str]:
    lines = []
    members = rec.members[rec.members["role"] == MeetingRole.MEMBER.value]
    for status in ATTENDANCE_ORDER:
        names = [m.name for m in members.itertuples() if _code(m.attendance) == status]
        if names:
            heading = t("minutes_draft.not_recorded", lang) if status is None else enum_label(Attendance(status), lang)
            lines.append(f"- {heading}: {', '.join(names)}")
    guests = rec.members[rec.members["role"] == MeetingRole.GUEST.value]
    if not guests.empty:
        lines.append(f"- {t('minutes_draft.guests', lang)}: {', '.join(guests['name'])}")
    return [*lines, "", quorum_text(rec.quorum, lang)]


def _outcomes(decisions: pd.DataFrame, actions: pd.DataFrame, lang: str) -> list[str]:
    lines = [
        "- "
        + t(
            "minutes_draft.decision",
            lang,
            id=d.id,
            kind=enum_label(DecisionKind(d.kind), lang),
            text=d.text,
        )
        for d in decisions.itertuples()
    ]
    lines += [
        "- " + t("minutes_draft.action", lang, text=a.text, owner=a.owner, due=format_day(a.due_on, lang))
        for a in actions.itertuples()
    ]
    return lines


def _on_item(frame: pd.DataFrame, item_id: int | None) -> pd.DataFrame:
    linked = frame["agenda_item_id"]
    # Nullable ids compare to <NA> where missing: the row is not on the item then.
    return frame[linked.isna()] if item_id is None else frame[(linked == item_id).fillna(False).astype(bool)]


def draft_minutes(rec: MeetingRecord, decisions: pd.DataFrame, actions: pd.DataFrame, *, lang: str, zone: str) -> str:
    """The first text of the minutes, from the record; `decisions` and `actions` are the meeting's (oldest first
    reads best; any order is kept)."""
    lines = [
        f"# {t('minutes_draft.heading', lang, body=rec.body, quarter=rec.quarter)}",
        t("minutes_draft.when", lang, when=format_start(rec.starts_at, lang, zone), place=rec.place or "—"),
        t("minutes_draft.chaired", lang, chair=rec.chair, secretary=rec.secretary),
        "",
        f"## {t('minutes_draft.attendance_heading', lang)}",
        *_attendance(rec, lang),
        "",
        f"## {t('minutes_draft.agenda_heading', lang)}",
    ]
    items = rec.agenda[rec.agenda["status"] != AgendaItemStatus.REMOVED.value].sort_values("position")
    for number, item in enumerate(items.to_dict("records"), start=1):
        lines += ["", f"### {number}. {agenda_item_title(item, lang)}"]
        if item["status"] == AgendaItemStatus.NOT_REACHED.value:
            lines.append(t("minutes_draft.not_reached", lang))
        lines += [text for text in (item["commentary"], item["minutes"]) if text]
        lines += _outcomes(_on_item(decisions, item["id"]), _on_item(actions, item["id"]), lang)
    loose = _outcomes(_on_item(decisions, None), _on_item(actions, None), lang)
    if loose:
        lines += ["", f"## {t('minutes_draft.other_outcomes', lang)}", *loose]
    return "\n".join(lines) + "\n"
