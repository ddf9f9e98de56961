"""Target, past result or baseline; comparators; numbers that are not figures of the plan.

Kinds:

* **baseline** — a stock "now": 目前/现有/还有/尚有/仍有 earlier in the sentence (unless 将/确保… or the work left
  follows the number: "现有80万贫困人口将全部脱贫", "仍有6.4万人需要搬迁" are targets), or a stock stated without
  any word of intent.
* **actual** — a result already reached: its year (or range) ends before the document year
  ("2014年,全市脱贫20.76万人" in a 2015 text; a schedule's years are judged by the schedule's end), or the
  clause says 已经/已/…了/累计完成/同比/从X增加到Y, or the sentence says 以来/取得/过去/截至… and the clause has
  no word of intent (计划/力争/确保/要/将/目标/任务/今年/今后/到YYYY年…). In a news report a number with no word
  of intent in its sentence or paragraph is a result too. A rate or stock in such a sentence is a baseline.
  Undated running totals end at the document's year when its date is known, else the year before; a named
  era starts them ("党的十八大以来" counts from the end of 2011: 2012).
* **target** — everything else, including a plan's target for a year now past (计划2018年脱贫摘帽). Funds
  "下达/安排" for the plan year are targets (the year's budget).

Not figures at all (``not_figures``): per-unit norms (每个贫困村至少…, except money floors per village), the places
an action is aimed at (向/在/涉及 N个…), a number naming the group the next one is counted in (10个县的4.21万户),
criteria (50户以下、…的自然村; 退出标准: 贫困发生率降至2%以下), the old value of a revision (由X调整为Y), progress
(完成计划的62.8%, 其中建成41个). A paragraph that measures work against its plan (完成年度目标任务的156%, 开工率…)
reports results; amounts that qualify what they describe (收入超100万元的示范村), a project's expected gain (可以为
贫困村带来收入六万元), shares done by a month's end, counts a subject is one of (之一) or of places involved
(涉及…12个县区), and a region's share of a larger whole (占全省的11%) are no targets either. The rules for the places
an action is aimed at are in ``scopes``, those for progress in ``progress_measures``.

Comparators: 以上/不少于/不低于/至少 ">="; 超过/高于/多于 ">"; 低于/少于/不足 "<"; 以内/不超过/不高于/控制在
"<="; 以下 "<=" (以下, like 以上, includes the number: 民法典 第一千二百五十九条), also after 下降到;
左右/近/约 "~"; otherwise "=". A range ("1—2项") is recorded as its lower bound with ">=".

Example::

    >>> comparator("到2017年全市农村贫困面下降到8%以下", 16, 18)
    '<='
"""

from __future__ import annotations

import re

