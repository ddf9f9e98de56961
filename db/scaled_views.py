"""The figure records a dashboard page needs, at any scale.

A page assesses one region from its own figures and its descendants' sums. Up to ``SMALL`` (2,000) figures in the
subtree, it gets every figure (exact: each number traces to its quote). Past that, the descendants come as one
summed record per child region, indicator, kind, series and period: same columns as
``queries.figures``, ``id`` 0, the note "合计 N 条 · sum of N figures", read from the roll-ups
(db/rollups.py) or the index range and corrected for overlapping figures (db/overlaps.py), so that the pure
analysis code runs unchanged on either and gives the same numbers.

Example::

    regions, figures = region_records(s, "610000")   # the region, its path and children; its figures
"""

from __future__ import annotations

import functools
from collections import defaultdict
from operator import itemgetter

from sqlalchemy import String, bindparam, case, func, literal_column, select, union_all
from sqlalchemy.orm import Session

from analysis.indicators import is_additive
from analysis.series import counted
from analysis.sums import sum_records
from db import overlaps, queries, rollups, tree, visibility
from db.cache import cached
from db.models import Batch, Figure, FigureRollup, PlanVersion, Region, counted_in_sums
from db.session import core_execute, dict_rows, plain_rows

SMALL = 2_000
REGION_COLUMNS = (Region.code, Region.parent_code, Region.name_zh, Region.name_en, Region.level)


def _regions(session: Session, stmt, params: dict | None = None) -> list[dict]:
    return dict_rows(session, stmt, params)


# Statements a page runs on every request, built once with their values bound: building and keying a statement
# costs a cold page more than running most of them.
_TOP_REGIONS = select(*REGION_COLUMNS).where(Region.parent_code.is_(None)).order_by(Region.code)
_ALL_REGIONS = select(*REGION_COLUMNS).where(Region.code.is_not(None)).order_by(Region.code)
_CHILD_REGIONS = select(*REGION_COLUMNS).where(Region.parent_code == bindparam("parent")).order_by(Region.code)
_REGIONS_BELOW = select(*REGION_COLUMNS).where(Region.dfs_lo.between(bindparam("lo"), bindparam("hi")))
_REGIONS_BELOW = _REGIONS_BELOW.order_by(Region.code)
_ROLLED_COUNT = select(func.coalesce(func.sum(FigureRollup.count), 0)).where(
    FigureRollup.region_code == bindparam("code")
)
_TOTAL_COUNT = select(func.coalesce(func.sum(FigureRollup.count), 0)).where(
    FigureRollup.region_code.in_(select(Region.code).where(Region.parent_code.is_(None)))
)
_PLANS = select(PlanVersion.id, PlanVersion.kind, PlanVersion.name)
_SYNTHETIC_BATCHES = select(Batch.id).where(Batch.kind == "synth")


def subtree_size(session: Session, node: dict) -> int:
    """Figures (live or not) in a region's subtree, itself included: roll-ups when there, else index counts."""
    if node["level"] in rollups.LEVELS:
        count = int(core_execute(session, _ROLLED_COUNT, {"code": node["code"]}).scalar_one())
        waiting = rollups.pending_where(session, node)
        if waiting is not None:
            count += int(core_execute(session, select(func.count()).select_from(Figure).where(waiting)).scalar_one())
        return count
    where = tree.in_subtree(node, include_self=True)
    return int(core_execute(session, select(func.count()).select_from(Figure).where(where)).scalar_one())


def region_records(session: Session, code: str) -> tuple[list[dict], list[dict]]:
    """(regions, figure records) for a region page; see the module docstring. Empty lists for an unknown code."""
    node = tree.subtree(session, code)
    if node is None:
        return [], []
    path = sorted(queries.region_path(session, code), key=lambda r: r["code"])
    if subtree_size(session, node) <= SMALL:
        regions = path + _regions(session, _REGIONS_BELOW, {"lo": node["dfs_lo"] + 1, "hi": node["dfs_hi"]})
        return regions, queries.subtree_figures(session, node)
    children = _regions(session, _CHILD_REGIONS, {"parent": code})
    regions = path + children
    own = queries.figures(session, region_codes=[code])
    codes = tuple(c["code"] for c in children)
    # a rate or a level per person is no sum: the sub-regions' own figures of it stand beside their subtrees' sums
    rates = {i["code"] for i in queries.indicators(session) if not is_additive(i)}
    own += queries.figures(session, region_codes=codes, indicators=rates)
    return regions, own + summed_records(session, codes, within=code)


