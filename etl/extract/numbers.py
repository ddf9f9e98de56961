"""Numbers as written in Chinese policy texts: Arabic (half/full width), Chinese numerals, 万/亿, ranges.

Example::

    >>> parse_number("12.5万")
    125000.0
    >>> [(m.value, m.unit) for m in find_quantities("2015年减少贫困人口12.5万人")]
    [(125000.0, '万人')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}

# Measure words (and money/area/length units) that make a number a quantity. Longest first.
UNITS = (
    "平方公里",
    "平方米",
    "兆瓦",
    "千瓦",
    "公顷",
    "公里",
    "千米",
    "万元",
    "亿元",
    "元",
    "万亩",
    "亩",
    "万人次",
    "人次",
    "万人",
    "人",
    "名",
    "户",
    "个",
    "项",
    "家",
    "所",
    "座",
    "处",
    "间",
    "套",
    "条",
    "台",
    "辆",
    "栋",
    "标箱",
    "箱",
    "头",
    "株",
    "眼",
    "吨",
    "羽",
    "只",
    "%",
)
# A bare 万/亿 is a quantity too when a noun follows: "0.6万贫困人口".
COUNT_UNITS = {"人", "万人", "名", "户", "个", "项", "所", "座", "处", "间", "套", "家"}
COUNT_UNITS |= {"条", "台", "辆", "栋", "箱", "头", "株", "眼", "羽", "只"}  # things and animals, not places or people
MONEY_UNITS = {"元", "万元", "亿元"}
PERSON_UNITS = {"人", "万人", "名"}

GAP_OVER = re.compile(r"高于[^,;。\d]{0,14}$")
_ARABIC = r"\d+(?:\.\d+)?"
_CN = "[零〇一二两三四五六七八九十百千]+"
_RANGE_SEP = "[—–\\-~～至到]"
_NUM = rf"(?:{_ARABIC}|{_CN})"
_QUANTITY_RE = re.compile(
    rf"(?P<low>{_NUM})(?:{_RANGE_SEP}(?P<high>{_NUM}))?(?:余|多)?(?P<mult>[万亿])?(?:(?<=[万亿])[余多])?"
    rf"(?P<unit>{'|'.join(map(re.escape, UNITS))})"
    rf"|(?P<low2>{_ARABIC})(?:余|多)?(?P<mult2>[万亿])(?![元亩人])"
    r"|(?P<low3>\d{3,})(?=(?:农村|建档立卡)?贫困(?:人口|群众|户))"  # "439731贫困人口": a count written bare
)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, found at text[start:end]; value in base units (万/亿 applied, 万元 -> 元).

    ``unit`` is as written ("万人", "万元", "万", "%"); ``measure`` is the base measure word ("人", "元", "", "%").
    """

    start: int
    end: int
    raw: str
    value: float
    high: float | None
    unit: str
    measure: str


def normalize(text: str) -> str:
    """Same-length normalisation: full-width digits to ASCII, OCR letter O/o next to digits to 0.

    >>> normalize("7O%以上，１２万")
    '70%以上，12万'
    """
    text = text.translate(FULL_WIDTH)
    return re.sub(r"(?<=\d)[Oo]|[Oo](?=\d)", "0", text)


def parse_chinese_integer(s: str) -> int:
    """Parse a Chinese numeral up to the thousands: 十二 -> 12, 三百零五 -> 305, 两 -> 2.

    >>> parse_chinese_integer("二十三")
    23
    """
    total, digit = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + (digit or 0)


def parse_number(s: str) -> float:
    """Parse one number with an optional trailing 万/亿: "0.7539万" -> 7539.0, "三" -> 3.0, "１２" -> 12.0.

    >>> parse_number("1.2亿")
    120000000.0
    """
    s = normalize(s.strip())
    mult = 1
    if s and s[-1] in MULTIPLIERS:
        s, mult = s[:-1], MULTIPLIERS[s[-1]]
    value = float(s) if re.fullmatch(_ARABIC, s) else float(parse_chinese_integer(s))
    return round(value * mult, 6)


def unit_multiplier(mult: str | None, unit: str) -> int:
    """The factor to base units for a multiplier and a unit: ("万", "人") -> 10000; (None, "万元") -> 10000."""
    factor = MULTIPLIERS.get(mult or "", 1)
    if unit in ("万元", "万人", "万亩"):
        factor *= 10_000
    elif unit == "亿元":
        factor *= 100_000_000
    elif unit == "兆瓦":
        factor *= 1000  # capacity in 千瓦 (kW)
    return factor


def find_quantities(text: str) -> list[Quantity]:
    """All number+unit quantities in text; offsets refer to text itself (normalisation keeps length).

    >>> [(q.raw, q.value, q.high) for q in find_quantities("有1—2项特色产业")]
    [('1—2项', 1.0, 2.0)]
    >>> [q.raw for q in find_quantities("第四个年头,第3批12个项目")]
    ['12个']
    """
    norm = normalize(text)
    out = []
    for m in _QUANTITY_RE.finditer(norm):
        if norm[max(0, m.start() - 1) : m.start()] == "第":
            continue  # an ordinal ("第四个年头", "第3批"), not a count
        if m.group("unit") == "千瓦" and norm.startswith("时", m.end()):
            continue  # "年发电量4.5万千瓦时": energy, not a plant's capacity
        if norm.startswith("百分点", m.end()):
            if m.group("low") and GAP_OVER.search(norm[max(0, m.start() - 20) : m.start()]):
                end = m.end() + len("百分点")  # "增幅高于全省平均水平2个百分点": a gap to reach, in points
                value = parse_number(m.group("low"))
                out.append(Quantity(m.start(), end, text[m.start() : end], value, None, "%", "%"))
            continue  # "下降3个百分点": a difference of rates
        if m.group("low2"):
            value = parse_number(m.group("low2")) * MULTIPLIERS[m.group("mult2")]
            out.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], value, None, m.group("mult2"), ""))
            continue
        if m.group("low3"):
            out.append(Quantity(m.start(), m.end(), m.group("low3"), float(m.group("low3")), None, "", ""))
            continue
        low, high, mult, unit = m.group("low"), m.group("high"), m.group("mult"), m.group("unit")
        if _is_chinese(low) and (unit in ("%", "元", "万元", "亿元") or mult or low in ("千", "百", "十")):
            continue
        factor = unit_multiplier(mult, unit)
        value = round(parse_number(low) * factor, 6)
        high_value = round(parse_number(high) * factor, 6) if high else None
        written = (mult or "") + unit
        measure = unit[-1] if unit in ("万元", "亿元", "万人", "万亩") else "千瓦" if unit == "兆瓦" else unit
        out.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], value, high_value, written, measure))
    return out


def _is_chinese(s: str) -> bool:
    return not re.fullmatch(_ARABIC, s)
