"""The overview's rows: every plan region and indicator, assessed, worst first."""

from __future__ import annotations

import functools
from collections import defaultdict

from analysis.children import apply_rollup, sub_regions
from analysis.indicators import is_additive
from analysis.named import NAMED_INDICATORS
from analysis.progress import Progress, assess, progress
from analysis.regions import descendants, plan_regions
from analysis.series import COMMITTED
from analysis.sums import sum_records, sum_series


def year_bounds(figures: list[dict]) -> tuple[int, int]:
    """First and last year any figure covers: ``year_bounds(figs) == (2013, 2020)`` on the seed data."""
    years = [int(r["period_end"]) for r in figures] + [int(r["period_start"]) for r in figures]
    return (min(years), max(years)) if years else (2015, 2020)


def overview_rows(
    figures: list[dict],
    regions: list[dict],
    indicators: list[dict],
    plan: str = "original",
    year_from: int | None = None,
    year_to: int | None = None,
    indicator: str | None = None,
) -> list[tuple[dict, Progress]]:
    """(region, progress) for each plan region and each indicator with targets in its subtree, worst first.

    Example: ``overview_rows(figs, regions, indicators)[0][1].worst == 0`` (a row that is behind comes first).
    """
    return overview_and_targets(figures, regions, indicators, plan, year_from, year_to, indicator)[0]


def overview_and_targets(
    figures: list[dict],
    regions: list[dict],
    indicators: list[dict],
    plan: str = "original",
    year_from: int | None = None,
    year_to: int | None = None,
    indicator: str | None = None,
) -> tuple[list[tuple[dict, Progress]], set[str]]:
    """``overview_rows`` and the codes of the indicators any figure sets a target for (the page's choices), from
    one pass over the figures. Example: ``"poor_population_reduced" in overview_and_targets(figs, regions, inds)[1]``
    """
    # One pass: each region's figures by indicator as ``progress`` reads them (``records``: committed tier), and
    # the indicators each region holds a target of (any tier) for.
    filed: dict[str, dict[str, list[dict]]] = {}
    targeted: dict[str, set[str]] = {}
    code = ind = group = None
    for r in figures:
        if r["region_code"] != code or r["indicator"] != ind:  # sorted figures come in runs: one lookup per run
            code, ind = r["region_code"], r["indicator"]
            group = filed.setdefault(code, {}).setdefault(ind, [])
        if r["kind"] == "target":
            if code in targeted:
                targeted[code].add(ind)
            else:
                targeted[code] = {ind}
            if r.get("tier", COMMITTED) != COMMITTED:
                continue
        group.append(r)
    assessed = functools.partial(progress, committed=True)
    return _assessed(filed, targeted, regions, indicators, plan, year_from, year_to, indicator, assessed)


def overview_of_sums(
    sums: tuple[tuple, ...],
    regions: list[dict],
    indicators: list[dict],
    plan: str = "original",
    year_from: int | None = None,
    year_to: int | None = None,
    indicator: str | None = None,
    own: list[dict] | None = None,
) -> tuple[list[tuple[dict, Progress]], set[str]]:
    """``overview_and_targets`` of summed figures (``analysis.sums``, sorted as ``db.scaled_views.summed_values``
    gives them): the same rows as of their records, each sum made a point directly, not a record first.
    ``own``: the summed regions' own figures (``db.queries.figures``); given, a rate's or a level per person's row
    (``is_additive``) is the region's own figure, never a sum, not even a sum of one sub-region's figure.

    Example: ``overview_of_sums(summed_values(s, codes), tops, inds)[0] == overview_and_targets(records, ...)[0]``
    """
    filed: dict[str, dict[str, list[tuple]]] = {}
    targeted: dict[str, set[str]] = {}
    code = ind = group = None
    for row in sums:  # sums are of the committed tier only (db.models.counted_in_sums)
        if row[0] != code or row[2] != ind:
            code, ind = row[0], row[2]
            group = filed.setdefault(code, {}).setdefault(ind, [])
        if row[3] == "target":
            if code in targeted:
                targeted[code].add(ind)
            else:
                targeted[code] = {ind}
        group.append(row)
    notes: dict[int, str] = {}
    assessed = functools.partial(_progress_of_sums, notes=notes, own=None if own is None else _filed(own))
    return _assessed(filed, targeted, regions, indicators, plan, year_from, year_to, indicator, assessed)


def _filed(figures: list[dict]) -> dict[tuple[str, str], list[dict]]:
    filed: dict[tuple[str, str], list[dict]] = {}
    for f in figures:
        filed.setdefault((f["region_code"], f["indicator"]), []).append(f)
    return filed


def _progress_of_sums(
    group: list[tuple], code: str, ind: dict, plan, lo, hi, notes: dict, own: dict | None = None
) -> Progress:
    """``progress`` of one region's sums of one indicator: ``plan_vs_actual`` of their records is one point a
    year and series (each sum has its own key), so each annual sum is made its point; multi-year sums are read as
    records. Sums of sub-regions or of named-target indicators go through ``progress`` as records. A rate or a
    level per person (``is_additive``) is the region's ``own`` figures, never a sum: even a sum of one may be a
    sub-region's figure."""
    additive = is_additive(ind)
    if not additive:
        return progress((own or {}).get((code, ind["code"]), []), code, ind, plan, lo, hi)
    # the group is region by region, the region's own sums first (``_assessed``): a sub-region's come last
    if ind["code"] in NAMED_INDICATORS or (group and group[-1][0] != code):
        return progress(sum_records(group, notes), code, ind, plan, lo, hi, committed=True)
    series, spans = sum_series(group, notes)  # sorted sums make each series in year order
    return assess(series, sum_records(spans, notes), code, ind, plan, lo, hi)


def _assessed(filed, targeted, regions, indicators, plan, year_from, year_to, indicator, assessed):
    """The rows of ``overview_and_targets`` from its figures filed by region and indicator; ``assessed(figures,
    code, indicator, plan, year_from, year_to)`` is the progress of one region's figures of one indicator."""
    by_code = {r["code"]: r for r in regions}
    catalogue = {i["code"]: i for i in indicators}
    tree = sub_regions(regions)
    children = tree.children
    rows = []
    for code in plan_regions(regions, set(targeted)):
        below = tree.of(code)  # walked once for all its indicators
        codes = (code, *descendants(regions, code, children))
        if len(codes) == 1:
            by_indicator, with_target = filed.get(code, {}), targeted[code]
        else:  # the subtree's figures, region by region in the order of ``codes``
            by_indicator, with_target = defaultdict(list), set()
            for c in codes:
                for ind, group in filed.get(c, {}).items():
                    by_indicator[ind].extend(group)
                with_target.update(targeted.get(c, ()))
        for ind in sorted(by_indicator):
            if ind not in catalogue or (indicator and ind != indicator) or ind not in with_target:
                continue
            p = assessed(by_indicator[ind], code, catalogue[ind], plan, year_from, year_to)
            apply_rollup(p, below)  # a sum of only some sub-regions is not judged
            if p.years or p.period is not None:
                rows.append((by_code[code], p))
    rows.sort(key=row_order)
    return rows, set().union(*targeted.values())


def row_order(row: tuple[dict, Progress]) -> tuple:
    """The overview's order: worst first, then the least achieved, then by region and indicator."""
    return row[1].worst, _achieved(row[1]), row[0]["code"], row[1].indicator["code"]


def _achieved(p: Progress) -> float:
    a = p.period.achievement if p.period and p.period.achievement is not None else None
    if a is None and p.latest is not None:
        a = p.latest.achievement
    return a if a is not None else 1e9
