"""``python -m bench``: the dashboard at national scale on SQLite and PostgreSQL, against bare SQL and pandas.

Example: ``python -m bench --figures 200000 --json bench/output/national.json``

For each backend it fills a temporary database with SYNTHETIC figures, then measures the overview, region and
drill-down callbacks (server time through Dash's own endpoint), the same SQL replayed bare (the floor), the same
pages done the common way (whole table in pandas, filtered per callback; in a process of its own, as the app's
callbacks are measured in theirs), bulk-load rows/s, cold start of
gunicorn to the first response, the first chart drawn in headless Chromium, and peak memory; and, right after
imports into one county (``after_import``), other provinces' pages (served from cache) and the county's page
(computed afresh).

JSON: ``backends.<name>.callbacks[]`` with ``name``, ``p50_ms``, ``p95_ms``, ``cold_p50_ms``, ``cold_p95_ms``,
``sql_p95_ms``, ``peer_p95_ms``; ``backends.<name>.after_import`` with ``region``, ``other_region_p95_ms``,
``other_region_before_p95_ms`` (the same pages served before the imports, each round after the county's page
computed afresh without an import: the same work between rounds, bench/after_import.py),
``other_region_back_to_back_p95_ms`` (nothing between rounds), ``same_region_cold_p95_ms``, ``import_p50_ms`` and
``import_p95_ms`` (one figure written, rolled up and committed);
``backends.<name>.first_chart_ms``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from bench import national
from bench.common import pct
from harness.servers import free_port


def _backend_url(name: str, workdir: Path, pg) -> str:
    if name == "sqlite":
        return f"sqlite:///{workdir / 'national.db'}"
    return pg.create_database("bench_national")


def _table(report: dict) -> str:
    lines = []
    for backend, data in report["backends"].items():
        lines.append(
            f"\n{backend}: {report['figures']:,} synthetic figures; bulk load {data['import_rows_per_s']:,} "
            f"rows/s; cold start {data['cold_start_ms']} ms; first chart {data['first_chart_ms']} "
            f"ms (median of {len(data.get('first_chart_runs_ms') or [])} fresh browsers); "
            f"peak RSS {data['peak_rss_mb']} MiB; pandas peer load {data['peer_load_s']} s"
        )
        lines.append(
            f"{'callback':<12}{'p50':>9}{'p95':>9}{'cold p95':>10}{'SQL p95':>9}{'peer p95':>10}"
            f"{'p95/SQL':>9}{'cold/SQL':>9}{'peer/p95':>9}"
        )
        for c in data["callbacks"]:
            peer = c["peer_p95_ms"] or 0
            lines.append(
                f"{c['name']:<12}{c['p50_ms']:>9.1f}{c['p95_ms']:>9.1f}{c['cold_p95_ms']:>10.1f}"
                f"{c['sql_p95_ms']:>9.1f}{peer:>10.1f}{c['p95_ms'] / c['sql_p95_ms']:>8.2f}x"
                f"{c['cold_p95_ms'] / c['sql_p95_ms']:>8.2f}x{peer / c['p95_ms']:>8.1f}x"
            )
        after = data["after_import"]
        lines.append(
            f"after {after['imports']} imports into county {after['region']}: other provinces' pages p95 "
            f"{after['other_region_p95_ms']} ms (before the imports {after['other_region_before_p95_ms']} ms; "
            f"{after['cache_hits']} cache hits, {after['cache_misses']} misses), "
            f"the county's page "
            f"computed afresh p95 {after['same_region_cold_p95_ms']} ms; each import p50 {after['import_p50_ms']} ms"
        )
    return "\n".join(lines)


@click.command()
@click.option("--figures", type=int, default=5_000_000, show_default=True, help="Synthetic figures per backend.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--backends", default="sqlite,postgresql", show_default=True)
@click.option("--pages", type=int, default=10, show_default=True, help="Distinct pages per callback.")
@click.option("--rounds", type=int, default=40, show_default=True, help="Times each page is asked when served.")
@click.option("--no-peer", is_flag=True, help="Skip the pandas peer (it holds the whole table in memory).")
@click.option("--no-browser", is_flag=True, help="Skip gunicorn and Chromium (cold start, first chart, memory).")
def main(
    figures: int, json_path: Path | None, backends: str, pages: int, rounds: int, no_peer: bool, no_browser: bool
) -> None:
    """Benchmark the dashboard at national scale (prints a table; --json writes the figures)."""
    report = {"figures": figures, "synthetic": True, "backends": {}}
    pg = None
    with tempfile.TemporaryDirectory(prefix="bench-national-") as tmp:
        try:
            for backend in [b.strip() for b in backends.split(",") if b.strip()]:
                click.echo(f"== {backend}", err=True)
                if backend == "postgresql" and pg is None:
                    from harness.pg import PgServer

                    pg = PgServer.start()
                url = _backend_url(backend, Path(tmp), pg)
                load = national.load_synthetic(url, figures, progress=lambda m: click.echo(f"  {m}", err=True))
                engine = national.make_engine(url)
                sample = national.sample_pages(engine, pages)
                measured = national.in_child("callbacks", url, sample, rounds)
                callbacks, after, peer_load = measured["callbacks"], measured["after_import"], None
                if not no_peer:
                    peer = national.in_child("peer", url, sample)
                    peer_load = peer["load_s"]
                    click.echo(f"  pandas peer: whole table read in {peer_load} s", err=True)
                    for row in callbacks:
                        times = peer["views"][row["name"]]
                        row["peer_p95_ms"], row["peer_p50_ms"] = round(pct(times, 0.95), 2), round(pct(times, 0.5), 2)
                data = {
                    "callbacks": callbacks,
                    "after_import": after,
                    "import_rows_per_s": load["rows_per_s"],
                    "cold_start_ms": None,
                    "first_chart_ms": None,
                    "peak_rss_mb": None,
                    "peer_load_s": peer_load,
                }
                if not no_browser:
                    data.update(
                        national.serve_and_browse(
                            url, free_port(), sample["region"][0], progress=lambda m: click.echo(m, err=True)
                        )
                    )
                engine.dispose()
                report["backends"][backend] = data
                report[backend] = data
        finally:
            if pg is not None:
                pg.stop()
    click.echo(_table(report))
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
