"""Any clicked number, bar, point or grid cell -> the sources panel with its figures' documents and quotes."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, no_update

from auth import guard
from db import queries
from db.map_queries import region_names
from layouts import ids, urlstate
from layouts.components import parse_figure_ids
from layouts.notes_view import note_cards
from layouts.sources import source_cards
from text.i18n import both
from views.approval import count_visible_pending, notes_of_figures


def clicked_figure_ids(triggered_id, value) -> list[int]:
    """Figure ids from a source link's id or a chart's clickData (customdata[0])."""
    if not value:
        return []
    if isinstance(triggered_id, dict) and triggered_id.get("type") == ids.SOURCE_LINK:
        return parse_figure_ids(triggered_id.get("figs"))
    points = value.get("points") or [] if isinstance(value, dict) else []
    custom = points[0].get("customdata") if points else None
    return parse_figure_ids(custom[0] if isinstance(custom, list) and custom else custom)


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.SOURCE_PANEL, "is_open"),
        Output(ids.SOURCE_BODY, "children"),
        Output(ids.SOURCE_PANEL, "title"),
        Input({"type": ids.SOURCE_LINK, "cell": ALL, "figs": ALL}, "n_clicks"),
        Input({"type": ids.CHART, "name": ALL}, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_sources(_clicks, _chart_clicks, search: str | None):
        trigger = ctx.triggered[0] if ctx.triggered else {}
        return panel(clicked_figure_ids(ctx.triggered_id, trigger.get("value")), search)

    @app.callback(
        Output(ids.SOURCE_PANEL, "is_open", allow_duplicate=True),
        Output(ids.SOURCE_BODY, "children", allow_duplicate=True),
        Output(ids.SOURCE_PANEL, "title", allow_duplicate=True),
        Input({"type": ids.STATUS_GRID, "name": ALL}, "cellClicked"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_grid_sources(_cells, search: str | None):
        cell = ctx.triggered[0]["value"] if ctx.triggered else None
        value = (cell or {}).get("value")
        return panel(parse_figure_ids(value.get("ids")) if isinstance(value, dict) else [], search)

    def panel(figure_ids: list[int], search: str | None):
        if not figure_ids:
            return no_update, no_update, no_update
        lang = urlstate.lang_of(urlstate.parse(search))
        with sessions() as session:
            count_visible_pending(session, guard.current_principal())
            rows = queries.sources_of(session, figure_ids)
            reported = set(queries.REPORTED.values())
            users = queries.batch_users(session, [r["batch_id"] for r in rows if r["reliability"] in reported])
            notes = notes_of_figures(session, rows)
            names = region_names(session, sorted({r["region_code"] for r in rows})) if lang == "en" else {}
        return True, source_cards(rows, lang, names, users) + note_cards(notes, lang), both("sources_title")
