"""A pasted text is no file: /history says it was pasted (a real .txt upload keeps its file name), and a pasted
text with no headline gets a readable title, its first sentence shortened, which the reviewer may still correct.

Real app on a real SQLite copy of the seed, the documents and history pages' callbacks posted as the browser posts
them. ZHAOTONG_ZJW is 昭通日报's repost (dogfood 29, no headline); the other texts are the test's own (synthetic).
"""

from __future__ import annotations

import base64
import datetime as dt
import sqlite3

from etl.intake.titles import pasted_title
from tests import test_documents_forged as forged
from tests.accounts import answer_text, client_as, payload, post_callback
from tests.dogfood_texts import ZHAOTONG_ZJW
from tests.test_documents_forged import commit, find
from tests.test_documents_planner_review import paste
from tests.test_documents_title_box import retitle, stored_titles

url, app = forged.url, forged.app

PASTED = "会议要求,2019年渭源县要确保减少贫困人口1.5万人。"  # no headline (synthetic)
UPLOADED = "陇西县脱贫攻坚工作要点\n\n2019年陇西县要确保减少贫困人口1.2万人。"  # synthetic
TXT_NAME = "陇西县工作要点.txt"
ZJW_TITLE = "到去年底,全市尚有贫困人口111.95万人…"


def upload_txt(app, client, text: str, file_name: str):
    """A .txt file chosen in the page's file box; (answer, page state, grid rows)."""
    contents = "data:text/plain;base64," + base64.b64encode(text.encode("utf-8")).decode()
    values = {"doc-file-checked.data": {"filename": file_name, "at": 1}, "doc-file.contents": contents}
    response = post_callback(client, payload(app, "doc-file-checked.data", values))
    assert response.status_code == 200, response.data
    answer = response.get_json()["response"]
    return answer, answer["doc-state"]["data"], find(answer, "doc-grid")["props"]["rowData"]


def committed(app, client, url: str, state: dict, grid: list[dict]) -> int:
    """The review committed; the new batch's id."""
    done = answer_text(commit(app, client, state, grid, "pasted or uploaded (synthetic)"))
    assert "documents-committed" in done, done
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT MAX(id) FROM batches").fetchone()[0]


def history_row(app, client, batch_id: int) -> str:
    """The /history page's row of ``batch_id``, as text."""
    response = post_callback(client, payload(app, "url.pathname", {"url.pathname": "/history", "url.search": ""}))
    assert response.status_code == 200
    row = find(response.get_json()["response"], f"history-row-{batch_id}")
    assert row is not None, batch_id
    return str(row)


def test_history_says_a_text_was_pasted_and_names_a_txt_file(app, url):
    client = client_as(app, "admin1")
    _answer, state, grid = paste(app, client, PASTED)
    pasted = committed(app, client, url, state, grid)
    _answer, state, grid = upload_txt(app, client, UPLOADED, TXT_NAME)
    uploaded = committed(app, client, url, state, grid)

    row = history_row(app, client, pasted)
    assert "粘贴的文本 pasted text" in row and ".txt" not in row, row
    row = history_row(app, client, uploaded)
    assert TXT_NAME in row and "粘贴" not in row, row
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        names = conn.execute("SELECT file_name FROM batches WHERE id IN (?, ?) ORDER BY id", (pasted, uploaded))
        assert [n for (n,) in names] == [None, TXT_NAME]  # a pasted text is stored with no file name


def test_a_text_pasted_before_under_the_old_file_name_reads_as_pasted(app, url):
    client = client_as(app, "admin1")
    _answer, state, grid = paste(app, client, PASTED)
    pasted = committed(app, client, url, state, grid)
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:  # as the app stored a pasted text until now
        conn.execute("UPDATE batches SET file_name = '粘贴文本 pasted.txt' WHERE id = ?", (pasted,))
    row = history_row(app, client, pasted)
    assert "粘贴的文本 pasted text" in row and "pasted.txt" not in row, row


def test_a_pasted_text_without_a_headline_is_titled_by_its_first_sentence_and_the_title_stays_editable(app, url):
    client = client_as(app, "admin1")
    answer, state, grid = paste(app, client, ZHAOTONG_ZJW, **{"doc-date.value": "2016-08-23"})  # the repost's date
    assert find(answer, "doc-title")["props"]["value"] == ZJW_TITLE  # not 粘贴文本 pasted.txt
    first = next(r["row_id"] for r in grid if r["kind"] == "target" and r["period_text"])
    targets = [{**r, "accept": r["row_id"] == first, "region_text": "621100"} for r in grid]  # 昭通 not in the seed
    batch = committed(app, client, url, state, targets)
    assert stored_titles(url) == (ZJW_TITLE, ZJW_TITLE)  # source title and plan version
    assert ZJW_TITLE in history_row(app, client, batch)

    _answer, state, grid = paste(app, client, PASTED)
    assert state.get("title") is None
    answer = retitle(app, client, state, "渭源县推进会 (审核后)")
    assert answer["doc-state"]["data"]["title"] == "渭源县推进会 (审核后)"
    committed(app, client, url, answer["doc-state"]["data"], grid)
    assert stored_titles(url) == ("渭源县推进会 (审核后)", "渭源县推进会 (审核后)")


def test_the_guessed_title_skips_lines_about_the_page_and_dates_a_text_that_says_nothing():
    copied = "来源:渭源县人民政府网\n发布时间:2019-05-06\n\n" + PASTED  # a web page's lines about itself
    assert pasted_title(copied) == "会议要求,2019年渭源县要确保减少贫困人口…"  # never cut inside 1.5万
    assert pasted_title("2019-05-06\n12345\n", dt.date(2026, 12, 2)) == "粘贴的文本(2026-12-02)"
