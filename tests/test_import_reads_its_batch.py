"""An import reads its own figures and the regions above them, never a whole table, even when SQLite's statistics
come from a database loaded in one large batch (db/batch_rows.py, db/tree.py ``lineage``)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from db import tree
from db.session import make_engine, session_factory, transaction
from tests.one_figure import import_one

LOADED_IN_ONE_BATCH = 5_000_000


def _as_if_loaded_in_one_batch(engine) -> None:
    """The statistics ``ANALYZE`` takes of 5,000,000 figures written in one batch (``etl synth``, a bulk load)."""
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
        for idx, stat in conn.execute(text("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'figures'")).all():
            rest = stat.split()[1:]
            if idx == "ix_figures_batch_id":
                rest = [str(LOADED_IN_ONE_BATCH)]
            new = " ".join([str(LOADED_IN_ONE_BATCH), *rest])
            conn.execute(text("UPDATE sqlite_stat1 SET stat = :s WHERE idx = :i"), {"s": new, "i": idx})
    engine.dispose()  # statistics are read when a connection opens


def _plans(engine, statements) -> list[str]:
    out = []
    with engine.connect() as conn:
        for statement, parameters in statements:
            if statement.lstrip().upper().startswith("SELECT"):
                rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
                out += [f"{row[3]}  <-  {' '.join(statement.split())[:160]}" for row in rows]
    return out


def test_an_import_scans_neither_the_figures_nor_the_regions(db_url):
    engine = make_engine(db_url)
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's statistics keep each batch's share (most common values)")
    _as_if_loaded_in_one_batch(engine)
    statements = []

    def record(_conn, _cursor, statement, parameters, _context, executemany):
        if not executemany:
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    with transaction(session_factory(engine)) as s:
        import_one(s, "621102", 2031, 7.0)
    event.remove(engine, "before_cursor_execute", record)
    plans = _plans(engine, statements)
    assert any("ix_figures_batch_id" in p for p in plans), plans  # the roll-up read its batch's figures
    full = [p for p in plans if p.startswith(("SCAN figures", "SCAN regions", "SCAN f ", "SCAN r "))]
    assert full == []


def test_lineage_is_the_regions_and_those_above_them(db_url):
    engine = make_engine(db_url)
    with session_factory(engine)() as s:
        nodes = tree.lineage(s, ["621102", "no-such-code"])
    assert nodes["621102"][:2] == ("621100", "county")
    assert nodes["621100"][:2] == ("620000", "prefecture")
    assert nodes["620000"][0] is None
    assert "no-such-code" not in nodes and "610000" not in nodes