def overview_records(session: Session) -> tuple[list[dict], list[dict]]:
    """(regions, figure records) for the overview: everything when small, else one summed record set per
    top-level region (provinces), so the overview compares provinces."""
    tops = _regions(session, _TOP_REGIONS)
    if _figure_count(session) <= SMALL:
        return _regions(session, _ALL_REGIONS), queries.figures(session)
    return tops, summed_records(session, tuple(t["code"] for t in tops))


def overview_sums(session: Session) -> tuple[list[dict], tuple[tuple, ...] | None]:
    """(top-level regions, their ``summed_values``): what ``overview_records`` sums, as tuples; (every region,
    None) when the overview reads every figure (``SMALL`` or fewer: ``queries.figures``).

    Example: ``regions, sums = overview_sums(s)``
    """
    tops = _regions(session, _TOP_REGIONS)
    if _figure_count(session) <= SMALL:
        return _regions(session, _ALL_REGIONS), None
    return tops, summed_values(session, tuple(t["code"] for t in tops))


def _figure_count(session: Session) -> int:
    """All figures: the top regions' roll-ups (one indexed read) plus batches not rolled up yet."""
    count = int(core_execute(session, _TOTAL_COUNT).scalar_one())
    waiting = rollups.pending_where(session, None)
    if waiting is not None:
        count += int(core_execute(session, select(func.count()).select_from(Figure).where(waiting)).scalar_one())
    return count


def summed_records(session: Session, codes: tuple[str, ...], within: str | None = None) -> list[dict]:
    """One record per (region subtree, indicator, kind, series, period) for these regions, where the series of a
    target is its plan version's kind (original or revision), so that targets from several plan documents add up.
    ``within``: the region all ``codes`` lie in (their parent), so the cached result follows that region's
    province only (db/cache.py). The records of ``summed_values`` (``analysis.sums.sum_records``), made afresh
    from its cached tuples each call (no copy of cached records to make, one cache entry per region).
    """
    return sum_records(summed_values(session, codes, within=within))


@cached(region="within")
def summed_values(session: Session, codes: tuple[str, ...], within: str | None = None) -> tuple[tuple, ...]:
    """``summed_records`` as tuples (``analysis.sums.FIELDS``), sorted by region, indicator, kind, series and
    period: what the overview reads, without a record per sum. ``within``: as for ``summed_records``.

    Each sum counts what the per-region analysis counts: overlapping figures (db/overlaps.py) are replaced by the
    one figure per region the analysis picks, from the highest regions that report.

    Example: ``summed_values(s, ("610000", "620000"))[0][:3]`` -> ``("610000", "陕西省", "funds")``
    """
    reverted = set(visibility.skipped(session))  # reverted, and not approved unless this session includes them
    versions = {v.id: v for v in core_execute(session, _PLANS)}
    synthetic = set(core_execute(session, _SYNTHETIC_BATCHES).scalars())
    nodes = tree.subtrees(session, codes)
    names = {node["code"]: node["name_zh"] for node in nodes}
    overlapping = overlaps.live_in_subtrees(session, nodes, sorted(reverted))
    # Common case, summed whole in SQL: a subtree without overlapping figures, every batch rolled up. Otherwise its
    # sums are corrected figure by figure (_exact_groups), as the analysis counts.
    exact = set(codes) if rollups.pending(session) else {code for code, rows in overlapping.items() if rows}
    rows = _summed_groups(session, [n for n in nodes if n["code"] not in exact], reverted, synthetic)
    if exact:
        groups = _exact_groups(session, tuple(c for c in codes if c in exact), overlapping, reverted, versions)
        rows += [(*key, *value) for key, value in groups.items()]
    out, plans = [], {}
    for code, indicator, kind, series, start, end, total, count, batch, first, last, used, synth in rows:
        count = int(count)
        if count <= 0:
            continue
        if synth is None:  # summed exactly: the set of batch ids
            synth, batch = bool(batch & synthetic), max(batch)
        else:
            synth, batch = bool(synth), int(batch)
        version = plan = None
        used = int(used)
        if used:
            version = first if series == "original" else last
            plan = plans.get((version, used))
            if plan is None:  # the same few plan versions recur
                found = versions.get(version) if used == 1 else None
                plan = found.name if found is not None else f"{used} 个计划版本 · {used} plan versions"
                plans[(version, used)] = plan
        name = names.get(code, code)
        out.append((code, name, indicator, kind, series, start, end, float(total), count, batch, version, plan, synth))
    out.sort(key=_SUM_KEY)  # region, indicator, kind, series, period (SQLite's groups come so: little to do)
    return tuple(out)


