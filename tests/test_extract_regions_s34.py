"""Whose text and whose figure (session 34): a county-level city that says 全市 of itself, a credit line of a
county's news centre under a title that says 我市, a tie between 全省 and 全州, a national list that quotes a
region's 全区, funds of paired aid in the helper's text, and a provincial paper's page address."""

from __future__ import annotations

from etl.extract import extract_document
from etl.extract.source_url import site_region


def _targets(doc) -> dict[float, str | None]:
    return {f.value: f.region_code for f in doc.figures if f.kind == "target"}


def test_a_county_level_city_that_says_quanshi_is_itself_not_its_prefecture(g):
    text = (
        "荆楚网(湖北日报网)讯(记者 左乙辰)1月3日,在大冶市第七届人民代表大会第三次会议上,大冶市长作政府工作报告。\n"
        "2022年,在全省巩固脱贫攻坚成果后评估中,大冶再次获评“好”等次。\n"
        "2023年,大冶市将新增就业5000人,全市脱贫人口人均纯收入增长10%以上。"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code == "420281"  # 大冶市 (黄石市's county-level city), not 黄石市 420200
    assert set(_targets(doc).values()) == {"420281"}


def test_a_county_news_centre_credit_under_a_title_that_says_woshi(g):
    text = (
        "我市组织收看收听全省扶贫开发工作电视电话会议\n"
        "2016-03-23 [来源:化州市新闻中心]\n"
        "3月22日,广东省召开扶贫开发工作会议,总结我省扶贫开发工作,动员全省人民坚决打赢脱贫攻坚战。"
        "茂名市人大常委会副主任、我市市委书记在分会场收看收听了会议。"
        "省长总结了全省扶贫开发工作,全省扶贫开发双到工作帮扶村贫困户人均纯收入达9220元。"
    )
    assert extract_document(text, g).info.region_code == "440982"  # 化州市, not 广东省


def test_funds_of_paired_aid_in_the_helpers_text_are_the_aided_regions(g):
    text = (
        "北京市扶贫协作办公室主任告诉记者,北京市16个区结对帮扶内蒙古自治区31个旗县市。"
        "我市将进一步加大力度,今后三年扶贫协作资金合计从原计划的9.92亿元增至29.75亿元。"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code == "110000"
    assert _targets(doc)[2.975e9] == "150000"  # money for 内蒙古, the helper 北京's text
    text = (  # a helper of two: its funds stay its own
        "佛山市继续对口支援新疆伽师县、西藏墨脱县。2017年,我市将筹集帮扶资金15.7亿元,全市将选派干部100名。"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code == "440600"
    assert _targets(doc)[1.57e9] == "440600"


def test_a_provincial_papers_page_names_its_province(g):
    from etl.extract.source_url import paper_province

    assert paper_province("http://szb.northnews.cn/nmgrb/html/2022-05/23/content_1.htm", g) == "150000"
    assert paper_province("http://epaper.example.cn/gsrb/html/2019-01/02/a.htm", g) == "620000"
    assert paper_province("http://hnrb.example.cn/html/a.htm", g) is None  # 河南, 湖南 and 海南
    assert paper_province("http://sxrb.example.cn/html/a.htm", g) is None  # 山西 and 陕西
    url = "http://szb.northnews.cn/nmgrb/html/2022-05/23/content_36479_181342.htm"
    text = (
        "据悉,衔接资金要优先支持产业发展,占比原则上不得低于55%。"
        "要继续支持31个国家级脱贫旗县和4个自治区乡村振兴重点帮扶旗县统筹整合使用财政涉农涉牧资金。"
    )
    assert site_region(url, g, text) == "150000"
    assert extract_document(text, g, source_url=url).info.region_code == "150000"


def test_a_short_name_before_zhou_is_the_prefecture_it_shares_with_a_province_or_city(g):
    doc = extract_document("海南州2018年计划实现1.2万贫困人口脱贫,共和县、贵德县退出贫困县序列。", g)
    assert doc.info.region_code == "632500"  # 青海's 海南藏族自治州, not 海南省 460000
    assert extract_document("恩施自治州今年将实现10万贫困人口脱贫。", g).info.region_code == "422800"
    assert extract_document("海南今年将实现5万贫困人口脱贫。", g).info.region_code == "460000"


def test_a_headline_that_opens_with_a_countys_short_name_before_its_colon(g):
    body = "\n记者从县扶贫办获悉,今年全县将实现3万人脱贫,30个贫困村出列。"
    for headline in ("纳雍:今年3万人将脱贫", "【纳雍】今年3万人将脱贫", "毕节纳雍:今年3万人将脱贫"):
        doc = extract_document(headline + body, g)
        assert doc.info.region_code == "520525", headline  # 纳雍县 (毕节市, 贵州)
        assert _targets(doc)[30000.0] == "520525"


def test_a_government_wechat_accounts_post_is_its_regions(g):
    text = "纳雍发布 2018-03-01\n今年全县将实现3万人脱贫,30个贫困村出列。按照贵州省、毕节市的要求抓好落实。"
    doc = extract_document(text, g)
    assert doc.info.region_code == "520525"  # 纳雍县's account, over the province and prefecture it names
    assert _targets(doc)[30000.0] == "520525"
    # a name its prefecture shares with its seat (恩施州, 恩施市) is the prefecture's account
    text = "【恩施发布】\n今年全州将实现10万人脱贫。按照湖北省的要求抓好落实。"
    assert extract_document(text, g).info.region_code == "422800"


def test_a_short_name_that_straddles_the_end_of_another_regions_name_is_not_read(g):
    from etl.extract.own_region import region_mentions

    assert region_mentions("江津市今年将减少贫困人口1万人", g) == ["江津区"]  # not 湖南's 津市市
    assert region_mentions("山西安泽今年将减少贫困人口1万人", g) == ["山西省", "安泽县"]


def test_a_shared_short_name_right_after_its_province_is_the_region_that_holds_the_others(g):
    from etl.extract.own_region import region_mentions

    assert region_mentions("湖北恩施今年将减贫10万人", g) == ["湖北省", "恩施土家族苗族自治州"]
    assert region_mentions("河北承德今年将减贫5万人", g) == ["河北省", "承德市"]
    assert region_mentions("北京朝阳今年将投入帮扶资金1亿元", g) == ["北京市", "朝阳区"]
    doc = extract_document("湖北恩施今年将减贫10万人,巴东县、建始县将摘帽。", g)
    assert doc.info.region_code == "422800"
    assert extract_document("河北承德今年全县将减贫1万人", g).info.region_code == "130821"  # 承德县 by 全县


def test_a_county_renamed_with_a_new_code_is_read_by_its_former_name(g):
    from etl.extract.own_region import region_mentions

    assert [g.resolve(n) for n in ("株洲县", "430221", "开县", "盘县", "达县", "林芝县")] == [
        "430212",  # 渌口区
        "430212",
        "500154",  # 开州区
        "520281",  # 盘州市
        "511703",  # 达川区
        "540402",  # 巴宜区
    ]
    doc = extract_document("开县2015年计划实现3万贫困人口脱贫,60个贫困村销号。", g)
    assert doc.info.region_code == "500154"
    assert _targets(doc)[30000.0] == "500154"
    assert extract_document("株洲县2017年计划实现5000人脱贫。", g).info.region_code == "430212"
    # a two-character former name that ends another word is not the county
    assert region_mentions("召开县委常委会议,公开县级财政预算,下达县级资金", g) == []


def test_the_derived_tree_carries_the_renames_no_revision_ties():
    from etl.regions_history import former_names_and_codes

    current = [{"code": "430212", "name_zh": "渌口区", "level": "county"}]
    assert former_names_and_codes(current, [{"430221": "株洲县"}]) == {"430212": (["株洲县"], ["430221"])}


def test_quanxian_in_a_prefectures_text_is_the_county_just_named(g):
    head = "毕节市2018年脱贫攻坚工作要点\n"
    doc = extract_document(head + "今年,纳雍县将实现3万人脱贫。同时,全县还将完成易地扶贫搬迁1万人。", g)
    assert doc.info.region_code == "520500"
    assert _targets(doc) == {30000.0: "520525", 10000.0: "520525"}  # 纳雍县's both, not 毕节市's
    two = "今年,纳雍县将实现3万人脱贫,威宁县将实现2万人脱贫。同时,全县还将完成易地扶贫搬迁1万人。"
    assert _targets(extract_document(head + two, g))[10000.0] == "520500"  # which county: not said


def test_the_partner_a_helpers_text_calls_its_supported_or_cooperating_region(g):
    for word in ("对口支援地区", "协作地区", "受援县"):
        text = f"宁波市对口帮扶延边朝鲜族自治州。今年,宁波市将帮助{word}转移就业贫困劳动力1万人。"
        doc = extract_document(text, g)
        assert doc.info.region_code == "330200", word
        assert _targets(doc)[10000.0] == "222400", word  # 延边州's, the helper 宁波's text


def test_a_title_that_says_woxian_sets_the_level_over_a_body_that_relays_the_province(g):
    text = (
        "我县组织收看全省脱贫攻坚电视电话会议\n3月1日,贵州省召开脱贫攻坚电视电话会议,总结全省脱贫攻坚工作。"
        "省长要求,全省今年要减少贫困人口100万人,贵州省将确保14个县摘帽。纳雍县委书记在分会场收看会议,"
        "会后要求全县今年实现3万人脱贫。"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code == "520525"  # 纳雍县, not 贵州省
    assert _targets(doc) == {1000000.0: "520000", 14.0: "520000", 30000.0: "520525"}
