"""Login, logout, sessions and CSRF through the real app and Flask's test client."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import create_app
from auth.headers import script_hash
from auth.passwords import hash_password
from db import accounts
from db.session import make_engine, session_factory, transaction
from tests.accounts import (
    PASSWORD,
    SECRET,
    add_users,
    answer_text,
    csrf_from,
    csrf_header,
    login,
    payload,
    post_callback,
)
from tests.conftest import copy_sqlite

READ = {"url.pathname": "/region/621100", "url.search": "?indicator=poor_population_reduced"}


@pytest.fixture(scope="module")
def auth_db_url(seed_db_path, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("auth") / "auth.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url)
    return url


@pytest.fixture(scope="module")
def app(auth_db_url):
    return create_app(auth_db_url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


def read_callback(app) -> dict:
    return payload(app, "url.pathname", READ)


@pytest.fixture
def client(app):
    return app.server.test_client()


def test_strangers_see_only_the_login_page(app, client):
    page = client.get("/region/621100?lang=en")
    assert page.status_code == 302 and page.headers["Location"] == "/login?next=%2Fregion%2F621100%3Flang%3Den"
    assert client.get("/_dash-layout").status_code == 401
    assert post_callback(client, read_callback(app)).status_code == 401
    form = client.get("/login").get_data(as_text=True)
    for field in ('name="username"', 'name="password"', 'type="hidden" name="csrf_token"', 'action="/login"'):
        assert field in form


def test_login_with_the_right_password_opens_the_dashboard(app, client):
    response = login(client, "viewer1")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/").status_code == 200
    answer = post_callback(client, read_callback(app))
    assert answer.status_code == 200 and "28.52万人" in answer_text(answer)


@pytest.mark.parametrize("name, password", [("viewer1", "wrong password here"), ("nobody", PASSWORD)])
def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(client, name, password):
    response = login(client, name, password)
    assert response.status_code == 401 and "用户名或密码错误" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_login_without_the_form_token_is_refused(client):
    response = client.post("/login", data={"username": "viewer1", "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/region/621100?lang=en", "/region/621100?lang=en"),
        ("//evil.example/phish", "/"),
        ("https://evil.example/", "/"),
    ],
)
def test_login_returns_only_to_pages_of_this_site(client, target, expected):
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login", data={"username": "viewer1", "password": PASSWORD, "csrf_token": token, "next": target}
    )
    assert response.headers["Location"] == expected


def test_session_cookie_is_http_only_same_site_and_secure(client):
    response = login(client, "viewer1")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("fp_session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_logout_needs_a_post_with_its_token(client):
    login(client, "viewer1")
    page = client.get("/logout")
    assert page.status_code == 200 and client.get("/").status_code == 200  # a GET (a link elsewhere) changes nothing
    assert client.post("/logout", data={}).status_code == 400
    response = client.post("/logout", data={"csrf_token": csrf_from(page.get_data(as_text=True))})
    assert "您已退出" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_callbacks_of_a_logged_in_user_need_the_csrf_header(app, client):
    login(client, "viewer1")
    assert client.post("/_dash-update-component", json=read_callback(app)).status_code == 400
    assert (
        client.post("/_dash-update-component", json=read_callback(app), headers={"X-CSRFToken": "forged"}).status_code
        == 400
    )
    assert post_callback(client, read_callback(app)).status_code == 200


def test_cross_origin_posts_are_refused(app, client):
    login(client, "viewer1")
    headers = {**csrf_header(client), "Origin": "https://evil.example"}
    assert client.post("/_dash-update-component", json=read_callback(app), headers=headers).status_code == 403


def test_disabling_an_account_or_changing_its_password_ends_its_sessions(app, auth_db_url):
    sessions = session_factory(make_engine(auth_db_url))
    with transaction(sessions) as s:
        accounts.add_user(s, "temp1", hash_password(PASSWORD), "viewer", [], by="test")
    first, second = app.server.test_client(), app.server.test_client()
    login(first, "temp1")
    login(second, "temp1")
    with transaction(sessions) as s:
        accounts.set_password(s, "temp1", hash_password("another long password"), by="test")
    assert first.get("/").status_code == 302
    login(second, "temp1", "another long password")
    with transaction(sessions) as s:
        accounts.set_active(s, "temp1", False, by="test")
    assert second.get("/").status_code == 302
    assert login(second, "temp1", "another long password").status_code == 401


def test_the_header_names_the_user_and_offers_logout(client):
    login(client, "planner_dingxi")
    layout = answer_text(client.get("/_dash-layout"))
    assert "planner_dingxi" in layout and "621100" in layout and "/logout" in layout


def test_security_headers_and_a_csp_that_allows_only_dash_own_inline_script(client):
    login(client, "viewer1")
    response = client.get("/")
    html = response.get_data(as_text=True)
    csp = response.headers["Content-Security-Policy"]
    assert (
        "frame-ancestors 'none'" in csp
        and "object-src 'none'" in csp
        and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    )
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)  # conditional comments for old IE never run
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", html, re.S)
    assert inline, "the index page has Dash's inline renderer script"
    for source in inline:
        assert script_hash(source) in csp
    assert client.get("/login").headers["X-Frame-Options"] == "DENY"


def test_oversized_requests_are_refused_before_parsing(client, app):
    login(client, "admin1")
    limit = app.server.config["MAX_CONTENT_LENGTH"]
    body = b"{" + b" " * limit + b"}"
    response = client.post(
        "/_dash-update-component", data=body, content_type="application/json", headers=csrf_header(client)
    )
    assert response.status_code == 413


def test_public_read_lets_anyone_view_but_not_log_in_as_someone(auth_db_url):
    app = create_app(auth_db_url, build_if_empty=False, progress=lambda _m: None, public_read=True, secret_key=SECRET)
    client = app.server.test_client()
    assert client.get("/region/621100").status_code == 200
    assert post_callback(client, read_callback(app)).status_code == 200
    assert "/login" in answer_text(client.get("/_dash-layout"))


def test_without_an_administrator_the_login_page_says_how_to_create_one(db_url):
    messages = []
    app = create_app(db_url, build_if_empty=False, progress=messages.append, public_read=False, secret_key=SECRET)
    assert any("python -m etl users add admin --role admin" in m for m in messages)
    page = app.server.test_client().get("/login").get_data(as_text=True)
    assert 'id="first-admin"' in page and "users add admin --role admin" in page


def test_with_an_administrator_the_login_page_gives_no_hint(client):
    assert 'id="first-admin"' not in client.get("/login").get_data(as_text=True)


@pytest.mark.parametrize(("who", "offered"), [("viewer1", False), ("analyst1", False), ("planner_dingxi", True)])
def test_upload_tools_are_offered_only_to_those_who_may_write(app, client, who, offered):
    login(client, who)
    assert ("nav-upload" in answer_text(client.get("/_dash-layout"))) is offered
    page = answer_text(post_callback(client, payload(app, "url.pathname", {"url.pathname": "/upload"})))
    assert ("upload-file" in page) is offered and ("upload-not-allowed" in page) is not offered


def test_every_export_route_needs_the_export_right_even_without_its_own_check(auth_db_url):
    app = create_app(auth_db_url, build_if_empty=False, progress=lambda _m: None, public_read=True, secret_key=SECRET)
    app.server.add_url_rule("/export/new-format.csv", "new_export", lambda: "a,b\n")  # no check of its own
    expected = {"anonymous": 401, "viewer1": 403, "analyst1": 200, "planner_dingxi": 200, "admin1": 200}
    for who, status in expected.items():
        client = app.server.test_client()
        if who != "anonymous":
            login(client, who)
        assert client.get("/export/new-format.csv").status_code == status, who
