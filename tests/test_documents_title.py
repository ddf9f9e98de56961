"""The document's title as guessed from its text (``etl.extract.document.find_title``): a headline or a short first
line, never a sentence of the body nor a subheading in the middle of it. Texts: ``tests/dogfood_texts.py`` (each with
its URL there): 人民日报海外版 http://paper.people.com.cn/rmrbhwb/html/2016-08/23/content_1706394.htm, 昭通日报
https://fpb.zjw.cn/info-81630.html, http://www.cnread.news/amp/article/1121493.html."""

from __future__ import annotations

import pytest

from etl.documents import read_document
from etl.extract.document import find_title
from tests.dogfood_texts import LIANGSHAN, ZHAOTONG_PEOPLE, ZHAOTONG_ZJW
from tests.plan_docx import docx_bytes


@pytest.mark.parametrize(
    "text, title",
    [
        # no headline: "正视现实 寻找差距" is a subheading after the body began, not the title
        (ZHAOTONG_PEOPLE, ""),
        # the first line is a 110-character sentence ending in 。: no title
        (ZHAOTONG_ZJW, ""),
        # a news headline on the first line stays the title
        (LIANGSHAN, "領導談民生丨涼山州“四治並舉”抓脫貧攻堅"),
        # a short first line of words, then the body
        ("昭通脱贫攻坚\n2016年,昭通全市将确保28万贫困人口顺利脱贫。", "昭通脱贫攻坚"),
        # a headline under a navigation bar longer than a title
        (
            "首页 > 新闻 > 扶贫 > 正文 > 昭通新闻 > 云南新闻 > 国内新闻 > 国际新闻 > 图片 > 视频 > 专题 > 评论\n"
            "昭通今年确保28万人脱贫\n记者获悉,今年昭通将确保28万贫困人口脱贫。",
            "昭通今年确保28万人脱贫",
        ),
    ],
)
def test_the_title_is_a_headline_or_short_first_line_never_a_body_sentence_or_subheading(text, title):
    assert find_title(text) == title


def test_a_title_is_never_a_sentence_or_longer_than_a_title():
    for text in (ZHAOTONG_PEOPLE, ZHAOTONG_ZJW, "一" * 70 + "\n正文。"):
        found = find_title(text)
        assert "。" not in found and len(found) <= 60


def test_the_people_docx_is_not_titled_by_its_subheading():
    doc = read_document(docx_bytes(ZHAOTONG_PEOPLE.splitlines()), "zhaotong-2016-people.docx")
    assert find_title(doc.text) == ""  # the page then names it by its file, and the reviewer may type a title


# Dogfood 30 (F6, F21): the first lines of 中国网's 百色 report (http://f.china.com.cn/2017-06/06/content_40972250.htm)
# and of 南海网's 马山 report (http://www.hinews.cn/news/system/2020/08/12/032401087.shtml) as the page read them.
BAISE_LEAD = (
    "百色市扶贫开发办公室副主任梁仲达 江萍/摄\n"
    "中国网/中国扶贫在线讯(记者江萍) 6月5日,由国家互联网信息办公室指导、中国互联网新闻中心主办的“镜头中的脱贫故事:"
    "走进百色”活动在广西壮族自治区百色市启动。"
)
MASHAN_HEADLINE = "【你笑起来真好看】凝聚广西人力量 夺取脱贫攻坚战全面胜利"
MASHAN_LEAD = (
    f"{MASHAN_HEADLINE}\n\n点击观看更多视频\n\n2020年是打赢脱贫攻坚战的收官之年,广西还有24万建档立卡贫困人口未脱贫,"
    "660个贫困村未出列,8个贫困县未摘帽。"
)


@pytest.mark.parametrize(
    "text, title",
    [
        (BAISE_LEAD, ""),  # a photo's credit is never a title
        ("马山电视台供图\n古零镇攀岩小镇。", ""),
        ("点击观看更多视频\n马山县今年完成3904名贫困人口脱贫。", ""),  # a link, not a headline
        (MASHAN_LEAD, MASHAN_HEADLINE),  # a headline opening with its column's 【tag】
    ],
)
def test_a_photo_credit_or_a_link_is_never_the_title_and_a_tagged_headline_is(text, title):
    assert find_title(text) == title


MASHAN_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>'
    f"{MASHAN_HEADLINE}_南海网</title></head><body>"
    '<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a></div><div class="logo"><h1>南海网</h1></div>'
    f'<div class="article"><h1>{MASHAN_HEADLINE}</h1><p>点击观看更多视频</p>'
    "<p>2020年是打赢脱贫攻坚战的收官之年,广西还有24万建档立卡贫困人口未脱贫,660个贫困村未出列,8个贫困县未摘帽,"
    "而且都是最难啃的“硬骨头”,脱贫攻坚任务仍然艰巨。今年,马山县向脱贫攻坚发起总攻,目标直指全面完成最后2个贫困村退出、"
    "3904名贫困人口脱贫。</p></div></body></html>"
)


def test_a_web_pages_title_is_its_headline_that_its_title_tag_holds_not_a_logo():
    doc = read_document(MASHAN_PAGE.encode("utf-8"), "text4.html")
    assert doc.title == MASHAN_HEADLINE
