"""**状态规则 · Status rule**

每个目标与同一地区、同一指标、同一年份(或同一时期)的实际数比较;默认对照**原计划**,也可选修订计划。
Each target is compared with the actual of the same region, indicator and year (or period); by default
against the **original plan**, or against the revised plan when chosen.

- **达成 achieved** ✔ — 实际满足目标。"达到"按指标方向理解:脱贫人数越多越好,贫困发生率越低越好;
  比较符照原文:≥、>、<、≤;"约"(~)允许 5% 偏差。
  The actual meets the target, read in the indicator's direction (people lifted: more is better; poverty
  incidence: lower is better) and with the plan's comparator (≥, >, <, ≤; "about" (~) allows 5%).
- **进度正常 on track** ➜ — 时期未结束,截至所选年份的累计实际不低于同期计划(流量指标按年度计划累计,
  无年度计划时按年均分摊;存量和比率按从基期到目标的直线进度)。
  The period is not over and the actual to date is at least the plan to date (flows: the annual plan
  summed, or the total spread evenly; stocks and rates: a straight path from the baseline to the target).
- **有风险 at risk** ⚠ — 时期未结束,进度达到同期计划的 90% 至 100%。
  The period is not over and progress is 90–100% of the plan to date.
- **落后 behind** ✖ — 时期已结束而未达成;或时期未结束、进度不足同期计划的 90%。
  The period is over and the target was missed; or it is not over and progress is below 90% of plan.
- **无报告数据 no reported figure** ? — 找不到实际数(从不当作零);流量时期缺少任一年份时也如此,
  除非已报告各年的累计已达到目标。
  No actual was found (never counted as zero); for a flow period, also when any year is missing, unless the
  years reported already reach the target.

时期:流量(脱贫人数、摘帽县数)按年累计;存量和比率(贫困人口、贫困发生率)看期末水平。
多年度合计从不与其中各年相加;时期内的多年度实际数若已满足目标,即视为达成。
年度计划若是某一多年度合计目标的一部分(2017年35个,到2018年末共65个),时期按该合计目标评价。
未结束的时期给出完成计划每年还需的进度。"所选年份"是年份筛选的终止年。
Periods: flows (people lifted, counties exited) add up over the years; stocks and rates (poor population,
incidence) are read at the period end. A multi-year figure is never added to the years inside it; a
multi-year actual inside the period that already meets the target counts as achieved. A yearly plan that is
part of a stated multi-year total (35 in 2017, 65 in all by the end of 2018) is judged on that total. An
unfinished period shows the pace still needed each year. "To date" means the last year of the year filter.

下级合计 Σ:地区本级没有数字的年份,显示其下级地区的合计,并分别注明实际与目标各由几个下级相加。只有部分下级的
合计不与本级目标(或其他下级的目标)比较:该年状态为"? 部分下级报告"(同"无报告数据"),含这一年的时期亦然,
累计线在此中断;计划与实际同为这些下级时,状态只反映这些下级;全部下级的合计照常评价。下级地区对比图按同一年份
比较计划与实际。
Sums of sub-regions Σ: a year with no figure of the region's own shows the sum of its sub-regions, saying how
many of them the actual and the target each add up. A sum of only some is never judged against the region's own
target (or other sub-regions'): that year reads "? partial" (as "no reported figure"), so does a period that takes
it in, and a running total stops there; where plan and actual are sums of the same ones, the status speaks for
those alone; a sum of all of them is judged as usual. The sub-regions chart compares each one's plan and actual
over the same years.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACHIEVED, ON_TRACK, AT_RISK, BEHIND, NO_DATA = "achieved", "on_track", "at_risk", "behind", "no_data"
STATUSES = (BEHIND, AT_RISK, NO_DATA, ON_TRACK, ACHIEVED)  # worst first: the overview's sort order
TOLERANCE = 0.05  # "about" (~) targets
AT_RISK_FROM = 0.90  # share of the plan to date below which an unfinished period is behind


def severity(status: str) -> int:
    """Sort key, worst first: ``severity("behind") < severity("achieved")``."""
    return STATUSES.index(status)


def meets(actual: float, target: float, comparator: str = "=", direction: str = "up") -> bool:
    """Whether an actual satisfies a target, in the indicator's direction and with the plan's comparator.

    A plain target ("=") is a floor when more is better and a ceiling when less is better.
    Examples: ``meets(578800, 635000) is False``; ``meets(7.9, 8, "<", "down") is True``;
    ``meets(96, 100, "~") is True``.
    """
    if comparator == ">=":
        return actual >= target
    if comparator == ">":
        return actual > target
    if comparator == "<=":
        return actual <= target
    if comparator == "<":
        return actual < target
    if comparator == "~":
        slack = abs(target) * TOLERANCE
        return actual >= target - slack if direction == "up" else actual <= target + slack
    return actual >= target if direction == "up" else actual <= target


def achievement(actual: float | None, target: float | None, direction: str = "up") -> float | None:
    """Actual as a percent of target; for lower-is-better, target over actual. None when undefined.

    Examples: ``round(achievement(578800, 635000), 1) == 91.1``; ``achievement(9.12, 8, "down") == 8 / 9.12 * 100``.
    """
    if actual is None or target is None:
        return None
    if direction == "down":
        return target / actual * 100 if actual > 0 else None
    return actual / target * 100 if target else None


def judge(actual: float | None, target: float, comparator: str = "=", direction: str = "up") -> str:
    """Status of a finished year or period: achieved, behind, or no reported figure."""
    if actual is None:
        return NO_DATA
    return ACHIEVED if meets(actual, target, comparator, direction) else BEHIND


def pace_status(progress: float, expected: float) -> str:
    """Status of an unfinished period from progress to date versus the plan to date (same units)."""
    if expected <= 0 or progress >= expected:
        return ON_TRACK
    return AT_RISK if progress >= AT_RISK_FROM * expected else BEHIND


@dataclass
class Assessment:
    """A target's status over a period, with what the status was computed from."""

    status: str
    start: int
    end: int
    target: float
    comparator: str = "="
    actual: float | None = None  # cumulative (flows) or the level at the end / as of (stocks, rates)
    actual_year: int | None = None
    achievement: float | None = None  # the actual as a percent of the whole period's target
    expected_to_date: float | None = None
    # unfinished periods judged on pace: the percent of the plan to date that the status was judged on (flows: the
    # actual to date over ``expected_to_date``; stocks and rates: the share of the planned path covered)
    achievement_to_date: float | None = None
    needed_per_year: float | None = None  # flows, unfinished periods: what each remaining year must add
    remaining_years: int = 0
    missing_years: list[int] = field(default_factory=list)
    finished: bool = True
    as_of: int | None = None  # the year the period is seen from (the year filter's last year)
    # the (start, end) of each actual figure that ``actual`` is made of: the years summed (flows), the one
    # multi-year actual used whole, or the year read (stocks, rates); empty when there is no ``actual``
    actual_periods: list[tuple[int, int]] = field(default_factory=list)
    # the actual is (partly) a sum of only some sub-regions, not comparable with the target: (sub-regions in the
    # sum, sub-regions in all); the status is then ``NO_DATA`` (? 部分下级报告), never a judgement
    partial: tuple[int, int] | None = None


