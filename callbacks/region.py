"""Region page: figures of the region and its descendants -> progress, charts, checks; drill-down."""

from __future__ import annotations

from dash import Input, Output, html, no_update

from analysis.consistency import consistency_checks
from analysis.overview import year_bounds
from analysis.progress import progress
from analysis.regions import children_of, descendants
from auth import guard
from callbacks.map import region_map_panel
from db import queries
from db.dashboard_queries import figure_records, year_span
from layouts import ids, urlstate
from layouts.charts import children_figure, cumulative_figure, plan_actual_figure
from layouts.format import display_unit_text
from layouts.i18n import name, t
from layouts.region_page import region_page


def child_rows(
    figures: list[dict], regions: list[dict], code: str, indicator: dict, plan: str, lo: int, hi: int, lang: str
) -> list[dict]:
    """One row per direct child holding figures: plan and actual summed over the years shown (flows) or
    the last year's level (stocks, rates)."""
    children = children_of(regions)
    by_code = {r["code"]: r for r in regions}
    out = []
    for child in children.get(code, []):
        subtree = {child, *descendants(regions, child, children)}
        figs = [r for r in figures if r["region_code"] in subtree]
        if not figs:
            continue
        p = progress(figs, child, indicator, plan, lo, hi)
        plan_years = [y for y in p.plan_points if lo <= y <= hi]
        actual_years = [y for y in p.series["actual"] if lo <= y <= hi and not p.series["actual"][y].derived]
        if not plan_years and not actual_years:
            continue

        def total(points, years_):
            if not years_:
                return None
            if indicator["kind"] == "flow":
                return sum(points[y].value for y in years_)
            return points[max(years_)].value

        out.append(
            {
                "code": child,
                "label": name(by_code[child], lang),
                "plan": total(p.plan_points, plan_years),
                "actual": total(p.series["actual"], actual_years),
            }
        )
    return out


def render_region(session, code: str, search: str | None) -> html.Div:
    path = queries.region_path(session, code)
    if not path:
        return html.Div(t("not_found", urlstate.lang_of(urlstate.parse(search))))
    regions = queries.regions(session)
    figures = figure_records(session, region_codes=[code, *descendants(regions, code)])
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
    kids = child_rows(figs, regions, code, indicator, state["plan"], lo, hi, lang)
    if kids:
        charts["children"] = children_figure(kids, unit, t("children_chart", lang), lang)
    names = {r["code"]: name(r, lang) for r in regions}
    state = {**state, "indicator": chosen}
    page = region_page(
        path, options, state, bounds, lang, p, charts, consistency_checks(figs, code, state["plan"]), names, years,
        can_export=guard.can_do("export"),
    )
    page.children.append(region_map_panel(session, code, chosen, lang, state["plan"]))
    return page


def register(app, sessions) -> None:
    @app.callback(Output(ids.URL, "pathname"), Input(ids.CHILDREN_CHART, "clickData"), prevent_initial_call=True)
    def drill_down(click: dict | None):
        points = (click or {}).get("points") or []
        if not points or not points[0].get("customdata"):
            return no_update
        return f"/region/{points[0]['customdata'][0]}"
