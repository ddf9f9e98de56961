"""The span of a sentence a figure quotes: its clause, with the year that governs it and what the amount is for.

Example::

    >>> from etl.extract.periods import year_tokens
    >>> sentence = "2019年,全县脱贫1.2万人。"
    >>> a, b = quote_span(sentence, 6, len(sentence), year_tokens(sentence)[0])
    >>> sentence[a:b]
    '2019年,全县脱贫1.2万人'
"""

from __future__ import annotations

import re


def said_for(sentence: str, c_start: int, q) -> int:
    """Where the quote starts: the clause, or the clause before it when this one is a bare amount
    ("科技推广项目安排3万亩,39万元" quotes both, so that the reader sees what the 39万元 is for)."""
    rest = sentence[c_start : q.start] + sentence[q.end : q.end + 6]
    words = re.sub(r"[^\u4e00-\u9fff]", "", re.split(r"[,;。]", rest)[0])
    if len(words) >= 2 or c_start == 0:
        return c_start
    prev = max(sentence.rfind(ch, 0, c_start - 1) for ch in ",;:。")
    return prev + 1


def quote_span(sentence: str, a: int, b: int, token) -> tuple[int, int]:
    """The clause, widened to the left to take in its governing year when that sits in an earlier clause."""
    if token is not None and token.start < a:
        a = token.start
    while b > a and sentence[b - 1] in ",,;;。:":
        b -= 1
    if b > a + 1 and sentence[a] in "“‘「" and _CLOSING[sentence[a]] not in sentence[a + 1 : b]:
        a += 1  # "“2017年百色计划摘帽村147个": the opening mark of a quotation that goes on past the clause
    return a, b


_CLOSING = {"“": "”", "‘": "’", "「": "」"}
