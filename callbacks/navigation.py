"""Routing: path and query string -> page, through the table in ``callbacks.routes``."""

from __future__ import annotations

from dash import Input, Output, html

from auth import guard
from callbacks import routes
from db import queries
from db.cache import data_version
from layouts import ids, urlstate
from layouts.data_version import data_version_note
from layouts.plain import plain
from layouts.synthetic import synthetic_banner
from text.i18n import t
from views.approval import count_pending


def render(session, pathname: str | None, search: str | None):
    """The page for a path (a pure function of the URL and the database)."""
    found = routes.find(pathname)
    if found is None:
        return html.Div(t("not_found", urlstate.lang_of(urlstate.parse(search))))
    page, params = found
    return page.render(session, params, search)


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.LANG_TOGGLE, "href"),
        Output(ids.LANG_TOGGLE, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
    def route(pathname: str | None, search: str | None):
        lang = urlstate.lang_of(urlstate.parse(search))
        toggle = (pathname or "/") + urlstate.with_changes(search, lang="zh" if lang == "en" else "en")
        with sessions() as session:
            count_pending(session, search, guard.current_principal())  # ?pending=1: what this user may see waiting
            page = render(session, pathname, search)
            if queries.has_synthetic(session):
                page = html.Div([synthetic_banner(lang), page])
            page = html.Div([page, data_version_note(data_version(session), lang)])
        return plain(page), toggle, t("language", lang)  # the JSON form, built in one pass (layouts/plain.py)

    # The frame's hidden chart, once it has made the browser ask for dcc.Graph's code (webpack's script tag),
    # is removed before that code has run: it never draws (layouts/shell.py). Not yet asked: kept, and it draws
    app.clientside_callback(
        "function(_id) {"
        " return document.querySelector('script[src*=\"async-graph\"]') ? null : window.dash_clientside.no_update; }",
        Output(ids.GRAPH_PRELOAD_SLOT, "children"),
        Input(ids.GRAPH_PRELOAD_SLOT, "id"),
    )

    # A new page starts at its top (a drill-down click lower on the page would otherwise land mid-page).
    # Registered after ``route`` so that code looking up "the callback of url.pathname" finds the router.
    app.clientside_callback(
        "function(path) { window.scrollTo({top: 0, behavior: 'instant'}); return path; }",
        Output(ids.SCROLL_SINK, "data"),
        Input(ids.URL, "pathname"),
    )
