"""Which KPI a survey tool's question column answers, where its id or text names one: "RNPS", "Q3 – Relationship
NPS", "Hoe waarschijnlijk … (KTV)". A column that names no KPI, or more than one, is left for the user to map."""

from __future__ import annotations

from cxgov.io.catalogue import Catalogue
from cxgov.io.columns import normalise

Question = tuple[int, str, str]  # (column index, column id, question text), as cxgov.io.survey_presets gives them


def _names(words: str, text: str) -> bool:
    """`text` is `words`, or holds them as whole words."""
    return bool(words) and (text == words or f" {words} " in f" {text} ")


def match_questions(questions: list[Question], catalogue: Catalogue) -> tuple[dict[int, str], list[Question]]:
    """Column index → KPI code for the questions whose id or text names exactly one KPI (by code or name), and
    the questions left unmatched."""
    matched: dict[int, str] = {}
    unmatched: list[Question] = []
    for question in questions:
        index, column_id, text = question
        said = (normalise(column_id), normalise(text))
        found = {
            kpi.code
            for kpi in catalogue.kpis
            if any(_names(normalise(word), place) for word in (kpi.code, kpi.name) for place in said)
        }
        if len(found) == 1:
            matched[index] = found.pop()
        else:
            unmatched.append(question)
    return matched, unmatched
