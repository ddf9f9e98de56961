"""Reads for the read API (api/): regions by parent, and live figures one keyset page at a time.

Figures come from the same select as the dashboard's (``queries._figure_select`` without a session: what counts
for everyone, db/visibility.py, never a batch waiting for approval), ordered by id, so a page is
``id > after ORDER BY id LIMIT n``: the primary key's range, as fast on page 1,000 as on page 1, and stable
while figures are added (new ids come last).

Example::

    page = figure_page(s, FigureFilter(region="610000", subtree=True, indicator="poor_population_reduced"), 0, 100)
    page[0]["quote"], page[-1]["id"]   # pass the last id as ``after`` for the next page
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from db import tree
from db.models import Batch, Figure, PlanVersion, Region
from db.queries import LIVE, TEXT_COLUMNS, _figure_select, regions

TIER = Figure.tier  # committed|stretch (migration 0007_target_tier), read by _figure_select


@dataclass(frozen=True)
class FigureFilter:
    """What ``figure_page`` keeps; None means no condition. ``plan``: original|revised (targets in force)."""

    region: str | None = None
    subtree: bool = False
    indicator: str | None = None
    kind: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    plan: str | None = None


def region_node(session: Session, code: str) -> dict | None:
    """The region's numbering (``tree.subtree``), or None for an unknown code."""
    return tree.subtree(session, code)


def child_regions(session: Session, parent: str | None) -> list[dict]:
    """Regions directly below ``parent`` (the top level for None), each with its number of children."""
    child = aliased(Region)
    children = select(func.count()).where(child.parent_code == Region.code).scalar_subquery()
    where = Region.parent_code.is_(None) if parent is None else Region.parent_code == parent
    stmt = (
        select(
            Region.code, Region.parent_code, Region.name_zh, Region.name_en, Region.level, children.label("children")
        )
        .where(where)
        .order_by(Region.code)
    )
    return [dict(r) for r in session.execute(stmt).mappings()]


def all_regions(session: Session) -> list[dict]:
    """Every region (code, parent_code, names, level), by code."""
    return regions(session)


def _superseded():
    """An original target that a live revision restates (same region, indicator and period)."""
    other, version = aliased(Figure), aliased(PlanVersion)
    return exists(
        select(other.id)
        .join(version, version.id == other.plan_version_id)
        .where(
            other.kind == "target",
            version.kind == "revision",
            other.batch_id.in_(select(Batch.id).where(LIVE)),  # the one filter of what counts
            other.region_code == Figure.region_code,
            other.indicator_code == Figure.indicator_code,
            other.period_start == Figure.period_start,
            other.period_end == Figure.period_end,
        )
    )


def _conditions(session: Session, f: FigureFilter) -> list:
    out = []
    if f.region is not None:
        node = region_node(session, f.region)
        out.append(tree.in_subtree(node, include_self=True) if f.subtree else Figure.region_code == f.region)
    if f.indicator is not None:
        out.append(Figure.indicator_code == f.indicator)
    if f.kind is not None:
        out.append(Figure.kind == f.kind)
    if f.year_from is not None:
        out.append(Figure.period_start >= f.year_from)
    if f.year_to is not None:
        out.append(Figure.period_end <= f.year_to)
    if f.plan == "original":
        out.append(or_(Figure.kind != "target", PlanVersion.kind == "original"))
    elif f.plan == "revised":
        out.append(or_(Figure.kind != "target", PlanVersion.kind == "revision", ~_superseded()))
    return out


def figure_page(session: Session, f: FigureFilter, after: int, limit: int) -> list[dict]:
    """Up to ``limit`` live figures with ``id > after`` that pass ``f``, by id; text columns "" for NULL."""
    stmt = _figure_select().add_columns(Batch.created_at.label("batch_created_at"))
    stmt = stmt.where(Figure.id > after, *_conditions(session, f)).order_by(Figure.id).limit(limit)
    rows = [dict(r) for r in session.execute(stmt).mappings()]
    for row in rows:
        for column in TEXT_COLUMNS:
            if row.get(column) is None:
                row[column] = ""
    return rows
