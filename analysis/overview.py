"""The overview's rows: every plan region and indicator, assessed, worst first."""

from __future__ import annotations

from collections import defaultdict

from analysis.progress import Progress, progress
from analysis.regions import children_of, descendants, plan_regions


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
    by_code = {r["code"]: r for r in regions}
    catalogue = {i["code"]: i for i in indicators}
    children = children_of(regions)
    by_region: dict[str, list[dict]] = defaultdict(list)
    targets = set()
    for r in figures:
        by_region[r["region_code"]].append(r)
        if r["kind"] == "target":
            targets.add(r["region_code"])
    rows = []
    for code in plan_regions(regions, targets):
        subtree = [r for c in (code, *descendants(regions, code, children)) for r in by_region.get(c, [])]
        by_indicator: dict[str, list[dict]] = defaultdict(list)
        for r in subtree:
            by_indicator[r["indicator"]].append(r)
        for ind, figs in sorted(by_indicator.items()):
            if ind not in catalogue or (indicator and ind != indicator):
                continue
            if not any(r["kind"] == "target" for r in figs):
                continue
            p = progress(figs, code, catalogue[ind], plan, year_from, year_to)
            if p.years or p.period is not None:
                rows.append((by_code[code], p))
    rows.sort(key=lambda row: (row[1].worst, _achieved(row[1]), row[0]["code"], row[1].indicator["code"]))
    return rows


def _achieved(p: Progress) -> float:
    a = p.period.achievement if p.period and p.period.achievement is not None else None
    if a is None and p.latest is not None:
        a = p.latest.achievement
    return a if a is not None else 1e9
