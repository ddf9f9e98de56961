"""The title box of a review: the title guessed from the text is shown in a box the reviewer corrects, for an
uploaded file as for a pasted text; the typed title is stored as the document's source title and plan version.
Text: 人民日报海外版 2016-08-23, http://paper.people.com.cn/rmrbhwb/html/2016-08/23/content_1706394.htm (as a .docx,
as the colleague uploaded it: its guessed title was the subheading 「正视现实 寻找差距」)."""

from __future__ import annotations

import base64
import sqlite3

from tests import test_documents_forged as forged
from tests.accounts import client_as, payload, post_callback
from tests.dogfood_texts import ZHAOTONG_PEOPLE
from tests.test_documents_forged import commit, find, read_in

url, app = forged.url, forged.app

TYPED = "昭通:向贫困发起总攻"


def retitle(app, client, state: dict, title: str) -> dict:
    values = {"doc-title.value": title, "doc-state.data": state}
    response = post_callback(client, payload(app, "doc-title.value", values))
    assert response.status_code == 200, response.data
    return response.get_json()["response"]


def stored_titles(url: str) -> tuple[str, str]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        source = conn.execute("SELECT title FROM sources ORDER BY id DESC LIMIT 1").fetchone()[0]
        plan = conn.execute("SELECT name FROM plan_versions ORDER BY id DESC LIMIT 1").fetchone()[0]
    return source, plan


def test_an_uploaded_files_title_is_corrected_in_its_box_and_stored(app, url):
    client = client_as(app, "admin1")
    response, state, grid = read_in(app, client, ZHAOTONG_PEOPLE.splitlines(), "zhaotong-2016-people.docx")
    box = find(response.get_json()["response"], "doc-title")
    assert box is not None and box["props"]["value"] == "zhaotong-2016-people.docx"  # not 正视现实 寻找差距
    answer = retitle(app, client, state, f"  {TYPED} ")
    new_state = answer["doc-state"]["data"]
    assert new_state["title"] == TYPED and TYPED in answer["doc-title-said"]["children"]
    first = next(r["row_id"] for r in grid if r["kind"] == "target" and r["period_text"])
    # 昭通 is not in the seed tree: the one row stored is put in 定西 (621100), as a reviewer may
    targets = [{**r, "accept": r["row_id"] == first, "region_text": "621100"} for r in grid]
    done = commit(app, client, new_state, targets, "昭通 2016").get_json()["response"]
    assert "documents-committed" in str(done), done
    assert stored_titles(url) == (TYPED, TYPED)


def test_a_title_with_a_control_character_or_empty_is_refused_and_the_review_kept(app, url):
    client = client_as(app, "admin1")
    _response, state, _grid = read_in(app, client, ZHAOTONG_PEOPLE.splitlines(), "zhaotong-2016-people.docx")
    for bad, said in (("昭通\x1b", "标题 title"), ("   ", "标题不能为空")):
        answer = retitle(app, client, state, bad)
        assert "doc-state" not in answer and said in str(answer["doc-title-said"]["children"])


def test_the_title_box_is_refused_to_a_visitor(app, url):
    response = post_callback(app.server.test_client(), payload(app, "doc-title.value", {"doc-title.value": "x"}))
    assert response.status_code in (401, 403)


def test_the_box_drawn_with_the_guessed_title_says_nothing_until_the_reviewer_changes_it(app, url):
    # dogfood 30 F6: right after reading, the page said 「标题已改为“…”。」 though nobody had changed it
    client = client_as(app, "admin1")
    response, state, _grid = read_in(app, client, ZHAOTONG_PEOPLE.splitlines(), "zhaotong-2016-people.docx")
    shown = find(response.get_json()["response"], "doc-title")["props"]["value"]
    answer = retitle(app, client, state, shown)  # the box's callback as it fires when the box is drawn
    assert "doc-state" not in answer and answer["doc-title-said"]["children"] == ""
    changed = retitle(app, client, state, TYPED)
    assert changed["doc-state"]["data"]["title"] == TYPED and TYPED in changed["doc-title-said"]["children"]


def test_an_uploaded_web_page_is_titled_by_its_headline(app, url):
    from tests.test_documents_title import MASHAN_HEADLINE, MASHAN_PAGE

    client = client_as(app, "admin1")
    contents = "data:text/html;base64," + base64.b64encode(MASHAN_PAGE.encode("utf-8")).decode()
    chosen = {"filename": "text4.html", "at": 1}
    values = {"doc-file-checked.data": chosen, "doc-file.contents": contents, "doc-region.value": "450000"}
    response = post_callback(client, payload(app, "doc-file-checked.data", values))
    assert response.status_code == 200, response.data
    box = find(response.get_json()["response"], "doc-title")
    assert box is not None and box["props"]["value"] == MASHAN_HEADLINE  # not 点击观看更多视频
