"""Years and periods: year tokens, deadlines, spans ("今后三年"), and the plan's own years.

Rules (the ``period`` function applies them to one figure):

* ``2016年…`` (a point year) -> that year, for every kind of indicator.
* ``到2020年`` / ``2020年前`` / ``2018年底`` (a deadline): a flow (people lifted, villages exited, funds…)
  is cumulative from the plan's start year to the deadline; a stock or a rate is read at the deadline.
* ``2011年~2015年`` -> that range; ``2016年以来`` -> 2016 … the year before the document.
* ``今后三年`` / ``用三年时间`` / ``5年时间`` / ``10年内`` -> plan start … plan start + n - 1
  (flows; stocks and rates are read at the end); ``5年内`` in a text on a five-year plan (十三五) it falls in ->
  that plan's five years.
* ``到2020年…每年`` -> one figure per year from the document's year to the deadline (not for a rate).
* ``今年以来`` -> the document's year.
* ``在未来`` with no length -> the document's year to the end of the five-year plan it falls in.
* ``从2016年起…每年`` -> one figure per year from 2016 to the plan's end year.
* undated ``每年`` -> a flow: one figure per year of the plan; a rate: the plan's start year only.
* no year at all -> flows span the whole plan (start … end), stocks and rates the plan's end year.
* ``2018至2020年,…年均增长30%`` -> one figure for the range (a rate averaged over it, not one a year).
* ``今明两年`` -> this year and the next; ``到明年底`` -> a deadline; a bare ``今年7月,…印发…`` is the day something
  was done and dates no figure (as ``2018年7月`` does not).
* ``力争到2019年、确保2020年,…达到6000元`` -> the committed figure at 2020 and its stretch at 2019.
* an undated text that counts ``未来三年`` to ``到2020年`` is of the first of those years (2018).

Example::

    >>> [(t.kind, t.year) for t in year_tokens("到2017年全市贫困面下降到8%以下,2020年基本消除")]
    [('deadline', 2017), ('point', 2020)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbers import parse_chinese_integer
from .sentences import inside, quoted_spans

_YEAR = r"(?<!\d)((?:19|20)\d{2})"
_TOKEN_RE = re.compile(
    rf"(?P<range>{_YEAR}年?\s*[~～—\-至到]\s*((?:19|20)\d{{2}})年(?!初))"
    rf"|(?P<from>从{_YEAR}年起|{_YEAR}年(?:以后|起)(?![\d,,]))"
    rf"|(?P<since>{_YEAR}年以来)"
    rf"|(?P<deadline>(?:到|至|截至){_YEAR}年(?:底|末)?(?:前)?(?!初)|{_YEAR}年(?:底前|底|末|前|以前)(?!\d{{1,2}}月)"
    rf"|{_YEAR}年\d{{1,2}}月(?:底|末)?(?:前|以前|之前)|(?<=在){_YEAR}年\d{{1,2}}月(?:底|末))"  # "在2018年6月底累计"
    rf"|(?P<months>{_YEAR}年\d{{1,2}}月\s*[至到~—\-]\s*\d{{1,2}}月(?!\d))"  # 从2018年7月至12月: within that year
    rf"|(?P<point>{_YEAR}年(?!\d{{1,2}}月|初)|{_YEAR}(?=全年))"  # "2016全年…": 年 left out
    r"|(?P<span>(?:今后|未来|用)([一二两三四五六七八九十\d]{1,2})年(?:时间|内)?"
    r"|(?<![\d一二两三四五六七八九十续])([一二两三四五六七八九十\d]{1,2})年"
    r"(?:时间|内|(?=(?:实现)?(?:脱贫|出列|摘帽|退出))|(?=(?:实现|完成)[^,;。年]{0,12}(?:脱贫|出列|摘帽|退出|销号))"
    r"|(?=(?:攻坚)?行动(?:计划|方案)|攻坚)))"  # "易地扶贫搬迁三年行动计划涉及4942户", "三年攻坚": the plan's years
)
# Years said relative to the document's own date, and named five-year plans.
_RELATIVE_RE = re.compile(
    r"(?P<both>今明两年)|(?P<this>今年(?!上半年|前[1-9一二三四])|本年度?|年内|全年|年底前?|年末|年初(?=确定|制定|提出|下达|计划))|(?P<next>明年|下一?年)"
    r"|(?P<last>去年|上一?年(?!底)|过去的?一年)"
    r"|(?P<ahead>(?<=在)未来(?![的,,。;、\d一二两三四五六七八九十几数多]))"  # "计划在未来产业脱贫94万人": no length
    r"|(?P<past>(?:过去的?|近)(?P<pastn>[两三四五六七八九十2-9])年来?|(?<![\d一二两三四五六七八九十多])"
    r"(?P<sincen>[两三四五六七八九十2-9])年来)"
    r"|(?P<era>[“\"]?(?P<fyp>十[一二三四]五)[”\"]?[ \u3000]?"
    r"(?P<eratail>期间|时期|末|期末|规划期|[前后][两二三四2-4]年)?)"
)
_YEAR_END_BEFORE = re.compile(r"((?:19|20)\d{2})年(?:年?底|末)[^。;]*$")
_PAST_YEAR = re.compile(
    r"(?:截至|截止)((?:19|20)\d{2})年(?:底|末|12月(?:底|末|31日))|过去的((?:19|20)\d{2})年|((?:19|20)\d{2})年(?:底|末)的|((?:19|20)\d{2})年,[^。;]{0,20}(?:取得|完成了|实现了)"
    r"|((?:19|20)\d{2})年[^,。;\d]{0,12}(?:整改|回头看)"  # "抓好2016年易地扶贫搬迁整改工作": after that year
    r"|总结(?:了)?((?:19|20)\d{2})年"  # "总结了2017年全市三农工作,并对今年…进行了部署": written after it
    r"|回顾(?:过去的)?((?:19|20)\d{2})年|((?:19|20)\d{2})年(?:工作)?回顾"  # "回顾2016年,…顺利完成…": told after it
    # "从2014年的100.99万人减少到2019年的2.47万人": a year-end figure, known after that year
    r"|(?:减少|下降|降|增加|增长|提高)(?:到|为|至)((?:19|20)\d{2})年(?:底|末)?的\d"
    # "到2016年底,全区有建档立卡贫困人口25万户", "至2018年底,我市…已全部达到": the state at a year end, told after it
    r"|(?:到|至)((?:19|20)\d{2})年(?:底|末),[^。;,\d]{0,6}?(?:还有|共有|尚有|有)(?:建档立卡|农村|贫困)"
    r"|(?:到|至)((?:19|20)\d{2})年(?:底|末),[^。;,\d]{0,16}?已(?!经?(?:提前|实现|完成)?[^。;]{0,6}(?:将|要|确保|力争))"
)
_AS_OF_MONTH = re.compile(r"(?:截至|截止)((?:19|20)\d{2})年\d{1,2}月")
FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021}
# 十八大 (November 2012): counts "since" it start from the end of 2011, so the period's first year is 2012.
ERA_STARTS = {"十八大以来": 2012, "十二五": 2011, "十三五": 2016, "十一五": 2006}


@dataclass(frozen=True)
class YearToken:
    kind: str  # "point" | "deadline" | "range" | "from" | "since" | "span"
    year: int  # the end year (span: its length in years)
    start: int  # offset in the searched text
    end: int
    first: int | None = None  # range start year
    era: bool = False  # a five-year plan named as a figure's period, not as the document's plan


def year_tokens(text: str, doc_year: int | None = None) -> list[YearToken]:
    """Year expressions in text (outside 《titles》 and quoted names), in order; with doc_year, 今年/明年/年底
    and "十三五"期间 too.

    >>> [(t.kind, t.first, t.year) for t in year_tokens("今年脱贫10万人,“十三五”期间搬迁5万人", 2018)]
    [('point', None, 2018), ('range', 2016, 2020)]
    """
    skip = quoted_spans(text)
    out = _relative_tokens(text, doc_year) if doc_year else []
    for m in _TOKEN_RE.finditer(text):
        if inside(m.start(), skip):
            continue
        kind = m.lastgroup if m.lastgroup in ("range", "from", "since", "deadline", "point", "span") else _group_kind(m)
        kind = "point" if kind == "months" else kind
        nums = [g for g in m.groups() if g and g.isdigit() and len(g) == 4]
        if kind == "span" and _cited_plan(text, m.start(), m.end()):
            continue
        if kind == "span":
            n = m.group(m.re.groupindex["span"] + 1) or m.group(m.re.groupindex["span"] + 2)
            length = int(n) if n.isdigit() else parse_chinese_integer(n)
            out.append(YearToken("span", length, m.start(), m.end()))
        elif kind == "range":
            out.append(YearToken("range", int(nums[1]), m.start(), m.end(), int(nums[0])))
        else:
            out.append(YearToken(kind, int(nums[0]), m.start(), m.end()))
    return sorted(out, key=lambda t: t.start)


_CITED_BEFORE = re.compile(r"(?:结合|根据|按照|依据|对照)[^,,。;:、“”《》\d]{0,8}$")
_PLAN_AFTER = re.compile(r"[^,,。;\d]{0,8}?(?:计划|规划|方案)")


def _cited_plan(text: str, start: int, end: int) -> bool:
    """A span that names a plan the text follows ("结合我县五年脱贫攻坚行动计划"): a plan made before, whose years are
    not counted from the document's year.

    >>> _cited_plan("结合我县五年脱贫攻坚行动计划和要求", 4, 6)
    True
    """
    return bool(_CITED_BEFORE.search(text[max(0, start - 12) : start])) and bool(_PLAN_AFTER.match(text, end))


def _relative_tokens(text: str, doc_year: int) -> list[YearToken]:
    out = []
    for m in _RELATIVE_RE.finditer(text):
        if m.group("this"):
            if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in "年一二两三四五六七八九十"):
                continue  # "2018年底" is an absolute deadline, read by _TOKEN_RE; "三年内" a span
            if m.group("this") in ("全年", "年内") and _YEAR_BEFORE.search(text[: m.start()]):
                continue  # "2017年,甘肃省全年减贫67万人": the whole of the year just named
            by_then = text[max(0, m.start() - 1) : m.start()] in ("到", "至", "于", "在")  # "到今年6月,…将…"
            if m.group("this") == "今年" and _DAY_OF_YEAR.match(text, m.end()) and not by_then:
                continue  # "今年7月,贵州省印发《…方案》": the day something was done, as "2018年7月" is, no period
            out.append(YearToken(_point_or_from(text, m), doc_year, m.start(), m.end()))
        elif m.group("both"):  # "今明两年,大力推进…": this year and the next
            out.append(YearToken("range", doc_year + 1, m.start(), m.end(), doc_year))
        elif m.group("next"):
            by_then = _BY_THEN.match(text, m.end()) or text[max(0, m.start() - 1) : m.start()] in ("到", "至")
            kind = "deadline" if by_then else _point_or_from(text, m)  # "到明年底", "在明年6月底前": by then
            out.append(YearToken(kind, doc_year + 1, m.start(), m.end()))
        elif m.group("last"):
            out.append(YearToken("point", doc_year - 1, m.start(), m.end()))
        elif m.group("ahead"):  # the rest of the five-year plan the document's year falls in
            era_end = next((first + 4 for first in FIVE_YEAR_PLANS.values() if first <= doc_year <= first + 4), None)
            if era_end is not None:
                out.append(YearToken("range", era_end, m.start(), m.end(), doc_year))
        elif m.group("past"):  # "过去五年", "近三年来", "五年来": the years before the document's
            n = m.group("pastn") or m.group("sincen")
            n = int(n) if n.isdigit() else parse_chinese_integer(n)
            base = _YEAR_END_BEFORE.search(text[max(0, m.start() - 40) : m.start()]) if m.group("sincen") else None
            if base:  # "2013年底全乡有贫困户1024户,四年来累计减贫282户": the years after that year end
                first = int(base.group(1)) + 1
                out.append(YearToken("range", first + n - 1, m.start(), m.end(), first))
            else:
                out.append(YearToken("range", doc_year - 1, m.start(), m.end(), doc_year - n))
        elif m.group("fyp"):
            first = FIVE_YEAR_PLANS[m.group("fyp")]
            tail = m.group("eratail")
            if tail in ("期间", "时期", "规划期"):
                out.append(YearToken("range", first + 4, m.start(), m.end(), first))
            elif tail in ("末", "期末"):
                out.append(YearToken("deadline", first + 4, m.start(), m.end()))
            elif tail:  # "“十三五”前两年,山东将投资5.4亿元": the era's first two years (后两年: its last two)
                n = int(tail[1]) if tail[1].isdigit() else parse_chinese_integer(tail[1])
                start = first if tail[0] == "前" else first + 5 - n
                out.append(YearToken("range", start + n - 1, m.start(), m.end(), start))
            elif _ERA_PLAN.match(text, m.end()):  # "“十三五”贵州将完成142万人的搬迁任务": the era's plan
                out.append(YearToken("range", first + 4, m.start(), m.end(), first, era=True))
    return out


def _point_or_from(text: str, m: re.Match) -> str:
    """ "今年起每年…", "明年开始": a schedule from that year on, as "从2016年起" is."""
    return "from" if re.match(r"(?:起|开始)(?![,,]?\d)", text[m.end() :]) else "point"


_DAY_OF_YEAR = re.compile(r"\d{1,2}月(?:\d{1,2}日)?(?![底末前以之上中下\d]|\s*[至到~—\-])")
_BY_THEN = re.compile(r"(?:\d{1,2}月)?(?:底|末)?(?:前|以前|之前)")  # "在明年6月底前全面解决…": by then
_ERA_PLAN = re.compile(r"(?![规期时末])[^,,。;;:\d“”\"《》]{0,8}?(?:将|要(?!求)|计划|力争|确保)")
_YEAR_BEFORE = re.compile(r"(?:19|20)\d{2}年[^。;\d]{0,12}$")


def _group_kind(m: re.Match) -> str:
    for name in ("range", "from", "since", "deadline", "months", "point", "span"):
        if m.group(name):
            return name
    raise ValueError(m.group(0))


@dataclass(frozen=True)
class PlanYears:
    """The document's year (publication, else the title's or earliest year) and the plan's last target year."""

    doc_year: int
    plan_end: int
    first: int | None = None  # the plan's first year when it is not the document's ("十三五" plan of late 2015)
    # every deadline the text names, the plan's end among them
    ends: tuple[int, ...] = field(default=(), repr=False, compare=False)
    era: int | None = field(default=None, repr=False, compare=False)  # the first year of the five-year plan it names

    def schedule_end(self, first: int) -> int:
        """Where a per-year schedule from ``first`` stops: the first deadline after it ("从2015年开始,每年完成…14万户"
        beside "到2017年…42万户" and "到2019年…63万户" runs to 2017), else the plan's end."""
        return min((end for end in self.ends if end > first), default=self.plan_end)

    @property
    def start(self) -> int:
        return self.first or self.doc_year


