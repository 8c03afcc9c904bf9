"""Risk levels of an initiative's risks: probability and impact each on a 1–5 scale, their product the score,
and the score's level in the bands of the usual 5 × 5 matrix (1–4 low, 5–9 medium, 10–25 high).

Pure: the plan tab shows the level beside the score and tints both by it.
"""

from __future__ import annotations

SCALE = (1, 2, 3, 4, 5)  # the levels of probability and of impact
LEVEL_FLOORS = ((10, "high"), (5, "medium"), (1, "low"))  # the lowest score of each level, highest level first
LEVELS = tuple(level for _, level in LEVEL_FLOORS)


def risk_level(score: int) -> str:
    """ "low", "medium" or "high" for a score of 1 to 25."""
    if score < 1:
        raise ValueError(f"a risk score is at least 1, not {score}")
    return next(level for floor, level in LEVEL_FLOORS if score >= floor)