def _series_column(kind, version_kind):
    """SQL for ``overlaps.series``: a target's plan version kind ("original" when none), "" for other kinds."""
    # literals, not bound parameters: PostgreSQL matches the GROUP BY expression to the selected one by its text
    target, empty, original = (literal_column(f"'{v}'") for v in ("target", "", "original"))
    return case((kind == target, func.coalesce(func.nullif(version_kind, empty), original)), else_=empty)


def _summed_groups(session: Session, nodes: list[dict], reverted: set[int], synthetic: set[int]) -> list:
    """Rows of (code, indicator, kind, series, start, end, total, count, newest batch, first plan version, last
    plan version, plan versions used, synthetic), as the database gives them (``summed_values`` converts them),
    for subtrees without overlapping figures, all batches rolled up: grouped and summed by the database (roll-ups
    for provinces, prefectures and counties; figures below)."""
    out: list = []
    bound = {}  # the values of the statements' parameters that are not about the regions
    if synthetic:
        bound["synthetic"] = sorted(synthetic)
    if reverted:
        bound["reverted"] = sorted(reverted)
    rolled = [n["code"] for n in nodes if n["level"] in rollups.LEVELS]
    if rolled:
        stmt = _rolled_sums(bool(synthetic), bool(reverted))
        out += plain_rows(session, stmt, {**bound, "codes": rolled})
    below = [n for n in nodes if n["level"] not in rollups.LEVELS]
    ranged = sorted((n["code"], n["code_hi"]) for n in below if n["code_hi"] is not None)
    if len(ranged) > 1 and all(hi < lo for (_, hi), (lo, _) in zip(ranged, ranged[1:], strict=False)):
        # disjoint code ranges (townships of a county): one statement, one index range read per child
        spans = {f"{end}_{i}": code for i, (lo, hi) in enumerate(ranged) for end, code in (("lo", lo), ("hi", hi))}
        stmt = _ranged_sums(len(ranged), bool(synthetic), bool(reverted))
        out += plain_rows(session, stmt, {**bound, **spans})
        done = {lo for lo, _ in ranged}
        below = [n for n in below if n["code"] not in done]
    for node in below:
        f = Figure
        series = _series_column(f.kind, PlanVersion.kind)
        keys = (f.indicator_code, f.kind, series, f.period_start, f.period_end)
        stmt = (
            select(*keys, *_aggregates(f.value, func.count(), f.batch_id, f.plan_version_id, bool(synthetic)))
            .outerjoin(PlanVersion, PlanVersion.id == f.plan_version_id)
            .where(tree.in_subtree(node, include_self=True), counted_in_sums())
            .group_by(*keys)
        )
        if reverted:
            stmt = stmt.where(f.batch_id.not_in(bindparam("reverted", expanding=True)))
        out += [(node["code"], *row) for row in plain_rows(session, stmt, bound)]
    return out


_SUM_KEY = itemgetter(0, 2, 3, 4, 5, 6)  # a sum's region, indicator, kind, series and period (analysis.sums.FIELDS)


def _aggregates(value, count, batch, version, synthetic: bool) -> tuple:
    """Total, count, newest batch, first and last plan version, plan versions used, and whether any batch is
    synthetic (the ids bound as ``synthetic``)."""
    is_synth = literal_column("0")
    if synthetic:
        is_synth = case((batch.in_(bindparam("synthetic", expanding=True)), 1), else_=0)
    return (
        func.sum(value),
        count,
        func.max(batch),
        func.min(version),
        func.max(version),
        func.count(version.distinct()),
        func.max(is_synth),
    )


@functools.cache
def _rolled_sums(synthetic: bool, reverted: bool):
    """``_summed_groups``' statement on the roll-ups of the regions bound as ``codes``."""
    r = FigureRollup
    series = _series_column(r.kind, PlanVersion.kind)
    keys = (r.region_code, r.indicator_code, r.kind, series, r.period_start, r.period_end)
    stmt = (
        select(*keys, *_aggregates(r.total, func.sum(r.count), r.batch_id, r.plan_version_id, synthetic))
        .outerjoin(PlanVersion, PlanVersion.id == r.plan_version_id)
        .where(r.region_code.in_(bindparam("codes", expanding=True)))
        .group_by(*keys)
    )
    if reverted:
        stmt = stmt.where(r.batch_id.not_in(bindparam("reverted", expanding=True)))
    return stmt


