"""Plan versus actual for one region and indicator: each year's status and the whole plan period's.

Pure: figure records in, plain data out. ``progress(figs, "610000", indicator, plan="original")`` gives
``years`` (2018 achieved, 2019 behind, 2020 achieved), ``latest`` and ``period`` (2018–2020).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from analysis import status as st
from analysis.indicators import is_additive
from analysis.named import NAMED_INDICATORS, NamedTarget, derived_zero_years, named_targets
from analysis.series import Point, effective_plan, plan_vs_actual, records, span_figures


@dataclass(slots=True)
class YearCell:
    year: int
    plan: Point | None
    actual: Point | None
    status: str
    achievement: float | None
    # plan and actual do not cover the same regions (one is a sum of only some sub-regions): (sub-regions in that
    # sum, sub-regions in all); the status is then ``NO_DATA`` (? 部分下级报告), never a judgement
    partial: tuple[int, int] | None = None


@dataclass
class RollUp:
    """Which of a region's figures are sums of its sub-regions, and how many sub-regions those sums cover.

    ``years``: the years shown whose plan or actual is such a sum; ``counts``: year -> direct sub-regions whose
    actuals the summed actual adds up; ``plan_counts``: the same for a summed plan (the targets shown);
    ``total``: the region's direct sub-regions.
    """

    years: list[int]
    counts: dict[int, int]
    total: int
    plan_counts: dict[int, int] = field(default_factory=dict)

    @property
    def reporting(self) -> tuple[int, int]:
        """The fewest and the most sub-regions in one of the sums shown (actuals, or targets when none is summed)."""
        counts = self.counts or self.plan_counts
        return min(counts.values(), default=0), max(counts.values(), default=0)

    def partial_in(self, year: int) -> bool:
        """Whether the year's summed actual or plan leaves out sub-regions."""
        return any(year in c and c[year] < self.total for c in (self.counts, self.plan_counts))

    @property
    def partial(self) -> bool:
        return any(self.partial_in(y) for y in self.years)

    def partial_of(self, years) -> tuple[int, int] | None:
        """(sub-regions in the largest partial sum of ``years``, all sub-regions), or None when none is partial."""
        found = [max(self.counts.get(y, 0), self.plan_counts.get(y, 0)) for y in years if self.partial_in(y)]
        return (max(found), self.total) if found else None


@dataclass
class Progress:
    region_code: str
    indicator: dict
    plan: str
    series: dict[str, dict[int, Point]]
    plan_points: dict[int, Point]
    years: list[YearCell]
    latest: YearCell | None
    period: st.Assessment | None
    period_ids: list[int] = field(default_factory=list)  # target figures behind the period target
    period_actual_ids: list[int] = field(default_factory=list)  # exactly the actual figures in ``period.actual``
    named: list[NamedTarget] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)
    # which figures are sums of sub-regions and how many report (``analysis.children.rollup_of``); set by the
    # region's view, which knows its sub-regions
    rollup: RollUp | None = None
    # years with a target of the plan that does not add up into it (a stretch tier figure only, the region's or a
    # sub-region's): the running plan total is unknown from there (``cumulative_plan``); set by the region's view,
    # which reads every tier
    plan_unknown: list[int] = field(default_factory=list)

    @property
    def stated_total(self) -> tuple[int, float] | None:
        """The period's multi-year target (end year, value) when it runs past the yearly plan it contains
        ("到2017年末35个…;到2018年末65个全部出列"), for the cumulative plan line; else None."""
        a = self.period
        if a is None or not self.plan_points or self.indicator["kind"] != "flow" or a.end <= max(self.plan_points):
            return None
        return a.end, a.target

    @property
    def worst(self) -> int:
        """Sort key: the worse of the latest year's and the period's status."""
        found = [st.severity(c.status) for c in (self.latest, self.period) if c is not None]
        return min(found, default=st.severity(st.NO_DATA))


def _cell(year: int, plan: Point | None, actual: Point | None, direction: str) -> YearCell:
    if plan is None:
        return YearCell(year, None, actual, st.NO_DATA, None)
    value = actual.value if actual else None
    return YearCell(
        year,
        plan,
        actual,
        st.judge(value, plan.value, plan.comparator, direction),
        st.achievement(value, plan.value, direction),
    )


def _span_targets(spans: list[dict], plan: str) -> list[dict]:
    targets = [s for s in spans if s["kind"] == "target"]
    chosen: dict[tuple[int, int], dict] = {}
    for s in sorted(targets, key=lambda s: (s["plan_version_id"] or 0, s["id"])):
        key = (int(s["period_start"]), int(s["period_end"]))
        if s["plan_version_kind"] == "original":
            chosen.setdefault(key, s)
        elif plan == "revised":
            chosen[key] = s
    return list(chosen.values())


