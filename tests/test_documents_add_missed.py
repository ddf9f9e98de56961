"""A target the extractor missed, added on the documents page from the words the reviewer copied (real app, real
SQLite copy of the seed, the page's callbacks posted as the browser posts them).

The documents are real news texts of the corpus in real .docx files: 和县's solar plan
(data/corpus/dev/hexian-2017-village-solar-plan-news), whose 11 villages the extractor does not give as a target,
and 山西's solar poverty-relief plan (shanxi-2017-pv-poverty-three-year-plan-xinhua), whose 800,000 kW of
centralised stations it gives only as a possible target, unticked (a capacity the catalogue has no indicator for).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import create_app
from db.session import make_engine
from etl.regions_national import load_national
from tests.accounts import SECRET, add_users, answer_text, client_as, dump, payload, post_callback
from tests.conftest import copy_sqlite
from tests.test_documents_forged import commit, find, read_in

CORPUS = Path(__file__).parent.parent / "data" / "corpus" / "dev"
MISSED = "在全县11个贫困村发展60KW村级集中光伏电站"
POSSIBLE = "集中电站80万千瓦"


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    """A copy of the seed database with the national region tree loaded (etl regions): 和县 is in it."""
    path = tmp_path / "documents.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    load_national(engine, progress=lambda _m: None)
    engine.dispose()
    add_users(url)
    return url


@pytest.fixture
def app(url):
    return create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


def _lines(name: str = "hexian-2017-village-solar-plan-news") -> list[str]:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def add(app, client, words: str, grid: list[dict], state: dict):
    values = {"doc-add.n_clicks": 1, "doc-add-quote.value": words, "doc-grid.rowData": grid, "doc-state.data": state}
    return post_callback(client, payload(app, "doc-add.n_clicks", values))


def test_a_missed_target_is_added_from_its_words_and_committed_with_them(app, url):
    client = client_as(app, "admin1")
    _, state, grid = read_in(app, client, _lines(), "和县光伏扶贫.docx")
    # the extractor reads the 11 villages as a count of places, not as the plan's target
    assert grid is not None and not any(row["value_text"] == "11个" and row["kind"] == "target" for row in grid)
    response = add(app, client, MISSED, grid, state)
    assert response.status_code == 200
    answer = response.get_json()["response"]
    rows = answer["doc-grid"]["rowData"]
    assert len(rows) == len(grid) + 1
    new = rows[-1]
    assert (new["value_text"], new["quote"], new["kind"]) == ("11个", MISSED, "target")
    assert new["region_text"] == "和县 340523" and new["period_text"] == "2017"  # the year its paragraph names
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
    assert (value, quote) == (11.0, MISSED) and "审核添加" in note
    assert text[start:end] == MISSED  # the offsets point into the stored document's own text


def test_words_not_in_the_document_are_refused_with_where_and_what_to_do(app, url):
    client = client_as(app, "admin1")
    _, state, grid = read_in(app, client, _lines(), "和县光伏扶贫.docx")
    before = dump(url)
    for words, said in (("全省新建旅游厕所300座", "文件中没有这段文字"), ("项目选址已确定", "没有带单位的数字")):
        answer = answer_text(add(app, client, words, grid, state))
        assert said in answer and "和县光伏扶贫.docx" in answer
        assert '"doc-grid"' not in answer  # the grid is left as it was
    assert dump(url) == before


def test_another_accounts_document_cannot_be_added_to(app, url):
    _, state, grid = read_in(app, client_as(app, "admin1"), _lines(), "和县光伏扶贫.docx")
    answer = answer_text(add(app, client_as(app, "planner_dingxi"), MISSED, grid, state))
    assert "documents-refused" not in answer and '"doc-grid"' not in answer
    assert "expired" in answer or "已过期" in answer


def test_a_possible_target_comes_unticked_and_counts_once_ticked(app, url):
    client = client_as(app, "admin1")
    lines = _lines("shanxi-2017-pv-poverty-three-year-plan-xinhua")
    response, state, grid = read_in(app, client, lines, "山西光伏扶贫.docx")
    possible = next(row for row in grid if row["quote"] == POSSIBLE)
    assert possible["possible"] and not possible["accept"] and possible["value_text"] == "80万千瓦"
    assert all(row["accept"] for row in grid if not row["possible"])
    sure = sum(not row["possible"] for row in grid)
    counted = find(response.get_json()["response"], "documents-count")["props"]["children"]
    assert counted == f"已接受 {sure} / {len(grid)} 条" and sure < len(grid)
    ticked = [{**row, "accept": row["row_id"] == possible["row_id"]} for row in grid]
    assert "documents-committed" in answer_text(commit(app, client, state, ticked, "a possible target, ticked"))
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        stored = conn.execute("SELECT value, quote, note FROM figures WHERE batch_id = (SELECT max(id) FROM batches)")
        [(value, quote, note)] = stored.fetchall()
    assert (value, quote) == (800_000.0, POSSIBLE) and "可能的目标,审核接受" in note


def test_words_holding_two_targets_add_a_row_for_each_clause(app, url):
    """Planner trial T6: a selection over two clauses, each with its number, gave only the first number."""
    client = client_as(app, "admin1")
    _, state, grid = read_in(app, client, _lines(), "和县光伏扶贫.docx")
    words = "继续投入财政性资金495万元,在全县11个贫困村发展60KW村级集中光伏电站"
    response = add(app, client, words, grid, state)
    answer = response.get_json()["response"]
    rows = answer["doc-grid"]["rowData"]
    assert len(rows) == len(grid) + 2
    first, second = rows[-2:]
    assert (first["value_text"], first["quote"]) == ("495万元", "继续投入财政性资金495万元")
    assert (second["value_text"], second["quote"]) == ("11个", MISSED)
    assert f"第 {len(grid) + 1}–{len(grid) + 2} 行" in answer_text(response)
