"""In-app edits: a region's values in force as grid rows, and edited rows as a CSV that goes through the same
reader, validation, preview, versioning and audit as an uploaded file.

Example::

    rows = grid_rows(session, "610000")
    rows[0]["value"] = "56.4万"
    data = edits_csv(rows)      # only the changed rows; b"" when nothing changed
"""

from __future__ import annotations

import csv
import io

from db import batches
from etl.columns import header
from text import comparators

EDIT_FILE_NAME = "在线修改 in-app edit.csv"
FIELDS = ["kind", "region_code", "indicator", "period_start", "period_end", "comparator", "value", "unit"]


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def grid_rows(session, region_code: str) -> list[dict]:
    """The region's own targets and actuals now in force, one grid row each, keeping the original for comparison."""
    indicators = batches.indicator_table(session)
    rows = []
    for (kind, region, ind, start, end), current in sorted(batches.current_values(session).items()):
        if region != region_code or ind not in indicators:
            continue
        comparator = comparators.cell(current["comparator"])
        rows.append(
            {
                "kind": kind,
                "kind_label": "目标 target" if kind == "target" else "实际 actual",
                "region_code": region,
                "indicator": f"{indicators[ind]['name_zh']} {ind}",
                "period_start": start,
                "period_end": end,
                "comparator": comparator,
                "value": _plain(current["value"]),
                "unit": indicators[ind]["unit"],
                "orig_comparator": comparator,
                "orig_value": _plain(current["value"]),
            }
        )
    return rows


def edits_csv(rows: list[dict]) -> bytes:
    """The rows whose value or comparator differs from the original, as UTF-8 CSV bytes (b"" if none)."""
    changed = [
        r
        for r in rows or []
        if str(r.get("value")) != str(r.get("orig_value")) or str(r.get("comparator")) != str(r.get("orig_comparator"))
    ]
    if not changed:
        return b""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([header(f) for f in FIELDS])
    for r in changed:
        writer.writerow(["" if r.get(f) is None else r.get(f) for f in FIELDS])
    return buffer.getvalue().encode("utf-8")
