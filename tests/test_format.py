import pytest

from text.format import format_value, zh_number


@pytest.mark.parametrize(
    "value, unit, lang, comparator, expected",
    [
        (125000, "人", "zh", "=", "12.5万人"),
        (285200, "人", "zh", "=", "28.52万人"),
        (190421, "人", "zh", "=", "19.0421万人"),
        (6000, "人", "zh", "=", "6000人"),
        (6467000, "元", "zh", "=", "646.7万元"),
        (1.2e8, "元", "zh", "=", "1.2亿元"),
        (8, "%", "zh", "<", "<8%"),
        (10000000, "元", "zh", ">=", "≥1000万元"),
        (285200, "人", "en", "=", "285,200 people"),
        (23, "个", "en", "=", "23"),
        (7.54, "%", "en", "=", "7.54%"),
        (None, "人", "zh", "=", "无报告数据"),
        (None, "人", "en", "=", "no reported figure"),
        (125000, "万人", "zh", "=", "12.5万人"),
    ],
)
def test_format_value(value, unit, lang, comparator, expected):
    assert format_value(value, unit, lang, comparator) == expected


def test_zh_number_keeps_small_numbers_plain():
    assert zh_number(1756) == "1756"
    assert zh_number(0) == "0"


def test_comparator_table_examples_run():
    import doctest

    from text import comparators

    result = doctest.testmod(comparators)
    assert result.failed == 0 and result.attempted > 0


def test_every_comparator_reads_back_from_its_cell_and_its_display():
    from etl.values import parse_cell, parse_comparator
    from text.comparators import CELL_CHOICES, COMPARATORS, cell

    assert [cell(c.stored) for c in COMPARATORS] == list(CELL_CHOICES)
    for c in COMPARATORS:
        assert parse_comparator(cell(c.stored)) == c.stored
        assert parse_comparator(c.zh) == c.stored
        assert parse_cell(format_value(12, "人", "zh", c.stored)).comparator == c.stored


@pytest.mark.parametrize("unit", ["人", "万人", "元", "万元", "%", "个", "户", ""])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_value_format_is_format_value_with_unit_and_language_fixed(unit, lang):
    from text.format import value_format

    fmt = value_format(unit, lang)
    for value in (None, 0, 0.5, 6000, 12345.678, -28520.0, 285200, 1.2e8, -3.45e9, 7.54):
        for comparator in ("=", ">=", "<=", ">", "<", "~"):
            expected = format_value(value, unit, lang, comparator)
            assert fmt(value, comparator) == expected
    assert value_format("人", "zh")(285200) == "28.52万人" and value_format("人", "en")(285200) == "285,200 people"
