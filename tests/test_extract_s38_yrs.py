"""Years of extracted targets, and one number given to several listed items, read from the dev corpus (session 38, yrs).

Sentences marked "dev" are from dev-corpus texts (data/corpus/dev: guangxi-2012-social-poverty-aid-news-trad,
guizhou-2017-ethnic-villages-plan-news, fujian-2018-thousand-firms-villages-plan-news,
xinjiang-2016-rural-roads-targets-news-trad, yunnan-2022-rural-revitalization-key-work-implementation-opinion), in
simplified characters; the others are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def _figures(text: str, g: Gazetteer, **kw) -> list[tuple[str, int, int, float, str]]:
    return [
        (f.kind, f.period_start, f.period_end, f.value, f.indicator) for f in extract_document(text, g, **kw).figures
    ]


def test_a_raised_yearly_amount_of_a_five_year_plan_is_a_target_in_every_year(g):  # dev
    text = (
        "两省区政府于2011年11月底签订《“十二五”时期广东广西扶贫协作计划纲要》,进一步深化了两省区扶贫协作领域,"
        "其中广东财政帮扶广西资金从“十一五”时期每年2000万元增加到3500万元。"
    )
    found = _figures(text, g, region_code="450000", as_of="2012-02-07")
    targets = sorted((s, e) for k, s, e, v, code in found if k == "target" and v == 35000000 and code == "funds")
    assert targets == [(y, y) for y in range(2011, 2016)]
    assert not any(k == "target" and v == 20000000 for k, _, _, v, _ in found)  # the old level


def test_the_first_year_of_a_plan_schedule_told_after_it_began_is_a_target(g):  # dev
    text = (
        "12月14日,全省少数民族特色村镇保护与发展工作现场会在贵定县召开。\n"
        "我省共有514个省级少数民族特色村寨,计划“十三五”期间共命名1000个省级少数民族特色村寨。\n"
        "“十三五”以来,以2016年确定的10个示范廊带建设为引领,抓好规划实施;"
        "以每年100个少数民族特色村寨作为重点培育扶持对象,让特色村寨发挥示范作用。"
    )
    found = _figures(text, g, region_code="520000")
    yearly = sorted((s, e, k) for k, s, e, v, _ in found if v == 100)
    assert yearly == [(y, y, "target") for y in range(2016, 2021)]
    assert ("target", 2016, 2020, 1000.0, "other:ethnic_villages") in found
    assert not any(k == "target" and v == 514 for k, _, _, v, _ in found)  # the stock now


def test_a_yearly_pace_all_in_the_past_stays_a_result(g):
    found = _figures("“十二五”期间,全省每年减少贫困人口50万人。", g, region_code="520000", as_of="2016-03-01")
    assert found and all(k == "actual" for k, *_ in found)
    found = _figures("2014年以来,全省每年投入扶贫资金1500万元。", g, region_code="520000", as_of="2017-12-14")
    assert not any(k == "target" for k, *_ in found)


def test_two_counts_given_one_floor_at_once_are_two_targets(g):  # dev
    text = (
        "今年,福建省将新增500家以上企业(商会)帮扶省内500个以上建档立卡贫困村或有贫困人口的村,"
        "使参与扶贫企业(商会)、帮扶村数量分别达到1000家以上。"
    )
    found = [f for f in _figures(text, g, region_code="350000", as_of="2018-04-29") if f[0] == "target"]
    thousand = [f for f in found if f[3] == 1000]
    assert len(thousand) == 2 and len({f[4] for f in thousand}) == 2
    assert all(f[2] == 2018 for f in thousand)


def test_two_rates_to_reach_the_same_level_are_two_targets(g):  # dev
    text = "到2020年,具备条件的乡镇客运班车通车率、建制村客运班车通达率都达到100%。"
    found = [f for f in _figures(text, g, region_code="650000", as_of="2016-04-11") if f[0] == "target"]
    assert len(found) == 2 and all(f[2:4] == (2020, 100.0) for f in found)
    assert len({f[4] for f in found}) == 2


def test_each_listed_item_gets_the_area_given_to_each(g):  # dev
    text = "实施粮食单产提升行动,建设稻谷、玉米、马铃薯示范基地各10万亩。"
    found = [f for f in _figures(text, g, region_code="530000", as_of="2022-04-11") if f[0] == "target"]
    assert [(f[2], f[3]) for f in found] == [(2022, 100000.0)] * 3


def test_figures_given_one_each_are_not_copied_to_every_item(g):
    text = "到2020年,具备条件的乡镇、建制村通客车率分别达到70%和47%。"
    found = [f for f in _figures(text, g, region_code="540000", as_of="2020-03-01") if f[0] == "target"]
    assert sorted(f[3] for f in found) == [47.0, 70.0]
    text = "另安排平安区、循化县各100万元,用于巩固提升项目。"  # places, not indicators
    found = extract_document(text, g, region_code="630200", as_of="2018-10-01").figures
    assert found and all(f.indicator == "other:funds_line_item" for f in found)  # no indicator made of place names
