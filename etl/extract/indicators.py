"""Keyword rules from a quantity's context to an indicator code.

The measure word decides which rule table applies (people, counts, households, %, money, area, length).
Within a table the keyword nearest to the number wins (ties: table order); when the number's own clause
has no keyword, the nearest keyword earlier in the sentence is used ("…支出占财政总支出的70%以上,
2016年达到75%" -> both fiscal share). No keyword -> None (the number is not reported).

Example::

    >>> indicator_for("2018年脱贫101.7万人", 6, 13, "人", 0, 14)
    'poor_population_reduced'
"""

from __future__ import annotations

import re

STOCK_INDICATORS = {
    "other:per_capita_income",
    "other:lifted_per_capita_income",
    "other:monitored_households",
    "other:monitored_people",
    "poor_population",
    "other:poor_villages",
    "other:poor_counties",
    "other:deep_poverty_counties",
    "other:deep_poverty_villages",
}  # not 务工规模, a level the catalogue calls a stock: "每年稳定在210万人以上" is a goal for each year, not "now"
# Stocks a baseline marker (目前/还有…) turns the corresponding flow into.
BASELINE_OF = {
    "poor_population_reduced": "poor_population",
    "villages_exited": "other:poor_villages",
    "counties_exited": "other:poor_counties",
}
LOAN_WORDS = re.compile(r"贷款|放贷|信贷|惠农贷")
EXIT_VERBS = re.compile(r"摘帽|摘掉|摘除|帽子|退出|出列|销号|脱贫|整村推进")
# 衔接 (2021–2025) indicators: the people lifted out of poverty (脱贫人口, not the places 脱贫县/脱贫村) and the
# households monitored against relapse (防止返贫监测对象) are their subjects.
LIFTED_PEOPLE = r"(?:脱贫(?:人口|群众|户|家庭|劳动力)|监测对象|监测户)"
LIFTED_INCOME = LIFTED_PEOPLE + r"[^,;。\d]{0,10}人均年?(?:纯|可支配)?收入"
MONITORED = r"(?:防止返贫(?:致贫)?)?监测(?:对象|户)"

