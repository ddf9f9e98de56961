"""Reads: functions take a session and return plain data (dicts, DataFrames), never components."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from db.models import Batch, Figure, Indicator, PlanVersion, Region, Source
from db.visibility import APPROVED, COUNTS, live

LIVE = COUNTS  # what counts for everyone: not reverted, approved (db/visibility.py)

FIGURE_COLUMNS = [
    "id",
    "kind",
    "region_code",
    "region_name",
    "indicator",
    "period_start",
    "period_end",
    "value",
    "comparator",
    "unit",
    "plan_version",
    "plan_version_kind",
    "plan_version_id",
    "reliability",
    "source",
    "source_kind",
    "source_url",
    "source_file",
    "quote",
    "quote_start",
    "quote_end",
    "note",
    "batch_id",
    "batch_kind",
]
TEXT_COLUMNS = [
    "region_name",
    "comparator",
    "unit",
    "plan_version",
    "plan_version_kind",
    "reliability",
    "source",
    "source_kind",
    "source_url",
    "source_file",
    "quote",
    "note",
]


def _figure_select(session: Session | None = None):
    """Figures that count in ``session`` (db/visibility.py); a pending one's reliability reads "pending"."""
    return (
        select(
            Figure.id,
            Figure.kind,
            Figure.region_code,
            Region.name_zh.label("region_name"),
            Figure.indicator_code.label("indicator"),
            Figure.period_start,
            Figure.period_end,
            Figure.value,
            Figure.comparator,
            Figure.unit,
            PlanVersion.name.label("plan_version"),
            PlanVersion.kind.label("plan_version_kind"),
            Figure.plan_version_id,
            case((Batch.state != APPROVED, "pending"), else_=Source.reliability).label("reliability"),
            Source.title.label("source"),
            Source.kind.label("source_kind"),
            Source.url.label("source_url"),
            Source.file_name.label("source_file"),
            Figure.quote,
            Figure.quote_start,
            Figure.quote_end,
            Figure.note,
            Figure.batch_id,
            Batch.kind.label("batch_kind"),
        )
        .join(Region, Region.code == Figure.region_code)
        .join(Source, Source.id == Figure.source_id)
        .join(Batch, Batch.id == Figure.batch_id)
        .outerjoin(PlanVersion, PlanVersion.id == Figure.plan_version_id)
        .where(live(session))
    )


def _frame(session: Session, stmt) -> pd.DataFrame:
    rows = session.execute(stmt).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=FIGURE_COLUMNS)
    text = [c for c in TEXT_COLUMNS if c in frame.columns]
    frame[text] = frame[text].astype(object).where(frame[text].notna(), "")
    return frame


def figures(session: Session, kind: str | None = None, region_codes=None, indicator: str | None = None) -> pd.DataFrame:
    """Live figures (reverted batches left out), newest batch last.

    Example: ``figures(s, "target", ["621100"], "poor_population_reduced")``
    """
    stmt = _figure_select(session)
    if kind:
        stmt = stmt.where(Figure.kind == kind)
    if region_codes is not None:
        stmt = stmt.where(Figure.region_code.in_(list(region_codes)))
    if indicator:
        stmt = stmt.where(Figure.indicator_code == indicator)
    stmt = stmt.order_by(
        Figure.region_code, Figure.indicator_code, Figure.period_start, Figure.period_end, Figure.batch_id, Figure.id
    )
    return _frame(session, stmt)


def region(session: Session, code: str) -> dict | None:
    row = session.get(Region, code)
    if row is None:
        return None
    return {
        "code": row.code,
        "parent_code": row.parent_code,
        "name_zh": row.name_zh,
        "name_en": row.name_en,
        "level": row.level,
    }


def regions(session: Session) -> list[dict]:
    rows = session.scalars(select(Region).order_by(Region.code))
    return [
        {"code": r.code, "parent_code": r.parent_code, "name_zh": r.name_zh, "name_en": r.name_en, "level": r.level}
        for r in rows
    ]


def region_path(session: Session, code: str) -> list[dict]:
    """The region and its ancestors, root first (for a breadcrumb)."""
    path, current = [], region(session, code)
    while current:
        path.append(current)
        current = region(session, current["parent_code"]) if current["parent_code"] else None
    return path[::-1]


def child_regions(session: Session, code: str) -> list[dict]:
    rows = session.scalars(select(Region).where(Region.parent_code == code).order_by(Region.code))
    return [{"code": r.code, "name_zh": r.name_zh, "name_en": r.name_en, "level": r.level} for r in rows]


def descendant_codes(session: Session, code: str) -> list[str]:
    """All codes below a region (not itself), breadth first."""
    out, frontier = [], [code]
    while frontier:
        frontier = list(session.scalars(select(Region.code).where(Region.parent_code.in_(frontier))))
        out.extend(frontier)
    return out


def regions_with_targets(session: Session) -> list[dict]:
    """Regions that hold targets themselves or through their descendants' named targets."""
    stmt = (
        select(Region.code, Region.name_zh, Region.name_en, Region.level, Region.parent_code)
        .where(Region.code.in_(select(Figure.region_code).join(Batch).where(LIVE, Figure.kind == "target")))
        .order_by(Region.code)
    )
    return [dict(r) for r in session.execute(stmt).mappings()]


def indicators(session: Session) -> list[dict]:
    rows = session.scalars(select(Indicator).order_by(Indicator.code))
    return [
        {
            "code": i.code,
            "name_zh": i.name_zh,
            "name_en": i.name_en,
            "unit": i.unit,
            "kind": i.kind,
            "direction": i.direction,
            "basis": i.basis,
        }
        for i in rows
    ]


def indicator(session: Session, code: str) -> dict | None:
    found = [i for i in indicators(session) if i["code"] == code]
    return found[0] if found else None


def indicators_with_figures(session: Session, region_codes: list[str]) -> list[str]:
    stmt = (
        select(Figure.indicator_code, func.count())
        .join(Batch)
        .where(LIVE, Figure.region_code.in_(region_codes))
        .group_by(Figure.indicator_code)
        .order_by(func.count().desc())
    )
    return [row[0] for row in session.execute(stmt)]


def plan_versions(session: Session) -> list[dict]:
    stmt = select(PlanVersion, Batch.reverted_at).join(Batch).order_by(PlanVersion.id)
    return [
        {"id": v.id, "name": v.name, "kind": v.kind, "published_on": v.published_on, "reverted": reverted is not None}
        for v, reverted in session.execute(stmt)
    ]


def batches(session: Session) -> list[dict]:
    rows = session.scalars(select(Batch).order_by(Batch.id))
    return [{c.name: getattr(b, c.name) for c in Batch.__table__.columns} for b in rows]


def sources_of(session: Session, figure_ids: list[int]) -> pd.DataFrame:
    stmt = _figure_select(session).where(Figure.id.in_(figure_ids))
    return _frame(session, stmt)


def parent_alias():
    return aliased(Region)


def batch_region_codes(session: Session, batch_id: int) -> list[str]:
    """The regions a batch wrote figures for (who may revert it depends on them): ``["621102", "621122"]``."""
    stmt = select(Figure.region_code).where(Figure.batch_id == batch_id).distinct().order_by(Figure.region_code)
    return list(session.scalars(stmt))
