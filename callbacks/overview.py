"""The overview page: all figures -> assessed rows, worst first; a click on a region opens its page."""

from __future__ import annotations

from dash import ALL, Input, Output, ctx, no_update

from analysis.overview import overview_rows, year_bounds
from db import queries, scaled_views
from layouts import ids
from layouts.overview_page import overview_page


def render_overview(session, search: str | None, view_state) -> object:
    regions, figures = scaled_views.overview_records(session)
    bounds = queries.year_span(session) or year_bounds(figures)
    state = view_state(search, bounds)
    indicators = queries.indicators(session)
    rows = overview_rows(
        figures,
        regions,
        indicators,
        state["plan"],
        state["from"],
        state["to"],
        state["indicator"] or None,
    )
    target_indicators = {r["indicator"] for r in figures if r["kind"] == "target"}
    options = [i for i in indicators if i["code"] in target_indicators]
    return overview_page(rows, options, state, bounds, state["lang"])


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.URL, "href", allow_duplicate=True),
        Input({"type": ids.STATUS_GRID, "name": ALL}, "cellClicked"),
        prevent_initial_call=True,
    )
    def open_region(_cells):
        cell = ctx.triggered[0]["value"] if ctx.triggered else None
        if not cell or cell.get("colId") != "region" or not str(cell.get("value", "")).startswith("/region/"):
            return no_update
        return cell["value"]
