"""Numbers that name the places or people an action is aimed at, not an amount to reach: "向11个深度贫困县…发力",
"在17个贫困区县搬迁", the group a later number is counted in or picked from, the places a plan involves, a set
described by what it has, the places a measure favours and the people a piece of work is for.
"""

from __future__ import annotations

import re

AIMED_AT = re.compile(r"(?:瞄准|针对|聚焦|锁定)(?:锁定)?(?:全[省市县区州])?(?:剩余|现有|所有|建档立卡)?的?$")
EXIT_TASK_AFTER = re.compile(r"[^,;。]*?(?:脱贫|摘帽|出列|退出)(?:摘帽|出列|退出)?(?:年度|全年)?(?:目标)?任务")
TO_PLACES_BEFORE = re.compile(r"(?<![针相绝核面])对$")
COUNTED_PLACES = re.compile(
    r"\d+(?:\.\d+)?[个所][^,;。\d]{0,10}?(?:县|村|学校|中小学|乡镇|社区)(?![^,;。\d]{0,3}(?:全部|均)(?:建成|实现))"
)
SCOPE_BEFORE = re.compile(r"(?:向|(?<![定持制达])在|与|涉及)(?:全省|全市|全县|全区|全州|市直|省直)?$")
IN_PLACE_BEFORE = re.compile(r"(?:^|[^定持制达存实])在[\u4e00-\u9fff]{1,5}[省市县区州旗]$")  # "在卢氏县56个搬迁安置点"


def is_scope_of_next(sentence: str, q_end: int, next_start: int | None) -> bool:
    """A number naming the group the next one is counted in: "剩下10个未摘帽县的4.21万户"."""
    if next_start is None:
        return False
    between = sentence[q_end:next_start]
    if re.fullmatch(r"的[^,;。、:\d]{0,8}率(?:达到?|为)?", between):
        return True  # "第一批13.61万人的安置房开工率达99.4%": the base of a rate
    if re.fullmatch(r"[^,;。、:\d]{0,24}(?:比例|比重|占比)(?:达到?|为)?", between):
        return True  # "88个脱贫县财政涉农整合资金投入产业比例达58.2%": the places a share is of
    return len(between) <= 12 and between.endswith("的") and not re.search(r"[,、;:]", between)


def is_scope(sentence: str, q_start: int) -> bool:
    """The places or people an action is aimed at, not an amount to reach: "向11个深度贫困县…发力",
    "在17个贫困区县搬迁", "已对484万贫困人口…建档立卡".

    >>> is_scope("引导各类资源向11个深度贫困县精准发力", 7)
    True
    """
    if AIMED_AT.search(sentence[max(0, q_start - 12) : q_start]):
        # "瞄准全省剩余的28.56万贫困人口、647个贫困村、11个省级贫困县,2018年实现…"; but "聚焦30个贫困县、3500个
        # 贫困村、100万贫困人口脱贫摘帽年度任务" names the year's exits themselves
        return EXIT_TASK_AFTER.match(sentence, q_start) is None
    if IN_PLACE_BEFORE.search(sentence[max(0, q_start - 9) : q_start]):
        return True  # the places in a region where an action happens
    if re.search(r"分布(?:在|于)[^,;。\d]{0,30}$", sentence[:q_start]):
        return True  # "主要分布在黔东南、黔南…等地的10多个县": where they are, not a count to reach
    if TO_PLACES_BEFORE.search(sentence[max(0, q_start - 3) : q_start]) and COUNTED_PLACES.match(sentence, q_start):
        return True  # "新疆今年对10个未摘帽深度贫困县开展挂牌督战", "对1214所中小学均安排对口帮扶学校"
    return SCOPE_BEFORE.search(sentence[max(0, q_start - 3) : q_start]) is not None


IN_BEFORE = re.compile(r"(?<![定持制达存实])在(?:全[省市县区州旗])?$")
ACTED_IN_AFTER = re.compile(
    r"^[^,;。\d村户]{0,12}[村户][^,;。\d]{0,12}?(?:实施|组建|发展|建设|建立|新建|创建|开展|打造)"
    r"(?![^,;。]*?\d+(?:\.\d+)?[万亿]?(?:人|户|个|元))"
)


def is_places_acted_in(sentence: str, q_start: int, q_end: int) -> bool:
    """The villages or households a piece of work is done in, when the work itself is not counted: "在119个贫困村组建
    农民专业合作社", "计划在65个嘎查村实施" (the count of places is the target), not "在17个贫困区县搬迁…贫困人口
    25万人" nor "在全省86个县(市、区)实施易地扶贫搬迁工程" (counties: the area a programme covers).

    >>> is_places_acted_in("在119个贫困村组建农民专业合作社", 1, 5)
    True
    >>> is_places_acted_in("我市将在17个贫困区县搬迁农村建卡贫困人口25万人", 4, 7)
    False
    """
    if IN_BEFORE.search(sentence[max(0, q_start - 3) : q_start]) is None:
        return False
    return ACTED_IN_AFTER.match(re.sub(r"\([^()]*\)", "", sentence[q_end:])) is not None


HAVING_SET_AFTER = re.compile(
    r"^[^,;。\d]{0,2}有[^,;。\d]{1,12}的[^,;。\d]{0,4}[县区市村乡镇](?![^,;。\d]{0,6}(?:脱贫|摘帽|出列|退出))"
)


def is_set_having(sentence: str, q_end: int) -> bool:
    """A set of places described by what they have ("全省70个有扶贫任务的县(区)"), not an amount to reach.

    >>> is_set_having("覆盖全省70个有扶贫任务的县(区)", 7)
    True
    """
    return HAVING_SET_AFTER.match(sentence[q_end:]) is not None


