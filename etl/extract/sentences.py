"""Sentence and clause spans, and spans of quoted names to ignore.

Example::

    >>> [text for _, _, text in sentences("甲。乙;丙\\n丁")]
    ['甲。', '乙;', '丙', '丁']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SENTENCE_END = "。;;!!??\n"
CLAUSE_END = SENTENCE_END + ",,::"
ITEM_END = CLAUSE_END + "、"
_QUOTED = re.compile(r"“[^”\n]{0,80}”|《[^》\n]*》|〔[^〕\n]*〕|\"[^\"\n]{0,20}\"|<[^>\n]*>")


def sentences(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, sentence) for each non-blank sentence; the closing punctuation is kept."""
    yield from _split(text, SENTENCE_END)


def clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, clause) inside text[start:end], split at commas, colons and sentence ends."""
    for s, e, part in _split(text[start:end], CLAUSE_END):
        yield start + s, start + e, part


def _split(text: str, enders: str) -> Iterator[tuple[int, int, str]]:
    begin = 0
    for i, ch in enumerate(text):
        if ch in enders:
            yield from _trimmed(text, begin, i + (ch != "\n"))
            begin = i + 1
    yield from _trimmed(text, begin, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end, text[start:end]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names, book titles and document numbers: numbers inside are names, not figures.

    >>> quoted_spans("“六个精准”和〔2015〕17号")
    [(0, 6), (7, 13)]
    """
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text) if not _QUOTED_GOALS.search(m.group())]


# A quoted list of the year's goals ("“罗平、师宗摘帽,12个贫困乡97个贫困村出列”的年度目标") is read, not skipped.
_QUOTED_GOALS = re.compile(r"^“[^”]*\d[^”]*(?:脱贫|出列|摘帽|退出|销号)")


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def item_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The list item around text[start:end]: from the previous 、/comma to the next one, within [lo, hi)."""
    a = start
    while a > lo and text[a - 1] not in ITEM_END:
        a -= 1
    b = end
    while b < hi and text[b] not in ITEM_END:
        b += 1
    return a, b