def plan_years(text: str, published_on: str | None, title: str) -> PlanYears:
    """Plan years of a document.

    >>> plan_years("到2020年完成600个", "2014-05-15", "")
    PlanYears(doc_year=2014, plan_end=2020, first=None)
    """
    tokens = year_tokens(text)
    if published_on:
        doc_year = int(published_on[:4])
        handed = _HANDED_DOWN.search(text[:_HANDED_DOWN_WITHIN])
        if handed and int(handed.group(1)) == doc_year - 1:  # "现将2018年…资金分配下达情况公示如下" of 2019-01
            doc_year -= 1
    else:
        deadlines = {t.year for t in tokens if t.kind == "deadline"}
        # "2020年全面完成…" over a body that says "到2020年": the plan's deadline, not the text's year
        title = "" if len(title) > 60 else title  # a first line of body text, not a title
        title_years = [t.year for t in year_tokens(title) if t.kind == "point" and t.year not in deadlines]
        reported, neutral, planned = _reported_and_planned(text, tokens)
        any_years = sorted(int(y) for y in _ANY_YEAR.findall(text))
        # a text is written in (or after) the last year it reports, and before the years it plans for
        named = [max(reported + neutral)] if reported else sorted(neutral + planned)
        multi_year = any(t.kind in ("deadline", "range", "span", "from") for t in tokens)
        if "明年" not in text and not multi_year:  # "2015年完成…" and "2016年,贵州将…计划减少贫困人口100万人"
            for y in sorted(set(reported + neutral)):
                if re.search(rf"(?<!\d){y + 1}年[,,]*[^。;\d]{{0,12}}(?:将|计划|力争|确保)", text):
                    named = [y + 1]  # the plan of the year after the one reported
            told_only = neutral and not (reported or planned) and _told_only(text, max(neutral))
            if told_only and _THIS_YEARS_PLAN.search(text):
                named = [max(neutral) + 1]  # "今年将新增…50亿元" beside "2017年新增…58亿元": last year's total
        firsts = [t.first for t in tokens if t.kind == "range" and t.first]
        if planned and not (reported or neutral or title_years) and firsts:
            named = [min([*firsts, *named])]  # "2018年~2020年,每年选出100个村…到2020年": a plan from its first year
        doc_year = (title_years or named or any_years or _anniversary_years(text) or [0])[0]
        if not doc_year:  # a text that names no year at all (a page that lost its digits): the year it names in words
            doc_year = next((year for pattern, year in YEARS_IN_WORDS if re.search(pattern, text)), 0)
        planned_eras = [
            FIVE_YEAR_PLANS[m.group(1)]
            for m in re.finditer(
                r"(十[一二三四]五)[”\"]?[ \u3000]?(?:期间|时期)[^。;]{0,30}(?:将|要|确保|力争|计划|规划)", text
            )
        ]
        if planned_eras:  # "“十一五”期间,新疆将…": a plan for that era, written at its start
            doc_year = max(planned_eras)
        goals = [int(y) for y in _YEAR_GOAL.findall(text)]
        if goals and max(reported + neutral, default=0) < min(goals):
            doc_year = max(doc_year, min(goals))  # "2016年,广西完成…。2017年目标是110万贫困人口脱贫": the goal's year
        eras = list(re.finditer(r"(十[一二三四]五)[”\"]?[ \u3000]?(?:期间|时期)([^。;]*)", text))
        latest = max((FIVE_YEAR_PLANS[m.group(1)] for m in eras), default=0)
        done_eras = [
            FIVE_YEAR_PLANS[m.group(1)] + 5
            for m in eras
            if FIVE_YEAR_PLANS[m.group(1)] < latest and _PAST_CUE.search(m.group(2)) and not _INTENT.search(m.group(2))
        ]
        if done_eras:  # "“十二五”期间,内蒙古实现减贫178万人,…下降到了5.85%" before "十三五": told after that era
            doc_year = max(doc_year, *done_eras)
        yearbook = re.search(r"年鉴\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*年?年鉴", text)
        if yearbook and not title_years:  # "昆明年鉴2018": published in 2018, on the year before
            doc_year = int(yearbook.group(1) or yearbook.group(2))
        named_plans = [int(m.group(1)) for m in _NAMED_PLAN.finditer(text)]
        if named_plans and not title_years:  # "印发《…脱贫规划(2016-2020)》": written in its first year, or later
            doc_year = max(doc_year, min(named_plans)) if reported else min(named_plans)
        if _RELATIVE_WORD.search(text) and not (title_years or planned_eras or reported or neutral) and planned:
            doc_year = min(planned) - 1  # "今年" and only years planned for ("确保到2017年…"): written before the first
            months = [int(y) for y in _MONTH_OF_YEAR.findall(text) if int(y) < min(planned)]
            if months:  # "“夏秋攻势”行动从2018年7月至12月…": a month of a year is this year's, when nothing else is
                doc_year = max(months)
        ahead = [int(m.group(2)) - _count(m.group(1)) + 1 for m in _YEARS_AHEAD_TO.finditer(text)]
        if ahead and not (title_years or planned_eras or reported or neutral):
            doc_year = min(ahead)  # "明确未来三年扶贫协作任务书,助力…到2020年如期实现脱贫目标": written in 2018
        annual = [int(m.group(1)) for m in _ANNUAL_PLAN.finditer(text)]
        annual += [int(y) for y in _ANNUAL_PLAN_ISSUED.findall(text)]
        if annual and not title_years:  # "《…振兴发展2017年工作要点》近日出台": a year's plan, issued in that year
            doc_year = min(annual)
        # a text comes after the years it reports as done ("截至2016年底", "减少到2019年底的19.9万人")
        untitled = re.sub(r"《[^》]{0,60}》", "", text)  # "《2018年春各学段“回头看”项目》" names a project
        past = [int(y) + 1 for groups in _PAST_YEAR.findall(untitled) for y in groups if y]
        past += [int(y) for y in _AS_OF_MONTH.findall(text)]
        past += [int(y) for y in _DOC_NUMBER.findall(text)]  # "湘政函[2018]76号": issued in that year, cited later
        doc_year = max([doc_year, *past, *(year for pattern, year in YEAR_AT_LEAST if re.search(pattern, text))])
        named_fyp = [FIVE_YEAR_PLANS[m] for m in re.findall(r"十[一二三四]五", text)]
        if not doc_year and named_fyp:  # no year but an era ("“十三五”时期,全省…"): the era's first year
            doc_year = latest or max(named_fyp)
    tokens = year_tokens(text, doc_year) if doc_year else tokens
    ends = [t.year for t in tokens if t.kind in ("deadline", "range") and t.year >= doc_year and not t.era]
    era = _own_era(text, doc_year)
    if doc_year:  # "三年振兴" in a text of no known year is no plan ending in year 3
        ends += [_span_years(t.year, doc_year, era)[1] for t in tokens if t.kind == "span"]
    if not ends:
        ends = [t.year for t in tokens if t.kind == "point" and t.year >= doc_year] or [doc_year]
    first = None
    for fyp, era_first in FIVE_YEAR_PLANS.items():
        if era_first == doc_year + 1 and fyp in text:
            first = era_first
    if any(int(m.group(1)) == doc_year + 1 for m in _NAMED_PLAN.finditer(text)):
        first = doc_year + 1  # a plan for (2016-2020) issued late in 2015
    return PlanYears(doc_year, max(ends), first, tuple(sorted(set(ends))), era)


