"""Who may call the read API, checked on every request just before the page gate (auth/guard.py).

- No ``Authorization`` header: as for pages — a logged-in account, or anyone when PUBLIC_READ=1; else ``401``
  with a JSON error (never a redirect to the login page), ``403`` for an account without the view right.
- ``Authorization: Bearer fpt_…``: a personal token (db/tokens.py), read from the database on every request, so
  revoking it or disabling its account takes effect at once in every worker. Tokens are read-only whatever the
  role: any method but GET/HEAD, and any path outside ``/api/``, is refused with ``403`` (so a token can never
  drive ``/_dash-update-component``, upload or export). Each use is counted: past ``per_minute`` requests in a
  minute the answer is ``429`` with ``Retry-After``.

A valid token's account is kept in ``g.token_principal``; the page gate (auth/guard.py) lets such a request
through, as it is already checked here.

Example: ``install(server, sessions, per_minute=600)`` inside ``api.register``, after ``auth.setup.install``.
"""

from __future__ import annotations

import logging

from flask import g, request

from api.output import error
from auth import guard
from auth.policy import Principal, can_at_all
from db.session import transaction
from db.tokens import use_token
from db.writes import now

log = logging.getLogger("auth")

PREFIX = "/api/"
READ_METHODS = frozenset({"GET", "HEAD"})
REFUSALS = {
    "unknown": "unknown API token: check it, or make one with `python -m etl tokens add NAME --user USER`",
    "revoked": "this API token was revoked: ask for a new one",
    "disabled": "the account of this API token is disabled",
}


def bearer(header: str | None) -> str | None:
    """``bearer("Bearer fpt_x") == "fpt_x"``; None without a Bearer credential."""
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    return (value.strip() or None) if scheme.lower() == "bearer" else None


def is_api(path: str) -> bool:
    return path == PREFIX.rstrip("/") or path.startswith(PREFIX)


def principal() -> Principal | None:
    """Whoever this API request reads as: the token's account, the logged-in account, the public, or None."""
    return g.get("token_principal") or guard.current_principal()


def install(server, sessions, per_minute: int) -> None:
    def check():
        token = bearer(request.headers.get("Authorization"))
        if token is not None:
            return _check_token(sessions, token, per_minute)
        if not is_api(request.path):
            return None
        if request.method not in READ_METHODS:
            return error(405, "the API is read-only: use GET")
        who = guard.current_principal()
        if who is None:
            return error(401, "login required: send Authorization: Bearer <token> (python -m etl tokens add)")
        if not can_at_all(who, "view"):
            return error(403, f"{who.name} may not view data")
        return None

    # just before the page gate (after any request-size limits), which lets a checked token through
    hooks = server.before_request_funcs.setdefault(None, [])
    hooks.insert(hooks.index(guard.gate) if guard.gate in hooks else 0, check)


def _check_token(sessions, token: str, per_minute: int):
    if request.method not in READ_METHODS or not is_api(request.path):
        log.warning("refused API token on %s %s", request.method, request.path)
        return error(403, "API tokens are read-only: only GET /api/v1/… accepts them")
    with transaction(sessions) as s:
        use = use_token(s, token, now(), per_minute)
    if use.reason == "rate":
        response = error(429, f"more than {per_minute} requests a minute with this token: wait and retry")
        response.headers["Retry-After"] = str(use.retry_after)
        return response
    if use.account is None:
        log.warning("refused API token %s (%s) on %s", use.token_id, use.reason, request.path)
        return error(401, REFUSALS[use.reason])
    account = Principal(*use.account, True)
    if not can_at_all(account, "view"):
        return error(403, f"{account.name} may not view data")
    g.token_principal = account
    return None
