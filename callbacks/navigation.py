"""Routing: path and query string -> page. ``/`` is the overview, ``/region/<adcode>`` a region page."""

from __future__ import annotations

from dash import Input, Output, html

from callbacks import review
from callbacks import upload as upload_pages
from callbacks.map import render_map
from callbacks.overview import render_overview
from callbacks.region import render_region
from db import aggregates
from layouts import ids, urlstate
from layouts.i18n import t
from layouts.synthetic import synthetic_banner


def render(session, pathname: str | None, search: str | None):
    """The page for a path (a pure function of the URL and the database)."""
    pathname = pathname or "/"
    if pathname in upload_pages.PAGES:
        return upload_pages.PAGES[pathname](session, urlstate.lang_of(urlstate.parse(search)))
    if pathname in review.PAGES:
        return review.PAGES[pathname](session, urlstate.lang_of(urlstate.parse(search)))
    if pathname.startswith("/region/"):
        return render_region(session, pathname.split("/")[2], search)
    if pathname == "/map" or pathname.startswith("/map/"):
        state = urlstate.parse(search)
        return render_map(session, pathname[5:].strip("/") or None, state, urlstate.lang_of(state))
    if pathname == "/":
        return render_overview(session, search, urlstate.view_state)
    return html.Div(t("not_found", urlstate.lang_of(urlstate.parse(search))))


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
            review.pending_view(session, search)  # ?pending=1: what this user may see waiting for approval
            page = render(session, pathname, search)
            if aggregates.has_synthetic(session):
                page = html.Div([synthetic_banner(lang), page])
        return page, toggle, t("language", lang)

    # A new page starts at its top (a drill-down click lower on the page would otherwise land mid-page).
    # Registered after ``route`` so that code looking up "the callback of url.pathname" finds the router.
    app.clientside_callback(
        "function(path) { window.scrollTo({top: 0, behavior: 'instant'}); return path; }",
        Output(ids.SCROLL_SINK, "data"),
        Input(ids.URL, "pathname"),
    )
