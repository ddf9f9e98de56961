"""The overview's data: every plan region's assessed rows, worst first, with the indicators that hold targets.

Example: ``overview_view(s, "?plan=revised").rows[0]``
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from analysis.overview import overview_and_targets, overview_of_sums, year_bounds
from analysis.sums import sum_record
from db import queries, scaled_views
from layouts import urlstate


@dataclass
class OverviewView:
    rows: list  # analysis.overview rows, worst first
    options: list[dict]  # indicators that hold targets
    state: dict
    bounds: tuple[int, int]


def overview_view(
    session: Session,
    search: str | None = "",
    read: Callable[[Session], tuple[list[dict], list[dict]]] = scaled_views.overview_records,
) -> OverviewView:
    """The overview for a query string; ``read`` gives (regions, figure records) (the benchmark's peer passes its
    own). Example: ``overview_view(s, "").state["plan"] == "original"``"""
    if read is scaled_views.overview_records:  # at scale, the provinces' sums: each made a point directly
        regions, sums = scaled_views.overview_sums(session)
        figures = queries.figures(session) if sums is None else sums
    else:
        (regions, figures), sums = read(session), None
    bounds = queries.year_span(session) or year_bounds(figures if sums is None else [sum_record(r) for r in sums])
    state = urlstate.view_state(search, bounds)
    indicators = queries.indicators(session)
    assess = overview_and_targets if sums is None else overview_of_sums
    rows, target_indicators = assess(
        figures, regions, indicators, state["plan"], state["from"], state["to"], state["indicator"] or None
    )
    options = [i for i in indicators if i["code"] in target_indicators]
    return OverviewView(rows, options, state, bounds)