def _own_era(text: str, doc_year: int) -> int | None:
    """The first year of the five-year plan ("十三五") a text names that its year falls in, or that starts the year
    after it."""
    eras = [first for fyp, first in FIVE_YEAR_PLANS.items() if fyp in text and first - 1 <= doc_year <= first + 4]
    return max(eras, default=None)


def _span_years(length: int, start: int, era: int | None) -> tuple[int, int]:
    """The years of a span said from the document's year: "5年内" in a text on a "十三五" plan is that plan's five
    years ("“十三五”期间,…5年内完成200个乡村旅游扶贫重点村的规划编制", 2017: 2016-2020)."""
    if length == 5 and era is not None:
        return era, era + 4
    return start, start + length - 1


def _count(n: str) -> int:
    return int(n) if n.isdigit() else parse_chinese_integer(n)


def _told_only(text: str, year: int) -> bool:
    """Every sentence naming the year tells without a word of intent ("2017年宁夏新增扶贫小额信贷58亿元")."""
    # a clause of the years since it is none: "从桂林市2017年以来脱贫攻坚主要目标任务落实情况通报会上获悉"
    since = re.compile(rf"[^,,。;\n]*{year}年以来[^,,。;\n]*")
    said = [s for s in re.split(r"[。;\n]", since.sub("", text)) if f"{year}年" in s]
    return bool(said) and not any(_INTENT.search(s) for s in said)


