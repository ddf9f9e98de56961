"""The documents page's callbacks posted as curl would send them (Flask test client, real app, real SQLite copy of
the seed): only a planner of the document's region (or an administrator) can read a document in and commit it,
and every refusal leaves the database as it was; also the page's answers to stored, target-less, unreadable and
edited documents.

Documents are real .docx files written from the seed texts' own sentences (tests/plan_docx.py).
"""

from __future__ import annotations

import base64
import json
import sqlite3
from pathlib import Path

import pytest

from app import create_app
from auth.limits import MAX_FIELD_BYTES, file_inputs_of, refusal
from tests.accounts import SECRET, add_users, answer_text, batches_by, client_as, dump, payload, post_callback
from tests.conftest import copy_sqlite
from tests.plan_docx import dingxi_plan, docx_bytes, shaanxi_plan

WHO = ["anonymous", "viewer1", "analyst1", "planner_shaanxi", "planner_dingxi", "admin1"]
REFUSED = {"anonymous": 401, "viewer1": 403, "analyst1": 403}


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "documents.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url)
    return url


@pytest.fixture
def app(url):
    return create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


def find(tree, component_id: str) -> dict | None:
    """The component with ``component_id`` in a callback's answer (a JSON tree of components)."""
    if isinstance(tree, dict):
        if (tree.get("props") or {}).get("id") == component_id:
            return tree
        return next((f for v in tree.values() if (f := find(v, component_id)) is not None), None)
    if isinstance(tree, list):
        return next((f for v in tree if (f := find(v, component_id)) is not None), None)
    return None


def read_in(app, client, paragraphs: list[str], file_name: str):
    """Upload a .docx through the page's callback; (response, page state, grid rows)."""
    contents = "data:application/octet-stream;base64," + base64.b64encode(docx_bytes(paragraphs)).decode()
    chosen = {"filename": file_name, "at": 1}
    response = post_callback(
        client, payload(app, "doc-file-checked.data", {"doc-file-checked.data": chosen, "doc-file.contents": contents})
    )
    if response.status_code != 200:
        return response, None, None
    answer = response.get_json()["response"]
    grid = find(answer, "doc-grid")
    return response, answer["doc-state"]["data"], grid["props"]["rowData"] if grid else None


def commit(app, client, state: dict, grid: list[dict], note: str = "forged request"):
    return post_callback(
        client,
        payload(
            app,
            "doc-commit.n_clicks",
            {"doc-commit.n_clicks": 1, "doc-note.value": note, "doc-grid.rowData": grid, "doc-state.data": state},
        ),
    )


@pytest.mark.parametrize("who", WHO)
def test_forged_document_read_and_commit(app, url, who):
    dingxi = client_as(app, "planner_dingxi")
    _, dingxi_state, dingxi_grid = read_in(app, dingxi, dingxi_plan(), "定西.docx")
    assert dingxi_grid, "the 定西 plan gives candidate rows"
    client = client_as(app, who)
    before = dump(url)
    response, state, grid = read_in(app, client, dingxi_plan(), "定西.docx")
    if who in REFUSED:
        assert response.status_code == REFUSED[who]
        assert commit(app, client, dingxi_state, dingxi_grid).status_code == REFUSED[who]
    elif who == "planner_shaanxi":
        assert response.status_code == 200 and "621100" in answer_text(response)
        assert "not one of your regions" in answer_text(response)  # shown per row before any commit
        refused = answer_text(commit(app, client, state, grid))
        assert "documents-refused" in refused and "not one of your regions" in refused
        # another account's held document is not theirs to commit
        assert "documents-refused" in answer_text(commit(app, client, dingxi_state, dingxi_grid))
    else:
        done = commit(app, client, state, grid)
        assert done.status_code == 200 and "documents-committed" in answer_text(done), answer_text(done)
        assert batches_by(url, who) == [("document", who)]  # the audit names the account, never a typed name
        return
    assert dump(url) == before, "a refused request changed the database"


def test_a_planner_of_dingxi_cannot_commit_rows_for_shaanxi(app, url):
    client = client_as(app, "planner_dingxi")
    before = dump(url)
    response, state, grid = read_in(app, client, shaanxi_plan(), "陕西.docx")
    assert response.status_code == 200 and grid
    assert all(row["problem"] for row in grid if "610000" in row["region_text"])
    answer = answer_text(commit(app, client, state, grid, "陕西 targets by a 定西 planner"))
    assert "documents-refused" in answer and "610000" in answer
    assert dump(url) == before


def test_a_row_moved_to_another_province_is_refused_whole(app, url):
    client = client_as(app, "planner_dingxi")
    _, state, grid = read_in(app, client, dingxi_plan(), "定西.docx")
    grid[0]["region_text"] = "610000"
    before = dump(url)
    answer = answer_text(commit(app, client, state, grid))
    assert "documents-refused" in answer and "610000" in answer
    assert dump(url) == before


