"""Security headers on every response: a Content-Security-Policy that fits Dash, no framing, no sniffing.

Dash's index page has one inline script (``<script id="_dash-renderer">new DashRenderer(...)</script>``) and one
for each inline clientside callback: they are allowed by their SHA-256 hashes, computed from the app itself, so
no other inline script can run. ``_dash-config`` is JSON (``type="application/json"``), never executed.

Plotly.js compiles some functions at run time, so ``'unsafe-eval'`` stays in script-src; plotly and React set
inline styles, so style-src allows ``'unsafe-inline'`` (styles cannot run code). Map engines start workers from
``blob:`` URLs.
"""

from __future__ import annotations

import base64
import hashlib

from flask import request
from flask_login import current_user


def script_hash(source: str) -> str:
    """``script_hash("var a;")`` is the CSP source allowing exactly ``<script>var a;</script>``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def policy(inline_scripts: list[str]) -> str:
    hashes = " ".join(script_hash(s) for s in inline_scripts)
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'unsafe-eval' {hashes}".strip(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def install(dash_app) -> None:
    server = dash_app.server
    cached: dict[str, str] = {}

    def csp() -> str:
        # computed at the first response, after every callback (and so every inline script) is registered
        if not cached:
            cached["csp"] = policy([dash_app.renderer, *getattr(dash_app, "_inline_scripts", [])])
        return cached["csp"]

    @server.after_request
    def add_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", csp())
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if current_user.is_authenticated and response.mimetype in ("text/html", "application/json"):
            # pages and callback answers of a logged-in user stay out of shared and back-button caches
            headers["Cache-Control"] = "no-store"
        return response