def assess_flow(
    target: float,
    start: int,
    end: int,
    actuals: dict[int, float],
    as_of: int,
    annual_plan: dict[int, float] | None = None,
    comparator: str = "=",
    direction: str = "up",
    span_actuals: list[tuple[int, int, float]] = (),
) -> Assessment:
    """A flow target over ``start..end`` (cumulative), seen from the end of year ``as_of``.

    ``actuals`` are single years only; ``span_actuals`` are multi-year actuals (start, end, value), used
    only as a whole, never added to single years. Example (陕西 2018–2020 seen from 2018): target 183.27万,
    2018 actual 104.5万, plan to date 101.7万 -> on track, 39.385万 a year still needed.
    """
    annual_plan = annual_plan or {}
    last = min(end, as_of)
    window = range(start, last + 1)
    missing = [y for y in window if y not in actuals]
    done = sum(actuals.get(y, 0.0) for y in window)
    base = Assessment(
        NO_DATA, start, end, target, comparator, finished=as_of >= end, missing_years=missing, as_of=as_of
    )
    if as_of < start:
        return base
    for s0, s1, value in span_actuals:
        if start <= s0 and s1 <= last and direction == "up" and meets(value, target, comparator, direction):
            base.status, base.actual, base.actual_year = ACHIEVED, value, s1
            base.achievement, base.missing_years = achievement(value, target, direction), []
            base.actual_periods = [(s0, s1)]
            return base
    reported = [y for y in window if y in actuals]
    if missing and reported and direction == "up" and meets(done, target, comparator, direction):
        # 52 counties out by 2019 of 52 by 2020: reached, whatever the years not reported would add
        base.status, base.actual, base.actual_year = ACHIEVED, done, reported[-1]
        base.achievement, base.missing_years = achievement(done, target, direction), []
        base.actual_periods = [(y, y) for y in reported]
        return base
    if missing:
        return base
    base.actual, base.actual_year, base.achievement = done, last, achievement(done, target, direction)
    base.actual_periods = [(y, y) for y in window]
    if meets(done, target, comparator, direction):
        base.status = ACHIEVED
        return base
    if as_of >= end:
        base.status = BEHIND
        return base
    if all(y in annual_plan for y in window):
        expected = sum(annual_plan[y] for y in window)
    else:
        expected = target * len(window) / (end - start + 1)
    base.expected_to_date = expected
    base.achievement_to_date = achievement(done, expected, direction)
    base.remaining_years = end - last
    base.needed_per_year = max(target - done, 0.0) / base.remaining_years
    base.status = pace_status(done, expected) if direction == "up" else pace_status(expected, done)
    return base


