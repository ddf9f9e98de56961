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
