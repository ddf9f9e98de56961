"""Words a reviewer copied from a document, found in its text and read as one target (etl/extract/quoted.py)."""

from __future__ import annotations

import pytest

from etl.extract.added_targets import QUOTE_MAX, QuoteNotFound, find_quote, quoted_figure, quoted_figures
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


# Real text: 南海网 2020-08-12 report on 马山县 (http://www.hinews.cn/news/system/2020/08/12/032401087.shtml), read
# as the 广西 document it was taken for; dogfood 30, F20.
MASHAN = (
    "2020年是决胜全面建成小康社会和决战脱贫攻坚之年,也是广西全面落实强首府战略的起步之年。2020年5月9日,经广西壮族"
    "自治区批准,南宁市的马山县、上林县、隆安县等3个国家扶贫开发工作重点县退出贫困县序列。\n"
    "广西南宁市马山县创造性地把农业、体育、旅游、文化等产业与脱贫攻坚结合起来统筹谋划。目前,马山县已实现93708贫困"
    "人口脱贫,73个贫困村退出,贫困发生率由2015年的20.21%降至2019年的0.84%。今年,马山县向脱贫攻坚发起总攻,目标"
    "直指全面完成最后2个贫困村退出、3904名贫困人口脱贫。"
)
GUANGXI = ("广西壮族自治区", "450000")


@pytest.fixture(scope="module")
def national():
    from etl.gazetteer import Gazetteer

    return Gazetteer.national()


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("马山县已实现93708贫困人口脱贫", ("actual", "450124", "poor_population_reduced", 93708.0)),
        (
            "南宁市的马山县、上林县、隆安县等3个国家扶贫开发工作重点县退出贫困县序列",
            ("actual", "450100", "counties_exited", 3.0),
        ),
        ("73个贫困村退出", ("actual", "450124", "villages_exited", 73.0)),
        ("目标直指全面完成最后2个贫困村退出", ("target", "450124", "villages_exited", 2.0)),
    ],
)
def test_the_region_the_words_name_and_the_kind_their_cues_say_win(national, words, read):
    start, end = find_quote(MASHAN, words)
    f = quoted_figure(MASHAN, start, end, GUANGXI, 2020, national)
    assert (f.kind, f.region_code, f.indicator, f.value) == read
    assert f.region == national.regions[read[1]].name_zh and f.quote == words


def test_a_region_outside_the_documents_is_not_taken(national):
    text = "会宁县2019年计划减少贫困人口1.2万人。"
    start, end = find_quote(text, "会宁县2019年计划减少贫困人口1.2万人")
    f = quoted_figure(text, start, end, GUANGXI, 2019, national)
    assert (f.kind, f.region_code) == ("target", "450000")


def test_words_over_several_clauses_give_a_figure_for_each_clause_with_a_number():
    """Planner trial T6: only the first number of a selection was read."""
    text = "2019年,全力实现12个县摘帽、251个村退出,解决3万人饮水问题。"
    start, end = find_quote(text, "全力实现12个县摘帽、251个村退出,解决3万人饮水问题")
    figures = quoted_figures(text, start, end, ("甘孜藏族自治州", "513300"), 2019)
    assert [(f.value, f.quote, f.period_end) for f in figures] == [
        (12.0, "全力实现12个县摘帽", 2019),
        (251.0, "251个村退出", 2019),
        (30000.0, "解决3万人饮水问题", 2019),
    ]
    assert all(text[f.start : f.end] == f.quote for f in figures)


def test_words_of_one_clause_stay_one_figure_quoting_them_all():
    start, end = find_quote(PDF_TEXT, "到2020年,全县新建通村\n公路 50条")
    (f,) = quoted_figures(PDF_TEXT, start, end, ("某县", "100000"), 2017)
    assert (f.value, f.quote) == (50.0, PDF_TEXT[start:end])
