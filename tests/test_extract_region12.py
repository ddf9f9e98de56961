"""Whose figure it is (issue 12, session 24): the document's own region and the region of a figure inside it, on
the real texts of the dev corpus (data/corpus/dev, names a–r) the rules were written from, read whole as the
intake reads them (with their address)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from etl.extract import extract_document
from etl.extract.document import find_title
from etl.extract.normalize import normalize_text
from etl.extract.own_region import region_mentions
from etl.gazetteer import Gazetteer

DEV = Path(__file__).resolve().parent.parent / "data" / "corpus" / "dev"


def _extract(slug: str, g: Gazetteer):
    meta = yaml.safe_load((DEV / f"{slug}.yaml").read_text(encoding="utf-8"))
    return extract_document((DEV / f"{slug}.txt").read_text(encoding="utf-8"), g, source_url=meta["url"])


def _targets(doc) -> dict[float, set[str | None]]:
    out: dict[float, set[str | None]] = {}
    for f in doc.figures:
        if f.kind == "target":
            out.setdefault(f.value, set()).add(f.region_code)
    return out


def test_quanzhou_is_the_whole_prefecture_not_the_county_of_guangxi(g):
    said = "“全州未脱贫的户人建档立卡贫困人口和1个贫困村,也将于今年6月底以前达到‘两不愁三保障’标准,脱贫出列"
    assert region_mentions(said, g) == []
    assert region_mentions("广西桂林市全州县", g)[-1] == "全州县"


@pytest.mark.parametrize(
    ("slug", "region", "provinces"),
    [
        # "云南楚雄贫困发生率下降至046": 楚雄 is both 楚雄彝族自治州 and 楚雄市; the text says 全州
        ("chuxiong-2020-last-village-forum-repost", "532300", {}),
        # "原标题:河北承德成功争取…指标440MW 占全省指标44%": 承德市 (not 承德县), and 占全省 is a share, not the level
        # and its 「2017年全省共安排…指標100萬千瓦」 is the province's
        ("chengde-2017-centralized-pv-poverty-quota-trad", "130800", {1000000.0: {"130000"}}),
    ],
)
def test_a_shared_short_name_after_the_province_in_a_title_is_the_place_at_the_texts_level(g, slug, region, provinces):
    doc = _extract(slug, g)
    assert doc.info.region_code == region
    targets = _targets(doc)
    assert {v: codes for v, codes in targets.items() if v in provinces} == provinces
    others = [codes for v, codes in targets.items() if v not in provinces]
    assert targets and all(codes == {region} for codes in others)


def test_an_original_title_credit_is_the_title(g):
    text = normalize_text((DEV / "chengde-2017-centralized-pv-poverty-quota-trad.txt").read_text(encoding="utf-8"))
    assert find_title(text.text) == "河北承德成功争取2017年集中式光伏扶贫项目指标440MW 占全省指标44%"


@pytest.mark.parametrize(
    ("slug", "region", "value"),
    [
        ("kezuozhongqi-2018-village-pv-heating-plan-trad", "150521", 97_600_000),  # 科左中旗…总投资9760万元
        ("chayouhouqi-2018-pv-poverty-stations-plan-news", "150928", 29_039),  # 察右后旗…2.9039万千瓦
    ],
)
def test_a_banner_named_by_its_abbreviation_is_the_texts_region(g, slug, region, value):
    doc = _extract(slug, g)
    assert doc.info.region_code == region
    assert _targets(doc)[value] == {region}


def test_a_helpers_report_of_a_visit_keeps_its_own_region_and_that_county_is_the_visited_one(g):
    # "张平阳率队到普格县开展综合帮扶工作", "来源: 巴州新闻网", "我区": 巴州区's report; "2018年该县计划完成25个
    # 贫困村退出、2806户12565人脱贫目标" is 普格县's, the county named before 该县
    doc = _extract("puge-2018-paired-assistance-visit-news", g)
    assert doc.info.region_code == "511902"
    assert {v: c for v, c in _targets(doc).items()} == {25: {"513428"}, 2806: {"513428"}, 12565: {"513428"}}


def test_the_county_named_before_that_word_is_kept_when_the_region_is_given(g):
    meta = yaml.safe_load((DEV / "puge-2018-paired-assistance-visit-news.yaml").read_text(encoding="utf-8"))
    text = (DEV / "puge-2018-paired-assistance-visit-news.txt").read_text(encoding="utf-8")
    doc = extract_document(text, g, source_url=meta["url"], region_code="511902")
    assert _targets(doc)[12565] == {"513428"}


def test_a_helper_citys_share_is_for_the_one_region_it_helps(g):
    # "(其中天津市7.6亿元,福州市2.47亿元,厦门市2.4亿元,青岛市2.7亿元)" after "厦门市帮扶临夏州26.01万人;福州市帮扶
    # 定西市36.53万人;青岛市帮扶陇南市31.7万人": 天津 helps seven cities and keeps the province's
    targets = _targets(_extract("gansu-2018-east-west-cooperation-three-year-plan-trad", g))
    assert targets[247_000_000] == {"621100"}
    assert targets[240_000_000] == {"622900"}
    assert targets[270_000_000] == {"621200"}
    assert targets[760_000_000] == {"620000"}


def test_a_province_the_centre_grants_a_figure_to_is_the_provinces_in_a_county_text(g):
    # "2018年国家下达河南省光伏发电新增建设规模50万千瓦" in 卢氏县's text
    doc = _extract("lushi-2018-pv-poverty-projects-trad", g)
    assert doc.info.region_code == "411224"
    assert _targets(doc)[500_000] == {"410000"}


def test_a_province_page_that_names_no_region_is_the_province_its_host_abbreviates(g):
    # "2014年,全省实施边远贫困地区人才支持计划…每年选派440名科技人员" on hljszw.org.cn (黑龙江省志网)
    doc = _extract("heilongjiang-2014-tech-personnel-plan-yearbook", g)
    assert doc.info.region_code == "230000"
    assert _targets(doc)[440] == {"230000"}


def test_a_city_page_on_a_provincial_host_is_not_the_provinces(g):
    text = "今年,我市共争取到国家、省级财政扶贫资金3700万元"
    assert extract_document(text, g, source_url="http://hunan.voc.com.cn/a/1.html").info.region_code is None
