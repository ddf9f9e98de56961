"""The figure records a dashboard page needs, at any scale.

A page assesses one region from its own figures and its descendants' sums. Up to ``SMALL`` (2,000) figures in the
subtree, it gets every figure (exact: each number traces to its quote). Past that, the descendants come as one
summed record per child region, indicator, kind, plan version and period: same columns as
``dashboard_queries.figure_records``, ``id`` 0, the note "合计 N 条 · sum of N figures", read from the roll-ups
(db/rollups.py) or the index range. The pure analysis code runs unchanged on either.

Example::

    regions, figures = region_records(s, "610000")   # the region, its path and children; its figures
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import aggregates, rollups
from db.cache import cached
from db.dashboard_queries import figure_records
from db.models import Batch, Figure, FigureRollup, PlanVersion, Region

SMALL = 2_000
REGION_COLUMNS = (Region.code, Region.parent_code, Region.name_zh, Region.name_en, Region.level)


def _regions(session: Session, where) -> list[dict]:
    return [dict(r) for r in session.execute(select(*REGION_COLUMNS).where(where).order_by(Region.code)).mappings()]


def subtree_size(session: Session, node: dict) -> int:
    """Figures (live or not) in a region's subtree, itself included: roll-ups when there, else index counts."""
    if node["level"] in rollups.LEVELS:
        stmt = select(func.coalesce(func.sum(FigureRollup.count), 0)).where(FigureRollup.region_code == node["code"])
        count = int(session.execute(stmt).scalar_one())
        waiting = aggregates._pending_where(session, node)
        if waiting is not None:
            count += int(session.execute(select(func.count()).select_from(Figure).where(waiting)).scalar_one())
        return count
    where = aggregates._in_subtree(node, include_self=True)
    return int(session.execute(select(func.count()).select_from(Figure).where(where)).scalar_one())


def region_records(session: Session, code: str) -> tuple[list[dict], list[dict]]:
    """(regions, figure records) for a region page; see the module docstring. Empty lists for an unknown code."""
    node = aggregates.subtree(session, code)
    if node is None:
        return [], []
    path = [r["code"] for r in _path(session, code)]
    if subtree_size(session, node) <= SMALL:
        inside = Region.dfs_lo.between(node["dfs_lo"] + 1, node["dfs_hi"])
        regions = _regions(session, Region.code.in_(path)) + _regions(session, inside)
        return regions, figure_records(session, where=aggregates._in_subtree(node, include_self=True))
    children = _regions(session, Region.parent_code == code)
    regions = _regions(session, Region.code.in_(path)) + children
    own = figure_records(session, region_codes=[code])
    return regions, own + summed_records(session, tuple(c["code"] for c in children))


def overview_records(session: Session) -> tuple[list[dict], list[dict]]:
    """(regions, figure records) for the overview: everything when small, else one summed record set per
    top-level region (provinces), so the overview compares provinces."""
    tops = _regions(session, Region.parent_code.is_(None))
    if _figure_count(session) <= SMALL:
        return _regions(session, Region.code.is_not(None)), figure_records(session)
    return tops, summed_records(session, tuple(t["code"] for t in tops))


def _figure_count(session: Session) -> int:
    """All figures: the top regions' roll-ups (one indexed read) plus batches not rolled up yet."""
    tops = select(Region.code).where(Region.parent_code.is_(None))
    stmt = select(func.coalesce(func.sum(FigureRollup.count), 0)).where(FigureRollup.region_code.in_(tops))
    count = int(session.execute(stmt).scalar_one())
    waiting = aggregates._pending_where(session, None)
    if waiting is not None:
        count += int(session.execute(select(func.count()).select_from(Figure).where(waiting)).scalar_one())
    return count


def _path(session: Session, code: str) -> list[dict]:
    out, current = [], code
    while current:
        row = session.execute(select(*REGION_COLUMNS).where(Region.code == current)).mappings().first()
        if row is None:
            break
        out.append(dict(row))
        current = row["parent_code"]
    return out[::-1]


@cached
def summed_records(session: Session, codes: tuple[str, ...]) -> list[dict]:
    """One record per (region subtree, indicator, kind, plan version, period) for these regions."""
    reverted, _ = aggregates._series_of(session)
    versions = {v.id: v for v in session.scalars(select(PlanVersion))}
    synthetic = set(session.scalars(select(Batch.id).where(Batch.kind == "synth")))
    names = {c: n for c, n in session.execute(select(Region.code, Region.name_zh).where(Region.code.in_(codes)))}
    groups: dict[tuple, list] = defaultdict(lambda: [0.0, 0, 0, False])
    for key, batch, total, count in _group_rows(session, codes):
        if batch in reverted:
            continue
        acc = groups[key]
        acc[0] += float(total)
        acc[1] += int(count)
        acc[2] = max(acc[2], int(batch))
        acc[3] = acc[3] or batch in synthetic
    out = []
    for (code, indicator, kind, version, start, end), (total, count, batch, synth) in sorted(groups.items()):
        plan = versions.get(version)
        out.append(
            {
                "id": 0,
                "kind": kind,
                "region_code": code,
                "region_name": names.get(code, code),
                "indicator": indicator,
                "period_start": start,
                "period_end": end,
                "value": total,
                "comparator": "=",
                "unit": "",
                "plan_version": plan.name if plan else "",
                "plan_version_kind": plan.kind if plan else "",
                "plan_version_id": version,
                "reliability": "synthetic" if synth else "official",
                "source": f"合计 {count} 条 · sum of {count} figures",
                "source_kind": "sum",
                "source_url": "",
                "source_file": "",
                "quote": "",
                "quote_start": None,
                "quote_end": None,
                "note": f"合计 {count} 条 · sum of {count} figures",
                "batch_id": batch,
                "batch_kind": "sum",
                "count": count,
            }
        )
    return out


def _group_rows(session: Session, codes: tuple[str, ...]):
    """((code, indicator, kind, plan version, start, end), batch, total, count) rows for each region's subtree."""
    nodes = [aggregates.subtree(session, c) for c in codes]
    from_rollups = [n["code"] for n in nodes if n and n["level"] in rollups.LEVELS]
    if from_rollups:
        r = FigureRollup
        stmt = (
            select(
                r.region_code,
                r.indicator_code,
                r.kind,
                r.plan_version_id,
                r.period_start,
                r.period_end,
                r.batch_id,
                func.sum(r.total),
                func.sum(r.count),
            )
            .where(r.region_code.in_(from_rollups))
            .group_by(
                r.region_code, r.indicator_code, r.kind, r.plan_version_id, r.period_start, r.period_end, r.batch_id
            )
        )
        for code, ind, kind, version, start, end, batch, total, count in session.execute(stmt):
            yield (code, ind, kind, version, start, end), batch, total, count
    for node in nodes:
        if node is None:
            continue
        where = aggregates._in_subtree(node, include_self=True)
        if node["code"] in from_rollups:
            where = aggregates._pending_where(session, node)  # batches not rolled up yet, if any
            if where is None:
                continue
        f = Figure
        stmt = (
            select(
                f.indicator_code,
                f.kind,
                f.plan_version_id,
                f.period_start,
                f.period_end,
                f.batch_id,
                func.sum(f.value),
                func.count(),
            )
            .where(where)
            .group_by(f.indicator_code, f.kind, f.plan_version_id, f.period_start, f.period_end, f.batch_id)
        )
        for ind, kind, version, start, end, batch, total, count in session.execute(stmt):
            yield (node["code"], ind, kind, version, start, end), batch, total, count
