"""「N年来」 (the last N years): after a year end the text has just named, the N years after it; otherwise the N years
before the document's. From the abstract on 渭源县秦祁乡 (https://scholarmate.com/S/UWzPfN, found with the search
tool's pages corpus in session 28)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.periods import year_tokens
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def test_years_since_a_year_end_named_just_before_are_the_years_after_it(g):
    text = (
        "渭源县人民政府\n2019年3月1日\n"
        "2013年底全乡有建档立卡贫困户1024户4190人,四年来累计减贫282户1224人,2018年减贫213户881人。"
    )
    got = {(f.kind, f.period_start, f.period_end, f.value) for f in extract_document(text, g).figures}
    assert ("actual", 2014, 2017, 1224.0) in got
    assert ("actual", 2018, 2018, 881.0) in got


@pytest.mark.parametrize(
    "sentence, first, last",
    [
        ("五年来,全县累计减少贫困人口3.2万人", 2013, 2017),  # a work report of 2018: its term's years
        ("近三年来,全县累计减少贫困人口3.2万人", 2015, 2017),
    ],
)
def test_years_since_with_no_year_named_are_the_years_before_the_documents(sentence, first, last):
    token = next(t for t in year_tokens(sentence, 2018) if t.kind == "range")
    assert (token.first, token.year) == (first, last)


def test_many_years_are_no_count_of_years():
    assert not [t for t in year_tokens("多年来,全县累计减少贫困人口3.2万人", 2018) if t.kind == "range"]
