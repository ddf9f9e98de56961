"""Numbers in a plan's text that are no figures of the plan, or not of the kind they look: per-unit norms,
relative changes, exit criteria and poverty lines, amounts that qualify what they describe, expected gains, counts
a subject is one of, superseded values, parts in brackets, examples and running totals (the places or people an
action is aimed at are in ``scopes``, progress shares and rates in ``progress_measures``; ``classify`` decides
target, result or baseline for the rest).

Example::

    >>> is_norm("每个贫困村至少建立1个产业合作社")
    True
"""

from __future__ import annotations

import re

from .classify import FUTURE_CUES
from .progress_measures import is_over_full, is_year_on_year
from .scopes import is_listed_scope, is_places_prioritised, is_scope

NORM_RE = re.compile(
    r"每(?:个|村|户|人|批|季度|月|乡镇|县|所|名|生|天|日|社)|各\S{0,4}每年|(?:人均|户均)(?:补助|补贴|自筹|奖补|贷款)"
    r"|元/[\u4e00-\u9fff]{1,2}|补助标准"  # "补助标准提高1万元,分别达到3万元/户": a rate per unit
    # "岗位人均年报酬8000元", "护边员补贴由310元提高至1000元": pay per person
    r"|(?:人均|户均)年?(?:报酬|工资)|(?:补贴|补助|报酬|工资)(?:标准)?由\d"
)
RELATIVE_BEFORE = re.compile(
    r"(?:再提高|增长|增加|提高|增幅|增速)$|(?:增幅|增速|增长率)[^,;。\d]{0,6}$"
    # the second of a pair: "城乡居民人均可支配收入分别增长7%左右和8%左右"
    r"|(?:增长|提高|增幅|增速)\d+(?:\.\d+)?%(?:左右|以上)?[和、]$"
)
RELATIVE_AFTER = re.compile(r"^的?(?:增速|增幅)")


def is_norm(clause: str) -> bool:
    """A per-unit rule ("每个贫困村至少建立1个…", "各市县每年选择2—3个乡镇"), not an aggregate target."""
    return NORM_RE.search(clause) is not None


# "比“十二五”增加309亿元": the difference from a base, not an amount of its own
DIFFERENCE_BEFORE = re.compile(r"(?:比|较)[^,;。\d比较]{1,12}?(?:增加|增长|多|减少|提高|扩大)了?$")


def is_difference(clause_before: str, measure: str) -> bool:
    """An amount said as the difference from a base ("拟投资882亿元,比“十二五”增加309亿元"), not a total to reach; a
    rate of change (比上年增长10%) stays a growth figure.

    >>> is_difference("比“十二五”增加", "元"), is_difference("比上年增长", "%")
    (True, False)
    """
    return measure != "%" and DIFFERENCE_BEFORE.search(clause_before) is not None


def is_time_limit(sentence: str, q_start: int, q_end: int) -> bool:
    """A time limit in days, not an amount: "在收到文件后的5个工作日内上报", "公示期(共10个工作日)"; but a
    procedure's time to cut is a target ("企业开办时间压缩至3个工作日以内").

    >>> is_time_limit("在收到文件后的5个工作日内上报", 7, 9)
    True
    >>> is_time_limit("企业开办时间压缩至3个工作日以内", 9, 11)
    False
    """
    if re.search(r"(?:压缩|缩短|减少|控制|降低?)(?:至|到|在)?$", sentence[:q_start]):
        return False
    return sentence.startswith(("工作日", "自然日"), q_end)


def continues_norm(sentence: str, c_start: int) -> bool:
    """An average per household or person right after a per-unit rule: "每个企业带动贫困户500户以上,户均增收3000元以上"
    (what each unit's households gain, not a target of the region).

    >>> continues_norm("每个企业带动贫困户500户以上,户均增收3000元以上", 16)
    True
    >>> continues_norm("全县带动贫困户500户以上,户均增收3000元以上", 15)
    False
    """
    if not re.match(r"\s*(?:户均|人均)", sentence[c_start:]):
        return False
    previous = re.split(r"[,;。]", sentence[:c_start].rstrip(",;。"))[-1]
    return is_norm(previous)


