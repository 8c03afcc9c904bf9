"""The exceptions section: open initiatives red or amber by the rules or as reported, worst first — each with
the owner's reason, the rules' reasons, the path to green and the ask of the board."""

from __future__ import annotations

from cxgov import written
from cxgov.queries.agenda_data import SectionData
from cxgov.ui.governance.sections import render_facts
from cxgov.ui.governance.sections.table import section_table
from cxgov.ui.kit.text import lang, tr

# What the board reads, in its order: the initiative, how bad, who owns it, why as reported, the way back and
# what is asked of the board — then the rules' longer reasons and when it was last reported on.
SHOWN = ("initiative_id", "title", "worst", "owner", "reason", "path_to_green", "ask", "rule_reasons", "checkin_date")


def rule_reasons_text(reasons) -> str:
    """The rules' reasons as one text, in the user's language ('—' when none fired)."""
    return written.rule_reasons_text(reasons, lang())


def render_exceptions(section: SectionData, *, large: bool, key: str) -> None:
    render_facts(section, large=large)
    frame = section.tables["exceptions"]
    section_table(
        frame[[c for c in SHOWN if c in frame.columns]],
        caption=tr("present.table.exceptions"),
        key=f"{key}_exceptions",
        large=large,
        cells={"rule_reasons": rule_reasons_text},
    )
