"""Overlapping figures: two or more figures with the same indicator, kind and period for one region, or for a
region and a region above or below it (a correction uploaded over an older actual; a prefecture's total beside
its counties'; targets of one year from two plan documents).

A page that sums a subtree (``db/scaled_views.py``) adds every figure; the analysis instead takes one figure
per region (the first original plan, the newest revision or actual) and only the highest regions that report.
The two agree except on overlapping figures, so those are listed here, as they are written, and read back to
correct the sums. The list errs on the safe side: a figure stays listed when its partner is reverted or deleted
(it is then simply summed exactly). Like the roll-ups it is derived data (``roll_up`` fills it for each batch).

Example::

    overlapping([(1, "621100"), (2, "621122"), (3, "621123")]) == {1, 2, 3}   # one key; the prefecture reports
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, bindparam, or_, select, true
from sqlalchemy.orm import Session

from analysis.series import adcode_ancestors
from db.batch_rows import of_batches
from db.models import Batch, Figure, FigureOverlap, PlanVersion, counted_in_sums
from db.tree import in_subtree

CHUNK = 500
RANGES = 200  # code ranges OR-ed in one statement (SQLite's expression depth is 1,000)


def overlapping(figures: Iterable[tuple[int, str]]) -> set[int]:
    """Ids among (id, region code) figures of one key that overlap another: same region, or one region above the
    other (by GB/T 2260 code, as ``analysis.series`` rolls up)."""
    by_region: dict[str, list[int]] = defaultdict(list)
    for figure_id, region in figures:
        by_region[region].append(figure_id)
    above = {code: adcode_ancestors(code) & by_region.keys() for code in by_region}
    covered = {a for ancestors in above.values() for a in ancestors}  # regions with a reporting region below
    return {
        figure_id
        for region, ids in by_region.items()
        if len(ids) > 1 or above[region] or region in covered
        for figure_id in ids
    }


def series(kind: str, version_kind: str | None) -> str:
    """A target's series is its plan version's kind (``original`` / ``revision``); other kinds have none."""
    return (version_kind or "original") if kind == "target" else ""


def _descendant_range(code: str) -> tuple[str, str] | None:
    """The codes below an adcode (and itself) as one range of digit strings: ``("6211", "621199999999")`` for
    621100; None for a village."""
    if len(code) == 6:
        prefix = code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else code
    elif len(code) == 9:
        prefix = code[:6] if code.endswith("000") else code
    else:
        return None
    return prefix, prefix.ljust(12, "9")


def record(session: Session, batch_ids: list[int], tiers: bool = True) -> int:
    """List the overlaps that these batches' figures make with any figure; returns the figures newly listed.

    Figures overlap within one series: a target's original plan and its revision for the same year do not.
    Synthetic batches are skipped: ``etl synth`` writes one figure per region, indicator, series and year,
    counties and villages with different indicators, into a database without other figures.
    Stretch-tier targets are never listed: no sum counts them. ``tiers=False`` for a schema before migration
    0007_target_tier (no ``figures.tier``, every target committed).
    """
    conn = session.connection()
    real = list(session.scalars(select(Batch.id).where(Batch.id.in_(batch_ids), Batch.kind != "synth")))
    if not real:
        return 0
    f = Figure
    columns = (f.id, f.region_code, f.indicator_code, f.kind, f.period_start, f.period_end, PlanVersion.kind)

    def query(where):
        return conn.execute(
            select(*columns)
            .outerjoin(PlanVersion, PlanVersion.id == f.plan_version_id)
            .where(where, counted_in_sums() if tiers else true())
        )

    new = query(of_batches(session, real)).all()
    # every figure sharing indicator and kind with a new one, at its region, above or below it
    near: dict[tuple[str, str], set[str]] = defaultdict(set)
    below: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, region, indicator, kind, *_ in new:
        near[(indicator, kind)].update({region, *adcode_ancestors(region)})
        below[(indicator, kind)].add(region)
    found: dict[int, tuple] = {}
    for (indicator, kind), codes in near.items():
        same = and_(Figure.indicator_code == indicator, Figure.kind == kind)
        ordered = sorted(codes)
        for i in range(0, len(ordered), CHUNK):
            for row in query(and_(same, Figure.region_code.in_(ordered[i : i + CHUNK]))):
                found[row[0]] = row
        ranges = [r for r in (_descendant_range(c) for c in sorted(below[(indicator, kind)])) if r]
        for i in range(0, len(ranges), RANGES):
            inside = or_(*(Figure.region_code.between(lo, hi) for lo, hi in ranges[i : i + RANGES]))
            for row in query(and_(same, inside)):
                found[row[0]] = row
    by_key: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    regions: dict[int, tuple[str, str]] = {}
    for figure_id, region, indicator, kind, start, end, version_kind in found.values():
        by_key[(indicator, kind, series(kind, version_kind), start, end)].append((figure_id, region))
        regions[figure_id] = (region, indicator)
    listed = set().union(*(overlapping(group) for group in by_key.values())) if by_key else set()
    known = set()
    ordered_ids = sorted(listed)
    for i in range(0, len(ordered_ids), CHUNK):
        chunk = ordered_ids[i : i + CHUNK]
        known.update(conn.execute(select(FigureOverlap.figure_id).where(FigureOverlap.figure_id.in_(chunk))).scalars())
    rows = [
        {"figure_id": i, "region_code": regions[i][0], "indicator_code": regions[i][1]}
        for i in ordered_ids
        if i not in known
    ]
    if rows:
        conn.execute(FigureOverlap.__table__.insert(), rows)
    return len(rows)


def live_in_subtree(session: Session, node: dict, reverted: list[int]) -> list[dict]:
    """The listed figures of live batches in a region's subtree (itself included), as records for
    ``analysis.series.counted``: id, region_code, indicator, kind, plan_version_id, plan_version_kind,
    period_start, period_end, value, batch_id."""
    return _live(session, in_subtree(node, include_self=True, column=FigureOverlap.region_code), reverted)


def live_in_subtrees(session: Session, nodes: list[dict], reverted: list[int]) -> dict[str, list[dict]]:
    """``live_in_subtree`` for several disjoint subtrees (a region's children, the provinces) in one read of
    ``figure_overlaps`` where their codes run contiguously. Example: ``live_in_subtrees(s, [n1, n2], [])``"""
    ranged = sorted((n["code"], n["code_hi"]) for n in nodes if n["code_hi"] is not None)
    pairs = zip(ranged, ranged[1:], strict=False)
    if any(hi >= next_lo for (_, hi), (next_lo, _) in pairs):  # not disjoint: one read each
        return {n["code"]: live_in_subtree(session, n, reverted) for n in nodes}
    out = {n["code"]: live_in_subtree(session, n, reverted) for n in nodes if n["code_hi"] is None}
    out.update({code: [] for code, _ in ranged})
    if ranged:
        lows = [code for code, _ in ranged]
        bounds = {"lo": lows[0], "hi": max(hi for _, hi in ranged)}
        if reverted:
            bounds["reverted"] = list(reverted)
        for row in _rows(session, _live_in_range(bool(reverted)), bounds):
            at = bisect_right(lows, row["region_code"]) - 1
            if at >= 0 and row["region_code"] <= ranged[at][1]:
                out[lows[at]].append(row)
    return out


def _live(session: Session, where, reverted: list[int]) -> list[dict]:
    stmt = _live_select().where(where)
    if reverted:
        stmt = stmt.where(Figure.batch_id.not_in(reverted))
    return _rows(session, stmt)


def _rows(session: Session, stmt, params: dict | None = None) -> list[dict]:
    result = session.connection().execute(stmt, params)  # plain rows: tens of thousands after a national correction
    keys = tuple(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


@functools.cache
def _live_select():
    f, v = Figure, PlanVersion
    return (
        select(
            f.id,
            f.region_code,
            f.indicator_code.label("indicator"),
            f.kind,
            f.plan_version_id,
            v.kind.label("plan_version_kind"),
            f.period_start,
            f.period_end,
            f.value,
            f.batch_id,
        )
        .join(FigureOverlap, FigureOverlap.figure_id == f.id)
        .outerjoin(v, v.id == f.plan_version_id)
    )


@functools.cache
def _live_in_range(reverted: bool):
    """``_live`` in the code range bound as ``lo`` and ``hi`` (built once: every summed page reads it), batches bound
    as ``reverted`` left out."""
    column = FigureOverlap.region_code
    stmt = _live_select().where(and_(column >= bindparam("lo"), column <= bindparam("hi")))
    if reverted:
        stmt = stmt.where(Figure.batch_id.not_in(bindparam("reverted", expanding=True)))
    return stmt
