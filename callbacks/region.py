"""Region page: figures of the region and its descendants -> progress, charts, checks; drill-down."""

from __future__ import annotations

from dash import Input, Output, State, html, no_update

from analysis.children import child_totals
from analysis.consistency import consistency_checks
from analysis.overview import year_bounds
from analysis.progress import progress
from auth import guard
from callbacks.map import region_map_panel
from callbacks.review import pending_view, region_notes
from db import queries, scaled_views
from db.dashboard_queries import year_span
from layouts import ids, urlstate
from layouts.charts import children_figure, cumulative_figure, plan_actual_figure
from layouts.format import display_unit_text
from layouts.i18n import name, t
from layouts.notes_view import notes_section, with_note_markers
from layouts.overview_page import status_grid
from layouts.region_page import region_page


def child_rows(
    figures: list[dict], regions: list[dict], code: str, indicator: dict, plan: str, lo: int, hi: int, lang: str
) -> list[dict]:
    """Sub-region rows for the children chart (and the export's briefing): code, label, plan, actual."""
    by_code = {r["code"]: r for r in regions}
    return [
        {**row, "label": name(by_code[row["code"]], lang)}
        for row in child_totals(figures, regions, code, indicator, plan, lo, hi)
    ]


def render_region(session, code: str, search: str | None) -> html.Div:
    path = queries.region_path(session, code)
    if not path:
        return html.Div(t("not_found", urlstate.lang_of(urlstate.parse(search))))
    regions, figures = scaled_views.region_records(session, code)
    bounds = year_span(session) or year_bounds(figures)
    state = urlstate.view_state(search, bounds)
    lang, lo, hi = state["lang"], state["from"], state["to"]
    catalogue = {i["code"]: i for i in queries.indicators(session)}
    counts: dict[str, int] = {}
    for r in figures:
        counts[r["indicator"]] = counts.get(r["indicator"], 0) + (10 if r["kind"] == "target" else 1)
    available = [c for c in sorted(counts, key=lambda c: -counts[c]) if c in catalogue]
    options = [catalogue[c] for c in available]
    chosen = state["indicator"] if state["indicator"] in available else (available[0] if available else None)
    if chosen is None:
        return region_page(path, [], state, bounds, lang)
    indicator = catalogue[chosen]
    figs = [r for r in figures if r["indicator"] == chosen]
    p = progress(figs, code, indicator, state["plan"], lo, hi)
    years = [y for y in sorted({*p.series["original"], *p.series["revised"], *p.series["actual"]}) if lo <= y <= hi]
    unit = indicator["unit"]
    label = f"{name(indicator, lang)} ({display_unit_text(unit, lang)})"
    charts = {
        "annual": plan_actual_figure(
            p.series, p.plan_points, years, unit, f"{label} · {t('annual_chart', lang)}", lang, indicator["direction"]
        ),
        "cumulative": cumulative_figure(
            p.plan_points, p.series["actual"], years, unit, f"{label} · {t('cumulative_chart', lang)}", lang
        ),
    }
    notes = region_notes(session, code, chosen)
    charts["annual"] = with_note_markers(charts["annual"], notes, years, lang)
    kids = child_rows(figs, regions, code, indicator, state["plan"], lo, hi, lang)
    if kids:
        charts["children"] = children_figure(kids, unit, t("children_chart", lang), lang)
    names = {r["code"]: name(r, lang) for r in regions}
    state = {**state, "indicator": chosen}
    summary = [
        (path[-1], progress([r for r in figures if r["indicator"] == c], code, catalogue[c], state["plan"], lo, hi))
        for c in available
        if any(r["kind"] == "target" and r["indicator"] == c for r in figures)
    ]
    summary = [(region, q) for region, q in summary if q.years or q.period is not None]
    summary.sort(key=lambda row: row[1].worst)
    page = region_page(
        path,
        options,
        state,
        bounds,
        lang,
        p,
        charts,
        consistency_checks(figs, code, state["plan"]),
        names,
        years,
        status_grid(summary, state, bounds, lang, "region", ids.REGION_INDICATORS) if summary else None,
        can_export=guard.can_do("export"),
    )
    page.children.append(notes_section(notes, years, guard.can_do("note"), lang))
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
            pending_view(session, search)
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
