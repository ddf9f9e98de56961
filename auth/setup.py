"""Wire accounts into a Dash app: secret key, cookie settings, login routes, the request gate, headers, CSRF cookie.

Example (in ``create_app``)::

    auth.setup.install(app, sessions, config)
"""

from __future__ import annotations

from flask import request
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from werkzeug.middleware.proxy_fix import ProxyFix

from auth import guard, headers, limits, login
from auth.secret_key import resolve

MB = 1024 * 1024
# Uploads travel base64-encoded inside the callback's JSON (4/3 of the file) plus the rest of the request.
DEFAULT_UPLOAD_BYTES = 20 * MB
REQUEST_OVERHEAD = 1 * MB


def max_request_bytes(upload_bytes: int) -> int:
    """The largest request body, refused (413) before parsing: ``max_request_bytes(3 * MB) == 5 * MB + 4``."""
    return upload_bytes * 4 // 3 + 4 + REQUEST_OVERHEAD


def install(dash_app, sessions, config, upload_bytes: int = DEFAULT_UPLOAD_BYTES) -> None:
    server = dash_app.server
    server.secret_key = resolve(config.secret_key, config.secret_key_file)
    server.config.update(
        PUBLIC_READ=config.public_read,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=config.secure_cookies,
        SESSION_COOKIE_NAME="fp_session",
        PERMANENT_SESSION_LIFETIME=login.SESSION_LIFETIME,
        WTF_CSRF_TIME_LIMIT=None,  # a token lives as long as the session that holds it
        MAX_CONTENT_LENGTH=max_request_bytes(upload_bytes),
    )
    if config.proxy_count:
        server.wsgi_app = ProxyFix(
            server.wsgi_app, x_for=config.proxy_count, x_proto=config.proxy_count, x_host=config.proxy_count
        )
    limits.install(dash_app)  # first: nothing below parses a request before its size is checked
    login.install(server, sessions)
    server.before_request(guard.gate)
    headers.install(dash_app)

    @server.after_request
    def csrf_cookie(response):
        # dash-renderer sends this cookie back as X-CSRFToken with every callback; the gate checks it
        if current_user.is_authenticated and (
            response.mimetype == "text/html" or guard.CSRF_COOKIE not in request.cookies
        ):
            response.set_cookie(
                guard.CSRF_COOKIE, generate_csrf(), secure=config.secure_cookies, httponly=False, samesite="Strict"
            )
        return response


def announce_first_admin(sessions, progress=print) -> None:
    """On a database without an active administrator, say on the terminal how to create one."""
    from db import accounts

    with sessions() as s:
        if accounts.active_admin_exists(s):
            return
    progress(
        "尚无管理员账户 / no administrator yet: create one with\n"
        "    .venv/bin/python -m etl users add admin --role admin\n"
        "then log in at /login (PUBLIC_READ=1 lets anyone view without an account)."
    )