@functools.lru_cache(maxsize=128)
def _ranged_sums(spans: int, synthetic: bool, reverted: bool):
    """``_summed_groups``' statement on the figures of ``spans`` disjoint code ranges bound as ``lo_i`` and
    ``hi_i``, grouped by each range's low code."""
    f = Figure
    ranges = union_all(
        *(
            select(bindparam(f"lo_{i}", type_=String).label("lo"), bindparam(f"hi_{i}", type_=String).label("hi"))
            for i in range(spans)
        )
    ).subquery()
    keys = (ranges.c.lo, f.indicator_code, f.kind, _series_column(f.kind, PlanVersion.kind))
    keys += (f.period_start, f.period_end)
    stmt = (
        select(*keys, *_aggregates(f.value, func.count(), f.batch_id, f.plan_version_id, synthetic))
        .select_from(ranges)
        .join(f, f.region_code.between(ranges.c.lo, ranges.c.hi))
        .outerjoin(PlanVersion, PlanVersion.id == f.plan_version_id)
        .where(counted_in_sums())
        .group_by(*keys)
    )
    if reverted:
        stmt = stmt.where(f.batch_id.not_in(bindparam("reverted", expanding=True)))
    return stmt


def _exact_groups(session: Session, codes: tuple[str, ...], overlapping: dict, reverted: set[int], versions) -> dict:
    """``_summed_groups``' values for subtrees with overlapping figures or batches not rolled up, summed per batch
    and corrected figure by figure; the batch entry holds the set of batch ids and synthetic is None."""
    target_series = {v.id: overlaps.series("target", v.kind) for v in versions.values()}
    original = overlaps.series("target", None)
    groups: dict[tuple, _Sum] = defaultdict(_Sum)
    for code, indicator, kind, version, start, end, batch, total, count in _group_rows(session, codes):
        if batch in reverted:
            continue
        series = target_series.get(version, original) if kind == "target" else ""
        groups[(code, indicator, kind, series, start, end)].add(float(total), int(count), batch, version)
    for code in codes:
        _count_overlaps_exactly(groups, code, overlapping.get(code, []))
    out = {}
    for key, acc in groups.items():
        used = sorted(v for v in acc.versions if v is not None)
        first, last = (used[0], used[-1]) if used else (None, None)
        out[key] = (acc.total, acc.count, acc.batches, first, last, len(used), None)
    return out


class _Sum:
    __slots__ = ("total", "count", "batches", "versions")

    def __init__(self):
        self.total, self.count, self.batches, self.versions = 0.0, 0, set(), set()

    def add(self, total: float, count: int, batch: int, version: int | None) -> None:
        self.total += total
        self.count += count
        self.batches.add(int(batch))
        self.versions.add(version)


_PICK = {"original": "original", "revision": "revised", "": "actual"}  # series -> analysis.series._pick's name


def _count_overlaps_exactly(groups: dict, code: str, rows: list[dict]) -> None:
    """Take the overlapping figures of ``code``'s subtree out of its sums and put back the ones the analysis
    counts (``analysis.series.counted``)."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        series = overlaps.series(r["kind"], r["plan_version_kind"])
        by_key[(code, r["indicator"], r["kind"], series, r["period_start"], r["period_end"])].append(r)
    for key, group in by_key.items():
        acc = groups[key]
        kept = counted(group, _PICK[key[3]])
        acc.total += sum(r["value"] for r in kept) - sum(r["value"] for r in group)
        acc.count += len(kept) - len(group)
        acc.versions = acc.versions | {r["plan_version_id"] for r in kept}


def _group_rows(session: Session, codes: tuple[str, ...]):
    """(code, indicator, kind, plan version, start, end, batch, total, count) rows for each region's subtree."""
    known = {n["code"]: n for n in tree.subtrees(session, codes)}
    nodes = [known.get(c) for c in codes]
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
        yield from core_execute(session, stmt).all()
    for node in nodes:
        if node is None:
            continue
        where = tree.in_subtree(node, include_self=True)
        if node["code"] in from_rollups:
            where = rollups.pending_where(session, node)  # batches not rolled up yet, if any
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
            .where(where, counted_in_sums())
            .group_by(f.indicator_code, f.kind, f.plan_version_id, f.period_start, f.period_end, f.batch_id)
        )
        for row in core_execute(session, stmt).all():
            yield (node["code"], *row)
