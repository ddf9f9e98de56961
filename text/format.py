"""Numbers as readers expect them: 28.52万人 / 1.2亿元 in Chinese, 285,200 people in English."""

from __future__ import annotations

import functools
from collections.abc import Callable

from text.comparators import COMPARATOR_EN, COMPARATOR_ZH

# Every unit's English form, the one place English text gets it (cells, charts, hovers, maps, exports). Measure words
# of plain counts (个, 座, 项 …) have none: "12" alone, "count" where a unit stands on its own (a chart's title).
UNIT_EN = {
    "人": "people",
    "名": "people",
    "户": "households",
    "元": "yuan",
    "万元": "yuan",
    "%": "%",
    "亩": "mu",
    "公顷": "ha",
    "平方米": "m²",
    "平方公里": "km²",
    "公里": "km",
    "千米": "km",
    "千瓦": "kW",
    "吨": "t",
    **dict.fromkeys(("个", "座", "项", "所", "家", "条", "台", "间", "套", "处", "只", "头"), ""),
}


def _trim(value: float, spec: str) -> str:
    text = format(value, spec)
    return text.rstrip("0").rstrip(".") if "." in text else text


def zh_number(value: float) -> str:
    """Chinese display: ``zh_number(285200) == "28.52万"``, ``zh_number(1.2e8) == "1.2亿"``, 6000 -> "6000"."""
    magnitude = abs(value)
    if magnitude >= 1e8:
        return _trim(value / 1e8, ".4f") + "亿"
    if magnitude >= 1e4:
        return _trim(value / 1e4, ".4f") + "万"
    return _trim(value, ".2f")


def plain_number(value: float) -> str:
    """A number as a spreadsheet cell shows it, without a float's trailing .0 or an exponent:
    ``plain_number(20.0) == "20"``, ``plain_number(0.35) == "0.35"``, ``plain_number(1234567.0) == "1234567"``."""
    if float(value).is_integer():
        return str(int(value))
    return _trim(value, ".6f")


def en_number(value: float) -> str:
    """English display with thousands separators: ``en_number(285200) == "285,200"``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def display_unit(unit: str) -> str:
    """Units are stored in base form; 万人/万元 as written in a document display as 人/元."""
    return unit[1:] if unit.startswith("万") and len(unit) > 1 else unit


def display_unit_text(unit: str, lang: str = "zh") -> str:
    """A unit on its own: ``display_unit_text("人", "en") == "people"``."""
    shown = display_unit(unit)
    return UNIT_EN.get(shown, shown) or "count" if lang == "en" else shown


def format_value(value: float | None, unit: str = "", lang: str = "zh", comparator: str = "=") -> str:
    """A figure with its unit and comparator, or the 'no reported figure' text when missing.

    Examples: ``format_value(285200, "人") == "28.52万人"``; ``format_value(8, "%", comparator="<") == "<8%"``;
    ``format_value(285200, "人", "en") == "285,200 people"``.
    """
    return value_format(unit, lang)(value, comparator)


@functools.lru_cache(maxsize=256)
def value_format(unit: str = "", lang: str = "zh") -> Callable[..., str]:
    """``format_value`` with the unit and language fixed, for formatting many numbers (a grid has hundreds):
    ``value_format("人")(285200) == "28.52万人"``, ``value_format("%", "en")(8, "<") == "<8%"``."""
    unit = display_unit(unit)
    if lang == "zh":  # zh_number, inline
        scaled = {"亿": "亿" + unit, "万": "万" + unit, "": unit}

        def zh(value: float | None, comparator: str = "=") -> str:
            if value is None:
                return "无报告数据"
            magnitude = abs(value)
            if magnitude >= 1e8:
                text, suffix = format(value / 1e8, ".4f"), scaled["亿"]
            elif magnitude >= 1e4:
                text, suffix = format(value / 1e4, ".4f"), scaled["万"]
            else:
                text, suffix = format(value, ".2f"), unit
            text = text.rstrip("0").rstrip(".")  # a fixed-point text always has its point (inf, nan: no zeros)
            return f"{COMPARATOR_ZH.get(comparator, '')}{text}{suffix}"

        return zh
    unit_en = UNIT_EN.get(unit, unit)
    sep = "" if unit_en in ("%", "") else " "

    def en(value: float | None, comparator: str = "=") -> str:
        if value is None:
            return "no reported figure"
        return f"{COMPARATOR_EN.get(comparator, '')}{en_number(value)}{sep}{unit_en}".strip()

    return en
