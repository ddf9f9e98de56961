"""Benchmark: page through every figure of a SYNTHETIC database with the read API (``/api/v1/figures``).

    python -m bench.api [--figures 1000000] [--limit 10000] [--database /tmp/api-bench.db]

Writes the synthetic database with ``python -m etl synth`` when the file does not exist (reused otherwise), serves
the app on a loopback port (one process, threads), follows ``next`` from the first page to the last and prints
the time, the requests, the figures per second, and the completeness check: figures received, distinct, and
missing or extra against the database. The acceptance test pages a 20,000-figure database the same way
(tests/test_api.py); this is the 1,000,000-figure run.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import requests

from app import create_app
from harness.servers import live_server

ROOT = Path(__file__).resolve().parent.parent


def ensure_database(path: Path, figures: int) -> float:
    """Seconds spent writing the synthetic database (0 when it was there already)."""
    if path.exists():
        return 0.0
    started = time.perf_counter()
    url = f"sqlite:///{path}"
    subprocess.run(
        [sys.executable, "-m", "etl", "--database-url", url, "synth", "--figures", str(figures)], cwd=ROOT, check=True
    )
    return time.perf_counter() - started


def page_through(base: str, limit: int) -> tuple[list[int], int, list[float]]:
    """Every figure id, the number of requests and each request's seconds."""
    ids, url, timings = [], f"{base}/api/v1/figures?limit={limit}", []
    while url:
        started = time.perf_counter()
        response = requests.get(url, timeout=600)
        response.raise_for_status()
        body = response.json()
        timings.append(time.perf_counter() - started)
        ids += [f["id"] for f in body["data"]]
        url = body["next"]
    return ids, len(timings), timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--database", type=Path, default=Path("/tmp/api-bench.db"))
    args = parser.parse_args()
    built = ensure_database(args.database, args.figures)
    with sqlite3.connect(args.database) as conn:
        stored = {row[0] for row in conn.execute("SELECT id FROM figures")}
    app = create_app(f"sqlite:///{args.database}", build_if_empty=False, progress=lambda _m: None, public_read=True)
    with live_server(app.server) as base:
        started = time.perf_counter()
        ids, requests_made, timings = page_through(base, args.limit)
        seconds = time.perf_counter() - started
    timings.sort()
    result = {
        "figures_stored": len(stored),
        "figures_received": len(ids),
        "distinct": len(set(ids)),
        "missing": len(stored - set(ids)),
        "extra": len(set(ids) - stored),
        "ordered": ids == sorted(ids),
        "requests": requests_made,
        "page_size": args.limit,
        "seconds": round(seconds, 1),
        "figures_per_s": round(len(ids) / seconds) if seconds else None,
        "request_p50_ms": round(timings[len(timings) // 2] * 1000),
        "request_max_ms": round(timings[-1] * 1000),
        "synth_seconds": round(built, 1),
    }
    print(json.dumps(result))
    if result["missing"] or result["extra"] or result["distinct"] != result["figures_received"]:
        sys.exit("incomplete: figures missing, extra or repeated")


if __name__ == "__main__":
    main()
