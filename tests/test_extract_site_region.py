"""A government site's host names its government (www.shenqiu.gov.cn: 沈丘县): a text published there that names no
region of its own, or only one above it, is that government's (etl.extract.source_url.site_region). Real texts of
the dev corpus (data/corpus/dev), read whole as the intake reads them, with and without their address."""

from __future__ import annotations

from pathlib import Path

import yaml

from etl.extract import extract_document

DEV = Path(__file__).resolve().parent.parent / "data" / "corpus" / "dev"


def _doc(slug: str):
    meta = yaml.safe_load((DEV / f"{slug}.yaml").read_text(encoding="utf-8"))
    return (DEV / f"{slug}.txt").read_text(encoding="utf-8"), meta["url"]


def _regions(doc) -> set[str | None]:
    return {f.region_code for f in doc.figures if f.kind == "target"}


def test_a_county_notice_on_its_own_site_is_the_countys(g):
    text, url = _doc("shenqiu-2018-education-aid-funds-projects")  # "经县脱贫攻坚领导小组研究确定…"
    assert url.startswith("https://www.shenqiu.gov.cn/")
    assert "411624" not in _regions(extract_document(text, g)), "the text alone never names 沈丘县"
    placed = extract_document(text, g, source_url=url)
    assert placed.info.region_code == "411624" and _regions(placed) == {"411624"}


def test_a_news_portals_city_subdomain_places_nothing(g):
    text = "今年全市计划实现5万贫困人口脱贫。"
    for url in ("http://shenyang.baogaosu.com/2016/0101/1.html", "http://www.gov.cn/xinwen/2016-01/01/c.htm"):
        assert extract_document(text, g, source_url=url).info.region_code is None
    assert extract_document(text, g, source_url="http://www.luoning.gov.cn/a.html").info.region_code == "410328"


def test_a_region_the_text_names_below_the_sites_stays(g):
    # a provincial site publishing a county's plan: the county named in the text is the text's region
    text = "洛宁县2016年脱贫攻坚工作要点:今年全县计划实现1.2万贫困人口脱贫。"
    doc = extract_document(text, g, source_url="http://www.henan.gov.cn/2016/01-05/1.html")
    assert doc.info.region_code == "410328"
