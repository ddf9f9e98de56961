"""Shape live figures into plan-versus-actual series for one region and indicator.

Input is the figure records from ``db.queries.figures`` (plain records, or ``figures_frame``'s DataFrame) for a
region and its descendants; output is plain data. A region's own figure for a year always wins; children are
summed only where the region has none, and a multi-year figure is never added to the single years inside it.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

SERIES = ("original", "revised", "actual")
COMMITTED, STRETCH = "committed", "stretch"  # target tiers (figures.tier)


@dataclass(slots=True)
class Point:
    year: int
    value: float
    comparator: str = "="
    figure_ids: list[int] = field(default_factory=list)
    rolled_up: bool = False  # True when the value is the sum of child regions' figures
    reliability: str = "official"
    quote: str = ""
    source: str = ""
    plan_version: str = ""
    derived: bool = False  # True when inferred from named targets' exit years (e.g. 0 counties in 2016)
    regions: tuple[str, ...] = ()  # a sum's: the regions whose figures it adds up (``rolled_up`` only)
    # a sum of only some sub-regions that is not compared like with like (``analysis.children.judge_partial``):
    # (sub-regions in the sum, sub-regions in all); never judged against a target, and a running total stops there
    partial: tuple[int, int] | None = None


def records(figures, stretch: bool = False) -> list[dict]:
    """Accept a DataFrame or a list of dicts; always return a list of dicts.

    Stretch-tier targets (奋斗目标数, 力争…: a second figure for the same target) are left out unless ``stretch``:
    actuals are compared with the committed tier only, and a stretch figure is never summed with or put in place
    of a committed one. ``stretch_points`` reads them as a series of their own.
    """
    if hasattr(figures, "to_dict"):
        figures = figures.to_dict("records")
    if stretch:
        return list(figures)
    return [r for r in figures if r.get("tier", COMMITTED) == COMMITTED or r.get("kind") != "target"]


def _select(rows: list[dict], name: str) -> list[dict]:
    annual = [r for r in rows if r["period_start"] == r["period_end"]]
    if name == "actual":
        return [r for r in annual if r["kind"] == "actual"]
    version = "original" if name == "original" else "revision"
    return [r for r in annual if r["kind"] == "target" and r["plan_version_kind"] == version]


SERIES_OF = {"original": "original", "revision": "revised"}  # a target's plan version kind -> its series


def _select_all(rows: list[dict]) -> dict[str, list[dict]]:
    """``_select`` of every series in one pass: {"original": [...], "revised": [...], "actual": [...]}."""
    out: dict[str, list[dict]] = {name: [] for name in SERIES}
    for r in rows:
        if r["period_start"] != r["period_end"]:
            continue
        kind = r["kind"]
        if kind == "actual":
            out["actual"].append(r)
        elif kind == "target":
            name = SERIES_OF.get(r["plan_version_kind"])
            if name is not None:
                out[name].append(r)
    return out


def _pick(rows: list[dict], name: str) -> dict:
    # Originals: the first plan that set the year; revisions and actuals: the newest record.
    if len(rows) == 1:
        return rows[0]
    key = (lambda r: (r["plan_version_id"] or 0, r["id"])) if name != "actual" else (lambda r: (r["batch_id"], r["id"]))
    if name == "original":
        return min(rows, key=key)  # the first of the smallest, as sorted(...)[0]
    newest, newest_key = rows[0], key(rows[0])
    for r in rows[1:]:  # the last of the largest, as sorted(...)[-1]
        k = key(r)
        if k >= newest_key:
            newest, newest_key = r, k
    return newest


# a planner's figure citing no source (db.queries.REPORTED) below a published one: a sum of both claims no more
_RELIABILITY_RANK = {"low": 0, "repost": 1, "uploaded": 2, "edited": 2, "official": 3}


def reliability_rank(value: str) -> int:
    """Lower is less reliable; the least reliable figure names a sum's: ``reliability_rank("uploaded") < 3``."""
    return _RELIABILITY_RANK.get(value, 3)


