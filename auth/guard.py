"""Server-side checks, for every request: the gate in front of the app, and ``require`` inside each write.

A Dash callback is a POST to ``/_dash-update-component`` that anyone can forge, so hiding a button protects
nothing: every callback and route that writes or exports starts with a check here.

Example (inside a callback or a Flask route)::

    user = guard.require("upload")                      # 403 unless the role may upload at all
    refused = guard.refused_regions("upload", codes)    # codes outside a planner's regions: refuse them all
    batch = new_batch(session, "upload", user_name=user.name)
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from urllib.parse import urlencode, urlsplit

from flask import Response, current_app, g, jsonify, redirect, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError, validate_csrf
from werkzeug.exceptions import Forbidden
from wtforms import ValidationError

from auth.policy import ANONYMOUS_PUBLIC, Principal, can, can_at_all
from db import queries, tree

log = logging.getLogger("auth")

OPEN_PATHS = frozenset({"/login", "/logout", "/_favicon.ico", "/favicon.ico"})
OPEN_PREFIXES = ("/vendor/",)  # stylesheets of the login page
MAX_NEXT_IN_LINK = 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_COOKIE = "_csrf_token"
# A second, coarse layer in the gate, by URL and by callback output, so that a route or callback added later is
# covered even before its own ``require`` call: every export needs the export right.
PROTECTED_PREFIXES = {"/export/": "export"}
PROTECTED_OUTPUTS = {
    "briefing-download.data": "export"
}  # the name dash-renderer reads and sends back as the X-CSRFToken header


def current_principal() -> Principal | None:
    """The logged-in account, the anonymous public when PUBLIC_READ is on, else None."""
    if current_user.is_authenticated:
        return current_user.principal
    return ANONYMOUS_PUBLIC if current_app.config.get("PUBLIC_READ") else None


def current_user_name() -> str:
    """The name the audit trail records for this request; never a value the client typed."""
    principal = current_principal()
    if principal is None or principal.role == "public":
        raise Forbidden("no logged-in user")
    return principal.name


def can_do(action: str) -> bool:
    """May the current user do ``action`` somewhere? For showing or hiding tools, never instead of ``require``."""
    return can_at_all(current_principal(), action)


def require(action: str) -> Principal:
    """Refuse (HTTP 403) unless the current user may do ``action`` somewhere; returns who they are."""
    principal = current_principal()
    if not can_at_all(principal, action):
        who = principal.name if principal else "anonymous"
        log.warning("refused %s to %s on %s %s", action, who, request.method, request.path)
        raise Forbidden(f"{action} is not allowed for {who}")
    return principal


def refused_regions(action: str, region_codes: Iterable[str], session) -> list[str]:
    """The codes among ``region_codes`` where the current user may not do ``action`` (sorted, distinct)."""
    principal = current_principal()
    refused = []
    for code in sorted(set(region_codes)):
        ancestors = [r["code"] for r in queries.region_path(session, code)]
        if not can(principal, action, code, ancestors):
            refused.append(code)
    if refused:
        who = principal.name if principal else "anonymous"
        log.warning("refused %s to %s for regions %s", action, who, ",".join(refused[:20]))
    return refused


def writable_codes(action: str, session) -> set[str] | None:
    """Region codes where the current user may do ``action``: None means every region (an administrator).

    For offering choices (a planner's region list); each write still checks with ``refused_regions``.
    """
    principal = current_principal()
    if not can_at_all(principal, action):
        return set()
    if principal.role == "admin":
        return None
    return {c for code in principal.regions for c in (code, *tree.descendant_codes(session, code))}


def require_regions(action: str, region_codes: Iterable[str], session) -> Principal:
    """Refuse (HTTP 403) unless the current user may do ``action`` on every one of ``region_codes``."""
    principal = require(action)
    refused = refused_regions(action, region_codes, session)
    if refused:
        raise Forbidden(f"{action} is not allowed for regions {', '.join(refused)}")
    return principal


def guarded(action: str):
    """Decorator for a Dash callback or a route: ``require(action)`` before the body runs."""

    def wrap(func):
        @functools.wraps(func)
        def inner(*args, **kwargs):
            require(action)
            return func(*args, **kwargs)

        return inner

    return wrap


def gate():
    """``before_request``: nothing but the login page for strangers (unless PUBLIC_READ); CSRF for accounts."""
    path = request.path
    if request.method not in SAFE_METHODS and not _same_origin():
        log.warning("refused cross-origin %s %s from %s", request.method, path, request.headers.get("Origin"))
        return jsonify(error="cross-origin request refused"), 403
    if g.get("token_principal") is not None:
        return None  # a personal API token, checked by api/access.py (GET /api/ only)
    if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
        return None
    if current_user.is_authenticated:
        if request.method not in SAFE_METHODS:
            _check_csrf()
        return _protected()
    if current_app.config.get("PUBLIC_READ"):
        return _protected()
    if path.startswith("/_dash-") or request.method not in SAFE_METHODS:
        return jsonify(error="login required", login="/login"), 401
    target = path + ("?" + request.query_string.decode() if request.query_string else "")
    if len(target) > MAX_NEXT_IN_LINK:  # encoded, it would make the login address too long to serve
        return redirect("/login")
    return redirect("/login?" + urlencode({"next": target}))


def _protected():
    """Refuse protected routes and callbacks to users without the right (401 for strangers, 403 for accounts)."""
    actions = [a for prefix, a in PROTECTED_PREFIXES.items() if request.path.startswith(prefix)]
    if request.path == "/_dash-update-component" and request.method == "POST":
        output = str((request.get_json(silent=True) or {}).get("output", ""))
        actions += [a for out, a in PROTECTED_OUTPUTS.items() if out in output]
    for action in actions:
        if not can_at_all(current_principal(), action):
            status = 403 if current_user.is_authenticated else 401
            log.warning("refused %s on %s %s", action, request.method, request.path)
            if request.path.startswith("/export/"):  # downloads answer errors in plain text (export/answers.py)
                text = f"{action} needs an account with that right: log in at /login\n"
                return Response(text, status, mimetype="text/plain")
            return jsonify(error=f"{action} needs an account with that right", login="/login"), status
    return None


def _same_origin() -> bool:
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


def _check_csrf() -> None:
    token = request.headers.get("X-CSRFToken") or request.form.get("csrf_token")
    try:
        validate_csrf(token)
    except ValidationError as exc:
        log.warning("refused %s %s for %s: CSRF %s", request.method, request.path, current_user.principal.name, exc)
        raise CSRFError("CSRF token missing or invalid: reload the page") from exc
