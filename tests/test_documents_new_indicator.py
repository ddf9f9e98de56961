"""A reviewer types an indicator the catalogue lacks into a row of the documents grid (issue 12: the catalogue grows
by review, not by accident): it becomes a new ``other:`` indicator with the readable name typed, counted in the
value's unit, said in the row as a note (not a problem) with the catalogue label it is close to, and stored with
the document through the intake's write path, so that it is looked up by name like any other indicator.

The 渭源 work plan is the test's own (synthetic), after a target of 贵州's 2017 plan a planner could not enter
("到2017年末…15个贫困村基本实现全面小康").
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from db import queries
from db.session import make_engine, session_factory
from etl.reviewed_rows import apply_edits, indicator_code, read_indicator
from tests import test_documents_forged as forged
from tests.accounts import answer_text, client_as
from tests.test_documents_forged import commit
from tests.test_documents_planner_review import check, paste

url, app = forged.url, forged.app

NEW_NAME = "贫困村基本实现全面小康"
NEW_CODE = "other:pin_kun_cun_ji_ben_shi_xian_quan_mian_xiao_kang"
WEIYUAN = (
    "渭源县2017年脱贫攻坚工作要点\n\n"
    "2017年3月1日,渭源县要确保减少贫困人口1.5万人。到2017年末,全县贫困村15个基本实现全面小康。"
)
CATALOGUE = {
    "poor_population_reduced": {"code": "poor_population_reduced", "name_zh": "脱贫人口", "unit": "人"},
    "villages_exited": {
        "code": "villages_exited",
        "name_zh": "贫困村退出",
        "name_en": "Poor villages exited",
        "unit": "个",
    },
}
PROPOSED = {
    "row_id": "1",
    "kind": "target",
    "region_code": "621123",
    "region_name": "渭源县",
    "indicator": "poor_population_reduced",
    "indicator_name": "脱贫人口",
    "period_start": 2017,
    "period_end": 2017,
    "value": 15000.0,
    "unit": "人",
    "comparator": "=",
    "tier": "committed",
    "quote": "全县贫困村15个基本实现全面小康",
}
GRID = {
    "row_id": "1",
    "accept": True,
    "kind": "target",
    "region_text": "渭源县 621123",
    "indicator_label": "脱贫人口 · poor_population_reduced",
    "period_text": "2017",
    "value_text": "15个",
    "comparator": "=",
    "tier": "committed",
}


def edited(label: str, **grid) -> tuple[dict, list[str]]:
    """The proposed row read back with the indicator cell saying ``label``: (row, its problems)."""
    regions = {"渭源县 621123": [{"code": "621123", "name_zh": "渭源县"}]}
    edit = {**GRID, "indicator_label": label, **grid}
    rows, problems = apply_edits([PROPOSED], [edit], lambda text: regions.get(text, []), CATALOGUE)
    return rows[0], problems.get("1", [])


def test_a_name_the_catalogue_lacks_is_a_new_indicator_in_the_values_unit_with_a_note():
    row, problems = edited(NEW_NAME)
    assert problems == []  # the 人 of 脱贫人口 does not refuse 15个: the new indicator is counted in 个
    assert (row["indicator"], row["indicator_name"], row["unit"], row["value"]) == (NEW_CODE, NEW_NAME, "个", 15.0)
    note = row["indicator_note"]
    assert f"新指标:{NEW_NAME}({NEW_CODE})将随本文件保存" in note and "will be saved with this document" in note
    assert "是否指" not in note  # nothing in the catalogue is close to it


def test_a_name_close_to_a_catalogue_one_is_asked_about_and_the_catalogue_ones_still_pick_theirs():
    row, problems = edited("贫困村退出数")
    assert problems == [] and row["indicator"] == "other:pin_kun_cun_tui_chu_shu"
    assert "是否指 贫困村退出 · villages_exited" in row["indicator_note"]
    assert "did you mean 贫困村退出 · villages_exited" in row["indicator_note"]
    for label in ("贫困村退出 · villages_exited", "villages_exited", "贫困村退出", "Poor villages exited"):
        row, problems = edited(label)  # the label suggested, its code, its names: that indicator, no note
        assert problems == [] and "indicator_note" not in row
        assert (row["indicator"], row["indicator_name"], row["unit"]) == ("villages_exited", "贫困村退出", "个")
        assert read_indicator(label, CATALOGUE, "个").code == indicator_code(label, CATALOGUE) == "villages_exited"


@pytest.mark.parametrize("label", ["15个", "合计"])
def test_text_that_names_nothing_is_a_problem_not_an_indicator(label):
    _row, problems = edited(label, value_text="1.5万人")
    assert len(problems) == 1 and problems[0].startswith("指标 indicator")


def test_a_name_whose_code_another_indicator_has_gets_a_code_of_its_own():
    taken = {**CATALOGUE, NEW_CODE: {"code": NEW_CODE, "name_zh": "贫困村基本实现全面小康(旧)", "unit": "个"}}
    choice = read_indicator(NEW_NAME, taken, "个")
    assert choice.code == NEW_CODE + "_2" and choice.name == NEW_NAME
    assert read_indicator("贫困村基本实现全面小康(旧)", taken, "个").code == NEW_CODE  # its own name: that one


def test_a_typed_indicator_is_checked_as_a_note_committed_and_looked_up_by_name(app, url):
    client = client_as(app, "planner_dingxi")
    _, state, grid = paste(app, client, WEIYUAN)
    fifteen = next(r for r in grid if r["value_text"] == "15个")  # a possible target: the extractor is not sure
    grid = [{**r, "accept": True, "indicator_label": NEW_NAME} if r is fifteen else r for r in grid]

    answer = check(app, client, grid, state)
    row = next(r for r in answer["doc-grid"]["rowData"] if r["row_id"] == fifteen["row_id"])
    assert row["problem"] == ""  # a note, not a problem: the commit is not stopped
    assert f"新指标:{NEW_NAME}({NEW_CODE})将随本文件保存" in row["note"]
    listed = json.dumps(answer["doc-problems"]["children"], ensure_ascii=False)
    assert NEW_CODE in listed and "将新建以下指标" in listed
    assert answer["doc-problems"]["className"] == "alert alert-info"

    assert "documents-committed" in answer_text(commit(app, client, state, grid, "渭源 2017 工作要点"))
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        stored = conn.execute(
            "SELECT f.region_code, f.period_end, f.value, f.unit, i.name_zh, i.unit FROM figures f "
            "JOIN indicators i ON i.code = f.indicator_code WHERE f.indicator_code = ?",
            (NEW_CODE,),
        ).fetchall()
    assert stored == [("621123", 2017, 15.0, "个", NEW_NAME, "个")]
    with session_factory(make_engine(url))() as session:
        assert queries.indicator(session, NEW_CODE)["name_zh"] == NEW_NAME
        assert NEW_CODE in queries.indicators_with_figures(session, ["621123"])
        # the next document's reviewer finds it in the catalogue by its name: no second new indicator
        catalogue = {i["code"]: i for i in queries.indicators(session)}
    assert read_indicator(NEW_NAME, catalogue, "个") == (NEW_CODE, None, ())
