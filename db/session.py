"""Engines and sessions. One engine per app or CLI run; one transaction per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import repeat

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, a busy timeout and enforced foreign keys; PostgreSQL sessions run
    without JIT compilation and parallel workers, and cost a random page read as on SSD (``POSTGRES_OPTIONS``).

    Example: ``make_engine("sqlite:///data/dashboard.db")``
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql") and "options=" not in url:  # an operator's own ?options=... wins
        return create_engine(url, pool_pre_ping=True, connect_args={"options": POSTGRES_OPTIONS})
    return create_engine(url, pool_pre_ping=True)


# The dashboard's statements are short indexed reads, yet the planner cannot estimate a join on code ranges (a
# county's townships) and took one for millions of rows: it compiled the statement to machine code (JIT, 0.6 s)
# and started parallel workers (50 ms) for what takes 5 ms (bench: county drill-down pages at 5M figures). And
# with the default cost of a random page (4, a spinning disk's) it read all 234,000 roll-ups (37 ms) rather than
# the provinces' 2,176 through their index (1.6 ms): the figures a page reads are cached in memory or on SSD.
POSTGRES_OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"


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


READ_ONLY_SQLSTATE = "25006"  # read_only_sql_transaction: a hot standby, or default_transaction_read_only


class ReadOnlyDatabase(RuntimeError):
    """A write reached a read-only database (a PostgreSQL replica): nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "只读副本:此服务器从只读副本读取数据,写入(上传、修改、撤销、导入)请发往主库 / "
            "this server reads from a read-only replica: writes (uploads, edits, reverts, imports) go to the primary"
        )


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """Run a block in one transaction: commit whole, or roll back whole on any error.

    A write refused by a read-only replica raises ``ReadOnlyDatabase`` (after the rollback), for every writer.
    Example: ``with transaction(sessions) as s: s.add(row)``
    """
    try:
        with factory() as session, session.begin():
            yield session
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == READ_ONLY_SQLSTATE:
            raise ReadOnlyDatabase() from exc
        raise


def core_execute(session: Session, stmt, params: dict | None = None):
    """Run a select of plain columns on the session's connection, without the ORM's per-statement and per-row
    work (the read paths of the pages); pending ORM changes are flushed first, as ``session.execute`` would.

    Example: ``[dict(r._mapping) for r in core_execute(s, select(Region.code, Region.name_zh))]``
    """
    if session.autoflush and (session.new or session.dirty or session.deleted):
        session.flush()
    return session.connection().execute(stmt, params)


def plain_rows(session: Session, stmt, params: dict | None = None) -> list[tuple]:
    """``core_execute``'s rows as the DB-API driver gives them, without a SQLAlchemy row object each: for
    statements of thousands of rows of plain columns (numbers, text) whose values need no conversion by column
    type. Example: ``plain_rows(s, select(Region.code, Region.level))``
    """
    result = core_execute(session, stmt, params)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def dict_rows(session: Session, stmt, params: dict | None = None) -> list[dict]:
    """``core_execute``'s rows as dicts keyed by column name. Example: ``dict_rows(s, select(Region.code))``"""
    result = core_execute(session, stmt, params)
    keys = tuple(result.keys())
    # a row has its result's keys: no check; the loop in C, a fifth faster than a list comprehension (pages of
    # a thousand figures)
    return list(map(dict, map(zip, repeat(keys), result.all())))
