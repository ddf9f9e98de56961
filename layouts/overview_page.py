"""The overview page."""

from __future__ import annotations

from dash import dcc, html

from layouts.i18n import name, t


def overview_page(regions: list[dict], lang: str) -> html.Div:
    items = [html.Li(dcc.Link(f"{name(r, lang)} ({r['code']})", href=f"/region/{r['code']}?lang={lang}"))
             for r in regions]
    return html.Div([html.H1(t("regions_with_targets", lang), className="h4"), html.Ul(items, id="overview-regions")])
