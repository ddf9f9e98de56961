"""Numbers that measure work done rather than state a target: shares of a task done so far, completion rates,
progress inside a total, what was done beyond the plan, and this year's level against last year's.
"""

from __future__ import annotations

import re

from .classify import FUTURE_CUES

EXCESS_BEFORE = re.compile(r"超(?:额完成)?(?:年度|全年)?(?:目标)?(?:任务|计划)数?$")


def is_excess(sentence: str, q_start: int) -> bool:
    """What was done beyond the plan: "两年开工数为45087户,开工率达102.9%,超任务数1286户"."""
    return EXCESS_BEFORE.search(sentence[max(0, q_start - 10) : q_start]) is not None


def is_progress_share(sentence: str, q_start: int) -> bool:
    """A share of a task done so far ("完成项目建设计划的62.8%", "完成目标任务70%"), not a target."""
    if MILESTONE_BEFORE.search(sentence[max(0, q_start - 16) : q_start]):
        return True  # "今年3月底完成40%,6月底完成80%": how much of the work is done by a date within the year
    # "完成目标任务70%", "完成全年计划6万户的187%": a share of the planned amount
    return (
        re.search(
            r"(?:任务|计划)的?$|(?:任务|计划)(?:数)?[^,;。%\d]{0,3}\d+(?:\.\d+)?万?[户人个元]的$",
            sentence[max(0, q_start - 16) : q_start],
        )
        is not None
    )


MILESTONE_BEFORE = re.compile(
    r"\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?(?:前|以前)?[,]?(?:要|需|应)?(?:累计)?完成(?:全部|总|年度|全年)?(?:任务|工程量|建设任务|计划)?的?$"
)


PROGRESS_RATE = re.compile(r"(?:开工|竣工|入住|完工|到位|拨付|支出|完成)率(?:达到?|为|已达)?$")


def is_progress_rate(sentence: str, q_start: int, clause: str) -> bool:
    """How far work has got, told without a word of intent in its clause: "第一批13.61万人的安置房开工率达99.4%",
    "安置房竣工率85.3%" (but "确保安置房入住率达到100%" is a target)."""
    return PROGRESS_RATE.search(sentence[max(0, q_start - 8) : q_start]) is not None and not FUTURE_CUES.search(clause)


def is_progress_count(clause: str) -> bool:
    """Progress inside a total: "其中建成41个,在建15个"."""
    return re.match(r"^其中(?:已)?(?:建成|完成|开工|在建|交付|入住)", clause) is not None


def is_over_full(sentence: str, q_start: int, value: float) -> bool:
    """A rate of work done above 100% ("与计划任务数相比竣工率为153.75%"): what was done beyond a plan.

    >>> is_over_full("竣工率为153.75%", 4, 153.75)
    True
    """
    return value > 100 and PROGRESS_RATE.search(sentence[max(0, q_start - 8) : q_start]) is not None


def is_year_on_year(sentence: str, q_start: int) -> bool:
    """This year's level against last year's ("户贷率从去年的11.44%提高到今年的14.81%"): both are measured values."""
    return (
        re.search(r"从(?:去年|上年)[^,;。]{0,14}(?:到|至)(?:今年|本年)的$", sentence[max(0, q_start - 30) : q_start])
        is not None
    )
