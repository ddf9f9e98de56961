"""Rows as the read API returns them: figures with their source, plan version and batch; flat rows for CSV.

Example: ``flatten({"id": 1, "source": {"title": "x"}}) == {"id": 1, "source_title": "x"}``
"""

from __future__ import annotations

from datetime import datetime


def _number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def figure(row: dict) -> dict:
    """One figure record (``db.api_queries.figure_page``) as the API shows it."""
    out = {
        "id": row["id"],
        "kind": row["kind"],
        "region_code": row["region_code"],
        "region_name": row["region_name"],
        "indicator": row["indicator"],
        "period_start": row["period_start"],
        "period_end": row["period_end"],
        "value": _number(row["value"]),
        "comparator": row["comparator"],
        "unit": row["unit"],
    }
    if "tier" in row:
        out["tier"] = row["tier"]
    out["plan_version"] = (
        {"id": row["plan_version_id"], "name": row["plan_version"], "kind": row["plan_version_kind"]}
        if row["plan_version_id"] is not None
        else None
    )
    out["source"] = {
        "title": row["source"],
        "url": row["source_url"] or None,
        "reliability": row["reliability"],
        "kind": row["source_kind"],
        "file_name": row["source_file"] or None,
    }
    out.update(quote=row["quote"], quote_start=row["quote_start"], quote_end=row["quote_end"], note=row["note"])
    out["batch"] = {"id": row["batch_id"], "kind": row["batch_kind"], "created_at": _time(row["batch_created_at"])}
    return out


def _time(value):
    return value.isoformat() if isinstance(value, datetime) else value


def flatten(row: dict, prefix: str = "") -> dict:
    """Nested objects become ``parent_child`` columns, lists space-separated text, None stays empty."""
    out: dict = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}_"))
        elif value is None and key in NESTED:
            out.update({f"{name}_{k}": None for k in NESTED[key]})
        elif isinstance(value, list):
            out[name] = " ".join(map(str, value))
        else:
            out[name] = value
    return out


NESTED = {"plan_version": ("id", "name", "kind")}  # objects that may be null: their columns stay in the CSV


def figure_columns(with_tier: bool) -> list[str]:
    """CSV columns of ``figures.csv`` (the header is there even on an empty page)."""
    columns = ["id", "kind", "region_code", "region_name", "indicator", "period_start", "period_end", "value"]
    columns += ["comparator", "unit", *(["tier"] if with_tier else [])]
    columns += ["plan_version_id", "plan_version_name", "plan_version_kind"]
    columns += ["source_title", "source_url", "source_reliability", "source_kind", "source_file_name"]
    return columns + ["quote", "quote_start", "quote_end", "note", "batch_id", "batch_kind", "batch_created_at"]


REGION_COLUMNS = ["code", "parent_code", "name_zh", "name_en", "level", "children"]
INDICATOR_COLUMNS = ["code", "name_zh", "name_en", "unit", "kind", "direction", "basis"]