def _point(row: dict) -> Point:
    # positional: a page builds one per figure record (year, value, comparator, figure_ids, rolled_up, reliability,
    # quote, source, plan_version)
    return Point(
        int(row["period_end"]),
        float(row["value"]),
        row["comparator"] or "=",
        [int(row["id"])],
        False,
        row["reliability"] or "official",
        row["quote"] or "",
        row["source_url"] or row["source"] or "",
        row["plan_version"] or "",
    )


_LOWER_BOUNDS, _UPPER_BOUNDS = frozenset({"=", ">=", ">"}), frozenset({"=", "<=", "<"})


def summed_comparator(comparators: set[str]) -> str:
    """The comparator of a sum, from those of the figures summed: a sum of "at least" figures is at least their
    sum (≥28万 + ≥5万 is ≥33万), and so is one of exact and "at least" figures; bounds both ways, or an "about"
    among them, make an approximate sum (~).

    Examples: ``summed_comparator({">="}) == ">="``; ``summed_comparator({"=", ">"}) == ">="``;
    ``summed_comparator({">=", "<="}) == "~"``; ``summed_comparator({"="}) == "="``.
    """
    if len(comparators) == 1:
        (only,) = comparators
        return only
    if comparators <= _LOWER_BOUNDS:
        return ">="
    if comparators <= _UPPER_BOUNDS:
        return "<="
    return "~"


def _sum_point(year: int, picked: list[dict]) -> Point:
    # one loop over the figures summed (a region page makes a hundred of these sums of a dozen)
    values, ids, comparators, codes = [], [], set(), {}
    reliabilities, quotes, sources = {}, {}, {}  # each value once, in order of appearance
    for p in picked:
        values.append(p["value"])
        comparators.add(p["comparator"] or "=")
        ids.append(int(p["id"]))
        codes[p["region_code"]] = None
        reliabilities[p["reliability"] or "official"] = None
        quote = p["quote"]
        if quote:
            quotes[quote] = None
        sources[p["source_url"] or p["source"] or ""] = None
    # the least reliable source; several with the same rank: the first of them, as min() over all of them picks
    if len(reliabilities) == 1:
        (reliability,) = reliabilities
    else:
        reliability = min(reliabilities, key=reliability_rank)
    return Point(
        year,
        float(sum(values)),
        summed_comparator(comparators),  # ≥28万 summed alone stays ≥28万
        ids,
        True,
        reliability,
        " / ".join(quotes),
        " ".join(sources),
        picked[0]["plan_version"] or "",
        regions=tuple(codes),
    )


@functools.lru_cache(maxsize=65536)
def adcode_ancestors(code: str) -> frozenset[str]:
    """The GB/T 2260 codes above an adcode: ``adcode_ancestors("621122") == {"620000", "621100"}``.

    A figure reported for a region already counts its sub-regions, so a roll-up sums only the highest regions
    that report a year, never a prefecture and its counties together.
    """
    out = {code[:2] + "0000", code[:4] + "00"} if len(code) >= 6 else set()
    if len(code) > 6:
        out.add(code[:6])
    if len(code) == 12:
        out.add(code[:9] + "000")
    out.discard(code)
    return frozenset(out)


def annual_points(figures, region_code: str, name: str, roll_up: bool = True) -> dict[int, Point]:
    """Year -> Point for one series (original, revised or actual) of one region.

    Example: ``annual_points(figs, "621100", "original")[2016].value == 285200``
    """
    return _annual_points(_select(records(figures), name), region_code, name, roll_up)


def _annual_points(rows: list[dict], region_code: str, name: str, roll_up: bool) -> dict[int, Point]:
    own: dict[int, list[dict]] = {}
    below: list[dict] = []  # sub-regions' records, read only with ``roll_up``
    for r in rows:
        if r["region_code"] == region_code:
            year = int(r["period_end"])
            group = own.get(year)
            if group is None:
                own[year] = [r]
            else:
                group.append(r)
        elif roll_up:
            below.append(r)
    return _points(own, *(_by_child(below, own) if below else ({}, {})), name, roll_up)


