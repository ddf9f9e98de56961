"""The dashboard. ``python app.py`` serves it (building the database on first run).

Example::

    app = create_app("sqlite:///tmp/test.db")
    app.run(host="127.0.0.1", port=8050)
"""

from __future__ import annotations

import gc
import re
from dataclasses import replace
from pathlib import Path

import flask_bootstrap
from dash import Dash

import api
import callbacks
import export.routes
import settings
from auth import setup as auth_setup
from callbacks.shell import shell_for_current_user
from db import rollups, schema
from db.session import ReadOnlyDatabase, make_engine, session_factory
from etl.filesafety import DEFAULT_LIMITS
from layouts import ids

VENDOR_CSS = Path(flask_bootstrap.__file__).parent / "static" / "bootstrap5" / "css"
PLOTLY_DIR = Path(__file__).parent / "vendor" / "plotly"  # partial plotly.js bundle: vendor/plotly/README.md
PLOTLY_FILES = (  # the bundle, its licences; the maps' part it loads when a figure first draws a map, its licences
    "plotly-dashboard.min.js",
    "plotly-dashboard.min.js.LEGAL.txt",
    "plotly-dashboard-maps.min.js",
    "plotly-dashboard-maps.min.js.LEGAL.txt",
)
PLOTLY_URL = f"/vendor/plotly/{PLOTLY_FILES[0]}"


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
    rollups.ensure(engine)
    app = DashboardDash(
        __name__,
        title="扶贫目标进度看板",
        suppress_callback_exceptions=True,
        serve_locally=True,
        external_stylesheets=["/vendor/bootstrap/bootstrap.min.css"],
        # plotly.js loads with the page, not after the first layout, and holds only the trace types the dashboard
        # draws (3.1 MB, not 4.8). A plain script: window.Plotly exists before any chart mounts, so dcc.Graph
        # never fetches the full bundle as well (first chart: python -m bench). DashboardDash runs it last
        external_scripts=[PLOTLY_URL],
        update_title=None,
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="zh-CN">', 1)  # Chinese first, then English
    app.server.config["ENGINE"] = engine
    app.server.config["PUBLIC_URL"] = config.public_url.rstrip("/")  # exports' link back, never the Host header
    sessions = session_factory(engine)
    _serve_vendor_assets(app)
    app.layout = shell_for_current_user
    callbacks.register(app, sessions)
    export.routes.register(app, sessions)
    auth_setup.install(app, sessions, config, upload_bytes=DEFAULT_LIMITS.max_bytes)
    api.register(app, sessions, config)  # after auth: its token check goes just before the page gate
    auth_setup.announce_first_admin(sessions, progress)
    _cache(app, engine, config.cache_mb)  # after auth: its checks run before a cached page is served
    app.server.register_error_handler(ReadOnlyDatabase, _read_only)
    return app


# Before Dash renders the page: a thin moving bar (assets/dashboard.css), no text. Dash's "Loading..." was the first
# text a new visitor's browser laid out, and that first layout, waiting on the font, held up the scripts behind it
LOADING = '<div class="_dash-loading" role="progressbar" aria-label="加载中 Loading"></div>'


FIRST_ASKED = ("_dash-layout", "_dash-dependencies")


class DashboardDash(Dash):
    """Dash, with the index trimmed for a new visitor: ``lean_scripts``, ``plotly_last`` and the ``LOADING``
    placeholder."""

    def interpolate_index(self, **kwargs):
        entry = re.sub(r'<div class="_dash-loading">\s*Loading...\s*</div>', LOADING, kwargs.get("app_entry", ""))
        # What the renderer asks for first, once its scripts have run: asked for while they load
        prefix = self.config.requests_pathname_prefix
        early = "".join(f'<link rel="preload" href="{prefix}{name}" as="fetch" crossorigin>' for name in FIRST_ASKED)
        early += f'<link rel="preload" href="{PLOTLY_URL}" as="script">'  # the largest script: asked for first
        kwargs["css"] = early + "\n" + kwargs.get("css", "")
        scripts = plotly_last(lean_scripts(kwargs.get("scripts", "")))
        return super().interpolate_index(**{**kwargs, "scripts": scripts, "app_entry": entry})


def plotly_last(tags: str) -> str:
    """plotly.js's tag moved after every other script's (still before Dash's renderer starts, so before any chart
    mounts): the browser parses plotly.js, its largest script, in the background while it runs the others, instead
    of waiting for that parse before running any of them.

    Example: ``plotly_last('<script src="/vendor/plotly/p.js"></script>\n<script src="/a.js"></script>')
    == '<script src="/a.js"></script>\n<script src="/vendor/plotly/p.js"></script>'``
    """
    tag = re.search(r'<script src="/vendor/plotly/[^"]*"></script>\n?', tags)
    if not tag:
        return tags
    rest = tags[: tag.start()] + tags[tag.end() :]
    return rest.rstrip("\n") + "\n" + tag.group(0).rstrip("\n")


def lean_scripts(tags: str) -> str:
    """The index's script tags without what a current browser would load and run for nothing or not yet: Babel's
    polyfill (core-js 2 and the regenerator runtime, about 0.1 s of a page's start) goes to browsers without ES
    modules only (``nomodule``; the runtime Dash's lazy components use comes with dash-bootstrap-components'
    bundle), dash_table's bundle, which no page uses, is dropped, and dash-ag-grid's (1.3 MB) is only named, in a
    prefetch link that ``assets/lazy_ag_grid.js`` loads from when a page first draws a grid.

    Example: ``lean_scripts('<script src="/x/deps/polyfill@7.js"></script>')
    == '<script src="/x/deps/polyfill@7.js" nomodule></script>'``
    """
    tags = re.sub(r'(<script src="[^"]*/deps/polyfill@[^"]*")>', r"\1 nomodule>", tags)
    tags = re.sub(
        r'<script src="([^"]*/dash_ag_grid/dash_ag_grid\.[^"]*)"></script>',
        r'<link rel="prefetch" id="dash-ag-grid-bundle" href="\1">',
        tags,
    )
    return re.sub(r'<script src="[^"]*/dash_table/bundle[^"]*"></script>\n?', "", tags)


def _read_only(exc: ReadOnlyDatabase):
    """Any other write that reaches a replica (a login, a token's use): 503 with the message, nothing written."""
    return str(exc), 503, {"Content-Type": "text/plain; charset=utf-8"}


def _cache(app: Dash, engine, cache_mb: int) -> None:
    from callbacks import response_cache
    from db import cache

    cache.configure(1024 if cache_mb > 0 else 0)
    pages = {key for key in app.callback_map if key.startswith(f"..{ids.PAGE}.children")}
    response_cache.install(app.server, engine, pages, cache_mb, _data_page, _page_region)


def _path(payload: dict) -> str:
    return next((i.get("value") for i in payload.get("inputs", []) if i.get("property") == "pathname"), None) or "/"


def _data_page(payload: dict) -> bool:
    """Pages that depend only on the URL and the stored figures (not on the account: upload, history, users)."""
    path = _path(payload)
    return path == "/" or path.startswith(("/region/", "/map"))


def _page_region(payload: dict) -> str | None:
    """The region a region page shows (its cache follows that region's province), None for every other page."""
    path = _path(payload)
    return path.removeprefix("/region/").split("/")[0] or None if path.startswith("/region/") else None


def server(db_url: str | None = None):
    """The WSGI app for gunicorn (README "Scaling out"); nothing runs at import, all work happens in this call.

    Example: ``gunicorn --preload -w 4 -b 127.0.0.1:8050 'app:server()'``. With ``--preload`` the schema upgrade
    (and a first build) runs once in the master; the engine's pool is emptied so that no database connection is
    shared by the forked workers: each opens its own.
    """
    app = create_app(db_url)
    app.server.config["ENGINE"].dispose()
    # Dash registers its script bundles on a worker's first request, while that worker's other threads may
    # already serve the page's scripts: a fresh worker answered some with "not a registered library" (500). Done
    # here, once, before the fork, every worker starts with them registered.
    app._setup_server()
    freeze_startup_objects()
    return app.server


def freeze_startup_objects() -> None:
    """Keep what start-up built (Dash, Plotly, SQLAlchemy, the app: some 200,000 objects that live as long as the
    process) out of the garbage collector's full passes, which would otherwise walk them all every few requests
    (tens of milliseconds in a page computed afresh). With ``--preload`` the forked workers also keep sharing
    those memory pages. A page computed afresh holds up to some 15,000 container objects at once (the national
    overview at 5M figures), all freed by reference counting when it is sent: the youngest generation is collected
    once 50,000 more are alive than freed, not every 700 (Python's default) or 10,000, which walked a page's own
    objects in the middle of it (2 ms, 5-8% of a cold overview). Call once, after the app is built. Example:
    ``freeze_startup_objects()``
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)


def _serve_vendor_assets(app: Dash) -> None:
    from flask import abort, send_from_directory

    @app.server.route("/vendor/bootstrap/<path:name>")
    def vendor_bootstrap(name: str):
        return send_from_directory(VENDOR_CSS, name, max_age=86400)

    @app.server.route("/vendor/plotly/<name>")
    def vendor_plotly(name: str):
        if name not in PLOTLY_FILES:
            abort(404)
        return send_from_directory(PLOTLY_DIR, name, max_age=86400)


def main() -> None:
    config = settings.load()
    app = create_app()
    freeze_startup_objects()
    app.run(host=config.host, port=config.port, debug=config.debug)


if __name__ == "__main__":
    main()
