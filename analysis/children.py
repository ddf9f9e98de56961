"""Sub-regions side by side: each direct child's plan and actual over the years shown (for drill-down)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

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


@dataclass(frozen=True)
class SubRegions:
    """The tree walk every roll-up of one region's page needs, done once (``sub_regions``): ``children``
    (``children_of`` the regions read), ``parents`` (region -> its parent code) and ``owner`` (a region below
    ``code`` -> the direct sub-region whose subtree holds it, the sub-region itself included; walked on first use,
    as a page whose figures are all its own needs none).

    Example (汉中 610700 of 10 counties): ``sub_regions(regions, "610700").owner["610723"] == "610723"``
    """

    code: str | None  # None: the whole tree read, no region yet (``of`` names one)
    children: dict[str, list[str]]
    parents: dict[str, str | None]

    @functools.cached_property
    def owner(self) -> dict[str, str]:
        return _owners(self.code, self.children)

    @property
    def total(self) -> int:
        """How many direct sub-regions ``code`` has."""
        return len(self.children.get(self.code, []))

    def of(self, child: str) -> SubRegions:
        """The same for a region below (a sub-region's row), with the same ``children`` and ``parents``."""
        return SubRegions(child, self.children, self.parents)

    @functools.cached_property
    def _covers(self) -> dict[tuple[str, ...], frozenset[str]]:
        return {}

    def covered(self, codes: tuple[str, ...]) -> frozenset[str]:
        """``covered_regions(codes)`` below ``code``, walked once per set of codes (a page asks again for each
        indicator, year and status of the same sums)."""
        found = self._covers.get(codes)
        if found is None:
            found = self._covers[codes] = covered_regions(codes, self.parents, self.children, self.code)
        return found


def sub_regions(regions: list[dict], code: str | None = None) -> SubRegions:
    """``SubRegions`` of ``code`` among ``regions`` (a page's: its path and the regions below it); without ``code``,
    the tree alone, for ``.of(code)`` region by region (the overview's plan regions)."""
    return SubRegions(code, children_of(regions), {r["code"]: r.get("parent_code") for r in regions})


def _owners(code: str | None, children: dict[str, list[str]]) -> dict[str, str]:
    """Region code -> the direct child of ``code`` whose subtree holds it (the child itself included)."""
    owner = {}
    for child in children.get(code, []):
        owner.update(dict.fromkeys(descendants([], child, children), child))
        owner[child] = child
    return owner


def _status(p: Progress, has_plan: bool) -> tuple[str | None, list[int]]:
    """The worse of the latest year's and the whole period's status (the overview's ranking), and the years it is
    of (the latest year's on a tie); (None, []) without a plan in the years shown, as a year without a plan has no
    status. Example (通江: 2018–2019 at 100%, 2019 behind): ``("behind", [2019])``."""
    found = [(c.status, [c.year]) for c in (p.latest,) if c is not None]
    if p.period is not None:
        found.append((p.period.status, list(range(p.period.start, p.period.end + 1))))
    if not has_plan or not found:
        return None, []
    return min(found, key=lambda f: st.severity(f[0]))


def child_totals(
    figures: list[dict],
    regions: list[dict],
    code: str,
    indicator: dict,
    plan: str,
    lo: int,
    hi: int,
    tree: SubRegions | None = None,
) -> list[dict]:
    """One row per direct child holding figures of ``indicator``: ``{"code", "years", "plan", "actual"}``, plan
    and actual over the same ``years`` inside ``lo..hi`` (``compared_years``: flows summed over the years with
    both, stocks and rates at the last such year); None where nothing was reported. ``plan_ids`` and
    ``actual_ids`` are the figures behind each total (for sources), ``status`` the child's status (or None) and
    ``status_years`` the years that status is of (the latest year's, or the plan period's). ``tree``:
    ``sub_regions(regions, code)``, when the caller has it already.

    Example: ``child_totals(figs, regions, "610000", exits, "original", 2011, 2020)[0]`` is
    ``{"code": "610100", "plan": None, "actual": 1.0, ...}`` (西安市: 周至县 exited in 2018).
    """
    tree = sub_regions(regions, code) if tree is None else tree
    owner = tree.owner
    by_child: dict[str, list[dict]] = {}  # each child's committed records of the indicator (see ``progress``)
    for r in records(figures):
        child = owner.get(r["region_code"])
        if child is not None and r["indicator"] == indicator["code"]:
            by_child.setdefault(child, []).append(r)
    out = []
    for child in tree.children.get(code, []):
        figs = by_child.get(child)
        if not figs:
            continue
        p = apply_rollup(progress(figs, child, indicator, plan, lo, hi, committed=True), tree.of(child))
        plan_years = [y for y in p.plan_points if lo <= y <= hi]
        actual_years = [y for y in p.series["actual"] if lo <= y <= hi and not p.series["actual"][y].derived]
        if plan_years or actual_years:
            shown = bool(plan_years)  # a status needs a plan in the years shown
            status, status_years = _status(p, shown)
            plan_years, actual_years = compared_years(plan_years, actual_years, indicator["kind"])
            out.append(
                {
                    "code": child,
                    "years": sorted(set(plan_years) | set(actual_years)),
                    "plan": _total(p.plan_points, plan_years, indicator["kind"]),
                    "actual": _total(p.series["actual"], actual_years, indicator["kind"]),
                    "plan_ids": _ids(p.plan_points, plan_years, indicator["kind"]),
                    "actual_ids": _ids(p.series["actual"], actual_years, indicator["kind"]),
                    "status": status,
                    "status_years": status_years,
                }
            )
    return out


def _covered(point: Point | None, owner: dict[str, str]) -> frozenset[str] | None:
    """The direct sub-regions a summed point adds up; None for the region's own figure (or none at all)."""
    if point is None or not point.rolled_up or point.derived:
        return None
    return frozenset(owner.get(c, c) for c in point.regions)


def rollup_of(figures: list[dict], regions: list[dict], code: str, p: Progress, years: list[int]) -> RollUp | None:
    """The roll-up behind ``p`` (the region's progress) over the ``years`` shown, or None when every figure shown
    is the region's own. Per year it counts the sub-regions each summed series adds up: those whose actuals make
    the summed actual, those whose targets make the summed plan (a sub-region with targets only is no actual's).
    Derived zero years (named targets) are not counted: they say so themselves. ``figures`` are not read (the
    points name the regions they sum).

    Example (云南 with only 昭通 reporting): ``rollup_of(figs, regions, "530000", p, [2015, 2016, 2018])`` is
    ``RollUp(years=[2015, 2016, 2018], counts={2015: 1, 2016: 1}, total=16, plan_counts={2016: 1, 2018: 1})``.
    """
    tree = sub_regions(regions, code)
    return _rollup(p, years, tree.owner, tree.total)


def _rollup(p: Progress, years: list[int], owner: dict[str, str], total: int) -> RollUp | None:
    counts: dict[str, dict[int, int]] = {"actual": {}, "plan": {}}
    for side, points in (("actual", p.series["actual"]), ("plan", p.plan_points)):
        for y in years:
            covered = _covered(points.get(y), owner)
            if covered is not None:
                counts[side][y] = len(covered)
    rolled = sorted(set(counts["actual"]) | set(counts["plan"]))
    if not rolled:
        return None
    return RollUp(rolled, counts["actual"], total, counts["plan"])


def covered_regions(
    codes, parents: dict[str, str | None], children: dict[str, list[str]], top: str | None = None
) -> frozenset[str]:
    """The regions a sum of figures of ``codes`` covers whole: any set of all the sub-regions of one region stands
    for that region, up as far as it goes (never above ``top``, the region whose sum it is). Example (巴中 511900
    of 通江, 南江, 平昌, 巴州, 恩阳):
    ``covered_regions({"511921"}, ...) == {"511921"}``; with all five, ``{"511900"}``."""
    out = set(codes)
    frontier = set(out)
    while frontier:
        above = {parents.get(c) for c in frontier if c != top} - {None} - out
        frontier = {a for a in above if children.get(a) and all(k in out for k in children[a])}
        for a in frontier:
            out.difference_update(children[a])
            out.add(a)
    return frozenset(out)


def has_sums(*series: dict[int, Point]) -> bool:
    """Whether any point of ``series`` is a sum of sub-regions' figures (``rolled_up``, not ``derived``)."""
    for points in series:
        for pt in points.values():
            if pt.rolled_up and not pt.derived:
                return True
    return False


def judge_partial(p: Progress, owner: dict[str, str], total: int, whole) -> None:
    """Withhold the judgement wherever plan and actual do not cover the same regions: a sum of only some
    sub-regions (巴中: 通江's 2.6万 of 5 counties) against the region's own target (≥10万), or against a sum of other
    sub-regions. That year's status becomes ``NO_DATA`` with ``partial`` (? 部分下级报告), its actual point is marked
    ``partial`` (a running total stops there), and so does a period whose actual takes in such a year. A sum of
    every sub-region, or plan and actual summed over the same ones (汉中: 洋县's target against 洋县's actual), is
    judged as before. ``whole(codes)``: the regions a sum of figures of ``codes`` covers (``covered_regions``), so
    that 四川's sum of 巴中's own target is not compared with its sum of 通江's actual either. A period whose target
    adds up yearly targets of different regions (广西: 柳州's 2016 target and 百色's 2017 target) is no plan of
    anyone's: it is dropped (``p.period`` None), never judged nor shown as the region's plan; where the targets
    are of different regions, each summed one is marked ``partial`` too, so that no cumulative plan adds them up."""
    plan, actual = p.plan_points, p.series["actual"]
    if not has_sums(plan, actual):
        return

    def cover(point: Point | None) -> frozenset[str] | None:
        """None for the whole region (its own figure, or a sum of every sub-region); else the regions covered."""
        if point is None or not point.rolled_up or point.derived:
            return None
        covered = whole(point.regions)
        return None if covered == {p.region_code} or not total else covered

    plan_covers = {cover(pt) for pt in plan.values()}
    if len(plan_covers) > 1:  # targets of different regions: no running total of them (the cumulative plan)
        for pt in plan.values():
            if cover(pt) is not None:
                pt.partial = len(_covered(pt, owner)), total
    usual = plan_covers.pop() if len(plan_covers) == 1 else None  # the plan's cover for a year without one
    from_plan = bool(set(p.period_ids) & {i for pt in plan.values() for i in pt.figure_ids})

    def against(point: Point | None, target_cover) -> tuple[int, int] | None:
        """(sub-regions summed, all) when ``point`` is not comparable with a target covering ``target_cover``."""
        mine = cover(point)
        if point is None or mine == target_cover:
            return None
        return len(_covered(point, owner) if mine is not None else {owner.get(c, c) for c in target_cover}), total

    for y, point in actual.items():
        point.partial = against(point, cover(plan[y]) if y in plan else usual)
    for c in p.years:
        if c.plan is not None:
            c.partial = against(c.actual, cover(c.plan))
            if c.partial is not None:
                c.status, c.achievement = st.NO_DATA, None
    a = p.period
    if a is not None and from_plan:
        used = [y for y in plan if a.start <= y <= a.end] if p.indicator["kind"] == "flow" else [a.end]
        if len({cover(plan.get(y)) for y in used}) > 1:  # 柳州's 2016 target + 百色's 2017 target: no one's plan
            p.period, p.period_ids, p.period_actual_ids = None, [], []
            return
    if a is None or a.actual is None:
        return
    for s0, s1 in a.actual_periods:
        if s0 != s1:
            continue
        found = against(actual.get(s0), (cover(plan[s0]) if s0 in plan else usual) if from_plan else None)
        if found is not None:
            a.status, a.partial, a.actual, a.actual_year = st.NO_DATA, found, None, None
            a.achievement = a.achievement_to_date = a.needed_per_year = None
            a.actual_periods, p.period_actual_ids = [], []
            return


def _direct_child(c: str, code: str, parents: dict[str, str | None]) -> str:
    """The direct sub-region of ``code`` that holds ``c`` (``c`` itself when it is one, or not below ``code``)."""
    at = c
    while parents.get(at) not in (code, None):
        at = parents[at]
    return at if parents.get(at) == code else c


def partial_pair(
    plan: Point | None, actual: Point | None, code: str, parents: dict[str, str | None], children: dict[str, list[str]]
) -> tuple[tuple[int, int] | None, bool]:
    """One year's plan and actual of ``code`` as ``judge_partial`` reads them: ((direct sub-regions in the largest
    sum of only some of them, all its direct sub-regions) or None when neither is such a sum, and whether the two
    cover the same regions, so that a status may be said (for those sub-regions alone when partial).

    Example (广西 2017: 百色's target and 百色's actual): ``partial_pair(plan, actual, "450000", parents, children)
    == ((1, 14), True)``; 柳州's target against 百色's actual: ``((1, 14), False)``."""
    total = len(children.get(code, []))

    def cover(point: Point | None) -> frozenset[str] | None:
        if point is None or not point.rolled_up or point.derived or not total:
            return None
        covered = covered_regions(point.regions, parents, children, code)
        return None if covered == {code} else covered

    sums = [pt for pt in (plan, actual) if cover(pt) is not None]
    comparable = plan is None or actual is None or cover(plan) == cover(actual)
    if not sums:
        return None, comparable
    reporting = max(len({_direct_child(c, code, parents) for c in pt.regions}) for pt in sums)
    return (reporting, total), comparable


def apply_rollup(p: Progress, tree: SubRegions, years: list[int] | None = None) -> Progress:
    """``p`` with its roll-up (``rollup_of`` over ``years``, default all the years of its series) and its partial sums
    left unjudged (``judge_partial``). ``tree``: ``sub_regions(regions, p.region_code)``, walked once per page.

    Example: ``apply_rollup(progress(figs, "610700", indicator), sub_regions(regions, "610700")).rollup.total == 10``
    """
    shown = [p.series["actual"], p.plan_points]
    if not has_sums(*shown):
        return p
    if years is None:
        years = sorted({y for points in shown for y in points})
    owner, total = tree.owner, tree.total
    p.rollup = _rollup(p, years, owner, total)
    judge_partial(p, owner, total, tree.covered)
    return p
