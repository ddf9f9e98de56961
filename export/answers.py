"""What every ``/export/`` route answers besides a file: plain-text errors, and the site's public address.

Example::

    return plain_error(404, f"region {echo(code)} not found")   # text/plain; charset=utf-8
    view_url = public_url() + "/region/621100"                  # PUBLIC_URL, never the Host header
"""

from __future__ import annotations

from flask import Response, current_app, request
from werkzeug.exceptions import HTTPException

import settings


def public_url() -> str:
    """The site's address for links printed on exports: the ``PUBLIC_URL`` setting, never the Host header
    (a forged Host would put another site's address into an exported image)."""
    return (current_app.config.get("PUBLIC_URL") or settings.DEFAULT_PUBLIC_URL).rstrip("/")


def plain_error(status: int, message: str) -> Response:
    """An error answer as plain UTF-8 text: a browser never renders markup from it.

    Example: ``plain_error(404, "region (9 characters, not shown) not found").mimetype == "text/plain"``
    """
    return Response(message.rstrip("\n") + "\n", status=status, mimetype="text/plain")


def export_error(exc: HTTPException):
    """Every HTTP error under ``/export/`` (404 for a path, 403, 500 …) as plain text; other paths unchanged."""
    if not request.path.startswith("/export/"):
        return exc
    return plain_error(exc.code or 500, f"{exc.code} {exc.name}: {exc.description}")