_THIS_YEARS_PLAN = re.compile(r"今年[,,]?[^。;\d]{0,8}?(?:将|要|计划|力争|确保|预计)")
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|(?=\s*[-—–~至到]\s*(?:19|20)\d{2}年))")  # "2023-2025年": both
_FOUNDED = {"新中国成立": 1949, "中华人民共和国成立": 1949, "建党": 1921, "中国共产党成立": 1921, "改革开放": 1978}
_ANNIVERSARY = re.compile(r"(" + "|".join(_FOUNDED) + r")(\d{2,3})周年")


def _anniversary_years(text: str) -> list[int]:
    """Years a text names only by an anniversary ("是新中国成立70周年" -> 2019), for a text with no year left.

    >>> _anniversary_years("今年是新中国成立70周年")
    [2019]
    """
    return [_FOUNDED[m.group(1)] + int(m.group(2)) for m in _ANNIVERSARY.finditer(text)]


# "现将2018年林业发展补助资金(统筹整合部分)分配下达情况公示如下" (signed 2019-01-16): a notice on how the funds of
# the year just ended were handed down is of that year (one signed late in the year before its year is left alone)
_HANDED_DOWN = re.compile(r"现将((?:19|20)\d{2})年[^。;]{0,40}?(?:分配|下达|安排)")
_HANDED_DOWN_WITHIN = 600  # characters: the notice's opening sentence
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,6}[\[〔【]((?:19|20)\d{2})[\]〕】]\s*\d{1,4}\s*号")
_NAMED_PLAN = re.compile(r"《[^》]{2,40}[((]((?:19|20)\d{2})\s*[-—–~至]\s*(?:19|20)\d{2}年?[))]")
# "即将批复2014年年度实施计划": a year's plan about to be (or just) approved, in that year
_ANNUAL_PLAN_ISSUED = re.compile(
    r"(?:批复|印发|下达|出台|制定)[^,;。\d]{0,6}?((?:19|20)\d{2})年年?度(?:实施|工作|项目)?计划(?!》)"
)
_YEARS_AHEAD_TO = re.compile(r"(?:今后|未来)([两三四五2-5])年[^。;]{0,40}?(?:到|至)((?:19|20)\d{2})年")
_ANNUAL_PLAN = re.compile(
    r"《[^》]{0,40}?((?:19|20)\d{2})年(?:度)?[^》\d]{0,12}(?:工作要点|工作计划|工作安排|要点|行动计划|实施计划)》"
)
_MONTH_OF_YEAR = re.compile(r"(?<![到至])((?:19|20)\d{2})年\d{1,2}月")
# Years a text names by what they are ("决战脱贫攻坚的收官之年" is 2020), for a text that names no year in digits.
# words that did not exist before a year: an undated text using them was written that year or later
# "疫情防控", "疫情期间", "克服疫情影响" beside poverty work: the epidemic of 2020 (not 非洲猪瘟疫情)
EPIDEMIC = r"(?<!猪瘟)(?<!禽流感)疫情(?:防控|期间|影响)|(?:受|克服|战胜|抗击)(?:新冠肺炎)?疫情"
YEAR_AT_LEAST = [(r"挂牌督战|新冠肺炎|新冠疫情|" + EPIDEMIC, 2020)]
YEARS_IN_WORDS = [
    (r"(?:决战脱贫攻坚|十三五)[^。]{0,12}收官之年|新冠肺炎|" + EPIDEMIC, 2020),
    (r"(?:全面|彻底)消除绝对贫困", 2020),  # "…脱贫出列,全面消除绝对贫困": the goal of 2020
    (r"十四五[^。]{0,12}开局之年", 2021),
    (r"十三五[^。]{0,12}开局之年", 2016),
    (r"十二五[^。]{0,12}收官之年", 2015),
]
_RELATIVE_WORD = re.compile(r"今年|明年|(?<![\d年一二两三四五六七八九十])(?:年内|年底)")
_YEAR_GOAL = re.compile(r"((?:19|20)\d{2})年(?:的|度)?(?:脱贫|减贫)?目标(?:任务)?(?:是|为)")
_HISTORY = re.compile(r"当时|上世纪|那时|彼时")
_REVIEW = re.compile(r"整改|回头看|总结")  # work on a past year: "要抓好2016年易地扶贫搬迁整改工作"
_INTENT = re.compile(r"将|要|计划|力争|确保|目标|任务|争取|拟")
_PAST_CUE = re.compile(r"以来|已|取得|过去|累计|同比|共有|先后|(?<![为除到])了(?!解)|减少到|下降到|就实现")


