"""The options of a picker or filter from a query's rows: id -> the name shown."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd


def named(frame: pd.DataFrame, name: Callable = lambda r: r["name"]) -> dict[int, str]:
    """Id -> name of each row of `frame` (`name` picks it from a row, e.g. text.term_name)."""
    return {int(r["id"]): name(r) for _, r in frame.iterrows()}
