"""Migration 0003_auth upgrades a database built at the revision before it, in place, keeping every row."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from auth.passwords import hash_password
from db import accounts, schema
from db.session import make_engine, session_factory, transaction


def test_upgrade_to_auth_keeps_figures_and_adds_accounts(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'before-auth.db'}")
    previous = ScriptDirectory.from_config(schema.alembic_config(engine)).get_revision("0003_auth").down_revision
    schema.upgrade(engine, previous)
    assert "users" not in inspect(engine).get_table_names()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO regions (code, parent_code, name_zh, name_en, level) "
                "VALUES ('621100', NULL, '定西市', 'Dingxi', 'prefecture')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) "
                "VALUES (7, 'upload', 'zhang', '2026-01-01 00:00:00', 'kept', 1, 0)"
            )
        )
    schema.upgrade(engine, "0003_auth")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, user_name, note FROM batches")).all() == [(7, "zhang", "kept")]
    with transaction(session_factory(engine)) as s:
        accounts.add_user(s, "li", hash_password("a long passphrase"), "planner", ["621100"], by="test")
    with session_factory(engine)() as s:
        assert accounts.user_by_name(s, "li")["regions"] == ["621100"]
    schema.upgrade(engine)  # and on to the newest revision
