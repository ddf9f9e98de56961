"""Words of number and exit phrases the extractor must know (issue 12, session 26): measure words beyond 个/户/人,
and counties named before an exit with an adverb (顺利, 率先) or a 重点/深度贫困 count between them."""

from __future__ import annotations

import pytest

from etl.extract.numbers import find_quantities
from etl.extract.regions import named_exits


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("策划推出50条旅游精品线路", "50条", 50.0),
        ("建设扶贫车间120台", "120台", 120.0),
        ("治理水土流失面积6平方公里", "6平方公里", 6.0),
        ("发展中蜂4288箱", "4288箱", 4288.0),
        ("种植核桃苗木3.5万株", "3.5万株", 35000.0),
        ("出栏生态家禽5万羽", "5万羽", 50000.0),  # a township's 2018 春风行动 plan (a planner's test, session 27)
        ("养殖肉羊2000只", "2000只", 2000.0),
    ],
)
def test_measure_words_make_a_quantity(text, raw, value):
    found = [(q.raw, q.value) for q in find_quantities(text)]
    assert (raw, value) in found


@pytest.mark.parametrize(("cell", "value"), [("5万羽", 50000.0), ("2000只", 2000.0), ("3.5万株", 35000.0)])
def test_an_upload_or_a_reviewed_row_reads_the_same_measure_words(cell, value):
    from etl.values import parse_cell

    assert parse_cell(cell).value == value


def test_square_kilometres_are_not_square_metres():
    assert [q.unit for q in find_quantities("治理6平方公里")] == ["平方公里"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("2018年,舒城县、金安区、裕安区3个县区顺利摘帽", ["舒城县", "金安区", "裕安区"]),
        ("确保龙胜、资源2个重点县摘帽", ["龙胜", "资源"]),
        ("今年,泸定县率先摘帽", ["泸定县"]),
    ],
)
def test_counties_named_before_an_adverb_and_their_exit(sentence, names, g):
    assert [r.name for r in named_exits(sentence, g)] == names


def test_an_exit_verb_alone_names_no_county(g):
    assert named_exits("2018年全省计划顺利摘帽", g) == []