def is_relative_change(sentence: str, q_start: int, q_end: int) -> bool:
    """A growth rate against an unstated base ("再提高20%", "不低于20%的增速", "增速持续保持在16%以上")."""
    before = re.sub(r"(?:不少于|不低于|至少)$", "", sentence[max(0, q_start - 12) : q_start])
    return bool(RELATIVE_BEFORE.search(before) or RELATIVE_AFTER.match(sentence[q_end : q_end + 4]))


STRETCH_CUES = re.compile(r"力争|奋斗目标|预备数|争取")
CRITERION_AFTER = re.compile(
    r"^(?:以外|之外)"  # "吃水要到一公里以外去背": a distance described, not an amount
    r"|^(?:以下|以上|以内)?(?:的标准|为标准|的条件|即可|的(?:贫困)?(?:县|村|户|乡|镇|自然村)|等[^,;。\d]{0,10}政策)"
    # "25户以上自然村通水泥公路", "30户以上村民组": villages or groups of that size
    r"|^(?:以下|以上)(?:的)?(?:自然村|村庄|村寨|村组|村民组|村民小组|屯)"
    # "消除人均纯收入1.1万元以下且有劳动能力的脱贫户": the households below a line, not a level to reach
    r"|^(?:以下|以上)且[^,;。\d]{0,12}的[^,;。\d]{0,6}(?:户|对象|人口)"
    # "贫困发生率50%以上、50户以下的自然村寨": bounds joined into one condition on the places after them
    r"|^(?:以下|以上)、[^,;。\d]{0,8}\d+(?:\.\d+)?[%户人]?(?:以下|以上)的"
    # "收入5万元至10万元以上的村", "10万元至50万元的村": a band of villages, by its limits
    r"|^(?:至|到|—|-)\d+(?:\.\d+)?万?元?(?:以上|以下)?的(?:村|户|县|乡|镇)"
    # "享受培训补助的对象必须100%是建档立卡贫困户": who may benefit, a condition
    r"|^%?(?:都|均)?(?:是|为)(?:建档立卡)?(?:贫困|脱贫)(?:户|人口|家庭|劳动力)"
)


EXIT_RULE = re.compile(
    r"(?:退出|摘帽|出列|销号)[^。]*(?:标准|条件|方可|原则上|衡量|认定)|(?:标准|条件)[^。]*(?:退出|摘帽|出列)"
    r"|(?:退出|摘帽|出列|销号)当年"
    r"|(?:方可|才能|即可|视为)(?:退出|脱贫|摘帽|出列|销号)|脱贫标准(?:为|是|:)"
)


REACHING_STANDARD = re.compile(r"(?:以上|左右)?的[^,;。、]{0,12}达到[^,;。、]{0,6}标准")
POVERTY_LINE = re.compile(
    r"(?:扶贫|贫困)标准[^。]*(?:调整|上调|提高|确定)为|(?:调整|上调|确定)(?:扶贫|贫困)标准|(?:扶贫|贫困|脱贫)标准\d"
)


def is_exit_rule(sentence: str, measure: str, q_end: int | None = None) -> bool:
    """A rate or income in a rule for exiting ("贫困县退出标准:贫困发生率降至2%以下", "…低于3%,方可退出") or a
    poverty line set ("调整扶贫标准…由原来的1560元上调为2600元"): a criterion, not a target of the region."""
    if measure == "元" and POVERTY_LINE.search(sentence):
        return True
    if q_end is not None and REACHING_STANDARD.match(sentence, q_end):
        return False  # "95%以上的相对贫困人口达到脱贫标准": a share to reach, the target itself
    return measure in ("%", "元") and EXIT_RULE.search(sentence) is not None


MONEY_QUALIFIER_AFTER = re.compile(
    r"^(?:以上|以下|以内|左右)?(?:的(?:有\d|[^,;。\d]{0,4}(?:村|户|县|乡|镇|企业|合作社)|[^,;。\d]{0,6}标准)|(?:的)?(?:情况|现象))"
    r"|^(?:以下|以内)、[^,;。]{0,3}\d"  # "给予5万元以下、3年以内免担保、免抵押的扶贫小额信贷": a loan's limits
)


def is_money_qualifier(sentence: str, q_end: int) -> bool:
    """An amount that picks out the places or people it describes, or a standard, not an amount to reach:
    "培育一批集体经济收入超100万元的示范村", "收入超过3万元的有978个", "超过4000元的脱贫标准".

    >>> is_money_qualifier("着力培育一批集体经济收入超100万元的示范村", 18)
    True
    """
    return MONEY_QUALIFIER_AFTER.match(sentence[q_end:]) is not None


