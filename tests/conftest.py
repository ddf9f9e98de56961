"""Shared fixtures: a real SQLite file per session built from data/sources/, never the default database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.session import make_engine, session_factory
from etl.build import build

OUTPUT_DIR = Path(__file__).parent / "output"


@pytest.fixture(scope="session")
def seed_db_path(tmp_path_factory) -> Path:
    """The seed database, built once per test run."""
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    engine = make_engine(f"sqlite:///{path}")
    build(engine, progress=lambda _m: None)
    engine.dispose()  # closing the last connection checkpoints the WAL, so copying the file copies everything
    return path


@pytest.fixture
def db_url(seed_db_path, tmp_path) -> str:
    """A private copy of the seed database for a test that may write."""
    path = tmp_path / "test.db"
    copy_sqlite(seed_db_path, path)
    return f"sqlite:///{path}"


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy a live SQLite database, WAL contents included."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def seed_db_url(seed_db_path) -> str:
    """The shared seed database, for tests that only read."""
    return f"sqlite:///{seed_db_path}"


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
