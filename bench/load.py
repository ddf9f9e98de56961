"""Load run on loopback: viewers browsing and planners uploading at once, against gunicorn with several workers.

    python -m bench.load [--viewers 50] [--planners 2] [--seconds 60] [--workers 3] [--figures 200000]
                         [--database-url URL] [--json FILE]

Traffic goes only to 127.0.0.1 on a free port; every loop stops at the deadline or after ``--max-requests``.
Viewers post the page callback (overview, province, prefecture and county pages) as a browser does; planners
import CSV files of SYNTHETIC actuals through the real command line (``python -m etl import``), each a batch. At
the end: errors, 'database is locked' counts (responses, planners and the server log), latency percentiles, and a
check that every committed upload's rows are in the database. Exits 1 on any error or missing row.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from sqlalchemy import func, select

from bench.common import SECRET, pct, wait_http
from db.models import Figure, Region
from db.session import make_engine, session_factory
from harness.dash_client import page_payload
from harness.servers import free_port
from settings import ROOT


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.locked = 0

    def add(self, ms: float | None, error: str | None = None) -> None:
        with self.lock:
            if ms is not None:
                self.latencies.append(ms)
            if error:
                self.errors.append(error[:300])
                self.locked += "database is locked" in error


def viewer(base: str, bodies: list[bytes], deadline: float, budget: list[int], tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < deadline:
        with tally.lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        request = urllib.request.Request(
            f"{base}/_dash-update-component", data=rng.choice(bodies), headers={"Content-Type": "application/json"}
        )
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read().decode("utf-8", "replace")
                tally.add(
                    (time.perf_counter() - started) * 1000,
                    "database is locked" if "database is locked" in text else None,
                )
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            detail = exc.read().decode("utf-8", "replace") if hasattr(exc, "read") else ""
            tally.add(None, f"{type(exc).__name__}: {exc} {detail}")


def planner(
    url: str,
    name: str,
    counties: list[str],
    deadline: float,
    workdir: Path,
    rows: int,
    done: list[dict],
    tally: Tally,
    seed: int,
) -> None:
    rng = random.Random(seed)
    n = 0
    while time.perf_counter() < deadline - 5:
        n += 1
        path = workdir / f"{name}-{n}.csv"
        chosen = rng.sample(counties, rows)
        lines = ["kind,region_code,indicator,period_start,period_end,value,note"]
        lines += [
            f"actual,{c},poor_population_reduced,2019,2019,{rng.randint(1, 99999)},合成数据 load test {name}"
            for c in chosen
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "etl",
                "--database-url",
                url,
                "import",
                str(path),
                "--note",
                f"load test {name}",
                "--user",
                name,
                "--format",
                "json",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            tally.add(None, f"{name} import exit {result.returncode}: {result.stderr[-300:]} {result.stdout[-300:]}")
            continue
        report = json.loads(result.stdout.strip().splitlines()[-1])
        counts = report["counts"]
        done.append({"planner": name, "batch_id": report["batch_id"], "rows": counts["new"] + counts["changed"]})


def run(url: str, viewers: int, planners: int, seconds: float, workers: int, max_requests: int) -> dict:
    engine = make_engine(url)
    with session_factory(engine)() as s:
        codes = {
            lvl: list(s.scalars(select(Region.code).where(Region.level == lvl).order_by(Region.code)))
            for lvl in ("province", "prefecture", "county")
        }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile(prefix="load-gunicorn-", suffix=".log", delete=False)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--preload",
            "-w",
            str(workers),
            "--threads",
            "4",
            "--timeout",
            "120",
            "-b",
            f"127.0.0.1:{port}",
            "app:server()",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "PUBLIC_READ": "1", "SECRET_KEY": SECRET},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    tally, uploads = Tally(), []
    try:
        wait_http(f"{base}/", time.perf_counter() + 300)
        with urllib.request.urlopen(f"{base}/_dash-dependencies", timeout=30) as response:
            dependencies = json.loads(response.read())
        rng = random.Random(1)
        paths = ["/"] + [
            f"/region/{c}"
            for lvl in ("province", "prefecture", "county")
            for c in rng.sample(codes[lvl], min(20, len(codes[lvl])))
        ]
        bodies = [page_payload(dependencies, p) for p in paths]
        deadline = time.perf_counter() + seconds
        budget = [max_requests]
        with tempfile.TemporaryDirectory(prefix="load-uploads-") as tmp:
            threads = [
                threading.Thread(target=viewer, args=(base, bodies, deadline, budget, tally, i)) for i in range(viewers)
            ]
            threads += [
                threading.Thread(
                    target=planner,
                    args=(url, f"planner-{i + 1}", codes["county"], deadline, Path(tmp), 200, uploads, tally, 100 + i),
                )
                for i in range(planners)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    finally:
        server.terminate()
        server.wait(timeout=60)
    server_log = Path(log.name).read_text(errors="replace")
    with session_factory(engine)() as s:
        missing = [
            u
            for u in uploads
            if s.scalar(select(func.count()).select_from(Figure).where(Figure.batch_id == u["batch_id"])) != u["rows"]
        ]
    return {
        "workers": workers,
        "viewers": viewers,
        "planners": planners,
        "seconds": seconds,
        "requests": len(tally.latencies),
        "errors": len(tally.errors),
        "error_samples": tally.errors[:5],
        "database_is_locked": tally.locked + server_log.count("database is locked"),
        "server_log_errors": server_log.count("Traceback"),
        "p50_ms": round(pct(tally.latencies, 0.5), 1) if tally.latencies else None,
        "p95_ms": round(pct(tally.latencies, 0.95), 1) if tally.latencies else None,
        "uploads": len(uploads),
        "upload_rows": sum(u["rows"] for u in uploads),
        "uploads_missing_rows": missing,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--viewers", type=int, default=50)
    parser.add_argument("--planners", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--figures", type=int, default=200_000, help="synthetic figures when no --database-url")
    parser.add_argument("--database-url", default=None, help="a database to load (default: a new synthetic one)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="load-db-") as tmp:
        url = args.database_url
        if url is None:
            from etl.synth import synthesize

            url = f"sqlite:///{Path(tmp) / 'load.db'}"
            synthesize(make_engine(url), figures=args.figures, progress=lambda m: print(m, file=sys.stderr))
        report = run(url, args.viewers, args.planners, args.seconds, args.workers, args.max_requests)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    ok = report["errors"] == 0 and report["database_is_locked"] == 0 and not report["uploads_missing_rows"]
    return 0 if ok and report["uploads"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
