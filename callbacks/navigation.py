"""Routing: path and query string -> page."""

from __future__ import annotations

from dash import Input, Output, html

from callbacks import urlstate
from callbacks.map import render_map
from callbacks.region import render_region
from db import queries
from layouts import ids
from layouts.i18n import t
from layouts.overview_page import overview_page


def register(app, sessions) -> None:
    @app.callback(Output(ids.PAGE, "children"), Output(ids.LANG_TOGGLE, "href"),
                  Input(ids.URL, "pathname"), Input(ids.URL, "search"))
    def route(pathname: str | None, search: str | None):
        state = urlstate.parse(search)
        lang = urlstate.lang_of(state)
        toggle = urlstate.with_changes(search, lang="zh" if lang == "en" else "en")
        pathname = pathname or "/"
        with sessions() as session:
            if pathname.startswith("/region/"):
                return render_region(session, pathname.split("/")[2], state, lang), toggle
            if pathname == "/map" or pathname.startswith("/map/"):
                return render_map(session, pathname[5:].strip("/") or None, state, lang), toggle
            if pathname == "/":
                return overview_page(queries.regions_with_targets(session), lang), toggle
        return html.Div(t("not_found", lang)), toggle
