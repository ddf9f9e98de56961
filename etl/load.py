"""Turn validated rows into stored figures: sources, batches and plan versions with them."""

from __future__ import annotations

from urllib.parse import urlparse

from sqlalchemy.orm import Session

from db import writes


def web_source(session: Session, url: str, reliability: str):
    host = urlparse(url).netloc or url
    return writes.get_or_create_source(session, kind="web", title=host, url=url, reliability=reliability)


def figure_rows_from_reference(
    session: Session, rows: list[dict], kind: str, batch_id: int, plan_version_id: int | None = None
) -> list[dict]:
    """Reference rows (region_code, indicator, period, value, unit, reliability, source_url, quote, note)
    to Figure column dicts, each with a web source of its own URL."""
    out = []
    for row in rows:
        writes.ensure_indicator(session, row["indicator"], row.get("unit", ""))
        source = web_source(session, row["source_url"], row.get("reliability") or "official")
        out.append(
            {
                "kind": kind,
                "region_code": row["region_code"],
                "indicator_code": row["indicator"],
                "period_start": row["period_start"],
                "period_end": row["period_end"],
                "value": row["value"],
                "comparator": row.get("comparator") or "=",
                "unit": row.get("unit", ""),
                "plan_version_id": plan_version_id,
                "source_id": source.id,
                "batch_id": batch_id,
                "quote": row.get("quote", ""),
                "quote_start": None,
                "quote_end": None,
                "note": row.get("note", ""),
            }
        )
    return out
