"""What a planner's test of the documents page found (real app, real SQLite copy of the seed, the page's callbacks
posted as the browser posts them): two different values for one target, a target another document stored, a
unit kept from the quote, a document that names no region, a date given after reading, the language toggle and
the commit's counts.

The texts are cut from the documents of that test: 汉中's 2012 news report (西安晚报, traditional characters) and
a 2018 春风行动 plan of a township that names no region.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests import test_documents_forged as forged
from tests.accounts import answer_text, client_as, dump, payload, post_callback
from tests.intake_docs import DINGXI_RESULTS as DINGXI_RESULTS_TEXT
from tests.test_documents_forged import commit, find, read_in
from text.i18n_documents import dt

# the forged-request tests' fixtures: a SQLite copy of the seed with its accounts, and the app on it
url, app = forged.url, forged.app

HANZHONG = """漢中今年將實現10萬人脫貧目標

2011年漢中移民搬遷2.48萬戶8.82萬人,實現脫貧8.12萬人。
今年,全市將實現10萬人脫貧目標。
"""
# the report's lines without a year: only its date tells what 今年 is
HANZHONG_UNDATED = (
    "漢中今年將實現10萬人脫貧目標\n\n今年,全市將實現10萬人脫貧目標。同時,搬遷2.8萬戶10.3萬人,解決25萬人飲水困難。\n"
)
# the same target said by a later report, and by an earlier one, with other values
HANZHONG_LATER = "漢中今年脫貧目標調整\n\n2012年,全市將實現9萬人脫貧目標。\n"
CHUNFENG = """2018年脱贫攻坚“春风行动”实施方案