def test_the_quote_stored_is_the_documents_never_the_browsers(app, url):
    client = client_as(app, "planner_dingxi")
    _, state, grid = read_in(app, client, dingxi_plan(), "定西.docx")
    for row in grid:
        row["quote"] = "伪造的原文 forged quote"
    assert "documents-committed" in answer_text(commit(app, client, state, grid, "quotes from the document"))
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        quotes = [q for (q,) in conn.execute("SELECT quote FROM figures WHERE quote LIKE '%伪造%'")]
    assert quotes == []


@pytest.mark.parametrize("who", WHO)
def test_forged_progress_poll(app, who):
    client = client_as(app, who)
    response = post_callback(
        client,
        payload(
            app,
            "doc-progress-tick.n_intervals",
            {"doc-progress-tick.n_intervals": 3, "doc-progress-tick.disabled": False},
        ),
    )
    assert response.status_code == REFUSED.get(who, 200)


def test_a_document_already_stored_says_so_and_offers_no_commit(app, url):
    client = client_as(app, "planner_dingxi")
    _, state, grid = read_in(app, client, dingxi_plan(), "定西.docx")
    assert "documents-committed" in answer_text(commit(app, client, state, grid, "first time"))
    before = dump(url)
    response, _, again = read_in(app, client, dingxi_plan(), "定西-副本.docx")
    text = answer_text(response)
    assert "documents-already" in text and "doc-commit" not in text and again is None
    assert dump(url) == before


def test_pasted_text_is_read_like_a_file(app):
    client = client_as(app, "planner_dingxi")
    text = "\n".join(dingxi_plan())
    response = post_callback(
        client,
        payload(
            app,
            "doc-read-text.n_clicks",
            {"doc-read-text.n_clicks": 1, "doc-text.value": text, "doc-text-title.value": "定西决定"},
        ),
    )
    grid = find(response.get_json()["response"], "doc-grid")
    quotes = [row["quote"] for row in grid["props"]["rowData"]]
    assert any("2017年减少贫困人口21.65万人" in q for q in quotes)
    assert response.get_json()["response"]["doc-state"]["data"]["file_name"] == "定西决定.txt"


@pytest.mark.parametrize(
    "who, expected",
    [
        ("anonymous", "login required"),  # PUBLIC_READ off: the gate answers before any page
        ("viewer1", "documents-not-allowed"),
        ("analyst1", "documents-not-allowed"),
        ("planner_dingxi", "定西市 621100 及其下级地区"),
        ("admin1", "全部地区(管理员)"),
    ],
)
def test_the_page_says_who_may_use_it(app, who, expected):
    client = client_as(app, who)
    response = post_callback(client, payload(app, "url.pathname", {"url.pathname": "/documents", "url.search": ""}))
    assert response.status_code == (401 if who == "anonymous" else 200) and expected in answer_text(response)


def test_the_public_is_offered_the_login_page(seed_db_url):
    public = create_app(seed_db_url, build_if_empty=False, progress=lambda _m: None, public_read=True)
    client = public.server.test_client()
    response = post_callback(client, payload(public, "url.pathname", {"url.pathname": "/documents", "url.search": ""}))
    assert "documents-not-allowed" in answer_text(response) and "/login?next=/documents" in answer_text(response)


def test_a_region_override_outside_the_planners_is_refused_before_reading(app, url):
    client = client_as(app, "planner_dingxi")
    contents = "data:application/octet-stream;base64," + base64.b64encode(docx_bytes(dingxi_plan())).decode()
    chosen = {"filename": "定西.docx", "at": 1}
    values = {"doc-file-checked.data": chosen, "doc-file.contents": contents, "doc-region.value": "610000"}
    response = post_callback(client, payload(app, "doc-file-checked.data", values))
    text = answer_text(response)
    assert "documents-refused" in text and "610000" in text and "doc-grid" not in text


def test_the_page_speaks_english_when_asked(app):
    client = client_as(app, "planner_dingxi")
    response = post_callback(
        client, payload(app, "url.pathname", {"url.pathname": "/documents", "url.search": "?lang=en"})
    )
    text = answer_text(response)
    assert "Plan documents in" in text and "and every region below" in text


def test_every_edit_is_checked_and_problems_name_the_row_and_field(app):
    client = client_as(app, "planner_dingxi")
    _, state, grid = read_in(app, client, dingxi_plan(), "定西.docx")
    grid[1]["value_text"] = "很多"
    grid[2]["period_text"] = "明年"
    response = post_callback(
        client,
        payload(
            app,
            "doc-grid.cellValueChanged",
            {
                "doc-grid.cellValueChanged": [{"rowId": grid[1]["row_id"]}],
                "doc-grid.rowData": grid,
                "doc-state.data": state,
            },
        ),
    )
    answer = response.get_json()["response"]
    rows = answer["doc-grid"]["rowData"]
    assert "数值 value" in rows[1]["problem"] and "年份 year" in rows[2]["problem"] and rows[0]["problem"] == ""
    listed = json.dumps(answer["doc-problems"]["children"], ensure_ascii=False)
    assert "第 2 行" in listed and "第 3 行" in listed
    assert answer["documents-count"]["children"] == f"已接受 {len(grid)} / {len(grid)} 条"


