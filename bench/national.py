"""National-scale measurements for one backend: bulk load, callbacks (served, cold, bare SQL, pandas peer),
cold start, first chart in headless Chromium, peak memory. Used by ``python -m bench``.

Every database here is a temporary one filled with SYNTHETIC figures (``etl synth``); nothing touches the
project's own database.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import click
from sqlalchemy import select

from bench.common import SECRET, pct, wait_http
from bench.sqlfloor import SqlRecorder, replay_ms
from db import cache
from db.models import Region
from db.session import make_engine, session_factory
from harness.dash_client import DashClient, page_payload
from settings import ROOT

PAGE_OUTPUT = "..page-content.children"
FIRST_CHART_RUNS = 5  # fresh browsers; the median is reported, every run is kept in the JSON
# Cold calls per view at least: the (nearest-rank) p95 of 10 calls is the slowest, set by whatever else the machine
# did at that moment; of 40, two calls lie above it (ten pages: each asked cold 4 times; the overview 40 times).
COLD_SAMPLES = 40


def sample_pages(engine, per_view: int, seed: int = 7) -> dict[str, list[str]]:
    """Paths for each main callback: the overview, province pages, and the pages a drill-down opens."""
    rng = random.Random(seed)
    with session_factory(engine)() as s:
        by_level = {
            lvl: list(s.scalars(select(Region.code).where(Region.level == lvl).order_by(Region.code)))
            for lvl in ("province", "prefecture", "county")
        }
    drill = rng.sample(by_level["prefecture"], per_view // 2) + rng.sample(by_level["county"], per_view - per_view // 2)
    return {
        "overview": ["/"],
        "region": [f"/region/{c}" for c in rng.sample(by_level["province"], min(per_view, len(by_level["province"])))],
        "drill_down": [f"/region/{c}" for c in drill],
    }


def measure_callbacks(url: str, pages: dict[str, list[str]], rounds: int, progress=print) -> tuple[list[dict], dict]:
    """Per view: served p50/p95 (caches on, every page asked ``rounds`` times and at least 200 requests in all,
    first asks cold), cold p50/p95 (caches off; at least COLD_SAMPLES cold calls per view) and the bare SQL of each
    cold call replayed; then the pages right after an import into one county (bench/after_import.py).
    The pandas peer is timed in a process of its own (``peer_ms``): its whole table in this one would slow the
    app's calls (an overview cold p95 of 82 ms instead of 40 with the peer's 5M rows beside it)."""
    from app import create_app, freeze_startup_objects
    from bench import after_import

    # an open dashboard (PUBLIC_READ=1): viewers need no account, as in the scripts/run quick start
    common = {"build_if_empty": False, "progress": lambda _m: None, "public_read": True, "secret_key": SECRET}
    cold_app = create_app(url, cache_mb=0, **common)
    served_app = create_app(url, cache_mb=64, **common)
    freeze_startup_objects()  # as app:server() does for gunicorn's workers
    cold, served = DashClient(cold_app), DashClient(served_app)
    engine = cold_app.server.config["ENGINE"]
    key = cold.find(PAGE_OUTPUT)
    results = []
    for view, paths in pages.items():
        cold_ms, sql_ms, served_ms = [], [], []
        for path in paths:
            values = {"url.pathname": path, "url.search": ""}
            cold.call(key, values)  # warm the connection pool and the OS page cache, as a running server is
            for _ in range(-(-COLD_SAMPLES // len(paths))):  # the overview is one page: asked COLD_SAMPLES times
                cache.clear()  # aggregates are cached per process: the cold call computes everything
                with SqlRecorder(engine) as rec:
                    cold_ms.append(cold.call(key, values)[1])
                sql_ms.append(min(replay_ms(engine, rec.statements) for _ in range(3)))
        for _ in range(max(rounds, -(-200 // len(paths)))):  # at least 200 requests per view: a stable p95
            for path in paths:
                served_ms.append(served.call(key, {"url.pathname": path, "url.search": ""})[1])
        row = {
            "name": view,
            "pages": len(paths),
            "requests": len(served_ms),
            "p50_ms": round(pct(served_ms, 0.5), 2),
            "p95_ms": round(pct(served_ms, 0.95), 2),
            "cold_p50_ms": round(pct(cold_ms, 0.5), 2),
            "cold_p95_ms": round(pct(cold_ms, 0.95), 2),
            "sql_p95_ms": round(pct(sql_ms, 0.95), 2),
            "sql_p50_ms": round(pct(sql_ms, 0.5), 2),
            "peer_p95_ms": None,  # filled in from ``peer_ms``
            "peer_p50_ms": None,
        }
        results.append(row)
        progress(f"  {view}: {row}")
    after = after_import.measure(served_app, cold_app, key, pages, progress=progress)
    for app in (cold_app, served_app):
        app.server.config["ENGINE"].dispose()
    return results, after


def _rss_peak_mb(pid: int) -> float:
    """Peak resident memory of a process and its children (gunicorn master and workers), in MiB."""
    pids = [pid] + [
        int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    ]
    peak = 0.0
    for p in pids:
        status = Path(f"/proc/{p}/status")
        if status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
    return round(peak, 1)


def serve_and_browse(url: str, port: int, chart_path: str, workers: int = 2, progress=print) -> dict:
    """Start gunicorn on the database: cold start to first response, first chart in headless Chromium, memory."""
    env = {**os.environ, "DATABASE_URL": url, "CACHE_MB": "64", "PUBLIC_READ": "1", "SECRET_KEY": SECRET}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--preload", "-w", str(workers), "-b", f"127.0.0.1:{port}", "app:server()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/", started + 300)
        cold_start = (time.perf_counter() - started) * 1000
        _warm(f"http://127.0.0.1:{port}", chart_path, workers)
        charts = [first_chart_ms(f"http://127.0.0.1:{port}{chart_path}") for _ in range(FIRST_CHART_RUNS)]
        first_chart = statistics.median(charts)
        peak = _rss_peak_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    runs = ", ".join(f"{ms:.0f}" for ms in charts)
    progress(f"  cold start {cold_start:.0f} ms, first chart {first_chart:.0f} ms (median of {runs}), peak {peak} MiB")
    return {
        "cold_start_ms": round(cold_start, 1),
        "first_chart_ms": round(first_chart, 1),
        "first_chart_runs_ms": [round(ms, 1) for ms in charts],
        "first_chart_page": chart_path,
        "peak_rss_mb": peak,
    }


def _warm(base: str, path: str, workers: int) -> None:
    """Ask each worker for the page once, as earlier visitors of a running dashboard have: the first chart then
    measures what a new visitor waits for (fresh browser, no cached scripts), not the server's own start."""
    import json

    with urllib.request.urlopen(f"{base}/_dash-dependencies", timeout=60) as response:
        body = page_payload(json.loads(response.read()), path)
    for _ in range(workers * 2):
        request = urllib.request.Request(
            f"{base}/_dash-update-component", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()


# Set before any page script runs: the time, from navigation start, when the first chart has drawn its data
FIRST_CHART_WATCH = """
new MutationObserver(function (_records, observer) {
  if (document.querySelector('.js-plotly-plot .main-svg g.trace')) {
    window.__firstChartMs = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def first_chart_ms(page_url: str) -> float:
    """Milliseconds from navigation start to the first chart drawn with its data (a Plotly trace in the page),
    in a fresh Debian headless Chromium: no cached scripts, as for a new visitor."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(page_url.rsplit("/", 2)[0] + "/_dash-layout")  # browser started, connection open
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_CHART_WATCH})
        driver.get(page_url)
        return WebDriverWait(driver, 60, poll_frequency=0.05).until(
            lambda d: d.execute_script("return window.__firstChartMs")
        )
    finally:
        driver.quit()


