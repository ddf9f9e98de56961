"""Income growth of every rural or urban resident is not the poor's: 「农村居民人均可支配收入增长10%」 is the
catalogue's 居民收入增长率 (other:income_growth), while the poor's or the lifted-out people's own income growth keeps
its code. The second rate of a pair (「分别增长7%左右和8%左右」) is a growth rate as the first is. Sentences from dev
texts (贵州 2018 夏秋攻势, 甘肃 2019 work report)."""

from __future__ import annotations

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

GUIZHOU = (
    "根据部署,“夏秋攻势”行动从2018年7月至12月,共6个月,提出将实现全省农村居民人均可支配收入增长10%左右,"
    "全年减少贫困人口120万人。"
)
GANSU = "2019年主要预期目标是:城乡居民人均可支配收入分别增长7%左右和8%左右。"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.from_csv()


def codes(text: str, gazetteer) -> list[tuple[float, str]]:
    return [(f.value, f.indicator) for f in extract_document(text, gazetteer).figures if f.unit == "%"]


def test_rural_residents_income_growth_is_residents_not_the_poor_s(gazetteer):
    assert codes(GUIZHOU, gazetteer) == [(10.0, "other:income_growth")]


def test_both_rates_of_a_pair_are_residents_income_growth(gazetteer):
    assert codes(GANSU, gazetteer) == [(7.0, "other:income_growth"), (8.0, "other:income_growth")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2017年,贫困地区农民人均纯收入增长12%以上。", "other:poor_income_growth"),
        ("2023年,脱贫人口人均纯收入增长10%以上。", "other:lifted_income_growth"),
    ],
)
def test_the_poor_s_own_income_growth_keeps_its_code(gazetteer, text, code):
    assert codes(text, gazetteer)[0][1] == code
