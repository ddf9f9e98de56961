"""The overview: every plan region and indicator, year-by-year and whole-period status, worst first."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from analysis.progress import Progress, YearCell
from layouts import ids
from layouts.components import percent, source_link, status_badge
from layouts.controls import filter_bar, indicator_select, plan_select, status_help, year_range
from layouts.format import format_value
from layouts.i18n import name, t, tf
from layouts.sparkline import sparkline_uri


def _pair(actual: float | None, plan: float, unit: str, lang: str, comparator: str = "=") -> str:
    shown = format_value(actual, unit, lang) if actual is not None else t("no_figure", lang)
    return f"{shown} / {format_value(plan, unit, lang, comparator)}"


def _cell_ids(cell: YearCell) -> list[int]:
    return [*(cell.plan.figure_ids if cell.plan else []), *(cell.actual.figure_ids if cell.actual else [])]


def year_badge(p: Progress, cell: YearCell, lang: str) -> html.Div:
    unit = p.indicator["unit"]
    return html.Div(
        source_link(
            [
                html.Div([html.Strong(str(cell.year), className="me-1"), status_badge(cell.status, lang, True)]),
                html.Div(
                    _pair(
                        cell.actual.value if cell.actual else None, cell.plan.value, unit, lang, cell.plan.comparator
                    ),
                    className="small text-nowrap",
                ),
            ],
            _cell_ids(cell),
            f"{p.region_code}-{p.indicator['code']}-{cell.year}",
            title=percent(cell.achievement),
        ),
        className="year-cell border rounded px-1 me-1 mb-1",
        **{"data-year": str(cell.year), "data-status": cell.status},
    )


def latest_cell(p: Progress, lang: str) -> list:
    c = p.latest
    if c is None:
        return [t("no_figure", lang)]
    return [
        html.Div(str(c.year), className="fw-bold"),
        source_link(
            _pair(c.actual.value if c.actual else None, c.plan.value, p.indicator["unit"], lang, c.plan.comparator),
            _cell_ids(c),
            f"{p.region_code}-{p.indicator['code']}-latest",
        ),
        html.Div([percent(c.achievement), " ", status_badge(c.status, lang, True)]),
    ]


def period_cell(p: Progress, lang: str) -> list:
    a = p.period
    if a is None:
        return [html.Span(t("no_period", lang), className="text-muted")]
    unit = p.indicator["unit"]
    actual_ids = [i for y, pt in p.series["actual"].items() if a.start <= y <= a.end for i in pt.figure_ids]
    out = [
        html.Div(
            f"{a.start}–{a.end}" + ("" if a.finished else f" ({tf('to_date', lang, year=a.actual_year)})"),
            className="fw-bold",
        ),
        source_link(
            _pair(a.actual, a.target, unit, lang, a.comparator),
            p.period_ids + actual_ids,
            f"{p.region_code}-{p.indicator['code']}-period",
        ),
        html.Div([percent(a.achievement), " ", status_badge(a.status, lang, True)]),
    ]
    if a.needed_per_year is not None and a.remaining_years:
        years = f"{a.end - a.remaining_years + 1}–{a.end}" if a.remaining_years > 1 else str(a.end)
        out.append(
            html.Div(
                tf("need_per_year", lang, years=years, value=format_value(a.needed_per_year, unit, lang)),
                className="small pace-needed",
            )
        )
    if a.missing_years:
        out.append(
            html.Div(
                tf("missing_years", lang, years=", ".join(map(str, a.missing_years))), className="small text-muted"
            )
        )
    return out


def overview_row(p: Progress, region: dict, lang: str, query: str) -> html.Tr:
    years = sorted({*p.plan_points, *p.series["actual"]})
    href = f"/region/{region['code']}?{query}"
    return html.Tr(
        [
            html.Td(
                [
                    dcc.Link(name(region, lang), href=href, className="fw-bold region-link"),
                    html.Div(name(p.indicator, lang), className="small"),
                ]
            ),
            html.Td(html.Div([year_badge(p, c, lang) for c in p.years], className="d-flex flex-wrap")),
            html.Td(latest_cell(p, lang)),
            html.Td(period_cell(p, lang)),
            html.Td(
                html.Img(
                    src=sparkline_uri(p.plan_points, p.series["actual"], years),
                    alt=t("trend", lang),
                    width=120,
                    height=34,
                )
            ),
        ],
        id=ids.overview_row(region["code"], p.indicator["code"]),
    )


def overview_page(
    rows: list[tuple[dict, Progress]], indicators: list[dict], state: dict, bounds: tuple[int, int], lang: str
) -> html.Div:
    """``rows`` are (region, progress) pairs already sorted worst first."""
    keep = {k: v for k, v in state.items() if k in ("lang", "plan", "from", "to")}
    header = html.Thead(
        html.Tr(
            [html.Th(t(k, lang)) for k in ("region_indicator", "year_by_year", "latest_year", "whole_period", "trend")]
        )
    )
    body = html.Tbody(
        [overview_row(p, region, lang, urlencode({**keep, "indicator": p.indicator["code"]})) for region, p in rows]
    )
    return html.Div(
        [
            html.Div(
                [html.H1(t("overview_title", lang), className="h4 me-auto"), status_help(lang)],
                className="d-flex align-items-start gap-2",
            ),
            filter_bar(
                [
                    indicator_select(indicators, state.get("indicator"), lang, allow_all=True),
                    year_range(bounds, (int(state["from"]), int(state["to"])), lang),
                    plan_select(state["plan"], lang),
                ]
            ),
            html.P(t("overview_hint", lang), className="text-muted small mb-1"),
            html.Div(
                html.Table(
                    [header, body], className="table table-sm align-middle overview-table", id=ids.OVERVIEW_TABLE
                ),
                className="table-responsive",
            ),
        ]
    )
