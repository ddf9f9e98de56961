"""A target the extractor missed, added on the documents page from the words the reviewer copied (real app, real
SQLite copy of the seed, the page's callbacks posted as the browser posts them).

The document is a real news text of the corpus (data/corpus/dev/gansu-2017-rural-tourism-plan-news-trad, in
traditional characters, from www.gov.cn) in a real .docx; the extractor does not give its 20 planning firms.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.accounts import answer_text, client_as, dump, payload, post_callback
from tests.test_documents_forged import app, commit, find, read_in, url  # noqa: F401 (fixtures)

TEXT = Path(__file__).parent.parent / "data" / "corpus" / "dev" / "gansu-2017-rural-tourism-plan-news-trad.txt"
MISSED = "我省將組織和支持20家旅遊規劃設計單位"


def _lines() -> list[str]:
    return [line.strip() for line in TEXT.read_text(encoding="utf-8").splitlines() if line.strip()]


def add(app, client, words: str, grid: list[dict], state: dict):  # noqa: F811
    values = {"doc-add.n_clicks": 1, "doc-add-quote.value": words, "doc-grid.rowData": grid, "doc-state.data": state}
    return post_callback(client, payload(app, "doc-add.n_clicks", values))


def test_a_missed_target_is_added_from_its_words_and_committed_with_them(app, url):  # noqa: F811
    client = client_as(app, "admin1")
    _, state, grid = read_in(app, client, _lines(), "甘肃乡村旅游.docx")
    assert grid is not None and not any(row["value_text"] == "20家" for row in grid)
    response = add(app, client, MISSED, grid, state)
    assert response.status_code == 200
    answer = response.get_json()["response"]
    rows = answer["doc-grid"]["rowData"]
    assert len(rows) == len(grid) + 1
    new = rows[-1]
    assert (new["value_text"], new["quote"], new["kind"]) == ("20家", MISSED, "target")
    assert new["region_text"] == "甘肃省 620000" and new["period_text"] == "2017"
    assert answer["doc-add-quote"]["value"] == ""  # cleared for the next one
    only_new = [{**row, "accept": row["row_id"] == new["row_id"]} for row in rows]
    done = commit(app, client, state, only_new, "a target the extractor missed")
    assert "documents-committed" in answer_text(done), answer_text(done)
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        stored = conn.execute(
            "SELECT f.value, f.quote, f.quote_start, f.quote_end, f.note, s.text FROM figures f"
            " JOIN sources s ON s.id = f.source_id WHERE f.batch_id = (SELECT max(id) FROM batches)"
        ).fetchall()
    assert len(stored) == 1
    value, quote, start, end, note, text = stored[0]
    assert (value, quote) == (20.0, MISSED) and "审核添加" in note
    assert text[start:end] == MISSED  # the offsets point into the stored document's own text


def test_words_not_in_the_document_are_refused_with_where_and_what_to_do(app, url):  # noqa: F811
    client = client_as(app, "admin1")
    _, state, grid = read_in(app, client, _lines(), "甘肃乡村旅游.docx")
    before = dump(url)
    for words, said in (("全省新建旅游厕所300座", "文件中没有这段文字"), ("組織和支持", "没有带单位的数字")):
        answer = answer_text(add(app, client, words, grid, state))
        assert said in answer and "甘肃乡村旅游.docx" in answer
        assert '"doc-grid"' not in answer  # the grid is left as it was
    assert dump(url) == before


def test_another_accounts_document_cannot_be_added_to(app, url):  # noqa: F811
    _, state, grid = read_in(app, client_as(app, "admin1"), _lines(), "甘肃乡村旅游.docx")
    answer = answer_text(add(app, client_as(app, "planner_dingxi"), MISSED, grid, state))
    assert "documents-refused" not in answer and '"doc-grid"' not in answer
    assert "expired" in answer or "已过期" in answer
