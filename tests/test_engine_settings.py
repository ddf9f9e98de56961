"""What every connection of ``db.session.make_engine`` is set to, on the backend of the run (``--backend``)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.session import make_engine


def test_each_connection_has_the_settings_the_dashboard_relies_on(backend_url):
    engine = make_engine(backend_url)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            # short indexed reads: no JIT compilation, no parallel workers (a misestimated range join took 0.6 s)
            assert conn.execute(text("SHOW jit")).scalar() == "off"
            assert conn.execute(text("SHOW max_parallel_workers_per_gather")).scalar() == "0"
            assert conn.execute(text("SHOW random_page_cost")).scalar() == "1.1"  # indexes over a full read
        else:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    engine.dispose()


def test_an_operators_own_options_in_the_url_are_kept(backend_url):
    if not backend_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's options: the --backend postgresql run")
    engine = make_engine(backend_url + "?options=-c%20jit%3Don")
    with engine.connect() as conn:
        assert conn.execute(text("SHOW jit")).scalar() == "on"
    engine.dispose()
