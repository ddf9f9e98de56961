"""The OpenAPI 3.1 document of the read API, built from the endpoint table (endpoints.py), so it cannot drift.

Example: ``document()["paths"]["/api/v1/figures"]["get"]["parameters"][0]["name"] == "region"``
"""

from __future__ import annotations

from api.endpoints import ENDPOINTS, Endpoint
from api.params import CODE, INDICATOR_CODE, INDICATOR_MAX, Param

VERSION = "1.0.0"
ERROR = {
    "description": "JSON error",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
DESCRIPTION = (
    "扶贫目标进度看板的只读接口 · The dashboard's read-only API: regions, indicators, figures with their sources, "
    "and the status rule's result, as JSON or CSV (add `.csv` to the path; UTF-8 with BOM). Access as for the "
    "pages: a logged-in session, anyone when PUBLIC_READ=1, or a personal token "
    "(`python -m etl tokens add NAME --user USER`) sent as `Authorization: Bearer <token>`. Tokens only read, "
    "whatever the account's role, and are rate-limited. Without the right: 401 or 403 with a JSON error."
)


def _schema(p: Param) -> dict:
    if p.kind == "enum":
        schema = {"type": "string", "enum": list(p.choices)}
    elif p.kind == "flag":
        schema = {"type": "integer", "enum": [0, 1]}
    elif p.kind in ("year", "int"):
        schema = {"type": "integer", "minimum": 1949 if p.kind == "year" else 0}
        if p.maximum is not None:
            schema["maximum"] = p.maximum
    elif p.kind == "indicator":
        schema = {"type": "string", "pattern": INDICATOR_CODE, "maxLength": INDICATOR_MAX}
    else:
        schema = {"type": "string", "pattern": CODE.pattern}
    if p.default not in (None, False):
        schema["default"] = p.default
    return schema


def _operation(e: Endpoint, fmt: str) -> dict:
    media = "text/csv" if fmt == "csv" else "application/json"
    body = (
        {"type": "string", "description": "CSV, UTF-8 with BOM"}
        if fmt == "csv"
        else {
            "type": "object",
            "properties": {"data": {"type": "array", "items": e.item}, "next": {"type": ["string", "null"]}},
        }
    )
    return {
        "get": {
            "operationId": f"{e.name}_{fmt}",
            "summary": e.summary + (" (CSV)" if fmt == "csv" else ""),
            "description": e.description,
            "parameters": [
                {"name": p.name, "in": "query", "required": p.required, "description": p.help, "schema": _schema(p)}
                for p in e.params
            ],
            "responses": {
                "200": {"description": "OK", "content": {media: {"schema": body}}},
                "400": ERROR,
                "401": ERROR,
                "403": ERROR,
                "404": ERROR,
                "429": ERROR,
            },
        }
    }


def document() -> dict:
    paths = {}
    for e in ENDPOINTS.values():
        paths[f"/api/v1/{e.name}"] = _operation(e, "json")
        paths[f"/api/v1/{e.name}.csv"] = _operation(e, "csv")
    return {
        "openapi": "3.1.0",
        "info": {"title": "扶贫目标进度看板 Read API", "version": VERSION, "description": DESCRIPTION},
        "servers": [{"url": "/"}],
        "security": [{}, {"token": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "fpt_… personal token"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
                    "required": ["error", "status"],
                }
            },
        },
    }
