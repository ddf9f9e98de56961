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