BASELINE_MARKERS = re.compile(
    r"目前|(?<!在)现有|还有|尚有|仍有|曾有|(?<![从到])现在(?![到至起开])"
    r"|(?:全|我|本)[省市区县州旗盟]共?有(?![效序力关机望所的些])"  # "全区有建档立卡贫困人口25万户": a stock stated
)
# a count of those not yet out: "还有29个贫困县未摘帽、77.55万贫困人口未脱贫" (what remains, a stock)
NOT_YET_OUT = re.compile(r"[^,;。\d将要]{0,10}?(?:未|没有)(?:摘帽|脱贫|出列|退出|销号)(?=[、,;。)]|$)")
CLAUSE_PAST = re.compile(
    r"已经|已完成|已实现|已累计|累计实现|累计完成|完成了|实现了|同比|比增|比上年增长"
    r"|[从由][^,。;]{0,30}(?:增加|增长|提高|下降|减少|降|上升)(?:到|为|至)"  # "从3967元增加到8250元": a change reported
    r"|成功(?:申请|争取|举办|引进|签约|创建|实施)|首次(?:突破|超过|达到)|顺利(?:摘帽|退出|出列|通过|完成)|^继(?!续)"
    r"|(?<![比较与])(?:去年|上年|前年)(?!同期|底|末)"
    # "扶贫项目完成投资2902万元", "签约46个招商项目": work done, deals made
    r"|(?<!围绕)完成投资|(?<!医生)签约(?!履约|服务|率)"
)
SENTENCE_PAST = re.compile(
    r"\d{1,2}\s*[-—~至到]\s*\d{1,2}月(?!底|末|前)|前[一二三]季度|共(?:减|实现|完成|帮助|投入|整合|选派|培训|发放|建成|落实|转移)|至此|又有|以来|已经|已由|已有|取得|过去|累计|同比|截至|截止|共有|先后|完成了|实现了|下降了|减少了"
    r"|据统计|统计显示|数据显示|位列|位居|排名|排全[国省市区]|居全[国省市区]"  # a report of figures counted and ranked
    r"|签下"  # "再签下26个扶贫合作项目,总投资额达242亿元": agreements signed
    r"|首次(?:突破|超过|达到)|(?:传出|传来)了?(?:好消息|喜讯)"  # "…首次突破2000亿元关口,达到2264亿元": a record
    r"|已(?:减|降|下降|减少|增加|增长|提高|提升|突破|超过)[到至为]?\d"  # "…已减至18.86万人,贫困发生率降至2.45%"
    r"|经过[^,;。]{0,16}努力"  # "经过全县上下共同努力,今年,晴隆净减少农村贫困人口6000人": a result of work done
    r"|经[^,;。]{0,20}(?:批准|批复)[,,]"  # "经广西壮族自治区批准,…马山县…退出贫困县序列": an exit granted
)
# 要 "must", not 重要/主要/需要/首要/只要/必要/摘要/纲要/概要, 要求/要闻/要素
MUST = r"(?<![主重需首只必摘纲概])要(?![求闻素])"
# 任务 "task", not a heavy task ("扶贫任务较重的非贫困村", "任务最重的省份", "扶贫开发任务仍然十分艰巨"): a description
TASK = r"任务(?!较?重|最重|[^,;。\d]{0,6}(?:艰巨|繁重))"
# Words of intent: a number they govern is a target even in a report of past results.
FUTURE_CUES = re.compile(
    r"计划|力争|确保|将|"
    + MUST
    + r"|拟|争取|预计|目标|"
    + TASK
    + r"|努力(?![,下])|今后|未来|(?:到|(?<!截)至)(?:19|20)\d{2}年|(?:19|20)\d{2}年前"
    r"|(?<!不)可(?:带动|为|实现|达到?|解决|覆盖|帮助|使|让|吸纳|提供|惠及|辐射)"  # "可带动全省近5万人脱贫": expected
    r"|今年(?!上半年|以来|前|共|[1-9一二三四])|明年|年内|年底前|全年(?!完成|实现|共)"
    r"|(?<![\d至到-])\d{1,2}月(?:底|末|中旬|上旬|下旬)?前(?![已,])"  # "10月底前建成县级电商服务中心和23个…站点"
)
# 建立了/住上了/已经/已: done; but not "已登记在册的240户" (which set of people, not what was done)
DONE = re.compile(
    r"(?<![为除到])了(?!解)|已经|(?<![确保])已(?!脱贫|(?:登记|建档|识别|认定|纳入|列入|确定)[^,;。\d]{0,6}的)"
)
# 已 in the number's own clause before it, with no date or intent of its own
ALREADY_BEFORE = re.compile(
    r"^(?!.*(?:\d{4}年|年底|年内|今年|明年|将|确保|力争|计划)).*(?<![确保])已(?:有|经|完成|实现|建成|累计)"
)
# a task reported done: its 任务/目标 are what was done, no word of intent ("要顺利完成…任务" keeps its 要)
FINISHED_TASK = re.compile(r"(?:顺利|圆满|超额)完成[^,;。]*?(?:任务|目标)")
DONE_LE = re.compile(r"(?<![为除到])了(?!解)")
WORK_DONE = re.compile(r"完成|开工|竣工|实现|已|了")
PLANNED_FOR = re.compile(
    r"计划\d{4}年|\d{4}年(?:度)?计划(?:摘帽|脱贫|退出|出列)|”的?(?:年度)?[^,;。“”]{0,4}(?:目标|计划)"
    r"|^[^,;。\d]{0,6}\d+个计划(?:摘帽|退出|出列)的?(?:贫困)?[县村]"  # "12个计划退出县也有望顺利实现摘帽"
)  # a plan's target, even when reported later ("围绕“3个贫困县摘帽…”的年度减贫目标")
# a sentence led by a plan: "根据项目建设规划,计划硬化村组道路13条37.2公里,新建…", "规划总投资3058万元,其中…"
PLAN_LEAD = re.compile(r"(?:^|[,;:。]|年|月)计划(?!单列|生育|的|内|外|[,;。])|(?:规划|计划)总投资")
PLAN_LEAD_ENDS = re.compile(r"实际|全年|累计|已|(?<![为除到])了(?!解)|率|截[至止]|^[^,;。\d]{0,8}的")


