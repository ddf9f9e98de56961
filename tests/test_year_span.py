"""The first and last year of live figures (``db.queries.year_span``): every page's year range."""

from __future__ import annotations

from sqlalchemy import text

from db import batches, cache, queries, visibility
from db.session import make_engine, session_factory, transaction
from tests.one_figure import import_one


def _import(sessions, year: int) -> int:
    with transaction(sessions) as s:
        return import_one(s, "621102", year, 1.0)


def _span(sessions):
    cache.clear()
    with sessions() as s:
        return queries.year_span(s)


def test_a_reverted_batch_leaves_the_span(db_url):
    sessions = session_factory(make_engine(db_url))
    first, last = _span(sessions)
    batch = _import(sessions, 2031)
    assert _span(sessions) == (first, 2031)
    with transaction(sessions) as s:
        batches.revert(s, batch, "tester")
    assert _span(sessions) == (first, last)


def test_the_span_reads_no_batch_rows(db_url):
    # the batches that do not count are named by id: a join with batches let SQLite, its statistics taken when the
    # database had three batches, walk every province's roll-ups once per batch (100 ms at 184 batches)
    engine = make_engine(db_url)
    sessions = session_factory(engine)
    batch = _import(sessions, 2031)
    with transaction(sessions) as s:
        batches.revert(s, batch, "tester")
    with sessions() as s:
        stmt = queries._year_span_select(tuple(visibility.skipped(s)), ())
        sql = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
        if engine.dialect.name == "sqlite":
            plan = [row[3] for row in s.execute(text("EXPLAIN QUERY PLAN " + sql))]
        else:
            plan = [row[0] for row in s.execute(text("EXPLAIN " + sql))]
    assert not [step for step in plan if "batches" in step], plan
