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


def test_upgrade_to_0006_keeps_accounts_and_lets_them_log_in_with_server_side_sessions(backend_url):
    from app import create_app
    from tests.accounts import SECRET, login

    engine = make_engine(backend_url)
    schema.upgrade(engine, "0005_overlaps")
    assert "sessions" not in inspect(engine).get_table_names()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO regions (code, parent_code, name_zh, name_en, level) "
                "VALUES ('621100', NULL, '定西市', 'Dingxi', 'prefecture')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO users (id, name, password_hash, role, active, created_at, created_by) "
                "VALUES (4, 'li', :h, 'planner', true, '2026-01-01 00:00:00', 'test')"
            ),
            {"h": hash_password("a long passphrase")},
        )
        conn.execute(text("INSERT INTO user_regions (user_id, region_code) VALUES (4, '621100')"))
        conn.execute(
            text(
                "INSERT INTO login_attempts (user_name, address, at, succeeded) "
                "VALUES ('li', '10.0.0.5', '2026-01-01 00:00:00', false)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) "
                "VALUES (7, 'upload', 'li', '2026-01-01 00:00:00', 'kept', 1, 0)"
            )
        )
    schema.upgrade(engine, "0006_sessions")
    with session_factory(engine)() as s:
        kept = accounts.user_by_name(s, "li")
        assert (kept["id"], kept["role"], kept["regions"]) == (4, "planner", ["621100"])
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, user_name, note FROM batches")).all() == [(7, "li", "kept")]
        assert conn.execute(text("SELECT user_name, address FROM login_attempts")).all() == [("li", "10.0.0.5")]
        assert conn.execute(text("SELECT count(*) FROM sessions")).scalar() == 0
    app = create_app(backend_url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)
    assert login(app.server.test_client(), "li", "a long passphrase").status_code == 302
    with engine.connect() as conn:
        assert conn.execute(text("SELECT user_id FROM sessions")).all() == [(4,)]
