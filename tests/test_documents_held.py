"""Reviews in progress, held on disk per account (dogfood F14): listed for their account only, discarded, and
expired after ``HELD_DAYS`` days; real files in a folder of the test's own, real proposals of the seed's texts.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from db.session import make_engine, session_factory
from etl import intake
from etl.document_review import discard, held_state, hold_grid, hold_proposal, reviews_in_progress
from etl.documents import text_document
from etl.held_documents import HELD_DAYS, MAX_AGE_SECONDS, read_json
from layouts.documents_grid import grid_row
from layouts.documents_held import held_list, review_counts
from tests.plan_docx import dingxi_plan, shaanxi_plan

DAY = 24 * 3600


@pytest.fixture
def held(seed_db_url, tmp_path, monkeypatch):
    """Account 7 (li) holds 定西's and 陕西's plans, as read on the documents page; 陕西's saved last."""
    monkeypatch.setattr("etl.held_documents.held_dir", lambda: tmp_path)
    states = {}
    with session_factory(make_engine(seed_db_url))() as session:
        for name, lines in (("定西.txt", dingxi_plan()), ("陕西.docx", shaanxi_plan())):
            proposal = intake.propose(session, text_document("\n".join(lines)), name)
            state = {"sha256": proposal.sha256, "file_name": name, "region": None, "date": None, "url": None}
            hold_proposal("7", proposal, state, account="li")
            states[name] = (state, proposal)
    age(tmp_path, "7", states["定西.txt"][0]["sha256"], 60)  # saved a minute before 陕西's
    return states


def age(tmp_path, owner: str, sha: str, seconds: float) -> None:
    """Make what ``owner`` holds under ``sha`` look last saved ``seconds`` ago."""
    at = time.time() - seconds
    os.utime(tmp_path / owner / f"{sha}.json", (at, at))


def test_an_account_lists_its_reviews_in_progress_the_last_saved_first(held):
    listed = reviews_in_progress("7", "li")
    assert [r["file_name"] for r in listed] == ["陕西.docx", "定西.txt"]
    dingxi = listed[1]
    assert dingxi["title"] == "定西市人民代表大会常务委员会关于深入推进精准扶贫工作的决定"
    assert dingxi["state"] == held["定西.txt"][0]
    assert dingxi["expires_at"] - dingxi["saved_at"] == HELD_DAYS * DAY
    assert dingxi["grid"] is None and dingxi["rows"] == held["定西.txt"][1].rows  # never checked: as proposed


@pytest.mark.parametrize(
    "owner, account",
    [
        ("8", "li"),  # another account id
        ("7", "wang"),  # account 7 deleted and its id given to another account
        ("../7", "li"),  # not an account id
    ],
)
def test_no_other_account_sees_a_review(held, owner, account):
    assert reviews_in_progress(owner, account) == []
    sha = held["定西.txt"][0]["sha256"]
    assert held_state(owner, account, sha) is None


def test_the_review_as_last_checked_is_what_is_listed_and_resumed(held):
    state, proposal = held["定西.txt"]
    grid = [grid_row(r) for r in proposal.rows]
    grid[0] = {**grid[0], "value_text": "22万"}  # an edit (synthetic)
    grid[1] = {**grid[1], "accept": False}  # a rejection
    hold_grid("7", state, grid)
    (listed,) = [r for r in reviews_in_progress("7", "li") if r["sha256"] == state["sha256"]]
    assert listed["grid"] == grid
    assert review_counts(listed["rows"], listed["grid"]) == {
        "accepted": len(grid) - 1,
        "rejected": 1,
        "edited": 1,
        "total": len(grid),
    }
    assert held_state("7", "li", state["sha256"]) == state


def test_a_discarded_review_is_gone_from_the_list_and_from_disk(held, tmp_path):
    sha = held["定西.txt"][0]["sha256"]
    assert discard("7", sha)
    assert [r["file_name"] for r in reviews_in_progress("7", "li")] == ["陕西.docx"]
    assert read_json("7", sha) is None and not (tmp_path / "7" / f"{sha}.json").exists()
    assert not discard("7", sha)  # nothing left to discard
    assert not discard("8", held["陕西.docx"][0]["sha256"])  # another account's: not theirs to discard
    assert len(reviews_in_progress("7", "li")) == 1


