"""Consistency flags: where a figure exists at two levels, do they add up?

Two kinds of check for one region and indicator:

* ``span``: a multi-year figure (陕西 2018–2020: 183.27万) against the single years inside it
  (101.7万 + 63.5万 + 18.07万). The multi-year figure is compared with the years, never added to them;
  when an actual year inside is missing the check says so instead of comparing; a target schedule that
  leaves a year without a target is compared over the years it sets, and says which it left out.
* ``children``: a region's own figure for a year (陕西 2018: 23 counties exited) against the sum of its
  sub-regions' figures for that year (23 county exits). Only a sum above the region's figure, or a full set of
  sub-regions (each with a figure of its own) whose sum differs, is inconsistent: when some sub-regions do not
  report (昭通 2016: 1 of 11 counties), a sum below the region's figure is expected and cannot be checked.

Example: ``[c.agrees for c in consistency_checks(figs, "610000")]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.regions import children_of
from analysis.series import _annual_points, _select_all, records

RELATIVE_TOLERANCE = 0.005  # rounding in published figures (183.27万 written to two decimals)


@dataclass
class Check:
    check: str  # span | children
    kind: str  # target | actual
    start: int
    end: int
    stated: float
    summed: float | None
    parts: int
    missing_years: list[int] = field(default_factory=list)
    figure_ids: list[int] = field(default_factory=list)
    # children checks: the region's direct sub-regions, and how many of them report a figure of their own that
    # year (None: the sub-regions are not known, every part is taken as reported)
    sub_regions: int | None = None
    reporting: int | None = None
    comparator: str = "="  # the stated figure's (">" for "30多万"), said with it

    @property
    def complete(self) -> bool:
        """Whether the sum covers every part: always for spans (missing years say otherwise), for children when
        every direct sub-region reports a figure of its own."""
        return self.check != "children" or self.sub_regions is None or self.reporting == self.sub_regions

    @property
    def agrees(self) -> bool | None:
        """True or False when comparable; None when parts are missing (a span's years, or sub-regions that do not
        report and leave the sum below the region's own figure, as expected)."""
        if self.summed is None:
            return None
        slack = RELATIVE_TOLERANCE * max(abs(self.stated), 1.0)
        if abs(self.summed - self.stated) <= slack:
            return True
        if not self.complete and self.summed < self.stated:
            return None  # the sub-regions not reporting may hold the rest
        return False


def _agree_ids(points: dict, years: list[int]) -> list[int]:
    return [i for y in years if y in points for i in points[y].figure_ids]


def _reporting(rows: list[dict], direct: set[str]) -> dict[int, set[str]]:
    """Year -> the direct sub-regions with a figure of their own (a page's summed record of a sub-region's
    subtree is not one: it may sum only some of the regions below)."""
    out: dict[int, set[str]] = {}
    for r in rows:
        if r["region_code"] in direct and r.get("source_kind") != "sum":
            out.setdefault(int(r["period_end"]), set()).add(r["region_code"])
    return out


def consistency_checks(
    figures,
    region_code: str,
    plan: str = "original",
    regions: list[dict] | None = None,
    children: dict[str, list[str]] | None = None,
    additive: bool = True,
) -> list[Check]:
    """All checks for the region (figures: one indicator, the region and its descendants). ``regions`` (with
    ``parent_code``) tell how many direct sub-regions there are, so that a sum of some of them is not taken for
    all; without them every sub-region is taken as reporting. ``children``: ``children_of(regions)``, when the
    caller has it already. ``additive`` false (a rate, a level per person: ``analysis.indicators.is_additive``):
    nothing adds up, over years or sub-regions, so there is nothing to check."""
    if not additive:
        return []
    rows = records(figures)
    selected = _select_all(rows)  # each series' annual rows, selected once for every reading below
    name_of = {"target": "original" if plan == "original" else "revised", "actual": "actual"}
    out: list[Check] = []
    # each series read twice, once without the sub-regions and once from them alone: the region's own points and
    # its sub-regions' sums; with the sums filling the years it does not report, the two make its rolled-up series
    own = {name: _annual_points(selected[name], region_code, name, False) for name in name_of.values()}
    spans = [
        r
        for r in rows
        if r["region_code"] == region_code and r["period_start"] != r["period_end"] and r["kind"] in name_of
    ]
    # the sums are compared with the region's own years, and with its multi-year figures: none, no sums to make
    needed = set(name_of.values()) if spans else {name for name, points in own.items() if points}
    summed = {
        name: _annual_points([r for r in selected[name] if r["region_code"] != region_code], region_code, name, True)
        if name in needed
        else {}
        for name in name_of.values()
    }
    own_annual: dict[str, dict] = {}
    original: dict = {}
    if spans:
        own_annual = {k: dict(sorted({**summed[name], **own[name]}.items())) for k, name in name_of.items()}
        if plan == "revised":
            original = _annual_points(selected["original"], region_code, "original", True)
            own_annual["target"] = {**original, **own_annual["target"]}
    for span in spans:
        years = list(range(int(span["period_start"]), int(span["period_end"]) + 1))
        points = own_annual[span["kind"]]
        if plan == "revised" and span["kind"] == "target" and span.get("plan_version_kind") != "revision":
            points = original  # a plan's own total against its own years, whichever plan the page shows
        inside = [y for y in years if y in points]
        if not inside:
            continue
        missing = [y for y in years if y not in points]
        # A plan's schedule may leave a year without a target (陕西: 52 counties in 2018-2019, none set for
        # 2020): the years it does set are compared. A missing actual is unknown, so actuals are not summed.
        partial_ok = span["kind"] == "target"
        summed_inside = sum(points[y].value for y in inside)
        if missing and summed_inside < float(span["value"]) * (1 - RELATIVE_TOLERANCE):
            partial_ok = False  # 35 set for 2017 of 65 by 2018: the year left without a target may hold the rest
        out.append(
            Check(
                "span",
                span["kind"],
                years[0],
                years[-1],
                float(span["value"]),
                None if missing and not partial_ok else summed_inside,
                len(inside),
                missing,
                [int(span["id"]), *_agree_ids(points, years)],
                comparator=span.get("comparator") or "=",
            )
        )
    if regions is not None and children is None:
        children = children_of(regions)
    direct = set(children.get(region_code, [])) if regions is not None else None
    for kind, name in name_of.items():
        own_points, children = own[name], summed[name]
        reporting = _reporting(selected[name], direct) if direct is not None and children else {}
        for year in sorted(set(own_points) & set(children)):
            out.append(
                Check(
                    "children",
                    kind,
                    year,
                    year,
                    own_points[year].value,
                    children[year].value,
                    len(children[year].figure_ids),
                    [],
                    own_points[year].figure_ids + children[year].figure_ids,
                    len(direct) if direct is not None else None,
                    len(reporting.get(year, ())) if direct is not None else None,
                    own_points[year].comparator,
                )
            )
    return out
