"""The overview's data: every plan region's assessed rows, worst first, with the indicators that hold targets.

With ``?region=<code>`` only that region's subtree: the overview's rows of the region and the regions below it,
exactly as the whole-country overview shows them (甘肃 keeps 定西's rows). A region inside a row's region (a county
of a prefecture's plan, or, at scale, where the overview sums provinces, a prefecture) would keep none: it gets the
rows of its own subtree instead, read as its region page reads it (``db.scaled_views.region_records``).

Example: ``overview_view(s, "?plan=revised").rows[0]``; ``overview_view(s, "?region=620000").rows`` (定西's)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from analysis.named import NAMED_INDICATORS
from analysis.overview import overview_and_targets, overview_of_sums, row_order, year_bounds
from analysis.regions import children_of, descendants, plan_regions
from analysis.sums import sum_record
from db import queries, scaled_views, tree
from layouts import urlstate


@dataclass
class OverviewView:
    rows: list  # analysis.overview rows, worst first
    options: list[dict]  # indicators that hold targets
    state: dict
    bounds: tuple[int, int]
    path: list[dict] = field(default_factory=list)  # the region filtered on and its ancestors, root first; [] none
    choices: list[dict] = field(default_factory=list)  # the region filter's first choices (queries.region_choices)


def overview_view(
    session: Session,
    search: str | None = "",
    read: Callable[[Session], tuple[list[dict], list[dict]]] = scaled_views.overview_records,
    read_region: Callable[[Session, str], tuple[list[dict], list[dict]]] = scaled_views.region_records,
) -> OverviewView:
    """The overview for a query string; ``read`` gives (regions, figure records) (the benchmark's peer passes its
    own), ``read_region`` the same for one region's subtree (``?region=``; an unknown code is the whole country).
    Example: ``overview_view(s, "").state["plan"] == "original"``"""
    code = urlstate.region_code(urlstate.parse(search).get("region"))
    path = queries.region_path(session, code) if code else []
    if read is scaled_views.overview_records:  # at scale, the provinces' sums: each made a point directly
        regions, sums = scaled_views.overview_sums(session)
        figures = queries.figures(session) if sums is None else sums
    else:
        (regions, figures), sums = read(session), None
    bounds = queries.year_span(session) or year_bounds(figures if sums is None else [sum_record(r) for r in sums])
    state = urlstate.view_state(search, bounds)
    state["region"] = path[-1]["code"] if path else ""  # an unknown region: the whole country
    indicators = queries.indicators(session)
    if sums is None:
        assess = overview_and_targets
    else:  # a rate's row is the province's own figure (analysis.overview.overview_of_sums)
        assess = functools.partial(
            overview_of_sums, own=queries.figures(session, region_codes=[r["code"] for r in regions])
        )
    args = (indicators, state["plan"], state["from"], state["to"], state["indicator"] or None)
    rows, target_indicators = assess(figures, regions, *args)
    if path:
        rows = _within(session, path, rows, read_region, args)
    options = [i for i in indicators if i["code"] in target_indicators]
    return OverviewView(rows, options, state, bounds, path, choices(session, path))


def _within(session: Session, path: list[dict], rows: list, read_region, args: tuple) -> list:
    """The overview's rows in the subtree of ``path[-1]``; for a region inside a row's region (a county of a
    prefecture's plan, a prefecture of a province summed at scale), its own rows from its subtree instead."""
    code, above = path[-1]["code"], {r["code"] for r in path[:-1]}
    shown = {region["code"] for region, _ in rows}
    inside = tree.inside(session, code, shown)
    if inside or not above & shown:
        kept = [row for row in rows if row[0]["code"] in inside]
        return sorted(kept + _planned_below(session, code, kept, read_region, args), key=row_order)
    regions, figures = read_region(session, code)  # the region page's reader: its path, its subtree's records
    own, _ = overview_and_targets(figures, regions, *args)
    return [row for row in own if row[0]["code"] not in above]


def _planned_below(session: Session, code: str, rows: list, read_region, args: tuple) -> list:
    """The rows of the regions below a row whose targets of an indicator are sums of theirs (广西's 脱贫人口 of
    百色's, 柳州's and 马山县's targets): each such region's own row of that indicator, from its subtree, so that
    the filter lists the sub-regions whose figures make a sum, not that sum alone. Named targets (定西's county
    exits) are one plan's list, which the region page lists already: no row each."""
    summed = [
        (region["code"], p.indicator["code"])
        for region, p in rows
        if p.rollup and p.rollup.plan_counts and p.indicator["code"] not in NAMED_INDICATORS
    ]
    if not summed:
        return []
    regions, figures = read_region(session, code)
    children = children_of(regions)
    out = []
    for top, indicator in summed:
        below = set(descendants(regions, top, children))
        holders = {r["region_code"] for r in figures if r["indicator"] == indicator and r["kind"] == "target"}
        for planner in plan_regions(regions, holders & below):
            codes = {planner, *descendants(regions, planner, children)}
            mine = [r for r in figures if r["indicator"] == indicator and r["region_code"] in codes]
            own, _ = overview_and_targets(mine, regions, *args[:-1], indicator)
            out += own
    return out


def choices(session: Session, path: list[dict]) -> list[dict]:
    """The region filter's choices before anything is typed: the top-level regions, then the chosen region's
    path below them (so the chosen one is shown by name), each with its parent's names."""
    out = queries.region_choices(session)
    known = {r["code"] for r in out}
    for parent, region in zip([None, *path], path, strict=False):
        if region["code"] not in known:
            names = {"parent_zh": parent["name_zh"], "parent_en": parent["name_en"]} if parent else {}
            out.append({**region, "parent_zh": "", "parent_en": "", **names})
    return out
