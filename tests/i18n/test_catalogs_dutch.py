"""The Dutch catalog is Dutch: a text left identical to the English one must be a word Dutch uses as well."""

import re

from cxgov.i18n import TEXTS

# Texts a Dutch CX office writes exactly as in English: loanwords, abbreviations and the names of the PDCA
# steps (Dutch lean and CX practice keeps Plan, Do, Check, Act as the method's own names).
SAME_IN_DUTCH = frozenset(
    {
        "#",
        "—",
        "{field}: {text}",
        "n",
        "Id",
        "KPI",
        "NPS",
        "eNPS",
        "CSAT",
        "CES",
        "Code",
        "Status",
        "Discipline",
        "Disciplines",
        "Governance",
        "Portfolio",
        "Project",
        "Manager",
        "Sponsor",
        "Team",
        "Start",
        "Open",
        "Score",
        "Impact (1–5)",
        "Budget",
        "Agenda",
        "Filters",
        "Details",
        "Hardware",
        "Software",
        "Marketing",
        "Training",
        "Plan",
        "Do",
        "Check",
        "Act",
    }
)
# English phrases that once stood in the Dutch catalog, and the Dutch that replaced them everywhere.
LEFTOVERS = re.compile(r"\bon hold\b|\bquick fix(es)?\b|^Business$", re.IGNORECASE)


def test_a_dutch_text_equal_to_the_english_one_is_dutch_too():
    untranslated = {
        key: entry["nl"]
        for key, entry in TEXTS.items()
        if entry["nl"] == entry["en"] and entry["nl"] not in SAME_IN_DUTCH
    }
    assert untranslated == {}


def test_no_english_leftovers_in_any_dutch_text():
    assert {key: entry["nl"] for key, entry in TEXTS.items() if LEFTOVERS.search(entry["nl"])} == {}


def test_on_hold_and_quick_fix_read_the_same_everywhere_in_dutch():
    assert TEXTS["enum.status.on_hold"]["nl"] == "Gepauzeerd"
    assert TEXTS["board.on_hold.header"]["nl"].startswith("Gepauzeerd")
    assert TEXTS["enum.lane.quick_fix"]["nl"] == TEXTS["pdca.quick.title"]["nl"] == "Snelle verbetering"
