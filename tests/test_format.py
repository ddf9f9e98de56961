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
def test_value_format_writes_numbers_as_zh_number_and_en_number_do(unit, lang):
    from text.comparators import COMPARATOR_EN, COMPARATOR_ZH
    from text.format import UNIT_EN, display_unit, en_number, value_format

    fmt, shown = value_format(unit, lang), display_unit(unit)
    assert fmt(None) == format_value(None, unit, lang) == ("无报告数据" if lang == "zh" else "no reported figure")
    for value in (0, 0.5, 6000, 12345.678, -28520.0, 285200, 1.2e8, -3.45e9, 7.54):
        for comparator in ("=", ">=", "<=", ">", "<", "~"):
            if lang == "zh":
                expected = f"{COMPARATOR_ZH.get(comparator, '')}{zh_number(value)}{shown}"
            else:
                unit_en = UNIT_EN.get(shown, shown)
                sep = "" if unit_en in ("%", "") else " "
                expected = f"{COMPARATOR_EN.get(comparator, '')}{en_number(value)}{sep}{unit_en}".strip()
            assert fmt(value, comparator) == format_value(value, unit, lang, comparator) == expected


@pytest.mark.parametrize(
    "value, unit, lang, expected",
    [
        (30000, "亩", "en", "30,000 mu"),
        (25945, "平方米", "en", "25,945 m²"),
        (900, "公里", "en", "900 km"),
        (120, "公顷", "en", "120 ha"),
        (3, "座", "en", "3"),
        (700, "户", "en", "700 households"),
        (30000, "亩", "zh", "3万亩"),  # Chinese keeps 万 and its own units
        (25945, "平方米", "zh", "2.5945万平方米"),
        (900, "公里", "zh", "900公里"),
    ],
)
def test_units_have_english_forms_in_english_and_stay_chinese_in_chinese(value, unit, lang, expected):
    assert format_value(value, unit, lang) == expected


def _indicator_units() -> set[str]:
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "data" / "indicators.csv"
    with path.open(encoding="utf-8") as f:
        return {row["unit"] for row in csv.DictReader(f)}


@pytest.mark.parametrize("unit", sorted(_indicator_units()))
def test_no_catalogue_unit_leaves_chinese_in_english_text(unit):
    from text.format import display_unit_text

    def cjk(text: str) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)

    assert not cjk(format_value(12345, unit, "en", ">=")) and not cjk(display_unit_text(unit, "en"))