def _points(own: dict, children: dict, several: dict, name: str, roll_up: bool) -> dict[int, Point]:
    """Year -> Point from one series' records: ``own`` the region's by year, ``children`` and ``several`` its
    sub-regions' (``_by_child``): the region's own figure, else its children's sum."""
    points = {year: _point(group[0] if len(group) == 1 else _pick(group, name)) for year, group in own.items()}
    missing = [year for year in children if year not in points] if roll_up else []
    if missing:
        # ``highest`` of each year's regions; when no region reporting in any year lies below another one (the
        # usual case: sub-regions of one level), every region of every year counts, and no year needs the check
        codes = set().union(*(children[year] for year in missing))
        nested = not all(codes.isdisjoint(adcode_ancestors(code)) for code in codes)
        for year in missing:
            by_child = highest(children[year]) if nested else children[year]
            if several:
                picked = [
                    r if (year, code) not in several else _pick(several[(year, code)], name)
                    for code, r in sorted(by_child.items())
                ]
            else:
                picked = [by_child[code] for code in sorted(by_child)]
            points[year] = _sum_point(year, picked)
    return in_year_order(points)


def highest(by_region: dict[str, list]) -> dict[str, list]:
    """The regions with no region above them among the keys (a prefecture's figure counts its counties)."""
    codes = by_region.keys()
    return {c: g for c, g in by_region.items() if codes.isdisjoint(adcode_ancestors(c))}


def counted(rows: list[dict], name: str) -> list[dict]:
    """The figures a roll-up of one series and period adds up: one per region (see ``_pick``), highest regions
    only. ``rows`` are figure records of one indicator, kind and period from anywhere in a subtree."""
    by_region: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_region[r["region_code"]].append(r)
    return [_pick(group, name) for _, group in sorted(highest(by_region).items())]


def plan_vs_actual(
    figures, region_code: str, roll_up: bool = True, committed: bool = False
) -> dict[str, dict[int, Point]]:
    """All three annual series for one region: {"original": {...}, "revised": {...}, "actual": {...}}.
    ``committed``: ``figures`` are already ``records(figures)`` (as ``analysis.progress`` passes them)."""
    # Each series' records by year, in one pass: the region's own (one record a year, as a rule; more go to
    # ``several`` and ``_pick`` chooses) and, in order, the sub-regions' (summed where it has none).
    own: dict[str, dict[int, dict]] = {"original": {}, "revised": {}, "actual": {}}
    several: dict[str, dict[int, list[dict]]] = {}
    below: dict[str, list[dict]] = {}
    series_of = SERIES_OF
    for r in figures if committed else records(figures):
        end = r["period_end"]
        if r["period_start"] != end:
            continue
        kind = r["kind"]
        if kind == "actual":
            name = "actual"
        elif kind == "target":
            name = series_of.get(r["plan_version_kind"])
            if name is None:
                continue
        else:
            continue
        if r["region_code"] == region_code:
            first = own[name].setdefault(int(end), r)
            if first is not r:
                several.setdefault(name, {}).setdefault(int(end), [first]).append(r)
        else:
            rows = below.get(name)
            if rows is None:
                below[name] = [r]
            else:
                rows.append(r)
    out = {}
    for name, singles in own.items():
        picked = several.get(name)
        children, several_below = _by_child(below[name], singles) if roll_up and name in below else ({}, {})
        if picked is None and not children:
            points = {year: _point(r) for year, r in singles.items()}  # the usual case: one record a year
            out[name] = in_year_order(points)
        else:
            groups = {year: (picked or {}).get(year) or [r] for year, r in singles.items()}
            out[name] = _points(groups, children, several_below, name, roll_up)
    return out


