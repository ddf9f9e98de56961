"""The region page: breadcrumb, indicator choice, plan-versus-actual chart, multi-year figures, sources."""

from __future__ import annotations

from urllib.parse import urlencode

import plotly.graph_objects as go
from dash import dcc, html

from layouts import ids
from layouts.export_menu import briefing_menu, export_menu
from layouts.format import format_value
from layouts.i18n import name, reliability, t


def breadcrumb(path: list[dict], lang: str) -> html.Nav:
    items = [html.Li(dcc.Link(t("overview", lang), href=f"/?{urlencode({'lang': lang})}"), className="breadcrumb-item")]
    for i, node in enumerate(path):
        last = i == len(path) - 1
        label = name(node, lang)
        items.append(html.Li(label if last else dcc.Link(label, href=f"/region/{node['code']}?lang={lang}"),
                             className="breadcrumb-item" + (" active" if last else "")))
    return html.Nav(html.Ol(items, className="breadcrumb"), id=ids.BREADCRUMB, **{"aria-label": "breadcrumb"})


def span_table(spans: list[dict], unit: str, lang: str) -> html.Div:
    if not spans:
        return html.Div(id=ids.SPAN_TABLE)
    header = html.Thead(html.Tr([html.Th(t(k, lang)) for k in ("period", "kind", "value", "source")]))
    body = html.Tbody([
        html.Tr([
            html.Td(f"{r['period_start']}–{r['period_end']}"),
            html.Td(t("target" if r["kind"] == "target" else "actual", lang)),
            html.Td(format_value(r["value"], unit, lang, r["comparator"])),
            html.Td([html.Span(r["quote"], className="small"), " ",
                     html.Span(reliability(r["reliability"], lang), className="badge text-bg-light border")]),
        ])
        for r in spans
    ])
    return html.Div([html.H3(t("multi_year", lang), className="h6 mt-3"),
                     html.Table([header, body], className="table table-sm")], id=ids.SPAN_TABLE)


def region_page(path: list[dict], indicators: list[dict], indicator_code: str | None, figure: go.Figure | None,
                spans: list[dict], unit: str, lang: str) -> html.Div:
    current = path[-1]
    options = [{"label": f"{name(i, lang)} ({i['code']})", "value": i["code"]} for i in indicators]
    return html.Div([
        breadcrumb(path, lang),
        html.H1(f"{name(current, lang)} · {current['code']}", id=ids.REGION_TITLE, className="h4"),
        html.Div([
            html.Label(t("indicator", lang), htmlFor=ids.INDICATOR_SELECT, className="form-label me-2"),
            dcc.Dropdown(id=ids.INDICATOR_SELECT, options=options, value=indicator_code, clearable=False,
                         style={"minWidth": "22rem"}),
        ], className="d-flex align-items-center mb-2"),
        dcc.Graph(id=ids.PLAN_CHART, figure=figure or go.Figure(), config={"displaylogo": False},
                  style={"height": "60vh", "minHeight": "360px"}),
        export_menu(current["code"], indicator_code, lang), briefing_menu(current["code"], lang),
        html.P(t("click_for_sources", lang), className="text-muted small"),
        html.Div(id=ids.SOURCE_PANEL, className="mb-3"),
        span_table(spans, unit, lang),
    ])


def source_cards(rows: list[dict], lang: str) -> list:
    """One card per figure: document or URL, the quote with its number marked, reliability, plan version."""
    cards = []
    for r in rows:
        low = r["reliability"] == "low"
        link = html.A(r["source_url"], href=r["source_url"], target="_blank", rel="noopener") if r["source_url"] else r["source"]
        cards.append(html.Div([
            html.Div([html.Strong(f"{r['region_name']} {r['period_start']}–{r['period_end']} "),
                      format_value(r["value"], r["unit"], lang, r["comparator"]),
                      html.Span(reliability(r["reliability"], lang),
                                className="badge ms-2 " + ("text-bg-warning" if low else "text-bg-light border"))]),
            html.Div([t("source", lang), ": ", link], className="small"),
            html.Blockquote(r["quote"], className="small border-start ps-2 mb-1"),
            html.Div(f"{t('plan_version', lang)}: {r['plan_version']}", className="small text-muted")
            if r["plan_version"] else None,
        ], className="card card-body mb-2"))
    return cards
