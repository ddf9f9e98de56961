"""An attacker's checks against login: open redirects through ``next``, raced lock-outs, sessions after logout.

Each test forges what a hostile tester sent (issue 16) through the real app: Flask's test client, or real
threads against a real server where timing matters.
"""

from __future__ import annotations

import pytest

from app import create_app
from auth.next_url import safe_next
from tests.accounts import PASSWORD, SECRET, add_users, csrf_from

# every form a browser would read as another site (or that breaks the Location header), and what login answers
HOSTILE_NEXT = [
    "//evil.example/phish",
    "///evil.example/phish",
    "/\t/evil.example/phish",  # what /login?next=/%09/evil.example/phish decodes to; Werkzeug drops the tab
    "/\n/evil.example/phish",
    "/\r/evil.example/phish",
    "/\r\nSet-Cookie: x=1",
    "\t//evil.example",
    " //evil.example",
    "/ /evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "HTTPS://evil.example/",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example/phish",
    "/\x00/evil.example",
    "/\x7f/evil.example",
    "/\u2028/evil.example",  # line separator
    "/\u200b/evil.example",  # zero-width space
    "/\u3000/evil.example",  # ideographic space
    "/" + "a" * 3000,
    "",
]
SAME_SITE = [
    "/",
    "/region/621100?lang=en",
    "/region/621100?lang=en&indicator=poor_population_reduced#top",
    "/map?from=2016",
    "/%2F%2Fevil.example",  # percent-encoded slashes stay a path on this site
    "/region/定西",
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_next_refuses_every_form_a_browser_would_read_as_another_site(target):
    assert safe_next(target) == ""


@pytest.mark.parametrize("target", SAME_SITE)
def test_next_keeps_paths_of_this_site(target):
    assert safe_next(target) == target


@pytest.fixture(scope="module")
def login_app(seed_db_path, tmp_path_factory):
    from pathlib import Path

    from tests.conftest import copy_sqlite

    path = tmp_path_factory.mktemp("hardening") / "auth.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url, {"viewer1": ("viewer", [])})
    return create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_login_with_a_forged_next_goes_home(login_app, target):
    client = login_app.server.test_client()
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login", data={"username": "viewer1", "password": PASSWORD, "csrf_token": token, "next": target}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_a_stranger_on_a_long_address_is_sent_to_a_login_page_that_can_be_served(login_app):
    client = login_app.server.test_client()
    response = client.get("/region/621100?indicator=" + "%E5%AE%9A" * 400)
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert client.get(response.headers["Location"]).status_code == 200


def test_the_login_page_does_not_carry_a_forged_next_into_its_form(login_app):
    page = login_app.server.test_client().get("/login?next=/%09/evil.example/phish").get_data(as_text=True)
    assert 'name="next" value=""' in page


# --- the lock cannot be raced: check and count are one step in the database (SQLite and PostgreSQL) ---


def _fresh_login_form(base: str):
    import requests

    browser = requests.Session()
    token = csrf_from(browser.get(f"{base}/login", timeout=30).text)
    return browser, token


def _race(base: str, names: list[str], password: str) -> list[int]:
    """Log in as each of ``names`` at the same instant, each from its own browser session; the statuses."""
    import threading

    forms = [_fresh_login_form(base) for _ in names]
    start = threading.Barrier(len(names))
    statuses: list[int] = []

    def attempt(form, name):
        browser, token = form
        start.wait()
        response = browser.post(
            f"{base}/login",
            data={"username": name, "password": password, "csrf_token": token},
            allow_redirects=False,
            timeout=120,
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=attempt, args=pair) for pair in zip(forms, names, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return statuses


def _attempts_recorded(db_url: str, **where) -> int:
    from sqlalchemy import func, select

    from db.models import LoginAttempt
    from db.session import make_engine, session_factory

    column, value = next(iter(where.items()))
    with session_factory(make_engine(db_url))() as s:
        return s.scalar(select(func.count()).select_from(LoginAttempt).where(getattr(LoginAttempt, column) == value))


@pytest.fixture
def live_login(db_url):
    from harness.servers import live_server

    add_users(db_url, {"li": ("viewer", [])})
    app = create_app(
        db_url,
        build_if_empty=False,
        progress=lambda _m: None,
        public_read=False,
        secret_key=SECRET,
        secure_cookies=False,
    )
    with live_server(app.server) as base:
        yield base


def test_twenty_wrong_passwords_at_once_check_at_most_five_and_lock_the_account(live_login, db_url):
    from auth import passwords, ratelimit

    before = passwords.checks_run()
    statuses = _race(live_login, ["li"] * 20, "a wrong guess!!")
    checked = passwords.checks_run() - before
    assert sorted(set(statuses)) == [401, 429] and len(statuses) == 20
    assert checked <= ratelimit.MAX_PER_USER and statuses.count(401) == checked
    assert _attempts_recorded(db_url, user_name="li") == checked  # each check is on record, nothing more
    browser, token = _fresh_login_form(live_login)
    right = browser.post(
        f"{live_login}/login", data={"username": "li", "password": PASSWORD, "csrf_token": token}, allow_redirects=False
    )
    assert right.status_code == 429  # locked, even with the right password


def test_one_address_guessing_many_accounts_at_once_is_held_to_its_limit(live_login, db_url):
    from auth import passwords, ratelimit

    before = passwords.checks_run()
    statuses = _race(live_login, [f"guess{i}" for i in range(ratelimit.MAX_PER_ADDRESS + 6)], "a wrong guess!!")
    checked = passwords.checks_run() - before
    assert checked <= ratelimit.MAX_PER_ADDRESS and statuses.count(429) >= 6
    assert _attempts_recorded(db_url, address="127.0.0.1") == checked


# --- logout ends the session on the server: a copied cookie stops working ---


@pytest.fixture
def account_app(db_url):
    add_users(db_url, {"viewer1": ("viewer", [])})
    return create_app(db_url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


def _copy_of(app, client):
    thief = app.server.test_client()
    thief.set_cookie("fp_session", client.get_cookie("fp_session").value)
    return thief


def test_a_cookie_copied_before_logout_no_longer_answers(account_app):
    from tests.accounts import csrf_header, login, payload, post_callback

    client = account_app.server.test_client()
    assert login(client, "viewer1").status_code == 302
    thief = _copy_of(account_app, client)
    assert thief.get("/").status_code == 200  # the copy works while the session lives
    thief.set_cookie("_csrf_token", csrf_header(client)["X-CSRFToken"])
    page = client.get("/logout").get_data(as_text=True)
    assert client.post("/logout", data={"csrf_token": csrf_from(page)}).status_code == 200
    assert thief.get("/").status_code == 302
    read = payload(account_app, "url.pathname", {"url.pathname": "/region/621100"})
    assert post_callback(thief, read).status_code == 401


def test_logging_out_ends_only_that_session(account_app):
    from tests.accounts import login

    first, second = account_app.server.test_client(), account_app.server.test_client()
    login(first, "viewer1")
    login(second, "viewer1")
    page = first.get("/logout").get_data(as_text=True)
    first.post("/logout", data={"csrf_token": csrf_from(page)})
    assert first.get("/").status_code == 302 and second.get("/").status_code == 200


def test_a_session_ends_on_the_server_when_it_expires_and_when_the_account_is_disabled(account_app, db_url):
    from sqlalchemy import text

    from db import accounts
    from db.session import make_engine, session_factory, transaction
    from tests.accounts import login

    engine = make_engine(db_url)
    client = account_app.server.test_client()
    login(client, "viewer1")
    with engine.begin() as conn:
        conn.execute(text("UPDATE sessions SET expires_at = '2000-01-01 00:00:00'"))
    assert client.get("/").status_code == 302  # the cookie is still signed and fresh: the server says no
    login(client, "viewer1")
    assert client.get("/").status_code == 200
    with transaction(session_factory(engine)) as s:
        accounts.set_active(s, "viewer1", False, by="test")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sessions")).scalar() == 0
    assert client.get("/").status_code == 302
