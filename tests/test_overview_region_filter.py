"""The overview's region filter (?region=<code>): only that region and the regions below it, on the real seed
database (SQLite file) and at scale (synthetic figures read as sums); the state travels in the URL."""

from __future__ import annotations

import json

import pytest

from analysis.regions import descendants
from app import create_app
from db import queries, scaled_views
from db.session import make_engine, session_factory
from etl.synth import synthesize
from layouts.overview_page import overview_page
from layouts.plain import plain
from layouts.urlstate import canonical, parse, view_state, with_changes
from views.overview import overview_view


@pytest.fixture(scope="module")
def seed(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        yield session


def keys(rows) -> list[tuple]:
    """What a row shows: region, indicator, each year's status, the whole period's, in the order shown."""
    return [
        (
            region["code"],
            p.indicator["code"],
            tuple((c.year, c.status) for c in p.years),
            p.period.status if p.period else None,
            p.worst,
        )
        for region, p in rows
    ]


def subtree(session, code: str) -> set[str]:
    return {code, *descendants(queries.regions(session), code)}


def test_the_region_travels_in_the_url_and_back():
    bounds = (2013, 2020)
    state = view_state("?region=520000&lang=en&to=2019", bounds)
    assert state["region"] == "520000"
    query = canonical(state, bounds)
    assert parse(query)["region"] == "520000" and view_state(query, bounds) == state
    assert "region" not in canonical({**state, "region": ""}, bounds), "empty: the whole country, left out"
    assert view_state("", bounds)["region"] == "" and canonical(view_state("", bounds), bounds) == ""
    for bad in ("52'0", "1" * 13, "贵州", " "):
        assert view_state(with_changes("", region=bad), bounds)["region"] == ""


@pytest.mark.parametrize("code", ["620000", "621100", "610000"])
def test_the_filter_keeps_exactly_the_subtree_rows(seed, code):
    everything = overview_view(seed, "")
    inside = subtree(seed, code)
    expected = [row for row in keys(everything.rows) if row[0] in inside]
    filtered = overview_view(seed, f"?region={code}")
    assert expected and len(expected) < len(everything.rows)
    assert keys(filtered.rows) == expected, "the same rows, worst first, nothing else"
    assert filtered.state["region"] == code and [r["code"] for r in filtered.path][-1] == code
    assert "region=" + code in canonical(filtered.state, filtered.bounds)
    assert filtered.bounds == everything.bounds, "the year range of the whole data, as without the filter"


def test_gansu_keeps_dingxi_and_shaanxi_keeps_its_own(seed):
    gansu = {region["code"] for region, _ in overview_view(seed, "?region=620000").rows}
    shaanxi = {region["code"] for region, _ in overview_view(seed, "?region=610000").rows}
    assert gansu == {"621100"} and shaanxi == {"610000"}


def test_the_other_filters_still_apply_within_the_region(seed):
    search = "?region=610000&indicator=poor_population_reduced&plan=revised&to=2019"
    both = overview_view(seed, search)
    alone = overview_view(seed, "?indicator=poor_population_reduced&plan=revised&to=2019")
    assert keys(both.rows) == [row for row in keys(alone.rows) if row[0] in subtree(seed, "610000")]
    assert {p.indicator["code"] for _, p in both.rows} == {"poor_population_reduced"}


def test_a_county_below_a_prefectures_plan_shows_its_own_targets(seed):
    view = overview_view(seed, "?region=621122")  # 陇西: its targets belong to 定西's plan on the whole overview
    assert {region["code"] for region, _ in view.rows} == {"621122"}
    assert [r["code"] for r in view.path] == ["620000", "621100", "621122"]


def test_an_unknown_region_is_the_whole_country(seed):
    view = overview_view(seed, "?region=999999")
    assert view.state["region"] == "" and view.path == []
    assert keys(view.rows) == keys(overview_view(seed, "").rows)


def test_the_page_shows_the_region_chosen_and_only_its_rows(seed):
    view = overview_view(seed, "?region=620000&lang=en")
    page = json.dumps(
        plain(overview_page(view.rows, view.options, view.state, view.bounds, "en", view.choices, view.path))
    )
    assert '"id": "621100-' in page and '"id": "610000-' not in page
    assert "Only Gansu Province and the regions below it." in page
    select = _component(plain(overview_page(view.rows, view.options, view.state, view.bounds, "en", view.choices)))
    assert select["value"] == "620000"
    labels = {o["value"]: o["label"] for o in select["options"]}
    assert labels["620000"] == "Gansu Province" and labels["610000"] == "Shaanxi Province"
    whole = overview_view(seed, "")
    select = _component(plain(overview_page(whole.rows, whole.options, whole.state, whole.bounds, "zh", whole.choices)))
    assert select["value"] is None and select["placeholder"] == "全国(全部地区)"


def _component(node, wanted: str = "overview-region"):
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == wanted:
            return node["props"]
        for value in node.values():
            found = _component(value, wanted)
            if found:
                return found
    elif isinstance(node, list):
        for value in node:
            found = _component(value, wanted)
            if found:
                return found
    return None


def test_regions_are_found_by_either_name_or_code(seed):
    assert [r["code"] for r in queries.region_choices(seed, "定西")] == ["621100"]
    assert [r["code"] for r in queries.region_choices(seed, "dingxi")] == ["621100"]
    by_code = queries.region_choices(seed, "6211")
    assert by_code[0]["code"] == "621100" and {r["code"] for r in by_code} >= {"621100", "621122"}
    longxi = next(r for r in by_code if r["code"] == "621122")
    assert (longxi["parent_zh"], longxi["parent_en"]) == ("定西市", "Dingxi City")
    tops = queries.region_choices(seed)
    assert tops and all(r["level"] == "province" and r["parent_zh"] == "" for r in tops)
    assert queries.region_choices(seed, "%") == [] and queries.region_choices(seed, "_") == []


@pytest.fixture
def scaled(backend_url, monkeypatch):
    synthesize(make_engine(backend_url), figures=4000, progress=lambda _m: None)
    monkeypatch.setattr(scaled_views, "SMALL", 50)  # 4,000 figures read as sums, as 5,000,000 are
    with session_factory(make_engine(backend_url))() as s:
        yield s


def test_at_scale_a_province_keeps_its_summed_rows_and_a_prefecture_gets_its_own(scaled):
    everything = overview_view(scaled, "")  # the provinces, each from its sums
    code = everything.rows[0][0]["code"]
    filtered = overview_view(scaled, f"?region={code}")
    assert keys(filtered.rows) == [row for row in keys(everything.rows) if row[0] == code]
    prefectures = queries.child_regions(scaled, code)
    found = {}
    for child in prefectures:  # inside a summed province: the prefecture's own plan, from its subtree
        rows = overview_view(scaled, f"?region={child['code']}").rows
        found.update((region["code"], child["code"]) for region, _ in rows)
    assert found, "some prefecture of the province has rows of its own"
    assert all(region in subtree(scaled, child) for region, child in found.items())


def test_the_served_page_follows_the_region_in_the_url(seed_db_url):
    """Through the app (its answer cache keyed by the request, so by the query string): each region its rows."""
    from tests.test_dashboard_http import route

    client = create_app(seed_db_url, build_if_empty=False, progress=lambda _m: None).server.test_client()
    for _ in range(2):  # the second time from the cache
        gansu, shaanxi, whole = (route(client, "/", search) for search in ("?region=620000", "?region=610000", ""))
        assert '"id": "621100-' in gansu and '"id": "610000-' not in gansu
        assert '"id": "610000-' in shaanxi and '"id": "621100-' not in shaanxi
        assert '"id": "610000-' in whole and '"id": "621100-' in whole
