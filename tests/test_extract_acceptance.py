"""The issue's acceptance list: figures the dashboard must get from the five seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document, extract_file
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"


@pytest.fixture(scope="module")
def docs() -> dict:
    g = Gazetteer.from_csv(ROOT / "data" / "regions.csv")
    return {p.stem.split("-")[0]: (p.read_text(encoding="utf-8"), extract_file(p, g)) for p in SOURCES.glob("*.txt")}


def find(doc, indicator, year, value, kind="target", region_code=None, comparator=None, start=None):
    hits = [
        f
        for f in doc.figures
        if f.indicator == indicator
        and f.period_end == year
        and f.kind == kind
        and abs(f.value - value) <= 1e-6 * max(1.0, value)
        and (region_code is None or f.region_code == region_code)
        and (comparator is None or f.comparator == comparator)
        and (start is None or f.period_start == start)
    ]
    assert len(hits) == 1, (
        indicator,
        year,
        value,
        [f.to_json() for f in doc.figures if f.indicator == indicator],
    )
    return hits[0]


@pytest.mark.parametrize(
    "year,value,written", [(2015, 125000, "12.5万"), (2016, 285200, "28.52万"), (2017, 216500, "21.65万")]
)
def test_dingxi_people(docs, year, value, written):
    text, doc = docs["dingxi"]
    f = find(doc, "poor_population_reduced", year, value, region_code="621100", start=year)
    assert text[f.start : f.end] == f.quote and written in f.quote


@pytest.mark.parametrize(
    "year,code",
    [
        (2016, "621122"),
        (2016, "621102"),
        (2016, "621124"),
        (2017, "621125"),
        (2017, "621123"),
        (2017, "621121"),
        (2017, "621126"),
    ],
)
def test_dingxi_named_county_exits(docs, year, code):
    _, doc = docs["dingxi"]
    find(doc, "counties_exited", year, 1, region_code=code)


def test_dingxi_no_aggregate_county_count(docs):
    _, doc = docs["dingxi"]
    assert all(f.region_code != "621100" for f in doc.figures if f.indicator == "counties_exited")


def test_dingxi_rates_and_actual(docs):
    _, doc = docs["dingxi"]
    find(doc, "poverty_incidence", 2017, 8, comparator="<=", start=2017)  # 以下 includes the number
    find(doc, "other:tap_water_coverage", 2020, 90, comparator=">=")
    for year, value in [(2015, 70), (2016, 75), (2017, 80)]:
        find(doc, "other:fiscal_share_poverty", year, value)
    actual = find(doc, "poor_population_reduced", 2014, 207600, kind="actual")
    assert "20.76万" in actual.quote
    assert not [f for f in doc.figures if f.kind == "target" and f.value == 207600]


def test_dingxi_document_info(docs):
    _, doc = docs["dingxi"]
    assert (doc.info.region_code, doc.info.published_on) == ("621100", "2015-08-20")


@pytest.mark.parametrize(
    "year,people,counties,written",
    [(2018, 1017000, 23, "101.7万"), (2019, 635000, 29, "63.5万"), (2020, 180700, None, "18.07万")],
)
def test_shaanxi_yearly(docs, year, people, counties, written):
    _, doc = docs["shaanxi"]
    assert written in find(doc, "poor_population_reduced", year, people, start=year).quote
    if counties:
        find(doc, "counties_exited", year, counties, start=year)


def test_shaanxi_three_year_totals_and_baselines(docs):
    _, doc = docs["shaanxi"]
    find(doc, "poor_population_reduced", 2020, 1832700, start=2018)
    find(doc, "counties_exited", 2020, 52, start=2018)
    find(doc, "poor_population", 2018, 1832700, kind="baseline")
    find(doc, "poverty_incidence", 2017, 7.54, kind="baseline")
    find(doc, "poor_population_reduced", 2017, 5917300, kind="actual", start=2012)  # from the end of 2011
    assert (doc.info.region_code, doc.info.published_on) == ("610000", None)


@pytest.mark.parametrize(
    "year,villages,households,people", [(2016, 9, 1756, 6000), (2017, 12, 2188, 7539), (2018, 12, 1925, 7000)]
)
def test_yicheng_yearly(docs, year, villages, households, people):
    _, doc = docs["yicheng"]
    find(doc, "villages_exited", year, villages, start=year)
    find(doc, "households_exited", year, households, start=year)
    find(doc, "poor_population_reduced", year, people, start=year)


def test_yicheng_relocation_funds_and_info(docs):
    _, doc = docs["yicheng"]
    find(doc, "relocated_people", 2018, 5265)
    for year in (2016, 2017, 2018):
        find(doc, "funds", year, 10_000_000, comparator=">=", start=year)
    find(doc, "poor_population_reduced", 2015, 20200, kind="actual", start=2011)
    assert (doc.info.region_code, doc.info.published_on) == ("411702", "2016-10-21")


def test_linghai(docs):
    _, doc = docs["linghai"]
    find(doc, "villages_exited", 2017, 6)
    find(doc, "poor_population_reduced", 2017, 2400)
    # running totals as of the plan's date (March 2017), all under one year
    find(doc, "other:loans", 2017, 6_350_000, kind="actual", start=2017)
    find(doc, "other:loan_beneficiaries", 2017, 236, kind="actual", start=2017)
    find(doc, "other:risk_compensation_fund", 2017, 9_900_000, kind="actual", start=2017)
    find(doc, "other:loan_beneficiaries", 2017, 2000)
    assert (doc.info.region_code, doc.info.published_on) == ("210781", "2017-03-17")


def test_hainan(docs):
    _, doc = docs["hainan"]
    find(doc, "villages_exited", 2015, 300)
    find(doc, "villages_exited", 2020, 600, start=2014)
    find(doc, "villages_exited", 2020, 150, start=2014)  # 特困自然村 beside 贫困行政村: one series
    assert (doc.info.region_code, doc.info.published_on) == ("460000", "2014-05-15")


def test_to_json_keys(docs):
    _, doc = docs["dingxi"]
    assert list(doc.figures[0].to_json()) == [
        "kind",
        "region",
        "region_code",
        "indicator",
        "period_start",
        "period_end",
        "year",
        "value",
        "unit",
        "comparator",
        "tier",
        "quote",
        "start",
        "end",
        "confidence",
        "indicator_label",
    ]


def test_corrections_apply_only_with_file_name(docs):
    text, _ = docs["linghai"]
    g = Gazetteer.from_csv(ROOT / "data" / "regions.csv")
    raw = extract_document(text, g)
    fixed = extract_document(text, g, file_name="linghai-2017-plan.txt")
    assert any(f.value == 9_900_000 and f.kind == "target" for f in raw.figures)
    assert any(f.value == 9_900_000 and f.kind == "actual" for f in fixed.figures)
