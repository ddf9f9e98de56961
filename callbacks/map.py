"""Map page and region-page map panel: URL state -> queries -> map figure; clicks drill down."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import Input, Output, State, ctx, no_update
from flask import has_request_context

from auth import guard
from db import queries
from geo import boundaries
from layouts import ids, urlstate
from layouts.map_figures import TITLE_PX
from layouts.map_page import (
    PAGE_HEIGHT_PX,
    PANEL_HEIGHT_PX,
    MapControls,
    exit_rows,
    map_href,
    map_page,
    map_panel,
    progress_rows,
)
from text.i18n import name, t, tf
from views.map import MapView, build_view, figure_of


def render_map(session, code: str | None, state: dict, lang: str):
    """The map page for the whole country (``code`` None) or one region's sub-regions."""
    view = build_view(session, code, state, lang)
    if view is None:
        return t("not_found", lang)
    figure = figure_of(view, lang, height_px=PAGE_HEIGHT_PX - TITLE_PX)  # fitted to the page's graph
    names = {f["id"]: f["properties"]["name_en" if lang == "en" else "name_zh"] for f in view.features}
    if view.exit_view:
        headers = [
            t("region", lang),
            t("planned_exit", lang),
            t("actual_exit", lang),
            t("delay", lang),
            t("status", lang),
        ]
        view.delays = dict(sorted(view.delays.items(), key=lambda item: _exit_order(*item)))
        rows = exit_rows(names, view.delays, lang)
    else:
        headers = [t("region", lang), t("year", lang), t("map_plan", lang), t("actual", lang), t("achievement", lang)]
        headers.append(t("status", lang))
        rows = progress_rows(names, view.progress, view.unit, lang)
    controls = MapControls(
        [{"label": name(i, lang), "value": i["code"]} for i in view.indicators],
        view.indicator,
        view.years,
        view.year,
        view.colour_by,
        view.plan_kind,
        view.exit_view,
    )
    state = {"indicator": view.indicator, "year": view.year, "colour": view.colour_by, "plan": view.plan_kind}
    query = map_href(None, lang, region=code, **state).split("?", 1)[1] if _can_export() else None
    region_link = None
    if code and view.in_region_table:
        region_link = (f"/region/{code}?lang={lang}", tf("region_page_link", lang, name=view.crumbs[-1][1]))
    codes = list(view.delays if view.exit_view else view.progress)
    notice = tf("map_no_figures", lang, indicator=name(_indicator(view), lang)) if view.no_figures else None
    table = (headers, rows, codes)
    return map_page(view.crumbs, view.title, controls, figure, table, query, region_link, lang, notice)


def _indicator(view: MapView) -> dict:
    return next(i for i in view.indicators if i["code"] == view.indicator)


def region_map_panel(session, code: str, indicator: str | None, lang: str, plan: str = "original"):
    """The region page's map of its sub-regions for the page's indicator and plan, or None without any."""
    if not boundaries.children(code):
        return None
    view = build_view(session, code, {"indicator": indicator or "", "plan": plan}, lang)
    note = None
    if view is not None and view.no_figures:  # the page's indicator has no figures below: show one that has, say so
        asked = name(_indicator(view), lang)
        view = build_view(session, code, {"plan": plan}, lang)
        if view.indicator:
            note = tf("panel_other_indicator", lang, asked=asked, shown=name(_indicator(view), lang))
    if view is None or view.indicator is None:
        return None
    figure = figure_of(view, lang, height_px=PANEL_HEIGHT_PX - TITLE_PX)  # fitted to the panel, whole outline in
    return map_panel(figure, map_href(code, lang, indicator=view.indicator, plan=plan), lang, note)


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.MAP_INDICATOR, "value"),
        Input(ids.MAP_YEAR, "value"),
        Input(ids.MAP_COLOUR, "value"),
        Input(ids.MAP_PLAN, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def choose(indicator: str | None, year, colour: str | None, plan: str | None, search: str | None):
        state = urlstate.parse(search)
        wanted = {**state, "indicator": indicator, "year": str(year), "colour": colour, "plan": plan}
        new_indicator = ctx.triggered_id == ids.MAP_INDICATOR and indicator != state.get("indicator")
        if new_indicator or year in (None, "latest"):
            wanted.pop("year")  # a new indicator has its own years: the page picks one (the page setting its
            # dropdowns to the address's own indicator is none: ?year=2018 stays)
        wanted = {k: v for k, v in wanted.items() if v}
        return no_update if wanted == state else "?" + urlencode(wanted)

    @app.callback(
        Output(ids.URL, "href", allow_duplicate=True),
        Input(ids.MAP_GRAPH, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def drill(click: dict | None, search: str | None):
        code = _clicked(click)
        if code is None:
            return no_update
        state = urlstate.parse(search)
        lang = urlstate.lang_of(state)
        if boundaries.children(code):
            return map_href(code, lang, **{k: state.get(k) for k in ("indicator", "colour", "plan")})
        return _region_page_href(sessions, code, lang, state)

    @app.callback(
        Output(ids.URL, "href", allow_duplicate=True),
        Input(ids.REGION_MAP, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def open_child_region(click: dict | None, search: str | None):
        code = _clicked(click)
        if code is None:
            return no_update
        state = urlstate.parse(search)
        return _region_page_href(sessions, code, urlstate.lang_of(state), state)


def _region_page_href(sessions, code: str, lang: str, state: dict):
    """A region's page, keeping indicator and plan; no move for a county the region table does not hold."""
    with sessions() as session:
        if queries.region(session, code) is None:
            return no_update
    query = urlstate.with_changes("", lang=lang, indicator=state.get("indicator"), plan=state.get("plan"))
    return f"/region/{code}{query}"


def _can_export() -> bool:
    return has_request_context() and guard.can_do("export")


def _exit_order(code: str, d) -> tuple:
    """Exited counties first, by exit year; then planned ones; then counties without exit figures."""
    return (d.actual is None, d.planned is None, d.actual.year if d.actual else 0, code)


def _clicked(click: dict | None) -> str | None:
    if not click or not click.get("points"):
        return None
    data = click["points"][0].get("customdata")
    return str(data[0]) if data else None
