"""A pasted text that gives no date (dogfood 29: 昭通日报's repost, https://fpb.zjw.cn/info-81630.html, read with no
date): the rows whose year hangs on the document's date (今年, 去年, 到去年底) have no year, each says so the same
way, and once the date is typed the document is read again and they get theirs. Never a year 0 or -1."""

from __future__ import annotations

from etl.documents import read_document
from etl.intake import propose, validate_rows
from etl.intake.problems import UNKNOWN_YEAR
from layouts.documents_grid import grid_row
from tests import test_documents_forged as forged
from tests.accounts import client_as, payload, post_callback
from tests.dogfood_texts import ZHAOTONG_ZJW
from tests.test_documents_forged import find
from tests.test_documents_planner_review import paste

url, app = forged.url, forged.app


def test_an_undated_texts_relative_years_are_proposed_unknown_never_0_or_minus_1(sessions):
    doc = read_document(ZHAOTONG_ZJW.encode("utf-8"), "zhaotong-2016-zjw.txt")
    with sessions() as session:
        proposal = propose(session, doc, "zhaotong-2016-zjw.txt", possible=True)
        problems = validate_rows(session, proposal.rows)
    assert proposal.published_on is None and proposal.rows
    for row in proposal.rows:  # 到去年底 (-1), 去年一年 (-1), 从今年开始 (0): all counted from no date
        assert (row["period_start"], row["period_end"], row["year"], row["year_unknown"]) == (None, None, None, True)
        assert grid_row(row)["period_text"] == ""
    said = {p.row: p.message for p in problems if p.column == "年份 year"}
    assert said == {row["row_id"]: UNKNOWN_YEAR for row in proposal.rows}


def test_a_dated_texts_rows_keep_their_years(sessions):
    doc = read_document(ZHAOTONG_ZJW.encode("utf-8"), "zhaotong-2016-zjw.txt")
    with sessions() as session:
        proposal = propose(session, doc, "zhaotong-2016-zjw.txt", source_url="https://fpb.zjw.cn/2016-08/23/a.html")
    years = {row["value"]: row["period_end"] for row in proposal.rows}
    assert years[1119500] == 2015 and years[280000] == 2016
    assert not any(row["year_unknown"] for row in proposal.rows)


def test_every_unknown_year_row_says_so_alike_and_the_date_typed_reads_the_years(app, url):
    client = client_as(app, "admin1")
    _answer, state, grid = paste(app, client, ZHAOTONG_ZJW)
    accepted = [row for row in grid if row["accept"]]
    assert accepted and all(row["period_text"] == "" for row in grid)
    for row in accepted:
        assert "年份未知,请填写文件日期或年份 / year unknown: give the document's date or the year" in row["problem"]
        assert "不是年份或期间" not in row["problem"] and "'-1'" not in row["problem"]
    # the planner types the document's date: nothing else to press
    values = {"doc-date.value": "2016-08-23", "doc-state.data": state}
    answer = post_callback(client, payload(app, "doc-date.value", values)).get_json()["response"]
    new_state, rows = answer["doc-state"]["data"], find(answer, "doc-grid")["props"]["rowData"]
    assert new_state["date"] == "2016-08-23" and find(answer, "documents-reread") is not None
    years = {row["value_text"]: row["period_text"] for row in rows}
    assert years["111.95万人"] == "2015" and years["28万人"] == "2016"
    assert all(row["period_text"] and int(row["period_text"][:4]) >= 2015 for row in rows)
    assert not any("年份未知" in row["problem"] for row in rows)


def test_the_date_box_filled_again_with_the_same_date_reads_nothing(app, url):
    client = client_as(app, "admin1")
    _answer, state, _grid = paste(app, client, ZHAOTONG_ZJW, **{"doc-date.value": "2016-08-23"})
    values = {"doc-date.value": "2016-08-23", "doc-state.data": state}
    response = post_callback(client, payload(app, "doc-date.value", values))
    assert response.status_code == 204 or not response.get_json().get("response")