PERSON_RULES = [
    (r"带动|增收|受益|惠及", "other:people_benefited"),  # split by _loan_reach: people reached by poverty loans
    (r"搬迁|搬离|移民|外迁|迁建|安置", "relocated_people"),
    (r"培训", "other:trainees"),
    (r"护林员", "other:forest_rangers"),
    (r"特岗教师", "other:special_post_teachers"),
    (r"教师", "other:teachers"),
    (r"饮水|吃水", "other:drinking_water_people"),
    (r"务工(?:就业)?规模|就业规模", "other:poor_labour_employment_scale"),
    (r"就业|务工", "other:employment"),
    (MONITORED, "other:monitored_people"),
    (r"政策兜底|兜底保障|社会保障兜底", "other:social_assistance_people"),
    # "减少30万贫困人口": the number between the verb and its noun
    (r"脱贫|减少(?:[\d.]+万?)?(?:农村)?(?:建档立卡)?贫困人口|贫困人口减少|减贫|摆脱贫困", "poor_population_reduced"),
]
COUNT_RULES = [  # matched against the counted noun, in order
    (r"水库", "other:reservoirs"),
    (r"公益性岗位", "other:public_welfare_posts"),
    (r"安置点|安置区", "other:resettlement_sites"),
    (r"卫生室", "other:village_clinics"),
    (r"卫生院|卫生服务中心", "other:health_centers"),
    (r"学校", "other:schools"),
    (r"项目", "other:projects"),
    (r"合作社", "other:cooperatives"),
    (r"龙头企业", "other:leading_enterprises"),
    (r"家庭农场", "other:demo_family_farms"),
    (r"旅游示范村|乡村旅游(?:重点|示范)村", "other:tourism_demo_villages"),
    (r"特困自然村", "villages_exited"),  # 整村推进 of 特困自然村 beside 贫困行政村: one series
    (r"(?:民族|特色)村寨|特色村镇", "other:ethnic_villages"),
    (r"自然村", "other:natural_villages"),
    (r"示范村", "other:demo_villages"),
    (r"深度贫困县", "other:deep_poverty_counties"),
    (r"深度贫困村", "other:deep_poverty_villages"),
    (r"县|旗", "counties"),
    (r"贫困乡|乡镇(?=(?:脱贫)?(?:出列|摘帽|退出|销号))", "townships"),  # "9个乡镇脱贫出列"
    (r"(?<!农)村", "villages"),  # "改建农村公路桥梁5座": bridges of the countryside, not villages
]
HOUSEHOLD_RULES = [
    (r"库区移民", "other:reservoir_migrant_housing_households"),
    (r"危房|危改|翻建|住房", "other:housing_renovation_households"),
    (r"搬迁", "other:relocated_households"),
    (r"带动|增收", "other:households_benefited"),
    (r"政策兜底|兜底保障|社会保障兜底", "other:social_assistance_households"),
    (MONITORED, "other:monitored_households"),
    (r"脱贫|销号|减贫", "households_exited"),
]
PERCENT_RULES = [
    (r"消除(?:返贫|致贫)*风险|风险消除", "other:monitored_risk_eliminated_share"),
    # "衔接资金占比", "衔接推进乡村振兴补助资金用于产业发展的比重": the share spent on industry (indicator_for)
    (r"衔接(?:推进乡村振兴补助)?资金[^,;。\d]{0,24}(?:占比|比例|比重)", "other:linkage_funds_industry_share"),
    (LIFTED_INCOME, "other:lifted_income_growth"),
    (r"小额(?:贷款|信贷)", "other:microcredit_coverage"),
    (r"生产总值|GDP", "other:gdp_growth"),
    (r"固定资产投资", "other:fixed_asset_investment_growth"),
    (r"贫困发生率|贫困面", "poverty_incidence"),
    (r"村[^,;。、\d]{0,6}(?:脱贫|出列|退出)率", "other:share_of_villages_exited"),  # 经济薄弱村脱贫率达80%以上
    (r"(?:退出|出列)比例", "other:share_of_villages_exited"),  # "退出贫困村97个,累计退出比例达到96%"
    (r"(?:户|人口)[^,;。、\d]{0,6}脱贫率", "other:share_of_poor_lifted"),  # 低收入农户累计脱贫率在90%以上
    (r"自来水普及率", "other:tap_water_coverage"),
    (r"支出占|财政总支出", "other:fiscal_share_poverty"),
    (r"入园率", "other:preschool_enrollment_rate"),
    (r"巩固率", "other:compulsory_education_retention_rate"),
    (r"高中阶段教育毛入学率", "other:high_school_enrollment_rate"),
    (r"入学率", "other:enrollment_rate"),
    (r"参合率|参保率|医疗保险|医保", "other:medical_insurance_coverage"),  # 新农合参合率 = 基本医保参保率
    (r"人均(?:纯|可支配)收入", "other:income_ratio_to_average"),
    (r"党组织", "other:standardized_party_orgs_share"),
    (r"交流教师|教师[^,,。;]{0,20}比例", "other:teacher_exchange_share"),
    (r"森林覆盖率", "other:forest_coverage"),
    (r"(?:城乡|农村|城镇)?居民(?:人均)?(?:可支配)?收入|农民(?:人均)?收入", "other:income_growth"),
]
MONEY_RULES = [
    (LIFTED_INCOME, "other:lifted_per_capita_income"),
    (r"人均年?(?:纯|可支配)?收入", "other:per_capita_income"),
    (r"贷款|放贷|信贷", "other:loans"),
    (r"资金|预算|投入|投资|经费", "funds"),
]
AREA_RULES = [
    (r"灌溉", "other:irrigation_area_mu"),
    (r"推广", "other:tech_extension_area_mu"),
    (r"造林|植树|退耕", "other:afforestation_mu"),
]
LENGTH_RULES = [(r"路", "other:road_km")]
FLOOR_RULES = [(r"卫生院|医院", "other:health_facility_floor_m2"), (r"住房|危房", "other:housing_floor_m2")]
ITEM_RULES = [(r"产业", "other:featured_industries")]

