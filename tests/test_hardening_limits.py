"""An attacker's checks against request size: hostile callbacks and forms get a clear 4xx at once, never a 500.

Each request is what a hostile tester sent (issue 16), to a real server (PUBLIC_READ=1: no login needed, as in
the quick start). The time each takes is printed; the "at most 2 s" target is measured by ``bench/hostile.py``.
"""

from __future__ import annotations

import json
import time

import pytest
import requests

from app import create_app
from auth import limits
from harness.servers import live_server
from layouts import ids, urlstate
from tests.accounts import SECRET, payload

READ = {"url.pathname": "/region/621100", "url.search": "?indicator=poor_population_reduced"}


@pytest.fixture(scope="module")
def served(seed_db_path, tmp_path_factory):
    from pathlib import Path

    from tests.conftest import copy_sqlite

    path = tmp_path_factory.mktemp("limits") / "limits.db"
    copy_sqlite(Path(seed_db_path), path)
    app = create_app(
        f"sqlite:///{path}",
        build_if_empty=False,
        progress=lambda _m: None,
        public_read=True,
        secret_key=SECRET,
        secure_cookies=False,
    )
    with live_server(app.server) as base:
        yield app, base


def _callback(app, **values) -> bytes:
    return json.dumps(payload(app, "url.pathname", {**READ, **values})).encode()


def _nested(depth: int) -> bytes:
    return b'{"output": "page-content.children", "inputs": ' + b"[" * depth + b"]" * depth + b"}"


def _with_extra_input(app) -> bytes:
    body = payload(app, "url.pathname", READ)
    body["inputs"].append({"id": "url", "property": "hash", "value": "#x"})
    return json.dumps(body).encode()


HOSTILE = {
    "a search of 1,000,000 parameters": lambda app: _callback(
        app, **{"url.search": "?" + "&".join(["a=1"] * 1_000_000)}
    ),
    "a search of 200 KB": lambda app: _callback(app, **{"url.search": "?indicator=" + "x" * 200_000}),
    "100,000 open brackets": lambda app: b"[" * 100_000,
    "nesting 100,000 deep, closed": lambda app: _nested(100_000),
    "nesting 500 deep, closed": lambda app: _nested(500),
    "a path over 128 KB": lambda app: _callback(app, **{"url.pathname": "/region/" + "6" * 140_000}),
    "a note over 128 KB": lambda app: json.dumps(
        payload(app, f"{ids.UPLOAD_NOTE}.value", {f"{ids.UPLOAD_NOTE}.value": "备注" * 70_000})
    ).encode(),
    "a search that is a list of 90,000 values": lambda app: _callback(app, **{"url.search": [0] * 90_000}),
    "an input the callback does not have": lambda app: _with_extra_input(app),
    "a callback that does not exist": lambda app: _callback(app).replace(b"page-content", b"no-such-thing"),
    "2,000,000 values": lambda app: b"[" + b"0," * 2_000_000 + b"0]",
    "a number of 100,000 digits": lambda app: b'{"output": ' + b"9" * 100_000 + b"}",
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_callbacks_get_a_clear_4xx_at_once(served, case):
    app, base = served
    body = HOSTILE[case](app)
    started = time.perf_counter()
    response = requests.post(
        f"{base}/_dash-update-component", data=body, headers={"Content-Type": "application/json"}, timeout=60
    )
    print(f"{case}: {len(body):,} bytes -> {response.status_code} in {time.perf_counter() - started:.2f} s")
    assert 400 <= response.status_code < 500, response.text[:300]
    assert response.headers["Content-Type"].startswith(("application/json", "text/plain"))
    assert "error" in response.json() and response.json()["error"]
    assert requests.get(f"{base}/login", timeout=10).status_code == 200  # and the server still answers


@pytest.mark.parametrize("field", ["username", "password", "csrf_token", "next"])
def test_a_login_form_field_over_128_kb_is_refused_with_a_message(served, field):
    _app, base = served
    form = {"username": "li", "password": "a long passphrase", "csrf_token": "x", "next": "/"}
    form[field] = "x" * (128 * 1024 + 1)
    response = requests.post(f"{base}/login", data=form, timeout=60)
    assert response.status_code == 413 and response.headers["Content-Type"].startswith("text/plain")
    assert "128 KB" in response.text


def test_a_query_string_longer_than_a_url_may_be_is_refused(served):
    _app, base = served
    response = requests.get(f"{base}/region/621100?indicator=" + "x" * 10_000, timeout=30)
    assert response.status_code == 414 and response.headers["Content-Type"].startswith("text/plain")


def test_ordinary_callbacks_and_an_upload_sized_file_still_pass_the_limits(served):
    app, base = served
    answer = requests.post(
        f"{base}/_dash-update-component", data=_callback(app), headers={"Content-Type": "application/json"}, timeout=60
    )
    assert answer.status_code == 200 and "28.52" in answer.text
    upload = {
        "output": "upload-result.children",
        "inputs": [{"id": "upload-file", "property": "contents", "value": "data:;base64," + "A" * 3_000_000}],
    }
    assert limits.refusal(upload, file_inputs={("upload-file", "contents")}) is None
    assert limits.refusal(upload, file_inputs=set()) is not None  # a big value elsewhere is refused


def test_the_url_state_reads_only_a_bounded_query():
    many = "?" + "&".join(f"p{i}=1" for i in range(100)) + "&lang=en"
    state = urlstate.parse(many)
    assert len(state) <= urlstate.MAX_PARAMS and "lang" not in state  # read no further than the limit
    assert urlstate.parse("?indicator=" + "x" * 10_000) == {}  # longer than a URL may be: not read at all
    assert urlstate.parse("?lang=en&indicator=x") == {"lang": "en", "indicator": "x"}
