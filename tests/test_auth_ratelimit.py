"""Login brute force: after 5 failures an account is locked for 15 minutes; one address after 20."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from app import create_app
from auth import ratelimit
from db.session import make_engine, session_factory, transaction
from etl.cli import cli
from tests.accounts import PASSWORD, SECRET, add_users, login
from tests.conftest import copy_sqlite

T0 = datetime(2026, 11, 24, 9, 0, 0)


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "rl.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url, {"li": ("viewer", []), "wang": ("viewer", [])})
    return url


@pytest.fixture
def client(url):
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)
    return app.server.test_client()


def test_after_five_failures_even_the_right_password_is_refused_with_retry_after(client):
    for _ in range(ratelimit.MAX_PER_USER):
        assert login(client, "li", "a wrong guess!!").status_code == 401
    locked = login(client, "li", PASSWORD)
    assert locked.status_code == 429 and "尝试次数过多" in locked.get_data(as_text=True)
    assert 0 < int(locked.headers["Retry-After"]) <= 15 * 60
    assert client.get("/").status_code == 302  # not logged in
    assert login(client, "wang", PASSWORD).status_code == 302  # other accounts are not affected


def test_unknown_names_are_locked_like_real_ones(client):
    for _ in range(ratelimit.MAX_PER_USER):
        login(client, "ghost", "a wrong guess!!")
    assert login(client, "ghost", "a wrong guess!!").status_code == 429


def test_a_success_before_the_limit_resets_the_account_count(client):
    for _ in range(ratelimit.MAX_PER_USER - 1):
        login(client, "li", "a wrong guess!!")
    assert login(client, "li", PASSWORD).status_code == 302
    for _ in range(ratelimit.MAX_PER_USER - 1):
        assert login(client, "li", "a wrong guess!!").status_code == 401


def test_lock_lifts_when_the_failures_leave_the_window(url):
    sessions = session_factory(make_engine(url))
    with transaction(sessions) as s:
        for i in range(ratelimit.MAX_PER_USER):
            ratelimit.record(s, "li", "10.0.0.1", False, T0 + timedelta(seconds=i))
        assert ratelimit.check(s, "li", "10.0.0.2", T0 + timedelta(minutes=1)) == ratelimit.Verdict(
            False, 14 * 60, "account"
        )
        assert ratelimit.check(s, "li", "10.0.0.2", T0 + timedelta(minutes=15, seconds=1)).allowed


def test_one_address_guessing_many_accounts_is_refused(url):
    sessions = session_factory(make_engine(url))
    with transaction(sessions) as s:
        for i in range(ratelimit.MAX_PER_ADDRESS):
            ratelimit.record(s, f"user{i}", "10.0.0.9", False, T0)
        ratelimit.record(s, "li", "10.0.0.9", True, T0)  # a success of its own does not reset an address
        verdict = ratelimit.check(s, "someone-new", "10.0.0.9", T0 + timedelta(seconds=30))
        assert not verdict.allowed and verdict.reason == "address"
        assert ratelimit.check(s, "someone-new", "10.0.0.10", T0 + timedelta(seconds=30)).allowed


def test_an_administrator_can_unlock_an_account(client, url):
    for _ in range(ratelimit.MAX_PER_USER):
        login(client, "li", "a wrong guess!!")
    assert login(client, "li", PASSWORD).status_code == 429
    result = CliRunner().invoke(cli, ["--database-url", url, "users", "unlock", "li"])
    assert result.exit_code == 0, result.output
    assert login(client, "li", PASSWORD).status_code == 302