SHARE_OF_POOR = re.compile(
    r"^(?:以上|左右)?的?(?:农村)?(?:相对)?(?:建档立卡)?(?:贫困|低收入)(?:人口|户)[^,;。]{0,12}(?:脱贫|达到|越过|退出)"
)
_NOT_EXIT = re.compile(r"脱贫(?:任务|攻坚|成果|工作)(?:比较|较|最)?重的")  # "20个脱贫任务比较重的县": a description
DEEP_POVERTY_EXITS = {
    "other:deep_poverty_counties": "counties_exited",
    "other:deep_poverty_villages": "villages_exited",
}
_EXIT_AFTER = re.compile(r"摘帽|出列|退出|销号|脱贫(?!攻坚)")
RISK_ELIMINATED_SHARE = re.compile(r"^(?:以上|左右)?的?" + MONITORED + r"[^,;。]{0,8}消除(?:返贫|致贫)*风险")
SHARE_OF_VILLAGES = re.compile(r"^(?:以上|左右)?的?(?:相对)?贫困村[^,;。]{0,12}(?:出列|达到|退出)")
_PERSON_NOUN = re.compile(
    r"^(?:以上|左右)?(?:农村)?(?:建档立卡|建卡)?(?:农村)?(?:相对)?(?:贫困)?(?:人口|群众|人|移民)|^[^,;。\d、]{0,4}居民"
)
# "25万国标线下贫困人口", "确保脱贫人口不少于120万": a bare 万 that counts people
_PERSON_QUALIFIED = re.compile(r"^[^,;。\d、]{0,12}?贫困(?:人口|群众)")
_PERSON_BEFORE = re.compile(r"(?:人口|人数)(?:不少于|不低于|达到|超过|为|总数|减少)?$")
_HOUSEHOLD_NOUN = re.compile(r"^(?:以上|左右)?(?:农村)?(?:建档立卡)?(?:贫困)?户")
SATISFACTION = re.compile(r"([\u4e00-\u9fff]{2,14}满意度)[^,;。\d\u4e00-\u9fff]{0,12}(?:达到?|不低于)?$")
_NOUN_END = re.compile(r"[\d和及与、,,;;。]")


def nearest(rules: list[tuple[str, str]], text: str, a: int, b: int) -> tuple[int, str] | None:
    """(distance, indicator) of the rule keyword nearest to text[a:b], or None."""
    best = None
    for order, (pattern, code) in enumerate(rules):
        for m in re.finditer(pattern, text):
            dist = a - m.end() if m.end() <= a else max(0, m.start() - b)
            key = (dist, order)
            if best is None or key < best[0]:
                best = (key, code)
    return (best[0][0], best[1]) if best else None


def counted_noun(sentence: str, q_start: int, q_end: int, item_start: int, item_end: int) -> str:
    """The noun a count refers to: the words after "23个" up to the next number or 和/、; else the words before."""
    after = re.sub(r"^(?:以上|以下|以内|左右)", "", sentence[q_end:item_end])
    after = re.sub(r"^\([^)]*\)?", "", after)  # "6个(其中国家扶贫开发工作重点县1个)": a part, not the noun
    after = re.sub(r"^\)", "", after)  # "(包括…项目6个和…项目4个)": the last part's noun is before it
    after = re.sub(r"^的?(?:目标|任务)+", "", after)  # "退出贫困村60个的目标": the noun is before
    cut = _NOUN_END.search(after)
    noun = (after[: cut.start()] if cut else after)[:12]
    if noun and not any(re.search(p, noun) for p, _ in COUNT_RULES) and re.match(r"[^,;。]{0,8}和\d", after):
        # "10个国家级和8个省级贫困县": the noun comes after the last count of the pair
        noun = re.sub(r"\d+(?:\.\d+)?个?", "", after)[:16]
    return noun if noun else sentence[max(item_start, q_start - 20) : q_start]


# "人均纯收入增长10%以上,达到19198元": a level per person reached, after its growth or its comparison
INCOME_REACHED = re.compile(r"人均[^,;。\d]{0,8}收入(?:[^;。\d]|增长\d+(?:\.\d+)?%)*达到?$")