def _by_child(rows: list[dict], own: dict) -> tuple[dict[int, dict[str, dict]], dict[tuple[int, str], list[dict]]]:
    """Year -> child region -> its first record, for the years the region's ``own`` figures leave open (only those
    are summed); and (year, child region) -> all its records, where it has several (``_pick`` chooses)."""
    children: dict[int, dict[str, dict]] = {}
    several: dict[tuple[int, str], list[dict]] = {}
    for r in rows:
        year = int(r["period_end"])
        if year in own:
            continue
        by_child = children.get(year)
        if by_child is None:
            children[year] = {r["region_code"]: r}
        else:
            code = r["region_code"]
            first = by_child.setdefault(code, r)
            if first is not r:
                several.setdefault((year, code), [first]).append(r)
    return children, several


def in_year_order(points: dict[int, Point]) -> dict[int, Point]:
    """``points`` by year: as they are when they came in order (figures usually come sorted by period), else sorted.
    Example: ``list(in_year_order({2019: p, 2018: q})) == [2018, 2019]``"""
    years = iter(points)
    last = next(years, None)
    for year in years:
        if year <= last:
            return dict(sorted(points.items()))
        last = year
    return points


def stretch_points(figures, region_code: str, plan: str = "original") -> dict[int, Point]:
    """Year -> the region's own stretch-tier target (力争, 奋斗目标数), to show beside the committed plan; never
    rolled up from sub-regions. ``plan="revised"`` lets a revision's stretch figure replace the original's.

    Example: ``stretch_points(figs, "210781")`` -> ``{2017: Point(year=2017, value=..., ...)}``
    """
    rows = [
        r
        for r in records(figures, stretch=True)
        if r["kind"] == "target"
        and r.get("tier") == STRETCH
        and r["region_code"] == region_code
        and r["period_start"] == r["period_end"]
    ]
    by_year: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        by_year[int(r["period_end"])].append(r)
    points = {}
    for year, group in by_year.items():
        originals = [r for r in group if r["plan_version_kind"] != "revision"]
        revisions = [r for r in group if r["plan_version_kind"] == "revision"]
        if plan == "revised" and revisions:
            points[year] = _point(_pick(revisions, "revised"))
        elif originals:
            points[year] = _point(_pick(originals, "original"))
    return dict(sorted(points.items()))


def stretch_years(figures, plan: str = "original") -> set[int]:
    """The years with an annual stretch-tier target of ``plan`` (a revision's only with ``plan="revised"``) in any
    region of ``figures``, a region's and its sub-regions' records: a committed plan that has no figure for such a
    year has one it cannot add up (``Progress.plan_unknown``).

    Example (汉中's 洋县: 2016 28万, 2017 力争 30万, 2018 ≥28万): ``stretch_years(figs, "revised") == {2017}``
    """
    return {
        int(r["period_end"])
        for r in records(figures, stretch=True)
        if r["kind"] == "target"
        and r.get("tier") == STRETCH
        and r["period_start"] == r["period_end"]
        and (plan == "revised" or r["plan_version_kind"] != "revision")
    }


def effective_plan(series: dict[str, dict[int, Point]], plan: str = "original") -> dict[int, Point]:
    """The plan to measure against: the original, or the original with revised years replacing it.

    Example: ``effective_plan(s, "revised")[2019].value == 565000`` for 陕西 (original 635000).
    """
    if plan == "revised":
        return dict(sorted({**series.get("original", {}), **series.get("revised", {})}.items()))
    return dict(series.get("original", {}))


def span_figures(figures, region_code: str, committed: bool = False) -> list[dict]:
    """Multi-year figures of the region itself (e.g. 2014–2020 totals), kept apart from annual bars;
    ``committed`` as for ``plan_vs_actual``."""
    spans = [
        r
        for r in (figures if committed else records(figures))
        if r["period_start"] != r["period_end"]
        and r["region_code"] == region_code
        and r["kind"] in ("target", "actual")
    ]
    return sorted(spans, key=lambda r: (r["period_end"], r["kind"], r["period_start"]))


def years(series: dict[str, dict[int, Point]]) -> list[int]:
    return sorted({y for points in series.values() for y in points})