def _reported_and_planned(text: str, tokens: list[YearToken]) -> tuple[list[int], list[int], list[int]]:
    """Years a text tells of as done (a word of the past in their sentence: 累计/了/就实现…), years it names
    without either, and years it plans for (deadlines, and points in a clause of 将/计划/目标…).

    >>> text = "2016年,四川就实现107.8万贫困人口脱贫。2017年将实现105万人脱贫"
    >>> _reported_and_planned(text, year_tokens(text))
    ([2016], [], [2017])
    """
    reported, neutral, planned = [], [], []
    for t in tokens:
        if t.kind not in ("point", "deadline"):
            continue
        a = max(text.rfind(ch, 0, t.start) for ch in ",,;;。\n") + 1
        b = min([i for i in (text.find(ch, t.end) for ch in ",,;;。\n") if i >= 0] or [len(text)])
        s_end = min([i for i in (text.find(ch, t.end) for ch in ";;。\n") if i >= 0] or [len(text)])
        if _HISTORY.search(text[a:s_end]):
            continue  # "1985年,闽东地区农民人均纯收入仅329.65元,…约占当时全区农村人口的1/3": history, long before
        if t.kind == "deadline" or _INTENT.search(text[a:b]) and not _REVIEW.search(text[t.end : b]):
            planned.append(t.year)
        elif _PAST_CUE.search(text[a:s_end]):
            reported.append(t.year)
        else:
            neutral.append(t.year)
    return reported, neutral, planned


