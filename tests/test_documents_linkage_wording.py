"""The Documents page's review hint and its "no targets" line give examples of the plans planners receive since 2021
(衔接 plans: 脱贫人口人均纯收入, 务工规模, a 2021–2025 period), not of the 2015–2020 poverty plans only (trial of
2026-12-02, T15); the examples given are ones the grid reads."""

from __future__ import annotations

import re

from etl.reviewed_rows import parse_period
from layouts.documents_page import review_view

INFO = {"region_name": "维西傈僳族自治县", "region_code": "533423", "title": "t", "format": "txt"}


def shown(lang: str) -> str:
    return str(review_view(INFO, [], [], lang).to_plotly_json())


def test_the_examples_are_of_the_linkage_years_in_both_languages():
    for lang in ("zh", "en"):
        page = shown(lang)
        assert "2018-2020" not in page and "减贫X万人" not in page, lang
        assert "2021-2025" in page and "人均纯收入" in page and "务工规模" in page, lang


def test_the_periods_the_hint_gives_are_read_by_the_grid():
    for lang in ("zh", "en"):
        examples = re.findall(r"\b(20\d\d(?:-20\d\d)?)\b", shown(lang).split("2. ")[1][:400])
        assert examples, lang
        for example in examples:
            start, end = parse_period(example)
            assert 2021 <= start <= end <= 2025, example
