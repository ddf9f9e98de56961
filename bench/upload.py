"""Benchmark: validate and dry-run a 100,000-row upload workbook, against pandas + openpyxl + to_sql.

    python -m bench.upload [--rows 100000]

Everything happens in a temporary directory: a database built from data/, and a SYNTHETIC workbook (made-up
values for real regions and indicators, never loaded anywhere). Prints rows/s and the ratio of the two paths
on the same file in the same run. Target: at least 5x faster than the baseline, and under 5 s.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from db.batches import indicator_table, plan_years
from db.session import make_engine, session_factory
from etl import importer
from etl.build import build
from etl.columns import ACTUAL_FIELDS, TARGET_FIELDS, header
from etl.gazetteer import read_regions_csv


def synthetic_rows(regions: list[str], indicators: list[str], years: tuple[int, int], count: int):
    """Unique (region, indicator, period) keys with made-up values, typed the ways planners type them."""
    spans = [(a, b) for a in range(years[0], years[1] + 1) for b in range(a, years[1] + 1)]
    keys = itertools.product(regions, indicators, spans)
    for i, (region, indicator, (start, end)) in zip(range(count), keys, strict=False):
        value = f"{(i % 900) / 10 + 1:g}万" if i % 5 == 0 else (f"{i % 9000 + 100:,}" if i % 5 == 1 else i % 50000 + 1)
        yield region, indicator, start, end, value


def write_workbook(path: Path, sessions, rows: int) -> int:
    with sessions() as session:
        indicators = [c for c, i in indicator_table(session).items() if i["kind"] == "flow" and i["unit"] != "%"]
        years = plan_years(session)
    regions = [r.code for r in read_regions_csv()]
    book = Workbook(write_only=True)
    written = 0
    for title, fields, share in (
        ("目标 Targets", TARGET_FIELDS, rows // 2),
        ("实际 Actuals", ACTUAL_FIELDS, rows - rows // 2),
    ):
        sheet = book.create_sheet(title)
        sheet.append([header(f) for f in fields])
        for region, indicator, start, end, value in synthetic_rows(regions, indicators, years, share):
            cells = {
                "region_code": region,
                "indicator": indicator,
                "period_start": start,
                "period_end": end,
                "value": value,
                "note": "synthetic benchmark row",
            }
            sheet.append([cells.get(f) for f in fields])
            written += 1
    book.save(path)
    return written


def run(rows: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        engine = make_engine(f"sqlite:///{tmp_path / 'bench.db'}")
        build(engine, progress=lambda _m: None)
        sessions = session_factory(engine)
        workbook = tmp_path / "synthetic-100k.xlsx"
        started = time.perf_counter()
        written = write_workbook(workbook, sessions, rows)
        print(
            f"synthetic workbook: {written:,} rows, {workbook.stat().st_size / 1e6:.1f} MB, "
            f"written in {time.perf_counter() - started:.1f} s"
        )
        data = workbook.read_bytes()

        started = time.perf_counter()
        with sessions() as session:
            result = importer.check_and_preview(session, data, workbook.name)
        ours = time.perf_counter() - started
        assert result.ok, [p.located() for p in result.checked.problems[:5]]
        assert len(result.checked.rows) == written

        import pandas as pd

        started = time.perf_counter()
        frames = pd.read_excel(workbook, engine="openpyxl", sheet_name=None, dtype={header("region_code"): str})
        baseline_engine = make_engine(f"sqlite:///{tmp_path / 'baseline.db'}")
        with baseline_engine.begin() as conn:
            for i, frame in enumerate(frames.values()):
                frame.to_sql(f"sheet{i}", conn, index=False)
        baseline = time.perf_counter() - started
    return {"rows": written, "ours_s": ours, "baseline_s": baseline, "counts": result.preview.counts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    figures = run(parser.parse_args().rows)
    ratio = figures["baseline_s"] / figures["ours_s"]
    print(
        f"validate + dry run (calamine, ours): {figures['ours_s']:.2f} s, "
        f"{figures['rows'] / figures['ours_s']:,.0f} rows/s"
        f"  preview counts {figures['counts']}"
    )
    print(
        f"pandas.read_excel(openpyxl) + to_sql: {figures['baseline_s']:.2f} s, "
        f"{figures['rows'] / figures['baseline_s']:,.0f} rows/s"
    )
    print(f"ratio: {ratio:.1f}x faster (aim >= 5x); under 5 s: {'yes' if figures['ours_s'] < 5 else 'NO'}")


if __name__ == "__main__":
    main()