def plan_leads(sentence_before: str) -> bool:
    """A plan's figures for a year now past, the plan named before the number and no result told after it.

    >>> plan_leads("根据项目建设规划,计划硬化村组道路13条37.2公里,新建村组道路")
    True
    >>> plan_leads("2015年计划减贫10万人,实际减贫"), plan_leads("2017年计划搬迁的")
    (False, False)
    """
    leads = list(PLAN_LEAD.finditer(sentence_before))
    return bool(leads) and PLAN_LEAD_ENDS.search(sentence_before[leads[-1].end() :]) is None


PLAN_SETS_OUT = re.compile(r"^(?:本|该|此)?(?:规划|方案|计划|意见)[^。;]{0,80}(?:明确|确定|提出)了?[^,;。\d]{0,6}$")
PLANNED_BEFORE = re.compile(r"计划(?:搬迁|建设|用地|安排|实施|新建|改造|投入|完成)?[^,;。\d计]{0,4}的?$")
FUTURE_AFTER = re.compile(
    r"将|" + MUST + r"|确保|力争|全部(?:脱贫|摘帽|出列|退出)|实现脱贫"
    r"|需要?(?:搬迁|安置|改造)"  # "仍有6.4万人需要搬迁": the work left (but "还有…贫困人口需要脱贫" is a stock)
)
REACH_TO = re.compile(r"(?:达到?|(?:提高|提升|增加|增长|扩大|扩面)[到至]|突破)$")
TARGET_WORDS = re.compile(
    r"正在(?:进行|开展)?(?:招投标|招标|设计|选址)|即将(?:开工|实施|建设|启动)|"  # works not yet begun
    r"计划|力争|确保|"
    + MUST
    + r"|将|今后|未来|(?:到|(?<!截)至)(?:19|20)\d{2}年|(?:19|20)\d{2}年前|目标|"
    + TASK
    + r"|努力(?![,下])"
    r"|(?<![\d年])年(?:底|内)前?(?:全部)?(?:解决|完成|实现|建成)(?!了)"
)

_AFTER = [("以上", ">="), ("以内", "<="), ("左右", "~"), ("以下", "<=")]
_BEFORE = [
    (r"(?:不少于|不低于|至少)$", ">="),
    (r"(?:不超过|不高于|控制在)$", "<="),
    (r"(?:超过|高于|多于|逾)$", ">"),
    (r"(?:低于|少于|不足)$", "<"),
    (r"(?:近|约|大约|接近)$", "~"),
]


def comparator(sentence: str, q_start: int, q_end: int, is_range: bool = False) -> str:
    """Comparator for the quantity sentence[q_start:q_end]."""
    after = sentence[q_end : q_end + 2]
    before = sentence[max(0, q_start - 8) : q_start]
    for word, comp in _AFTER:
        if after.startswith(word):
            return comp
    for pattern, comp in _BEFORE:
        if re.search(pattern, before):
            return comp
    if re.search(r"\d(?:多|余)", sentence[q_start:q_end]):
        return ">"  # "30多万贫困人口": more than 30万
    return ">=" if is_range else "="


_DONE_GOALS = re.compile(r"(?:全面|超额|圆满|顺利)完成(?:了)?[^,;。]{0,8}?(?:目标)?任务")
# a measure of work done against its plan: "完成年度目标任务的156%", "占目标任务的80%", "完成全年计划6万户的187%",
# "开工率87.3%", "超任务数1286户"
PROGRESS_MEASURE = re.compile(
    r"(?:完成|占|达到?)(?:了)?(?:年度|全年|全年度)?(?:目标)?(?:任务|计划)(?:数)?[^,;。%]{0,10}的\d+(?:\.\d+)?%"
    r"|(?:开工|竣工|动工|入住|完工|投资完成|完成)率(?:为|达到?|已达)?\d+(?:\.\d+)?\s*%"
    r"|超(?:额完成)?(?:年度|全年)?(?:目标)?任务数?\d"
)


