"""What earlier sentences tell the next one as the extractor reads a text: the year a heading, a paragraph's
opening, a colon or an earlier ;-part gives the lines after it, and whether the paragraph states goals or reports.

Example::

    >>> from etl.extract.periods import year_tokens
    >>> from etl.extract.sentences import sentences
    >>> text = "到2020年,要实现的具体目标是:\\n贫困人口减少10万人;贫困村出列100个。"
    >>> reading = Reading(news=True, dated=True, doc_year=2018)
    >>> for start, _end, sentence in sentences(text):
    ...     tokens = year_tokens(sentence, 2018)
    ...     ctx, year = reading.enter(text, start, sentence, tokens)
    ...     reading.leave(start + len(sentence), sentence, tokens)
    >>> ctx.before, ctx.news, ctx.intent, year.kind, year.year
    ('贫困人口减少10万人;', False, True, 'deadline', 2020)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import classify
from .periods import compared_with

SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
ENUMERATED = re.compile(r"^[一二三四五六七八九十]+是")
# "汉中市市长胡润泽在大会报告中讲,2011年…": who says it, before the year the paragraph reports
# the look back a work report opens with: "在过去的一年中", "过去一年,", "回顾过去的一年"
REVIEW_OPENING = re.compile(r"^[^,。;]{0,6}过去(?:的)?(?:一|1)年(?:中|里|间)?[,,]|回顾过去(?:的)?(?:一|1)年")
SPEAKER = re.compile(r"[^\d,。;]{2,24}(?:讲|说|指出|表示|介绍|称|透露|强调)[,:]")


@dataclass
class Reading:
    """What earlier sentences tell the next one: a year, the sentence's earlier parts, the paragraph's intent."""

    news: bool
    dated: bool
    carried: object = None  # a deadline introduced by a colon ("到2015年末,要实现的具体目标是:") for the lines below
    context: str = ""  # the earlier ;-parts of the same sentence
    semi: object = None  # … and their last year
    intent: bool = False  # in news: a paragraph that states goals keeps doing so until it reports results
    para: object = None  # "去年,…" opening a paragraph dates its later sentences
    last_end: int = 0
    doc_year: int = 0
    year_open: bool = False
    section: object = None  # "2018年工作安排。": a heading's year, for the paragraphs below it
    listed: bool = False  # the lines below a heading of goals ("主要任务:", "目标任务如下:") state goals too
    last_point: object = None  # the year the previous sentence named
    announcement: bool = False  # a news report whose lead announces a plan: its paragraphs state goals
    last_sentence: str = ""
    last_token: object = None  # the previous sentence's last period ("其中,…" breaks down that sentence's total)
    enumerated: object = None  # "2017年,…投入十大工程。一是…,二是…": the year the numbered items are for
    progress: bool = False  # a paragraph measuring work done against its plan ("完成年度目标任务的156%")
    review: bool = False  # "在过去的一年中,…": a look back, its paragraphs report results until a goal is stated

    def enter(self, text: str, s_start: int, sentence: str, tokens) -> tuple[Context, object]:
        gap = text[self.last_end : s_start]
        if re.search(r"\n\s*\n", gap):
            self.listed, self.enumerated = False, None
        if ENUMERATED.match(sentence):
            if sentence.startswith("一"):
                self.enumerated = self.last_point
        elif SECTION_HEADING.match(sentence):
            self.enumerated = None
        if REVIEW_OPENING.search(sentence):
            self.review = True
        elif classify.states_intent(sentence):
            self.review = False
        if "\n" in gap or self.last_end == 0:
            self.progress = classify.reports_progress(_paragraph(text, s_start))
            reporting = self.progress or self.review
            self.intent, self.para = (self.listed or self.announcement) and not reporting, None
        if classify.DONE.search(sentence):  # 了, 已, 已经: the paragraph reports again
            self.intent = False
        elif classify.states_intent(sentence):
            self.intent = True
        elif classify.SENTENCE_PAST.search(sentence) or classify.CLAUSE_PAST.search(sentence):
            self.intent = False
        if SECTION_HEADING.match(sentence):
            self.carried = None
        points = [t for t in tokens if t.kind == "point"]
        if len(sentence) <= 16 and len(points) == 1 and not re.search(r"\d+(?:\.\d+)?[万亿个户人%元]", sentence):
            self.section = points[0]  # "2018年工作安排。", "二、2019年主要任务"
        elif SECTION_HEADING.match(sentence):
            self.section = None
        now = classify.BASELINE_MARKERS.search(sentence) or "当前" in sentence
        inherited = self.semi or self.carried or (None if now else self.para or self.section)
        if ENUMERATED.match(sentence) and self.enumerated is not None:
            inherited = inherited or self.enumerated
        breakdown = sentence.startswith("其中")  # the parts of the previous sentence's total
        if breakdown:
            inherited = inherited or self.last_token
            self.semi = self.semi or self.last_token  # and so do its parts after a semicolon
        first = tokens[0] if tokens else None
        lead = sentence[: first.start] if first else ""  # "报告指出,2017年,…": a short lead-in before the year
        lead_comma = bool(first) and sentence[first.end : first.end + 1] == ","
        if (
            first
            and (first.kind == "point" or first.kind == "range" and first.year < self.doc_year and lead_comma)
            and (sentence[first.end : first.end + 1] in (",", "是") or first.year < self.doc_year)
            and (first.start == 0 or re.fullmatch(r"[^\d,。;]{2,8}[,:]", lead) or SPEAKER.fullmatch(lead))
        ):
            # "2017年广西脱贫攻坚实现再战再捷。全区减少…", "“十二五”期间,…": what the paragraph reports
            self.para = first
        before = self.context or (self.last_sentence if breakdown else "")
        news, progress = self.news and not self.intent, (self.progress or self.review) and not self.intent
        ctx = Context(before, news, self.dated, self.intent, self.year_open, progress)
        return ctx, inherited

    def leave(self, end: int, sentence: str, tokens) -> None:
        self.last_end = end
        self.last_sentence = sentence
        points = [t for t in tokens if t.kind == "point"]
        self.last_point = points[-1] if points else None
        dating = [t for t in tokens if not compared_with(sentence, t)]  # "…9.75亿元,比上年增长8.8%": 2019's, not 2017's
        self.last_token = dating[-1] if dating else None
        if sentence.endswith((":", ":")):
            self.listed = classify.states_intent(sentence) and not re.search(r"情况|成效|成绩|进展|成果|回顾", sentence)
        if sentence.endswith((":", ":")) and tokens:
            self.carried = tokens[-1]
        if sentence.endswith(";"):
            self.context += sentence
            self.semi = tokens[-1] if tokens else self.semi
        else:
            self.context, self.semi = "", None


def _paragraph(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[text.rfind("\n", 0, start) + 1 : end if end >= 0 else len(text)]


@dataclass(frozen=True)
class Context:
    before: str  # earlier parts of the sentence (up to a semicolon)
    news: bool
    dated: bool = False  # the document's date is known (not guessed from the years it names)
    intent: bool = False  # the paragraph states goals (an earlier sentence said 将/确保/目标…)
    year_open: bool = False  # the text is dated before the last quarter of its year: that year is not over
    progress: bool = False  # the paragraph measures work done against its plan: its figures are results
