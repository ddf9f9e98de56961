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


def test_upgrade_to_0005_lists_overlapping_figures_and_keeps_figures(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    schema.upgrade(engine, "0004_scale")
    with engine.begin() as conn:
        for code, parent, level in (
            ("610000", None, "province"),
            ("610900", "610000", "prefecture"),
            ("610981", "610900", "county"),
            ("610902", "610900", "county"),
        ):
            conn.execute(
                text("INSERT INTO regions (code, parent_code, name_zh, name_en, level) VALUES (:c, :p, :c, :c, :l)"),
                {"c": code, "p": parent, "l": level},
            )
        conn.execute(
            text(
                "INSERT INTO indicators (code, name_zh, name_en, unit, kind, direction, basis) "
                "VALUES ('people', '人', 'people', '人', 'flow', 'up', 'registered')"
            )
        )
        conn.execute(text("INSERT INTO sources (id, kind, title, reliability) VALUES (1, 'upload', 'u', 'official')"))
        conn.execute(
            text(
                "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) "
                "VALUES (1, 'upload', 'planner', '2026-01-01 00:00:00', '', 0, 4)"
            )
        )
        for figure_id, region, year, value in (
            (1, "610900", 2017, 100),
            (2, "610981", 2017, 60),
            (3, "610902", 2017, 40),
            (4, "610981", 2018, 70),
        ):
            conn.execute(
                text(
                    "INSERT INTO figures (id, kind, region_code, indicator_code, period_start, period_end, value, "
                    "comparator, unit, source_id, batch_id, quote, note) VALUES (:i, 'actual', :r, 'people', "
                    ":y, :y, :v, '=', '人', 1, 1, '', '')"
                ),
                {"i": figure_id, "r": region, "y": year, "v": value},
            )
    schema.upgrade(engine, "0005_overlaps")
    with engine.connect() as conn:
        # the prefecture's 2017 total beside its counties' is listed; 2018 has one figure and is not
        assert conn.execute(text("SELECT figure_id, region_code FROM figure_overlaps ORDER BY figure_id")).all() == [
            (1, "610900"),
            (2, "610981"),
            (3, "610902"),
        ]
        assert conn.execute(text("SELECT count(*), sum(value) FROM figures")).one() == (4, 270.0)
    schema.upgrade(engine)
