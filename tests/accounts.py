"""Test helpers for accounts: make users in a test database, log a Flask test client in, forge callbacks."""

from __future__ import annotations

import re

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
    import json

    return json.dumps(response.get_json(), ensure_ascii=False)


def payload(app, output: str, values: dict, changed: str | None = None) -> dict:
    """The JSON dash-renderer would POST for the callback whose outputs include ``output`` ("id.prop").

    ``values`` maps "id.prop" to the value sent for each input and state (others are sent as None), so the
    forged request follows the callback's current signature.
    Example: ``payload(app, "page-content.children", {"url.pathname": "/region/621100"})``
    """
    key, spec = next((k, v) for k, v in app.callback_map.items() if f"..{output}.." in k or k == output)

    def items(kind: str) -> list[dict]:
        out = []
        for dep in spec.get(kind, []):
            dep_id = dep["id"]
            name = dep_id if isinstance(dep_id, str) else None
            out.append({"id": dep_id, "property": dep["property"], "value": values.get(f"{name}.{dep['property']}")})
        return out

    outputs = [{"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]} for o in key.strip(".").split("...")]
    inputs = items("inputs")
    return {
        "output": key,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": inputs,
        "state": items("state"),
        "changedPropIds": [changed or f"{inputs[0]['id']}.{inputs[0]['property']}"],
    }
