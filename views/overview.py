"""The overview's data: every plan region's assessed rows, worst first, with the indicators that hold targets.

Example: ``overview_view(s, "?plan=revised").rows[0]``
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from analysis.overview import overview_and_targets, year_bounds
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
    regions, figures = read(session)
    bounds = queries.year_span(session) or year_bounds(figures)
    state = urlstate.view_state(search, bounds)
    indicators = queries.indicators(session)
    rows, target_indicators = overview_and_targets(
        figures, regions, indicators, state["plan"], state["from"], state["to"], state["indicator"] or None
    )
    options = [i for i in indicators if i["code"] in target_indicators]
    return OverviewView(rows, options, state, bounds)
