"""What a chart needs in the user's language: plotly's number separators and translated category labels."""

from __future__ import annotations

from cxgov.ui.kit.text import label, lang

SEPARATORS = {"en": ".,", "nl": ",."}  # plotly: decimal mark, then thousands separator


def separators() -> str:
    """Plotly's number separators for the user's language."""
    return SEPARATORS[lang()]


def labels_of(enum_class) -> dict[str, str]:
    """Code → translated label for every member of `enum_class` (for chart builders)."""
    return {member.value: label(member) for member in enum_class}
