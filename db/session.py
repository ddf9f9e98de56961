"""Engines and sessions. One engine per app or CLI run; one transaction per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, a busy timeout and enforced foreign keys.

    Example: ``make_engine("sqlite:///data/dashboard.db")``
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    if not _is_memory(dbapi_conn):
        cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _is_memory(dbapi_conn) -> bool:
    row = dbapi_conn.execute("PRAGMA database_list").fetchone()
    return not row or not row[2]


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """Run a block in one transaction: commit whole, or roll back whole on any error."""
    with factory() as session, session.begin():
        yield session
