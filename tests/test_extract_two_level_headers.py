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
    assert list(rows) == ["沙坪镇", "合计"]  # rows with dropped cells cannot be placed: passed over
    assert rows["合计"] == [3.0, 22500.0, 42.0, 882000.0, 12.0, 252000.0, 57.0, 1156500.0]  # 万元 scaled


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
