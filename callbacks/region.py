"""Region page: ``views.region.region_view`` rendered (charts, tables, status grid); the map panel; drill-down."""

from __future__ import annotations

from dash import Input, Output, State, html, no_update

from auth import guard
from callbacks.map import region_map_panel
from layouts import ids, urlstate
from layouts.charts import children_figure, cumulative_figure, plan_actual_figure
from layouts.notes_view import notes_section, with_note_markers
from layouts.overview_page import status_grid
from layouts.region_page import region_page
from text.format import display_unit_text
from text.i18n import name, t
from views.approval import count_pending
from views.region import RegionView, indicator_summary, region_view


def render_region(session, code: str, search: str | None) -> html.Div:
    """The region page for a path's adcode and query string: ``region_view`` rendered."""
    return render(region_view(session, code, search, viewer=guard.current_principal()))


def render(view: RegionView) -> html.Div:
    lang = view.lang
    if not view.path:
        return html.Div(t("not_found", lang))
    if view.indicator is None:
        return region_page(view.path, [], view.state, view.bounds, lang)
    indicator, p, years, unit = view.indicator, view.progress, view.years, view.indicator["unit"]
    label = f"{name(indicator, lang)} ({display_unit_text(unit, lang)})"
    charts = {
        "annual": plan_actual_figure(
            {**p.series, "stretch": view.stretch},
            p.plan_points,
            years,
            unit,
            f"{label} · {t('annual_chart', lang)}",
            lang,
            indicator["direction"],
            {c.year: c.status for c in p.years},
        ),
        "cumulative": cumulative_figure(
            p.plan_points,
            p.series["actual"],
            years,
            unit,
            f"{label} · {t('cumulative_chart', lang)}",
            lang,
            p.stated_total,
            p.plan_unknown,
            accumulates=indicator["kind"] == "flow",
        ),
    }
    charts["annual"] = with_note_markers(charts["annual"], view.notes, years, lang)
    if view.children:
        charts["children"] = children_figure(view.children, unit, t("children_chart", lang), lang)
    summary = indicator_summary(view)
    page = region_page(
        view.path,
        view.options,
        view.state,
        view.bounds,
        lang,
        p,
        charts,
        view.checks,
        view.names,
        years,
        status_grid(summary, view.state, view.bounds, lang, "region", ids.REGION_INDICATORS) if summary else None,
        can_export=guard.can_do("export"),
        stretch=view.stretch,
    )
    page.children.append(notes_section(view.notes, years, guard.can_do("note"), lang))
    # The map of sub-regions takes ten times the rest of the page to build: it loads in its own request.
    page.children.append(html.Div(id=ids.REGION_MAP_SLOT))
    return page


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.REGION_MAP_SLOT, "children"),
        Input(ids.REGION_MAP_SLOT, "id"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        State(ids.VIEW_STATE, "data"),
    )
    def fill_map(_slot, pathname: str | None, search: str | None, shown: dict | None):
        code = (pathname or "").rstrip("/").split("/")[-1]
        shown = shown or {}
        with sessions() as session:
            count_pending(session, search, guard.current_principal())
            return region_map_panel(
                session,
                code,
                shown.get("indicator"),
                urlstate.lang_of(urlstate.parse(search)),
                shown.get("plan") or "original",
            )

    @app.callback(Output(ids.URL, "pathname"), Input(ids.CHILDREN_CHART, "clickData"), prevent_initial_call=True)
    def drill_down(click: dict | None):
        points = (click or {}).get("points") or []
        if not points or not points[0].get("customdata"):
            return no_update
        return f"/region/{points[0]['customdata'][0]}"
