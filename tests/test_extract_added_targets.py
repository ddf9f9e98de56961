"""Words a reviewer copied from a document, found in its text and read as one target (etl/extract/quoted.py)."""

from __future__ import annotations

import pytest

from etl.extract.added_targets import QUOTE_MAX, QuoteNotFound, find_quote, quoted_figure
from etl.values import parse_cell

PDF_TEXT = "二、主要目标\n到2020年,全县新建通村\n公路 50条,力争解决3万人饮水问题。"
TRAD = "同時,我省將組織和支持20家旅遊規劃設計單位,5年內完成200個鄉村旅遊扶貧重點村的規劃編制"


def test_words_broken_by_a_line_end_are_found_with_it():
    start, end = find_quote(PDF_TEXT, "全县新建通村公路50条")
    assert PDF_TEXT[start:end] == "全县新建通村\n公路 50条"


@pytest.mark.parametrize(
    ("words", "said"), [("", "摘录是空的"), ("全县新建水库3座", "文件中没有这段文字"), ("字" * (QUOTE_MAX + 1), "超过")]
)
def test_words_that_cannot_be_a_quote_say_why_and_what_to_do(words, said):
    with pytest.raises(QuoteNotFound) as caught:
        find_quote(PDF_TEXT, words)
    assert said in str(caught.value) and caught.value.hint


def test_a_quote_without_a_number_says_so():
    start, end = find_quote(PDF_TEXT, "主要目标")
    with pytest.raises(QuoteNotFound, match="没有带单位的数字"):
        quoted_figure(PDF_TEXT, start, end, ("某县", "100000"), 2019)


def test_a_traditional_quote_is_read_and_kept_as_written():
    start, end = find_quote(TRAD, "我省將組織和支持20家旅遊規劃設計單位")
    f = quoted_figure(TRAD, start, end, ("甘肃省", "620000"), 2017)
    assert (f.kind, f.value, f.unit, f.period_end, f.region_code) == ("target", 20.0, "家", 2017, "620000")
    assert f.quote == TRAD[f.start : f.end] == "我省將組織和支持20家旅遊規劃設計單位"


def test_the_year_the_quote_names_wins_over_the_documents():
    start, end = find_quote(PDF_TEXT, "到2020年,全县新建通村\n公路 50条")
    f = quoted_figure(PDF_TEXT, start, end, ("某县", "100000"), 2017)
    assert (f.period_end, f.value) == (2020, 50.0)


def test_an_undated_quote_of_an_undated_document_leaves_the_year_to_the_reviewer():
    start, end = find_quote(PDF_TEXT, "力争解决3万人饮水问题")
    f = quoted_figure(PDF_TEXT, start, end, ("某县", "100000"), None)
    assert (f.period_end, f.value, f.unit) == (0, 30000.0, "人")


@pytest.mark.parametrize(
    ("shown", "value"), [("20家", 20.0), ("50条", 50.0), ("6平方公里", 6.0), ("44万千瓦", 440000.0)]
)
def test_a_value_the_grid_shows_with_a_measure_word_reads_back(shown, value):
    assert parse_cell(shown).value == value


def test_an_undated_quote_takes_the_year_its_paragraph_names_before_it():
    text = "渭源县工作要点\n2019年渭源县要确保减少贫困人口1.5万人,扶持村集体兴办扶贫车间12处。"
    start, end = find_quote(text, "扶持村集体兴办扶贫车间12处")
    f = quoted_figure(text, start, end, ("渭源县", "621123"), None)
    assert (f.period_start, f.period_end, f.value, f.unit) == (2019, 2019, 12.0, "个")
