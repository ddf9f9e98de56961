"""The page frame: header, navigation, language switch, the routed content area and the sources panel.

Other pages add a nav entry by appending to ``NAV_ITEMS`` (id, Chinese label, English label, href).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from layouts import ids
from text.i18n import both

NAV_ITEMS: list[tuple[str, str, str, str]] = [
    (ids.NAV_OVERVIEW, "总览", "Overview", "/"),
    (ids.NAV_MAP, "地图", "Map", "/map"),
    (ids.NAV_UPLOAD, "上传", "Upload", "/upload"),
    (ids.NAV_DOCUMENTS, "文件", "Documents", "/documents"),
    (ids.NAV_HISTORY, "历史", "History", "/history"),
    (ids.NAV_REVIEW, "审核", "Review", "/review"),
]


def nav(items: list[tuple[str, str, str, str]] | None = None) -> html.Nav:
    links = [
        dcc.Link(f"{zh} {en}", id=item_id, href=href, className="nav-link px-2")
        for item_id, zh, en, href in (items or NAV_ITEMS)
    ]
    return html.Nav(links, id=ids.NAV, className="nav me-auto")


def menu_toggle() -> html.Button:
    """The header's menu button, shown on narrow screens only (Bootstrap's ``navbar-expand-md``)."""
    return html.Button(
        html.Span(className="navbar-toggler-icon", **{"aria-hidden": "true"}),
        id=ids.NAV_TOGGLE,
        type="button",
        className="navbar-toggler",
        title=both("menu"),
        **{"aria-label": both("menu"), "aria-controls": ids.NAV_MENU, "aria-expanded": "false"},
    )


def app_shell(account=None, nav_items: list[tuple[str, str, str, str]] | None = None) -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.SCROLL_SINK),
            html.Header(
                html.Div(
                    [
                        dcc.Link("扶贫目标进度看板", id=ids.HEADER_TITLE, href="/", className="navbar-brand fw-bold"),
                        html.Span(
                            "Poverty-alleviation targets and progress", className="text-muted small d-none d-lg-inline"
                        ),
                        menu_toggle(),
                        dbc.Collapse(
                            [
                                nav(nav_items),
                                dcc.Link(
                                    "中文 / English",
                                    id=ids.LANG_TOGGLE,
                                    href="?lang=en",
                                    className="btn btn-outline-secondary btn-sm",
                                ),
                                account,
                            ],
                            id=ids.NAV_MENU,
                            is_open=False,
                            navbar=True,
                            className="header-menu gap-3",
                        ),
                    ],
                    className="container-fluid gap-3",
                ),
                className="navbar navbar-expand-md border-bottom mb-2 bg-light py-1",
            ),
            html.Div(id=ids.WAITING_BANNER, className="container-fluid"),  # what waits for the user (审核)
            html.Main(id=ids.PAGE, className="container-fluid"),
            # Rendered with the frame, before any page: dcc.Graph's code is then loaded when a page's charts
            # mount, so they draw in the page's first render instead of after a suspended one. Taken out once
            # the browser has asked for that code, before it has run (callbacks/navigation.py): never drawn, so
            # plotly's first-time work is done once, by a page's first chart, not first for an empty one
            html.Div(
                dcc.Graph(id=ids.GRAPH_PRELOAD, figure={"data": [], "layout": {}}, style={"display": "none"}),
                id=ids.GRAPH_PRELOAD_SLOT,
            ),
            dbc.Offcanvas(
                html.Div(id=ids.SOURCE_BODY),
                id=ids.SOURCE_PANEL,
                title="来源 Sources",
                placement="end",
                is_open=False,
                scrollable=True,
                style={"width": "32rem"},
            ),
        ]
    )
