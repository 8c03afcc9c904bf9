"""Reading query results in tests: a DataFrame's rows as tuples of plain values, missing values as None (pandas
holds a missing text as NaN and a missing id as <NA>)."""

from __future__ import annotations

import pandas as pd


def rows(frame: pd.DataFrame, *columns: str) -> list[tuple]:
    """The rows of `columns` (all when none are named), in order, with None for every missing value."""
    picked = frame[list(columns)] if columns else frame
    return [
        tuple(None if pd.isna(value) else value for value in row) for row in picked.itertuples(index=False, name=None)
    ]