def reports_progress(paragraph: str) -> bool:
    """A paragraph that measures work done against its plan ("全市帮扶贫困劳动者就业1.87万人,完成年度目标任务的
    156%"): a progress report, whose numbers are results unless a word of intent governs them.

    >>> reports_progress("实施贫困户剩余劳动力转移培训9959人,完成年度目标任务的356%。建设扶贫驿站111个")
    True
    >>> reports_progress("今年计划完成危房改造10万户,确保入住率达到100%")
    False
    """
    for m in PROGRESS_MEASURE.finditer(paragraph):
        clause = re.split(r"[,;。]", paragraph[: m.start()])[-1]
        if not FUTURE_CUES.search(clause):
            return True
    return False


# a report on how goals are met: "…脱贫攻坚主要目标任务落实情况通报会", "年度计划执行情况"
GOALS_REPORTED = re.compile(r"(?:目标|任务|计划)[^,;。]{0,4}(?:落实|完成|执行|推进|进展)情况")


def _without_progress(sentence: str) -> str:
    return GOALS_REPORTED.sub("", PROGRESS_MEASURE.sub("", _DONE_GOALS.sub("", sentence)))


def states_intent(sentence: str) -> bool:
    """Words of intent in a sentence, not counting a goal reported as met ("全面完成年度目标任务")."""
    return FUTURE_CUES.search(_without_progress(sentence)) is not None


def in_quoted_goal(sentence: str, q_start: int) -> bool:
    """Inside a quoted list of goals: "围绕“1个县脱贫摘帽,67个贫困村退出,7.8万人脱贫”的年度目标".

    >>> in_quoted_goal("围绕“1个县脱贫摘帽,67个贫困村退出”的年度目标", 3)
    True
    """
    opening = sentence.rfind("“", 0, q_start)
    if opening < 0 or "”" in sentence[opening:q_start]:
        return False
    closing = sentence.find("”", q_start)
    return closing >= 0 and PLANNED_FOR.match(sentence, closing) is not None


def _intent_then_past(before: str, sentence_before: str, rest: str) -> bool:
    """A word of intent early in the sentence and no word of the past but 累计: "2019年甘南州力争减少贫困人口1.79万人,
    贫困发生率降至0.67%,退出贫困村97个,累计退出比例达到96%" (a cumulative goal, not a report)."""
    intent = re.search(r"力争|确保|计划|" + MUST + r"|将|争取", sentence_before)
    if intent is None or DONE_LE.search(before):
        return False
    at = len(before) - len(sentence_before) + intent.start()  # the intent's offset in before + rest
    past = list(SENTENCE_PAST.finditer(before + rest))
    # "今年将集中力量…,在重点领域取得决定性突破,完成14.1万贫困人口脱贫": a breakthrough to make, not made
    return all(m.group() == "累计" or m.group() == "取得" and m.start() > at for m in past) and not re.search(
        "累计", sentence_before[: intent.start()]
    )


# not a bare 将/要: "把…作为首要任务", "将…纳入"; a year's 要 is ("即2017年要消除50%的…")
INTENT_STRONG = re.compile(r"力争|确保|计划|争取|目标(?:是|为|:|,即)|(?:19|20)\d{2}年(?:底前?)?要")


def _intent_after_past(sentence_before: str, clause_after: str) -> bool:
    """A word of intent after every word of the past before the number, and none of the past after it: "介绍了…
    实施方案…,并提出了2017年脱贫攻坚总体目标:力争到2017年底,实现全市85个贫困村…" (the goal, not a report)."""
    intents = list(INTENT_STRONG.finditer(sentence_before))
    if not intents:
        return False
    tail = sentence_before[intents[-1].end() :]
    return not any(p.search(t) for p in (SENTENCE_PAST, DONE, CLAUSE_PAST) for t in (tail, clause_after))


def _done_before(before: str) -> bool:
    """A 了 earlier in the sentence with no word of intent after it: "确定了…,制定了…方案,…资金增长35.6%"
    (but not "确定了三年滚动计划:即2018年实现…")."""
    done = list(DONE_LE.finditer(before))
    return bool(done) and not FUTURE_CUES.search(before[done[-1].end() :])


