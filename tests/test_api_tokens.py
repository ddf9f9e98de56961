"""Personal API tokens (``etl tokens``) on a real server with a real SQLite file and PUBLIC_READ=0: shown once and
stored hashed, refused at once when revoked or when the account is disabled (also by a second server process on
the same file), read-only whatever the role (forged POSTs refused, nothing written), rate-limited; callers
without the right get 401/403 JSON, never a redirect to the login page."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import requests
from alembic.script import ScriptDirectory
from click.testing import CliRunner

from app import create_app
from db import schema
from db.session import make_engine
from etl.cli import cli
from harness.servers import live_server
from tests.accounts import SECRET, add_users
from tests.conftest import copy_sqlite

FIGURES = "/api/v1/figures?region=610000&indicator=poor_population_reduced&from=2019&to=2019"


def _app(url: str, **overrides):
    return create_app(
        url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET, **overrides
    )


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "tokens.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url)
    return url


@pytest.fixture
def base(url):
    with live_server(_app(url).server) as base:
        yield base


def etl(url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", url, *args])


def new_token(url: str, name: str, user: str) -> str:
    result = etl(url, "tokens", "add", name, "--user", user)
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def call(base: str, path: str, token: str | None = None, method: str = "GET", **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, f"{base}{path}", headers=headers, timeout=60, allow_redirects=False, **kwargs)


def dump(url: str) -> list[str]:
    """Every row of every table but api_tokens (each use records its time there), as SQL text."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return [line for line in conn.iterdump() if "api_tokens" not in line]


def test_token_is_printed_once_and_stored_only_as_its_hash(url):
    token = new_token(url, "notebook", "analyst1")
    assert token.startswith("fpt_") and len(token) >= 40
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        assert not any(token in line for line in conn.iterdump())
    listed = etl(url, "tokens", "list")
    assert listed.exit_code == 0 and "notebook\tanalyst1\tfpt_" in listed.output and token not in listed.output
    assert "last used never\tlive" in listed.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["tokens", "add", "x", "--user", "nobody"], "没有用户 'nobody':`python -m etl users list` 列出所有账户"),
        (["tokens", "add", "x", "--user", "nobody"], "/ no user 'nobody'; `python -m etl users list` shows"),
        (["tokens", "add", "123", "--user", "viewer1"], "令牌名称 '123':请用 1–64 个字符,不能全是数字"),
        (["tokens", "add", "123", "--user", "viewer1"], "(编号才是数字) / token name '123': use 1–64 characters"),
        (["tokens", "revoke", "missing"], "没有有效的令牌 'missing':`python -m etl tokens list`"),
        (["tokens", "revoke", "missing"], "列出令牌的名称和编号 / no live token 'missing'"),
    ],
)
def test_token_commands_say_what_is_wrong(url, args, message):
    result = etl(url, *args)
    assert result.exit_code == 1 and message in result.output


def test_a_live_name_is_not_given_twice(url):
    new_token(url, "nb", "viewer1")
    result = etl(url, "tokens", "add", "nb", "--user", "analyst1")
    assert result.exit_code == 1 and "已有名为 'nb' 的令牌:请另选名称,或先撤销该令牌 / " in result.output
    assert "/ a token named 'nb' exists; choose another name or revoke it first" in result.output


def test_no_credentials_get_401_json_never_a_redirect(base):
    for path in (FIGURES, "/api/v1/regions.csv", "/api/v1/progress?region=610000", "/api/v1/docs", "/api/v1/x", "/api"):
        response = call(base, path)
        assert response.status_code == 401, path
        assert response.headers["Content-Type"].startswith("application/json")
        assert "Location" not in response.headers and "login required" in response.json()["error"]
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert call(base, "/").status_code == 302  # pages still send a browser to the login form