LISTED_AFTER_INVOLVES = re.compile(r"涉及[^,;。\d]{2,80}$")


def is_count_of_involved(sentence: str, q_start: int) -> bool:
    """The count closing a list of the places a plan involves ("涉及原州区、西吉县、…西夏区12个县区")."""
    m = LISTED_AFTER_INVOLVES.search(sentence[:q_start])
    return m is not None and "、" in m.group()


def is_set_named(sentence: str, q_end: int) -> bool:
    """The set the next items are picked from ("8个贫困县中,颍上县、颍州区…于2019年退出") or the places an
    effort centres on ("以…21个县为主战场")."""
    after = sentence[q_end:]
    return SET_NAMED_AFTER.match(after) is not None


# "8个贫困县中,…", "以…21个县为主战场"; not a total whose part follows ("2849万元(其中,…")
SET_NAMED_AFTER = re.compile(
    r"^(?![^,;。\d]{0,2}其中)[^,;。\d]{0,8}(?:之)?中[,:]|^[^,;。\d]{0,8}为(?:主战场|重点|主体|突破口|主攻)"
)


def is_place_count_of(sentence: str, q_end: int) -> bool:
    """A count of places that qualify the noun after them: "18个市的贫困县实现全部摘帽"."""
    return _PLACES_OF.match(sentence[q_end:]) is not None


_PLACES_OF = re.compile(r"^[^,;。\d、]{0,7}?[省市州县区乡镇]的(?:深度)?(?:贫困)?(?:县|村|人口|群众|户)")


def is_people_worked_for(sentence: str, q_end: int) -> bool:
    """People a piece of work is for, not a number to reach: "完成易地扶贫搬迁5万人的后续扶持工作",
    "共计18万人的易地扶贫搬迁工作" (but "完成10万人的搬迁任务" is the task itself)."""
    return re.match(r"^(?:左右|以上)?的[^,;。\d]{0,12}(?:工作|扶持|帮扶|服务|保障)", sentence[q_end:]) is not None


def is_people_of_places(sentence: str, q_end: int) -> bool:
    """A count of places whose people the sentence speaks of: "2000个省扶贫工作重点村贫困人口基本脱贫"."""
    return _PEOPLE_OF_PLACES.match(sentence[q_end:]) is not None


_PEOPLE_OF_PLACES = re.compile(
    r"^[^,;。\d、]{0,12}(?<!农)[村县乡镇](?:的)?(?:建档立卡)?(?:贫困)?(?:人口|群众|农民|农户|居民)"
)


def in_scope_phrase(clause: str, q_end: int, next_start: int | None) -> bool:
    """True when a later number in the clause is picked out of this one: "…1.5万贫困人口中的0.5265万人"."""
    return next_start is not None and "中的" in clause[q_end:next_start]


SCOPE_CHAIN_AFTER = re.compile(r"^[^,;。\d、]{0,10}(?:、\d+(?:\.\d+)?万?个[^,;。\d、]{0,10})+的\d")
SPREAD_OVER_BEFORE = re.compile(r"分布(?:于|在)[\u4e00-\u9fff]{0,5}$")
FUNDS_FOR_BEFORE = re.compile(r"(?:用于|安排|下达|分配)(?:(?:19|20)\d{2}年度?)?[\u4e00-\u9fff]{0,3}$")
FUNDS_FOR_AFTER = re.compile(r"^[^,;。\d、]{0,12}[村县乡镇区][^,;。\d、]{0,16}\d+(?:\.\d+)?[万亿]?(?:元|户|人)")


def is_listed_scope(sentence: str, q_start: int, q_end: int) -> bool:
    """Places that the next count or amount is of, or that a whole is spread over: "带动全省58个连片特困县、17个
    插花县的1196个建档立卡贫困村", "14个易地搬迁项目分布于贵州省8个市州", "用于2018年6个深度贫困村150万元",
    "全额安排12个脱贫摘帽县(市)区农村危房改造指标3.68万户".

    >>> is_listed_scope("带动全省58个连片特困县、17个插花县的1196个建档立卡贫困村", 4, 7)
    True
    """
    if SCOPE_CHAIN_AFTER.match(sentence[q_end:]):
        return True
    before = sentence[max(0, q_start - 12) : q_start]
    if FUNDS_FOR_BEFORE.search(before) and FUNDS_FOR_AFTER.match(sentence[q_end:]):
        return True
    return SPREAD_OVER_BEFORE.search(before) is not None


PRIORITY_BEFORE = re.compile(r"(?:(?:重点|优先|继续)支持|继续扶持)(?:全[省市区州])?$")
PLACES_AFTER = re.compile(r"^[^,;。\d、]{0,10}[县区市州镇乡]")


PRIORITY_PAIR = re.compile(PRIORITY_BEFORE.pattern[:-1] + r"\d+个[^,;。\d]{1,14}[和、及]$")


def is_places_prioritised(sentence: str, q_start: int, q_end: int) -> bool:
    """Places given priority or support that goes on ("重点支持9个深度贫困县…", "优先支持51个扶贫开发重点县"):
    the places a measure favours, not a number of places to reach.

    >>> is_places_prioritised("优先支持51个扶贫开发重点县", 4, 7)
    True
    >>> is_places_prioritised("继续支持3个县和4个旗县", 8, 10)
    True
    """
    before = sentence[max(0, q_start - 8) : q_start]
    if PLACES_AFTER.match(sentence[q_end:]) is None:
        return False
    # "继续支持31个国家级脱贫旗县和4个自治区级脱贫旗县": the pair's second places are favoured too
    return PRIORITY_BEFORE.search(before) is not None or PRIORITY_PAIR.search(sentence[:q_start]) is not None
