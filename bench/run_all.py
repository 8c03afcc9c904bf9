"""Run every benchmark script in bench/ in turn and print what each one prints (`make bench`).

Each script runs in its own process (a benchmark must not inherit another's caches, threads or engines),
from the project root with the project importable. Scripts read their settings from the environment
(e.g. CXGOV_TEST_POSTGRES_URL); the exit code is 1 when any script failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH.parent


def scripts() -> list[Path]:
    """The benchmark scripts, in name order (this runner excluded)."""
    return sorted(p for p in BENCH.glob("*.py") if p.name != Path(__file__).name and not p.name.startswith("_"))


def run(script: Path) -> int:
    """Run one script, streaming its output; returns its exit code."""
    print(f"\n=== {script.relative_to(PROJECT_ROOT)} ===", flush=True)
    env = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
    began = time.perf_counter()
    code = subprocess.run([sys.executable, str(script)], cwd=PROJECT_ROOT, env=env).returncode
    print(f"--- {script.name}: exit {code} in {time.perf_counter() - began:.1f} s", flush=True)
    return code


def main() -> int:
    failed = [script.name for script in scripts() if run(script) != 0]
    if failed:
        print(f"\nFailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
