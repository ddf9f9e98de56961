"""A title for a pasted text that has no headline: its first meaningful sentence, shortened; else 粘贴的文本(date).

Example: ``pasted_title("到去年底,全市尚有贫困人口111.95万人,居全省第一;贫困发生率21.39%。")``
gives ``"到去年底,全市尚有贫困人口111.95万人…"``.
"""

from __future__ import annotations

import datetime as dt
import re

LONGEST = 24  # characters kept of a first sentence; a title box shows about that many
SHORTEST = 4  # letters, digits or Han characters a line needs to say something
SENTENCE_END = re.compile(r"[。！？!?；;]")
PAUSES = ",，、:："
WORD = re.compile(r"[0-9A-Za-z.%]")
# lines a copied web page starts with that are about the page, not what it says
NOT_A_TITLE = re.compile(
    r"^(来源|作者|编辑|责任编辑|记者|发布时间|发布日期|时间|日期|浏览|点击|分享|打印|https?://|www\.)"
)


def _said(line: str) -> int:
    return sum(ch.isalnum() for ch in line)


def _shortened(sentence: str) -> str:
    """The sentence cut to ``LONGEST`` characters, at its last pause within them when one leaves enough, never
    inside a number: ``_shortened("会议要求,2019年渭源县要确保减少贫困人口1.5万人")`` ends ``贫困人口…``."""
    if len(sentence) <= LONGEST:
        return sentence
    head = sentence[:LONGEST]
    cut = max(head.rfind(p) for p in PAUSES)
    if cut >= LONGEST // 3:
        return head[:cut].rstrip() + "…"
    end = len(head)
    while end > SHORTEST and WORD.match(sentence[end - 1]) and WORD.match(sentence[end]):
        end -= 1  # not inside a number or a Latin word: 1.5万 is not cut to 1
    return sentence[:end].rstrip() + "…"


def pasted_title(text: str, today: dt.date | None = None) -> str:
    """The first sentence of the first line that says something (not a source, date or link line), shortened;
    ``粘贴的文本(YYYY-MM-DD)`` (today's date) when no line does.

    >>> pasted_title("\\n来源:昭通日报\\n号角起,战鼓擂。\\n仅2015年……")
    '号角起,战鼓擂'
    >>> pasted_title("2019-05-06\\n12345", dt.date(2026, 12, 2))
    '粘贴的文本(2026-12-02)'
    """
    for raw in text.splitlines():
        line = " ".join(raw.split()).lstrip("·•-—*#> ")
        if NOT_A_TITLE.match(line) or _said(line) < SHORTEST or not re.search(r"[^\W\d_]", line):
            continue
        sentence = SENTENCE_END.split(line, maxsplit=1)[0].strip().rstrip(PAUSES)
        if _said(sentence) >= SHORTEST:
            return _shortened(sentence)
    return f"粘贴的文本({(today or dt.date.today()).isoformat()})"