def span_start(tokens: list[YearToken], span: YearToken) -> int | None:
    """The first year of a span ("用3年时间") that an earlier year of its sentence opens: "2016年起启动…,计划用3年时间"
    and "计划从2012年至2020年,用9年时间" count from 2016 and 2012, whenever the text was written.

    >>> tokens = year_tokens("2016年起启动新一轮易地扶贫搬迁,计划用3年时间搬迁3.8万户")
    >>> span_start(tokens, tokens[-1])
    2016
    >>> tokens = year_tokens("2011年至2015年累计脱贫30万人,今后三年将再脱贫20万人")
    >>> span_start(tokens, tokens[-1]) is None
    True
    """
    opened = [t for t in tokens if t.kind in ("point", "from", "range") and t.end <= span.start]
    if not opened:
        return None
    last = opened[-1]
    if last.kind == "range":  # only a range as long as the span says it ("2011年至2015年…,今后三年" is after it)
        return last.first if last.first is not None and last.year - last.first + 1 == span.year else None
    return last.year


_STRETCH_YEAR = re.compile(
    r"力争(?:在|到|于)?((?:19|20)\d{2})年(?:底|末)?(?:前)?[、,,]?确保(?:在|到|于)?((?:19|20)\d{2})年"
)


def stretch_year(before: str, year: int) -> int | None:
    """The earlier year a 力争 sets beside the 确保 year that dates a figure: a stretch of the same figure.

    >>> stretch_year("力争到2019年、确保2020年,片区内低收入人口人均年收入达到", 2020)
    2019
    """
    found = [m for m in _STRETCH_YEAR.finditer(before) if int(m.group(2)) == year and int(m.group(1)) < year]
    return int(found[-1].group(1)) if found else None