SIZE_CLASS_AFTER = re.compile(r"(?:以上|以下)的?(?:坝区|坝子|地块|耕地|连片|园区|基地)")


def is_size_class(sentence: str, q_end: int, measure: str) -> bool:
    """An area that names a class of places, not an area to reach: "以500亩以上坝区农业产业结构调整为突破口".

    >>> is_size_class("以500亩以上坝区农业产业结构调整为突破口", 5, "亩")
    True
    """
    return measure == "亩" and SIZE_CLASS_AFTER.match(sentence, q_end) is not None


EXPECTED_GAIN = re.compile(
    r"(?<![不许认])(?:可以|可(?!支配)|能够?|预计|预期)[^,;。\d]{0,10}(?:增收|收益|带来收入|收入)(?:达到?|约|超过|为)?$"
)


def is_expected_gain(clause_before: str) -> bool:
    """The income a project is expected to bring its beneficiaries, not an amount the plan commits to:
    "每年預計人均增收2000元以上", "每年可以为贫困村带来收入六万元", "可使贫困家庭平均年增收约3000元".

    >>> is_expected_gain("每年可以为贫困村带来收入")
    True
    """
    return EXPECTED_GAIN.search(clause_before) is not None


# "以上、490个贫困村退出": a list item that is a count of places or people leaving poverty
EXIT_ITEM_AFTER = re.compile(
    r"(?:以上|以下)、\d+(?:\.\d+)?万?[个户人名][^,;。、\d]{0,8}?(?:退出|出列|摘帽|脱贫|销号)(?=[、,;。]|$)"
)


# "该项目在兴仁镇川裕村砌护渠道共计7.59千米,配套建设渠道构筑物741座": one project's works in one village
PROJECT_WORKS = re.compile(r"^\s*(?:该|本)项目(?:在|位于)(?!实施|建设|执行|推进)[\u4e00-\u9fff]")


def is_project_works(sentence: str, measure: str) -> bool:
    """The engineering quantities of one project located in a village (lengths, counts of structures), which
    describe that work, not a target of a region; its money is still its budget.

    >>> is_project_works("该项目在米粮川村砌护渠道48条,长11.27千米", "千米")
    True
    >>> is_project_works("该项目在米粮川村砌护渠道,总投资150万元", "元")
    False
    """
    return measure != "元" and PROJECT_WORKS.match(sentence) is not None


def is_criterion(sentence: str, q_end: int, next_start: int | None) -> bool:
    """A condition, not an amount: "贫困发生率降至3%以下的标准", "50户以下、贫困发生率50%以上整体搬迁自然村寨3603个".

    >>> is_criterion("涉及50户以下、贫困发生率50%以上整体搬迁自然村寨3603个", 5, 30)
    True
    """
    after = sentence[q_end : q_end + 8]
    if CRITERION_AFTER.match(sentence[q_end : q_end + 16]):
        return True
    if next_start is None or not re.match(r"^(?:以下|以上)", after):
        return False
    between = sentence[q_end:next_start]
    clause_end = re.search(r"[,;。]", sentence[q_end:])
    rest = sentence[q_end : q_end + clause_end.start()] if clause_end else sentence[q_end:]
    if not re.search(r"\d(?:万|亿)?[个户人村座所项](?!以上|以下|以内)", rest):
        return False  # "脱贫90万人以上、贫困村出列1000个以上": parallel targets, no count they qualify
    if EXIT_ITEM_AFTER.match(sentence, q_end):
        return False  # "减贫11.6万人以上、490个贫困村退出": the next item is an exit count of its own
    return between[2:3] in ("、", "的") or not re.search(r"[、,;]", between)


