"""Tables a web page flattened one cell per line, rows keyed by region, empty cells dropped, the header written
several times side by side (etl/extract/cell_lines.py). Snippets are real, cut from the dev corpus
(data/corpus/dev, slug cited at each); synthetic ones say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.cell_lines import _by_indicator, cell_line_tables, label_of
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv()


HEADER = "县市区\n\n村级电站建设数(个)\n\n省直驻村工作队数\n\n(个)\n\n"
# hunan-2017-pv-poverty-projects-plan-table: the attachment's header four times over, then place, figures, place …
HUNAN = (
    "2月9日,湖南省扶贫办和省发改委(省能源局)联合向各市(州)扶贫办、发改委(能源局)发文,湖南省今年在2016年试点的"
    "基础上继续实施光伏扶贫工程,上报时间截至2月20日。\n\n\n 附件:2017年湖南省光伏扶贫项目计划一览表\n\n"
    + (HEADER * 3)
    + "县市区\n\n村级电站建设数\n\n(个)\n\n省直驻村工作队数\n\n(个)\n\n \n\n \n\n \n\n"
    "1.长沙市\n\n16\n\n长沙县\n\n1\n\n宁乡县\n\n7\n\n望城县\n\n1\n\n浏阳市\n\n7\n\n2.株洲市\n\n88\n\n2\n\n"
    "▲茶陵县\n\n36\n\n1\n\n▲炎陵县\n\n31\n\n1\n\n攸县\n\n7\n\n醴陵市\n\n7\n\n株洲县\n\n7\n\n"
    "4.衡阳市\n\n78\n\n2\n\n蒸湘区\n\n衡东县\n\n5\n"
)


def test_label_without_its_number_or_mark():
    assert [label_of(w) for w in ("1.长沙市", "▲茶陵县", "(3)攸县", "二、株洲市", "合  计")] == [
        "长沙市",
        "茶陵县",
        "攸县",
        "株洲市",
        "合计",
    ]


def test_header_written_four_times_is_read_once():
    table = cell_line_tables(HUNAN, lambda w: w[-1] in "市县区")[0]
    assert table.header == ["县市区", "村级电站建设数(个)", "省直驻村工作队数(个)"]
    assert table.heading == "附件:2017年湖南省光伏扶贫项目计划一览表"
    rows = {r.label: [(c.value, c.column) for c in r.cells] for r in table.rows}
    assert rows["株洲市"] == [(88.0, "村级电站建设数(个)"), (2.0, "省直驻村工作队数(个)")]
    assert rows["长沙县"] == [(1.0, "村级电站建设数(个)")]  # dropped empty cells: figures fill from the left
    assert "蒸湘区" not in rows and rows["衡东县"] == [(5.0, "村级电站建设数(个)")]  # a place with no figure


def test_each_place_gets_its_station_count_and_no_team_count(g):
    doc = extract_document(HUNAN, g, source_url="http://solarpwr.cn/m.php?fid=58&id=29107")
    got = {(f.region_code, f.value) for f in doc.figures if f.kind == "target" and f.period_end == 2017}
    assert {("430100", 16.0), ("430121", 1.0), ("430200", 88.0), ("430224", 36.0), ("430400", 78.0)} <= got
    assert ("430424", 5.0) in got  # 衡东县, after 蒸湘区 that has none
    quotes = {f.quote for f in doc.figures if f.kind == "target"}
    assert "1.长沙市\n\n16" in quotes and "▲茶陵县\n\n36\n\n1" in quotes  # the row as written, mark included
    for f in doc.figures:
        assert HUNAN[f.start : f.end] == f.quote
    teams = [f for f in doc.figures if f.region_code == "430200" and f.value == 2.0]
    assert teams == []  # 省直驻村工作队数: who is sent to help, not a target


def test_row_with_more_figures_than_columns_is_not_this_layout():
    # synthetic: two columns of figures under a one-column header
    text = "标题:某表\n县区\n人数\n甲县\n1\n2\n乙县\n3\n4\n丙县\n5\n6\n"
    assert cell_line_tables(text, lambda w: w.endswith("县")) == []


def test_short_lines_without_a_header_are_no_table():
    # synthetic: a list of places with counts but no header cells above them
    text = "贫困县名单如下。\n甲县\n1\n乙县\n2\n丙县\n3\n"
    assert cell_line_tables(text, lambda w: w.endswith("县")) == []


def test_indicator_rows_under_year_columns_one_cell_a_line(g):
    # synthetic (no dev text has it): a per-year schedule flattened one cell per line
    text = "海东市脱贫攻坚年度计划表\n指标\n2019年\n2020年\n减少贫困人口(人)\n1800\n800\n贫困村退出(个)\n20\n10\n"
    doc = extract_document(text, g, region_code="630200", as_of="2019-03-01")
    got = {(f.indicator, f.period_end, f.value) for f in doc.figures if f.kind == "target"}
    assert got == {
        ("poor_population_reduced", 2019, 1800.0),
        ("poor_population_reduced", 2020, 800.0),
        ("villages_exited", 2019, 20.0),
        ("villages_exited", 2020, 10.0),
    }


def test_indicator_rows_need_every_cell():
    # synthetic: a row short of a figure is not this layout
    run = [(i, i + 1, w) for i, w in enumerate("指标 2019年 2020年 减贫人数 1800 出列村 20 10".split())]
    assert _by_indicator(run, "") == []


def test_header_without_a_name_over_the_labels():
    # synthetic: the header names only the columns of figures
    text = "附件:计划表\n电站数(个)\n工作队(个)\n1.甲县\n3\n1\n乙县\n2\n丙县\n4\n"
    table = cell_line_tables(text, lambda w: w.endswith("县"))[0]
    assert [(r.label, [(c.value, c.column) for c in r.cells]) for r in table.rows] == [
        ("甲县", [(3.0, "电站数(个)"), (1.0, "工作队(个)")]),
        ("乙县", [(2.0, "电站数(个)")]),
        ("丙县", [(4.0, "电站数(个)")]),
    ]
