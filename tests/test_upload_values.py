"""Values as planners type them, parsed to base units with their comparator."""

from __future__ import annotations

import pytest

from etl.columns import header_field, kind_of
from etl.values import Parsed, ValueProblem, parse_cell, parse_comparator, parse_year


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (125000, Parsed(125000.0)),
        (7.54, Parsed(7.54)),
        ("12.5万", Parsed(125000.0)),
        ("28.52万人", Parsed(285200.0, "=", "人")),
        ("1,756", Parsed(1756.0)),
        ("1，756", Parsed(1756.0)),
        ("１２５０００", Parsed(125000.0)),
        ("１２.５万", Parsed(125000.0)),
        ("8%", Parsed(8.0, "=", "%")),
        ("８％", Parsed(8.0, "=", "%")),
        ("≥95%", Parsed(95.0, ">=", "%")),
        (">=95", Parsed(95.0, ">=")),
        ("95%以上", Parsed(95.0, ">=", "%")),
        ("3万人以上", Parsed(30000.0, ">=", "人")),
        ("约3万", Parsed(30000.0, "~")),
        ("<3%", Parsed(3.0, "<", "%")),
        ("1.2亿元", Parsed(120000000.0, "=", "元")),
        (" 3000 ", Parsed(3000.0)),
        ("-5", Parsed(-5.0)),
    ],
)
def test_planner_values_parse_to_base_units(raw, expected):
    assert parse_cell(raw) == expected


@pytest.mark.parametrize("raw", ["", "以上", "十二万", "12..5", "12.5万万", "abc", "≥95%以下", True, float("nan")])
def test_non_numbers_are_refused_with_a_hint(raw):
    with pytest.raises(ValueProblem) as info:
        parse_cell(raw)
    assert info.value.hint


def test_comparators_and_years():
    assert [parse_comparator(c) for c in ("", "≥", ">=", "以上", "约", "<")] == ["=", ">=", ">=", ">=", "~", "<"]
    assert [parse_year(y) for y in (2019, 2019.0, "2019", "2019年", "２０１９")] == [2019] * 5
    with pytest.raises(ValueProblem):
        parse_year("19")


def test_headers_in_chinese_english_or_both():
    assert [
        header_field(h) for h in ("地区代码 region_code", "数值", "VALUE", "年份", "截止年 period_end *", "xyz")
    ] == ["region_code", "value", "value", "year", "period_end", None]
    assert [kind_of(s) for s in ("目标 Targets", "实际 Actuals", "published-actuals.csv", "说明")] == [
        "target",
        "actual",
        "actual",
        None,
    ]