def test_a_token_reads_as_its_user_and_records_its_last_use(url, base):
    token = new_token(url, "nb", "viewer1")
    response = call(base, FIGURES, token)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert sorted(f["value"] for f in response.json()["data"]) == [565000, 578800, 635000]
    assert call(base, "/api/v1/progress.csv?region=610000", token).content.startswith("\ufeff".encode())
    assert "last used never" not in etl(url, "tokens", "list").output


@pytest.mark.parametrize("header", ["Bearer fpt_not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz"])
def test_a_wrong_token_is_refused(base, header):
    response = requests.get(f"{base}{FIGURES}", headers={"Authorization": header}, timeout=30, allow_redirects=False)
    assert response.status_code == 401 and "error" in response.json()


def test_a_revoked_token_is_refused_at_once_by_every_server_on_the_database(url, base):
    token = new_token(url, "nb", "analyst1")
    with live_server(_app(url).server) as other:  # a second process's worth of app on the same file
        assert call(base, FIGURES, token).status_code == 200
        assert call(other, FIGURES, token).status_code == 200
        result = etl(url, "tokens", "revoke", "nb")
        assert result.exit_code == 0 and "revoked token" in result.output
        for server in (base, other):
            response = call(server, FIGURES, token)
            assert response.status_code == 401 and "revoked" in response.json()["error"]
    assert "revoked" in etl(url, "tokens", "list").output


def test_revoking_by_id_and_disabling_the_account_refuse_at_once(url, base):
    token = new_token(url, "nb", "planner_dingxi")
    assert call(base, FIGURES, token).status_code == 200
    assert etl(url, "users", "disable", "planner_dingxi").exit_code == 0
    response = call(base, FIGURES, token)
    assert response.status_code == 401 and "disabled" in response.json()["error"]
    refused = etl(url, "tokens", "add", "nb2", "--user", "planner_dingxi")
    assert refused.exit_code == 1 and "用户 'planner_dingxi' 已停用:请先运行 `python -m etl users" in refused.output
    assert "/ user 'planner_dingxi' is disabled; `python -m etl users enable planner_dingxi` first" in refused.output
    assert etl(url, "users", "enable", "planner_dingxi").exit_code == 0
    assert call(base, FIGURES, token).status_code == 200
    token_id = etl(url, "tokens", "list").output.split("\t", 1)[0]
    assert etl(url, "tokens", "revoke", token_id).exit_code == 0
    assert call(base, FIGURES, token).status_code == 401


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "/api/v1/figures", {"value": 1}),
        ("PUT", "/api/v1/figures", {"value": 1}),
        ("DELETE", "/api/v1/figures", None),
        ("POST", "/login", None),
        ("GET", "/export/data.csv?region=610000&indicator=poor_population_reduced", None),
        ("GET", "/", None),
        ("GET", "/history", None),
    ],
)
def test_an_admin_token_never_writes_nor_leaves_the_api(url, base, method, path, body):
    token = new_token(url, "admin-script", "admin1")
    before = dump(url)
    response = call(base, path, token, method=method, json=body)
    assert response.status_code == 403 and "read-only" in response.json()["error"]
    assert dump(url) == before


def test_an_admin_token_cannot_forge_a_revert_callback(url):
    """The very request an administrator's click on 撤销 Revert sends, with an admin token instead of a session."""
    from db.session import session_factory, transaction
    from etl import importer
    from tests.accounts import payload
    from tests.upload_files import target_row, targets_xlsx

    row = target_row(code="621100", name="定西市", end=2020, value="9.99万", note="synthetic forged-request test")
    with transaction(session_factory(make_engine(url))) as s:
        result = importer.check_and_preview(s, targets_xlsx(row), "定西.xlsx")
        batch_id = importer.commit(s, result, importer.Audit(user="admin1", note="synthetic batch to revert"))
    app = _app(url)
    forged = payload(
        app, "history-confirm.submit_n_clicks", {"history-confirm.submit_n_clicks": 1, "history-pending.data": batch_id}
    )
    token = new_token(url, "admin-script", "admin1")
    before = dump(url)
    with live_server(app.server) as base:
        response = call(base, "/_dash-update-component", token, method="POST", json=forged)
    assert response.status_code == 403 and "read-only" in response.json()["error"]
    assert dump(url) == before


