"""Tables and lists as web pages hand them over: one cell per line, a whole table on one line, one line per
county. Snippets are real, cut from the dev corpus (data/corpus/dev, slug cited at each); synthetic ones say so."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def targets(doc, **where):
    return [f for f in doc.figures if f.kind == "target" and all(getattr(f, k) == v for k, v in where.items())]


# beita-2020-funds-allocation-table: one cell per line, blank lines between, merged cells, 小计 rows
BEITA = (
    "为更好的发挥财政专项扶贫资金效益,现将2020年度第一批中央财政专项扶贫资金408万元下达给你们。\n\n"
    "邵阳市北塔区财政局         邵阳市北塔区农业农村水利局\n\n20191227   \n\n  \n\n\n附件\n\n"
    "北塔区2020年第一批中央财政扶贫专项资金\n\n安排表\n\n单位:万元\n\n序号\n\n村名\n\n项目名称\n\n建设内容\n\n"
    "资金金额\n\n1\n\n苗儿村\n\n水果基地\n\n续建\n\n20\n\n2\n\n苗儿村\n\n蔬菜基地\n\n续建\n\n30\n\n小计\n\n50\n\n"
    "3\n\n兴旺村\n\n葡萄基地\n\n续建\n\n10(其中,灾情因素6万元)\n\n4\n\n望城坡村\n\n灌溉设施\n\n维修\n\n16\n\n"
    "小计\n\n26\n\n5\n\n小额信贷贴息\n\n12\n\n合计\n\n408\n"
)


def test_one_cell_per_line_table_gives_each_project_row(g):
    doc = extract_document(BEITA, g, region_code="430511")
    items = sorted((f.value, f.quote) for f in targets(doc, indicator="other:funds_line_item"))
    assert [v for v, _ in items] == [100000.0, 120000.0, 160000.0, 200000.0, 300000.0]  # 单位:万元 scales
    assert ("1\n\n苗儿村\n\n水果基地\n\n续建\n\n20") in [q for _, q in items]  # the row, serial to amount
    assert "5\n\n小额信贷贴息\n\n12" in [q for _, q in items]  # merged cells: the amount is the last cell
    assert {f.period_end for f in targets(doc)} == {2020}  # the table's title dates it, not the 2019 signature
    assert all(f.region_code == "430511" for f in targets(doc))  # villages are not regions: the district's plan
    values = [f.value for f in targets(doc)]
    assert 500000.0 not in values and 260000.0 not in values  # 小计 rows are no figures
    assert 60000.0 not in values  # "(其中,灾情因素6万元)" is part of its row's amount
    assert values.count(4080000.0) == 1  # 合计 restates the notice's 408万元: once, quoting what it is for
    assert "下达给你们" in next(f.quote for f in targets(doc) if f.value == 4080000.0)


# beiguan-2018-funds-projects-table: one cell per line with trailing "|", amounts with their unit
BEIGUAN = (
    "北关区2018年专项扶贫资金分配表 |\n|||||\n序号 |\n项目名称 |\n建设地点 |\n建设内容 |\n投资 规模 |\n责任 单位 |\n"
    "1 |\n彰北办事处周家营村2018年度财政扶贫建设人行道地面硬化项目 |\n彰北办事处周家营村 |\n"
    "拆除地面596平方米,铺设道板砖1136.7平方米。 |\n20万元 |\n彰北办事处 |\n"
    "2 |\n北关区彰北办事处屈王度村2018年度财政扶贫建设饮水工程项目 |\n彰北办事处屈王度村 |\n"
    "新建DN100主管道2300米,新建DN25支管道3000米,闸阀8个。 |\n20万元 |\n彰北办事处 |\n"
    "3 |\n柏庄镇后林都道路建设项目 |\n柏庄镇后林都村 |\n270米×4米×0.2米, 1216米×5米×0.2米,标号C25。 |\n"
    "73.5万元 |\n柏庄镇 |\n|\n|\n备注:每个具体项目建设情况由责任单位另行公告公示。\n"
)


def test_equal_amounts_of_two_projects_are_two_figures_and_works_are_none(g):
    doc = extract_document(BEIGUAN, g, region_code="410503", as_of="2018-06-01")
    got = sorted(f.value for f in targets(doc))
    assert got == [200000.0, 200000.0, 735000.0]  # the works' 596平方米, 2300米, 闸阀8个 are not targets
    assert all(f.indicator == "other:funds_line_item" for f in targets(doc))


# haidong-2018-cooperation-funds-table: the table flattened into one space-separated line
HAIDONG = (
    "江苏省追加2018年东西部扶贫协作专项资金4000万元。\n"
    "其中:乐都区819万元,民和县1226万元,互助县600万元,化隆县1155万元;另安排平安区、循化县各100万元。\n"
    "三、资金分配情况表\n海东市市级财政扶贫专项资金分配表 县区名称 资金分配额(万元) 备注 合计 4000 乐都区 819 "
    "平安区 100 民和县 1226 互助县 600 化隆县 1155 循化县 100\n海东市扶贫开发局\n2018年11月1日\n"
)


def test_one_line_table_gives_each_county_its_allocation(g):
    doc = extract_document(HAIDONG, g, region_code="630200")
    got = {(f.region_code, f.value) for f in targets(doc, indicator="funds")}
    assert got == {
        ("630200", 40000000.0),
        ("630202", 8190000.0),
        ("630203", 1000000.0),
        ("630222", 12260000.0),  # 民和县 for 民和回族土族自治县
        ("630223", 6000000.0),
        ("630224", 11550000.0),
        ("630225", 1000000.0),
    }
    assert len(targets(doc)) == 7  # the prose's "乐都区819万元" … restate the table: not again
    assert next(f for f in targets(doc) if f.region_code == "630225").quote == "循化县 100"


def test_a_table_row_of_a_unit_without_a_region_code_is_left_out(g):
    # SYNTHETIC, modelled on bazhong-2019-county-funds-list: a pipe table by county with a 开发区 row
    text = (
        "巴中市2019年省级财政专项扶贫资金分配表\n县区 | 资金(万元)\n"
        "巴州区 | 2405\n恩阳区 | 1956\n巴中经济开发区 | 115\n"
    )
    doc = extract_document(text, g, region_code="511900", as_of="2019-02-18")
    assert {(f.region_code, f.value) for f in targets(doc)} == {("511902", 24050000.0), ("511903", 19560000.0)}


# bazhong-2019-county-funds-list: one line per county, the county before a colon
BAZHONG = (
    "现将省财政厅、省扶贫开发局下达我市2019年省级财政专项扶贫资金26428万元,予以公告。\n"
    "巴州区:省级财政专项扶贫资金2405万元;\n恩阳区:省级财政专项扶贫资金1956万元;\n"
    "南江县:省级财政专项扶贫资金4150万元;\n巴中经济开发区:省级财政专项扶贫资金115万元。\n"
    "巴中市财政局 巴中市扶贫开发局\n2019年2月18日\n"
)


def test_a_list_line_of_a_unit_without_a_region_code_is_left_out(g):
    doc = extract_document(BAZHONG, g, region_code="511900")
    got = {(f.region_code, f.value) for f in targets(doc)}
    assert got == {
        ("511900", 264280000.0),
        ("511902", 24050000.0),
        ("511903", 19560000.0),
        ("511922", 41500000.0),
    }  # not 巴中经济开发区's 115万元, neither as 巴中市's


@pytest.mark.parametrize("name", ["stacked_tables", "table_figures", "lists"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(f"etl.extract.{name}"))
    assert result.failed == 0 and result.attempted > 0


# SYNTHETIC layouts a county or prefecture notice may have (no dev document has them yet)


def test_one_cell_per_line_by_county_without_serial_numbers(g):
    text = (
        "海东市2018年扶贫资金分配表\n\n县区名称\n\n资金分配额(万元)\n\n乐都区\n\n819\n\n平安区\n\n100\n\n合计\n\n919\n"
    )
    doc = extract_document(text, g, region_code="630200", as_of="2018-11-01")
    got = {(f.region_code, f.indicator, f.value) for f in targets(doc)}
    assert got == {("630202", "funds", 8190000.0), ("630203", "funds", 1000000.0), ("630200", "funds", 9190000.0)}


def test_single_space_rows_under_a_unit_line(g):
    text = "2019年各县区减贫任务分解表\n单位:人\n县区 减贫人数 备注\n乐都区 1200\n平安区 800\n民和县 2100\n"
    doc = extract_document(text, g, region_code="630200", as_of="2019-01-10")
    got = {(f.region_code, f.indicator, f.value, f.period_end) for f in targets(doc)}
    assert ("630222", "poor_population_reduced", 2100.0, 2019) in got
    assert len(got) == 3


def test_pipe_table_with_a_serial_column_and_a_unit_line_above(g):
    text = (
        "附件:2018年专项扶贫资金分配表\n单位:万元\n| 序号 | 县区 | 资金 |\n| 1 | 乐都区 | 819 |\n"
        "| 2 | 平安区 | 100 |\n| 3 | 某某产业园 | 50 |\n| | 合计 | 969 |\n"
    )
    doc = extract_document(text, g, region_code="630200", as_of="2018-03-01")
    got = {(f.region_code, f.indicator, f.value) for f in targets(doc)}
    assert ("630202", "funds", 8190000.0) in got  # the label is the second column; 单位:万元 scales
    assert ("630200", "funds", 9690000.0) in got
    assert not any(f.value in (1.0, 2.0, 3.0) for f in targets(doc))  # serial numbers are no figures
    assert not any(f.value == 500000.0 for f in targets(doc))  # a park has no region code: left out


def test_year_columns_take_the_indicator_from_the_title(g):
    text = "各县区2018-2020年减贫人数分解表\n县区 | 2018年 | 2019年 | 2020年\n乐都区 | 1200 | 900 | 300\n"
    text += "平安区 | 800 | 600 | 100\n"
    doc = extract_document(text, g, region_code="630200", as_of="2018-01-10")
    got = {(f.region_code, f.indicator, f.period_end, f.value) for f in targets(doc)}
    assert ("630202", "poor_population_reduced", 2019, 900.0) in got
    assert ("630203", "poor_population_reduced", 2020, 100.0) in got


def test_one_cell_per_line_with_tier_columns_and_several_amounts(g):
    text = (  # SYNTHETIC: a county's task table, one cell per line, 必成数 and 预备数 columns
        "2018年贫困村退出任务表\n序号\n县区\n必成数\n预备数\n1\n乐都区\n12\n3\n2\n平安区\n8\n2\n合计\n20\n5\n"
    )
    doc = extract_document(text, g, region_code="630200", as_of="2018-01-10")
    got = {(f.region_code, f.indicator, f.value, f.tier) for f in targets(doc)}
    assert ("630202", "villages_exited", 12.0, "committed") in got
    assert ("630202", "villages_exited", 3.0, "stretch") in got
    assert ("630200", "villages_exited", 20.0, "committed") in got


def test_a_project_table_keeps_the_poverty_fund_column_not_the_total_investment(g):
    text = (  # SYNTHETIC: projects with their total investment and the poverty funds allocated to them
        "2019年扶贫项目资金安排表\n单位:万元\n序号\n项目名称\n总投资\n财政扶贫资金\n带动贫困户(户)\n"
        "1\n甲村道路硬化\n120\n80\n45\n2\n乙村饮水工程\n60\n40\n30\n"
    )
    doc = extract_document(text, g, region_code="630202", as_of="2019-03-01")
    got = sorted(f.value for f in targets(doc))
    assert got == [400000.0, 800000.0]  # not 总投资, not the households each project reaches


def test_serial_rows_written_one_per_line_single_spaced(g):
    text = (  # SYNTHETIC: beita's table with each row on one line, cells single-spaced
        "北塔区2020年第一批中央财政扶贫专项资金安排表\n单位:万元\n序号 村名 项目名称 建设内容 资金金额\n"
        "1 苗儿村 水果基地 续建 20\n2 田江村 蔬菜基地 新建 30\n小计 50\n3 小额信贷贴息 12\n合计 62\n"
    )
    doc = extract_document(text, g, region_code="430511", as_of="2019-12-27")
    got = sorted((f.indicator, f.value) for f in targets(doc))
    assert got == [
        ("funds", 620000.0),
        ("other:funds_line_item", 120000.0),
        ("other:funds_line_item", 200000.0),
        ("other:funds_line_item", 300000.0),
    ]
    assert {f.period_end for f in targets(doc)} == {2020}


def test_a_total_named_for_the_county_and_a_label_with_a_remark(g):
    text = (  # SYNTHETIC: a pipe table whose total reads 全市合计 and a row label carries a remark
        "2018年扶贫资金分配表\n县区 | 资金(万元)\n乐都区(含高庙镇) | 819\n平安区 | 100\n全市合计 | 919\n"
    )
    doc = extract_document(text, g, region_code="630200", as_of="2018-03-01")
    got = {(f.region_code, f.value) for f in targets(doc)}
    assert got == {("630202", 8190000.0), ("630203", 1000000.0), ("630200", 9190000.0)}


def test_a_unit_column_scales_its_row(g):
    text = (  # SYNTHETIC: a prefecture's main indicators, one row each, the unit in its own column
        "海东市脱贫攻坚主要指标\n指标 | 单位 | 2018年 | 2019年 | 2020年\n减少贫困人口 | 万人 | 1.2 | 0.8 | 0.3\n"
        "贫困村退出 | 个 | 20 | 15 | 5\n"
    )
    doc = extract_document(text, g, region_code="630200", as_of="2018-01-05")
    got = {(f.indicator, f.period_end, f.value) for f in targets(doc)}
    assert ("poor_population_reduced", 2019, 8000.0) in got
    assert ("villages_exited", 2020, 5.0) in got
    assert len(got) == 6


def test_a_table_of_exit_years_gives_each_county_its_year(g):
    text = "海东市贫困县摘帽计划表\n县区 | 计划摘帽年度\n乐都区 | 2018\n平安区 | 2018\n民和县 | 2019\n"  # SYNTHETIC
    doc = extract_document(text, g, region_code="630200", as_of="2018-01-05")
    got = {(f.region_code, f.indicator, f.period_end, f.value) for f in targets(doc)}
    assert got == {
        ("630202", "counties_exited", 2018, 1.0),
        ("630203", "counties_exited", 2018, 1.0),
        ("630222", "counties_exited", 2019, 1.0),
    }


def test_rows_of_townships_are_left_out(g):
    text = (  # SYNTHETIC: a county's task split by township (no region codes below the county)
        "大英县2018年减贫任务分解表\n乡镇 | 减贫人数(人) | 贫困村退出(个)\n蓬莱镇 | 320 | 2\n隆盛镇 | 280 | 1\n"
        "合计 | 600 | 3\n"
    )
    doc = extract_document(text, g, region_code="510923", as_of="2018-01-05")
    got = {(f.region_code, f.indicator, f.value) for f in targets(doc)}
    assert got == {("510923", "poor_population_reduced", 600.0), ("510923", "villages_exited", 3.0)}


# hubei-2019-planned-county-exits-list names its counties one per line under their prefectures; the same list
# comes in other layouts (SYNTHETIC below, the counties of that list)
HUBEI_HEADING = "2019年计划脱贫摘帽的贫困县名单\n"


@pytest.mark.parametrize(
    "body",
    [
        "十堰市(3个):郧阳区、郧西县、竹山县\n恩施州(2个):恩施市、利川市\n",  # grouped on one line each
        "1.郧阳区\n2.郧西县\n3.竹山县\n4.恩施市\n5.利川市\n",  # numbered
        "郧阳区 郧西县 竹山县 恩施市 利川市\n",  # space-separated
        "| 市州 | 县(市、区) |\n| 十堰市 | 郧阳区、郧西县、竹山县 |\n| 恩施州 | 恩施市、利川市 |\n",  # a table
    ],
)
def test_a_named_exit_list_in_any_layout(g, body):
    doc = extract_document(HUBEI_HEADING + body, g, region_code="420000", as_of="2019-01-10")
    got = {(f.region_code, f.period_end, f.value) for f in targets(doc, indicator="counties_exited")}
    assert got == {(c, 2019, 1.0) for c in ("420304", "420322", "420323", "422801", "422802")}


def test_names_after_the_heading_colon(g):
    text = "2019年计划退出的贫困县:郧阳区 郧西县 竹山县\n"  # SYNTHETIC
    doc = extract_document(text, g, region_code="420000", as_of="2019-01-10")
    assert {f.region_code for f in targets(doc, indicator="counties_exited")} == {"420304", "420322", "420323"}


def test_a_cell_wrapped_onto_a_second_line_keeps_its_row(g):
    text = BEITA.replace("\n\n稻花鱼", "").replace("3\n\n兴旺村\n\n葡萄基地", "3\n\n兴旺村\n\n葡萄基地\n\n(二期)")
    doc = extract_document(text, g, region_code="430511")  # SYNTHETIC: beita with a wrapped project name
    items = sorted(f.value for f in targets(doc, indicator="other:funds_line_item"))
    assert items == [100000.0, 120000.0, 160000.0, 200000.0, 300000.0]


@pytest.mark.parametrize(
    "body",
    [
        "年度减贫计划\n2018年 3000人\n2019年 2000人\n2020年 1000人\n",  # single-spaced
        "年度减贫计划:\n2018年:3000人;\n2019年:2000人;\n2020年:0.1万人。\n",  # one sentence a year
        "年度\n减贫人数(人)\n2018年\n3000\n2019年\n2000\n2020年\n1000\n",  # one cell per line
    ],
)
def test_a_per_year_schedule_as_a_list(g, body):
    text = "乐都区脱贫攻坚三年行动计划\n" + body  # SYNTHETIC
    doc = extract_document(text, g, region_code="630202", as_of="2018-01-05")
    got = {(f.indicator, f.period_end, f.value) for f in targets(doc)}
    assert got == {
        ("poor_population_reduced", 2018, 3000.0),
        ("poor_population_reduced", 2019, 2000.0),
        ("poor_population_reduced", 2020, 1000.0),
    }


def test_past_years_of_a_list_are_results(g):
    text = "乐都区近年减贫情况\n2015年 3000人\n2016年 2000人\n2017年 1000人\n"  # SYNTHETIC
    doc = extract_document(text, g, region_code="630202", as_of="2018-01-05")
    assert not targets(doc)
    assert {f.period_end for f in doc.figures if f.kind == "actual"} == {2015, 2016, 2017}


def test_a_row_name_several_regions_share_is_the_one_inside_the_document_region(g):
    # SYNTHETIC: 新华区 is a district of 石家庄 and of 沧州 (both in 河北) and of 平顶山; the table is 沧州's
    text = "沧州市2018年扶贫资金分配表\n县区 | 资金(万元)\n新华区 | 120\n运河区 | 80\n合计 | 200\n"
    doc = extract_document(text, g, region_code="130900", as_of="2018-03-01")
    assert {f.region_code for f in targets(doc)} == {"130902", "130903", "130900"}


def test_a_norm_per_village_of_the_same_amount_as_a_row_stays(g):
    text = (  # SYNTHETIC: haidong's one-line table after a sentence with a per-village norm of the same amount
        "2018年,确保每个贫困村扶贫资金不低于100万元。\n海东市市级财政扶贫专项资金分配表 县区名称 资金分配额(万元) 备注 "
        "合计 200 平安区 100 循化县 100\n"
    )
    doc = extract_document(text, g, region_code="630200", as_of="2018-11-01")
    got = {(f.region_code, f.indicator, f.value) for f in targets(doc)}
    assert ("630200", "other:funds_per_poor_village", 1000000.0) in got
    assert ("630225", "funds", 1000000.0) in got


def test_an_empty_cell_of_a_tab_row_keeps_the_columns_in_place(g):
    # SYNTHETIC: a Word or web table as the document readers hand it over, one tab between cells
    text = "乐都区脱贫攻坚主要指标\n指标\t2018年\t2019年\t2020年\n减少贫困人口(人)\t\t3000\t2000\n"
    doc = extract_document(text, g, region_code="630202", as_of="2018-06-01")
    assert {(f.period_end, f.value) for f in targets(doc)} == {(2019, 3000.0), (2020, 2000.0)}


@pytest.mark.parametrize(
    "body",
    [
        "乐都区:减贫3000人;\n平安区:减贫2000人;\n民和县:减贫4000人。\n",  # the county before a colon
        "1.乐都区减贫3000人;\n2.平安区减贫2000人;\n3.民和县减贫4000人。\n",  # numbered
        "乐都区 3000人\n平安区 2000人\n民和县 4000人\n",  # bare, the sentence above names the figures
    ],
)
def test_a_by_county_list_gives_each_line_its_county(g, body):
    text = "2018年全市减贫任务9000人,分解如下:\n" + body  # SYNTHETIC, modelled on bazhong-2019-county-funds-list
    doc = extract_document(text, g, region_code="630200", as_of="2018-01-05")
    got = {(f.region_code, f.value) for f in targets(doc, indicator="poor_population_reduced", period_end=2018)}
    assert got == {("630200", 9000.0), ("630202", 3000.0), ("630203", 2000.0), ("630222", 4000.0)}


def test_shares_listed_after_其中_without_brackets_go_to_their_counties(g):
    # haidong-2018-cooperation-funds-table, the sentence of 二、资金结构 without the table after it
    text = (
        "江苏省追加2018年东西部扶贫协作专项资金4000万元。\n将本批追加的4000万资金全部分配给6县区,其中:乐都区819万元,"
        "民和县1226万元,互助县600万元,化隆县1155万元,主要用于贫困地区村级卫生室的修改(扩)建项目。\n"
    )
    doc = extract_document(text, g, region_code="630200", as_of="2018-11-01")
    got = {(f.region_code, f.value) for f in targets(doc) if f.value < 40000000}
    assert got == {("630202", 8190000.0), ("630222", 12260000.0), ("630223", 6000000.0), ("630224", 11550000.0)}


@pytest.mark.parametrize(
    "line",
    [
        "海东市2018年扶贫资金分配表 序号 县区 资金(万元) 1 乐都区 819 2 平安区 100 3 民和县 1226 合计 2145",
        "海东市2018年扶贫资金分配表 县区名称 资金分配额(万元) 备注 合计 2145 乐都区 819 新增 平安区 100 巩固提升 "
        "民和县 1226",
        "海东市2018年扶贫资金分配表 | 县区名称 | 资金分配额(万元) | 合计 | 2145 | 乐都区 | 819 | 平安区 | 100 | "
        "民和县 | 1226 |",
    ],
)
def test_a_table_on_one_line_with_serials_remarks_or_pipes(g, line):
    doc = extract_document(line + "\n", g, region_code="630200", as_of="2018-03-01")  # SYNTHETIC, after haidong
    got = {(f.region_code, f.value) for f in targets(doc)}
    assert got == {("630200", 21450000.0), ("630202", 8190000.0), ("630203", 1000000.0), ("630222", 12260000.0)}


def test_a_deadline_column_of_a_task_table_is_no_exit(g):
    # SYNTHETIC: a deadline column beside the figures
    text = "2018年减贫任务分解表\n县区 | 脱贫人数(人) | 完成时限\n乐都区 | 3000 | 2018\n平安区 | 2000 | 2018\n"
    doc = extract_document(text, g, region_code="630200", as_of="2018-01-05")
    assert {(f.region_code, f.indicator, f.value) for f in targets(doc)} == {
        ("630202", "poor_population_reduced", 3000.0),
        ("630203", "poor_population_reduced", 2000.0),
    }


def test_a_project_split_by_source_keeps_its_total(g):
    text = (  # SYNTHETIC: each project's money by source, then its total
        "2019年扶贫项目资金安排表\n单位:万元\n序号\n项目名称\n中央资金\n省级资金\n合计\n"
        "1\n甲村道路硬化\n50\n30\n80\n2\n乙村饮水工程\n25\n15\n40\n"
    )
    doc = extract_document(text, g, region_code="630202", as_of="2019-03-01")
    assert sorted(f.value for f in targets(doc)) == [400000.0, 800000.0]


def test_a_cell_or_column_comparator(g):
    text = (  # SYNTHETIC: comparators written in the cells and in a column header
        "2018年各县区脱贫攻坚主要指标\n县区 | 贫困发生率 | 农村居民人均可支配收入增长(%)以上\n"
        "乐都区 | 3%以下 | 10\n平安区 | ≤2% | 9\n"
    )
    doc = extract_document(text, g, region_code="630200", as_of="2018-01-05")
    got = {(f.region_code, f.value, f.comparator) for f in targets(doc)}
    assert ("630202", 3.0, "<=") in got and ("630203", 2.0, "<=") in got
    assert ("630202", 10.0, ">=") in got


def test_two_rows_with_the_same_exact_value_are_both_kept(g):
    # SYNTHETIC: a precise figure said again is one target in prose, but two counties may share a value in a table
    text = (
        "定西市2018年减贫任务分解表\n县区 | 减贫人数(人)\n安定区 | 3125\n通渭县 | 3125\n陇西县 | 4100\n合计 | 10350\n"
    )
    doc = extract_document(text, g, region_code="621100", as_of="2018-01-05")
    assert sorted((f.region_code, f.value) for f in targets(doc)) == [
        ("621100", 10350.0),
        ("621102", 3125.0),
        ("621121", 3125.0),
        ("621122", 4100.0),
    ]