def test_a_review_is_kept_a_week_after_it_was_last_saved_then_purged(held, tmp_path):
    assert HELD_DAYS == 7 and MAX_AGE_SECONDS == 7 * DAY
    recent, old = (held[name][0]["sha256"] for name in ("定西.txt", "陕西.docx"))
    age(tmp_path, "7", recent, 2 * DAY)  # over lunch, the weekend: still there
    age(tmp_path, "7", old, MAX_AGE_SECONDS + 60)
    assert read_json("7", old) is None  # expired: never read back, even before it is purged
    assert [r["sha256"] for r in reviews_in_progress("7", "li")] == [recent]
    assert not (tmp_path / "7" / f"{old}.json").exists()  # listing purged it


def test_the_list_says_each_reviews_file_progress_and_expiry_in_chinese_and_english(held):
    reviews = reviews_in_progress("7", "li")
    open_sha = reviews[0]["sha256"]
    zh, en = (str(held_list(reviews, lang, open_sha=open_sha, days=HELD_DAYS)) for lang in ("zh", "en"))
    assert "审核中的文件(2)" in zh and "继续审核" in zh and "放弃" in zh and "保留 7 天" in zh
    assert "Reviews in progress (2)" in en and "Resume" in en and "Discard" in en and "kept 7 days" in en
    assert "正在审核" in zh  # the review open in this tab is marked, not offered again
    assert held_list([], "zh") is None


def forged_click(app, kind: str, sha: str, prop: str) -> dict:
    """The POST a click on a list button (pattern id ``{"type": kind, "sha": sha}``) sends, forged for any sha."""
    key, spec = next((k, v) for k, v in app.callback_map.items() if kind in json.dumps(v["inputs"]))
    pattern = {"type": kind, "sha": sha}
    return {
        "output": key,
        "outputs": [{"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]} for o in key.strip(".").split("...")],
        "inputs": [[{"id": pattern, "property": prop, "value": 1}]],
        "state": [{"id": d["id"], "property": d["property"], "value": None} for d in spec.get("state", [])],
        "changedPropIds": [json.dumps(pattern, sort_keys=True, separators=(",", ":")) + f".{prop}"],
    }


def test_a_forged_resume_or_discard_of_another_planners_review_finds_nothing(seed_db_path, tmp_path, monkeypatch):
    from app import create_app
    from etl.held_documents import held_jsons
    from tests.accounts import SECRET, add_users, answer_text, client_as, post_callback
    from tests.conftest import copy_sqlite
    from tests.test_documents_forged import read_in

    (tmp_path / "held").mkdir()
    monkeypatch.setattr("etl.held_documents.held_dir", lambda: tmp_path / "held")
    copy_sqlite(seed_db_path, tmp_path / "documents.db")
    url = f"sqlite:///{tmp_path / 'documents.db'}"
    add_users(url)
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)
    dingxi = client_as(app, "planner_dingxi")
    _, state, _ = read_in(app, dingxi, dingxi_plan(), "定西.docx")
    sha = state["sha256"]
    owner = next(p.name for p in (tmp_path / "held").iterdir() if p.is_dir())

    shaanxi = client_as(app, "planner_shaanxi")
    resumed = post_callback(shaanxi, forged_click(app, "doc-held-resume", sha, "n_clicks"))
    assert resumed.status_code == 200 and "doc-grid" not in answer_text(resumed)
    assert "无法继续" in answer_text(resumed)
    discarded = post_callback(shaanxi, forged_click(app, "doc-held-discard", sha, "submit_n_clicks"))
    assert discarded.status_code == 200 and "已放弃" not in answer_text(discarded)
    assert [s for s, _ in held_jsons(owner)] == [sha]  # still held for its planner

    resumed = post_callback(dingxi, forged_click(app, "doc-held-resume", sha, "n_clicks"))
    assert "doc-grid" in answer_text(resumed)  # its own planner resumes it
