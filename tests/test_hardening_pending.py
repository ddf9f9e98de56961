"""A pending upload belongs to its uploader (issue 16, item 2): forged callbacks, as curl would send them.

Two planners each upload a file through the real upload callback. Neither can then confirm, or download the
error copy of, the other's upload with any id shown anywhere: the token the other's page holds, the sha256
that /history shows, the file's sha256. A committed or refused upload is not kept; unconfirmed ones expire.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sqlite3
import time
from pathlib import Path

import pytest

from app import create_app
from etl import pending
from tests.accounts import SECRET, add_users, answer_text, login, payload, post_callback
from tests.conftest import copy_sqlite
from tests.upload_files import target_row, targets_xlsx

CAST = {"planner_a": ("planner", ["621100"]), "planner_b": ("planner", ["621100"])}
# SYNTHETIC rows; the "private note" is what the other planner must never read
GOOD = targets_xlsx(target_row(code="621100", name="定西市", end=2020, value="9.87万", note="私人备注 private A"))
BAD = targets_xlsx(target_row(code="621100", name="定西市", end=2020, value="九点八", note="私人备注 private A"))


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "pending.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url, CAST)
    return url


@pytest.fixture
def app(url):
    return create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


def client_as(app, who: str):
    client = app.server.test_client()
    assert login(client, who).status_code == 302
    return client


def upload(app, client, data: bytes, name: str) -> dict:
    """The real upload callback; returns the state it leaves in the page's store."""
    contents = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    answer = post_callback(
        client,
        payload(app, "upload-file.contents", {"upload-file.contents": contents, "upload-file.filename": name}),
    )
    assert answer.status_code == 200
    return answer.get_json()["response"]["upload-state"]["data"]


def confirm(app, client, state: dict):
    return post_callback(
        client,
        payload(
            app,
            "upload-confirm.n_clicks",
            {"upload-confirm.n_clicks": 1, "upload-note.value": "forged confirm", "upload-state.data": state},
        ),
    )


def download_errors(app, client, state: dict):
    return post_callback(
        client,
        payload(app, "upload-errors-button.n_clicks", {"upload-errors-button.n_clicks": 1, "upload-state.data": state}),
    )


def batches_of(url: str) -> list[tuple]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT user_name, file_name FROM batches WHERE kind = 'upload'").fetchall()


def ids_shown(data: bytes, state: dict) -> list[str]:
    """Every id of A's upload that B might learn: the page's token, the file's sha256 (shown on /history)."""
    return [state["token"], hashlib.sha256(data).hexdigest()]


def test_another_planner_cannot_confirm_a_pending_upload_by_any_id(app, url):
    a, b = client_as(app, "planner_a"), client_as(app, "planner_b")
    state = upload(app, a, GOOD, "a.xlsx")
    for token in ids_shown(GOOD, state):
        answer = confirm(app, b, {**state, "token": token})
        assert answer.status_code == 200
        assert "upload-imported" not in answer_text(answer)
    assert batches_of(url) == [], "B committed A's file"
    answer = confirm(app, a, state)
    assert "upload-imported" in answer_text(answer)
    assert batches_of(url) == [("planner_a", "a.xlsx")]


def test_another_planner_cannot_download_an_error_copy_by_any_id(app):
    a, b = client_as(app, "planner_a"), client_as(app, "planner_b")
    state = upload(app, a, BAD, "a-bad.xlsx")
    assert state["ok"] is False
    mine = download_errors(app, a, state)
    assert mine.status_code == 200 and "private" not in answer_text(mine)  # base64: the note is inside
    assert base64.b64decode(mine.get_json()["response"]["upload-errors-download"]["data"]["content"])[:2] == b"PK"
    for token in ids_shown(BAD, state):
        answer = download_errors(app, b, {**state, "token": token})
        assert answer.status_code == 204 or "upload-errors-download" not in answer_text(answer), token


def test_the_pending_file_is_not_readable_by_sha256_or_by_another_owner(tmp_path):
    token = pending.save_pending(GOOD, "planner_a", directory=tmp_path)
    assert token != hashlib.sha256(GOOD).hexdigest()
    assert pending.load_pending(token, "planner_a", directory=tmp_path) == GOOD
    assert pending.load_pending(token, "planner_b", directory=tmp_path) is None
    assert pending.load_pending(hashlib.sha256(GOOD).hexdigest(), "planner_a", directory=tmp_path) is None
    assert pending.load_pending("../" + token, "planner_a", directory=tmp_path) is None


def test_a_committed_upload_is_deleted_and_a_refused_one_never_kept(app, tmp_path, monkeypatch):
    folder = tmp_path / "pending"
    folder.mkdir()
    monkeypatch.setattr(pending, "pending_dir", lambda: folder)
    a = client_as(app, "planner_a")
    kept = lambda: sorted(p.name for p in folder.rglob("*") if p.is_file())  # noqa: E731
    state = upload(app, a, GOOD, "a.xlsx")
    assert len(kept()) == 1
    assert "upload-imported" in answer_text(confirm(app, a, state))
    assert kept() == [], "a committed upload is deleted"
    upload(app, a, BAD, "bad.xlsx")
    assert all(not name.endswith(".upload") for name in kept()), "an invalid upload's file is not kept"
    outside = targets_xlsx(target_row(code="610000", name="陕西省", end=2020, value="1万", note="synthetic"))
    state = upload(app, a, outside, "outside.xlsx")  # a region that is not planner_a's: refused
    assert state["ok"] is False
    assert [n for n in kept() if n.endswith(".upload")] == [], "a refused upload is not kept"


def test_unconfirmed_uploads_expire_after_two_hours(tmp_path):
    old = pending.save_pending(GOOD, "planner_a", directory=tmp_path)
    path = next(p for p in tmp_path.rglob("*") if p.is_file())
    past = time.time() - pending.MAX_AGE_SECONDS - 60
    os.utime(path, (past, past))
    assert pending.MAX_AGE_SECONDS <= 2 * 3600
    pending.save_pending(BAD, "planner_b", directory=tmp_path)
    assert pending.load_pending(old, "planner_a", directory=tmp_path) is None
