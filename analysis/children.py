"""Sub-regions side by side: each direct child's plan and actual over the years shown (for drill-down)."""

from __future__ import annotations

from analysis.progress import progress
from analysis.regions import children_of, descendants
from analysis.series import Point


def _total(points: dict[int, Point], years: list[int], kind: str) -> float | None:
    if not years:
        return None
    if kind == "flow":
        return sum(points[y].value for y in years)
    return points[max(years)].value  # stocks and rates: the last level shown


def child_totals(
    figures: list[dict], regions: list[dict], code: str, indicator: dict, plan: str, lo: int, hi: int
) -> list[dict]:
    """One row per direct child holding figures of ``indicator``: ``{"code", "plan", "actual"}``, flows summed
    over ``lo..hi``, stocks and rates at the last year; None where nothing was reported.

    Example: ``child_totals(figs, regions, "610000", exits, "original", 2011, 2020)[0]`` is
    ``{"code": "610100", "plan": None, "actual": 1.0}`` (西安市: 周至县 exited in 2018).
    """
    children = children_of(regions)
    out = []
    for child in children.get(code, []):
        subtree = {child, *descendants(regions, child, children)}
        figs = [r for r in figures if r["region_code"] in subtree]
        if not figs:
            continue
        p = progress(figs, child, indicator, plan, lo, hi)
        plan_years = [y for y in p.plan_points if lo <= y <= hi]
        actual_years = [y for y in p.series["actual"] if lo <= y <= hi and not p.series["actual"][y].derived]
        if plan_years or actual_years:
            out.append(
                {
                    "code": child,
                    "plan": _total(p.plan_points, plan_years, indicator["kind"]),
                    "actual": _total(p.series["actual"], actual_years, indicator["kind"]),
                }
            )
    return out