# a stock's own target or state: "贫困人口减少到/控制在/降至…", "还有/剩余/现有…贫困人口"
STOCK_GOAL = re.compile(r"降|减少到|减至|控制|以内|以下|不超过|还有|尚有|仍有|现有|剩余|目前|共有|有")
DOING_VERBS = (
    r"(?:建成|新建|改建|修建|维修|建设|创建|筹建|纳入|完成|培育|培养|发展|打造|启动|开工|实施|安排|提供|开发|设立|新增|改造|扶持|(?<!资金)支持|落实|改善|硬化(?!路)|接收|培训|转移|解决|搬迁|覆盖|达到|实现|"
    r"资助|发放|帮扶|帮助|救助|签约|吸纳|带动|录取|招收|招录|选派|引进|种植|养殖|设置|增设|选聘|聘用|认定|"
    r"建立|组建|推出|铺设|选择|挑选|治理|总增|购买|购置|采购|增换|更换|"
    r"提高到|提升到|保持在|稳定在|控制在|降到|降至|下降到|压缩至|压缩到|缩短至|缩短到|拓展到|扩大到|增至)"
)
NEW_TARGET_VERB = re.compile(DOING_VERBS + r"[^了,;]{0,20}$")
# the verb governs every item of a 、-list: "创建旅游扶贫示范区5个、旅游扶贫示范村104个、乡村民宿达标户1000户"
LISTED_TARGET_VERB = re.compile(
    DOING_VERBS + r"(?:[^了,;、\d]{0,20}\d+(?:\.\d+)?[^了,;、\d]{0,3}、)+[^了,;、\d]{0,20}$"
)
# the verb after the number, with a word of intent: "…贫困户将实施改厨", "…贫困户全部纳入…"
DOES_AFTER = re.compile(r"^[^,;。\d已了]{0,20}?(?:将|要|全部|均)(?:全部|均|要)?" + DOING_VERBS + r"(?!了)")


def is_new_target(clause_before: str, measure: str) -> bool:
    """For an indicator the catalogue lacks: a verb of doing or reaching governs the number ("建成…7座水库",
    "覆盖70%以上"), not a past 了 or a description ("与市直12个定点扶贫单位")."""
    if "了" in clause_before or "已" in clause_before:
        return False
    return NEW_TARGET_VERB.search(clause_before) is not None or LISTED_TARGET_VERB.search(clause_before) is not None


def does_as_planned(clause_after: str) -> bool:
    """For an indicator the catalogue lacks: the number counts who or what will do or undergo the work, a verb of
    doing after it with a word of intent ("3万户建档立卡贫困户将实施改厨、改厕", "将其余4800户贫困户全部纳入…");
    ``clause_after`` is the clause after the number.

    >>> does_as_planned("户建档立卡贫困户将实施改厨、改厕、改房")
    True
    >>> does_as_planned("个贫困村已全部建成")
    False
    """
    return DOES_AFTER.match(clause_after) is not None


INTENT_BEFORE = re.compile(r"(?:争取|力争|确保|计划|将|要)[^,;。\d了已]{0,6}$")
VERB_AFTER = re.compile(r"^[^,;。\d已了]{0,24}?" + DOING_VERBS + r"(?!了)")


def planned_to_do(clause_before: str, clause_after: str) -> bool:
    """For an indicator the catalogue lacks: a word of intent before the number and a verb of doing after it
    ("争取36个…重大项目纳入国家规划").

    >>> planned_to_do("争取", "个过江通道等一批重大项目纳入国家规划")
    True
    >>> planned_to_do("与", "个定点扶贫单位")
    False
    """
    return INTENT_BEFORE.search(clause_before) is not None and VERB_AFTER.match(clause_after) is not None


SUPERSEDED = re.compile(
    r"^(?:以上|左右)?[^,;。\d]{0,6}(?:(?:调整|调减|调增|调|修改|修订|变更|下调|上调|减少|增加)为|(?:提高|提升|增加|增长)(?:到|至)|增至)"
)


# "由2012年前的每年2000万元增加到6000万元": the yearly amount a raise starts from, its time named first
OLD_YEARLY = re.compile(r"[由从][^,;。]{0,14}每年$")


def is_superseded(sentence: str, q_start: int, q_end: int) -> bool:
    """The old value of a revised target: "将减贫目标由25万人调整为20万人" (the 25万 is replaced).

    >>> is_superseded("将2017年减贫目标由25万人调整为20万人", 11, 15)
    True
    """
    before = sentence[max(0, q_start - 10) : q_start]
    if re.search(r"原来的?$|原有的?$", before):
        return True  # "由原来的1.9亿元,增加到10亿元以上"
    if re.search(r"原(?:计划|定|下达|目标)", before) and re.search(r"调整|调减|调增|变更|修改", sentence[q_end:]):
        return True  # "原计划脱贫50万人,调整为45万人"
    old = re.search(r"[由从]", sentence[max(0, q_start - 8) : q_start]) is not None
    old = old or OLD_YEARLY.search(sentence[max(0, q_start - 20) : q_start]) is not None
    return old and SUPERSEDED.match(sentence[q_end:]) is not None


