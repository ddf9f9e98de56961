"""Region page: build the page for a region, change indicator, show sources of a clicked bar."""

from __future__ import annotations

from dash import Input, Output, State, html, no_update

from analysis.series import plan_vs_actual, span_figures
from callbacks import urlstate
from db import queries
from layouts import ids
from layouts.charts import plan_actual_figure
from layouts.i18n import name, t
from layouts.region_page import region_page, source_cards


def render_region(session, code: str, state: dict, lang: str):
    path = queries.region_path(session, code)
    if not path:
        return html.Div(t("not_found", lang))
    codes = [code, *queries.descendant_codes(session, code)]
    available = queries.indicators_with_figures(session, codes)
    catalogue = {i["code"]: i for i in queries.indicators(session)}
    options = [catalogue[c] for c in available if c in catalogue]
    chosen = state.get("indicator") if state.get("indicator") in available else (available[0] if available else None)
    if chosen is None:
        return region_page(path, [], None, None, [], "", lang)
    indicator = catalogue[chosen]
    frame = queries.figures(session, region_codes=codes, indicator=chosen)
    series = plan_vs_actual(frame, code)
    title = f"{name(path[-1], lang)} · {name(indicator, lang)}"
    figure = plan_actual_figure(series, indicator["unit"], title, lang)
    return region_page(path, options, chosen, figure, span_figures(frame, code), indicator["unit"], lang)


def register(app, sessions) -> None:
    @app.callback(Output(ids.URL, "search"), Input(ids.INDICATOR_SELECT, "value"), State(ids.URL, "search"),
                  prevent_initial_call=True)
    def choose_indicator(indicator: str | None, search: str | None):
        if not indicator or urlstate.parse(search).get("indicator") == indicator:
            return no_update
        return urlstate.with_changes(search, indicator=indicator)

    @app.callback(Output(ids.SOURCE_PANEL, "children"), Input(ids.PLAN_CHART, "clickData"), State(ids.URL, "search"),
                  prevent_initial_call=True)
    def show_sources(click: dict | None, search: str | None):
        if not click or not click.get("points"):
            return no_update
        raw = click["points"][0].get("customdata") or [""]
        figure_ids = [int(x) for x in str(raw[0]).split(",") if x.isdigit()]
        with sessions() as session:
            rows = queries.sources_of(session, figure_ids).to_dict("records")
        return source_cards(rows, urlstate.lang_of(urlstate.parse(search)))
