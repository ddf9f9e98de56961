"""A table's total row: 共计 beside 合计, and the region a line of its own just above the table names. Snippets are
real, cut from the dev corpus (data/corpus/dev, slug cited at each)."""

from __future__ import annotations

import pytest

from etl.extract import extract_document
from etl.extract.tables import TOTAL_LABELS
from etl.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv()


def test_total_words():
    assert all(TOTAL_LABELS.match(w) for w in ("合计", "总计", "共计", "共  计", "全市合计"))
    assert not TOTAL_LABELS.match("共计划")


# hebei-2017-work-relief-projects-table: a prefecture named on a line of its own over its counties, 共计 its total
HEBEI = (
    "7000万元投资覆盖河北3市14县\n14县14个大项目\n保定\n地区 以工代赈资金 劳务报酬\n共计 2000万 200万\n"
    "阜平县 500万 50万\n涞源县 500万 50万\n唐县 500万 50万\n易县 500万 50万\n具体项目\n"
)


def test_a_total_under_a_place_named_above_the_table_is_that_places(g):
    doc = extract_document(HEBEI, g, region_code="130000", as_of="2017-06-01")
    totals = [f for f in doc.figures if f.quote.startswith("共计")]
    assert {(f.region_code, f.value) for f in totals} == {("130600", 20000000.0), ("130600", 2000000.0)}
    assert ("130624", 5000000.0) in {(f.region_code, f.value) for f in doc.figures}  # 阜平县 keeps its own
