"""The page frame: header, language switch, navigation and the routed content area."""

from __future__ import annotations

from dash import dcc, html

from layouts import ids


def app_shell(account=None) -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            html.Header(
                html.Div(
                    [
                        dcc.Link("扶贫目标进度看板", id=ids.HEADER_TITLE, href="/", className="navbar-brand fw-bold"),
                        html.Span("Poverty-alleviation targets and progress", className="text-muted small me-auto"),
                        dcc.Link("中文 / English", id=ids.LANG_TOGGLE, href="?lang=en", className="btn btn-outline-secondary btn-sm"),
                        account,
                    ],
                    className="container-fluid d-flex align-items-center gap-3",
                ),
                className="navbar border-bottom mb-3 bg-light",
            ),
            html.Main(id=ids.PAGE, className="container-fluid"),
        ]
    )