def indicator_for(
    sentence: str,
    q_start: int,
    q_end: int,
    measure: str,
    clause_start: int,
    clause_end: int,
    item_start: int | None = None,
    item_end: int | None = None,
) -> str | None:
    """Indicator for the quantity sentence[q_start:q_end] with the given measure word ("" for a bare 万)."""
    item_start = clause_start if item_start is None else item_start
    item_end = clause_end if item_end is None else item_end
    clause = sentence[clause_start:clause_end]
    qa, qb = q_start - clause_start, q_end - clause_start
    if measure == "" and (
        _PERSON_NOUN.match(sentence[q_end:item_end])
        or _PERSON_QUALIFIED.match(sentence[q_end:item_end])
        or _PERSON_BEFORE.search(sentence[item_start:q_start])
    ):
        measure = "人"
    elif measure == "" and _HOUSEHOLD_NOUN.match(sentence[q_end:item_end]):
        measure = "户"
    if measure in ("人", "名"):
        code = _by_keyword(PERSON_RULES, sentence, clause, qa, qb, clause_start)
        if code == "other:people_benefited" and LOAN_WORDS.search(sentence):
            return "other:loan_beneficiaries"
        return code or ("poor_population" if "贫困人口" in sentence[item_start:item_end] else None)
    if measure == "户":
        return _by_keyword(HOUSEHOLD_RULES, sentence, clause, qa, qb, clause_start)
    if measure == "%":
        rated = SATISFACTION.search(sentence[item_start:q_start])
        if rated:  # "游客满意度(≥**%) >=90%": a performance target of its own, one per rated group
            return unknown_code(rated.group(1), measure)
        if SHARE_OF_POOR.match(sentence[q_end:clause_end]):  # "95%以上的相对贫困人口达到脱贫标准"
            return "other:share_of_poor_lifted"
        if SHARE_OF_VILLAGES.match(sentence[q_end:item_end]):  # "90%以上的相对贫困村达到出列标准"
            return "other:share_of_villages_exited"
        if RISK_ELIMINATED_SHARE.match(sentence[q_end:clause_end]):  # "68.1%的监测对象已消除返贫风险"
            return "other:monitored_risk_eliminated_share"
        code = _by_keyword(PERCENT_RULES, sentence, clause, qa, qb, clause_start)
        if code == "other:linkage_funds_industry_share" and "产业" not in sentence:
            return None  # "4个重点县…衔接资金5.46亿元,占比81.97%": a share of the funds, not of industry's
        return code
    if measure == "元":
        item = sentence[item_start:item_end]
        hit = nearest(MONEY_RULES, item, q_start - item_start, q_end - item_start)
        reached = INCOME_REACHED.search(sentence[:q_start]) if hit is None else None
        if reached and re.search(LIFTED_PEOPLE + r"[^,;。\d]{0,10}$", sentence[: reached.start()]):
            return "other:lifted_per_capita_income"  # "脱贫人口和监测对象人均纯收入增长10%以上,达到19198元"
        if reached:
            return "other:per_capita_income"  # "农民人均可支配收入增长幅度高于全省平均水平,达到1万元以上"
        return hit[1] if hit else "other:funds_line_item"
    if measure in ("个", "所", "座", "处", "间", "套", "家"):
        noun = counted_noun(sentence, q_start, q_end, item_start, item_end)
        for pattern, code in COUNT_RULES:
            if re.search(f"(?:{pattern})(?![级民委组干医办制班台])", noun):
                around = _NOT_EXIT.sub("", clause) + " " + _NOT_EXIT.sub("", sentence[q_end:])
                exits = EXIT_VERBS.search(around) is not None
                if code == "counties":
                    return "counties_exited" if exits else "other:poor_counties"
                if code == "villages":
                    return "villages_exited" if exits else "other:poor_villages"
                if code == "townships":
                    return "other:townships_exited" if exits else None
                if code in DEEP_POVERTY_EXITS and _EXIT_AFTER.search(sentence[q_end:item_end]):
                    return DEEP_POVERTY_EXITS[code]  # "9个深度贫困县脱贫摘帽": exits of counties that are deeply poor
                return code
        return None
    tables = {
        "亩": (AREA_RULES, "other:area_mu"),
        "公顷": ([], "other:area_ha"),
        "公里": (LENGTH_RULES, "other:length_km"),
        "千米": (LENGTH_RULES, "other:length_km"),
        "平方米": (FLOOR_RULES, "other:floor_area_m2"),
        "项": (ITEM_RULES, None),
    }
    if measure in tables:
        rules, fallback = tables[measure]
        return _by_keyword(rules, sentence, clause, qa, qb, clause_start) or fallback
    return None