def _schedule(points: dict[int, Point]) -> tuple[dict[int, float], list[int], set[str]]:
    """A plan's values by year, the ids of its figures and its comparators, in one pass."""
    values, ids, comparators = {}, [], set()
    for year, point in points.items():
        values[year] = point.value
        ids += point.figure_ids
        comparators.add(point.comparator)
    return values, ids, comparators


def _period(p: Progress, spans: list[dict], as_of: int) -> tuple[st.Assessment | None, list[int]]:
    direction, kind = p.indicator["direction"], p.indicator["kind"]
    plan, plan_ids, comparators = _schedule(p.plan_points)
    actual = {y: pt.value for y, pt in p.series["actual"].items()}
    span_targets = _span_targets(spans, p.plan) if spans else []
    first, last = (min(plan), max(plan)) if plan else (0, 0)
    extending = [s for s in span_targets if int(s["period_start"]) <= first and int(s["period_end"]) > last]
    if plan and kind == "flow" and extending:  # "到2017年末实现35个…出列;到2018年末实现65个全部出列"
        main = _nearest_deadline(extending, as_of)
        start, end, total = int(main["period_start"]), int(main["period_end"]), float(main["value"])
        comparator, ids = main["comparator"] or "=", [int(main["id"])]
    elif plan:
        start, end, ids = first, last, plan_ids
        if kind == "flow":  # a total keeps a comparator only when every year it sums has the same one
            comparator = comparators.pop() if len(comparators) == 1 else "="
        else:  # stocks and rates are judged on the end year's target: its comparator (≥80% in 2017) goes with it
            comparator = p.plan_points[end].comparator
        total = sum(plan.values()) if kind == "flow" else plan[end]
        if kind == "flow" and len(plan) < end - start + 1:  # a year without a target in the schedule
            same = [s for s in span_targets if (int(s["period_start"]), int(s["period_end"])) == (start, end)]
            if not same:
                return None, ids  # gaps in the schedule and no stated total: no period target to judge
            total, ids = float(same[0]["value"]), [int(same[0]["id"])]
    elif span_targets:
        main = max(span_targets, key=lambda s: (s["period_end"], s["period_end"] - s["period_start"]))
        start, end, total = int(main["period_start"]), int(main["period_end"]), float(main["value"])
        comparator, ids = main["comparator"] or "=", [int(main["id"])]
    else:
        return None, []
    if kind == "flow":
        span_actuals = [
            (int(s["period_start"]), int(s["period_end"]), float(s["value"])) for s in spans if s["kind"] == "actual"
        ]
        return st.assess_flow(total, start, end, actual, as_of, plan, comparator, direction, span_actuals), ids
    before = [y for y in actual if y < start]
    baseline = (max(before), actual[max(before)]) if before else None
    return st.assess_level(total, end, actual, as_of, comparator, direction, baseline), ids


def _nearest_deadline(spans: list[dict], as_of: int) -> dict:
    """The multi-year target to judge a period on, seen from ``as_of``: the first deadline not yet passed (by end
    2018 before within five years), else the last one; of two with one deadline, the longer."""
    ahead = [s for s in spans if int(s["period_end"]) >= as_of]
    if ahead:
        return min(ahead, key=lambda s: (int(s["period_end"]), int(s["period_start"]), int(s["id"])))
    return max(spans, key=lambda s: (int(s["period_end"]), -int(s["period_start"]), -int(s["id"])))


def progress(
    figures,
    region_code: str,
    indicator: dict,
    plan: str = "original",
    year_from: int | None = None,
    year_to: int | None = None,
    committed: bool = False,
) -> Progress:
    """Assess one region and indicator; ``figures`` hold the region's and its descendants' figures.

    ``year_to`` (default: the last year with any figure) is the year the plan period is seen from; years
    shown are those with a plan figure inside ``year_from..year_to``. ``committed``: ``figures`` are already
    ``records(figures)`` of this indicator only (as ``analysis.overview`` passes them).
    """
    code = indicator["code"]
    rows = figures if committed else [r for r in records(figures) if r["indicator"] == code]
    # a rate or a level per person is never the sum of the sub-regions' figures: only the region's own count
    additive = is_additive(indicator)
    if not additive:  # nor a sum made at scale (db.scaled_views): even a sum of one may be a sub-region's figure
        rows = [r for r in rows if r.get("source_kind") != "sum"]
    series = plan_vs_actual(rows, region_code, roll_up=additive, committed=True)
    return assess(series, rows, region_code, indicator, plan, year_from, year_to)