def assess_level(
    target: float,
    end: int,
    levels: dict[int, float],
    as_of: int,
    comparator: str = "=",
    direction: str = "down",
    baseline: tuple[int, float] | None = None,
) -> Assessment:
    """A stock or rate target read at the end year (e.g. incidence below 8% by 2017), seen from ``as_of``.

    Before the end year, progress is measured along a straight path from the baseline (the latest level
    reported before) to the target. Example: ``assess_level(8, 2017, {2018: 9.12}, 2020, "<").status == "no_data"``.
    """
    start = baseline[0] if baseline else end
    base = Assessment(NO_DATA, start, end, target, comparator, finished=as_of >= end, as_of=as_of)
    if as_of >= end:
        if end in levels:
            base.actual, base.actual_year = levels[end], end
            base.actual_periods = [(end, end)]
            base.achievement = achievement(levels[end], target, direction)
            base.status = judge(levels[end], target, comparator, direction)
        else:
            base.missing_years = [end]
        return base
    seen = [y for y in levels if y <= as_of and (baseline is None or y > baseline[0])]
    if not seen:
        return base
    year = max(seen)
    level = levels[year]
    base.actual, base.actual_year = level, year
    base.actual_periods = [(year, year)]
    base.achievement = achievement(level, target, direction)
    if meets(level, target, comparator, direction):
        base.status = ACHIEVED
        return base
    if baseline is None or baseline[0] >= end:
        base.status = AT_RISK  # no baseline: the pace cannot be measured, only that the target is not yet met
        return base
    b_year, b_value = baseline
    planned = (b_value - target) * (year - b_year) / (end - b_year)
    made = b_value - level
    if direction == "up":
        planned, made = -planned, -made
    base.expected_to_date = b_value - planned if direction == "down" else b_value + planned
    base.remaining_years = end - year
    base.achievement_to_date = made / planned * 100 if planned > 0 else None
    base.status = pace_status(made, planned)
    return base