def is_one_of(sentence: str, q_start: int, q_end: int) -> bool:
    """A count the subject is one of ("是今年市政府实施的33项民生工程之一") or of the items a quote has just listed
    ("“建房、搬家、就业”六个关键环节").

    >>> is_one_of("是今年市政府实施的33项民生工程之一", 9, 12)
    True
    """
    if re.match(r"^[^,;。\d]{0,12}之一", sentence[q_end:]):
        return True
    opening = sentence.rfind("“", 0, q_start)
    return sentence[q_start - 1 : q_start] == "”" and opening >= 0 and "、" in sentence[opening:q_start]


SHARE_OF_WHOLE = re.compile(r"占(?:全[国省市县区州盟旗]|总数|总量)[^,;。\d]{0,12}?的?$")


def is_share_of_whole(sentence: str, q_start: int, clause_before: str) -> bool:
    """A region's weight in a larger whole ("贫困人口…占全省的11%"), told without intent: a description.

    >>> is_share_of_whole("贫困发生率17.7%,占全省的11%", 15, "占全省的")
    True
    """
    before = sentence[max(0, q_start - 16) : q_start]
    return SHARE_OF_WHOLE.search(before) is not None and not FUTURE_CUES.search(clause_before)


PATIENT_SHARE = re.compile(
    r"医疗费用?[^,;。\d]{0,6}(?:个人|自付|支出|支付)[^,;。\d]{0,6}(?:控制在|不超过)$"
    r"|个人(?:自付|支付|负担)[^,;。\d]{0,10}(?:控制在|不超过)$"
)


def is_patient_share(sentence_before: str, clause_before: str) -> bool:
    """The share of medical costs a patient pays ("住院医疗费用个人支付控制在10%以内"): a reimbursement rule for
    each patient, not an aggregate target (a share reimbursed, "实际报销比例达到90%", is one); unless pledged
    ("确保…个人支付费用控制在5%以内").

    >>> is_patient_share("", "县内就诊医疗费用支出可控制在"), is_patient_share("确保…,", "个人支付费用控制在")
    (True, False)
    """
    return PATIENT_SHARE.search(clause_before) is not None and not FUTURE_CUES.search(sentence_before)


def is_reference(sentence: str, q_start: int, clause: str) -> bool:
    """Not a new figure: one referred back to ("对这20个县市继续抓好…"), the people of the places counted
    ("2000个省扶贫工作重点村贫困人口基本脱贫"), or an assumption of a projection ("按今后3年年均增长7%计算")."""
    if re.search(r"(?:这|该|上述)$", sentence[max(0, q_start - 2) : q_start]):
        return True
    if re.match(r"^按[^。;]*(?:计算|测算)[,。;]?$", clause):
        return True
    return False


def is_part_in_brackets(sentence: str, q_start: int) -> bool:
    """A count of places broken down by kind in brackets ("计划任务数6个(其中国家扶贫开发工作重点县1个)"): how many
    of the places are of that kind, inside its total, not a target of its own. Other parts in brackets are
    targets with their own indicator, as 其中 parts outside brackets are ("资金2849万元(其中,灾后民房恢复重建资金
    1271.6万元)").

    >>> is_part_in_brackets("贫困县脱贫摘帽计划任务数6个(其中国家扶贫开发工作重点县1个)", 28)
    True
    >>> is_part_in_brackets("补助资金2849万元(其中,灾后民房恢复重建资金1271.6万元)", 24)
    False
    """
    if not in_part_brackets(sentence, q_start):
        return False
    opening = sentence.rfind("(", 0, q_start)
    counts_places = PLACE_BEFORE_COUNT.search(sentence, opening, q_start) is not None
    return counts_places and PLACE_COUNT.match(sentence, q_start) is not None


def in_part_brackets(sentence: str, q_start: int) -> bool:
    """Inside brackets that give a part of the number before them: "(其中,灾后民房恢复重建资金1271.6万元)"."""
    opening = sentence.rfind("(", 0, q_start)
    return opening >= 0 and ")" not in sentence[opening:q_start] and sentence[opening + 1 : opening + 3] == "其中"


