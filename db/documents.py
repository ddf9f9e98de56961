"""Data layer for plan documents taken in through intake (etl/intake): what is already stored, the tree.

Example::

    with sessions() as s:
        ingested_batch(s, doc.sha256)   # {"id": 42, "user_name": "王芳", ...} or None
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Batch, Figure, PlanVersion, Region, RegionAlias, Source

DOCUMENT_BATCH = "document"
GAZETTEER_LEVELS = ("province", "prefecture", "county")


def ingested_batch(session: Session, sha256: str, file_sha256: str | None = None) -> dict | None:
    """The live (not reverted) batch that stored this document: a document batch of a text with this sha256,
    else (``file_sha256``) a batch whose figures come from a document source with the file's sha256 (the seed
    texts `etl build` loads). None when it is not stored."""
    columns = (Batch.id, Batch.kind, Batch.user_name, Batch.created_at, Batch.file_name)
    stmt = (
        select(*columns)
        .where(Batch.kind == DOCUMENT_BATCH, Batch.sha256 == sha256, Batch.reverted_at.is_(None))
        .order_by(Batch.id)
    )
    row = session.execute(stmt).first()
    if row is None and file_sha256:
        sources = select(Source.id).where(Source.kind == "document", Source.sha256 == file_sha256)
        used = select(Figure.batch_id).where(Figure.source_id.in_(sources))
        stmt = select(*columns).where(Batch.id.in_(used), Batch.reverted_at.is_(None)).order_by(Batch.id)
        row = session.execute(stmt).first()
    return None if row is None else dict(row._mapping)


def stored_targets(session: Session, keys: Iterable[tuple]) -> dict[tuple, list[dict]]:
    """Targets stored and not reverted, by ``(region, indicator, start, end, tier)`` key: for each, its value and
    comparator, its batch (id, file name) and its plan (name, date), newest batch first.

    Example: ``stored_targets(s, {("621100", "poor_population_reduced", 2016, 2016, "committed")})``
    """
    keys = set(keys)
    if not keys:
        return {}
    stmt = (
        select(
            Figure.region_code,
            Figure.indicator_code,
            Figure.period_start,
            Figure.period_end,
            Figure.tier,
            Figure.value,
            Figure.comparator,
            Figure.batch_id,
            Batch.file_name,
            PlanVersion.name.label("plan"),
            PlanVersion.published_on,
        )
        .join(Batch, Batch.id == Figure.batch_id)
        .outerjoin(PlanVersion, PlanVersion.id == Figure.plan_version_id)
        .where(
            Figure.kind == "target",
            Batch.reverted_at.is_(None),
            Figure.region_code.in_({k[0] for k in keys}),
            Figure.indicator_code.in_({k[1] for k in keys}),
        )
        .order_by(Figure.batch_id.desc(), Figure.id)
    )
    out: dict[tuple, list[dict]] = {}
    for row in session.execute(stmt):
        found = dict(row._mapping)
        key = (found["region_code"], found["indicator_code"], found["period_start"], found["period_end"], found["tier"])
        if key in keys:
            out.setdefault(key, []).append(found)
    return out


def tree_regions(session: Session, levels: Iterable[str] = GAZETTEER_LEVELS) -> list[dict]:
    """Regions of these levels with former names and codes (the names a plan document uses)."""
    stmt = select(Region.code, Region.parent_code, Region.name_zh, Region.name_en, Region.level).where(
        Region.level.in_(list(levels))
    )
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    aliases: dict[str, dict[str, list[str]]] = {}
    for alias, code, kind in session.execute(select(RegionAlias.alias, RegionAlias.region_code, RegionAlias.kind)):
        aliases.setdefault(code, {}).setdefault(kind, []).append(alias)
    for row in rows:
        row["former_names"] = aliases.get(row["code"], {}).get("former_name", [])
        row["former_codes"] = aliases.get(row["code"], {}).get("former_code", [])
    return rows


def lineage(session: Session, codes: Iterable[str]) -> dict[str, list[str]]:
    """Each known region's code with the codes above it: ``{"621102": ["621102", "621100", "620000"]}``.
    Codes not in the tree are left out."""
    out: dict[str, list[str]] = {}
    for code in set(codes):
        chain, current = [], session.get(Region, code)
        while current is not None:
            chain.append(current.code)
            current = session.get(Region, current.parent_code) if current.parent_code else None
        if chain:
            out[code] = chain
    return out


def document_text(session: Session, source_id: int) -> str | None:
    """The stored text of a document source (quotes' offsets refer to it)."""
    return session.scalar(select(Source.text).where(Source.id == source_id))
