"""The document's own region (issue 12, session 25): a site whose host names two regions, an address that names
the outer regions on its way to the place it means, and the words a text uses of itself. Real sentences and texts
of the dev corpus (data/corpus/dev, names a–r), read whole as the intake reads them (with their address)."""

from __future__ import annotations

from pathlib import Path

import yaml

from etl.extract import extract_document
from etl.extract.own_region import (
    approval_subject,
    find_region,
    listed_counties,
    self_reference_level,
    unqualified_mentions,
)
from etl.extract.source_url import site_region

DEV = Path(__file__).resolve().parent.parent / "data" / "corpus" / "dev"


def _extract(slug: str, g):
    meta = yaml.safe_load((DEV / f"{slug}.yaml").read_text(encoding="utf-8"))
    return extract_document((DEV / f"{slug}.txt").read_text(encoding="utf-8"), g, source_url=meta["url"])


def _regions(doc) -> set[str | None]:
    return {f.region_code for f in doc.figures if f.kind == "target"}


def test_a_host_pinyin_two_regions_share_is_the_one_the_text_names(g):
    shared = "http://www.taihe.gov.cn/zwgk/x.html"  # 太和县 and 泰和县 are both "Taihe"
    assert site_region(shared, g) is None
    assert site_region(shared, g, "来源:泰和县财政局") == "360826"
    url = "http://www.nanyue.gov.cn/nyczj/czysgk/i951217.html"  # 南岳区 only: 南乐县 reads Nanle as a place name
    assert site_region(url, g) == "430412"
    assert site_region(url, g, "发布时间:2018年05月20日 15:40 来源:南岳区财政局") == "430412"
    doc = _extract("nanyue-2018-funds-performance-table", g)
    assert doc.info.region_code == "430412" and _regions(doc) == {"430412"}


def test_an_address_names_the_place_it_leads_to_not_the_province_on_the_way(g):
    lead = (
        "国际在线消息(记者 陈晨):日前,据山东平邑县经济开发区透露,2019年经开区上级拨付开发区财政专项扶贫资金为100万元。"
    )
    assert unqualified_mentions(lead, g) == ["平邑县"]
    assert find_region(lead, g, None, lead)[0] == "371326"
    doc = _extract("pingyi-2019-development-zone-funds-news", g)
    assert _regions(doc) == {"371326"}


def test_regions_side_by_side_both_count(g):
    assert unqualified_mentions("北京市天津市各安排资金", g) == ["北京市", "天津市"]


def test_a_delegates_seat_in_the_regions_congress_is_not_the_texts_own_word(g):
    said = (
        "“都安瑶族自治县作为全区4个极度贫困县之一,要以决战决胜的姿态全力冲刺,确保实现脱贫摘帽。”"
        "自治区人大代表、都安县长蓝如帅在接受采访时说。"
    )
    assert self_reference_level(said) is None
    doc = _extract("duan-2020-county-head-interview-news", g)
    assert doc.info.region_code == "451228" and _regions(doc) == {"451228"}


def test_a_city_papers_initials_place_its_own_report(g):
    url = "http://epaper.dtnews.cn/dtrb/html/2018-11/21/content_102_91250.htm"  # 大同日报
    said = "到2020年,全市农村生活垃圾治理村庄达到90%"
    assert site_region(url, g, said) == "140200"
    assert site_region(url, g, "到2020年,全省农村生活垃圾治理村庄达到90%") is None
    assert site_region("http://lyrb.lyd.com.cn/html/2011-08/04/a.htm", g, said) is None  # ly: 洛阳, 临沂, 龙岩…
    doc = _extract("datong-2018-poor-village-upgrading-plan-news", g)
    assert doc.info.region_code == "140200" and _regions(doc) == {"140200"}


def test_a_county_portals_own_domain_places_a_text_of_its_own(g):
    said = "今年全县农民人均可支配收入增长9%,高于九江0.5个百分点。"  # a made-up sentence: a portal's own news
    assert unqualified_mentions(said, g) == []
    assert site_region("http://www.xiushui.net/news/a.html", g, said) == "360424"  # 修水县
    assert site_region("http://www.xiushui.net/news/a.html", g, said.replace("全县", "全省")) is None
    for url in ("http://shenyang.baogaosu.com/a.html", "http://anping.hebei.com.cn/a.html", "http://mmm.xiushui.net/a"):
        assert site_region(url, g, said) in (None, "130000")  # a channel of another site: not the region's own


def test_an_approval_is_for_the_place_it_answers(g):
    title = "甘肃省发展和改革委员会关于会宁县2017年度易地扶贫搬迁项目可行性研究报告的批复"  # a made-up title
    text = f"{title}\n白银市发展改革委:\n你委报来的报告收悉。经研究,批复如下:\n一、建设规模:搬迁安置60户305人。"
    assert find_region(text, g, "甘肃省发展和改革委员会", title) == ("620422", "会宁县")
    assert approval_subject("湖南省人民政府关于同意茶陵县等5县脱贫摘帽的批复", g) is None
    assert approval_subject("湖南省人民政府关于湖南省2018年贫困县退出的批复", g) is None  # its own region


def test_a_list_of_short_county_names_names_their_prefecture(g):
    said = "努力办好全州28件民生实事。确保新龙、德格、石渠义务教育均衡发展通过国家评估"
    assert listed_counties(said, g) == ["新龙县", "德格县", "石渠县"]
    assert self_reference_level(said) == "prefecture"
    assert find_region(said, g, None, "政府工作报告")[0] == "513300"  # 甘孜州
    assert listed_counties("推进水、电、路、网建设", g) == []
