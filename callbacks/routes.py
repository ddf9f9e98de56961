"""Every address the app answers, in one table.

``PAGES``: the Dash pages, rendered into the frame by the router callback (``callbacks.navigation``) from a
session, the path's parameters and the query string. ``SERVER_ROUTES``: the plain Flask routes (downloads, login,
vendored assets), registered by the modules named; ``tests/test_app_http.py`` checks the table against the app.

| path | page or response | code |
|---|---|---|
| ``/`` | overview | ``views.overview`` → ``callbacks.overview`` |
| ``/region/<code>`` | region page | ``views.region`` → ``callbacks.region`` |
| ``/map``, ``/map/<code>`` | map | ``views.map`` → ``callbacks.map`` |
| ``/upload`` | upload and in-app edits | ``callbacks.upload`` |
| ``/documents`` | plan documents in: read, review candidate targets, commit | ``callbacks.documents`` |
| ``/history`` | batches, revert | ``views.history`` → ``callbacks.history`` |
| ``/review`` | batches waiting for approval, decisions | ``views.approval`` → ``callbacks.review`` |
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from callbacks import documents, history, map, overview, region, review, upload
from layouts import urlstate


@dataclass(frozen=True)
class Page:
    pattern: str  # "/region/<code>": <name> matches one path segment
    render: Callable  # render(session, params: dict, search) -> component

    def match(self, pathname: str) -> dict | None:
        regex = "^" + re.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", self.pattern.rstrip("/") or "") + "/?$"
        found = re.match(regex, pathname)
        return found.groupdict() if found else None


def _lang(search: str | None) -> str:
    return urlstate.lang_of(urlstate.parse(search))


def _map(session, params: dict, search: str | None):
    """``/map/<code>``, or ``/map?region=<code>`` as the overview's region filter writes it."""
    state = urlstate.parse(search)
    code = params.get("code") or urlstate.region_code(state.get("region")) or None
    return map.render_map(session, code, state, urlstate.lang_of(state))


PAGES = (
    Page("/", lambda session, _p, search: overview.render_overview(session, search)),
    Page("/region/<code>", lambda session, p, search: region.render_region(session, p["code"], search)),
    Page("/map", _map),
    Page("/map/<code>", _map),
    Page("/upload", lambda session, _p, search: upload.render_upload(session, _lang(search))),
    Page("/documents", lambda session, _p, search: documents.render_documents(session, _lang(search))),
    Page("/history", lambda session, _p, search: history.render_history(session, _lang(search))),
    Page("/review", lambda session, _p, search: review.render_review(session, _lang(search))),
)

SERVER_ROUTES = (
    ("/export/chart.<fmt>", "export.routes"),
    ("/export/data.<fmt>", "export.routes"),
    ("/export/briefing.<fmt>", "export.routes"),
    ("/export/overview.<fmt>", "export.routes"),
    ("/export/map.<fmt>", "callbacks.map_export"),
    ("/export/<path:_rest>", "export.routes"),  # any other /export/ path: a plain-text 404
    ("/api/v1/regions", "api.routes"),
    ("/api/v1/regions.csv", "api.routes"),
    ("/api/v1/indicators", "api.routes"),
    ("/api/v1/indicators.csv", "api.routes"),
    ("/api/v1/figures", "api.routes"),
    ("/api/v1/figures.csv", "api.routes"),
    ("/api/v1/progress", "api.routes"),
    ("/api/v1/progress.csv", "api.routes"),
    ("/api/v1/openapi.json", "api.routes"),
    ("/api/v1/docs", "api.routes"),
    ("/api", "api.routes"),  # any other /api path: a JSON 404
    ("/api/<path:rest>", "api.routes"),
    ("/login", "auth.login"),
    ("/logout", "auth.login"),
    ("/vendor/bootstrap/<path:name>", "app"),
    ("/vendor/plotly/<name>", "app"),
    *(
        (f"/api/v1/{name}{ext}", "api.routes")
        for name in ("regions", "indicators", "figures", "progress")
        for ext in ("", ".csv")
    ),
    ("/api/v1/openapi.json", "api.routes"),
    ("/api/v1/docs", "api.routes"),
    ("/api", "api.routes"),  # any other /api/ path: a JSON 404
    ("/api/<path:rest>", "api.routes"),
)


def find(pathname: str | None) -> tuple[Page, dict] | None:
    """The page for a path and its parameters: ``find("/region/610000")[1] == {"code": "610000"}``."""
    for page in PAGES:
        params = page.match(pathname or "/")
        if params is not None:
            return page, params
    return None
