"""Subtree sums read from the roll-ups, for the tests that prove roll-ups, their pending batches and the cache
equal a naive sum. The dashboard reads through ``db/scaled_views.py``; this is the smallest reader of the same
tables: test code, kept with the tests that use it.

A subtree's figures are one range of the covering index ``ix_figures_subtree`` (indicator, region_code, ...):
``region_code BETWEEN code AND code_hi`` (see ``db/tree.py``), read without touching the table. Results are
cached per data version (``db/cache.py``), so an import or a revert is seen at once by every worker.

Only annual figures (period_start == period_end) of live batches are added up; each row says which series it
belongs to: ``original`` / ``revised`` (targets by plan version kind), ``actual`` or ``baseline``.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from db import rollups, visibility
from db.cache import cached
from db.models import COMMITTED, Batch, Figure, FigureRollup, PlanVersion, Region
from db.tree import in_subtree, subtree


def _series_of(session: Session) -> tuple[list[int], dict[int, str]]:
    reverted = visibility.skipped(session)  # reverted, and not approved unless this session includes them
    versions = {
        vid: ("original" if kind == "original" else "revised")
        for vid, kind in session.execute(select(PlanVersion.id, PlanVersion.kind))
    }
    return reverted, versions


KINDS = ("target", "actual", "baseline")


def _totals(session: Session, where, indicator: str, kinds: tuple[str, ...] = KINDS) -> list[dict]:
    # One statement per kind keeps each a single seek on (indicator, kind, region range) and a small GROUP BY.
    reverted, versions = _series_of(session)
    sums: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0.0, 0])
    for kind in kinds:
        stmt = (
            select(Figure.period_end, Figure.plan_version_id, func.sum(Figure.value), func.count())
            .where(
                Figure.indicator_code == indicator, Figure.kind == kind, where, Figure.period_start == Figure.period_end
            )
            .group_by(Figure.period_end, Figure.plan_version_id)
        )
        if reverted:
            stmt = stmt.where(Figure.batch_id.not_in(reverted))
        if kind == "target":  # stretch figures are a series of their own, never summed (actuals keep the index scan)
            stmt = stmt.where(Figure.tier == COMMITTED)
        for year, version, total, count in session.execute(stmt):
            series = versions.get(version, "original") if kind == "target" else kind
            acc = sums[(series, int(year))]
            acc[0] += float(total)
            acc[1] += int(count)
    return [{"series": s, "year": y, "value": v, "count": n} for (s, y), (v, n) in sorted(sums.items())]


def _rollup_totals(session: Session, codes: list[str], indicator: str) -> dict[str, list[dict]]:
    """code -> series/year sums from the roll-ups of these province/prefecture/county codes."""
    reverted, versions = _series_of(session)
    stmt = (
        select(
            FigureRollup.region_code,
            FigureRollup.kind,
            FigureRollup.period_end,
            FigureRollup.plan_version_id,
            FigureRollup.batch_id,
            func.sum(FigureRollup.total),
            func.sum(FigureRollup.count),
        )
        .where(
            FigureRollup.region_code.in_(codes),
            FigureRollup.indicator_code == indicator,
            FigureRollup.period_start == FigureRollup.period_end,
        )
        .group_by(
            FigureRollup.region_code,
            FigureRollup.kind,
            FigureRollup.period_end,
            FigureRollup.plan_version_id,
            FigureRollup.batch_id,
        )
    )
    sums: dict[str, dict[tuple[str, int], list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    for code, kind, year, version, batch, total, count in session.execute(stmt):
        if batch in reverted:
            continue
        series = versions.get(version, "original") if kind == "target" else kind
        acc = sums[code][(series, int(year))]
        acc[0] += float(total)
        acc[1] += int(count)
    out = {
        code: [{"series": s, "year": y, "value": v, "count": n} for (s, y), (v, n) in sorted(by.items())]
        for code, by in sums.items()
    }
    if rollups.pending(session):
        for code in codes:
            extra = _totals(session, rollups.pending_where(session, subtree(session, code)), indicator)
            if extra:
                out[code] = _sum_rows(out.get(code, []) + extra)
    return out


def _minus(total: list[dict], own: list[dict]) -> list[dict]:
    mine = {(r["series"], r["year"]): r for r in own}
    out = []
    for r in total:
        o = mine.get((r["series"], r["year"]))
        row = {**r, "value": r["value"] - o["value"], "count": r["count"] - o["count"]} if o else r
        if row["count"]:
            out.append(row)
    return out


@cached
def subtree_totals(session: Session, code: str | None, indicator: str, include_self: bool = False) -> list[dict]:
    """Sums of live annual figures below a region (or the whole country when ``code`` is None), per series and year.

    Provinces, prefectures, counties and the country read the roll-ups (db/rollups.py); other regions read the
    figures' index range. Example: ``subtree_totals(s, "610000", "poor_population_reduced")``
    ``-> [{"series": "actual", "year": 2016, "value": 1_070_000.0, "count": 80}, ...]``
    """
    if code is None:
        tops = list(session.scalars(select(Region.code).where(Region.parent_code.is_(None))))
        per = _rollup_totals(session, tops, indicator)
        return _sum_rows([row for rows in per.values() for row in rows])
    node = subtree(session, code)
    if node is None:
        return []
    if node["level"] in rollups.LEVELS:
        total = _rollup_totals(session, [code], indicator).get(code, [])
        if include_self:
            return total
        return _minus(total, _totals(session, Figure.region_code == code, indicator))
    return _totals(session, in_subtree(node, include_self), indicator)


def _sum_rows(rows: list[dict]) -> list[dict]:
    sums: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0.0, 0])
    for r in rows:
        acc = sums[(r["series"], r["year"])]
        acc[0] += r["value"]
        acc[1] += r["count"]
    return [{"series": s, "year": y, "value": v, "count": n} for (s, y), (v, n) in sorted(sums.items())]


@cached
def child_totals(session: Session, code: str | None, indicator: str) -> list[dict]:
    """For each direct child of a region (provinces when ``code`` is None): its subtree's sums per series and year,
    itself included. Rows: ``{"code", "name_zh", "name_en", "level", "series", "year", "value", "count"}``.

    Example: ``child_totals(s, "610900", "poor_population_reduced")``
    """
    parent = Region.parent_code.is_(None) if code is None else Region.parent_code == code
    children = [
        dict(r)
        for r in session.execute(
            select(
                Region.code, Region.name_zh, Region.name_en, Region.level, Region.dfs_lo, Region.dfs_hi, Region.code_hi
            )
            .where(parent)
            .order_by(Region.code)
        ).mappings()
    ]
    from_rollups = [c["code"] for c in children if c["level"] in rollups.LEVELS]
    per = _rollup_totals(session, from_rollups, indicator) if from_rollups else {}
    out = []
    for child in children:
        if child["code"] in per or child["code"] in from_rollups:
            rows = per.get(child["code"], [])
        else:
            rows = _totals(session, in_subtree(child, include_self=True), indicator)
        for row in rows:
            out.append(
                {
                    "code": child["code"],
                    "name_zh": child["name_zh"],
                    "name_en": child["name_en"],
                    "level": child["level"],
                    **row,
                }
            )
    return out


@cached
def indicators_in_subtree(session: Session, code: str | None) -> list[str]:
    """Indicator codes with at least one live figure in the region's subtree (itself included), in code order.

    One index probe per indicator instead of a scan of the subtree. Example: ``indicators_in_subtree(s, "621100")``
    """
    from db.models import Indicator

    node = subtree(session, code) if code else None
    if code and node is None:
        return []
    where = in_subtree(node, include_self=True) if node else literal(True)
    live = select(Batch.id).where(visibility.live(session))
    found = []
    for indicator in session.scalars(select(Indicator.code).order_by(Indicator.code)):
        for kind in KINDS:
            probe = (
                select(Figure.batch_id)
                .where(Figure.indicator_code == indicator, Figure.kind == kind, where, Figure.batch_id.in_(live))
                .limit(1)
            )
            if session.execute(probe).first() is not None:
                found.append(indicator)
                break
    return found


@cached
def subtree_count(session: Session, code: str, indicator: str) -> int:
    """Number of figures (any period, live or not) for an indicator in a region's subtree, itself included."""
    node = subtree(session, code)
    if node is None:
        return 0
    where = in_subtree(node, include_self=True)
    return sum(
        int(
            session.execute(
                select(func.count()).where(Figure.indicator_code == indicator, Figure.kind == kind, where)
            ).scalar_one()
        )
        for kind in KINDS
    )