def test_tokens_are_rate_limited_per_token(url):
    with live_server(_app(url, api_rate_per_minute=3).server) as base:
        first, second = new_token(url, "a", "viewer1"), new_token(url, "b", "viewer1")
        assert [call(base, "/api/v1/indicators", first).status_code for _ in range(3)] == [200, 200, 200]
        limited = call(base, "/api/v1/indicators", first)
        assert limited.status_code == 429 and 1 <= int(limited.headers["Retry-After"]) <= 60
        assert "3 requests a minute" in limited.json()["error"]
        assert call(base, "/api/v1/indicators", second).status_code == 200


def test_a_logged_in_session_reads_the_api_as_for_pages(url):
    from tests.accounts import PASSWORD, csrf_from

    with live_server(_app(url, secure_cookies=False).server) as base:  # plain HTTP on loopback
        _session_reads(base, PASSWORD, csrf_from)


def _session_reads(base: str, password: str, csrf_from) -> None:
    browser = requests.Session()
    token = csrf_from(browser.get(f"{base}/login", timeout=30).text)
    browser.post(f"{base}/login", data={"username": "viewer1", "password": password, "csrf_token": token}, timeout=60)
    assert browser.get(f"{base}{FIGURES}", timeout=30).status_code == 200
    refused = browser.post(f"{base}/api/v1/figures", timeout=30, allow_redirects=False)
    assert refused.status_code == 405 and "read-only" in refused.json()["error"]


def test_migration_0009_adds_the_token_table_keeping_every_row(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'before-tokens.db'}")
    previous = ScriptDirectory.from_config(schema.alembic_config(engine)).get_revision("0009_api_tokens").down_revision
    schema.upgrade(engine, previous)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) "
            "VALUES (7, 'upload', 'zhang', '2026-01-01 00:00:00', 'kept', 1, 0)"
        )
    schema.upgrade(engine, "0009_api_tokens")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT id, user_name, note FROM batches").all() == [(7, "zhang", "kept")]
        assert conn.exec_driver_sql("SELECT count(*) FROM api_tokens").scalar() == 0
    schema.upgrade(engine)


def test_token_store_checks_counts_and_revokes_on_the_backend(db_url):
    """The data layer alone, so that ``--backend postgresql`` runs it on PostgreSQL too."""
    from datetime import datetime, timedelta

    from db import tokens
    from db.session import session_factory, transaction

    add_users(db_url, {"viewer1": ("viewer", [])})
    sessions = session_factory(make_engine(db_url))
    at = datetime(2026, 11, 30, 6, 0, 0)
    with transaction(sessions) as s:
        secret, row = tokens.add_token(s, "nb", "viewer1", "test", at)
    verdicts = []
    for second in (0, 1, 2, 59, 61):
        with transaction(sessions) as s:
            verdicts.append(tokens.use_token(s, secret, at + timedelta(seconds=second), per_minute=3))
    assert [v.account[0] if v.account else v.reason for v in verdicts] == [
        "viewer1",
        "viewer1",
        "viewer1",
        "rate",
        "viewer1",  # a new window
    ]
    assert verdicts[3].retry_after == 1
    with transaction(sessions) as s:
        tokens.revoke(s, str(row["id"]), "test", at)
        assert tokens.use_token(s, secret, at, per_minute=3).reason == "revoked"
        assert tokens.use_token(s, secret + "x", at, per_minute=3).reason == "unknown"
        (listed,) = tokens.tokens(s)
    assert listed["last_used_at"] == at + timedelta(seconds=61) and listed["revoked_by"] == "test"
