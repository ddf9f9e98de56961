"""Named targets: a plan that names which sub-regions reach a goal in which year (定西: 陇西 exits in 2016).

A named target is a single-year ``counties_exited`` target of value 1 on a county (that county's exit); its
actual is the first single-year actual of the same indicator on that county. From the exit years of every
named county, the parent's exits in a year with no reported figure are known to be zero (all seven 定西
counties exited in 2019–2020, so none exited in 2016): those derived points are marked ``derived``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.series import Point, records, reliability_rank

NAMED_INDICATORS = {"counties_exited"}  # a value of 1 on a county is that county's own exit


@dataclass
class NamedTarget:
    region_code: str
    region_name: str
    planned_year: int
    actual_year: int | None
    target_ids: list[int] = field(default_factory=list)
    actual_ids: list[int] = field(default_factory=list)
    reliability: str = "official"  # of the actual exit's source

    @property
    def delay(self) -> int | None:
        """Years late (negative: early); None while no exit is reported."""
        return None if self.actual_year is None else self.actual_year - self.planned_year


def named_targets(figures, region_code: str, plan: str = "original") -> list[NamedTarget]:
    """Named targets below ``region_code`` for the indicator in ``figures``, ordered by plan year.

    Example: ``[(n.region_name, n.planned_year, n.actual_year) for n in named_targets(figs, "621100")][0]``
    gives ``("安定区", 2016, 2019)``.
    """
    annual = [
        r for r in records(figures) if r["period_start"] == r["period_end"] and r["indicator"] in NAMED_INDICATORS
    ]
    rows = [r for r in annual if r["region_code"] != region_code]
    if not any(r["kind"] == "target" for r in rows):
        rows = annual  # a county on its own page: its own exit is the named target
    version = "original" if plan == "original" else "revision"
    targets: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: (r["plan_version_id"] or 0, r["id"])):
        if r["kind"] != "target" or float(r["value"]) != 1:
            continue
        if r["plan_version_kind"] == "original" and r["region_code"] not in targets:
            targets[r["region_code"]] = r
        elif r["plan_version_kind"] == version == "revision":
            targets[r["region_code"]] = r
    actuals: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: (r["period_end"], r["id"])):
        if r["kind"] == "actual" and float(r["value"]) > 0 and r["region_code"] in targets:
            actuals.setdefault(r["region_code"], r)
    out = [
        NamedTarget(
            code,
            t["region_name"],
            int(t["period_end"]),
            int(actuals[code]["period_end"]) if code in actuals else None,
            [int(t["id"])],
            [int(actuals[code]["id"])] if code in actuals else [],
            (actuals[code]["reliability"] or "official") if code in actuals else "official",
        )
        for code, t in targets.items()
    ]
    return sorted(out, key=lambda n: (n.planned_year, n.actual_year or 9999, n.region_code))


def derived_zero_years(named: list[NamedTarget], actual: dict[int, Point], years: list[int]) -> dict[int, Point]:
    """Zero-exit points for ``years`` with no actual, when every named child's exit year is known."""
    if not named or any(n.actual_year is None for n in named):
        return {}
    ids = [i for n in named for i in n.actual_ids]
    worst = min((n.reliability for n in named), key=reliability_rank)
    return {
        y: Point(year=y, value=0.0, figure_ids=ids, rolled_up=True, derived=True, reliability=worst)
        for y in years
        if y not in actual
    }
