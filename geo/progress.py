"""Plan versus actual per region for one indicator and year, and county exit delays: pure functions over
the figures DataFrame of ``db.queries.figures_frame``.

Achieved or behind is the dashboard's status rule (``analysis.status.meets`` / ``achievement``), measured
against the same plan the dashboard uses (``analysis.series.effective_plan``: original, or revised). The
map adds two words the overview does not need: a plan with no reported figure yet (``awaiting``) and an
actual with no plan (``no_target``), so a region is never just "grey" without saying why.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis import status as rule
from analysis.children import partial_pair
from analysis.regions import children_of
from analysis.series import Point, effective_plan, plan_vs_actual, records

# "partial": plan and actual are sums of different sub-regions (or one is the region's own), never judged
STATUSES = ("achieved", "behind", "awaiting", "partial", "no_target", "no_data")
EXIT_CATEGORIES = ("on_time", "late_1", "late_2", "late_3", "exited_unplanned", "planned_pending", "none")


@dataclass
class Progress:
    code: str
    plan: Point | None
    actual: Point | None
    status: str  # one of STATUSES
    ratio: float | None  # actual / plan (plan / actual where lower is better)
    year: int | None = None
    # (direct sub-regions, all) when the plan or actual shown is a sum of only some sub-regions (the dashboard's
    # 部分下级): a status of such sums says so; plan and actual of different ones are "partial", not judged
    partial: tuple[int, int] | None = None


def meets(plan: Point, actual: float, direction: str = "up") -> bool:
    """Whether an actual value meets a target (the dashboard's rule, comparator first).

    Examples: ``meets(Point(2018, 8, "<"), 9.12, "down") is False``; ``meets(Point(2018, 3000), 3000) is True``.
    """
    return rule.meets(actual, plan.value, plan.comparator or "=", direction)


def achievement(plan: Point, actual: float, direction: str = "up") -> float | None:
    """Achievement ratio: ``achievement(Point(2018, 1017000), 1045000) ≈ 1.03``; None when undefined."""
    percent = rule.achievement(actual, plan.value, direction)
    return None if percent is None else percent / 100


def region_progress(
    frame: pd.DataFrame,
    code: str,
    year: int | None,
    direction: str = "up",
    plan_kind: str = "original",
    parents: dict[str, str | None] | None = None,
    children: dict[str, list[str]] | None = None,
    additive: bool = True,
) -> Progress:
    """Plan (``plan_kind``: "original" or "revised", as on the dashboard), actual and status of one region.

    ``year=None`` reads the latest year holding both a plan and an actual, else the latest holding either.
    ``frame`` holds figures of the region and its descendants; children's figures are summed only where
    the region has none of its own (``analysis.series`` rules). ``parents`` (adcode -> parent adcode, the region
    table) lets a sum of only some sub-regions say so, and leaves plan and actual of different ones unjudged, as
    the dashboard's status rule does (``analysis.children.partial_pair``). ``additive`` false (a rate, a level per
    person: ``analysis.indicators.is_additive``): only the region's own figures, never its children's summed.
    """
    series = plan_vs_actual(frame, code, roll_up=additive)
    plans, actuals = effective_plan(series, plan_kind), series["actual"]
    if year is None:
        both = set(plans) & set(actuals)
        year = max(both or set(plans) | set(actuals) or {0})
    plan, actual = plans.get(year), actuals.get(year)
    partial, comparable = None, True
    if parents is not None:
        children = children if children is not None else _children(parents)
        partial, comparable = partial_pair(plan, actual, code, parents, children)
    if plan and actual and not comparable:
        return Progress(code, plan, actual, "partial", None, year, partial)
    if plan and actual:
        status = "achieved" if meets(plan, actual.value, direction) else "behind"
        return Progress(code, plan, actual, status, achievement(plan, actual.value, direction), year, partial)
    status = "awaiting" if plan else "no_target" if actual else "no_data"
    return Progress(code, plan, actual, status, None, year if status != "no_data" else None, partial)


def progress_by_region(
    frame: pd.DataFrame,
    subtrees: dict[str, list[str]],
    year: int | None,
    direction: str = "up",
    plan_kind: str = "original",
    parents: dict[str, str | None] | None = None,
    additive: bool = True,
) -> dict[str, Progress]:
    """``region_progress`` for each region, given each region's own and descendant codes (``parents``,
    ``additive``: see there)."""
    out = {}
    children = _children(parents) if parents is not None else None
    rows = records(frame)
    present = {r["region_code"] for r in rows}
    for code, codes in subtrees.items():
        if present.isdisjoint(codes):  # most counties of a national map: nothing to compute
            out[code] = Progress(code, None, None, "no_data", None)
            continue
        wanted = set(codes)
        part = [r for r in rows if r["region_code"] in wanted]
        out[code] = region_progress(part, code, year, direction, plan_kind, parents, children, additive)
    return out


def _children(parents: dict[str, str | None]) -> dict[str, list[str]]:
    return children_of([{"code": c, "parent_code": p} for c, p in parents.items()])


def years_with_figures(frame: pd.DataFrame) -> list[int]:
    """Single years that hold a target or an actual, oldest first."""
    annual = frame[(frame["period_start"] == frame["period_end"]) & frame["kind"].isin(["target", "actual"])]
    return sorted({int(y) for y in annual["period_end"]})


@dataclass
class ExitDelay:
    code: str
    planned: Point | None  # planned exit year in .year
    actual: Point | None
    delay: int | None  # years late (negative: early)
    category: str  # one of EXIT_CATEGORIES


def exit_category(planned: int | None, actual: int | None) -> str:
    """``exit_category(2016, 2019) == "late_3"``; ``exit_category(2017, 2017) == "on_time"``."""
    if planned is not None and actual is not None:
        delay = actual - planned
        return "on_time" if delay <= 0 else f"late_{min(delay, 3)}"
    if actual is not None:
        return "exited_unplanned"
    return "planned_pending" if planned is not None else "none"


def _first(points: dict[int, Point]) -> Point | None:
    return points[min(points)] if points else None


def exit_delays(frame: pd.DataFrame, codes: list[str], plan_kind: str = "original") -> dict[str, ExitDelay]:
    """Planned versus actual exit (摘帽) year of each county from its ``counties_exited`` figures.

    Example: 陇西 planned 2016, exited 2019 -> ``ExitDelay("621122", ..., delay=3, category="late_3")``.
    """
    by_region: dict[str, list[dict]] = {}
    for row in records(frame[frame["indicator"] == "counties_exited"]):
        by_region.setdefault(row["region_code"], []).append(row)
    out = {}
    for code in codes:
        series = plan_vs_actual(by_region.get(code, []), code, roll_up=False)
        planned = _first(effective_plan(series, plan_kind))
        actual = _first(series["actual"])
        delay = actual.year - planned.year if planned and actual else None
        category = exit_category(planned.year if planned else None, actual.year if actual else None)
        out[code] = ExitDelay(code, planned, actual, delay, category)
    return out
