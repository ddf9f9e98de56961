"""Turn validated rows (``etl.validate.Row``) into Figure column dicts, with a web source per source link.

Build steps (reference CSVs) and planners' uploads both store rows through here.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db import writes
from textsafety import url_host


def web_source(session: Session, url: str, reliability: str):
    host = url_host(url)
    return writes.get_or_create_source(session, kind="web", title=host, url=url, reliability=reliability)


def figure_dicts(
    session: Session, rows, batch_id: int, plan_version_id: int | None = None, default_source_id: int | None = None
) -> list[dict]:
    """Rows to Figure dicts; a row with a source link gets that page as its source, others the default source.

    Example: ``figure_dicts(s, checked.rows, batch.id, version.id, upload_source_id)``
    """
    sources: dict[tuple[str, str], int] = {}
    out = []
    for row in rows:
        source_id = default_source_id
        if row.source_url:
            key = (row.source_url, row.reliability)
            if key not in sources:
                sources[key] = web_source(session, row.source_url, row.reliability).id
            source_id = sources[key]
        if source_id is None:
            raise ValueError(f"{row.sheet} row {row.row}: no source link and no default source")
        out.append(
            {
                "kind": row.kind,
                "region_code": row.region_code,
                "indicator_code": row.indicator,
                "period_start": row.period_start,
                "period_end": row.period_end,
                "value": row.value,
                "comparator": row.comparator,
                "unit": row.unit,
                "plan_version_id": plan_version_id if row.kind == "target" else None,
                "source_id": source_id,
                "batch_id": batch_id,
                "quote": row.quote,
                "quote_start": None,
                "quote_end": None,
                "note": row.note,
            }
        )
    return out
