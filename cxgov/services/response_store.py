"""Survey responses written in bulk inside the import's transaction, skipping those already stored.

A million rows through the ORM would take minutes; they go through the driver instead: SQLite's executemany of
"INSERT … ON CONFLICT DO NOTHING", PostgreSQL's COPY into a temporary table, then one INSERT … SELECT with the same
conflict rule. Either way the unique (KPI, response key) decides what is new, so a re-imported response is skipped
even when a second import of it runs at the same moment.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.io.response_plan import STORED
from cxgov.models import SurveyResponse

COLUMNS = (*STORED, "import_id")  # what a plan stores, under the import it came with
KEY_BATCH = 2000  # keys per lookup: well under SQLite's 32,766 bound parameters
_LIST = ", ".join(COLUMNS)


def known_keys(session: Session, rows: pd.DataFrame) -> int:
    """How many of `rows` (kpi_id, response_key) are stored already."""
    known = 0
    for kpi_id, keys in rows.groupby("kpi_id")["response_key"]:
        values = keys.tolist()
        for start in range(0, len(values), KEY_BATCH):
            known += session.execute(
                sa.select(sa.func.count())
                .select_from(SurveyResponse)
                .where(
                    SurveyResponse.kpi_id == int(kpi_id),
                    SurveyResponse.response_key.in_(values[start : start + KEY_BATCH]),
                )
            ).scalar_one()
    return known


def _records(rows: pd.DataFrame, import_id: int):
    """The rows as driver tuples in COLUMNS order: plain ints, ISO dates, None for no segment."""
    frame = rows.assign(import_id=import_id)
    columns = []
    for name in COLUMNS:
        column = frame[name]
        if name in ("responded_on", "period"):
            columns.append(column.map({day: day.isoformat() for day in column.unique()}).tolist())
        elif name in ("channel_id", "journey_stage_id", "department_id"):
            columns.append(column.astype(object).where(column.notna(), None).tolist())
        else:
            columns.append(column.tolist())
    return zip(*columns, strict=True)


def store_responses(session: Session, rows: pd.DataFrame, *, import_id: int) -> pd.Series:
    """Insert the new ones of `rows` under `import_id`; returns the rows added per KPI id."""
    connection = session.connection()
    driver = connection.connection.driver_connection
    if connection.dialect.name == "postgresql":
        _copy_postgres(driver, rows, import_id)
    else:
        placeholders = ", ".join("?" * len(COLUMNS))
        driver.executemany(
            f"INSERT INTO survey_response ({_LIST}) VALUES ({placeholders}) "
            "ON CONFLICT (kpi_id, response_key) DO NOTHING",
            _records(rows, import_id),
        )
    added = session.execute(
        sa.select(SurveyResponse.kpi_id, sa.func.count())
        .where(SurveyResponse.import_id == import_id)
        .group_by(SurveyResponse.kpi_id)
    ).all()
    return pd.Series(dict(added), dtype="int64")


def _copy_postgres(driver, rows: pd.DataFrame, import_id: int) -> None:
    with driver.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE response_stage ON COMMIT DROP AS SELECT {_LIST} FROM survey_response WITH NO DATA"
        )
        with cursor.copy(f"COPY response_stage ({_LIST}) FROM STDIN") as copy:
            for record in _records(rows, import_id):
                copy.write_row(record)
        cursor.execute(
            f"INSERT INTO survey_response ({_LIST}) SELECT {_LIST} FROM response_stage "
            "ON CONFLICT (kpi_id, response_key) DO NOTHING"
        )
        cursor.execute("DROP TABLE response_stage")
