"""Space-aligned tables under a two-level header whose upper cells span columns (etl/extract/two_level_headers.py),
and the normaliser keeping such rows apart (a row is no hard-wrapped sentence). Snippets are real, cut from the dev
corpus (data/corpus/dev, slug cited at each); synthetic ones say so."""

from __future__ import annotations

import pytest

from etl.extract import extract_document
from etl.extract.normalize import normalize_text
from etl.extract.two_level_headers import two_level_tables
from etl.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv()


# dianjiang-2021-housing-renovation-funds-table: C级/D级/无房户/合计 over 户数 | 补助资金(万元); rows whose empty
# cells became blank lines; 合计 spaced out over the 序号 and 乡镇 columns
DIANJIANG = (
    "垫江县2021年第一批农村低收入群体等重点对象危房改造专项补助资金计划表\n\n日期:2021-12-15\n        \n"
    "垫江县2021年第一批农村低收入群体等重点对象危房改造专项补助资金计划表\n"
    "序号 乡镇、街道 C级 D级 无房户 合计\n"
    "户数 补助资金(万元) 户数 补助资金(万元) 户数 补助资金(万元) 总户数 补助资金(万元)\n"
    "1 桂阳街道\n\n3 6.3\n\n3 6.3\n2 桂溪街道\n\n2 4.2\n\n2 4.2\n"
    "4 沙坪镇 1 0.75 1 2.1 1 2.1 3 4.95\n5 曹回镇\n\n2 4.2 2 4.2 4 8.4\n"
    "13 澄溪镇 1 0.75 1 2.1\n\n2 2.85\n"
    "合  计 3 2.25 42 88.2 12 25.2 57 115.65\n"
    "备注:1.C级危房改造补助标准为0.75万元/户;2.D级危房改造及无房户改造补助标准为2.1万元/户。\n"
)


def test_groups_over_columns_name_each_column():
    table = two_level_tables(DIANJIANG)[0]
    assert table.header[0] == "乡镇、街道"
    assert table.header[1:3] == ["C级 户数", "C级 补助资金(万元)"]
    assert table.header[-2:] == ["合计 总户数", "合计 补助资金(万元)"]
    rows = {r.label: [c.value for c in r.cells] for r in table.rows}
    assert list(rows) == ["桂阳街道", "桂溪街道", "沙坪镇", "曹回镇", "澄溪镇", "合计"]
    assert rows["合计"] == [3.0, 22500.0, 42.0, 882000.0, 12.0, 252000.0, 57.0, 1156500.0]  # 万元 scaled


def test_rows_broken_over_lines_each_line_break_an_empty_cell():
    table = two_level_tables(DIANJIANG)[0]
    cells = {r.label: [(c.column.split()[0], c.value) for c in r.cells] for r in table.rows}
    assert cells["桂阳街道"] == [("D级", 3.0), ("D级", 63000.0), ("合计", 3.0), ("合计", 63000.0)]
    assert cells["曹回镇"][:2] == [("D级", 2.0), ("D级", 42000.0)]  # "5 曹回镇\n\n2 4.2 2 4.2 4 8.4"
    assert cells["澄溪镇"][-2:] == [("合计", 2.0), ("合计", 28500.0)]  # 无房户 empty


def test_a_row_whose_breaks_do_not_add_up_is_passed_over():
    # synthetic: 甲县's figures and line breaks make five cells, not six
    text = (
        "县区 脱贫人口 贫困村 合计\n计划 力争 计划 力争 计划 力争\n甲县 1 2\n3 4\n乙县 1 2 3 4 4 6\n丙县 1 1 1 1 2 2\n"
    )
    assert [r.label for r in two_level_tables(text)[0].rows] == ["乙县", "丙县"]


def test_the_total_row_gives_the_counties_targets_and_parts(g):
    doc = extract_document(DIANJIANG, g, region_code="500231")
    got = {(f.indicator, f.value) for f in doc.figures if f.kind == "target" and f.period_end == 2021}
    assert ("funds", 1156500.0) in got  # the 合计 group's amount is the allocation
    assert {v for i, v in got if i == "other:funds_line_item"} == {22500.0, 882000.0, 252000.0}  # its parts
    assert {3.0, 42.0, 12.0, 57.0} <= {v for _, v in got}
    assert 49500.0 not in {v for _, v in got}  # a town's row: no region code, no figure
    assert all(f.quote == "合  计 3 2.25 42 88.2 12 25.2 57 115.65" for f in doc.figures if f.value == 57.0)


def test_rows_are_not_joined_as_hard_wrapped_lines():
    norm = normalize_text(DIANJIANG)
    assert "4.95\n5 曹回镇" in norm.text  # not "4.955 曹回镇"
    assert "补助资金(万元)\n1 桂阳街道" in norm.text


def test_equal_upper_and_lower_rows_are_left_to_the_aligned_reader():
    # synthetic: one header row only, read by tables.py
    assert two_level_tables("县区 脱贫人口 贫困村\n甲县 10 2\n乙县 20 3\n") == []


def test_groups_that_do_not_share_the_columns_evenly_are_no_table():
    # synthetic: two groups over three columns
    text = "县区 脱贫人口 贫困村\n计划 力争 计划\n甲县 10 12 2\n乙县 20 22 3\n"
    assert two_level_tables(text) == []


# synthetic (no dev text has it): years over tiers, the 计划任务数 / 奋斗目标数 as two series of one target
TIERS = (
    "海东市2019年减贫任务分解表(单位:人)\n县区 2019年 2020年\n计划任务数 奋斗目标数 计划任务数 奋斗目标数\n"
    "乐都区 1000 1200 500 600\n平安区 800 900 300 400\n合计 1800 2100 800 1000\n"
)


def test_years_over_tiers_give_each_figure_its_year_and_tier(g):
    doc = extract_document(TIERS, g, region_code="630200", as_of="2019-03-01")
    got = {(f.region_code, f.period_end, f.tier, f.value) for f in doc.figures if f.kind == "target"}
    assert {("630202", 2019, "committed", 1000.0), ("630202", 2019, "stretch", 1200.0)} <= got
    assert {("630202", 2020, "committed", 500.0), ("630202", 2020, "stretch", 600.0)} <= got
    assert ("630200", 2020, "stretch", 1000.0) in got  # 合计: the city's own
    assert {f.indicator for f in doc.figures} == {"poor_population_reduced"}  # the title says what is counted


def test_two_years_a_space_apart_stay_two_header_cells():
    assert "县区 2019年 2020年\n" in normalize_text(TIERS).text
    assert normalize_text("2018 年 1月 25 日").text == "2018年1月25日"  # a date written apart still closes up
