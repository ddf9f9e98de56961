"""Forged decisions and reads of pending figures, through the real app (Flask's test client): only an approver
of the batch's regions who did not submit it may decide; nobody without the right reads a pending figure through
the dashboard, the sources panel, a cached page or an export. Refused requests leave the database unchanged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app import create_app
from db import approval
from db.session import make_engine, session_factory, transaction
from etl import importer
from tests.accounts import CAST, SECRET, add_users, answer_text, client_as, dump, payload, post_callback
from tests.conftest import copy_sqlite
from tests.upload_files import target_row, targets_xlsx

PENDING_TEXT = "28.77万"  # 定西 2016 target as uploaded (the plan says 28.52万)
APPROVERS = {"approver_dingxi": ("approver", ["621100"]), "approver_shaanxi": ("approver", ["610000"])}
REGION = "/region/621100"


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "approval.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url, {**CAST, **APPROVERS})
    with transaction(session_factory(make_engine(url))) as s:
        approval.set_required(s, "621100", True)
    return url


def submit(url: str, user: str) -> int:
    row = target_row(code="621100", name="定西市", start=2016, end=2016, value=PENDING_TEXT)
    with transaction(session_factory(make_engine(url))) as s:
        result = importer.check_and_preview(s, targets_xlsx(row), "定西2016.xlsx")
        return importer.commit(s, result, importer.Audit(user=user, note="2016 修正"))


@pytest.fixture
def app(url):
    return create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


def decide(app, client, batch: int, decision: str = "approved", reason: str = ""):
    body = payload(
        app, "review-request.data", {"review-request.data": {"batch": batch, "decision": decision, "reason": reason}}
    )
    return post_callback(client, body)


def state(url: str, batch: int) -> tuple:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT state, decided_by FROM batches WHERE id = ?", (batch,)).fetchone()


@pytest.mark.parametrize(
    ("who", "status", "why"),
    [
        ("anonymous", 401, None),
        ("viewer1", 403, None),
        ("analyst1", 403, None),
        ("planner_dingxi", 403, None),  # the author, and planners never approve
        ("planner_shaanxi", 403, None),
        ("approver_shaanxi", 200, "regions you may not approve"),
    ],
)
def test_forged_decisions_are_refused_and_change_nothing(app, url, who, status, why):
    batch = submit(url, "planner_dingxi")
    before = dump(url)
    for decision, reason in (("approved", ""), ("returned", "伪造")):
        response = decide(app, client_as(app, who), batch, decision, reason)
        assert response.status_code == status
        if why:
            assert why in answer_text(response) and "review-refused" in answer_text(response)
    assert dump(url) == before and state(url, batch) == ("submitted", None)


def test_four_eyes_holds_for_an_admin_and_an_approver_of_the_region(app, url):
    batch = submit(url, "admin1")
    before = dump(url)
    response = decide(app, client_as(app, "admin1"), batch)
    assert response.status_code == 200 and "another approver decides" in answer_text(response)
    assert dump(url) == before
    response = decide(app, client_as(app, "approver_dingxi"), batch, "returned", "")
    assert "reason" in answer_text(response).lower() and state(url, batch) == ("submitted", None)
    response = decide(app, client_as(app, "approver_dingxi"), batch)
    assert response.status_code == 200 and "review-done" in answer_text(response)
    assert state(url, batch) == ("approved", "approver_dingxi")
    again = decide(app, client_as(app, "admin1"), batch)  # decided already: told, nothing changes
    assert "review-refused" in answer_text(again) and state(url, batch) == ("approved", "approver_dingxi")


def page(app, client, search: str = "") -> str:
    search = "?indicator=poor_population_reduced" + search.replace("?", "&")
    body = payload(app, "url.pathname", {"url.pathname": REGION, "url.search": search})
    response = post_callback(client, body)
    assert response.status_code == 200
    return answer_text(response)


def test_pending_figures_reach_only_those_allowed_even_through_caches(app, url):
    batch = submit(url, "planner_dingxi")
    approver = client_as(app, "approver_dingxi")
    assert PENDING_TEXT in page(app, approver, "?pending=1")  # caches now hold the pending view
    assert PENDING_TEXT in page(app, client_as(app, "planner_dingxi"), "?pending=1")  # the author
    assert PENDING_TEXT in page(app, client_as(app, "admin1"), "?pending=1")
    assert PENDING_TEXT not in page(app, approver)  # switch off: what counts for everyone
    for who in ("viewer1", "analyst1", "planner_shaanxi", "approver_shaanxi"):
        client = client_as(app, who)
        assert PENDING_TEXT not in page(app, client, "?pending=1"), who
        assert "28.52万" in page(app, client, "?pending=1")
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        (figure,) = conn.execute("SELECT id FROM figures WHERE batch_id = ?", (batch,)).fetchone()
    click = {"points": [{"customdata": [str(figure), "revised"]}]}
    chart = json.dumps({"name": "annual", "type": "chart"}, separators=(",", ":"))
    body = {
        "output": next(k for k in app.callback_map if k.startswith("..source-panel.is_open") and "grid" not in k),
        "outputs": [
            {"id": "source-panel", "property": "is_open"},
            {"id": "source-body", "property": "children"},
            {"id": "source-panel", "property": "title"},
        ],
        "inputs": [[], [{"id": {"type": "chart", "name": "annual"}, "property": "clickData", "value": click}]],
        "state": [{"id": "url", "property": "search", "value": ""}],
        "changedPropIds": [f"{chart}.clickData"],
    }
    shown = answer_text(post_callback(client_as(app, "approver_dingxi"), body))
    assert PENDING_TEXT in shown and "待审核" in shown  # a pending figure's source card says so
    refused = post_callback(client_as(app, "viewer1"), body)
    assert PENDING_TEXT not in answer_text(refused)
    query = "region=621100&indicator=poor_population_reduced&pending=1"
    for who in ("analyst1", "planner_dingxi", "approver_dingxi"):  # exports give what counts for everyone
        csv = client_as(app, who).get(f"/export/data.csv?{query}")
        assert csv.status_code == 200 and "287700" not in csv.get_data(as_text=True)
        assert "285200" in csv.get_data(as_text=True)
    assert client_as(app, "viewer1").get(f"/export/data.csv?{query}").status_code == 403
    api = "/api/v1/figures?region=621100&indicator=poor_population_reduced&kind=target&limit=10000"
    for who in ("admin1", "planner_dingxi", "approver_dingxi"):  # the read API too, whoever asks
        values = [f["value"] for f in client_as(app, who).get(api).get_json()["data"]]
        assert 287700 not in values and 285200 in values, who


def test_history_lists_a_waiting_batch_only_to_those_who_may_see_it(app, url):
    batch = submit(url, "planner_dingxi")
    body = payload(app, "url.pathname", {"url.pathname": "/history", "url.search": ""})
    for who, shown in (
        ("viewer1", False),
        ("planner_shaanxi", False),
        ("approver_shaanxi", False),
        ("planner_dingxi", True),
        ("approver_dingxi", True),
        ("admin1", True),
    ):
        text = answer_text(post_callback(client_as(app, who), body))
        assert (f"history-row-{batch}" in text) is shown, who
        assert "history-row-1" in text  # approved batches: everyone