_COMPARED = re.compile(r"(?:比|较|比起|相比)$")


def compared_with(sentence: str, token: YearToken) -> bool:
    """The year a change is measured against ("比上年增长8.8%", "较2015年增加"), which dates no figure.

    >>> s = "下达2019年补助资金9.75亿元,比上年增长8.8%"
    >>> [compared_with(s, t) for t in year_tokens(s, 2018)]
    [False, True]
    """
    return bool(_COMPARED.search(sentence[max(0, token.start - 2) : token.start]))


def base_of_work(sentence: str, token: YearToken) -> bool:
    """The year whose results the work builds on ("今年将在去年扶贫成效的基础上确保6563人实现脱贫"), which dates no
    figure.

    >>> s = "该区今年将在去年扶贫成效的基础上确保6563人实现脱贫"
    >>> [base_of_work(s, t) for t in year_tokens(s, 2018)]
    [False, True]
    """
    after_in = sentence[max(0, token.start - 1) : token.start] == "在"
    return after_in and _BASE_AFTER.match(sentence, token.end) is not None


_BASE_AFTER = re.compile(r"[^,;。\d]{0,16}?的?基础上")


_CITED_ERA_PLAN = re.compile(r"(?:根据|按照|依据)《[^》]{0,30}?[“\"]?(十[一二三四]五)[”\"]?[^》]{0,12}规划》")


