"""Reviewed, per-document human corrections (data/corrections.csv) applied after extraction.

Columns: file_name, action (drop | set | add), quote_contains, indicator, period_end, value, changes, reason.

* drop / set: every figure of that file whose quote contains ``quote_contains`` and which matches
  ``indicator``, ``period_end`` and ``value`` when those are given; ``set`` applies ``changes``
  ("kind=actual;indicator=other:x").
* add: a new figure; ``changes`` gives all its fields, the quote is the first occurrence of
  ``quote_contains`` in the text.

Example::

    >>> rows = [{"file_name": "a.txt", "action": "drop", "quote_contains": "X", "indicator": "", "period_end": "",
    ...          "value": "", "changes": "", "reason": "test"}]
    >>> apply_corrections("X", [], rows, "a.txt", None)
    []
"""

from __future__ import annotations

import csv
from dataclasses import fields, replace
from pathlib import Path

from settings import DATA_DIR

from .model import Extracted

CORRECTIONS_CSV = DATA_DIR / "corrections.csv"
_TYPES = {f.name: f.type for f in fields(Extracted)}


def load_corrections(path: Path = CORRECTIONS_CSV) -> list[dict]:
    if not Path(path).exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r.get("file_name") and not r["file_name"].startswith("#")]


def _parse_changes(changes: str) -> dict:
    out = {}
    for part in filter(None, (p.strip() for p in changes.split(";"))):
        key, _, value = part.partition("=")
        kind = _TYPES[key.strip()]
        out[key.strip()] = float(value) if kind == "float" else int(value) if kind == "int" else value.strip()
    return out


def _matches(fig: Extracted, row: dict) -> bool:
    if row["quote_contains"] and row["quote_contains"] not in fig.quote:
        return False
    if row.get("indicator") and row["indicator"] != fig.indicator:
        return False
    if row.get("period_end") and int(row["period_end"]) != fig.period_end:
        return False
    return not row.get("value") or abs(float(row["value"]) - fig.value) <= 1e-6 * max(1.0, abs(fig.value))


def apply_corrections(text: str, figures: list[Extracted], rows: list[dict], file_name: str, info) -> list[Extracted]:
    """The figures after applying the rows for file_name, in file order."""
    for row in (r for r in rows if r["file_name"] == file_name):
        action = row["action"].strip()
        if action == "drop":
            figures = [f for f in figures if not _matches(f, row)]
        elif action == "set":
            changes = _parse_changes(row["changes"])
            figures = [replace(f, **changes) if _matches(f, row) else f for f in figures]
        elif action == "add":
            start = text.find(row["quote_contains"])
            if start < 0:
                raise ValueError(f"correction quote not found in {file_name}: {row['quote_contains']!r}")
            base = {
                "region": info.region_name if info else None,
                "region_code": info.region_code if info else None,
                "comparator": "=",
                "quote": row["quote_contains"],
                "start": start,
                "end": start + len(row["quote_contains"]),
            }
            figures = figures + [Extracted(**{**base, **_parse_changes(row["changes"])})]
        else:
            raise ValueError(f"unknown correction action {action!r}")
    return figures