def part_words(sentence: str, q_start: int) -> str:
    """The words naming a part in brackets, before its number: "(其中,灾后民房恢复重建资金1271.6万元)" ->
    "灾后民房恢复重建资金"."""
    opening = sentence.rfind("(其中", 0, q_start)
    words = sentence[opening + 3 : q_start] if opening >= 0 else ""
    return re.sub(r"^[^\u4e00-\u9fff]+|[^\u4e00-\u9fff]+$", "", re.split(r"[、,;]", words)[-1])


def listed_part_words(sentence: str, q_start: int) -> str:
    """The words naming a part listed after 其中 without brackets, before its number ("…的贫困村有65个,其中一类
    贫困村33个,二类贫困村15个" -> "二类贫困村"); "" when the number is in no such list.

    >>> listed_part_words("贫困村有65个,其中一类贫困村33个,二类贫困村15个", 24)
    '二类贫困村'
    """
    at = sentence.rfind("其中", 0, q_start)
    if at < 0 or sentence[at - 1 : at] == "(" or re.search(r"[;。()]", sentence[at:q_start]):
        return ""
    words = re.split(r"[、,;:]", sentence[at + 2 : q_start])[-1]
    return re.sub(r"^[^\u4e00-\u9fff]+|[^\u4e00-\u9fff]+$", "", words)


PART_BRACKETS = re.compile(r"\(其中[^()]*\)")
PLACE_BEFORE_COUNT = re.compile(r"[县村乡镇旗]$")
PLACE_COUNT = re.compile(r"\d+(?:\.\d+)?个")


def is_for_examples(clause_before: str) -> bool:
    """A figure of a group named by examples ("其中盘州、镇远、安龙等18个贫困县贫困发生率下降至3%以下"), which no
    one region holds.

    >>> is_for_examples("其中盘州、镇远、安龙等18个贫困县贫困发生率下降至")
    True
    """
    return re.search(r"等\d+个[^,;。\d]{0,8}[县区市村乡镇][^,;。\d]{0,12}$", clause_before) is not None


def is_running_total(clause_before: str) -> bool:
    """A running total projected to a date ("到今年底,四川将累计实现脱贫550余万"): it includes past years."""
    return re.search(r"将累计|累计将", clause_before) is not None


NAVIGATION = re.compile(
    r"^[【\[]?(?:上一条|下一条|上一篇|下一篇|上一页|下一页|上篇|下篇|相关(?:新闻|阅读|文章|链接)|延伸阅读|推荐阅读)[】\]]?[::]"
)


def is_navigation(sentence: str) -> bool:
    """A link to another page of the site ("下一条:我州提前下达2021年…资金1056.40万元"): another story's headline.

    >>> is_navigation("下一条:我州提前下达2021年到村任职高校毕业生中央补助资金1056.40万元")
    True
    """
    return NAVIGATION.match(sentence.lstrip()) is not None


EXAMPLE_CASE = re.compile(
    r"^(?:比如|例如|譬如|如)(?!期|实|何|果|下|此|今|同|数|若)[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|州|旗|盟|镇|乡|村)"
)


def is_example_case(clause_from_sentence_start: str) -> bool:
    """A case told as an example ("如平江县今年共实施农村危房改造4159户"): one place's figure among many.

    >>> is_example_case("如平江县今年共实施农村危房改造")
    True
    >>> is_example_case("如期完成贫困村出列")
    False
    """
    return EXAMPLE_CASE.match(clause_from_sentence_start) is not None


def is_count_having(sentence: str, q_start: int) -> bool:
    """How many of a set meet a condition ("收入超过3万元的有978个"): a count of what is, not a number to reach.

    >>> is_count_having("其中贫困村收入超过3万元的有978个", 14)
    True
    """
    return re.search(r"的有$", sentence[max(0, q_start - 2) : q_start]) is not None


def is_bare_threshold(sentence: str, q_start: int, q_end: int) -> bool:
    """A bound alone in brackets, describing what comes before it ("贫困发生率高(50%以上)", "农村人口少(50户以下)").

    >>> is_bare_threshold("贫困发生率高(50%以上)", 7, 10)
    True
    """
    return sentence[q_start - 1 : q_start] == "(" and re.match(r"^(?:以上|以下|以内)\)", sentence[q_end:]) is not None


