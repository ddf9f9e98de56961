"""The versioned read-only API under ``/api/v1/`` (README "Read API"): JSON and CSV, personal tokens.

Example (in ``create_app``): ``api.register(app, sessions, config)``
"""

from __future__ import annotations

from api import access, routes


def register(app, sessions, config) -> None:
    access.install(app.server, sessions, config.api_rate_per_minute)
    routes.register(app.server, sessions)
