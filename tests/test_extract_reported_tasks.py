"""Results told as tasks done, and a stock named inside a plan's sentence, from two real texts a planner brought in
(session 29, found with the search tool's pages corpus):

* 凉山州「领导谈民生」(traditional characters), http://www.cnread.news/amp/article/1121493.html:
  「回顧2016年,…順利完成省核定的454個貧困村退出、11.35萬貧困人口脫貧年度任務」 is 2016's result, told after it;
* 人民日报海外版 2016-08-23 on 昭通, http://paper.people.com.cn/rmrbhwb/html/2016-08/23/content_1706394.htm:
  「“十三五”期间,昭通全市将力争每年减贫28万人以上,顺利实现现有111.95万人建档立卡贫困人口如期脱贫」: 111.95万 is
  the stock now (现有), not a figure of 2020.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent

LIANGSHAN = (
    "領導談民生丨涼山州“四治並舉”抓脫貧攻堅\n"
    "涼山州位於四川省西南部,是全國最大的彝族聚居區。\n"
    "回顧2016年,在黨中央國務院、四川省委省政府的堅強領導下,我們緊緊圍繞“四個全面”戰略佈局,把脫貧攻堅作為最大的政治,"
    "深入推進精准扶貧精准脫貧取得良好成效。通過州、縣、鄉、村各級各部門和廣大貧困群眾的共同努力、奮力攻堅,"
    "順利完成省核定的454個貧困村退出、11.35萬貧困人口脫貧年度任務,打贏脫貧攻堅“第一仗”。\n"
)

ZHAOTONG = (
    "2016年08月23日 人民日报海外版\n"
    "2015年,昭通全市有133.67万建档立卡的贫困人口。2016年,昭通全市将实现21个贫困乡镇、260个贫困村“摘帽”,"
    "确保28万贫困人口顺利脱贫。“十三五”期间,昭通全市将力争每年减贫28万人以上,"
    "顺利实现现有111.95万人建档立卡贫困人口如期脱贫。\n"
)


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def test_a_years_annual_task_reported_done_is_that_years_result(g):
    got = {(f.kind, f.period_start, f.period_end, f.value) for f in extract_document(LIANGSHAN, g).figures}
    assert ("actual", 2016, 2016, 454.0) in got
    assert ("actual", 2016, 2016, 113500.0) in got
    assert not any(kind == "target" for kind, *_ in got)


def test_a_task_still_to_finish_stays_a_target(g):
    text = "2017年3月1日\n今年,全州要顺利完成省下达的300个贫困村退出年度任务。"
    got = {(f.kind, f.period_end, f.value) for f in extract_document(text, g).figures}
    assert ("target", 2017, 300.0) in got


def test_a_stock_named_now_in_a_plans_sentence_is_a_baseline_of_the_documents_year(g):
    figures = extract_document(ZHAOTONG, g).figures
    stock = [f for f in figures if f.value == 1119500.0]
    assert [(f.kind, f.period_start, f.period_end) for f in stock] == [("baseline", 2016, 2016)]
    yearly = {(f.kind, f.period_end, f.comparator) for f in figures if f.value == 280000.0}
    assert ("target", 2020, ">=") in yearly