def test_a_text_without_targets_says_what_was_looked_for(app, url):
    client = client_as(app, "planner_dingxi")
    text = "定西市召开会议,总结了上一年的工作。会议由市长主持。"  # synthetic: a text that sets no target
    response = post_callback(
        client, payload(app, "doc-read-text.n_clicks", {"doc-read-text.n_clicks": 1, "doc-text.value": text})
    )
    answer = answer_text(response)
    assert "documents-none" in answer and "没有找到目标" in answer
    assert find(response.get_json()["response"], "doc-grid")["props"]["rowData"] == []
    assert "documents-add" in answer  # what the extractor missed can still be added from its words


@pytest.mark.parametrize(
    "file_name, data",
    [
        ("空.txt", b""),
        ("随机.pdf", bytes(range(256)) * 64),  # synthetic random-looking bytes
        ("随机.docx", bytes(range(255, -1, -1)) * 64),
    ],
)
def test_a_file_that_cannot_be_read_says_why_and_stores_nothing(app, url, file_name, data):
    client = client_as(app, "planner_dingxi")
    before = dump(url)
    contents = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    chosen = {"filename": file_name, "at": 1}
    response = post_callback(
        client, payload(app, "doc-file-checked.data", {"doc-file-checked.data": chosen, "doc-file.contents": contents})
    )
    answer = answer_text(response)
    assert "documents-bad-file" in answer and file_name in answer and "doc-grid" not in answer
    assert dump(url) == before


def test_a_pasted_plan_of_about_100_kb_is_read(app):
    """Under auth.limits' 128 KB per text: the 定西 plan padded (synthetic filler) to ~100 KB of UTF-8."""
    client = client_as(app, "planner_dingxi")
    plan = "\n".join(dingxi_plan())
    filler = "会议强调,要加强组织领导,压实工作责任,确保各项任务落到实处。\n"  # synthetic: no number, no target
    text = plan + "\n" + filler * ((100 * 1024 - len(plan.encode())) // len(filler.encode()))
    assert 95 * 1024 < len(text.encode()) < MAX_FIELD_BYTES
    values = {"doc-read-text.n_clicks": 1, "doc-text.value": text}
    response = post_callback(client, payload(app, "doc-read-text.n_clicks", values))
    assert response.status_code == 200, response.get_data(as_text=True)
    grid = find(response.get_json()["response"], "doc-grid")
    assert any("2017年减少贫困人口21.65万人" in row["quote"] for row in grid["props"]["rowData"])


def test_a_pasted_text_over_the_limit_is_refused_and_the_page_says_so(app):
    client = client_as(app, "planner_dingxi")
    text = "甲" * (MAX_FIELD_BYTES // 3 + 10)  # synthetic: 128 KB and a little more of UTF-8
    values = {"doc-read-text.n_clicks": 1, "doc-text.value": text}
    response = post_callback(client, payload(app, "doc-read-text.n_clicks", values))
    assert response.status_code == 413 and "doc-text.value" in response.get_json()["error"]
    page = answer_text(post_callback(client, payload(app, "url.pathname", {"url.pathname": "/documents"})))
    assert "最多 128 KB" in page and "doc-text-limit" in page


def test_a_file_larger_than_a_text_field_reaches_the_page_as_the_uploads_contents(app):
    """The file goes as ``doc-file.contents`` (the one kind of text auth.limits lets be file-sized)."""
    contents = "data:application/pdf;base64," + base64.b64encode(bytes(range(256)) * 1024).decode()  # 256 KB
    request = payload(
        app,
        "doc-file-checked.data",
        {"doc-file-checked.data": {"filename": "a.pdf", "at": 1}, "doc-file.contents": contents},
    )
    assert len(contents) > MAX_FIELD_BYTES
    assert refusal(request, file_inputs_of(app.callback_map), app.callback_map) is None


def test_a_document_for_a_region_under_approval_is_submitted_and_the_page_says_so(app, url):
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE regions SET approval_required = 1 WHERE code = '621100'")
    client = client_as(app, "planner_dingxi")
    _, state, grid = read_in(app, client, dingxi_plan(), "定西.docx")
    done = answer_text(commit(app, client, state, grid))
    assert "documents-committed" in done and "审核通过后生效" in done, done
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        assert conn.execute("SELECT state FROM batches WHERE kind = 'document'").fetchall() == [("submitted",)]
