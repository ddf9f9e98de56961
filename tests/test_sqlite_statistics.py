"""SQLite's planner statistics follow the data (db/statistics.py): a county's figures are read through the region
index however many batches the database has gathered since it was last analysed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db import statistics
from db.session import make_engine, session_factory, transaction
from tests.one_figure import import_one


def test_a_table_is_stale_once_it_holds_twice_its_analysed_rows():
    sizes = {"batches": 184, "sources": 5, "figures": 400, "regions": 3348}
    assert statistics.stale({"batches": 3, "figures": 200, "regions": 3348}, sizes) == ["batches"]
    assert statistics.stale({}, sizes) == ["batches", "figures", "regions"]  # never analysed; 5 rows: no matter


def _analysed_rows(engine, table: str) -> int:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT stat FROM sqlite_stat1 WHERE tbl = :t"), {"t": table}).scalars().all()
    return max(int(stat.split()[0]) for stat in rows)


def test_imports_that_double_the_batches_analyse_them_again(db_url):
    engine = make_engine(db_url)
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's autovacuum analyses by itself")
    sessions = session_factory(engine)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))  # as at the first build, with the seeds' few batches
    start = _analysed_rows(engine, "batches")
    for year in range(2031, 2031 + 2 * start + statistics.MIN_ROWS):
        with transaction(sessions) as s:
            import_one(s, "621102", year, 1.0)
    with engine.connect() as conn:
        batches = conn.execute(text("SELECT count(*) FROM batches")).scalar_one()
    assert batches > 2 * start
    analysed = _analysed_rows(engine, "batches")
    assert analysed > start and not statistics.stale({"batches": analysed}, {"batches": batches})
    with engine.connect() as conn:
        plan = conn.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT figures.id FROM figures JOIN batches ON batches.id = figures.batch_id "
                "WHERE batches.state = 'approved' AND figures.region_code >= '621102' AND figures.region_code <= "
                "'621102~'"
            )
        ).all()
    assert "SCAN batches" not in [row[3] for row in plan], plan


def test_batches_not_rolled_up_are_found_by_key_whatever_the_statistics(db_url):
    """Analysed when one batch was rolled up, rolled_batches claims one row: the read of the batches not rolled up
    yet (every page makes it) must still look each batch up by its key, not scan the table once per batch."""
    from sqlalchemy.dialects import sqlite

    from db import rollups

    engine = make_engine(db_url)
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner statistics")
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
        conn.execute(text("DELETE FROM sqlite_stat1 WHERE tbl IN ('rolled_batches', 'batches')"))
        conn.execute(text("INSERT INTO sqlite_stat1 VALUES ('rolled_batches', NULL, '1')"))
        conn.execute(text("INSERT INTO sqlite_stat1 VALUES ('batches', 'ix_batches_state', '200 200')"))
    engine.dispose()  # statistics are read when a connection opens
    statement = str(rollups._PENDING.compile(dialect=sqlite.dialect()))
    with engine.connect() as conn:
        plan = [row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}").all()]
    assert not any(step.startswith("SCAN rolled_batches") for step in plan), plan
    assert "rolled_batches" in statistics.WATCHED  # and its statistics follow its growth
