"""The sub-regions chart's CSV export against the page's own callback, on a SYNTHETIC database: the same bars,
bar for bar, and the export takes no longer than the page (both read ``views.region.region_view``).

The page is the router callback (``/_dash-update-component``, as a browser asks for ``/region/<code>``) with
caching off; the export is ``export.routes.chart_bytes`` for ``/export/data.csv?chart=children``, also with
caching off. Median of ``--runs``.

Example::

    python -m etl --database-url sqlite:////tmp/synth1m.db synth --figures 1000000
    python -m bench.children_export --database-url sqlite:////tmp/synth1m.db --region 610000
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import statistics
import time

from app import create_app
from bench.common import SECRET
from db import cache
from db.session import session_factory
from export import routes
from harness.dash_client import DashClient

PAGE_OUTPUT = "..page-content.children"


def page_bars(response: dict) -> dict[str, tuple[float | None, float | None]]:
    """code -> (plan, actual) from the children chart in a router callback's response."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == "children-chart":
                found.append(node["props"]["figure"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(response)
    if not found:
        return {}
    plan, actual = found[0]["data"][:2]
    codes = [cd[0] for cd in plan["customdata"]]
    return {code: (p, a) for code, p, a in zip(codes, plan["x"], actual["x"], strict=True)}


def csv_bars(data: bytes) -> dict[str, tuple[float | None, float | None]]:
    """code -> (plan, actual) from the sub-regions CSV export (columns as ``export.tables.CHILD_DATA_COLUMNS``)."""
    keys = [key for key, _, _ in routes.tables.CHILD_DATA_COLUMNS]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]
    number = lambda text: float(text) if text not in ("", None) else None  # noqa: E731
    return {
        r[keys.index("region_code")]: (number(r[keys.index("plan")]), number(r[keys.index("actual")])) for r in rows
    }


def same_bars(page: dict, export: dict) -> list[str]:
    """The codes whose bars differ (empty when every bar agrees to 1e-9, relatively)."""

    def close(a, b) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-9 * max(1, abs(a)))

    codes = sorted(set(page) | set(export))
    return [c for c in codes if c not in page or c not in export or not all(map(close, page[c], export[c]))]


def measure(url: str, region: str, indicator: str, runs: int = 5) -> dict:
    app = create_app(
        url, build_if_empty=False, progress=lambda _m: None, cache_mb=0, public_read=True, secret_key=SECRET
    )
    client = DashClient(app)
    key = client.find(PAGE_OUTPUT)
    search = f"?indicator={indicator}"
    sessions = session_factory(app.server.config["ENGINE"])
    params = routes.params({"region": region, "indicator": indicator, "chart": "children"})
    page_ms, export_ms, page, export = [], [], {}, {}
    for _ in range(runs):
        cache.clear()
        body, ms = client.call(key, {"url.pathname": f"/region/{region}", "url.search": search}, ["url.pathname"])
        page_ms.append(ms)
        page = page_bars(body)
        cache.clear()
        started = time.perf_counter()
        with sessions() as session:
            data, _ = routes.chart_bytes(session, "csv", params, "http://127.0.0.1:8050")
        export_ms.append((time.perf_counter() - started) * 1000)
        export = csv_bars(data)
    differ = same_bars(page, export)
    return {
        "region": region,
        "indicator": indicator,
        "bars": len(page),
        "bars_differ": differ,
        "page_ms": round(statistics.median(page_ms), 1),
        "export_csv_ms": round(statistics.median(export_ms), 1),
        "export_no_slower": statistics.median(export_ms) <= statistics.median(page_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a SYNTHETIC database (python -m etl synth)")
    parser.add_argument("--region", default="610000")
    parser.add_argument("--indicator", default="poor_population_reduced")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = measure(args.database_url, args.region, args.indicator, args.runs)
    print(
        f"page (router callback): {result['page_ms']} ms; CSV export of the sub-regions chart: "
        f"{result['export_csv_ms']} ms; {result['bars']} bars, {len(result['bars_differ'])} differ"
    )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
