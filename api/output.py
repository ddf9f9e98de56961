"""JSON and CSV responses of the read API, and its JSON errors.

CSV is UTF-8 with a BOM (Excel opens Chinese intact) and formula-safe like the exports (``export.tables
.neutralise``: text starting with = + - @, tab or CR gets a leading '). A next page travels as a ``Link`` header
(``rel="next"``) on both, and as ``next`` in the JSON body.

Example: ``csv_response(rows, ["id", "value"], "figures", next_url)``
"""

from __future__ import annotations

import csv
import io
import json

from flask import Response

from api.shapes import flatten
from export.tables import neutralise

BOM = "\ufeff"


def _links(response: Response, next_url: str | None) -> Response:
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response


def json_response(body: dict, status: int = 200, next_url: str | None = None) -> Response:
    text = json.dumps(body, ensure_ascii=False, default=str, separators=(",", ":"))
    return _links(Response(text, status=status, mimetype="application/json"), next_url)


def error(status: int, message: str, **extra) -> Response:
    """``{"error": "…", "status": 401}``: an API caller is never redirected to the login page."""
    response = json_response({"error": message, "status": status, **extra}, status)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def csv_text(rows: list[dict], columns: list[str] | None = None) -> str:
    flat = [flatten(r) for r in rows]
    columns = list(columns or (flat[0].keys() if flat else []))
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in flat:
        writer.writerow(["" if row.get(c) is None else neutralise(row.get(c)) for c in columns])
    return out.getvalue()


def csv_response(rows: list[dict], columns: list[str], stem: str, next_url: str | None = None) -> Response:
    response = Response(csv_text(rows, columns).encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'inline; filename="{stem}.csv"'
    response.mimetype = "text/csv"
    response.charset = "utf-8"
    return _links(response, next_url)
