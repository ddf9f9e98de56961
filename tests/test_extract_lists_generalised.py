"""List and table layouts of the v2 held-out texts (now in data/corpus/dev, cited by slug) that the readers tuned
on earlier texts did not recognise: each rule has the real snippet run through the whole extractor, and where it
is read more widely than the snippet, a SYNTHETIC variant (labelled as such; invented places and numbers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.periods import plan_years
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def exits(doc) -> list[tuple]:
    return sorted(
        (f.region_code, f.period_start, f.period_end)
        for f in doc.figures
        if f.kind == "target" and f.indicator == "counties_exited" and f.value == 1
    )


# ---- counties named in prose about exits -----------------------------------------------------------------

HUNAN = (  # hunan-2018-county-exits-plan-news
    "据新湖南消息 8月6日,湖南省人民政府门户网站发布《湖南省人民政府关于同意茶陵县等 5 县脱贫摘帽的批复》文件"
    "(湘政函[2018]76 号)。\n"
    "资料显示,湖南“十三五”期间 51个贫困市县要脱贫摘帽,除去 2016 年、2017年已经脱贫摘帽的,以及今年计划脱贫摘帽的"
    "绥宁县、武冈市、平江县这3个县市区,也就意味着今后湖南还有7个县市要脱贫摘帽。\n"
    "据悉,剩下的 7 个县市分别为:张家界(1县):桑植县;娄底(1县1市):涟源市、新化县;"
    "湘西自治州(4县):泸溪县、凤凰县、保靖县、古丈县。\n"
)


def test_counties_named_after_the_exit_words_and_closed_by_their_count(g):
    doc = extract_document(HUNAN, g)
    this_year = [c for c, a, b in exits(doc) if (a, b) == (2018, 2018)]
    assert this_year == sorted(["430527", "430581", "430626"])  # 绥宁县, 武冈市, 平江县


def test_counties_grouped_by_prefecture_after_fenbiewei_take_the_rest_of_the_plan(g):
    doc = extract_document(HUNAN, g)
    later = sorted(c for c, a, b in exits(doc) if (a, b) == (2019, 2020))
    assert later == sorted(["430822", "431382", "431322", "433122", "433123", "433125", "433126"])


def test_a_document_number_dates_the_text(g):
    # hunan-2018: 2016 and 2017 are reported as done; 湘政函[2018]76号 says the text is of 2018 at least
    assert plan_years(HUNAN, None, "").doc_year == 2018


def test_synthetic_exit_list_with_other_separators_and_count_words(g):
    # SYNTHETIC: invented sentence; real Henan counties; 等N个县 closes the list, 和 joins the last two
    text = "2019年河南省人民政府工作报告。\n2019年计划退出的兰考县、滑县和新蔡县等3个贫困县,要确保高质量退出。"
    doc = extract_document(text, g)
    assert [c for c, a, b in exits(doc)] == sorted(["410225", "410526", "411729"])
