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


def test_the_login_page_does_not_carry_a_forged_next_into_its_form(login_app):
    page = login_app.server.test_client().get("/login?next=/%09/evil.example/phish").get_data(as_text=True)
    assert 'name="next" value=""' in page
