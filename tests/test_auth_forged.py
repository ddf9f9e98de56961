"""Forged callback requests, as curl would send them, for every write: only the allowed accounts succeed.

Each request goes through the real app (Flask's test client) as anonymous, viewer, analyst, a planner of another
province and the planner of 定西市; the database is dumped before and after and must be unchanged when refused.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import create_app
from db.session import make_engine, session_factory, transaction
from etl import importer
from etl.edits import EDIT_FILE_NAME, edits_csv, grid_rows
from etl.pending import save_pending
from tests.accounts import SECRET, add_users, answer_text, batches_by, client_as, dump, payload, post_callback
from tests.conftest import copy_sqlite
from tests.upload_files import target_row, targets_xlsx

WHO = ["anonymous", "viewer1", "analyst1", "planner_shaanxi", "planner_dingxi"]
DINGXI_ROW = target_row(code="621100", name="定西市", end=2020, value="9.99万", note="synthetic forged-request test")
REFUSED = {"anonymous": 401, "viewer1": 403, "analyst1": 403}  # refused before the callback body runs


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "forged.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url)
    return url


@pytest.fixture
def app(url):
    return create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


def pending_state(url: str, data: bytes, file_name: str, source: str, owner: str) -> dict:
    """What the preview step leaves in the page's store; a forger can make it up just as well (for a file of
    their own: a pending file opens only for the account that uploaded it)."""
    with session_factory(make_engine(url))() as s:
        result = importer.check_and_preview(s, data, file_name)
    return {
        "token": save_pending(data, owner),
        "file_name": file_name,
        "kind": None,
        "source": source,
        "ok": True,
        "fingerprint": result.preview.fingerprint,
    }


def confirm_payload(app, state: dict) -> dict:
    return payload(
        app,
        "upload-confirm.n_clicks",
        {"upload-confirm.n_clicks": 1, "upload-note.value": "forged request", "upload-state.data": state},
    )


def expect_refused(response, who: str, before: list[str], url: str) -> None:
    if who in REFUSED:
        assert response.status_code == REFUSED[who]
    else:  # a planner of another region: the callback answers with a located refusal
        assert response.status_code == 200
        text = answer_text(response)
        assert "621100" in text and ("not one of your regions" in text or "不在您的管辖范围" in text)
    assert dump(url) == before, "a refused request changed the database"


@pytest.mark.parametrize("who", WHO)
def test_forged_upload_confirm(app, url, who):
    state = pending_state(url, targets_xlsx(DINGXI_ROW), "定西.xlsx", "upload", who)
    client = client_as(app, who)
    before = dump(url)
    response = post_callback(client, confirm_payload(app, state))
    if who == "planner_dingxi":
        assert response.status_code == 200 and "upload-imported" in answer_text(response)
        assert dump(url) != before
        assert batches_by(url, who) == [("upload", who)]  # the audit names the account, never a typed name
    else:
        expect_refused(response, who, before, url)


@pytest.mark.parametrize("who", WHO)
def test_forged_upload_check(app, url, who):
    client = client_as(app, who)
    contents = (
        "data:application/octet-stream;base64," + __import__("base64").b64encode(targets_xlsx(DINGXI_ROW)).decode()
    )
    before = dump(url)
    response = post_callback(
        client,
        payload(app, "upload-file.contents", {"upload-file.contents": contents, "upload-file.filename": "定西.xlsx"}),
    )
    if who == "planner_dingxi":
        assert response.status_code == 200 and "9.99万" in answer_text(response)
    else:
        expect_refused(response, who, before, url)
    assert dump(url) == before  # checking never writes


@pytest.mark.parametrize("who", WHO)
def test_forged_grid_edit(app, url, who):
    with session_factory(make_engine(url))() as s:
        rows = grid_rows(s, "621100")
    rows[0]["value"] = "12345"
    state = pending_state(url, edits_csv(rows), EDIT_FILE_NAME, "edit", who)
    client = client_as(app, who)
    before = dump(url)
    preview = post_callback(
        client,
        payload(app, "edit-preview-button.n_clicks", {"edit-preview-button.n_clicks": 1, "edit-grid.rowData": rows}),
    )
    response = post_callback(client, confirm_payload(app, state))
    if who == "planner_dingxi":
        assert preview.status_code == 200
        assert response.status_code == 200 and "upload-imported" in answer_text(response)
        assert batches_by(url, who) == [("edit", who)]
    else:
        expect_refused(preview, who, before, url)
        expect_refused(response, who, before, url)


@pytest.mark.parametrize("who", WHO)
def test_forged_revert(app, url, who):
    with transaction(session_factory(make_engine(url))) as s:
        result = importer.check_and_preview(s, targets_xlsx(DINGXI_ROW), "定西.xlsx")
        batch_id = importer.commit(s, result, importer.Audit(user="admin1", note="synthetic batch to revert"))
    client = client_as(app, who)
    before = dump(url)
    response = post_callback(
        client,
        payload(
            app,
            "history-confirm.submit_n_clicks",
            {"history-confirm.submit_n_clicks": 1, "history-pending.data": batch_id},
        ),
    )
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        reverted_by = conn.execute("SELECT reverted_by FROM batches WHERE id = ?", (batch_id,)).fetchone()[0]
    if who == "planner_dingxi":
        assert response.status_code == 200 and reverted_by == who
    else:
        expect_refused(response, who, before, url)
        assert reverted_by is None


@pytest.mark.parametrize("who", WHO)
def test_forged_template_download(app, url, who):
    client = client_as(app, who)
    response = post_callback(
        client,
        payload(
            app,
            "upload-template-button.n_clicks",
            {"upload-template-button.n_clicks": 1, "upload-template-region.value": "621100"},
        ),
    )
    expected = 403 if who in ("viewer1", "analyst1") else 401 if who == "anonymous" else 200
    assert response.status_code == expected


def test_a_planner_may_write_below_their_region_but_not_above(app, url):
    county = target_row(code="621122", name="陇西县", end=2020, value="1.11万", note="synthetic")
    province = target_row(code="620000", name="甘肃省", end=2020, value="99.9万", note="synthetic")
    client = client_as(app, "planner_dingxi")
    own = pending_state(url, targets_xlsx(county), "陇西.xlsx", "upload", "planner_dingxi")
    ok = post_callback(client, confirm_payload(app, own))
    assert "upload-imported" in answer_text(ok)
    before = dump(url)
    mixed = pending_state(url, targets_xlsx(county, province), "混合.xlsx", "upload", "planner_dingxi")
    refused = post_callback(client, confirm_payload(app, mixed))
    text = answer_text(refused)
    assert "620000" in text and "row 3" in text  # located: the province row, the whole file refused
    assert dump(url) == before