def assess(
    series: dict[str, dict[int, Point]],
    rows: list[dict],
    region_code: str,
    indicator: dict,
    plan: str = "original",
    year_from: int | None = None,
    year_to: int | None = None,
) -> Progress:
    """``progress`` from the region's three annual series (``plan_vs_actual``); ``rows``: its committed records of
    this indicator, of which only the multi-year ones and those of named-target indicators are read.

    Example: ``assess(plan_vs_actual(rows, "610000"), rows, "610000", indicator).period.status``
    """
    code = indicator["code"]
    named = named_targets(rows, region_code, plan) if code in NAMED_INDICATORS else []
    plan_points = effective_plan(series, plan)
    if named and plan_points:
        last = max([*series["actual"], *plan_points])
        series["actual"] = dict(
            sorted(
                {
                    **derived_zero_years(named, series["actual"], list(range(min(plan_points), last + 1))),
                    **series["actual"],
                }.items()
            )
        )
    spans = span_figures(rows, region_code, committed=True)
    lo, hi = year_from, year_to
    if lo is None or hi is None:
        all_years = [y for pts in series.values() for y in pts] + [int(s["period_end"]) for s in spans]
        lo = lo if lo is not None else min(all_years, default=0)
        hi = hi if hi is not None else max(all_years, default=0)
    actual, direction = series["actual"], indicator["direction"]
    cells = [_cell(y, point, actual.get(y), direction) for y, point in plan_points.items() if lo <= y <= hi]
    reported = [c for c in cells if c.actual is not None]
    latest = reported[-1] if reported else (cells[-1] if cells else None)
    p = Progress(region_code, indicator, plan, series, plan_points, cells, latest, None, named=named, spans=spans)
    p.period, p.period_ids = _period(p, spans, hi)
    p.period_actual_ids = _period_actual_ids(p.period, series["actual"], spans)
    return p


def _period_actual_ids(a: st.Assessment | None, annual: dict[int, Point], spans: list[dict]) -> list[int]:
    """The ids of the actual figures the period's actual is made of (``Assessment.actual_periods``): the years
    summed up to the year the period is seen from, never a later year's; a multi-year actual used whole."""
    if a is None or a.actual is None:
        return []
    out: list[int] = []
    for start, end in a.actual_periods:
        if start == end:
            point = annual.get(start)
            out += point.figure_ids if point is not None else []
            continue
        whole = [
            s for s in spans if s["kind"] == "actual" and (int(s["period_start"]), int(s["period_end"])) == (start, end)
        ]
        used = [s for s in whole if float(s["value"]) == a.actual] or whole[:1]
        out += [int(s["id"]) for s in used[:1]]
    return out


def cumulative(points: dict[int, Point], years: list[int]) -> list[float | None]:
    """Running totals of reported figures (actuals) over ``years``; None from the first year without a figure on, a
    year that ``years`` skip included (a year not reported is unknown, never a zero), and from the first sum of only
    some sub-regions not comparable with the plan (``Point.partial``: own figures and a partial sum are never added
    up into one total).

    Example: ``cumulative({2016: p, 2018: q}, [2016, 2018]) == [p.value, None]`` (2017 not reported)
    """
    return _running(points, years, lambda y: y not in points)


def cumulative_plan(points: dict[int, Point], years: list[int], unknown: Collection[int] = ()) -> list[float | None]:
    """Running totals of a plan's targets over ``years``. A year the plan sets no target for adds nothing (a plan of
    2016 and 2018 only carries its 2016 total through 2017, as it stays level after its last year); None from the
    first year in ``unknown`` on, shown or skipped by ``years``: a year with a target that does not add up into the
    committed plan (``Progress.plan_unknown``: a stretch tier figure only, the region's or a sub-region's, which a
    region's axis may not show), and from the first partial sum (``Point.partial``).

    Examples: ``cumulative_plan({2016: p, 2018: q}, [2016, 2018]) == [p.value, p.value + q.value]``;
    ``cumulative_plan({2016: p, 2018: q}, [2016, 2018], unknown=[2017]) == [p.value, None]``
    """
    return _running(points, years, lambda y: y in unknown)


def _running(points: dict[int, Point], years: list[int], unknown: Callable[[int], bool]) -> list[float | None]:
    total, out, broken, previous = 0.0, [], False, None
    for y in years:
        between = range(y if previous is None else previous + 1, y + 1)
        point = points.get(y)
        if any(unknown(g) for g in between) or (point is not None and point.partial is not None):
            broken = True
        previous = y
        if broken:
            out.append(None)
            continue
        total += point.value if point is not None else 0.0
        out.append(total)
    return out