def cited_era_plan(sentence_before: str) -> YearToken | None:
    """The years of a five-year plan the sentence says it follows, for a figure the sentence says is the plan's, with
    no year of its own: "根据《云南省兴边富民工程“十二五”规划》,…规划共安排总投资809.2亿元" is the plan's total for
    2011-2015 (but "按照《…“十三五”规划》要求,…将获中央预算内投资2.74亿元" is this year's).

    >>> cited_era_plan("根据《云南省兴边富民工程“十二五”规划》,…规划共安排总投资")
    YearToken(kind='range', year=2015, start=0, end=20, first=2011, era=False)
    """
    m = _CITED_ERA_PLAN.search(sentence_before)
    if m is None or "规划" not in sentence_before[m.end() :]:
        return None
    first = FIVE_YEAR_PLANS[m.group(1)]
    return YearToken("range", first + 4, m.start(), m.end(), first)


def governing_token(tokens: list[YearToken], pos: int) -> YearToken | None:
    """The last year token before pos (tokens from the same sentence)."""
    before = [t for t in tokens if t.end <= pos]
    return before[-1] if before else None


def later_year(tokens: list[YearToken], pos: int) -> YearToken | None:
    """A year (a deadline or a point) after pos in a sentence that names none before it, which dates the sentence
    over a year inherited from the paragraph: "预计扶持贫困人口5548户、18809人,到2017年末实现所扶持贫困人口全部脱贫"
    (after "2014年,科尔沁区…") is to be reached by 2017."""
    if any(t.end <= pos for t in tokens):
        return None
    return next((t for t in tokens if t.start >= pos and t.kind in ("deadline", "point")), None)


def period(
    token: YearToken | None, flow: bool, plan: PlanYears, yearly: bool = False, rate: bool = False
) -> list[tuple[int, int]]:
    """Periods for one figure, given its governing year token, whether the indicator is a flow and whether the
    figure is a percentage (a growth rate counts as a flow, but "到2020年…年均增长10%" is one figure).

    >>> period(YearToken("deadline", 2020, 0, 0), True, PlanYears(2014, 2020))
    [(2014, 2020)]
    >>> period(YearToken("deadline", 2017, 0, 0), False, PlanYears(2015, 2017))
    [(2017, 2017)]
    >>> period(YearToken("from", 2016, 0, 0), True, PlanYears(2016, 2018), yearly=True)
    [(2016, 2016), (2017, 2017), (2018, 2018)]
    """
    start = plan.doc_year
    if token is None:
        if yearly and flow:  # "每年减少农村贫困人口100万人": one figure per year of the plan
            return [(y, y) for y in range(plan.start, plan.plan_end + 1)]
        if yearly:  # a rate to keep every year ("每年…占财政总支出的70%以上"): from the plan's start
            return [(start, start)]
        return [(start, plan.plan_end)] if flow else [(plan.plan_end, plan.plan_end)]
    if token.kind == "point":
        if yearly and flow and plan.plan_end > token.year >= start:  # "2014年,…计划每年投入1500万元" to 2017
            return [(y, y) for y in range(token.year, plan.schedule_end(token.year) + 1)]
        return [(token.year, token.year)]
    if token.kind == "since":
        end = max(token.year, start - 1)
        return [(token.year, end)] if flow else [(end, end)]
    if token.kind == "range":
        if yearly and not rate:  # but "2018至2020年,…交易额年均增长30%" is one figure for the range
            return [(y, y) for y in range(token.first, token.year + 1)]
        return [(token.first, token.year)] if flow else [(token.year, token.year)]
    if token.kind == "from":
        if yearly:
            return [(y, y) for y in range(token.year, max(token.year, plan.schedule_end(token.year)) + 1)]
        return [(token.year, plan.plan_end)] if flow else [(plan.plan_end, plan.plan_end)]
    if token.kind == "span" and not start:  # "三年行动计划" in a text of no known year: no years to count from
        return period(None, flow, plan, yearly, rate)
    if token.kind == "span":
        start, end = _span_years(token.year, start, plan.era)
        if yearly and flow:  # "三年内…每年安排…不少于50亿元": one figure per year of the span
            return [(y, y) for y in range(start, end + 1)]
        return [(start, end)] if flow else [(end, end)]
    if flow and token.year >= start:
        # "计划到2020年之前帮助叙永县每年融资帮扶金额达到1000万元": one figure per year to the deadline
        if yearly and not rate:
            return [(y, y) for y in range(start, token.year + 1)]
        return [(start, token.year)]
    return [(token.year, token.year)]


def era_start(text: str) -> int | None:
    """First year of a named era a past result is counted from: "党的十八大以来" -> 2013."""
    for marker, year in ERA_STARTS.items():
        if marker in text:
            return year
    return None