二、行动目标
(一)产业扶贫
完成玉米调减3500亩,出栏生态土猪3万头、生态家禽5万羽、禽蛋生产1600吨;100%的贫困村建立农民专业合作社,100%的贫困人口参加农民专业合作社。
"""


def paste(app, client, text: str, **fields):
    """Paste ``text`` and read it (``fields``: "doc-date.value" and the like); (answer, page state, grid rows)."""
    values = {"doc-read-text.n_clicks": 1, "doc-text.value": text, **fields}
    response = post_callback(client, payload(app, "doc-read-text.n_clicks", values))
    assert response.status_code == 200, response.data
    answer = response.get_json()["response"]
    grid = find(answer, "doc-grid")
    return answer, answer["doc-state"]["data"], grid["props"]["rowData"] if grid else None


def check(app, client, grid: list[dict], state: dict) -> dict:
    values = {"doc-check.n_clicks": 1, "doc-grid.rowData": grid, "doc-state.data": state}
    return post_callback(client, payload(app, "doc-check.n_clicks", values)).get_json()["response"]


def add(app, client, words: str, grid: list[dict], state: dict) -> dict:
    values = {"doc-add.n_clicks": 1, "doc-add-quote.value": words, "doc-grid.rowData": grid, "doc-state.data": state}
    return post_callback(client, payload(app, "doc-add.n_clicks", values)).get_json()["response"]


def row_of(grid: list[dict], value_text: str) -> dict:
    return next(row for row in grid if row["value_text"] == value_text)


def _as_2012_target(grid: list[dict]) -> list[dict]:
    """The reviewer's slip of the test: 2011's 8.12万 people lifted out of poverty made a 2012 target."""
    return [{**r, "kind": "target", "period_text": "2012"} if r["value_text"] == "8.12万人" else r for r in grid]


def test_two_values_for_one_target_are_a_problem_on_both_rows_until_one_is_rejected(app, url):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, HANZHONG, **{"doc-date.value": "2012-04-11"})
    grid = _as_2012_target(grid)
    answer = check(app, client, grid, state)
    rows = answer["doc-grid"]["rowData"]
    ten, eight = row_of(rows, "10万人"), row_of(rows, "8.12万人")
    assert f"与第 {eight['row_id']} 行重复" in ten["problem"] and f"duplicates row {eight['row_id']}" in ten["problem"]
    assert f"与第 {ten['row_id']} 行重复" in eight["problem"]
    assert "拒绝其中一行,或更正其年份或指标,或将其中一行的层级改为 力争" in ten["problem"]
    assert "reject one of the rows" in eight["problem"] and "or set one row's tier to stretch" in eight["problem"]
    assert ten["problem"].startswith("年份 year: ") and "period_end" not in ten["problem"]  # the field as read
    listed = json.dumps(answer["doc-problems"]["children"], ensure_ascii=False)
    assert f"第 {ten['row_id']} 行" in listed and f"第 {eight['row_id']} 行" in listed
    before = dump(url)
    refused = answer_text(commit(app, client, state, grid, "汉中 2012"))
    assert "documents-refused" in refused and "重复" in refused
    assert dump(url) == before
    one = [{**r, "accept": r["row_id"] != eight["row_id"]} for r in grid]
    assert all(r["problem"] == "" for r in check(app, client, one, state)["doc-grid"]["rowData"])
    assert "documents-committed" in answer_text(commit(app, client, state, one, "汉中 2012"))


def test_two_values_for_one_actual_are_a_problem_on_both_rows_until_one_is_rejected(app, url):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, HANZHONG, **{"doc-date.value": "2012-04-11"})
    eight = row_of(grid, "8.12万人")
    assert (eight["kind"], eight["period_text"]) == ("actual", "2011")
    # the reviewer's slip of the test: the 2012 target made a second 2011 actual of the same people
    grid = [{**r, "kind": "actual", "period_text": "2011"} if r["value_text"] == "10万人" else r for r in grid]
    answer = check(app, client, grid, state)
    rows = answer["doc-grid"]["rowData"]
    ten, eight = row_of(rows, "10万人"), row_of(rows, "8.12万人")
    assert f"与第 {eight['row_id']} 行重复" in ten["problem"] and "实际值不同" in ten["problem"]
    assert f"duplicates row {ten['row_id']}: an actual of the same region" in eight["problem"]
    assert "拒绝其中一行" in ten["problem"] and "层级" not in ten["problem"]  # an actual has no tier to change
    listed = json.dumps(answer["doc-problems"]["children"], ensure_ascii=False)
    assert f"第 {ten['row_id']} 行" in listed and f"第 {eight['row_id']} 行" in listed
    before = dump(url)
    assert "documents-refused" in answer_text(commit(app, client, state, grid, "汉中 2011"))
    assert dump(url) == before
    rejected = [{**r, "accept": r["row_id"] != ten["row_id"]} for r in grid]
    assert not any("重复" in r["problem"] for r in check(app, client, rejected, state)["doc-grid"]["rowData"])


def test_the_same_value_said_twice_is_no_problem(app):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, HANZHONG, **{"doc-date.value": "2012-04-11"})
    eight = row_of(grid, "8.12万人")
    grid = [{**r, "kind": "target", "period_text": "2012", "value_text": "10万人"} if r is eight else r for r in grid]
    rows = check(app, client, grid, state)["doc-grid"]["rowData"]
    assert not any("重复" in r["problem"] for r in rows)


def test_two_line_items_of_a_shared_code_in_one_year_are_no_duplicate():
    from etl.intake.checks import duplicate_targets

    items = [
        {
            "row_id": i,
            "kind": "target",
            "region_code": "610700",
            "indicator": code,
            "period_start": 2012,
            "period_end": 2012,
            "value": value,
            "tier": "committed",
        }
        for i, (code, value) in enumerate(
            [
                ("other:funds_line_item", 5e6),
                ("other:funds_line_item", 7e6),
                ("poor_population_reduced", 1e5),
                ("poor_population_reduced", 81200),
            ],
            start=1,
        )
    ]
    assert sorted(p.row for p in duplicate_targets(items)) == [
        3,
        4,
    ]  # a funds table's lines are items, not restatements


@pytest.mark.parametrize(
    ("date", "flagged"),
    [
        ("2012-01-05", True),  # an earlier report: the stored plan is the newer one
        ("", True),  # undated: which is newer cannot be told
        ("2012-09-01", False),  # a later report restates the plan: a revision, as before
        ("2012-04-11", False),  # the same day's plan, restated or corrected: a revision, as before
    ],
)
def test_a_target_another_document_stored_with_another_value_is_a_problem_unless_this_one_is_newer(
    app, url, date, flagged
):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, HANZHONG, **{"doc-date.value": "2012-04-11"})
    assert "documents-committed" in answer_text(commit(app, client, state, grid, "汉中 2012"))
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        (stored_batch,) = conn.execute("SELECT max(id) FROM batches").fetchone()
    _, state, grid = paste(app, client, HANZHONG_LATER, **{"doc-date.value": date or None})
    nine = row_of(grid, "9万人")
    if not flagged:
        assert nine["problem"] == ""
        assert "documents-committed" in answer_text(commit(app, client, state, grid, "汉中 2012 调整"))
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            kind = conn.execute("SELECT kind FROM plan_versions ORDER BY id DESC LIMIT 1").fetchone()[0]
        assert kind == "revision"
        return
    assert f"批次 {stored_batch}" in nine["problem"] and f"batch {stored_batch}" in nine["problem"]
    assert "10万人" in nine["problem"] and "2012-04-11" in nine["problem"] and "revert that batch" in nine["problem"]
    before = dump(url)
    assert "documents-refused" in answer_text(commit(app, client, state, grid, "汉中 2012 调整"))
    assert dump(url) == before


def test_an_added_target_keeps_the_quotes_unit_and_is_named_after_its_words(app):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, CHUNFENG, **{"doc-region.value": "610700", "doc-date.value": "2018-02-24"})
    rows = add(app, client, "生态家禽5万羽", grid, state)["doc-grid"]["rowData"]
    new = rows[-1]
    assert (new["value_text"], new["indicator_label"]) == ("5万羽", "生态家禽 · other:sheng_tai_jia_qin")
    assert new["problem"] == ""  # the grid's 5万羽 reads back


def test_two_different_unknown_indicators_get_two_readable_names_and_codes(app):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, CHUNFENG, **{"doc-region.value": "610700", "doc-date.value": "2018-02-24"})
    villages = next(r for r in grid if r["quote"].startswith("100%的贫困村"))
    rows = add(app, client, "100%的贫困人口参加农民专业合作社", grid, state)["doc-grid"]["rowData"]
    people = rows[-1]
    assert villages["indicator_label"].split(" · ")[0] == "贫困村建立农民专业合作社"
    assert people["indicator_label"].split(" · ")[0] == "贫困人口参加农民专业合作社"
    assert villages["indicator_label"].split(" · ")[1] != people["indicator_label"].split(" · ")[1]


def test_a_document_that_names_no_region_says_so_and_its_rows_say_the_region_is_missing(app):
    client = client_as(app, "admin1")
    answer, _state, grid = paste(app, client, CHUNFENG, **{"doc-date.value": "2018-02-24"})
    warning = find(answer, "documents-no-region")
    assert warning and "文件未写明地区" in warning["props"]["children"]
    assert "选择地区后点击“重新读取”" in warning["props"]["children"] and "names no region" in dt("no_region", "en")
    assert grid and all("未填写" in r["problem"] and "missing" in r["problem"] for r in grid if r["accept"])
    assert not any("不在地区表中" in r["problem"] or "''" in r["problem"] for r in grid)
    answer, _state, grid = paste(
        app, client, CHUNFENG, **{"doc-date.value": "2018-02-24", "doc-region.value": "610700"}
    )
    assert find(answer, "documents-no-region") is None and not any("未填写" in r["problem"] for r in grid)


def test_the_commit_says_how_many_targets_actuals_and_baselines_were_stored(app, url):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, HANZHONG, **{"doc-date.value": "2012-04-11"})
    kinds = [r["kind"] for r in grid if r["accept"]]
    assert kinds.count("target") and kinds.count("actual")
    said = answer_text(commit(app, client, state, grid, "汉中 2012"))
    targets, actuals, baselines = (kinds.count(k) for k in ("target", "actual", "baseline"))
    assert "已写入批次" in said and f"目标 {targets} 个、实际值 {actuals} 个、基数 {baselines} 个" in said
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        stored = conn.execute(
            "SELECT rows_targets, rows_actuals FROM batches WHERE id = (SELECT max(id) FROM batches)"
        ).fetchone()
    assert stored == (targets, actuals + baselines)  # what /history shows


def reread(app, client, state: dict, **fields) -> dict:
    values = {"doc-reread.n_clicks": 1, "doc-state.data": state, **fields}
    response = post_callback(client, payload(app, "doc-reread.n_clicks", values))
    assert response.status_code == 200, response.data
    return response.get_json()["response"]


def test_a_date_given_after_the_file_was_read_is_applied_by_reading_it_again(app, url):
    client = client_as(app, "admin1")
    _, state, grid = read_in(app, client, HANZHONG_UNDATED.splitlines(), "hanzhong-2012.docx")
    ten = row_of(grid, "10万人")
    assert ten["period_text"] == "" and "年份未知" in ten["problem"]  # 今年, in a text without a date
    added = add(app, client, "解決25萬人飲水困難", grid, state)["doc-grid"]["rowData"][-1]
    assert added["period_text"] == ""
    answer = reread(app, client, state, **{"doc-date.value": "2012-04-11", "doc-region.value": "610700"})
    said = find(answer, "documents-reread")["props"]["children"]
    assert "日期: — → 2012-04-11" in said and "文件所属地区: — → 610700" in said and "补充的 1 个目标" in said
    new_state, rows = answer["doc-state"]["data"], find(answer, "doc-grid")["props"]["rowData"]
    assert (new_state["date"], new_state["region"], new_state["sha256"]) == ("2012-04-11", "610700", state["sha256"])
    assert row_of(rows, "10万人")["period_text"] == "2012" and not any("年份未知" in r["problem"] for r in rows)
    assert (rows[-1]["quote"], rows[-1]["period_text"]) == ("解決25萬人飲水困難", "2012")
    assert find(answer, "documents-no-date") is None
    before = dump(url)
    stale = answer_text(commit(app, client, state, grid, "the grid read before"))
    assert "documents-refused" in stale and dump(url) == before  # nothing of the first reading is stored
    done = answer_text(commit(app, client, new_state, [{**r, "accept": r["kind"] == "target"} for r in rows], "汉中"))
    assert "documents-committed" in done
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        dated = conn.execute("SELECT published_on FROM sources ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert dated == "2012-04-11"


def test_reading_again_with_nothing_held_says_so(app):
    answer = reread(app, client_as(app, "admin1"), None)
    assert "documents-reread-nothing" in json.dumps(answer)


def resume(app, client, state: dict | None, search: str = "") -> dict | None:
    """What the page shows when drawn again with this tab's held state (the language switched, a reload)."""
    values = {"doc-state.data": state, "doc-result.children": None, "url.search": search}
    response = post_callback(client, payload(app, "doc-state.data", values))
    return response.get_json()["response"] if response.status_code == 200 else None


