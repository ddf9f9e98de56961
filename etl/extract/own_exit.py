"""A county's own exit said without a count: "今年实现整县脱贫摘帽" in a county's text is its target of one
county (counties_exited = 1 for itself), as a count would be in a province's text.

Example::

    >>> [(y, q) for y, q, _, _ in own_exits("今年实现整县脱贫摘帽,是必须完成的重大政治任务。", 2018)]
    [(2018, '今年实现整县脱贫摘帽')]
    >>> own_exits("2016年实现脱贫摘帽。", 2018)  # a year gone: a result, not a target
    []
"""

from __future__ import annotations

import re

OWN_EXIT = re.compile(
    r"(?:今年|年内|明年|(?P<year>(?:19|20)\d{2})年(?:底前?|末)?)(?:,)?"
    r"(?:全县|我县|本县)?(?:要|将|确保|力争|计划|争取)*(?:率先在全[市州省])?(?:实现)?(?:整县|全县)?(?:脱贫)?摘帽"
)
_DONE = re.compile(r"了|已")


def own_exits(text: str, doc_year: int) -> list[tuple[int, str, int, int]]:
    """(year, quote, start, end) of each year the text says its own county exits; the first saying of a year."""
    out: dict[int, tuple[int, str, int, int]] = {}
    for m in OWN_EXIT.finditer(text):
        word = m.group()
        year = int(m.group("year")) if m.group("year") else doc_year + (1 if word.startswith("明年") else 0)
        before = text[max(0, m.start() - 8) : m.start()]
        if not year or year < doc_year or _DONE.search(word) or re.search(r"\d个?[县区]?$|[县区]$", before):
            continue
        out.setdefault(year, (year, word, m.start(), m.end()))
    return list(out.values())
