"""The read API's routes under ``/api/v1/`` (README "Read API"):

| route | answers |
|---|---|
| ``GET /api/v1/regions[.csv]?parent=`` | the region tree, one level at a time |
| ``GET /api/v1/indicators[.csv]`` | indicators |
| ``GET /api/v1/figures[.csv]?region=&subtree=1&indicator=&kind=&from=&to=&plan=&after=&limit=`` | figures, paged |
| ``GET /api/v1/progress[.csv]?region=&indicator=&plan=&from=&to=`` | status by year and for the period |
| ``GET /api/v1/openapi.json``, ``GET /api/v1/docs`` | the OpenAPI document and its readable page |

Any other path under ``/api/`` is a JSON 404. Access is checked before routing (api/access.py).
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Response, request

from api import access, docs, openapi
from api.endpoints import ENDPOINTS, Endpoint
from api.output import csv_response, error, json_response
from api.params import BadParameter, parse
from api.progress import NotFound
from auth.policy import PUBLIC

BASE = "/api/v1"


def _next_url(after: int | None) -> str | None:
    if after is None:
        return None
    args = {k: v for k, v in request.args.items() if k != "after"}
    return f"{request.base_url}?{urlencode({**args, 'after': after})}"


def _view(sessions, e: Endpoint, fmt: str):
    def view():
        try:
            args = parse(e.params, request.args)
        except BadParameter as exc:
            return error(400, str(exc), parameter=exc.name)
        with sessions() as session:
            try:
                answer = e.answer(session, args)
            except NotFound as exc:
                return error(404, str(exc))
        next_url = _next_url(answer.next_after)
        if fmt == "csv":
            return csv_response(answer.rows, answer.columns, e.name, next_url)
        return json_response({**answer.body, "next": next_url} if e.name == "figures" else answer.body, 200, next_url)

    view.__name__ = f"api_{e.name}_{fmt}"
    return view


def register(server, sessions) -> None:
    for e in ENDPOINTS.values():
        server.add_url_rule(f"{BASE}/{e.name}", view_func=_view(sessions, e, "json"), methods=["GET"])
        server.add_url_rule(f"{BASE}/{e.name}.csv", view_func=_view(sessions, e, "csv"), methods=["GET"])

    @server.route(f"{BASE}/openapi.json")
    def api_openapi():
        return json_response(openapi.document())

    @server.route(f"{BASE}/docs")
    def api_docs():
        return Response(docs.page(openapi.document(), request.host_url.rstrip("/")), mimetype="text/html")

    @server.route("/api", defaults={"rest": ""})
    @server.route("/api/<path:rest>")
    def api_index(rest: str):
        if rest.strip("/") in ("", "v1"):
            return json_response({"docs": f"{BASE}/docs", "openapi": f"{BASE}/openapi.json"})
        return error(404, f"no API endpoint /api/{rest}: see {BASE}/docs")

    @server.after_request
    def api_no_store(response):
        # token and account answers stay out of shared caches; public answers may be cached like pages
        who = access.principal() if access.is_api(request.path) else None
        if who is not None and who.role != PUBLIC:
            response.headers["Cache-Control"] = "no-store"
        return response
