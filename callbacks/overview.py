"""The overview page: all figures -> assessed rows, worst first."""

from __future__ import annotations

from analysis.overview import overview_rows, year_bounds
from db import queries
from db.dashboard_queries import figure_records, year_span
from layouts.overview_page import overview_page


def render_overview(session, search: str | None, view_state) -> object:
    figures = figure_records(session)
    bounds = year_span(session) or year_bounds(figures)
    state = view_state(search, bounds)
    indicators = queries.indicators(session)
    rows = overview_rows(
        figures,
        queries.regions(session),
        indicators,
        state["plan"],
        state["from"],
        state["to"],
        state["indicator"] or None,
    )
    target_indicators = {r["indicator"] for r in figures if r["kind"] == "target"}
    options = [i for i in indicators if i["code"] in target_indicators]
    return overview_page(rows, options, state, bounds, state["lang"])
