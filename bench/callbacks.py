"""Server-side time of the dashboard's main callbacks on the seed database: p50 and p95 over repeated calls.

Run: ``python -m bench.callbacks [--repeat 200]``. Builds a temporary seed database from data/sources/, then
POSTs each callback's request to ``/_dash-update-component`` through Flask's test client (the same path a
browser's request takes, minus the network) and prints milliseconds. Target: p95 <= 50 ms.

Two clocks: wall time, and the thread's CPU time (the test client runs the request in this thread). On a
shared machine wall time includes waiting for a core; CPU time is the work the callback itself costs.
The load average is printed so the figures can be read against it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from app import create_app
from db.session import make_engine
from etl.build import build

ROUTE_OUTPUTS = [
    {"id": "page-content", "property": "children"},
    {"id": "lang-toggle", "property": "href"},
    {"id": "lang-toggle", "property": "children"},
]


def route(pathname: str, search: str = "") -> dict:
    return {
        "output": "..page-content.children...lang-toggle.href...lang-toggle.children..",
        "outputs": ROUTE_OUTPUTS,
        "inputs": [
            {"id": "url", "property": "pathname", "value": pathname},
            {"id": "url", "property": "search", "value": search},
        ],
        "changedPropIds": ["url.pathname"],
    }


def sources(figure_ids: str) -> dict:
    link = {"type": "source-link", "cell": "bench", "figs": figure_ids}
    return {
        "output": "..source-panel.is_open...source-body.children...source-panel.title..",
        "outputs": [
            {"id": "source-panel", "property": "is_open"},
            {"id": "source-body", "property": "children"},
            {"id": "source-panel", "property": "title"},
        ],
        "inputs": [[{"id": link, "property": "n_clicks", "value": 1}], []],
        "state": [{"id": "url", "property": "search", "value": ""}],
        "changedPropIds": [json.dumps(link, sort_keys=True, separators=(",", ":")) + ".n_clicks"],
    }


def filters(search: str) -> dict:
    return {
        "output": "url.search@" + "x",  # replaced below with the app's own output id
        "outputs": {"id": "url", "property": "search"},
        "inputs": [
            {"id": "indicator-select", "property": "value", "value": "poor_population_reduced"},
            {"id": "year-range", "property": "value", "value": [2016, 2019]},
            {"id": "plan-select", "property": "value", "value": "revised"},
        ],
        "state": [
            {"id": "url", "property": "search", "value": search},
            {"id": "year-range", "property": "min", "value": 2011},
            {"id": "year-range", "property": "max", "value": 2020},
            {
                "id": "view-state",
                "property": "data",
                "value": {"indicator": "poor_population_reduced", "plan": "original", "from": 2011, "to": 2020},
            },
        ],
        "changedPropIds": ["plan-select.value"],
    }


def region_map(pathname: str, indicator: str) -> dict:
    """The region page's map panel, filled by its own callback after the page shows (issue: map)."""
    return {
        "output": "region-map-slot.children",
        "outputs": {"id": "region-map-slot", "property": "children"},
        "inputs": [{"id": "region-map-slot", "property": "id", "value": "region-map-slot"}],
        "state": [
            {"id": "url", "property": "pathname", "value": pathname},
            {"id": "url", "property": "search", "value": ""},
            {"id": "view-state", "property": "data", "value": {"indicator": indicator, "plan": "original"}},
        ],
        "changedPropIds": [],
    }


CASES = {
    "route / (overview)": route("/"),
    "route / ?plan=revised&to=2018&lang=en": route("/", "?plan=revised&to=2018&lang=en"),
    "route /region/621100 (定西, county exits)": route("/region/621100", "?indicator=counties_exited"),
    "route /region/610000 (陕西)": route("/region/610000", "?indicator=poor_population_reduced"),
    "route /region/610800 (榆林, drilled)": route("/region/610800", "?indicator=counties_exited"),
    "sources (3 figures)": sources("1,2,3"),
    "filters -> url": filters("?indicator=poor_population_reduced"),
    "region map panel /region/610000 (own request)": region_map("/region/610000", "poor_population_reduced"),
}
DASHBOARD = [label for label in CASES if "map panel" not in label]  # the 50 ms target is this issue's


def measure(client, payload: dict, repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of ``repeat`` requests, each sorted."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.thread_time()
        response = client.post("/_dash-update-component", json=payload)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        assert response.status_code in (200, 204), response.data[:500]
    return sorted(wall), sorted(cpu)


def p95(times: list[float]) -> float:
    return times[max(0, int(round(0.95 * len(times))) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'seed.db'}"
        build(make_engine(url), progress=lambda _m: None)
        # An open dashboard (PUBLIC_READ): the callbacks' own cost, without a login round trip per request.
        app = create_app(
            url,
            build_if_empty=False,
            progress=lambda _m: None,
            public_read=True,
            secret_key="bench-only-secret-key-not-for-production-use",
            secret_key_file=Path(tmp) / "secret_key",
        )
        filters_output = next(k for k in app.callback_map if k.startswith("url.search"))
        CASES["filters -> url"]["output"] = filters_output
        client = app.server.test_client()
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; n={args.repeat} after 3 warm-up calls")
        print(f"{'callback':44} {'wall p50':>9} {'wall p95':>9} {'cpu p50':>9} {'cpu p95':>9}  (ms)")
        worst_wall = worst_cpu = 0.0
        for label, payload in CASES.items():
            measure(client, payload, 3)
            wall, cpu = measure(client, payload, args.repeat)
            if label in DASHBOARD:
                worst_wall, worst_cpu = max(worst_wall, p95(wall)), max(worst_cpu, p95(cpu))
            print(
                f"{label:44} {statistics.median(wall):9.1f} {p95(wall):9.1f} {statistics.median(cpu):9.1f} "
                f"{p95(cpu):9.1f}"
            )
        verdict = "OK" if worst_wall <= 50 else "OVER"
        print(
            f"worst p95 of the dashboard callbacks: wall {worst_wall:.1f} ms ({verdict}, target <= 50 ms), "
            f"cpu {worst_cpu:.1f} ms"
        )


if __name__ == "__main__":
    main()