def _by_keyword(rules, sentence: str, clause: str, qa: int, qb: int, clause_start: int) -> str | None:
    hit = nearest(rules, clause, qa, qb)
    if hit:
        return hit[1]
    if rules is PERCENT_RULES and re.search(r"(?:率|比例|比重)", clause[:qa]):
        return None  # the clause names its own rate ("家庭医生签约服务覆盖率100%"): not an earlier clause's
    if rules is PERCENT_RULES and names_own_growth(clause[:qa]):
        return None  # "地区生产总值增长6%左右,一般公共预算总收入增长6%左右": each growth rate of a list is its own
    before = sentence[:clause_start]
    hit = nearest(rules, before, len(before), len(before))
    return hit[1] if hit else None


_GROWTH_SUBJECT = re.compile(r"([\u4e00-\u9fff]{2,})(?:分别)?(?:增长|增幅|涨幅|增速|提高|下降)(?:幅度)?$")
_NOT_A_SUBJECT = re.compile(r"(?:同比|年均|平均|比上年|较上年|比去年|每年|力争|确保|预期|实现|保持)+$")


def names_own_growth(before: str) -> bool:
    """Whether the words before a growth rate name what grows ("社会消费品零售总额增长"), not only how it is
    compared ("同比增长", "年均增长").

    >>> names_own_growth("社会消费品零售总额增长"), names_own_growth("同比增长"), names_own_growth("确保年均增长")
    (True, False, False)
    """
    m = _GROWTH_SUBJECT.search(before)
    return m is not None and len(_NOT_A_SUBJECT.sub("", m.group(1))) >= 2


def is_flow(indicator: str, measure: str) -> bool:
    """Flows accumulate over a period; stocks and rates (%) are read at a date."""
    return measure != "%" and indicator not in STOCK_INDICATORS


# ---- readable names, units, and indicators the catalogue does not know ----------------------------------

_CATALOGUE: dict[str, dict] | None = None
_MEASURE_UNIT = {
    "人": "人",
    "名": "人",
    "户": "户",
    "元": "元",
    "%": "%",
    "亩": "亩",
    "公里": "公里",
    "千米": "公里",
    "千瓦": "千瓦",
}
_LABEL_TRIM = re.compile(
    r"^(?:[,、;:]|和|及|与|并|全面|完成|实现|确保|力争|新增|新建|建成|建设|安排|实施|解决|达到|有|今年|明年|全年|年内|计划|将|要|拟)+"
)


def catalogue() -> dict[str, dict]:
    """data/indicators.csv by code (read once)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        import csv

        from settings import DATA_DIR

        with open(DATA_DIR / "indicators.csv", encoding="utf-8", newline="") as f:
            _CATALOGUE = {r["code"]: r for r in csv.DictReader(f)}
    return _CATALOGUE


def label_of(code: str) -> str:
    """The catalogue's Chinese name of a code ("" when the code is not in the catalogue)."""
    row = catalogue().get(code)
    return row["name_zh"] if row else ""


def base_unit(written: str, code: str, value: float) -> tuple[str, float]:
    """(unit, value) in the indicator's base unit; values are already in base units, so only the unit
    changes: 名 -> 人, 万人 -> 人, 万元 -> 元, a bare 万 before 贫困人口 -> 人.

    >>> base_unit("名", "other:special_post_teachers", 10000.0)
    ('人', 10000.0)
    """
    row = catalogue().get(code)
    if row and row["unit"]:
        return row["unit"], value
    bare = written[1:] if len(written) > 1 and written[0] in "万亿" else written
    if bare in ("万", "亿", ""):
        return "人", value
    return _MEASURE_UNIT.get(bare, bare), value


_LABEL_VERB = re.compile(r"(?:达到|达|为|在|提高到|提升到|保持在|稳定在|控制在|不低于|不少于|不超过|不高于|超过|低于)$")