def is_subtotal_of_parts(sentence: str, q_start: int) -> bool:
    """A sum of the parts listed in brackets ("(其中:天津市帮扶兰州市3.26万人、…,共92.61万人;…)")."""
    return in_part_brackets(sentence, q_start) and re.search(r"(?:共|共计|合计)$", sentence[:q_start]) is not None


def is_yearly_part(sentence: str, q_start: int) -> bool:
    """A total's yearly pace in brackets after it ("推进自然村1080个(每年实施216个)"): the total is the figure."""
    opening = sentence.rfind("(", 0, q_start)
    return (
        opening > 0
        and ")" not in sentence[opening:q_start]
        and re.match(r"\((?:每年|年均)", sentence[opening:]) is not None
        and re.search(r"\d", sentence[max(0, opening - 4) : opening]) is not None
    )


NAMED_GROUP_BEFORE = re.compile(
    r"(?:^|[,;:、])(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}\d+个[^,;。\d]{0,6}[县区市][^,;。\d]{0,14}$"
)


def is_for_named_group(clause_before: str) -> bool:
    """A figure of a group of places named one by one ("盐池、彭阳、隆德、泾源4个贫困县计划脱贫销号146个贫困村"),
    which no one region holds.

    >>> is_for_named_group("盐池、彭阳、隆德、泾源4个贫困县计划脱贫销号")
    True
    """
    return NAMED_GROUP_BEFORE.search(clause_before) is not None


NAMED_GROUP_HEAD = re.compile(
    r"(?:^|[,;:])(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}\d+个[^,;。\d]{0,6}[县区市][^,;。]*,$"
)
SUBJECTLESS = re.compile(r"^(?:减少|实现|完成|带动|解决|帮助|新增|建成)")


def is_for_named_group_before(sentence: str, c_start: int) -> bool:
    """A clause without a subject of its own after one whose subject is a named group: the group's figure too
    ("盐池、彭阳、隆德、泾源4个贫困县计划脱贫销号146个贫困村,减少贫困人口58041人"; but not "…4个贫困县脱贫摘帽,
    19.3万贫困人口实现脱贫", whose number is its own subject).

    >>> is_for_named_group_before("盐池、彭阳、隆德、泾源4个贫困县计划脱贫销号146个贫困村,减少贫困人口58041人", 30)
    True
    """
    return SUBJECTLESS.match(sentence[c_start:]) is not None and NAMED_GROUP_HEAD.search(sentence[:c_start]) is not None


LISTED_SET_AFTER = re.compile(r"^[^,;。\d]{0,6}(?:是|为|分别是|分别为|包括)[::]?(?:[\u4e00-\u9fff]{2,6}、){2,}")


def is_count_of_list(sentence: str, q_end: int) -> bool:
    """The count of places the sentence then names ("…任务的11个省份是湖北、陕西、广西…"): the names are the figures.

    >>> is_count_of_list("明确今年将完成脱贫任务的11个省份是湖北、陕西、广西、山东", 15)
    True
    """
    return LISTED_SET_AFTER.match(sentence[q_end:]) is not None


# "用于孟村、东下庄村、白庄村…和沙墙村8个村增加集体经济收入": three or more names (a bracket each at most) and the
# count of the villages or townships named, which no exit follows ("A村、B村、C村3个贫困村出列" is a count to reach)
NAMED_BEFORE = re.compile(
    r"(?:[\u4e00-\u9fff\d]{1,10}(?:\([^()]*\))?[、和及]){2,}[\u4e00-\u9fff\d]{1,10}(?:\([^()]*\))?$"
)
NAMED_PLACES_AFTER = re.compile(
    r"(?<=个)(?:贫困|行政|脱贫)?(?:村|村委会|社区|乡镇|镇|乡)(?![^,;。]{0,8}(?:出列|退出|脱贫|摘帽|销号))"
)


