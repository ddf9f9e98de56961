"""The overview page: ``views.overview.overview_view`` rendered; a click on a region opens its page."""

from __future__ import annotations

from dash import ALL, Input, Output, ctx, no_update

from layouts import ids
from layouts.overview_page import overview_page
from views.overview import overview_view


def render_overview(session, search: str | None) -> object:
    """The overview for a query string: ``overview_view`` rendered."""
    view = overview_view(session, search)
    return overview_page(view.rows, view.options, view.state, view.bounds, view.state["lang"])


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