def label_for(sentence: str, q_start: int, q_end: int, measure: str, i_start: int, i_end: int, c_start: int) -> str:
    """The document's words for what a number counts, for the reviewer: the noun after a count
    ("7座水库" -> "水库"), else the words before the number in its list item ("覆盖70%" -> "扶贫小额贷款覆盖")."""
    after = sentence[q_end:i_end]
    after = re.sub(r"^(?:以上|以下|左右|以内)", "", after)
    cut = re.search(r"[\d,、;。:]", after)
    noun = (after[: cut.start()] if cut else after).strip()
    before = _LABEL_TRIM.sub("", sentence[max(i_start, q_start - 16) : q_start]).strip()
    before = _LABEL_VERB.sub("", before)
    if measure in ("%",) or not noun or re.fullmatch(r"[的]?(?:任务|目标|以上|以下)?", noun):
        return (before + ("" if measure == "%" else noun)).strip("的 ") or noun
    return re.sub(r"^的", "", noun)[:16]


# A label's edges that name nothing: bullets and list numbers before it ("■", "(三)", "2."), a 的 left from
# "100%的…", a trailing 均/都 from "…率均达到".
_LABEL_LEAD = re.compile(
    r"^(?:[\s的■□●○◆◇▲△▶▸►▪▫•·\-—–*#>、,;:]|[(\uff08]?[一二三四五六七八九十\d]{1,3}[)\uff09]|[一二三四五六七八九十\d]{1,3}[.、．])+"
)
_LABEL_TAIL = re.compile(r"(?:[\s,、;:]|均|都|分别)+$")
_LABEL_SCOPE = re.compile(r"^(?:[全我本该](?:省|市|县|区|州|旗|盟|乡|镇)|全国)(?=[\u4e00-\u9fff]{2})")
CODE_MAX = 64  # indicators.code


def readable_label(label: str) -> str:
    """An unknown indicator's name as a reviewer reads it: the noun phrase the number measures, without the
    bullets, list numbers, leading 的, the region it is said of (全县, 我市: the figure's region says that) and
    trailing 均 the text put around it.

    >>> readable_label("■全县行政村道路硬化率"), readable_label("精准退出率均"), readable_label("的贫困村建立合作社")
    ('行政村道路硬化率', '精准退出率', '贫困村建立合作社')
    """
    return _LABEL_TAIL.sub("", _LABEL_SCOPE.sub("", _LABEL_LEAD.sub("", label or "")))


_NO_NAME = re.compile(r"(?:其中|其|共|合计|总计|总共|包括|含|辖|计|另|有|和|及|与|等|占|人|户|个)*")
_OWN_COUNT = re.compile(r"\d+(?:\.\d+)?[万亿]?[个户人名所座家条项村乡镇]")


def names_something(label: str) -> bool:
    """Whether a label could name an indicator: two Chinese characters or more once brackets and punctuation are
    off, not only words like 其中/合计/辖, and no count of its own (a description, "辖11个行政村64个村民小组").
    The Documents page shows a possible target whose label names nothing as unnamed (``etl.intake.candidate_row``):
    it may still be one (a table cell's "|", "咸宁市(1个)"), and the reviewer who ticks it names it.

    >>> names_something("扶贫电站"), names_something("村民小组")
    (True, True)
    >>> names_something("(其中"), names_something(")"), names_something("辖11个行政村64个村民小组")
    (False, False, False)
    """
    words = readable_label(label or "")
    if _OWN_COUNT.search(words):
        return False
    chinese = re.sub(r"[^\u4e00-\u9fff]", "", words)
    return len(chinese) >= 2 and not _NO_NAME.fullmatch(chinese)


def unknown_code(label: str, measure: str) -> str:
    """A stable ``other:`` code for an indicator the catalogue lacks, from the pinyin of its readable label: as
    much of it, from its end, as a code holds, so that two different labels ending alike stay two indicators.

    >>> unknown_code("水库", "座").partition(":")[2]
    'shui_ku'
    >>> unknown_code("贫困村建立农民专业合作社", "%") != unknown_code("贫困人口参加农民专业合作社", "%")
    True
    """
    from pypinyin import lazy_pinyin

    words = re.sub(r"[^\u4e00-\u9fff]", "", readable_label(label)) or measure
    syllables: list[str] = []
    for syllable in reversed(lazy_pinyin(words)):
        if len("other:") + len("_".join([syllable, *syllables])) > CODE_MAX:
            break
        syllables.insert(0, syllable)
    return "other:" + "_".join(syllables)