def test_a_review_in_progress_survives_the_language_switch_with_its_edits(app, url):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, HANZHONG, **{"doc-date.value": "2012-04-11"})
    eight = row_of(grid, "8.12万人")
    edited = [{**r, "accept": False} if r is eight else r for r in grid]
    check(app, client, edited, state)
    added = add(app, client, "今年,全市將實現10萬人脫貧目標", edited, state)["doc-grid"]["rowData"]
    answer = resume(app, client, state, "?lang=en")
    rows = find(answer, "doc-grid")["props"]["rowData"]
    assert [(r["row_id"], r["accept"]) for r in rows] == [(r["row_id"], r["accept"]) for r in added]
    assert row_of(rows, "8.12万人")["accept"] is False and len(rows) == len(grid) + 1
    assert answer["doc-date"]["value"] == "2012-04-11"
    assert "Review" in json.dumps(answer["doc-result"], ensure_ascii=False)  # drawn in the language switched to
    done = commit(app, client, state, rows, "汉中 2012")
    assert "documents-committed" in answer_text(done)
    assert done.get_json()["response"]["doc-state"]["data"] is None  # stored: nothing left to resume


def test_nothing_is_resumed_for_another_account_or_without_a_held_review(app):
    client = client_as(app, "admin1")
    _, state, _grid = paste(app, client, HANZHONG, **{"doc-date.value": "2012-04-11"})
    assert "doc-grid" not in json.dumps(resume(app, client, None))
    other = client_as(app, "planner_dingxi")
    answer = resume(app, other, state)
    assert answer is None or "doc-grid" not in json.dumps(answer)