INTENT_OWN = re.compile(
    r"计划|力争|确保|将|" + MUST + r"|争取|目标|到(?:19|20)\d{2}年"
    r"|(?<![\d年])年(?:底|内)前?(?:全部)?(?:解决|完成|实现|建成)(?!了)"  # "目前…就绪,年底解决9个贫困村…的饮水问题"
)


PLANNED_TOTAL = re.compile(r"计划[^,;。\d计]{0,6}的?\d|(?:下达|分配|安排)[^,;。]{0,24}(?:指标|任务)[^,;。\d]{0,4}\d")


def breaks_down_plan(before: str) -> bool:
    """A part listed after 其中 of a planned or allotted total: "省上已下达我市2013年农村危房改造补助资金计划4000户
    …,已全部分解下达相关县区,其中:永登县2000户(…)、榆中县500户" (each place's share of the plan).

    >>> breaks_down_plan("已下达我市2013年农村危房改造补助资金计划4000户,已全部分解下达相关县区,其中:永登县")
    True
    >>> breaks_down_plan("计划投资5000万元,其中已完成")
    False
    """
    at = before.rfind("其中")
    if at < 0 or PLANNED_TOTAL.search(before[:at]) is None or WORK_DONE.search(before[at:]):
        return False
    return PLACE_ITEM.search(before[at:]) is not None


# a list item that names a place ("其中:永登县2000户", "、七里河区200户(贫困残疾人10户)")
PLACE_ITEM = re.compile(r"(?:^|[:、,])[\u4e00-\u9fff]{1,8}[县区市州旗盟镇乡](?:\d[^、,()]*\([^()]*)?$")


# a verb of deciding the count's projects, or the list a decided total is split into ("确定了…项目59个。其中,…")
DECIDED = re.compile(r"(?:确定|定下|敲定)了?(?:[^,;。\d]{0,20}|[^;。]{0,40}项目\d+个。其中[^;。]*)$")


def projects_decided(before: str, rest: str) -> bool:
    """Projects decided on, even when told as done ("今年江苏已经定下81个重点帮扶项目"): the plan's projects.

    >>> projects_decided("今年已经定下", "81个重点帮扶项目"), projects_decided("今年已经建成", "81个项目")
    (True, False)
    """
    return (
        DECIDED.search(before) is not None
        and re.match(r"[\d.]+个[^,;。\d]{0,10}项目|[\d.]+个", rest) is not None
        and ("项目" in rest[:16] or before.endswith("项目"))
    )


FLOOR_BEFORE = re.compile(r"(?:不少于|不低于|至少)$")


def _floor_required(before: str, clause: str) -> bool:
    """A floor set, not a count reached: "为全县155个村(社区)开发特设公益性岗位不少于300个" (a result is told as a
    number, or "…以上", not as "at least")."""
    return FLOOR_BEFORE.search(before) is not None and not DONE.search(clause)