PER_UNIT_FUNDS = [
    (r"每个深度贫困村", "other:funds_per_deep_poverty_village"),
    (r"每[个条]?(?:贫困|项目)?村", "other:funds_per_poor_village"),
    (r"每[个]?(?:贫困)?乡", "other:funds_per_poor_township"),
    (r"每[个条]?(?:贫困)?县", "other:funds_per_poor_county"),
]


def per_unit_funds(clause: str, measure: str, comparator: str) -> str | None:
    """A floor of money per village or county ("每个深度贫困村涉农整合资金投入不低于500万元"): a target of its own.

    >>> per_unit_funds("攻坚期内每个深度贫困村涉农整合资金投入不低于500万元", "元", ">=")
    'other:funds_per_deep_poverty_village'
    """
    if measure != "元" or comparator not in (">=", "~"):
        return None
    return next((code for pattern, code in PER_UNIT_FUNDS if re.search(pattern, clause)), None)


def subset_code(code: str | None, clause: str) -> str | None:
    """The part of a relocation total that is registered poor (其中建档立卡…) or moving along (同步搬迁/随迁)."""
    if code not in ("relocated_people", "other:relocated_households"):
        return code
    people = code == "relocated_people"
    if re.search(r"其中[^,;。]{0,4}(?:建档立卡|建卡)|建档立卡[^,;。]{0,6}(?:人口|户)", clause) and "其中" in clause:
        return "other:relocated_registered_poor_people" if people else "other:relocated_registered_poor_households"
    if re.search(r"同步搬迁|随迁", clause):
        return "other:relocated_accompanying_people" if people else code
    return code


PEOPLES_INCOME = re.compile(r"(?:人均|农民|居民|群众|脱贫|贫困)[^,;。]*收入")  # not 一般公共预算收入
RESIDENTS_INCOME = re.compile(r"(?:农民|居民)[^,;。]*收入")
POOR_WORDS = re.compile(r"贫困|脱贫|低收入|监测")


def growth_code(code: str | None, clause: str = "") -> str | None:
    """The growth-rate indicator for a % that is a rise against an unstated base ("预算再提高20%")."""
    if "深度贫困" in clause and re.search(r"资金|预算|投入|经费", clause):
        return "other:deep_poverty_funds_increase"
    funds = re.search(r"资金|预算(?!总?收入)|投入|经费", clause)  # not 一般公共预算收入: the budget's revenue
    if code in ("funds", "other:funds_line_item") or code is None and funds:
        return "other:funds_growth_rate"
    if code in ("other:gdp_growth", "other:fixed_asset_investment_growth"):
        return code
    if code is None and re.search(LIFTED_INCOME, clause):
        return "other:lifted_income_growth"
    if code == "other:income_ratio_to_average" or code is None and PEOPLES_INCOME.search(clause):
        if RESIDENTS_INCOME.search(clause) and not POOR_WORDS.search(clause):
            return "other:income_growth"  # "农村居民人均可支配收入增长8%": every rural resident's, not the poor's
        return "other:poor_income_growth"
    return code


def indicator_of_words(words: str, measure: str) -> str | None:
    """The indicator a table column or row names ("减贫人数(人)", "贫困村退出(个)"), by the same rules as text.

    >>> indicator_of_words("贫困村退出", "个")
    'villages_exited'
    """
    words = words.strip()
    if not words:
        return None
    sentence = f"{words}1{measure}"
    a = len(words)
    code = indicator_for(sentence, a, a + 1 + len(measure), measure, 0, len(sentence))
    if code is None and measure in ("个", "所", "座", "处"):
        noun = re.sub(r"(?:数|数量|个数)$", "", words)
        for pattern, rule_code in COUNT_RULES:
            if re.search(pattern, noun):
                exits = EXIT_VERBS.search(noun) is not None
                if rule_code == "counties":
                    return "counties_exited" if exits else "other:poor_counties"
                if rule_code == "villages":
                    return "villages_exited" if exits else "other:poor_villages"
                return rule_code
    if code is None and re.search(r"[\u4e00-\u9fff]{2}", words):
        return unknown_code(words, measure)
    return code