def load_synthetic(url: str, figures: int, progress=print) -> dict:
    """Fill a new database with synthetic figures; returns rows/s of the bulk load (roll-ups included)."""
    from etl.synth import synthesize

    engine = make_engine(url)
    summary = synthesize(engine, figures=figures, progress=progress)
    engine.dispose()
    return summary


def summarise(rows: list[float]) -> dict:
    return {"mean": statistics.fmean(rows), "p50": pct(rows, 0.5), "p95": pct(rows, 0.95)}


def peer_ms(url: str, pages: dict[str, list[str]]) -> dict:
    """The pandas peer's time for each page (once per page), and how long it took to read the whole table:
    ``{"load_s": 28.4, "views": {"overview": [3102.0], ...}}``."""
    from app import create_app
    from bench.peer import PandasPeer

    common = {"build_if_empty": False, "progress": lambda _m: None, "public_read": True, "secret_key": SECRET}
    app = create_app(url, cache_mb=0, **common)
    engine = app.server.config["ENGINE"]
    peer = PandasPeer(engine)
    views = {}
    for view, paths in pages.items():
        with session_factory(engine)() as s:
            views[view] = [peer.time_page(s, path, app) for path in paths]
    engine.dispose()
    return {"load_s": round(peer.load_s, 1), "views": views}


def in_child(task: str, url: str, pages: dict[str, list[str]], rounds: int = 0) -> dict:
    """``task`` ("callbacks" or "peer") run in a fresh interpreter, as a server's worker is: no bulk load or peer
    table of this process beside it. Progress goes to stderr; the figures come back as JSON."""
    args = [sys.executable, "-m", "bench.national", task, url, "--pages", json.dumps(pages), "--rounds", str(rounds)]
    done = subprocess.run(args, cwd=ROOT, stdout=subprocess.PIPE, check=True, text=True)
    return json.loads(done.stdout)


@click.command()
@click.argument("task", type=click.Choice(["callbacks", "peer"]))
@click.argument("url")
@click.option("--pages", "pages_json", required=True, help="JSON: view -> paths (sample_pages).")
@click.option("--rounds", type=int, default=40)
def _child(task: str, url: str, pages_json: str, rounds: int) -> None:
    """The child of ``in_child``: prints the task's figures as JSON on stdout."""
    pages = json.loads(pages_json)
    if task == "callbacks":
        callbacks, after = measure_callbacks(url, pages, rounds, progress=lambda m: print(m, file=sys.stderr))
        out = {"callbacks": callbacks, "after_import": after}
    else:
        out = peer_ms(url, pages)
    print(json.dumps(out))


if __name__ == "__main__":
    _child()
