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

from etl.gazetteer import Gazetteer

from . import classify, indicators
from .clause_subjects import named_subject
from .model import Extracted
from .normalize import normalize_text
from .numbers import find_quantities
from .own_region import region_mentions
from .periods import year_tokens
from .sentences import SENTENCE_END, clauses
from .wholes import whole_above

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
    text: str,
    start: int,
    end: int,
    own: tuple[str | None, str | None],
    doc_year: int | None,
    gazetteer: Gazetteer | None = None,
) -> Extracted:
    """The first number of text[start:end] as a figure; its year is the one the quote names (its last), else the
    one its paragraph names before it ("2019年…要确保…,扶持…12处"), else ``doc_year`` (0 when none: the reviewer
    must give it). Its region is the one the words name inside the document's region ``own`` (name, code) — the
    place that holds every other they name ("南宁市的马山县、上林县…等3个" is 南宁市's) — else the one the
    extractor reads for its clause (``gazetteer`` given), else ``own``; its kind (target, actual, baseline) comes
    from the cues of its sentence. Raises QuoteNotFound when the quote holds no number with a unit."""
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
    sentence, at = _sentence_of(text, start, end)
    kind = _kind(sentence, at + q.start, at + q.end, code, q.measure, last.year if last else None, doc_year)
    if kind == "baseline":
        code = indicators.BASELINE_OF.get(code, code)
    region = own
    if gazetteer is not None:
        region = _region(sentence, at, at + q.start, gazetteer, own) or own
    unit, value = indicators.base_unit(q.unit, code, q.value)
    return Extracted(
        kind,
        region[0],
        region[1],
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


# Where a selection of several targets splits: "全年新建通村公路50条,力争解决3万人饮水问题" is two
CLAUSE_BREAKS = re.compile(r"[,，;；、。!！?？\n]")


def quoted_figures(
    text: str,
    start: int,
    end: int,
    own: tuple[str | None, str | None],
    doc_year: int | None,
    gazetteer: Gazetteer | None = None,
) -> list[Extracted]:
    """``quoted_figure`` of each clause of text[start:end] that holds a number with a unit, each quoting its own
    clause; the whole words as one figure when at most one clause holds one. Raises QuoteNotFound as
    ``quoted_figure`` does.

    >>> text = "全年新建通村公路50条,力争解决3万人饮水问题。"
    >>> [(f.value, f.quote) for f in quoted_figures(text, 0, 23, ("某县", "100000"), 2019)]
    [(50.0, '全年新建通村公路50条'), (30000.0, '力争解决3万人饮水问题')]
    """
    spans, at = [], start
    for found in CLAUSE_BREAKS.finditer(text, start, end):
        spans.append((at, found.start()))
        at = found.end()
    spans.append((at, end))
    counted = [(a, b) for a, b in spans if b > a and find_quantities(normalize_text(text[a:b]).text)]
    if len(counted) <= 1:
        return [quoted_figure(text, start, end, own, doc_year, gazetteer)]
    return [quoted_figure(text, a, b, own, doc_year, gazetteer) for a, b in counted]


def _sentence_of(text: str, start: int, end: int) -> tuple[str, int]:
    """The quote's sentence, normalised, and where the quote starts in it."""
    s_start = max(text.rfind(ch, 0, start) for ch in SENTENCE_END) + 1
    ends = [i for ch in SENTENCE_END if (i := text.find(ch, end)) >= 0]
    s_end = min(ends) + 1 if ends else len(text)
    lead = normalize_text(text[s_start:start]).text
    return lead + normalize_text(text[start:end]).text + normalize_text(text[end:s_end]).text, len(lead)


# "经广西壮族自治区批准,南宁市的马山县…等3个…县退出贫困县序列": an exit approved is done
APPROVED_EXIT = re.compile(r"经[^,;。]{0,24}?(?:批准|批复|审批|验收)[^;。]*?(?:退出|摘帽|出列|销号)")


def _kind(sentence: str, q_start: int, q_end: int, code: str, measure: str, named: int | None, doc_year) -> str:
    """target, actual or baseline, read from the cues of the number's sentence as the extractor reads them: done
    before it (已实现, 已累计…; "目前,马山县已实现93708贫困人口脱贫,73个贫困村退出") or an exit approved (经…批准…
    退出) with no word of intent in its clause is a result; a stock now (目前/还有…, …未脱贫) a baseline; a word of
    intent up to its clause (将, 计划, 力争…) a target; else ``classify.kind_of``."""
    c_start, c_end = next(((a, b) for a, b, _ in clauses(sentence, 0, len(sentence)) if a <= q_start < b), (0, 0))
    clause, after = sentence[c_start:c_end], sentence[q_start:c_end]
    flow, rate = indicators.is_flow(code, measure), measure == "%"
    intent = classify.states_intent(clause) or classify.FUTURE_AFTER.search(after)
    done = classify.CLAUSE_PAST.search(sentence[:q_start]) or APPROVED_EXIT.search(sentence[:c_end])
    if done and not intent or classify.CLAUSE_PAST.search(sentence[c_start:q_start]):  # "由2015年的…降至"
        return "baseline" if rate or not flow else "actual"
    stock_now = classify.BASELINE_MARKERS.search(sentence[:q_start]) and not classify.INTENT_OWN.search(clause)
    if not intent and (stock_now or classify.NOT_YET_OUT.match(sentence, q_end, c_end)):
        return "baseline"
    if classify.states_intent(sentence[:c_end]):
        return "target"
    year = doc_year or named or 0
    return classify.kind_of(sentence, clause, q_start, not flow and not rate, rate, named, year, clause_after=after)


def _region(sentence: str, q_at: int, q_start: int, gazetteer: Gazetteer, own) -> tuple[str, str] | None:
    """The region the quote names before its number, inside ``own``'s region; else 全市/全省 above a county's own,
    else the place the extractor reads at the head of the number's clause."""
    inside = []
    for name in region_mentions(sentence[q_at:q_start], gazetteer):
        code = gazetteer.resolve_near(name, own[1])
        if code and (not own[1] or code == own[1] or own[1] in {r.code for r in gazetteer.ancestors(code)}):
            inside.append(code)
    for code in inside:
        if all(code in {c} | {r.code for r in gazetteer.ancestors(c)} for c in inside):
            return gazetteer.regions[code].name_zh, code
    c_start = next((a for a, b, _ in clauses(sentence, 0, len(sentence)) if a <= q_start < b), 0)
    return whole_above(sentence[c_start:q_start], gazetteer, own[1]) or named_subject(
        sentence, c_start, q_start, gazetteer, own
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
