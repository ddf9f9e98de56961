"""Whose figure it is (session 37): general causes of a wrong region, each pinned by short real sentences of dev
texts (data/corpus/dev; the file is named in each test), in simplified characters."""

from __future__ import annotations

import pytest

from etl.extract import extract_document
from etl.extract.own_region import find_region, self_reference_level
from etl.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.national()


def test_municipality_says_quanshi_not_wosheng(g):
    # tianjin-2020-consumption-aid-plan-trad: 天津市 says 全市/本市 as a prefecture does, so the prefecture it aids
    # (和田地区, with two of its counties named) is not the text's own
    text = (
        "日前从天津市“津城献爱心、精准助脱贫”消费扶贫“云签约”活动现场获悉,为帮助贫困地区解决农产品销路,"
        "市商务局发动全市力量,计划全年完成消费扶贫总额12亿元以上。\n"
        "据悉,针对尚未摘帽的甘肃省庆阳市镇原县,新疆和田地区策勒县、于田县3个贫困县,以及贫困发生率超过10%的"
        "46个贫困村,本市实施挂牌督战,采购上述贫困县扶贫产品要达到年度任务目标的10%以上。"
    )
    assert find_region(text, g, None, "")[0] == "120000"


def test_wosheng_is_not_a_municipality(g):
    # hebei-2018-beijing-cooperation-three-year-funds-wechat: 我省 is 河北省's word, not 北京市's (named more often)
    text = (
        "近日,北京市与河北省签署全面深化京冀扶贫协作三年行动框架协议,助力河北省受帮扶地区到2020年如期实现"
        "脱贫目标,其中涉及我省三市23个县(区)。\n"
        "今后三年的京冀扶贫协作资金为26.21亿元,每年的帮扶资金都将于当年的北京市“两会”后,一次性拨付至河北省财政厅。\n"
        "北京市将积极承担帮扶责任,深入对接,广泛动员北京市各类企事业单位和社会组织参与扶贫协作工作。"
    )
    assert find_region(text, g, None, "")[0] == "130000"


def test_autonomous_region_name_is_not_a_self_word():
    # beijing-2018-neimenggu-cooperation-funds-trad: "内蒙古自治区" names the region; it is not 自治区 said of itself
    text = "继4月8日北京市与内蒙古自治区签署全面深化北京内蒙古扶贫协作三年行动框架协议后"
    assert self_reference_level(text) is None
    assert self_reference_level("经自治区人民政府同意,全区今年减贫15万人") == "province"


def test_municipality_text_keeps_its_funds(g):
    # hebei-2018-beijing-cooperation-three-year-funds-wechat: the three years' money is 河北's, the text's own
    text = (
        "近日,北京市与河北省签署全面深化京冀扶贫协作三年行动框架协议,其中涉及我省三市23个县(区)。\n"
        "京冀扶贫协作资金26.21亿元\n"
        "今后三年的京冀扶贫协作资金为26.21亿元,每年的帮扶资金都将于当年的北京市“两会”后,一次性拨付至河北省财政厅。\n"
        "北京市将积极承担帮扶责任,广泛动员北京市各类企事业单位参与扶贫协作工作。"
    )
    doc = extract_document(text, g, as_of="2018-05-02")
    assert doc.info.region_code == "130000"


def test_aid_funds_noun_names_no_aided_place(g):
    # hebei-2018-beijing-cooperation-three-year-funds-wechat: "帮扶资金都将于当年的北京市…" is the aid money, not
    # 帮扶 with 北京 as its object: the 80% floor stays 河北's
    from etl.extract.aided import referred_region

    text = (
        "今后三年的京冀扶贫协作资金为26.21亿元,每年的帮扶资金都将于当年的北京市“两会”后,一次性拨付至河北省财政厅。\n"
        "聚焦特殊贫困群体,将帮扶资金80%以上用在与建档立卡贫困人口紧密联系的项目上来。"
    )
    clause = "将帮扶资金80%以上用在与建档立卡贫困人口紧密联系的项目上来"
    assert referred_region(text, text.index("聚焦特殊"), clause, g, "130000") is None
    # the object of 帮扶 right after it still counts ("北京市16个区结对帮扶内蒙古自治区31个旗县市")
    text = "北京市16个区结对帮扶内蒙古自治区31个旗县市。扶贫协作资金将从县均1000万元增至县均3000万元"
    clause = "扶贫协作资金将从县均1000万元增至县均3000万元"
    assert referred_region(text, text.index("扶贫协作资金"), clause, g, "110000") == ("内蒙古自治区", "150000")


def test_helper_text_sets_its_partners_targets(g):
    # tianjin-2012-gansu-cooperation-agreement-yearbook: after "天津市对口帮扶甘肃省…", the cadres sent to 甘肃 and
    # trained there are 甘肃's targets, in 天津's text
    text = (
        "协议明确:1.天津市对口帮扶甘肃省资金由2012年前的每年2000万元增加到6000万元,并以每年8%的比例递增,"
        "资金的80%集中用于支持藏区。4.开展互派干部挂职,天津市选派10名援甘干部到甘肃省藏区挂职;"
        "接收20名甘肃干部到天津的工业园区挂职;每年培训甘肃省藏区党政副职干部100名;"
    )
    doc = extract_document(text, g, region_code="120000", as_of="2012-12-31")
    regions = {f.value: f.region_code for f in doc.figures if f.kind == "target"}
    assert regions[100] == "620000"
    assert regions[10] == "620000"


