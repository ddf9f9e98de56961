"""Numbers that are no targets, read from the dev corpus (session 38, precision).

Sentences marked "dev" are shortened from dev-corpus texts (data/corpus/dev), in simplified characters; the
others are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def _figures(text: str, g: Gazetteer, **kw):
    return extract_document(text, g, **kw).figures


def _targets(text: str, g: Gazetteer, **kw) -> list[tuple[str | None, float]]:
    return [(f.indicator, f.value) for f in _figures(text, g, **kw) if f.kind == "target"]


def test_a_headline_the_body_tells_as_a_result_is_no_target(g):  # dev (qujing-2015, gansu-2015)
    text = (
        "曲靖9年扶持85万人脱贫\n\n"
        "近年来,曲靖市坚持开发式扶贫方针,2006年以来累计扶持85万人脱贫,贫困人口大幅减少。\n"
        "到2020年,全市要基本解决95.41万贫困人口的脱贫问题。\n"
    )
    found = _targets(text, g, region_code="530300", as_of="2015-08-05")
    assert not any(v == 850000 for _, v in found)
    assert any(v == 954100 for _, v in found)


def test_a_headline_printed_twice_is_still_the_headline(g):  # dev (gansu-2017-rural-tourism)
    text = (
        "“十三五”甘肃旅游将带动四十六万人口脱贫\n\n2017-02-20 08:23 来源: 甘肃日报\n\n"
        "“十三五”甘肃旅游将带动四十六万人口脱贫\n\n"
        "“十三五”期间,我省每年集中扶持100个旅游扶贫试点村,力争通过发展乡村旅游带动全省1196个建档立卡贫困村、"
        "11.45万户贫困户、46.4万贫困人口实现脱贫。\n"
    )
    found = _targets(text, g, region_code="620000", as_of="2017-02-20")
    assert ("poor_population_reduced", 464000.0) in found
    assert not any(v == 460000 for _, v in found)


def test_a_headline_named_well_stays_beside_a_body_figure_named_otherwise(g):  # dev (qinglong-2010)
    text = (
        "晴隆全年净减少农村贫困人口6000人\n"
        "亮点黔西南讯 笔者日前从晴隆县扶贫开发局获悉,经过全县上下共同努力,今年,晴隆净减少农村贫困人口6000人。\n"
        "根据年初州办下达晴隆县减少1196元以下贫困人口6000人的指标任务,该县迅速分解指标。\n"
    )
    found = _targets(text, g, as_of="2010-12-20")
    assert ("poor_population_reduced", 6000.0) in found


def test_a_heavy_task_describes_places_it_states_no_intent(g):  # dev (henan-2018, sichuan-2019)
    text = (
        "记者从河南省扶贫办获悉,2017年全省脱贫人口112.8万人。通过加强驻村工作管理,切实提高了驻村帮扶工作的实效。"
        "通过对全省贫困村和扶贫任务较重的非贫困村建立3.89万个村级脱贫责任组,有效强化了村级组织保障。"
    )
    assert not any(v == 38900 for _, v in _targets(text, g, region_code="410000", as_of="2018-01-20"))
    text = "四川省是全国脱贫攻坚任务最重的省份之一,全省45个深度贫困县还有935个深度贫困村、36.4万名贫困人口。"
    assert not any(v == 45 for _, v in _targets(text, g, region_code="510000", as_of="2019-03-01"))


def test_a_task_still_states_intent(g):
    text = "今年全省的任务是减少农村贫困人口50万人,全省脱贫攻坚任务繁重。"
    assert ("poor_population_reduced", 500000.0) in _targets(text, g, region_code="410000", as_of="2018-01-20")


def test_a_task_still_hard_is_no_intent(g):  # dev (yibin-2015)
    text = (
        "当前,全市扶贫开发任务仍然十分艰巨,有5个乌蒙山连片特困地区县、471个贫困村、37.33万农村贫困人口,"
        "贫困问题仍然规模大、标准低、不稳定、差距大。"
    )
    assert not any(v == 373300 for _, v in _targets(text, g, region_code="511500", as_of="2015-06-01"))


def test_the_count_of_villages_just_named_is_no_target(g):  # dev (zhenan-2019, xiuwu-2021)
    text = (
        "现将项目计划下达如下:\n1.安排1110万元用于米粮镇八一村、青铜关镇乡中村、高峰镇两河村(含定点帮扶资金100万)、"
        "柴坪镇桃园村(定点帮扶资金200万)4个村的通组路建设项目。\n"
    )
    found = _targets(text, g, region_code="611025", as_of="2019-05-10")
    assert any(v == 11100000 for _, v in found)
    assert not any(v == 4 for _, v in found)
    text = "预计年收益的50%用于孟村、东下庄村、白庄村、沿山村、韩庄、赤庄、铁匠庄和沙墙村8个村增加集体经济收入。"
    assert not any(v == 8 for _, v in _targets(text, g, region_code="410821", as_of="2021-03-01"))


def test_villages_named_and_counted_as_leaving_poverty_stay_a_target(g):
    text = "今年计划实现东村、西村、南村3个贫困村出列。"
    assert ("villages_exited", 3.0) in _targets(text, g, region_code="611025", as_of="2019-05-10")
