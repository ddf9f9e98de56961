"""Export timings: per chart after warm-up (aim ≤ 0.5 s) and the 陕西 briefing pack.

Run: ``python -m bench.export [--database-url sqlite:///…] [--repeat 5]``. With no database given, a fresh one
is built from data/sources/ in a temporary folder (the app's own data file is never touched).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from db.session import make_engine, session_factory
from export import kaleido_server
from export.briefing import briefing_pdf, collect
from export.charts import build_chart
from export.images import chart_image
from export.tables import csv_bytes, xlsx_bytes
from export.workbook import briefing_xlsx

CHARTS = [("621100", "poor_population_reduced"), ("610000", "poor_population_reduced"), ("610000", "counties_exited")]


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def chart_export(sessions, fmt: str, region: str, indicator: str) -> bytes:
    with sessions() as session:
        export = build_chart(session, region, indicator)
    if fmt == "csv":
        return csv_bytes(export.rows)
    if fmt == "xlsx":
        return xlsx_bytes(export)
    return chart_image(export, fmt)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url
        if url is None:
            from etl.build import build

            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            print(f"building a fresh database in {tmp} …")
            build(make_engine(url), progress=lambda _m: None)
        sessions = session_factory(make_engine(url))
        first, _ = timed(lambda: (kaleido_server.ensure_started(), chart_export(sessions, "png", *CHARTS[0])))
        print(
            f"warm-up (start Chromium + first PNG): {first:.2f} s; load average {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} CPUs (timings grow with load)"
        )
        print(
            f"{'format':<6} {'median s':>9} {'max s':>7}  (per chart, {len(CHARTS)} charts × {args.repeat}, "
            "query + figure + footer + render)"
        )
        for fmt in ("png", "svg", "pdf", "csv", "xlsx"):
            times = [
                timed(lambda f=fmt, c=c: chart_export(sessions, f, *c))[0] for _ in range(args.repeat) for c in CHARTS
            ]
            flag = "" if statistics.median(times) <= 0.5 else "  above the 0.5 s aim"
            print(f"{fmt:<6} {statistics.median(times):>9.3f} {max(times):>7.3f}{flag}")
        with sessions() as session:
            took_collect, pack = timed(lambda: collect(session, "610000"))
            took_pdf, pdf = timed(lambda: briefing_pdf(pack))
            took_xlsx, xlsx = timed(lambda: briefing_xlsx(pack))
        print(
            f"陕西 610000 briefing pack: {len(pack.pages)} indicators; collect {took_collect:.2f} s, "
            f"PDF {took_pdf:.2f} s ({len(pdf) / 1e6:.1f} MB, {len(pack.pages) + 1} pages), "
            f"XLSX {took_xlsx:.2f} s ({len(xlsx) / 1e3:.0f} kB)"
        )


if __name__ == "__main__":
    main()