def test_partner_named_needs_the_partner_alone(g):
    from etl.extract.aided import partner_named

    text = "天津市对口帮扶甘肃省资金增加到6000万元。每年培训甘肃省和新疆干部100名"
    s = text.index("每年")
    assert partner_named(text, s, text[s:], g, "120000") is None  # another region beside it: not the partner's
    text = "天津市对口帮扶甘肃省资金增加到6000万元。每年培训甘肃省藏区党政副职干部100名"
    assert partner_named(text, s, text[s:], g, "120000") == ("甘肃省", "620000")


def test_aided_region_named_in_an_earlier_clause(g):
    # sichuan-2017-paired-aid-funds-projects-trad: the projects and money of 广东's plan for 甘孜州, in 四川's text
    from etl.extract.aided import aided_region

    s = "日前,广东省下达2017年对口支援甘孜州投资计划,今年安排项目95个、帮扶资金2.08亿元"
    c = s.index("今年")
    assert aided_region(s, c, len(s), s.index("95"), g, "510000") == ("甘孜藏族自治州", "513300")
    # a clause that names its own whole is not the aided one's
    s = "日前,广东省下达2017年对口支援甘孜州投资计划,全省今年安排项目95个"
    assert aided_region(s, s.index("全省"), len(s), s.index("95"), g, "510000") is None


def test_duikou_xiezuo_names_the_aided(g):
    # sichuan-2017-paired-aid-funds-projects-trad: 对口扶贫协作 + a place is the place aided
    from etl.extract.aided import aided_region

    s = "今年初,佛山市下达了2017年对口扶贫协作凉山州计划,安排帮扶资金1.1亿元、实施1146户贫困户"
    c = s.index("安排")
    assert aided_region(s, c, s.index("、实施"), s.index("1.1"), g, "510000") == ("凉山彝族自治州", "513400")


_SHANXI = "2018年到2020年,山西将在偏关县,、宁武县,、静乐县改造新建沙棘林30万亩,,在静乐县发展藜麦10万亩。"


@pytest.mark.parametrize(
    ("sentence", "value", "region"),
    [
        # shanxi-2018-deep-poverty-counties-funds-industry-plan-trad: counties of one prefecture -> the prefecture
        ("2018年到2020年,山西将在永和县、大宁县提升发展水果26万亩。", 260000, "141000"),
        # counties of several prefectures (吕梁's three, 临汾's 永和) -> the province's own
        ("2018年到2020年,山西将在兴县、临县、石楼县、永和县4县实施干果经济林提质增效100万亩以上。", 1000000, "140000"),
        # the reprint's ",、" between the names (a dropped reading) still joins them
        (_SHANXI, 300000, "140900"),
        (_SHANXI, 100000, "140926"),
    ],
)
def test_listed_counties_of_one_prefecture(g, sentence, value, region):
    doc = extract_document(sentence, g, region_code="140000", as_of="2018-01-01")
    assert {f.value: f.region_code for f in doc.figures}[value] == region


def test_model_region_is_not_the_texts_own(g):
    # weixi-2024-linkage-work-points: 浙江 is named only as the model learnt from; the county's site places the text
    text = (
        "2024年是新中国成立75周年,特制定2024年度工作要点。\n"
        "按照州委农村工作会议提出的目标任务,持续巩固拓展脱贫攻坚成果;学习推广浙江“千万工程”经验,着力提升乡村产业"
        "发展水平。\n"
        "脱贫人口人均纯收入增速高于全县农村居民人均可支配收入增速;脱贫人口和监测对象人均纯收入增长10%以上,"
        "达到19198元。"
    )
    assert find_region(text, g, None, "") == (None, None)
    url = "http://www.weixi.gov.cn/zfxxgk_weixi/zhengcewenjian/zdgkwj/qitawenjian/t_weixi_nyncj/202407/20240705_210796.html"
    doc = extract_document(text, g, source_url=url)
    assert doc.info.region_code == "533423"
    assert "浙江省" not in {f.region for f in doc.figures}


def test_one_town_places_a_county_text(g):
    # wangcang-2017-relocation-plan-review-trad: "我县" and one town only 旺苍县 has (嘉川镇), read out of "我县嘉川镇"
    from etl.gazetteer import county_of_towns_in

    text = (
        "2017年我县计划实施易地扶贫搬迁1856户6829人,其中,省计划批1085户3974人。\n"
        "我县嘉川镇五红村集中安置点成为2017年全国、全省易地扶贫搬迁推进会现场参观点,得到了与会领导的好评。"
    )
    assert find_region(text, g, None, "") == ("510821", "旺苍县")
    assert county_of_towns_in("破解城乡二元结构,建设美丽乡村") is None  # words, not towns
