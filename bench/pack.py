"""Benchmark: the board pack of the demo's next meeting, on the demo portfolio and at scale.

Loads the demo portfolio (40 initiatives, then N, default 5,000; the demo's meetings come with it), reads the
pack of the Q4 meeting (every section of its agenda, the executive summary and the appendix) as publishing does,
then draws it in every format, each the median of 3. Each size runs in a process of its own, so its peak memory
(maxrss) is its own. Targets: at the demo's size PPTX ≤ 20 s, PDF ≤ 30 s, XLSX ≤ 5 s; at N initiatives at most 3×
the demo's time; peak memory under 1 GB.

    .venv/bin/python bench/pack.py [--initiatives N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CXGOV_AUDIT_KEY", "bench-audit-key-0123456789abcdef")

from cxgov.db import make_engine, migrate, session_scope
from cxgov.demo.portfolio import REFERENCE_DATE
from cxgov.models import Meeting, MeetingStatus
from cxgov.models.base import utcnow
from cxgov.pack import formats  # noqa: F401  (registers the formats)
from cxgov.pack.collect import collect_pack
from cxgov.pack.render import FORMATS, render_pack
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio

RUNS = 3
TARGET_S = {"pptx": 20.0, "pdf": 30.0, "xlsx": 5.0}
MAX_RATIO = 3.0
MAX_PEAK_MB = 1024


def measure(initiatives: int) -> dict:
    """Load, collect and draw at one size; the figures as a dict (run in a process of its own)."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        migrate(url)
        engine = make_engine(url)
        with session_scope(engine, write=True) as session:
            load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, initiatives=initiatives, today=REFERENCE_DATE)
        with session_scope(engine) as session:
            meeting_id = session.query(Meeting.id).filter(Meeting.status == MeetingStatus.DRAFT).scalar()
            began = time.perf_counter()
            content = collect_pack(session, meeting_id, language="nl", cut_off=utcnow(), number=1)
            collect_s = time.perf_counter() - began
        engine.dispose()
    drawn = {}
    for code in sorted(FORMATS):
        timings, size = [], 0
        for _ in range(RUNS):
            began = time.perf_counter()
            size = len(render_pack(content, code))
            timings.append(time.perf_counter() - began)
        drawn[code] = {"seconds": statistics.median(timings), "bytes": size}
    return {
        "initiatives": initiatives,
        "sections": len(content.sections),
        "one_pagers": sum(1 for s in content.sections if s.kind.value == "one_pager"),
        "collect_s": collect_s,
        "formats": drawn,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def in_own_process(initiatives: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(initiatives)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    demo, large = in_own_process(40), in_own_process(args.initiatives)
    for result in (demo, large):
        print(
            f"{result['initiatives']:,} initiatives: {result['sections']} sections ({result['one_pagers']} one-pagers),"
            f" read in {result['collect_s']:.2f} s, peak memory {result['peak_mb']:,.0f} MB"
            f" (target < {MAX_PEAK_MB:,} MB)"
        )
    scale = f"{large['initiatives']:,} (s)"
    print(f"{'format':<6} {'demo (s)':>9} {'target':>7} {scale:>10} {'ratio':>6} {'size':>9}")
    for code, shown in demo["formats"].items():
        at_scale = large["formats"][code]
        ratio = (large["collect_s"] + at_scale["seconds"]) / (demo["collect_s"] + shown["seconds"])
        print(
            f"{code:<6} {shown['seconds']:>9.2f} {TARGET_S.get(code, 0):>7.0f} {at_scale['seconds']:>10.2f}"
            f" {ratio:>5.1f}× {at_scale['bytes'] / 1024:>7,.0f} KB"
        )
    print(f"ratio: (read + draw) at scale over the same at the demo's size; target ≤ {MAX_RATIO:.0f}×")


if __name__ == "__main__":
    main()
