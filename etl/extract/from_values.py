"""The starting level of a change, a baseline of its own year: "贫困人口由2011年年底的592万人减少到2018年年底的
77.55万人,贫困发生率由21.40%下降到3.18%" (592万 and 21.40% are 2011's, 77.55万 and 3.18% are 2018's).

Example::

    >>> s = "贫困人口由2011年年底的592万人减少到2018年年底的77.55万人,贫困发生率由21.40%下降到3.18%"
    >>> start_year(s, s.index("592"), s.index("人减")), start_year(s, s.index("21.40"), s.index("%下"))
    (2011, 2011)
"""

from __future__ import annotations

import re

FROM_BEFORE = re.compile(r"[由从](?:(?P<year>(?:19|20)\d{2})年(?:年?[底末初])?|(?P<opening>年初))?的?$")
CHANGE_AFTER = re.compile(
    r"[^,;。\d]{0,4}?(?:(?:减少|下降|降低|提高|提升|增加|增长|上升|扩大|缩小)(?:到|至|为)|[减降增升]至|降为)"
)
CHANGE_VERB = r"(?:减少|下降|降低|提高|提升|增加|增长|上升)"
EARLIER_FROM = re.compile(r"[由从]((?:19|20)\d{2})年[^,;。]{0,6}?的?[\d.]+[^,;。]{0,8}?" + CHANGE_VERB)
LEVEL_THEN_CHANGE = re.compile(r"[^,;。\d]{0,6}?\d[\d.]*[^,;。\d]{0,3}?" + CHANGE_AFTER.pattern)
REVISED = re.compile(r"原[来有定计]")


def start_year(sentence: str, q_start: int, q_end: int) -> int | None:
    """The year of the level a change starts from, when the number is one and a year dates it: its own
    (由2011年年底的592万人减少到…) or, in a parallel phrase with none, the first such year before it in the
    sentence (…,贫困发生率由21.40%下降到…). A revised target's old value (由原来的…) is no level."""
    before = FROM_BEFORE.search(sentence[max(0, q_start - 12) : q_start])
    if before is None or CHANGE_AFTER.match(sentence, q_end) is None:
        return None
    if REVISED.search(sentence[max(0, q_start - 12) : q_start]):
        return None
    if before.group("year"):
        return int(before.group("year"))
    if before.group("opening"):  # "到2016年底,…贫困发生率从年初的20.25%下降到15.04%": the year end before 2016
        years = re.findall(r"((?:19|20)\d{2})年", sentence[:q_start])
        return int(years[-1]) - 1 if years else None
    earlier = EARLIER_FROM.search(sentence[:q_start])
    return int(earlier.group(1)) if earlier else None


REACHED = re.compile(r"[由从][^;。]{0,24}?(?:增加|提高|提升|上调|增长|扩大|增)(?:到|至|为)[^\d,;。]{0,4}$")
THEREAFTER = re.compile(r"以后[^,;。\d]{0,6}每年")


def reached_level(before: str) -> bool:
    """The number is the level a change reaches ("从2015年起,…资金由2014的750万元增加到1000万元"): from the year the
    change takes effect, the amount of one year, not a total to that year or a figure for every year."""
    return REACHED.search(before) is not None


def thereafter(clause_before: str) -> bool:
    """A yearly step said after a year's level ("…增加到1000万元,以后按年度每年递增100万元"): from the next year."""
    return THEREAFTER.search(clause_before) is not None


def start_tokens(sentence: str, tokens: list) -> list:
    """The year tokens that date a change's starting level ("由2015年的10.5%下降到3%以下"): they date only that
    level, not the level the change reaches, which keeps the year governing the whole phrase (到2020年,…)."""
    return [
        t
        for t in tokens
        if t.kind == "point"
        and sentence[max(0, t.start - 1) : t.start] in ("由", "从")
        and LEVEL_THEN_CHANGE.match(sentence, t.end)
    ]


def raised_after(sentence: str, token_start: int, token_end: int, q_start: int) -> bool:
    """The number is the level a change reaches from an older one that a span dates ("从“十一五”时期每年2000万元
    增加到3500万元"): the span is the old level's, and the new level holds for the span after it.

    >>> s = "资金从“十一五”时期每年2000万元增加到3500万元"
    >>> raised_after(s, 3, 10, s.index("3500"))
    True
    """
    opened = sentence[max(0, token_start - 1) : token_start] in ("由", "从")
    level = LEVEL_THEN_CHANGE.match(sentence, token_end)
    return opened and level is not None and level.end() == q_start
