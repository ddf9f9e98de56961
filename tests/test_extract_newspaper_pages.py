"""A newspaper's page edition reports; it does not plan. Lines from 延安日报's 2019-01-25 page on 延长县
(https://paper.yanews.cn/yarb/20190125/html/content_20190125003002.htm, found with the search tool's pages corpus
in session 27), a text with no 记者 or other news marker of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.source_url import newspaper_page
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
PAGE = "https://paper.yanews.cn/yarb/20190125/html/content_20190125003002.htm"
TEXT = (
    "延长县:脱贫摘帽后持续巩固提升\n\n■截至2018年底,已脱贫退出7287户15679人,人均纯收入8761元。\n"
    "■全县行政村道路硬化率达到100%,自然村道路硬化率达到87.5%。\n"
)


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions_national.csv")


@pytest.mark.parametrize(
    "url, expected",
    [
        (PAGE, True),
        ("http://epaper.gmw.cn/gmrb/html/2012-06/08/nw.D110000gmrb_20120608_4-10.htm?div=-1", True),
        ("http://www.gov.cn/xinwen/2019-05/11/content_5390720.htm", False),
        ("https://www.gansu.gov.cn/art/2018/6/8/art_35_361.html", False),
        (None, False),
    ],
)
def test_a_newspapers_page_edition_is_told_by_its_address(url, expected):
    assert newspaper_page(url) is expected


def test_levels_reached_on_a_newspaper_page_are_no_targets(g):
    doc = extract_document(TEXT, g, source_url=PAGE)
    rates = [f for f in doc.figures if f.value in (100.0, 87.5)]
    assert doc.info.news
    assert rates and all(f.kind != "target" for f in rates)
    assert {f.period_end for f in rates} == {2018}


def test_an_unknown_indicator_is_named_without_bullet_or_the_region_it_is_said_of(g):
    doc = extract_document(TEXT, g, source_url=PAGE)
    hardened = next(f for f in doc.figures if f.value == 100.0)
    assert hardened.indicator_label == "行政村道路硬化率"
    assert hardened.indicator == "other:xing_zheng_cun_dao_lu_ying_hua_lv"
