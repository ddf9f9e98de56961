"""Test helpers for accounts: make users in a test database, log a Flask test client in, forge callbacks."""

from __future__ import annotations

import json
import re
import sqlite3

from auth.passwords import hash_password
from db import accounts
from db.session import make_engine, session_factory, transaction

PASSWORD = "correct horse battery staple"
SECRET = "test-secret-key-0123456789-abcdefghijklmnop"

# the cast of every permission test: name -> (role, regions)
CAST = {
    "viewer1": ("viewer", []),
    "analyst1": ("analyst", []),
    "planner_dingxi": ("planner", ["621100"]),  # 定西市 and its counties
    "planner_shaanxi": ("planner", ["610000"]),  # another province
    "admin1": ("admin", []),
}


def add_users(db_url: str, cast: dict = CAST, password: str = PASSWORD) -> None:
    hashed = hash_password(password)  # one hash for all: Argon2 is slow on purpose
    with transaction(session_factory(make_engine(db_url))) as s:
        for name, (role, regions) in cast.items():
            accounts.add_user(s, name, hashed, role, regions, by="test")


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, name: str, password: str = PASSWORD):
    """Log ``client`` in through the real form; returns the response to the POST."""
    token = csrf_from(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"username": name, "password": password, "csrf_token": token})


def csrf_header(client) -> dict:
    """The header dash-renderer sends: the ``_csrf_token`` cookie (set on the first page a logged-in user loads)."""
    cookie = client.get_cookie("_csrf_token")
    if cookie is None:
        client.get("/")
        cookie = client.get_cookie("_csrf_token")
    return {"X-CSRFToken": cookie.value} if cookie else {}


def post_callback(client, payload: dict):
    """POST a callback as the browser would (JSON, with the CSRF header when logged in)."""
    return client.post("/_dash-update-component", json=payload, headers=csrf_header(client))


def answer_text(response) -> str:
    """A callback's answer as readable text (Dash escapes non-ASCII in its JSON)."""
    return json.dumps(response.get_json(), ensure_ascii=False)


def payload(app, trigger: str, values: dict | None = None) -> dict:
    """The JSON dash-renderer would POST when ``trigger`` ("id.prop", an input) changes.

    ``values`` maps "id.prop" to the value sent for each input and state (others are sent as None), so the
    forged request follows the callback's current signature. Pattern-matching ids are given as JSON strings.
    Example: ``payload(app, "url.pathname", {"url.pathname": "/region/621100"})``
    """
    values = values or {}

    def name(dep_id) -> str:
        return dep_id if isinstance(dep_id, str) else json.dumps(dep_id, sort_keys=True, separators=(",", ":"))

    def items(spec, kind: str) -> list[dict]:
        return [
            {"id": d["id"], "property": d["property"], "value": values.get(f"{name(d['id'])}.{d['property']}")}
            for d in spec.get(kind, [])
        ]

    key, spec = next(
        (k, v)
        for k, v in app.callback_map.items()
        if any(f"{name(d['id'])}.{d['property']}" == trigger for d in v.get("inputs", []))
    )
    outputs = [{"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]} for o in key.strip(".").split("...")]
    return {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": items(spec, "inputs"),
        "state": items(spec, "state"),
        "changedPropIds": [trigger],
    }


def browser_login(dash_duo, base: str, name: str, password: str = PASSWORD) -> None:
    """Log the browser in through the real form and wait for the header to name the account."""
    dash_duo.driver.get(f"{base}/login")
    dash_duo.wait_for_element("#username").send_keys(name)
    dash_duo.find_element("#password").send_keys(password)
    dash_duo.find_element("#login-submit").click()
    dash_duo.wait_for_text_to_equal("#account-name", name, timeout=20)


def client_as(app, who: str):
    """A Flask test client logged in as ``who`` ("anonymous": not logged in)."""
    client = app.server.test_client()
    if who != "anonymous":
        assert login(client, who).status_code == 302
    return client


LOGIN_TABLES = ("login_attempts", "login_throttle", '"sessions"', '"users"')  # logging in writes these


def dump(url: str) -> list[str]:
    """Every row of every table but those logging in writes, as SQL text: equal before and after = nothing stored."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return [line for line in conn.iterdump() if not any(t in line for t in LOGIN_TABLES)]


def batches_by(url: str, user: str) -> list[tuple]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT kind, user_name FROM batches WHERE user_name = ?", (user,)).fetchall()
