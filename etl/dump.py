"""`python -m etl dump targets|actuals`: the stored figures as CSV or JSON, in a stable order."""

from __future__ import annotations

import csv
import io
import json

from textsafety import json_safe, multi_line

TARGET_COLUMNS = [
    "region_code",
    "region_name",
    "indicator",
    "period_start",
    "period_end",
    "value",
    "comparator",
    "unit",
    "plan_version",
    "source",
    "quote",
    "tier",  # committed | stretch (last, so earlier columns keep their places)
]
ACTUAL_COLUMNS = [
    "region_code",
    "region_name",
    "indicator",
    "period_start",
    "period_end",
    "value",
    "unit",
    "reliability",
    "source",
    "quote",
]


def plain_number(value: float) -> int | float:
    """125000.0 -> 125000; 7.54 -> 7.54 (so dumps read as the figures were written)."""
    return int(value) if float(value).is_integer() else float(value)


def source_label(row: dict) -> str:
    if row["source_kind"] == "web":
        return row["source_url"]
    if row["source_kind"] == "document":
        return row["source_file"] or row["source"]  # a pasted text has no file: its title
    return f"batch {row['batch_id']}: {row['source']}"


def dump_rows(figures: list[dict], kind: str) -> list[dict]:
    columns = TARGET_COLUMNS if kind == "target" else ACTUAL_COLUMNS
    out = []
    for row in figures:
        row = dict(row)
        row["value"] = plain_number(row["value"])
        row["source"] = source_label(row)
        out.append({c: row[c] for c in columns})
    return sorted(out, key=lambda r: tuple(str(r[c]) for c in columns))


def to_csv(rows: list[dict], columns: list[str]) -> str:
    """CSV text; control characters in stored text (an old database may hold them) as visible escapes."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: multi_line(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def to_json(rows: list[dict]) -> str:
    return json_safe(json.dumps(rows, ensure_ascii=False, indent=1))
