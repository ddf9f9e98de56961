"""Pages right after an import into one county: other provinces' pages should be served from cache, the county's
page computed afresh (invalidation by region, migration 0010_region_versions). Used by ``python -m bench``.

The import is a SYNTHETIC correction (an actual for a year the county already reports), written through the same
data layer as an upload, in a temporary benchmark database only.
"""

from __future__ import annotations

import time

from bench.common import pct
from db import cache, writes
from db.session import session_factory, transaction
from harness.dash_client import DashClient

INDICATOR = "poor_population_reduced"


def _province(sessions, code: str) -> str | None:
    with sessions() as s:
        scope = cache.scope_version(s, code)
    return scope[2] if scope[0] == "region" else None


def _import(sessions, county: str, value: float) -> None:
    with transaction(sessions) as s:
        source = writes.get_or_create_source(
            s, kind="synthetic", title="合成数据 SYNTHETIC bench import", file_name="bench-import.csv"
        )
        batch = writes.new_batch(s, "upload", file_name="bench-import.csv", note="合成数据 SYNTHETIC bench import")
        row = {
            "kind": "actual",
            "region_code": county,
            "indicator_code": INDICATOR,
            "period_start": 2020,
            "period_end": 2020,
            "value": value,
            "comparator": "=",
            "unit": "人",
            "source_id": source.id,
            "batch_id": batch.id,
            "quote": "",
            "note": "合成数据 SYNTHETIC",
        }
        writes.add_figures(s, [row])


def measure(served_app, cold_app, key: str, pages: dict[str, list[str]], imports: int = 10, progress=print) -> dict:
    """Import ``imports`` times into one county; after each, time the county's page (a miss: computed afresh) and
    every region page of another province (should be cache hits). Compared with the same pages asked as often
    before the first import, each round after the same county page computed afresh by ``cold_app`` (no caches),
    so that the only difference is the import: on this machine any 20 ms of work, or a sleep, makes the next
    sub-millisecond request about 0.7 ms slower, whatever it is (``other_region_before_*``). The same pages asked
    back to back, with nothing between rounds, are ``other_region_back_to_back_*``.
    Example: ``measure(served, cold, key, pages)``"""
    client, cold = DashClient(served_app), DashClient(cold_app)
    sessions = session_factory(served_app.server.config["ENGINE"])
    county_path = pages["drill_down"][-1]  # sample_pages puts the counties last
    county = county_path.removeprefix("/region/")
    province = _province(sessions, county)
    others = [p for p in {*pages["region"], *pages["drill_down"]} if _province(sessions, p[8:]) != province]

    def ask(app_client, path):
        return app_client.call(key, {"url.pathname": path, "url.search": ""})[1]

    for path in [county_path, *others]:  # pages opened earlier, as on a running dashboard
        ask(client, path)
    back_to_back_ms = [ask(client, path) for _ in range(imports) for path in others]
    before_ms = []
    for _ in range(imports):
        ask(cold, county_path)
        before_ms.extend(ask(client, path) for path in others)
    stats = served_app.server.extensions["callback_cache"]
    same_ms, other_ms, import_ms, before = [], [], [], dict(stats)
    for i in range(imports):
        started = time.perf_counter()
        _import(sessions, county, 1000.0 + i)
        import_ms.append((time.perf_counter() - started) * 1000)
        same_ms.append(ask(client, county_path))
        other_ms.extend(ask(client, path) for path in others)
    hits, misses = stats["hits"] - before["hits"], stats["misses"] - before["misses"]

    def p(ms, q):
        return round(pct(ms, q), 2) if ms else None

    result = {
        "region": county,
        "province": province,
        "imports": imports,
        "other_pages": len(others),
        "other_region_p50_ms": p(other_ms, 0.5),
        "other_region_p95_ms": p(other_ms, 0.95),
        "other_region_before_p50_ms": p(before_ms, 0.5),
        "other_region_before_p95_ms": p(before_ms, 0.95),
        "other_region_back_to_back_p50_ms": p(back_to_back_ms, 0.5),
        "other_region_back_to_back_p95_ms": p(back_to_back_ms, 0.95),
        "cache_hits": hits,  # all of them other provinces' pages when every county page was a miss
        "cache_misses": misses,
        "same_region_cold_p50_ms": p(same_ms, 0.5),
        "same_region_cold_p95_ms": p(same_ms, 0.95),
        "import_p50_ms": p(import_ms, 0.5),  # one figure written, rolled up and its overlaps listed, committed
        "import_p95_ms": p(import_ms, 0.95),
    }
    progress(f"  after import: {result}")
    return result
