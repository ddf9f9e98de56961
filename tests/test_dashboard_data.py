"""The dashboard's analysis on the real seed database (built from data/sources/ and data/reference/)."""

from __future__ import annotations

import pytest

from analysis.consistency import consistency_checks
from analysis.overview import overview_rows
from analysis.progress import progress
from analysis.regions import descendants, plan_regions
from db import queries
from db.models import Figure
from db.session import make_engine, session_factory
from layouts.sources import highlight, number_spellings
from layouts.urlstate import canonical, view_state


@pytest.fixture(scope="module")
def seed(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        yield {
            "figures": queries.figures(session),
            "regions": queries.regions(session),
            "indicators": {i["code"]: i for i in queries.indicators(session)},
            "span": queries.year_span(session),
        }


def subtree(seed, code: str, indicator: str) -> list[dict]:
    codes = {code, *descendants(seed["regions"], code)}
    return [r for r in seed["figures"] if r["region_code"] in codes and r["indicator"] == indicator]


def test_figures_are_plain_records_in_a_stable_order(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        rows = queries.figures(session, region_codes=["610000"], indicator="poor_population_reduced")
        frame = queries.figures_frame(session, region_codes=["610000"], indicator="poor_population_reduced")
    assert rows and all(list(r) == queries.FIGURE_COLUMNS for r in rows)
    assert all(r[c] is not None for r in rows for c in queries.TEXT_COLUMNS), "text columns are never NULL"
    order = [(r["period_start"], r["period_end"], r["batch_id"], r["id"]) for r in rows]
    assert order == sorted(order)
    assert frame["id"].tolist() == [r["id"] for r in rows] and frame["value"].tolist() == [r["value"] for r in rows]


def test_figures_of_a_set_of_indicators_are_those_of_all_read_then_kept(seed_db_url):
    """``indicators=`` filters in the statement (a prefecture page reads its counties' rates, not all their figures)."""
    codes = ["621100", "621102", "621121", "610000"]
    with session_factory(make_engine(seed_db_url))() as session:
        every = queries.figures(session, region_codes=codes)
        wanted = {"poor_population_reduced", "counties_exited", "no_such_indicator"}
        chosen = queries.figures(session, region_codes=codes, indicators=wanted)
        assert queries.figures(session, region_codes=codes, indicators=set()) == []
        with_where = queries.figures(session, region_codes=codes, indicators=wanted, where=Figure.value.is_not(None))
    assert chosen == [r for r in every if r["indicator"] in wanted]
    assert with_where == chosen, "the statement built per call (``where=``) filters the same way"
    assert {r["indicator"] for r in chosen} == {"poor_population_reduced", "counties_exited"}


def test_the_five_plan_regions(seed):
    targets = {r["region_code"] for r in seed["figures"] if r["kind"] == "target"}
    assert plan_regions(seed["regions"], targets) == ["210781", "411702", "460000", "610000", "621100"]


def test_overview_rows_cover_every_plan_region_worst_first(seed):
    rows = overview_rows(seed["figures"], seed["regions"], list(seed["indicators"].values()))
    assert {region["code"] for region, _ in rows} == {"210781", "411702", "460000", "610000", "621100"}
    keys = [p.worst for _, p in rows]
    assert keys == sorted(keys)
    shaanxi = next(
        p for region, p in rows if region["code"] == "610000" and p.indicator["code"] == "poor_population_reduced"
    )
    assert {c.year: (c.status, c.actual.value, c.plan.value) for c in shaanxi.years} == {
        2018: ("achieved", 1045000, 1017000),
        2019: ("behind", 578800, 635000),
        2020: ("achieved", 183400, 180700),
    }


@pytest.mark.parametrize(
    "plan, status_2019, period", [("original", "behind", "behind"), ("revised", "achieved", "achieved")]
)
def test_shaanxi_against_original_and_revised_plan(seed, plan, status_2019, period):
    p = progress(
        subtree(seed, "610000", "poor_population_reduced"),
        "610000",
        seed["indicators"]["poor_population_reduced"],
        plan,
    )
    assert {c.year: c.status for c in p.years}[2019] == status_2019
    assert p.period.status == period


def test_shaanxi_seen_from_2018_shows_the_pace_still_needed(seed):
    p = progress(
        subtree(seed, "610000", "poor_population_reduced"),
        "610000",
        seed["indicators"]["poor_population_reduced"],
        year_to=2018,
    )
    assert (p.period.status, p.period.remaining_years) == ("on_track", 2)
    assert p.period.needed_per_year == pytest.approx((1832700 - 1045000) / 2)


def test_dingxi_named_county_exits(seed):
    p = progress(subtree(seed, "621100", "counties_exited"), "621100", seed["indicators"]["counties_exited"])
    assert {n.region_code: (n.planned_year, n.actual_year) for n in p.named} == {
        "621122": (2016, 2019),
        "621102": (2016, 2019),
        "621124": (2016, 2019),
        "621125": (2017, 2019),
        "621123": (2017, 2019),
        "621121": (2017, 2020),
        "621126": (2017, 2020),
    }
    assert [(c.year, c.plan.value, c.actual.value, c.status) for c in p.years] == [
        (2016, 3, 0, "behind"),
        (2017, 4, 0, "behind"),
    ]
    assert p.series["actual"][2019].value == 5 and p.series["actual"][2020].value == 2


def test_consistency_checks_compare_levels_and_never_add_spans_to_years(seed):
    checks = consistency_checks(subtree(seed, "610000", "counties_exited"), "610000")
    children = {c.start: (c.stated, c.summed, c.agrees) for c in checks if c.check == "children"}
    assert children == {2017: (4, 4, True), 2018: (23, 23, True), 2019: (29, 29, True)}
    totals = consistency_checks(subtree(seed, "610000", "poor_population_reduced"), "610000")
    target = next(c for c in totals if c.check == "span" and c.kind == "target")
    assert (target.stated, target.summed, target.agrees) == (1832700, 1832700, True)
    actual = next(c for c in totals if c.check == "span" and c.kind == "actual" and c.start == 2016)
    assert actual.summed is None and actual.agrees is None and 2016 in actual.missing_years


def test_url_state_round_trip_on_the_seed_years(seed):
    bounds = seed["span"]
    state = view_state("?lang=en&plan=revised&to=2019&indicator=counties_exited", bounds)
    assert view_state(canonical(state, bounds), bounds) == state
    assert canonical(view_state("", bounds), bounds) == ""


@pytest.mark.parametrize(
    "quote, value, marked",
    [
        ("2019年脱贫63.5万人、29个贫困县摘帽", 635000, "63.5万"),
        ("18.34萬剩余貧困人口全部脫貧", 183400, "18.34萬"),
        ("圆满完成了15个贫困村退出、3000贫困人口脱贫", 3000, "3000"),
        ("贫困发生率下降到9.12%", 9.12, "9.12"),
    ],
)
def test_the_number_is_marked_in_its_quote(quote, value, marked):
    assert marked in number_spellings(value)
    parts = highlight(quote, value)
    assert parts[1].children == marked and parts[0] + marked + parts[2] == quote


def test_child_totals_sum_each_prefectures_county_exits(seed):
    from analysis.children import child_totals

    figs = subtree(seed, "610000", "counties_exited")
    rows = child_totals(figs, seed["regions"], "610000", seed["indicators"]["counties_exited"], "original", 2011, 2020)
    assert sum(r["actual"] for r in rows) == 56  # every county exit, by prefecture; the province figure not added
    assert all(r["plan"] is None for r in rows)  # the plan set province totals only