def kind_of(
    sentence: str,
    clause: str,
    q_start: int,
    stock: bool,
    rate: bool,
    year_end: int | None,
    doc_year: int,
    context: str = "",
    news: bool = False,
    clause_after: str = "",
    intent: bool = False,
    progress: bool = False,
) -> str:
    """'target', 'actual' or 'baseline' for a number at sentence offset q_start inside clause.

    ``context`` is the earlier part of the same sentence (before a semicolon), ``clause_after`` the clause from
    the number on; ``intent`` says the paragraph states goals (an earlier sentence said 将/确保…); ``news``
    makes a report with no word of intent (将/要/确保/力争/计划/目标…) a past result; in a paragraph that measures
    ``progress`` against its plan only the number's own clause can state intent ("拟建设57个安置点,完成评审45个").

    >>> kind_of("全区现有80万贫困人口将全部脱贫", "全区现有80万贫困人口将全部脱贫", 4, False, False, None, 2016,
    ...         clause_after="80万贫困人口将全部脱贫")
    'target'
    """
    before = context + sentence[:q_start]
    if PLAN_SETS_OUT.search(sentence[:q_start]):
        return "target"  # "规划…提出了…主要任务,明确了8项重点工程和56个具体项目": what the plan sets out
    if PLANNED_BEFORE.search(sentence[:q_start]) and (year_end is None or year_end >= doc_year):
        return "target"  # "今年计划搬迁的73666人已全部落实到户": the planned figure, whatever has been done since
    if (breaks_down_plan(before) or projects_decided(before, sentence[q_start:])) and (
        year_end is None or year_end >= doc_year
    ):
        return "target"
    own = clause[: len(clause) - len(clause_after)] if clause.endswith(clause_after) else ""
    if BASELINE_MARKERS.search(before) and not FUTURE_AFTER.search(clause_after) and not INTENT_OWN.search(own):
        return "baseline"  # but "截至目前,…514个…,计划“十三五”期间共命名1000个…": its own clause plans
    if in_quoted_goal(sentence, q_start):
        return "target"  # "紧盯“…12个贫困乡97个贫困村出列…”的年度目标", also in a report of progress
    planned = PLANNED_FOR.search(clause) is not None or plan_leads(sentence[:q_start])
    past = year_end is not None and year_end < doc_year and not planned
    if DONE.search(clause) and not (year_end is not None and year_end > doc_year):
        past = True
    if clause.endswith(clause_after) and ALREADY_BEFORE.search(clause[: len(clause) - len(clause_after)]):
        past = True  # "“十三五”期间,全市规划搬迁2万户,已有1.2万户喜迁新居": the plan's period, a result
    rest = sentence[q_start:]
    if DONE.search(rest) and not FUTURE_CUES.search(context + sentence) and (year_end or 0) <= doc_year:
        past = True  # "危房改造3.09万户(…),现已全部入住": a result told with its outcome
    own_clause = re.sub(rf"到{doc_year}年", "", clause) if year_end == doc_year else clause
    if FINISHED_TASK.search(clause) and (year_end or 0) <= doc_year:
        own_clause = re.sub(r"任务|目标", "", own_clause)  # "顺利完成省核定的454个贫困村退出…年度任务": done
    if not past and (year_end is None or year_end == doc_year) and not FUTURE_CUES.search(own_clause):
        past = bool(
            CLAUSE_PAST.search(clause)
            or (SENTENCE_PAST.search(context + sentence) or DONE_LE.search(context) or _done_before(sentence[:q_start]))
            and not TARGET_WORDS.search(clause)
            and not _intent_then_past(before, sentence[:q_start], sentence[q_start:])
            and not _intent_after_past(sentence[:q_start], clause_after)
            or news
            and not FUTURE_CUES.search(clause if progress else before + clause)
        )
    floor = _floor_required(sentence[:q_start], clause) and (year_end is None or year_end >= doc_year)
    if past and not floor:
        return "baseline" if stock or rate else "actual"
    reached = intent and REACH_TO.search(sentence[:q_start]) is not None  # "(全市将…。)收入达21220元以上"
    acted = intent and acted_on(own, clause_after) or INTENT_OWN.search(own) is not None
    stated = stock or rate and bare_rate(own, before, intent)
    if stated and not (reached or acted or FUTURE_CUES.search(before + clause)) and not re.search(r"\d{4}年", clause):
        return "baseline"
    return "target"


def bare_rate(own: str, before: str, intent: bool) -> bool:
    """A rate stated bare, as a profile states it ("全市贫困人口达95.41万人,…;贫困发生率17.7%"), not one of a list
    of levels to reach ("参保率达到100%,家庭医生签约服务覆盖率100%").

    >>> bare_rate("贫困发生率", "…占全省的13.6%;贫困发生率", False), bare_rate("覆盖率", "参保率达到100%,覆盖率", False)
    (True, False)
    """
    return not intent and re.search(r"率(?:为|是)?$", own) is not None and not REACHING.search(before)


REACHING = re.compile(r"达到|提高到|提升到|降至|降到|下降到|减少到|控制在|保持在|稳定在")


ACTS_ON = re.compile(
    r"^(?!在)[^,;。\d]{0,4}(?:实施|改善|解决|建设|建成|新建|改造|打造|培育|扶持|启动|创建|帮助|带动|完成|实现)"
)
ACTS_AFTER = re.compile(r"^[^,;。]{0,20}?(?:优先|率先|全部|均)?(?:启动|实施|建成|完成|实现|开展)(?!了)")


