"""Values as planners type them into a spreadsheet: 12.5万, 28.52万人, 1,756, full-width digits, 8%, ≥95%, 以上.

Example::

    >>> parse_cell("≥95%")
    Parsed(value=95.0, comparator='>=', unit='%')
    >>> parse_cell("28.52万人")
    Parsed(value=285200.0, comparator='=', unit='人')
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from text.comparators import PREFIXES, SUFFIXES, WORDS

MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
# Traditional 萬/億 are the same multipliers (Hong Kong, Taiwan and reposted texts write them; the Documents page's
# extractor reads them too): the value, the unit column and the 万-twice check all see them as 万/亿.
TRADITIONAL = str.maketrans({"萬": "万", "億": "亿"})
# Longest first: "平方公里" before "公里". The measure words the extractor reads (etl/extract/numbers.py) are here
# too, so that a figure it proposes reads back from the review grid as shown ("20家", "50条").
# The years a plan or record may name: 八七扶贫攻坚计划 (1994) to 2035's goals and on; a year outside is a typo
# (2091 for 2019). New plan periods (2021–2025's 衔接 plans, 2026–2030) come in without any other bound.
PLAUSIBLE_YEARS = (1980, 2050)
UNITS = ("平方公里", "平方米", "千瓦", "公顷", "公里", "千米", "人", "户", "个", "元", "%", "项", "名", "亩")
UNITS += ("家", "所", "座", "处", "间", "套", "条", "台", "辆", "栋", "箱", "头", "株", "眼", "吨", "羽", "只")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# Chinese first, then English, as everywhere a planner reads (etl/problems.py uses these as class hints).
NUMBER_HINT = (
    "填写数字,可带 万/亿 和单位,如 12.5万、28.52万人、1,756、8%、≥95% / "
    "write digits with an optional 万/亿 and unit, e.g. 12.5万, 28.52万人, 1,756, 8%, ≥95%"
)
COMPARATOR_HINT = "使用 = ≥ ≤ > < ~ 之一(留空即 =) / use one of = ≥ ≤ > < ~ (or leave blank for =)"


class ValueProblem(ValueError):
    """A cell that is not a number; ``hint`` says how to write it."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Parsed:
    value: float
    comparator: str = "="
    unit: str = ""  # the unit written with the number, multiplier removed ("万人" -> "人"); "" if none


def normalize_text(text: str) -> str:
    """Full-width to half-width (NFKC), Chinese commas to ASCII, whitespace removed: "１２，５００" -> "12,500"."""
    text = str(text)
    if text.isascii():
        return "".join(text.split())
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.replace("，", ",").replace("、", ",").split())


def number_text(text) -> str:
    """A number cell's text as ``normalize_text`` gives it, traditional 萬/億 read as 万/亿: "１.５萬人" -> "1.5万人".

    Only for numbers and units: names (regions, indicators) keep what was written.
    """
    return normalize_text(text).translate(TRADITIONAL)


def parse_comparator(text) -> str:
    """A comparator cell ("≥", ">=", "以上", blank) to the stored form; ValueProblem if unknown."""
    key = normalize_text(text or "")
    if key in WORDS:
        return WORDS[key]
    raise ValueProblem(f"未知比较符 {text!r} / unknown comparator {text!r}", COMPARATOR_HINT)


def parse_cell(raw) -> Parsed:
    """A number from a cell: numbers pass through; text may carry a comparator, 万/亿, a unit and separators.

    >>> parse_cell("1,756").value, parse_cell("１２.５万").value, parse_cell("8%以上")
    (1756.0, 125000.0, Parsed(value=8.0, comparator='>=', unit='%'))
    >>> parse_cell("1.5萬人"), parse_cell("２億元").value
    (Parsed(value=15000.0, comparator='=', unit='人'), 200000000.0)
    """
    if isinstance(raw, bool):
        raise ValueProblem(
            "TRUE/FALSE 单元格不是数字 / a TRUE/FALSE cell is not a number", "输入数字本身 / type the number itself"
        )
    if isinstance(raw, (int, float)):
        if not math.isfinite(raw):
            raise ValueProblem("不是有限的数 / not a finite number", "输入普通数字 / type an ordinary number")
        return Parsed(float(raw))
    text = number_text(raw)
    if not text:
        raise ValueProblem(
            "数值为空 / the value is empty", "输入数字,如 12.5万 或 125000 / type a number, e.g. 12.5万 or 125000"
        )
    comparator = "="
    for word, op in PREFIXES:
        if text.startswith(word):
            comparator, text = op, text[len(word) :]
            break
    for word, op in SUFFIXES:
        if text.endswith(word):
            if comparator != "=" and comparator != op:
                raise ValueProblem(
                    "两个不同的比较符 / two different comparators",
                    "只保留一个,如 ≥95% 或 95%以上 / keep one, e.g. ≥95% or 95%以上",
                )
            comparator, text = op, text[: -len(word)]
            break
    unit = ""
    for candidate in UNITS:
        if text.endswith(candidate):
            unit, text = candidate, text[: -len(candidate)]
            break
    factor = 1
    if text and text[-1] in MULTIPLIERS:
        factor, text = MULTIPLIERS[text[-1]], text[:-1]
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        raise ValueProblem(f"{raw!r} 不是数字 / {raw!r} is not a number", NUMBER_HINT)
    return Parsed(round(float(text) * factor, 6), comparator, unit)


def unit_mismatch(code: str, unit: str, written: str) -> str | None:
    """The one unit rule of uploads and the review grid: a value written with a unit (the base unit, 万/亿 taken
    off) other than its indicator's is refused, with why. None when it agrees or no unit is written.

    >>> unit_mismatch("villages_exited", "个", "人")
    'villages_exited 的单位是 个,不是 人 / villages_exited is counted in 个, not 人'
    >>> unit_mismatch("villages_exited", "个", "个"), unit_mismatch("villages_exited", "个", "")
    (None, None)
    """
    if not written or written == unit:
        return None
    return f"{code} 的单位是 {unit},不是 {written} / {code} is counted in {unit}, not {written}"


def unit_factor(unit_cell: str) -> tuple[int, str]:
    """A unit column as written to (multiplier, base unit): "万人" -> (10000, "人"), "%" -> (1, "%")."""
    unit = number_text(unit_cell or "")
    if len(unit) > 1 and unit[0] in MULTIPLIERS:
        return MULTIPLIERS[unit[0]], unit[1:]
    return 1, unit


def parse_year(raw) -> int:
    """A year cell: 2019, "2019", "2019年", 2019.0; ValueProblem otherwise."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = normalize_text(raw).removesuffix("年")
    if not re.fullmatch(r"\d{4}", text):
        raise ValueProblem(
            f"{raw!r} 不是年份 / {raw!r} is not a year", "填写四位年份,如 2019 / write a four-digit year, e.g. 2019"
        )
    return int(text)
