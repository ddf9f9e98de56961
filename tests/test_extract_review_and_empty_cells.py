"""Two readings from corpus batch v13 (data/corpus/dev, session 32), texts verbatim in part:
- daye-2023-work-report-rural-section-news-trad: a work report's look back ("在过去的一年中,…") reports results in
  the paragraphs after it, though its lead announced a plan, until a goal is stated again;
- daye-2024-provincial-linkage-funds-county-industry-project-plan-table: a 0 in a table's total row is an empty
  source of funds, not a target of nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


REPORT = (
    "荆楚网(湖北日报网)讯 1月3日,在大冶市第七届人民代表大会第三次会议上,大冶市长孙辄作政府工作报告(下称《报告》),"
    "将重点打造15个美丽乡村示范村。\n"
    "在过去的一年中,大冶坚持在发展中保障和改善民生,让发展更有温度、民生更有质感,脱贫攻坚成果持续巩固。\n"
    "大冶在落实教育、医疗、住房保障和安全饮水等帮扶政策上,全市8020户17131名脱贫人口及监测对象帮扶政策“应享尽享”,"
    "消除返贫致贫风险33户100人。\n"
    "孙辄说,2023年,大冶将大力实施“强县工程”,新建帮扶车间12个。\n"
)


def test_the_paragraphs_after_a_look_back_report_results(g):
    got = {f.value: f.kind for f in extract_document(REPORT, g, as_of="2023-01-03", region_code="420281").figures}
    assert got[15.0] == "target"
    for done in (8020.0, 17131.0, 33.0, 100.0):
        assert got.get(done, "none") != "target", done
    assert got[12.0] == "target"  # a goal stated again ends the look back


TABLE = (
    "大冶市2024年度省级财政衔接推进乡村振兴补助资金项目计划安排表\n"
    "单位:万元 | |||\n"
    "序号 | 项目名称 | 计划投入资金 | 中央衔接资金 | 省级衔接资金 | 其他 资金 |\n"
    "合 计 | | 3069.7 | 0 | 1000 | 2069.7 |\n"
    "1 | 大冶市果蔬特色产业强链重点工程示范项目 | 3069.7 | 0 | 1000 | 2069.7 |\n"
)


def test_a_zero_in_a_table_is_no_target(g):
    figures = extract_document(TABLE, g, as_of="2024-08-09", region_code="420281").figures
    assert figures, "the table's amounts are read"
    assert all(f.value != 0 for f in figures)
