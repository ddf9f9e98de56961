"""The dashboard. ``python app.py`` serves it (building the database on first run).

Example::

    app = create_app("sqlite:///tmp/test.db")
    app.run(host="127.0.0.1", port=8050)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import flask_bootstrap
from dash import Dash

import callbacks
import export.routes
import settings
from auth import setup as auth_setup
from auth.account import shell_for_current_user
from db import schema
from db.session import make_engine, session_factory
from etl.filesafety import DEFAULT_LIMITS

VENDOR_CSS = Path(flask_bootstrap.__file__).parent / "static" / "bootstrap5" / "css"


def create_app(db_url: str | None = None, build_if_empty: bool = True, progress=print, **overrides) -> Dash:
    """Build the Dash app on a database; an empty database is built from data/sources/ first.

    ``overrides`` replace settings, e.g. ``create_app(url, public_read=True, secret_key="…")`` in tests.
    """
    config = replace(settings.load(db_url), **overrides)
    engine = make_engine(config.database_url)
    if build_if_empty and schema.is_empty(engine):
        from etl.build import build

        progress("首次运行:正在从 data/sources/ 建立数据库 / first run: building the database")
        build(engine, progress=progress)
    schema.upgrade(engine)
    app = Dash(
        __name__,
        title="扶贫目标进度看板",
        suppress_callback_exceptions=True,
        serve_locally=True,
        external_stylesheets=["/vendor/bootstrap/bootstrap.min.css"],
        update_title=None,
    )
    app.server.config["ENGINE"] = engine
    sessions = session_factory(engine)
    _serve_vendor_assets(app)
    app.layout = shell_for_current_user
    callbacks.register(app, sessions)
    export.routes.register(app, sessions)
    auth_setup.install(app, sessions, config, upload_bytes=DEFAULT_LIMITS.max_bytes)
    auth_setup.announce_first_admin(sessions, progress)
    return app


def _serve_vendor_assets(app: Dash) -> None:
    from flask import send_from_directory

    @app.server.route("/vendor/bootstrap/<path:name>")
    def vendor_bootstrap(name: str):
        return send_from_directory(VENDOR_CSS, name, max_age=86400)


def main() -> None:
    config = settings.load()
    create_app().run(host=config.host, port=config.port, debug=config.debug)


if __name__ == "__main__":
    main()
