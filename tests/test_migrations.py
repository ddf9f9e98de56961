"""Stored figures are official records: the schema only changes through migrations that keep data."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from db import schema
from db.models import Base
from db.session import make_engine


def test_models_and_migrations_agree(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    schema.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models differ from migrations: write a migration for {diff}"


def test_upgrade_from_the_first_revision_keeps_every_row(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    schema.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO regions (code, parent_code, name_zh, name_en, level) "
                "VALUES ('621100', NULL, '定西市', 'Dingxi', 'prefecture')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO indicators (code, name_zh, name_en, unit, kind, direction, basis) "
                "VALUES ('poor_population_reduced', '脱贫人口', 'People lifted', '人', 'flow', 'up', 'registered')"
            )
        )
        conn.execute(
            text("INSERT INTO sources (id, kind, title, reliability) VALUES (1, 'document', 'doc', 'official')")
        )
        conn.execute(
            text(
                "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) "
                "VALUES (1, 'build', 'system', '2026-01-01 00:00:00', '', 1, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO figures (kind, region_code, indicator_code, period_start, period_end, value, "
                "comparator, unit, source_id, batch_id, quote, note) VALUES ('target', '621100', "
                "'poor_population_reduced', 2016, 2016, 285200, '=', '万人', 1, 1, '28.52万人', '')"
            )
        )
    schema.upgrade(engine)
    with engine.connect() as conn:
        head = ScriptDirectory.from_config(schema.alembic_config(engine)).get_current_head()
        assert MigrationContext.configure(conn).get_current_revision() == head
        assert conn.execute(text("SELECT value, quote FROM figures")).all() == [(285200.0, "28.52万人")]
