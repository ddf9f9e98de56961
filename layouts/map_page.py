"""The map page (/map, /map/<adcode>) and the map panel of the region page: pure component trees."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

import plotly.graph_objects as go
from dash import dcc, html

from geo.progress import ExitDelay, Progress
from layouts import ids
from layouts.controls import folding_filters
from layouts.map_hover import achievement_text, planned_exit_text, status_words
from text.format import format_value
from text.i18n import both, dropdown_labels, t

# The region page's map panel is as tall on every screen, so that its figure can be fitted to it on the server:
# fitted to the map page's 540 px, a province's outline was cut flat at top and bottom in a 50vh panel.
PANEL_HEIGHT_PX = 460
PAGE_HEIGHT_PX = 588  # the map page's graph: fixed too, its figure fitted to it (a 65vh box cut short windows' maps)
GRAPH_CONFIG = {
    "displaylogo": False,
    "scrollZoom": True,
    "toImageButtonOptions": {"format": "png", "filename": "map", "scale": 2},
}


def map_href(code: str | None, lang: str, **state) -> str:
    """``map_href("621100", "en", indicator="x") == "/map/621100?lang=en&indicator=x"``"""
    query = {"lang": lang, **{k: v for k, v in state.items() if v not in (None, "")}}
    return ("/map" + (f"/{code}" if code else "")) + "?" + urlencode(query)


def map_breadcrumb(crumbs: list[tuple[str | None, str]], lang: str) -> html.Nav:
    """``crumbs``: (adcode or None for the whole country, label), root first; the last is the current view."""
    items = []
    for i, (code, label) in enumerate(crumbs):
        last = i == len(crumbs) - 1
        items.append(
            html.Li(
                label if last else dcc.Link(label, href=map_href(code, lang)),
                className="breadcrumb-item" + (" active" if last else ""),
            )
        )
    return html.Nav(html.Ol(items, className="breadcrumb"), id=ids.MAP_BREADCRUMB, **{"aria-label": "breadcrumb"})


def progress_rows(names: dict[str, str], progress: dict[str, Progress], unit: str, lang: str) -> list[list[str]]:
    """Table rows (region, year of the status, plan, actual, achievement, status in words) of a progress map."""
    rows = []
    for code, p in progress.items():
        rows.append(
            [
                names[code],
                str(p.year) if p.year else "—",
                format_value(p.plan.value, unit, lang, p.plan.comparator) if p.plan else t("no_target", lang),
                format_value(p.actual.value, unit, lang, p.actual.comparator) if p.actual else t("no_figure", lang),
                achievement_text(p),
                status_words(p, lang),
            ]
        )
    return rows


def exit_rows(names: dict[str, str], delays: dict[str, ExitDelay], lang: str) -> list[list[str]]:
    """Table rows (county, planned exit, actual exit, delay, status in words) for the exit map."""
    none = t("no_figure", lang)
    return [
        [
            names[code],
            planned_exit_text(d, lang),
            str(d.actual.year) if d.actual else none,
            f"{d.delay}{t('years_unit', lang)}" if d.delay is not None else "",
            t("exit_" + d.category, lang),
        ]
        for code, d in delays.items()
    ]


def _table(headers: list[str], rows: list[list[str]], codes: list[str]) -> html.Table:
    body = [
        html.Tr([html.Td(cell) for cell in row], **{"data-code": code}) for code, row in zip(codes, rows, strict=True)
    ]
    return html.Table(
        [html.Thead(html.Tr([html.Th(h) for h in headers])), html.Tbody(body)],
        id=ids.MAP_TABLE,
        className="table table-sm w-auto",
    )


def _select(label: str, component_id: str, options: list[dict], value, lang: str) -> html.Div:
    return html.Div(
        [
            html.Label(label, htmlFor=component_id, className="form-label me-2 mb-0"),
            dcc.Dropdown(
                id=component_id,
                options=options,
                value=value,
                clearable=False,
                placeholder=t("dropdown_placeholder", lang),
                labels=dropdown_labels(lang),  # its search box says 搜索 on a Chinese page, not Dash's "Search"
                style={"minWidth": "14rem"},
            ),
        ],
        className="d-flex align-items-center me-3",
    )


@dataclass
class MapControls:
    """The choices shown above a map; ``exit_view`` hides year and colouring (the exit map spans all years)."""

    indicators: list[dict]  # dropdown options
    indicator: str | None
    years: list[int] = field(default_factory=list)
    year: int | None = None
    colour_by: str = "status"
    plan_kind: str = "original"
    exit_view: bool = False


def _radio(label: str, component_id: str, value: str, options: list[tuple[str, str]], hidden: str) -> html.Div:
    return html.Div(
        [
            html.Span(label, className="me-2"),
            dcc.RadioItems(
                id=component_id,
                value=value,
                inline=True,
                inputClassName="me-1",
                labelClassName="me-3",
                options=[{"label": text, "value": v} for v, text in options],
            ),
        ],
        className="d-flex align-items-center" + hidden,
    )


def _controls(c: MapControls, lang: str) -> html.Div:
    hidden = " d-none" if c.exit_view else ""
    years = [{"label": t("map_latest_year", lang), "value": "latest"}] + [
        {"label": str(y), "value": y} for y in c.years
    ]
    return html.Div(
        [
            _select(t("indicator", lang), ids.MAP_INDICATOR, c.indicators, c.indicator, lang),
            html.Div(_select(t("year", lang), ids.MAP_YEAR, years, c.year or "latest", lang), className=hidden),
            _radio(
                t("colour_by", lang),
                ids.MAP_COLOUR,
                c.colour_by,
                [("status", t("by_status", lang)), ("achievement", t("by_achievement", lang))],
                hidden,
            ),
            _radio(
                t("plan", lang),
                ids.MAP_PLAN,
                c.plan_kind,
                [("original", t("plan_original", lang)), ("revised", t("plan_revised", lang))],
                "",
            ),
        ],
        className="d-flex flex-wrap align-items-center gap-2 mb-2",
    )


def map_page(
    crumbs: list[tuple[str | None, str]],
    title: str,
    controls: MapControls,
    figure: go.Figure,
    table: tuple[list[str], list[list[str]], list[str]],
    export_query: str | None,
    region_link: tuple[str, str] | None,
    lang: str,
    notice: str | None = None,
) -> html.Div:
    """The whole map page: breadcrumb, title, choices, export links, the map, its hint and its table.

    ``table`` is (headers, rows, adcodes), each row a region's cells in words; ``region_link`` (address, words) the
    link to the region's own page; ``export_query`` is None for
    an account without the export right (no PNG/PDF links then; the route refuses it anyway); ``notice`` a
    sentence shown above the map (the indicator has no figures here).
    """
    links = []
    if export_query is not None:
        links = [
            html.A(
                "PNG",
                id=ids.MAP_EXPORT_PNG,
                href=f"/export/map.png?{export_query}",
                className="btn btn-outline-secondary btn-sm me-2",
                download="",
            ),
            html.A(
                "PDF",
                id=ids.MAP_EXPORT_PDF,
                href=f"/export/map.pdf?{export_query}",
                className="btn btn-outline-secondary btn-sm me-2",
                download="",
            ),
        ]
    exports = html.Div(
        [
            *links,
            dcc.Link(
                region_link[1] + " →", id=ids.MAP_REGION_LINK, href=region_link[0], className="btn btn-link btn-sm"
            )
            if region_link
            else None,
        ],
        className="mb-2",
    )
    return html.Div(
        [
            map_breadcrumb(crumbs, lang),
            html.H1(title, id=ids.MAP_TITLE, className="h4"),
            folding_filters(_controls(controls, lang)),
            html.P(notice, id=ids.MAP_NOTICE, className="alert alert-info py-2", role="status") if notice else None,
            exports,
            html.Div(
                [
                    dcc.Graph(
                        id=ids.MAP_GRAPH,
                        figure=figure,
                        config=GRAPH_CONFIG,
                        style={"height": f"{PAGE_HEIGHT_PX}px"},
                    ),
                    html.A(f"{both('chart_table')} ↓", href=f"#{ids.MAP_TABLE}", className="chart-table-link small"),
                ],
                role="figure",
                **{"aria-label": title, "aria-describedby": ids.MAP_TABLE},
            ),
            html.P(t("map_hint", lang), className="text-muted small"),
            _table(*table),
        ]
    )


def map_panel(figure: go.Figure, href: str, lang: str, note: str | None = None) -> html.Div:
    """The map panel of a region page: its sub-regions coloured for the page's indicator, and a link; ``note``
    says why the map shows another indicator (the sub-regions hold none of the page's)."""
    return html.Div(
        [
            html.H3(t("map_of", lang), className="h6 mt-3"),
            html.P(note, id=ids.REGION_MAP_NOTE, className="small text-muted mb-1") if note else None,
            dcc.Graph(id=ids.REGION_MAP, figure=figure, config=GRAPH_CONFIG, style={"height": f"{PANEL_HEIGHT_PX}px"}),
            dcc.Link(t("open_map", lang) + " →", id=ids.REGION_MAP_LINK, href=href, className="small"),
        ],
        className="mb-3",
    )
