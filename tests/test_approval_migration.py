"""Migration 0008_approval upgrades an existing database in place: every batch it holds counts as approved,
reverted ones stay reverted, the data-version triggers keep working."""

from __future__ import annotations

from sqlalchemy import text

from db import schema
from db.queries import figures as figure_records
from db.session import make_engine, session_factory

ROWS = [
    "INSERT INTO regions (code, parent_code, name_zh, name_en, level) VALUES ('621100', NULL, '定西市', 'Dingxi', "
    "'prefecture')",
    "INSERT INTO indicators (code, name_zh, name_en, unit, kind, direction, basis) VALUES "
    "('people', '脱贫人口', 'people', '人', 'flow', 'up', 'registered')",
    "INSERT INTO sources (id, kind, title, reliability) VALUES (1, 'document', 'd', 'official')",
    "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) VALUES "
    "(1, 'build', 'system', '2026-01-01 00:00:00', '', 1, 0)",
    "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) VALUES "
    "(2, 'upload', 'li', '2026-02-01 00:00:00', 'u', 0, 1)",
    "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals, reverted_at, "
    "reverted_by) VALUES (3, 'upload', 'li', '2026-03-01 00:00:00', 'r', 0, 1, '2026-03-02 00:00:00', 'li')",
] + [
    "INSERT INTO figures (kind, region_code, indicator_code, period_start, period_end, value, comparator, unit, "
    f"source_id, batch_id, quote, note) VALUES ('actual', '621100', 'people', 2016, 2016, {value}, '=', '人', 1, "
    f"{batch}, '', '')"
    for batch, value in ((1, 100), (2, 110), (3, 999))
]


def test_an_existing_0005_database_upgrades_in_place_with_every_batch_approved(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    schema.upgrade(engine, "0005_overlaps")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    schema.upgrade(engine, "0008_approval")
    with engine.connect() as conn:
        states = conn.execute(text("SELECT id, state, reverted_by FROM batches ORDER BY id")).all()
        assert states == [(1, "approved", None), (2, "approved", None), (3, "approved", "li")]
        assert conn.execute(text("SELECT approval_required FROM regions")).scalar_one() == 0
        before = conn.execute(text("SELECT version FROM data_state")).scalar_one()
    with engine.begin() as conn:  # the triggers on batches survived the new columns; notes have their own
        conn.execute(text("UPDATE batches SET note = 'n' WHERE id = 2"))
        conn.execute(
            text(
                "INSERT INTO notes (region_code, indicator_code, year, text, author, created_at) "
                "VALUES ('621100', 'people', 2016, 'x', 'li', '2026-04-01 00:00:00')"
            )
        )
        assert conn.execute(text("SELECT version FROM data_state")).scalar_one() == before + 2
    with session_factory(engine)() as s:
        assert sorted(r["value"] for r in figure_records(s)) == [100.0, 110.0]  # the reverted batch stays out
    schema.upgrade(engine)


def test_the_seed_database_goes_down_to_0005_and_up_again_keeping_its_figures(db_url):
    engine = make_engine(db_url)
    with engine.connect() as conn:
        count = conn.execute(text("SELECT COUNT(*) FROM figures")).scalar_one()
    schema.upgrade(engine)
    from alembic import command

    cfg = schema.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005_overlaps")
    schema.upgrade(engine, "0008_approval")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM figures")).scalar_one() == count
        assert conn.execute(text("SELECT DISTINCT state FROM batches")).scalars().all() == ["approved"]
