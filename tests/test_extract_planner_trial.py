"""Sentences of two real 2023–2024 衔接 texts a planner brought in on the Documents page (session 32's trial; none
in data/corpus), read wrongly before:
- 维西县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点,
  http://www.weixi.gov.cn/zfxxgk_weixi/zhengcewenjian/zdgkwj/qitawenjian/t_weixi_nyncj/202407/20240705_210796.html;
- 人民日报 on 云南's 2022 results and 2023 plans,
  http://paper.people.com.cn/rmrb/html/2023-02/22/nw.D110000renmrb_20230222_4-13.htm;
- 贵州's 2024 plan report as a newspaper printed it, http://szb.eyesnews.cn/pc/cont/202402/19/content_117740.html."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def read(text, g):
    return extract_document(text, g, possible=True, region_code="533423").figures


WEIXI = (
    "发布时间:2024-07-05\n二、主要目标\n"
    "围绕改善民生和促农增收两篇文章,抓牢防止返贫预警监测帮扶,坚决守住不发生规模性返贫的底线,"
    "确保兜底保障水平稳步提升,“三保障”和饮水安全保障水平稳步提升;脱贫人口人均纯收入增速高于全县农村居民人均可支配收入增速;脱贫人口和监测对象人均纯收入增长10%以上,达到19198元,"
    "消除人均纯收入1.1万元以下且有劳动能力的脱贫户和监测对象。\n"
)


def test_a_level_reached_after_its_growth_is_the_per_capita_income(g):
    income = [f for f in read(WEIXI, g) if f.value == 19198.0]
    assert [(f.kind, f.indicator, f.period_end) for f in income] == [("target", "other:lifted_per_capita_income", 2024)]


def test_the_income_growth_of_people_lifted_out_is_a_linkage_indicator(g):
    # planner trial T3: 脱贫人口…人均纯收入 was read as 2015–2020's 贫困人口 income
    (growth,) = [f for f in read(WEIXI, g) if f.value == 10.0]
    assert (growth.kind, growth.indicator) == ("target", "other:lifted_income_growth")


def test_the_line_households_are_lifted_above_is_no_figure(g):
    assert 11000.0 not in {f.value for f in read(WEIXI, g)}


def test_person_times_are_not_people(g):
    text = "发布时间:2023-02-22\n今年要培训脱贫劳动力20万人次。\n"
    (figure,) = [f for f in read(text, g) if f.value == 200000.0]
    assert figure.unit == "人次" and figure.indicator != "poor_population_reduced"
    assert figure.indicator_label == "培训脱贫劳动力"  # not 今年要…


GUIZHOU = (
    "(上接第6版)\n"
    "支持重点区域高质量发展,加快推进黔中城市群高质量发展,深入推进“强省会”行动和贵安新区高质量发展,"
    "建成贵阳轨道S1号线一期工程,贵阳贵安城区常住人口力争达到490万。\n"
    "设市城市和县城建成区基本消除生活污水直排口和收集处理设施空白区,生活污水处理率保持97%以上。\n"
    "支持遵义、毕节等地发展县域经济。\n"
)


def test_place_names_inside_other_words_are_not_regions():
    national = Gazetteer.national()
    info = extract_document(GUIZHOU, national).info
    assert info.region_code in (None, "520000")  # not 河北 (安新县 in 贵安新区) or 安徽 (和县 in 和县城)
