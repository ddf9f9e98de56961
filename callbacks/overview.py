"""The overview page: ``views.overview.overview_view`` rendered; a click on a region opens its page; the region
filter finds regions by name or code as one types (its choice goes to the URL: ``callbacks/filters.py``)."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, no_update

from auth import guard
from db import queries
from layouts import ids, urlstate
from layouts.controls import region_options
from layouts.overview_page import overview_page
from views.overview import overview_view


def render_overview(session, search: str | None) -> object:
    """The overview for a query string: ``overview_view`` rendered."""
    view = overview_view(session, search)
    lang, can_export = view.state["lang"], guard.can_do("export")
    return overview_page(view.rows, view.options, view.state, view.bounds, lang, view.choices, view.path, can_export)


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.OVERVIEW_REGION, "options"),
        Input(ids.OVERVIEW_REGION, "search_value"),
        State(ids.OVERVIEW_REGION, "value"),
        State(ids.OVERVIEW_REGION, "options"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def find_regions(text, value, options, search):
        """The regions whose name or code holds what is typed, after the chosen one (kept, so it stays named)."""
        if not text or not str(text).strip():
            return no_update
        with sessions() as session:
            found = queries.region_choices(session, str(text))
        keep = [o for o in options or () if isinstance(o, dict) and value and o.get("value") == value]
        return region_options(found, urlstate.lang_of(urlstate.parse(search)), keep)

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
