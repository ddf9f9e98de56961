"""Map benchmark: server-side render time and payload size of map figures; prints figures, asserts nothing.

Run: ``python -m bench.map`` (builds a seed database in a temporary directory; ``--db URL`` uses another).

1. The county-level national map (all 2,875 counties, coloured by the seed database's county exits, the
   rest "no figures"): boundary decoding (cold), progress per county, figure building, JSON encoding as
   Dash sends it, raw and gzip sizes.
2. The real pages over HTTP (``/_dash-update-component`` of the router, as the browser asks for them):
   response time and size for the national map, 陕西 and 定西.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import tempfile
import time
import urllib.request
from pathlib import Path

from plotly.io.json import to_json_plotly

from app import create_app
from db import map_queries
from db.session import make_engine, session_factory
from geo import boundaries
from geo.progress import progress_by_region
from harness.servers import live_server
from layouts.map_figures import progress_map

PAGES = ["/map", "/map/610000", "/map/621100"]


def _timed(fn, repeat: int = 3):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def _size(payload: bytes) -> str:
    return f"{len(payload) / 1e6:.2f} MB raw, {len(gzip.compress(payload, 6)) / 1e6:.2f} MB gzip"


def county_map(db_url: str) -> None:
    start = time.perf_counter()
    counties = list(boundaries.level_features("county").values())
    print(f"decode counties.topojson (cold):      {time.perf_counter() - start:6.2f} s  ({len(counties)} counties)")
    with session_factory(make_engine(db_url))() as session:
        codes = [f["id"] for f in counties]
        frame = map_queries.indicator_figures(session, "counties_exited", codes)
    subtrees = {code: [code] for code in codes}
    progress, t_progress = _timed(lambda: progress_by_region(frame, subtrees, None))
    coloured = sum(p.status != "no_data" for p in progress.values())
    print(f"progress per county:                  {t_progress:6.2f} s  ({coloured} counties with figures)")
    view = boundaries.view(boundaries.children(None))
    fig, t_fig = _timed(lambda: progress_map(counties, progress, "个", "全国 · 贫困县摘帽 (county level)", view))
    print(f"build figure:                         {t_fig:6.2f} s")
    payload, t_json = _timed(lambda: to_json_plotly(fig.to_plotly_json()).encode())
    print(f"encode JSON (as Dash does):           {t_json:6.2f} s")
    print(f"total server-side render:             {t_progress + t_fig + t_json:6.2f} s")
    print(f"payload to the browser:               {_size(payload)}")


def pages(db_url: str, tmp: str) -> None:
    # An open dashboard (PUBLIC_READ) with a throw-away secret key: the bench reads pages, it never logs in.
    secret = Path(tmp) / "secret_key"
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None, public_read=True, secret_key_file=secret)
    outputs = [
        {"id": "page-content", "property": "children"},
        {"id": "lang-toggle", "property": "href"},
        {"id": "lang-toggle", "property": "children"},
    ]
    with live_server(app.server) as base:
        for path in PAGES:
            body = {
                "output": "..page-content.children...lang-toggle.href...lang-toggle.children..",
                "outputs": outputs,
                "inputs": [
                    {"id": "url", "property": "pathname", "value": path},
                    {"id": "url", "property": "search", "value": ""},
                ],
                "changedPropIds": ["url.pathname"],
            }

            def fetch(body=body):
                request = urllib.request.Request(
                    base + "/_dash-update-component",
                    data=json.dumps(body).encode(),
                    headers={"Content-Type": "application/json"},
                )
                with urllib.request.urlopen(request, timeout=120) as response:
                    return response.read()

            fetch()  # warm: boundaries decoded once per process
            payload, seconds = _timed(fetch)
            print(f"page {path:<14} {seconds * 1000:7.0f} ms  {_size(payload)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Map render time and payload size")
    parser.add_argument("--db", help="SQLAlchemy URL (default: a fresh seed database in a temp dir)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db
        if db_url is None:
            from etl.build import build

            db_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            build(make_engine(db_url), progress=lambda _m: None)
        print("== County-level national map (server side)")
        county_map(db_url)
        print("== Map pages over HTTP (median of 3, warm)")
        pages(db_url, tmp)


if __name__ == "__main__":
    main()
