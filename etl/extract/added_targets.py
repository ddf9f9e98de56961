"""A target a reviewer points at: the words they copied from a document, found in its text and read as one figure.

The extractor misses targets in texts it was not written for; a reviewer who sees one missing copies its words
from the document, and this reads them as the extractor reads a sentence (number, unit, indicator, year,
comparator), with the quote and offsets of the document's own text. The reviewer checks and corrects the rest.

Example::

    >>> text = "二、主要目标\\n全年新建通村公路50条,力争解决3万人饮水问题。"
    >>> find_quote(text, "新建通村公路 50条")
    (9, 18)
    >>> f = quoted_figure(text, 9, 18, ("某县", "100000"), 2019)
    >>> (f.value, f.unit, f.period_end, f.indicator_label)
    (50.0, '条', 2019, '通村公路')
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import classify, indicators
from .model import Extracted
from .normalize import normalize_text
from .numbers import find_quantities
from .periods import year_tokens

QUOTE_MAX = 300  # characters: a quote is a phrase or a sentence, not a page


class QuoteNotFound(ValueError):
    """The words are not in the document, or hold no number: ``str(exc)`` says which, ``hint`` what to do."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def find_quote(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` first stand in ``text``, as [start, end): exactly, else with any whitespace between their
    characters (a PDF's line ends, a copy's spaces). Raises QuoteNotFound."""
    words = (words or "").strip()
    if not words:
        raise QuoteNotFound(
            "摘录是空的 the quote is empty", "从文件中复制目标所在的句子 copy the target's words from the text"
        )
    if len(words) > QUOTE_MAX:
        raise QuoteNotFound(
            f"摘录有 {len(words)} 个字符,超过 {QUOTE_MAX} the quote has {len(words)} characters, over {QUOTE_MAX}",
            "只复制目标所在的一句话 copy only the sentence of the target",
        )
    at = text.find(words)
    if at >= 0:
        return at, at + len(words)
    pattern = r"\s*".join(re.escape(ch) for ch in re.sub(r"\s+", "", words))
    found = re.search(pattern, text)
    if found is None:
        raise QuoteNotFound(
            f"文件中没有这段文字 these words are not in the document: 「{words[:40]}」",
            "从页面所读的文件文本中原样复制 copy them exactly from the document's text",
        )
    return found.start(), found.end()


def quoted_figure(
    text: str, start: int, end: int, own: tuple[str | None, str | None], doc_year: int | None
) -> Extracted:
    """The first number of text[start:end] as a target of the region ``own`` (name, code); its year is the one
    the quote names (its last), else the one its paragraph names before it ("2019年…要确保…,扶持…12处"), else
    ``doc_year`` (0 when none: the reviewer must give it). Raises
    QuoteNotFound when the quote holds no number with a unit."""
    norm = normalize_text(text[start:end])
    said = norm.text
    quantities = find_quantities(said)
    if not quantities:
        raise QuoteNotFound(
            f"摘录中没有带单位的数字 the quote holds no number with a unit: 「{said[:40]}」",
            "复制包括数字和单位的文字,如「脱贫1.2万人」 include the number and its unit, e.g. 脱贫1.2万人",
        )
    q = _with_counter(said, quantities[0])
    code = indicators.indicator_for(said, q.start, q.end, q.measure, 0, len(said))
    label = indicators.readable_label(indicators.label_for(said, q.start, q.end, q.measure, 0, len(said), 0))
    label = label or indicators.readable_label(said[: q.start])
    code = code or indicators.unknown_code(label, q.measure)
    last = _last_year(said, doc_year) or _last_year(normalize_text(_lead(text, start)).text, doc_year)
    year_end = last.year if last else doc_year or 0
    year_start = last.first if last is not None and last.kind == "range" and last.first else year_end
    unit, value = indicators.base_unit(q.unit, code, q.value)
    return Extracted(
        "target",
        own[0],
        own[1],
        code,
        year_start,
        year_end,
        value,
        unit,
        classify.comparator(said, q.start, q.end, q.high is not None),
        text[start:end],
        start,
        end,
        confidence=1.0,
        indicator_label=indicators.label_of(code) or label,
    )


# Counters the number reader does not take as a unit: after a bare 万/亿 ("生态家禽5万羽") the quote's unit is theirs.
COUNTERS = "羽只头匹尾箱棵株枚套台件盏口眼处座栋间吨斤"


def _with_counter(said: str, q):
    """``q`` with the counter after a bare 万/亿 (or after a plain number) taken into its unit: 5万羽 is 50000 羽,
    never 5万 people."""
    after = said[q.end : q.end + 1]
    if q.measure or not after or after not in COUNTERS or q.unit not in ("", "万", "亿"):
        return q
    return replace(q, end=q.end + 1, raw=q.raw + after, unit=q.unit + after, measure=after)


def _last_year(text: str, doc_year: int | None):
    years = [t for t in year_tokens(text, doc_year) if t.kind != "span"]
    return years[-1] if years else None


def _lead(text: str, start: int) -> str:
    """The quote's paragraph up to the quote."""
    return text[text.rfind("\n", 0, start) + 1 : start]
