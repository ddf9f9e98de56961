"""The overview at scale reads the provinces' sums as tuples and makes each annual sum its point directly
(analysis.sums, analysis.overview.overview_of_sums): the page must be the one their records give, byte for byte."""

from __future__ import annotations

import json

import pytest

from analysis.overview import overview_and_targets, overview_of_sums
from analysis.series import _point
from analysis.sums import sum_point, sum_record, sum_series
from db import queries, scaled_views
from db.session import make_engine, session_factory
from etl.synth import synthesize
from layouts.overview_page import overview_page
from layouts.plain import plain
from views.overview import overview_view

SEARCHES = ["", "?plan=revised", "?lang=en&to=2018", "?indicator=poor_population_reduced&from=2016", "?reported=1"]


@pytest.fixture
def synthetic_url(backend_url) -> str:
    """SQLite, or PostgreSQL with ``--backend postgresql``."""
    synthesize(make_engine(backend_url), figures=4000, progress=lambda _m: None)  # SYNTHETIC figures, labelled so
    return backend_url


@pytest.fixture
def session(synthetic_url, monkeypatch):
    monkeypatch.setattr(scaled_views, "SMALL", 50)  # 4,000 figures read as sums, as 5,000,000 are
    with session_factory(make_engine(synthetic_url))() as s:
        yield s


def _page(view) -> str:
    page = overview_page(view.rows, view.options, view.state, view.bounds, view.state["lang"])
    return json.dumps(plain(page), ensure_ascii=False)


def test_each_sum_makes_the_point_its_record_makes(session):
    regions, sums = scaled_views.overview_sums(session)
    assert sums and regions, "the overview read sums"
    notes: dict[int, str] = {}
    for row in sums:
        assert sum_point(row, notes) == _point(sum_record(row))
    # without plan versions, and not synthetic: the record's defaults
    bare = (*sums[0][:10], None, None, False)
    assert sum_point(bare, {}) == _point(sum_record(bare))
    assert sum_record(bare)["plan_version"] == "" and sum_record(bare)["reliability"] == "official"


def test_a_groups_series_are_the_points_of_its_annual_sums(session):
    """``sum_series``: each annual sum its ``sum_point``, in its series by its plan version kind, year order kept;
    the multi-year sums left as they are."""
    regions, sums = scaled_views.overview_sums(session)
    code, indicator = sums[0][0], sums[0][2]
    group = [row for row in sums if row[0] == code and row[2] == indicator]
    spanning = (*group[0][:5], 2014, 2020, *group[0][7:])
    series, spans = sum_series([*group, spanning], {})
    expected: dict[str, dict] = {"original": {}, "revised": {}, "actual": {}}
    for row in group:
        name = "actual" if row[3] == "actual" else {"original": "original", "revision": "revised"}.get(row[4])
        if name:
            expected[name][row[6]] = sum_point(row, {})
    assert series == expected and any(expected.values())
    assert [list(points) for points in series.values()] == [sorted(points) for points in series.values()]
    assert spans == [spanning]


def test_summed_records_are_the_records_of_the_summed_values(session):
    codes = tuple(r["code"] for r in scaled_views.overview_sums(session)[0])
    values = scaled_views.summed_values(session, codes)
    records = scaled_views.summed_records(session, codes)
    assert [sum_record(row) for row in values] == records
    assert [r["note"] for r in records][:1] == [f"合计 {values[0][8]} 条 · sum of {values[0][8]} figures"]


def test_overview_of_sums_gives_the_rows_of_their_records(session):
    regions, sums = scaled_views.overview_sums(session)
    records = [sum_record(row) for row in sums]
    indicators = queries.indicators(session)
    bounds = queries.year_span(session)
    for plan, lo, hi, indicator in [("original", None, None, None), ("revised", 2016, 2019, None)]:
        of_sums = overview_of_sums(sums, regions, indicators, plan, lo, hi, indicator)
        of_records = overview_and_targets(records, regions, indicators, plan, lo, hi, indicator)
        assert of_sums[1] == of_records[1] and of_sums[1], "the same indicators hold targets"
        assert len(of_sums[0]) == len(of_records[0]) > 0
        for (region_a, a), (region_b, b) in zip(of_sums[0], of_records[0], strict=True):
            assert region_a == region_b
            assert (a.series, a.plan_points, a.years, a.latest, a.period, a.spans) == (
                b.series,
                b.plan_points,
                b.years,
                b.latest,
                b.period,
                b.spans,
            )
        state = {"lang": "zh", "plan": plan, "from": lo or bounds[0], "to": hi or bounds[1], "indicator": ""}
        assert json.dumps(plain(overview_page(of_sums[0], indicators, state, bounds, "zh"))) == json.dumps(
            plain(overview_page(of_records[0], indicators, state, bounds, "zh"))
        )


@pytest.mark.parametrize("search", SEARCHES)
def test_the_overview_page_is_the_one_its_records_give(session, search):
    through_sums = overview_view(session, search)
    through_records = overview_view(session, search, read=lambda s: scaled_views.overview_records(s))
    assert through_sums.rows, "the page has rows"
    assert _page(through_sums) == _page(through_records)
