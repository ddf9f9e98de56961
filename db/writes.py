"""Writes: every function takes an open session inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from db import rollups, submission, tree
from db.cache import forget
from db.models import Batch, Figure, Indicator, PlanVersion, Region, RegionAlias, Source


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def upsert_regions(session: Session, rows: Iterable[dict], aliases: Iterable[dict] = ()) -> None:
    """Insert or update regions by adcode; rows need code, parent_code, name_zh, name_en, level."""
    rows = sorted(rows, key=lambda r: (len(r["code"].rstrip("0")), r["code"]))
    existing = {r.code: r for r in session.scalars(select(Region))}
    for row in rows:
        region = existing.get(row["code"])
        if region is None:
            session.add(Region(**row))
        else:
            for key, value in row.items():
                setattr(region, key, value)
    session.flush()
    add_region_aliases(session, aliases)
    tree.renumber(session)


def add_region_aliases(session: Session, aliases: Iterable[dict]) -> None:
    """Add aliases (alias, region_code, kind) not stored yet."""
    known = {(a.alias, a.region_code) for a in session.scalars(select(RegionAlias))}
    for alias in aliases:
        if (alias["alias"], alias["region_code"]) not in known:
            session.add(RegionAlias(**alias))
    session.flush()


def upsert_indicators(session: Session, rows: Iterable[dict]) -> None:
    for row in rows:
        indicator = session.get(Indicator, row["code"])
        if indicator is None:
            session.add(Indicator(**row))
        else:
            for key, value in row.items():
                setattr(indicator, key, value)
    session.flush()
    forget(session, "indicators")  # queries.indicators reads the catalogue once per transaction


def ensure_indicator(session: Session, code: str, unit: str, name_zh: str | None = None) -> None:
    """Create an ``other:<name>`` indicator on first sight, so that no figure is dropped; ``name_zh`` is the
    readable name a reviewer gave it (default: the code's words)."""
    if session.get(Indicator, code) is None:
        name = code.split(":", 1)[-1].replace("_", " ")
        session.add(
            Indicator(
                code=code,
                name_zh=(name_zh or name)[:64],
                name_en=name,
                unit=unit,
                kind="flow",
                direction="up",
                basis="other",
            )
        )
        session.flush()
        forget(session, "indicators")


def get_or_create_source(session: Session, **fields) -> Source:
    """A source is identified by (kind, file_name, url); other fields are refreshed."""
    stmt = select(Source).where(
        Source.kind == fields["kind"],
        Source.file_name.is_(fields.get("file_name"))
        if fields.get("file_name") is None
        else Source.file_name == fields["file_name"],
        Source.url.is_(None) if fields.get("url") is None else Source.url == fields["url"],
    )
    source = session.scalars(stmt).first()
    if source is None:
        source = Source(**fields)
        session.add(source)
    else:
        for key, value in fields.items():
            setattr(source, key, value)
    session.flush()
    return source


def new_batch(session: Session, kind: str, **fields) -> Batch:
    batch = Batch(kind=kind, created_at=now(), **fields)
    session.add(batch)
    session.flush()
    return batch


def new_plan_version(session: Session, **fields) -> PlanVersion:
    version = PlanVersion(**fields)
    session.add(version)
    session.flush()
    return version


def add_figures(session: Session, rows: Iterable[dict]) -> int:
    """Bulk insert figures (dicts of Figure columns); returns the count."""
    rows = list(rows)
    if rows:
        session.execute(Figure.__table__.insert(), rows)
        rollups.mark_written(session, {r["batch_id"] for r in rows})
        submission.mark_submitted(session, rows)  # a batch in a region that requires approval waits for it
    return len(rows)


def remove_batches(session: Session, kind: str, file_name: str | None = None) -> None:
    """Delete the figures, plan versions and records of earlier build batches that a rebuild replaces."""
    stmt = select(Batch.id).where(Batch.kind == kind)
    if file_name is not None:
        stmt = stmt.where(Batch.file_name == file_name)
    ids = list(session.scalars(stmt))
    if not ids:
        return
    session.execute(delete(Figure).where(Figure.batch_id.in_(ids)))
    session.execute(delete(PlanVersion).where(PlanVersion.batch_id.in_(ids)))
    session.execute(delete(Batch).where(Batch.id.in_(ids)))


def mark_reverted(session: Session, batch_id: int, user_name: str) -> None:
    session.execute(update(Batch).where(Batch.id == batch_id).values(reverted_at=now(), reverted_by=user_name))