def is_count_of_named(sentence: str, q_start: int, q_end: int) -> bool:
    """The count of the villages or townships just named ("安排1110万元用于米粮镇81村、青铜关镇乡中村、高峰镇两河村、
    柴坪镇桃园村4个村的通组路建设项目"): the places the money or work is for, not a number to reach.

    >>> s = "50%用于孟村、东下庄村、白庄村和沙墙村4个村增加集体经济收入"
    >>> is_count_of_named(s, s.index("4个"), s.index("4个") + 2)
    True
    >>> s = "今年实现甲村、乙村、丙村3个贫困村出列"
    >>> is_count_of_named(s, s.index("3个"), s.index("3个") + 2)
    False
    """
    return NAMED_PLACES_AFTER.match(sentence, q_end) is not None and NAMED_BEFORE.search(sentence[:q_start]) is not None


EXPECTED_OF_WORKS = re.compile(r"建成(?:后|投产后|以后)[^,;。]{0,4}(?:可|能|预期|预计|每年可)")


def is_expected_of_works(clause_before: str) -> bool:
    """What a work is expected to give once built ("建成后可解决嘎查村村部100平方米供暖需求"), not a target.

    >>> is_expected_of_works("建成后可解决嘎查村村部")
    True
    """
    return EXPECTED_OF_WORKS.search(clause_before) is not None


def is_part_share(sentence: str, q_start: int) -> bool:
    """The share a part makes up ("整体搬迁的自然村组人口占89%", "156.2298亿元,占79%"): a description of the
    whole, not a share to reach (that is written 占比达到…, 提高到…)."""
    return re.search(r"(?<![提达到])占$", sentence[max(0, q_start - 2) : q_start]) is not None


HOUSEHOLDS_INCOME_BEFORE = re.compile(
    r"\d+(?:\.\d+)?万?户[^,;。\d]{0,8}(?:脱贫户|贫困户)[^,;。\d]{0,6}人均[^,;。\d]{0,6}收入[^,;。\d]{0,4}(?:超过|高于|达到)$"
)


def is_households_income_bar(clause_before: str) -> bool:
    """The income each of a number of households is to pass ("确保10月底前3012户计划脱贫户年人均纯收入超过3750元"):
    the bar of exit, a norm per household, not an amount of the region.

    >>> is_households_income_bar("确保10月底前3012户计划脱贫户年人均纯收入超过")
    True
    """
    return HOUSEHOLDS_INCOME_BEFORE.search(clause_before) is not None


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚"
    "卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
# "三溪村贫困户何红祥利用3万元小额贷款养鱼": one named household's story
NAMED_HOUSEHOLD = re.compile(
    rf"(?:贫困户|脱贫户|农户|村民|群众|户主)[{SURNAMES}][\u4e00-\u9fff]{{1,2}}(?:等\d+户)?"
    r"(?:利用|通过|用|靠|拿出|借助|种植|养殖|在|家)[^,;。\d]{0,8}$"
)


def is_named_household(clause_before: str) -> bool:
    """A figure of one named household told as an example, not an amount of the region.

    >>> is_named_household("五权镇三溪村贫困户何红祥利用"), is_named_household("全镇贫困户通过")
    (True, False)
    """
    return NAMED_HOUSEHOLD.search(clause_before) is not None


def is_aside(sentence: str, q, c_start: int) -> bool:
    """A number the sentence mentions on the way: a link to another page, an example, a count of what is or of
    the places something is for, a rate beyond its plan, a bound, a subtotal, a yearly pace, a group's figure,
    what a work gives once built, a measured level or a part's share."""
    before = sentence[c_start : q.start]
    if is_navigation(sentence) or is_example_case(sentence[c_start:]) or is_bare_threshold(sentence, q.start, q.end):
        return True
    if is_named_household(before):
        return True
    if is_subtotal_of_parts(sentence, q.start) or is_yearly_part(sentence, q.start) or is_for_named_group(before):
        return True
    if is_for_named_group_before(sentence, c_start):
        return True
    if is_expected_of_works(before) or is_year_on_year(sentence, q.start):
        return True
    if q.unit in ("个", "项", "所", "座", "家"):
        scope = is_listed_scope(sentence, q.start, q.end) and not is_scope(sentence, q.start)
        scope = scope or is_places_prioritised(sentence, q.start, q.end)
        scope = scope or is_count_of_named(sentence, q.start, q.end)
        if scope or is_count_having(sentence, q.start) or is_count_of_list(sentence, q.end):
            return True
    if q.measure == "%":
        return is_over_full(sentence, q.start, q.value) or is_part_share(sentence, q.start)
    return q.measure == "元" and is_households_income_bar(before)
