"""Sub-regions side by side: each direct child's plan and actual over the years shown (for drill-down)."""

from __future__ import annotations

from analysis import status as st
from analysis.progress import Progress, progress
from analysis.regions import children_of, descendants
from analysis.series import Point, records


def _total(points: dict[int, Point], years: list[int], kind: str) -> float | None:
    if not years:
        return None
    if kind == "flow":
        return sum(points[y].value for y in years)
    return points[max(years)].value  # stocks and rates: the last level shown


def _ids(points: dict[int, Point], years: list[int], kind: str) -> list[int]:
    """Figure ids behind a total: every year's for flows, the last year's for stocks and rates."""
    used = years if kind == "flow" else ([max(years)] if years else [])
    return sorted({i for y in used for i in points[y].figure_ids})


def _status(p: Progress, has_plan: bool) -> str | None:
    """The worse of the latest year's and the whole period's status (the overview's ranking); None without a
    plan in the years shown, as a year without a plan has no status."""
    found = [c.status for c in (p.latest, p.period) if c is not None]
    return min(found, key=st.severity) if has_plan and found else None


def child_totals(
    figures: list[dict], regions: list[dict], code: str, indicator: dict, plan: str, lo: int, hi: int
) -> list[dict]:
    """One row per direct child holding figures of ``indicator``: ``{"code", "plan", "actual"}``, flows summed
    over ``lo..hi``, stocks and rates at the last year; None where nothing was reported. ``plan_ids`` and
    ``actual_ids`` are the figures behind each total (for sources), ``status`` the child's status (or None).

    Example: ``child_totals(figs, regions, "610000", exits, "original", 2011, 2020)[0]`` is
    ``{"code": "610100", "plan": None, "actual": 1.0, ...}`` (西安市: 周至县 exited in 2018).
    """
    children = children_of(regions)
    owner = {}  # region code -> the direct child whose subtree holds it
    for child in children.get(code, []):
        owner.update(dict.fromkeys(descendants(regions, child, children), child))
        owner[child] = child
    by_child: dict[str, list[dict]] = {}  # each child's committed records of the indicator (see ``progress``)
    for r in records(figures):
        child = owner.get(r["region_code"])
        if child is not None and r["indicator"] == indicator["code"]:
            by_child.setdefault(child, []).append(r)
    out = []
    for child in children.get(code, []):
        figs = by_child.get(child)
        if not figs:
            continue
        p = progress(figs, child, indicator, plan, lo, hi, committed=True)
        plan_years = [y for y in p.plan_points if lo <= y <= hi]
        actual_years = [y for y in p.series["actual"] if lo <= y <= hi and not p.series["actual"][y].derived]
        if plan_years or actual_years:
            out.append(
                {
                    "code": child,
                    "plan": _total(p.plan_points, plan_years, indicator["kind"]),
                    "actual": _total(p.series["actual"], actual_years, indicator["kind"]),
                    "plan_ids": _ids(p.plan_points, plan_years, indicator["kind"]),
                    "actual_ids": _ids(p.series["actual"], actual_years, indicator["kind"]),
                    "status": _status(p, bool(plan_years)),
                }
            )
    return out
