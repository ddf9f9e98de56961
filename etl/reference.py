"""Published figures (data/reference/*.csv): the first actuals and target revisions."""

from __future__ import annotations

import csv
from pathlib import Path

from settings import REFERENCE_DIR

ACTUALS_CSV = REFERENCE_DIR / "published-actuals.csv"
COUNTY_EXITS_CSV = REFERENCE_DIR / "published-county-exits.csv"
REVISIONS_CSV = REFERENCE_DIR / "published-target-revisions.csv"


def read_reference_csv(path: Path) -> list[dict]:
    """Rows with typed periods and values; every column kept. Example: ``read_reference_csv(ACTUALS_CSV)[0]``."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = []
        for line, raw in enumerate(csv.DictReader(f), start=2):
            row = dict(raw)
            row["period_start"] = int(row["period_start"])
            row["period_end"] = int(row["period_end"])
            row["value"] = float(row["value"])
            row["comparator"] = row.get("comparator") or "="
            row["line"] = line
            rows.append(row)
        return rows
