"""The quick start's first chart: ``scripts/serve`` (what ``scripts/run`` serves with: gunicorn, a worker per core)
on a temporary database built from data/sources/, then a fresh headless Chromium opening 陕西's page five times;
prints the median (target < 1.5 s) and every run. Nothing touches the project's own database.

Example: ``.venv/bin/python -m bench.quickstart``
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import SECRET, wait_http
from bench.national import FIRST_CHART_RUNS, _warm, first_chart_ms
from harness.servers import free_port
from settings import ROOT

PAGE = "/region/610000"


def main(workers: int | None = None) -> dict:
    workers = workers or os.cpu_count() or 1
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'quickstart.db'}",
            "PORT": str(port),
            "HOST": "127.0.0.1",
            "PUBLIC_READ": "1",
            "SECRET_KEY": SECRET,
            "WORKERS": str(workers),
        }
        proc = subprocess.Popen(
            [str(ROOT / "scripts" / "serve")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            wait_http(f"http://127.0.0.1:{port}/", time.perf_counter() + 300)
            _warm(f"http://127.0.0.1:{port}", PAGE, workers)
            runs = [first_chart_ms(f"http://127.0.0.1:{port}{PAGE}") for _ in range(FIRST_CHART_RUNS)]
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
    median = statistics.median(runs)
    print(
        f"quick start (gunicorn, {workers} workers): first chart on {PAGE} {median:.0f} ms "
        f"(median of {', '.join(f'{ms:.0f}' for ms in runs)}; target < 1500 ms)"
    )
    return {"workers": workers, "page": PAGE, "first_chart_ms": round(median, 1), "runs_ms": runs}


if __name__ == "__main__":
    sys.exit(0 if main()["first_chart_ms"] < 1500 else 1)
