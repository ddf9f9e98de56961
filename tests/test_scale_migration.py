"""Migration 0004_scale upgrades a database in place: rows kept, regions numbered depth-first."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import text

from db import schema
from db.session import make_engine


def test_upgrade_to_0004_numbers_existing_regions_and_keeps_figures(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    previous = ScriptDirectory.from_config(schema.alembic_config(engine)).get_revision("0004_scale").down_revision
    schema.upgrade(engine, previous)
    with engine.begin() as conn:
        for code, parent in (("610000", None), ("610900", "610000"), ("610981", "610900"), ("620000", None)):
            conn.execute(
                text(
                    "INSERT INTO regions (code, parent_code, name_zh, name_en, level) VALUES (:c, :p, :c, :c, 'county')"
                ),
                {"c": code, "p": parent},
            )
        conn.execute(
            text(
                "INSERT INTO indicators (code, name_zh, name_en, unit, kind, direction, basis) "
                "VALUES ('people', '人', 'people', '人', 'flow', 'up', 'registered')"
            )
        )
        conn.execute(text("INSERT INTO sources (id, kind, title, reliability) VALUES (1, 'document', 'd', 'official')"))
        conn.execute(
            text(
                "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) "
                "VALUES (1, 'build', 'system', '2026-01-01 00:00:00', '', 1, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO figures (kind, region_code, indicator_code, period_start, period_end, value, "
                "comparator, unit, source_id, batch_id, quote, note) VALUES ('actual', '610981', 'people', "
                "2017, 2017, 42, '=', '人', 1, 1, 'q', '')"
            )
        )
    schema.upgrade(engine, "0004_scale")
    with engine.connect() as conn:
        numbered = conn.execute(text("SELECT code, dfs_lo, dfs_hi, code_hi FROM regions ORDER BY code")).all()
        assert numbered == [
            ("610000", 1, 3, "610981"),
            ("610900", 2, 3, "610981"),
            ("610981", 3, 3, "610981"),
            ("620000", 4, 4, "620000"),
        ]
        assert conn.execute(text("SELECT region_code, value, quote FROM figures")).all() == [("610981", 42.0, "q")]
        indexes = {r[1] for r in conn.execute(text("PRAGMA index_list('figures')"))}
        assert "ix_figures_subtree" in indexes
    schema.upgrade(engine)  # and on to the newest revision
