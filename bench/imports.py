"""Benchmark: importing a million survey responses, end to end, against a floor measured in the same run.

Writes a Dutch CSV (`;`, dd-mm-yyyy, decimal commas where a score is written "7,0", segments in Dutch words,
a comment on a few rows) of N responses (default 1,000,000, about 40 MB), then on a fresh database:
- the floor: reading the same CSV with pandas (all text) and inserting the same rows into the same table with one
  executemany (SQLite) or COPY (PostgreSQL) in one transaction;
- the import: `import_responses` as the app and the command line run it (read, check every row, redact,
  store skipping known responses, recompute every figure per month, quarter and segment, audit);
- recomputing every figure alone, and the import's peak memory (maxrss of a fresh process).
Targets: SQLite import ≤ 3× its floor and ≤ 30 s; PostgreSQL ≤ 3× its floor (COPY); recompute ≤ 5 s; peak
memory < 1.5 GB. PostgreSQL runs when CXGOV_BENCH_POSTGRES_URL names a database it may fill (e.g.
postgresql://postgres@127.0.0.1:5432/test).

    .venv/bin/python bench/imports.py [--rows N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CXGOV_AUDIT_KEY", "bench-audit-key-0123456789abcdef")
os.environ.setdefault("CXGOV_IMPORT_MAX_MB", "2000")

import pandas as pd
import sqlalchemy as sa

from cxgov.db import make_engine, migrate, session_scope
from cxgov.io.response_plan import ImportOptions
from cxgov.models import Kpi, Person, Role, TaxonomyTerm
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.figures import recompute_figures
from cxgov.services.response_import import import_responses, read_catalogue
from cxgov.services.response_store import COLUMNS

MAX_RATIO = 3.0
MAX_SQLITE_S = 30.0
MAX_RECOMPUTE_S = 5.0
MAX_PEAK_MB = 1536
MAX_PAGE_WARM_S = 0.5
KPIS = (("RNPS", "nps", 11), ("TNPS", "nps", 11), ("KTV", "ktv", 10), ("CES", "ces", 7), ("CSAT", "csat", 5))
CHANNELS = (("store", "Store", "Winkel"), ("web", "Web shop", "Webshop"), ("phone", "Phone", "Telefoon"))
STAGES = (("purchase", "Purchase", "Kopen"), ("delivery_installation", "Delivery & installation", "Bezorgen"))
WORDS = {"channel": ("Winkel", "webshop", "Telefoon"), "stage": ("Kopen", "bezorging")}
TOUCHPOINTS = ("Kassa", "Website", "Klantenservice telefoon", "Bezorging", "App")
STORES = ("Utrecht", "Amersfoort", "Den Bosch", "Rotterdam Alexandrium", "Eindhoven", "")
COMMENTS = ("Snel geholpen", "Bezorger was te laat", "Prima", "Mail me op a.b@voorbeeld.nl")


def write_csv(path: Path, rows: int) -> None:
    """N responses over three years, in a Dutch Excel's CSV."""
    rng = random.Random(7)
    start = date(2023, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write("Respondent;Datum;KPI;Cijfer;Kanaal;Klantreisfase;Contactmoment;Winkel;Opmerking\r\n")
        for number in range(rows):
            code, _, points = KPIS[number % len(KPIS)]
            low = 0 if points == 11 else 1
            day = start + timedelta(days=rng.randrange(1095))
            comment = COMMENTS[number % 4] if number % 50 == 0 else ""
            out.write(
                f"R{number:08d};{day:%d-%m-%Y};{code};{rng.randint(low, low + points - 1)};"
                f"{WORDS['channel'][number % 3]};{WORDS['stage'][number % 2]};{TOUCHPOINTS[number % 5]};"
                f"{STORES[number % 6]};{comment}\r\n"
            )


def prepare(url: str) -> None:
    """The catalogue the file names: its KPIs, channels and journey stages."""
    migrate(url)
    engine = make_engine(url)
    with session_scope(engine, write=True) as session:
        for code, kind, _ in KPIS:
            session.add(Kpi(code=code, name=code, kind=kind))
        for kind, values in (("channel", CHANNELS), ("journey_stage", STAGES)):
            for code, en, nl in values:
                session.add(TaxonomyTerm(kind=kind, code=code, name_en=en, name_nl=nl))
    engine.dispose()


def floor(url: str, csv: Path) -> float:
    """pandas reads the file as text; the same rows go into the same table in one executemany or COPY."""
    engine = make_engine(url)
    began = time.perf_counter()
    frame = pd.read_csv(csv, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    with session_scope(engine, write=True) as session:
        kpis = dict(session.execute(sa.select(Kpi.code, Kpi.id)).all())
        batch_id = session.execute(
            sa.text(
                "INSERT INTO survey_import (kind, file_name, size, sha256, preset, rows_added, rows_known, "
                "rows_per_kpi, imported_at) VALUES ('responses', 'floor', 0, '', '', 0, 0, '{}', '2026-01-01') "
                "RETURNING id"
            )
        ).scalar_one()
        days = pd.to_datetime(frame["Datum"], format="%d-%m-%Y").dt.date
        records = zip(
            frame["KPI"].map(kpis).tolist(),
            [d.isoformat() for d in days],
            [d.replace(day=1).isoformat() for d in days],
            frame["Cijfer"].astype(int).tolist(),
            [None] * len(frame),
            [None] * len(frame),
            [None] * len(frame),
            frame["Contactmoment"].tolist(),
            frame["Winkel"].tolist(),
            frame["Opmerking"].tolist(),
            ("id:" + frame["Respondent"]).tolist(),
            [batch_id] * len(frame),
            strict=True,
        )
        driver = session.connection().connection.driver_connection
        columns = ", ".join(COLUMNS)
        if url.startswith("postgresql"):
            with driver.cursor() as cursor, cursor.copy(f"COPY survey_response ({columns}) FROM STDIN") as copy:
                for record in records:
                    copy.write_row(record)
        else:
            driver.executemany(
                f"INSERT INTO survey_response ({columns}) VALUES ({', '.join('?' * len(COLUMNS))})", records
            )
    seconds = time.perf_counter() - began
    with session_scope(engine, write=True) as session:
        session.execute(sa.text("DELETE FROM survey_response"))
        session.execute(sa.text("DELETE FROM survey_import"))
    engine.dispose()
    return seconds


def run_import(url: str, csv: Path) -> dict:
    """The import as the app runs it, then a recompute of every figure alone (in this process)."""
    engine = make_engine(url)
    data = csv.read_bytes()
    began = time.perf_counter()
    with session_scope(engine, write=True) as session:
        result = import_responses(
            session=session, actor=SYSTEM_ACTOR, data=data, file_name=csv.name, options=ImportOptions()
        )
    seconds = time.perf_counter() - began
    with session_scope(engine, write=True) as session:
        kpi_ids = [kpi.id for kpi in read_catalogue(session).kpis]
        began = time.perf_counter()
        figures = recompute_figures(session, kpi_ids)
        recompute = time.perf_counter() - began
    engine.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the page runs below add theirs
    cold, warm = page_runs(url) if url.startswith("sqlite") else (None, None)
    return {
        "seconds": seconds,
        "added": result.added,
        "recompute": recompute,
        "figures": figures,
        "peak_mb": peak,
        "page_cold": cold,
        "page_warm": warm,
    }


def page_runs(url: str) -> tuple[float, float]:
    """The Measurement page's KPIs tab on the imported database, through app.py in AppTest, as an analyst: the
    first run (cold caches) and the median of five warm runs, in seconds."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from cxgov.settings import PROJECT_ROOT, get_settings
    from cxgov.ui.frame.acting import ACTING_KEY
    from cxgov.ui.navigation import LANDED_KEY, page_file

    engine = make_engine(url)
    with session_scope(engine, write=True) as session:
        analyst = Person(name="Bench Analyst", email="analyst@bench.example", role=Role.ANALYST)
        session.add(analyst)
        session.flush()
        analyst_id = analyst.id
    engine.dispose()
    os.environ.update({"CXGOV_DATABASE_URL": url, "CXGOV_AUTH_MODE": "acting-as"})
    get_settings.cache_clear()
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    at.session_state[ACTING_KEY] = analyst_id
    at.session_state[LANDED_KEY] = True
    at.query_params["tab"] = "KPIs"
    at.switch_page(page_file("measurement"))
    runs = []
    for _ in range(6):
        began = time.perf_counter()
        at.run()
        runs.append(time.perf_counter() - began)
        if at.exception:
            raise SystemExit(f"the page failed: {at.exception[0].value}")
    return runs[0], statistics.median(runs[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", nargs=2, metavar=("URL", "CSV"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_import(args.child[0], Path(args.child[1]))))
        return
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "responses.csv"
        write_csv(csv, args.rows)
        print(f"{args.rows:,} responses, {csv.stat().st_size / 1e6:.1f} MB CSV")
        targets = [("SQLite", f"sqlite:///{folder}/bench.sqlite3")]
        if os.environ.get("CXGOV_BENCH_POSTGRES_URL"):
            targets.append(("PostgreSQL", os.environ["CXGOV_BENCH_POSTGRES_URL"]))
        verdicts = []
        for name, url in targets:
            if url.startswith("postgresql"):
                _empty_postgres(url)
            prepare(url)
            floor_s = floor(url, csv)
            child = subprocess.run([sys.executable, __file__, "--child", url, str(csv)], capture_output=True, text=True)
            if child.returncode:
                raise SystemExit(child.stderr)
            got = json.loads(child.stdout.strip().splitlines()[-1])
            ratio = got["seconds"] / floor_s
            print(
                f"{name}: floor {floor_s:.1f} s; import {got['seconds']:.1f} s = {ratio:.2f}× the floor "
                f"({got['added']:,} added); recompute alone {got['recompute']:.2f} s ({got['figures']:,} figures); "
                f"peak memory {got['peak_mb']:.0f} MB"
            )
            if got["page_warm"] is not None:
                print(
                    f"{name}: Measurement page (KPIs tab) first run {got['page_cold']:.2f} s, warm run "
                    f"{got['page_warm']:.2f} s (median of 5)"
                )
                verdicts.append(got["page_warm"] <= MAX_PAGE_WARM_S)
            verdicts += [
                ratio <= MAX_RATIO,
                got["recompute"] <= MAX_RECOMPUTE_S,
                got["peak_mb"] < MAX_PEAK_MB,
                name != "SQLite" or got["seconds"] <= MAX_SQLITE_S,
            ]
        print("PASS" if all(verdicts) else "FAIL")


def _empty_postgres(url: str) -> None:
    """A clean schema in the database named (every table dropped)."""
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


if __name__ == "__main__":
    main()
