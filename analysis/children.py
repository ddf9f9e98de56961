"""Sub-regions side by side: each direct child's plan and actual over the years shown (for drill-down)."""

from __future__ import annotations

from analysis import status as st
from analysis.progress import Progress, RollUp, progress
from analysis.regions import children_of, descendants
from analysis.series import Point, records

KINDS = ("target", "actual")  # the figures a roll-up sums (baselines are not summed)


def _total(points: dict[int, Point], years: list[int], kind: str) -> float | None:
    if not years:
        return None
    if kind == "flow":
        return sum(points[y].value for y in years)
    return points[max(years)].value  # stocks and rates: the last level compared


def _ids(points: dict[int, Point], years: list[int], kind: str) -> list[int]:
    """Figure ids behind a total: every year's for flows, the last year's for stocks and rates."""
    used = years if kind == "flow" else ([max(years)] if years else [])
    return sorted({i for y in used for i in points[y].figure_ids})


def compared_years(plan_years: list[int], actual_years: list[int], kind: str) -> tuple[list[int], list[int]]:
    """The years a child's plan and actual are totalled over, so that the two compare like with like, as each
    year's status does (a plan year against the same year's actual): flows over the years with both, stocks and
    rates at the last year with both. With no such year, each side over its own years (nothing to compare).

    Example (昭通: plans 2016, 2018–2020, actuals 2015–2016): ``compared_years([2016, 2018, 2019, 2020],
    [2015, 2016], "flow") == ([2016], [2016])``
    """
    both = sorted(set(plan_years) & set(actual_years))
    if not both:
        return plan_years, actual_years
    if kind != "flow":
        both = [both[-1]]
    return both, both


def years_text(years: list[int]) -> str:
    """Years as runs: ``years_text([2016, 2018, 2019, 2020]) == "2016, 2018–2020"``."""
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def _owners(regions: list[dict], code: str, children: dict[str, list[str]]) -> dict[str, str]:
    """Region code -> the direct child of ``code`` whose subtree holds it (the child itself included)."""
    owner = {}
    for child in children.get(code, []):
        owner.update(dict.fromkeys(descendants(regions, child, children), child))
        owner[child] = child
    return owner


def _status(p: Progress, has_plan: bool) -> str | None:
    """The worse of the latest year's and the whole period's status (the overview's ranking); None without a
    plan in the years shown, as a year without a plan has no status."""
    found = [c.status for c in (p.latest, p.period) if c is not None]
    return min(found, key=st.severity) if has_plan and found else None


def child_totals(
    figures: list[dict], regions: list[dict], code: str, indicator: dict, plan: str, lo: int, hi: int
) -> list[dict]:
    """One row per direct child holding figures of ``indicator``: ``{"code", "years", "plan", "actual"}``, plan
    and actual over the same ``years`` inside ``lo..hi`` (``compared_years``: flows summed over the years with
    both, stocks and rates at the last such year); None where nothing was reported. ``plan_ids`` and
    ``actual_ids`` are the figures behind each total (for sources), ``status`` the child's status (or None).

    Example: ``child_totals(figs, regions, "610000", exits, "original", 2011, 2020)[0]`` is
    ``{"code": "610100", "plan": None, "actual": 1.0, ...}`` (西安市: 周至县 exited in 2018).
    """
    children = children_of(regions)
    owner = _owners(regions, code, children)
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
            shown = bool(plan_years)  # a status needs a plan in the years shown
            plan_years, actual_years = compared_years(plan_years, actual_years, indicator["kind"])
            out.append(
                {
                    "code": child,
                    "years": sorted(set(plan_years) | set(actual_years)),
                    "plan": _total(p.plan_points, plan_years, indicator["kind"]),
                    "actual": _total(p.series["actual"], actual_years, indicator["kind"]),
                    "plan_ids": _ids(p.plan_points, plan_years, indicator["kind"]),
                    "actual_ids": _ids(p.series["actual"], actual_years, indicator["kind"]),
                    "status": _status(p, shown),
                }
            )
    return out


def rollup_of(figures: list[dict], regions: list[dict], code: str, p: Progress, years: list[int]) -> RollUp | None:
    """The roll-up behind ``p`` (the region's progress) over the ``years`` shown, or None when every figure shown
    is the region's own. Derived zero years (named targets) are not counted: they say so themselves.

    Example (云南 with only 昭通 reporting): ``rollup_of(figs, regions, "530000", p, [2015, 2016, 2018])`` is
    ``RollUp(years=[2015, 2016, 2018], counts={2015: 1, 2016: 1, 2018: 1}, total=16)``.
    """
    shown = [*p.series.values(), p.plan_points]
    rolled = [y for y in years if any((pt := s.get(y)) is not None and pt.rolled_up and not pt.derived for s in shown)]
    if not rolled:
        return None
    children = children_of(regions)
    owner = _owners(regions, code, children)
    wanted = set(rolled)
    reporting: dict[int, set[str]] = {y: set() for y in rolled}
    for r in records(figures):
        child = owner.get(r["region_code"])
        year = int(r["period_end"])
        if child is not None and year in wanted and r["period_start"] == r["period_end"] and r["kind"] in KINDS:
            reporting[year].add(child)
    return RollUp(rolled, {y: len(c) for y, c in reporting.items()}, len(children.get(code, [])))