def test_the_problem_list_follows_the_grids_order():
    from layouts.documents_grid import problems_view

    view = problems_view({"5": ["b"], "3": ["a"], "4": ["c"]}, ["3", "4", "5"], "zh")
    listed = json.dumps(view.to_plotly_json(), ensure_ascii=False, default=lambda o: o.to_plotly_json())
    assert listed.index("第 1 行") < listed.index("第 2 行") < listed.index("第 3 行")
    assert listed.index('"a"') < listed.index('"c"') < listed.index('"b"')


def stored_source(url: str) -> tuple:
    """(title, url, published_on) of the document stored last."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT title, url, published_on FROM sources ORDER BY id DESC LIMIT 1").fetchone()


# the first paragraph of 渭源's 秦祁乡 abstract (a journal's, as pasted in the planner's test), after a title
QINQI = (
    "秦祁乡是渭源县最偏远、最干旱、贫困程度最深的乡镇,辖11个行政村64个村民小组2348户9907人"
    "(其中:长年举家外出348户1209人)。2013年底全乡有建档立卡贫困户1024户4190人,四年来累计减贫282户1224人,"
    "2018年减贫213户881人,现有建档立卡贫困户538户2124人,贫困发生率将从2017年的42.3%下降到21.43%,是渭源县贫困"
)


def test_the_title_typed_for_a_pasted_text_is_the_documents_title_also_when_read_again(app, url):
    client = client_as(app, "admin1")
    title = "渭源县秦祁乡脱贫攻坚(期刊摘要)"
    answer, state, grid = paste(app, client, QINQI, **{"doc-text-title.value": title})
    assert title in answer_text_of(answer)
    answer = reread(app, client, state, **{"doc-date.value": "2018-12-01"})
    state, grid = answer["doc-state"]["data"], find(answer, "doc-grid")["props"]["rowData"]
    assert title in answer_text_of(answer)
    accepted = [{**r, "accept": r["value_text"] == "21.43%"} for r in grid]
    assert "documents-committed" in answer_text(commit(app, client, state, accepted, "秦祁乡"))
    assert stored_source(url)[0] == title


def answer_text_of(answer: dict) -> str:
    return json.dumps(answer, ensure_ascii=False)


def test_an_engine_problem_names_its_field_by_its_label_never_its_code():
    from etl.document_review import problems_by_row
    from etl.intake.problems import DuplicateTarget, StoredTargetConflict

    found = problems_by_row(
        [DuplicateTarget("a.txt", 3, "period_end", 1, "重复 / dup"), StoredTargetConflict("a.txt", 3, "value", 1, "x")]
    )
    assert [p.split(": ")[0] for p in found["3"]] == ["年份 year", "数值 value"]


# a sentence of the test's own (synthetic): a target of villages, counted in 个
VILLAGES = "定西市2019年脱贫攻坚工作要点\n\n2019年定西市确保150个贫困村退出。\n"


def test_a_value_whose_unit_contradicts_the_indicator_is_a_problem_as_in_an_upload_and_is_not_stored(app, url):
    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, VILLAGES, **{"doc-date.value": "2019-02-01"})
    villages = row_of(grid, "150个")
    assert villages["indicator_label"].endswith("villages_exited") and villages["problem"] == ""
    edited = [{**r, "value_text": "1.2万人"} if r is villages else r for r in grid]
    answer = check(app, client, edited, state)
    problem = row_of(answer["doc-grid"]["rowData"], "1.2万人")["problem"]
    assert problem.startswith("数值 value: '1.2万人': villages_exited 的单位是 个,不是 人 / ")
    assert "villages_exited is counted in 个, not 人" in problem
    assert "第 1 行" in json.dumps(answer["doc-problems"]["children"], ensure_ascii=False)
    before = dump(url)
    refused = answer_text(commit(app, client, state, edited, "定西 2019"))
    assert "documents-refused" in refused and "的单位是 个" in refused and dump(url) == before
    fixed = [{**r, "value_text": "1.2万"} if r is villages else r for r in grid]  # no unit: the indicator's
    assert row_of(check(app, client, fixed, state)["doc-grid"]["rowData"], "1.2万")["problem"] == ""


def test_a_report_of_results_whose_accepted_rows_are_actuals_is_committed(app, url):
    client = client_as(app, "admin1")
    answer, state, grid = paste(app, client, DINGXI_RESULTS_TEXT, **{"doc-date.value": "2019-01-20"})
    assert {r["kind"] for r in grid} == {"actual"} and "没有找到目标" in answer_text_of(answer)
    done = answer_text(commit(app, client, state, grid, "定西 2018 成效"))
    assert "documents-committed" in done and "实际值 2 个" in done and "--region" not in done
    assert stored_source(url)[2] == "2019-01-20"
    _, state, grid = paste(app, client, DINGXI_RESULTS_TEXT.replace("200个", "300个"))
    refused = answer_text(commit(app, client, state, [{**r, "accept": False} for r in grid], "none"))
    assert "documents-refused" in refused and "--region" not in refused and "--date" not in refused


SCHOLARMATE = "https://scholarmate.com/S/UWzPfN"  # the abstract's address in the planner's test


def test_a_new_document_is_not_read_with_the_previous_reviews_url_date_region_or_title(app, url):
    client = client_as(app, "admin1")
    first = {"doc-url.value": SCHOLARMATE, "doc-date.value": "2018-12-01", "doc-region.value": "621123"}
    _, state, _grid = paste(app, client, QINQI, **first, **{"doc-text-title.value": "秦祁乡"})
    shown = resume(app, client, state)  # the page drawn again: the held review's overrides back in their boxes
    assert (shown["doc-url"]["value"], shown["doc-date"]["value"]) == (SCHOLARMATE, "2018-12-01")

    # another text read with the boxes as they were: none of the first one's overrides is used, the page says so
    fields = {**first, "doc-text-title.value": "秦祁乡", "doc-state.data": state}
    answer, new_state, grid = paste(app, client, DINGXI_RESULTS_TEXT, **fields)
    assert (new_state["url"], new_state["date"], new_state["region"], new_state["title"]) == (None,) * 4
    assert new_state["file_name"] == "粘贴文本 pasted.txt"
    said = json.dumps(find(answer, "documents-not-carried"), ensure_ascii=False)
    assert "来源网址" in said and "文件日期" in said and "文件所属地区" in said and "文件标题" in said
    assert (answer["doc-url"]["value"], answer["doc-date"]["value"], answer["doc-region"]["value"]) == ("", "", None)
    assert answer["doc-text-title"]["value"] == ""
    assert "documents-committed" in answer_text(commit(app, client, new_state, grid, "定西 2018"))
    assert stored_source(url)[1:] == (None, "2019-01-20")  # the report's own date, no borrowed address

    # a value typed anew is the new document's; the same text read again keeps its overrides
    other = {**first, "doc-url.value": "http://www.dingxi.gov.cn/art/2019/1/20/art_1.html", "doc-state.data": state}
    _, typed, _grid = paste(app, client, DINGXI_RESULTS_TEXT.replace("200个", "210个"), **other)
    assert (typed["url"], typed["date"]) == ("http://www.dingxi.gov.cn/art/2019/1/20/art_1.html", None)
    again, same, _grid = paste(app, client, QINQI, **{**first, "doc-state.data": state})
    assert (same["url"], same["date"], same["region"]) == (SCHOLARMATE, "2018-12-01", "621123")
    assert find(again, "documents-not-carried") is None


def test_a_commit_empties_the_source_boxes_for_the_next_document(app):
    client = client_as(app, "admin1")
    fields = {"doc-url.value": "http://www.dingxi.gov.cn/art/2019/1/20/art_1.html", "doc-text-title.value": "成效"}
    _, state, grid = paste(app, client, DINGXI_RESULTS_TEXT, **fields)
    answer = commit(app, client, state, grid, "定西 2018").get_json()["response"]
    assert answer["doc-state"]["data"] is None
    assert (answer["doc-url"]["value"], answer["doc-date"]["value"], answer["doc-region"]["value"]) == ("", "", None)
    assert answer["doc-text-title"]["value"] == ""


def test_a_possible_row_whose_words_name_nothing_is_shown_unnamed_and_needs_a_name_once_ticked(app):
    from layouts.documents_grid import UNNAMED

    client = client_as(app, "admin1")
    _, state, grid = paste(app, client, QINQI, **{"doc-date.value": "2018-12-01"})
    possible = {r["value_text"]: r["indicator_label"] for r in grid if r["possible"]}
    assert possible["1209人"].startswith(UNNAMED)  # ")": words that name nothing
    # "辖11个行政村64个村民小组2348户9907人": the township's administrative division, no row at all
    assert "9907人" not in possible and "2348户" not in possible
    assert possible["348户"].startswith("长年举家外出 · ")
    assert not any(label.startswith(("(", ")", "辖")) for label in possible.values())
    ticked = [{**r, "accept": r["value_text"] == "1209人"} for r in grid]
    problem = row_of(check(app, client, ticked, state)["doc-grid"]["rowData"], "1209人")["problem"]
    assert "需要名称" in problem and "needs a readable name" in problem
    chosen = [
        {**r, "indicator_label": "贫困人口 · poor_population"} if r["value_text"] == "1209人" else r for r in ticked
    ]
    assert row_of(check(app, client, chosen, state)["doc-grid"]["rowData"], "1209人")["problem"] == ""
