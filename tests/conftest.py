"""Shared fixtures: a real database per session built from data/sources/, never the default database.

``--backend sqlite`` (default) uses SQLite files; ``--backend postgresql`` runs the tests that use a database
fixture against a throwaway PostgreSQL server (``harness/pg.py``) and deselects the rest and browser tests. Where
PostgreSQL cannot start, that run is skipped with the reason, except in CI (CI=true), where it fails.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from pathlib import Path

import pytest

from db.session import make_engine, session_factory
from etl.build import build

OUTPUT_DIR = Path(__file__).parent / "output"
DB_FIXTURES = {"db_url", "seed_db_url", "sessions", "pg_server", "backend_url"}
_names = itertools.count(1)


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--backend",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="database for the data-layer, import and HTTP tests (default sqlite)",
    )


def pytest_collection_modifyitems(config, items) -> None:
    if config.getoption("--backend") != "postgresql":
        return
    keep, drop = [], []
    for item in items:
        uses_db = DB_FIXTURES & set(getattr(item, "fixturenames", ()))
        is_browser = item.get_closest_marker("browser") or "dash_duo" in getattr(item, "fixturenames", ())
        (keep if uses_db and not is_browser else drop).append(item)
    items[:] = keep
    config.hook.pytest_deselected(items=drop)


def _backend(request) -> str:
    return request.config.getoption("--backend")


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for this test run."""
    from harness.pg import PgServer, PgUnavailable

    try:
        server = PgServer.start()
    except PgUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL must run in CI: {exc}")
        pytest.skip(f"PostgreSQL unavailable here: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def seed_db_path(tmp_path_factory) -> Path:
    """The seed database, built once per test run."""
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    engine = make_engine(f"sqlite:///{path}")
    build(engine, progress=lambda _m: None)
    engine.dispose()  # closing the last connection checkpoints the WAL, so copying the file copies everything
    return path


@pytest.fixture(scope="session")
def _pg_seed_template(pg_server) -> str:
    """The seed built once into a template database that no test connects to (so it can be copied)."""
    url = pg_server.create_database("seed_template")
    engine = make_engine(url)
    build(engine, progress=lambda _m: None)
    engine.dispose()
    return "seed_template"


@pytest.fixture
def db_url(request, tmp_path) -> str:
    """A private copy of the seed database for a test that may write."""
    if _backend(request) == "postgresql":
        template = request.getfixturevalue("_pg_seed_template")
        return request.getfixturevalue("pg_server").create_database(f"test_{next(_names)}", template)
    path = tmp_path / "test.db"
    copy_sqlite(request.getfixturevalue("seed_db_path"), path)
    return f"sqlite:///{path}"


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy a live SQLite database, WAL contents included."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def seed_db_url(request) -> str:
    """The shared seed database, for tests that only read."""
    if _backend(request) == "postgresql":
        template = request.getfixturevalue("_pg_seed_template")
        return request.getfixturevalue("pg_server").create_database("seed", template)
    return f"sqlite:///{request.getfixturevalue('seed_db_path')}"


@pytest.fixture
def backend_url(request, tmp_path) -> str:
    """An empty database of the selected backend (schema not created)."""
    if _backend(request) == "postgresql":
        return request.getfixturevalue("pg_server").create_database(f"empty_{next(_names)}")
    return f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def sessions(db_url):
    return session_factory(make_engine(db_url))


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR


@pytest.fixture(scope="session", autouse=True)
def app_environment(tmp_path_factory):
    """Apps built by tests read publicly (PUBLIC_READ=1, like an open dashboard) and keep their secret key in a
    temporary file. Tests of accounts build theirs with ``public_read=False``; writes always need an account."""
    patch = pytest.MonkeyPatch()
    patch.setenv("PUBLIC_READ", "1")
    patch.setenv("SECRET_KEY_FILE", str(tmp_path_factory.mktemp("secret") / "secret_key"))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def g():
    """The national gazetteer (every province, prefecture and county of data/regions_national.csv), read once; a
    test module that reads another region file defines its own ``g``."""
    from etl.gazetteer import Gazetteer

    return Gazetteer.national()