def acted_on(own: str, clause_after: str) -> bool:
    """A count a verb at its clause's head acts on ("实施…13个县扶贫产业园", "改善40个乡镇、300个建制村的通行条件")
    or that opens its clause and acts itself ("102个…村优先启动…建设"): in a paragraph of goals, work to do, not a
    stock stated; but not a base already reached ("在实现112个贫困村…全覆盖的基础上").

    >>> acted_on("改善40个乡镇、", "300个建制村的通行条件"), acted_on("全县有", "120个贫困村")
    (True, False)
    """
    heads = re.fullmatch(r"[^,;。\d]{0,3}", own) is not None  # the count opens its clause, as its subject
    return ACTS_ON.match(own) is not None or heads and ACTS_AFTER.match(clause_after) is not None


QUOTA = re.compile(r"(?:下达|安排|分配|追加|获得|切块)[^,;。]{0,24}(?:指标|任务)[^,;。\d]{0,4}$")


def is_quota(clause_before: str) -> bool:
    """A quota handed down for the year ("全省共安排集中式光伏扶贫项目指标100万千瓦", "追加下达了农村危改任务6万户"):
    the year's target, as an allocation of funds is its budget, even when told as done.

    >>> is_quota("2017年全省共安排集中式光伏扶贫项目指标")
    True
    """
    return QUOTA.search(clause_before) is not None


ALLOCATION = re.compile(r"下达|下拨|分配|切块")


def funds_allocated(before: str) -> bool:
    """Money handed down to a list of recipients after the verb ("其中:下达7个贫困县2.75亿元,3个非贫困县1.38亿元"),
    with no report of work done in between ("下达补助资金98578万元,已开工7.43万户,…完成投资24.56亿元" is spending).

    >>> funds_allocated("截至目前,资金已全部下达,其中:下达7个贫困县2.75亿元,3个非贫困县")
    True
    >>> funds_allocated("下达补助资金98578万元,已开工7.43万户,竣工2.29万户,完成投资")
    False
    """
    verbs = list(ALLOCATION.finditer(before))
    return bool(verbs) and WORK_DONE.search(before[verbs[-1].end() :]) is None


def told_as_result(news: bool, open_flow: bool, measure: str, year_end: int | None, doc_year: int) -> bool:
    """Whether a news report's figure with no word of intent is a result. Not when it is a flow of a year not yet
    over (``open_flow``: the report is dated before the last quarter): "2019年全省减少贫困人口50万人" in February
    2019 is that year's plan, and so is money with no year of its own ("近日,泉州市级财政下达…资金1500万元" in
    June), which a year's budget spends from its start.

    >>> told_as_result(True, True, "元", None, 2019), told_as_result(True, True, "人", None, 2019)
    (False, True)
    """
    this_year = year_end == doc_year or year_end is None and measure == "元"
    return news and not (open_flow and this_year)


# a verb that makes or changes the places it governs, the count right after it (modifiers between)
PLACES_MADE_BEFORE = re.compile(
    r"(?:创建|建设|建成|新建|打造|培育|消除|带动|扶持|支持|帮扶|实施|解决|改善|挑选|选择|实现|搭起|组建|启动|(?:扩面|扩大|拓展)[到至])"
    r"[^,;。、\d到对向在与]{0,10}$"
)
PLACES_ALL_AFTER = re.compile(r"^[^,;。\d]{0,16}?(?:全部|都|均)(?:要|将|能)?(?:建成|创建|建立|实现|完成|达到|通)")


def places_to_reach(clause_before: str, after: str) -> bool:
    """A count of places a plan makes or changes, not the places it is for: the object of a verb of making
    ("消除全县205个集体经济“空壳村”", "带动1000个以上贫困村成为…示范村") or places that all reach a state
    ("7366个建档立卡贫困村全部建成村级电商服务站"); not "到50个贫困县提供科技服务", "对44个贫困县…进行改造".

    >>> places_to_reach("集中3年时间消除全县", "个集体经济“空壳村”")
    True
    >>> places_to_reach("全区每年选派800名科技特派员到", "个贫困县提供科技服务")
    False
    """
    return PLACES_MADE_BEFORE.search(clause_before) is not None or PLACES_ALL_AFTER.match(after) is not None
