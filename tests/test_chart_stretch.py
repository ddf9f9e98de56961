"""The annual chart draws a stretch tier (力争 / 奋斗目标) beside the committed plan, never summed with it."""

from __future__ import annotations

import json

from analysis.series import Point
from app import create_app
from db.session import make_engine, session_factory
from export.chart_data import page_figure, view
from layouts.charts import STRETCH_LABEL, plan_actual_figure
from tests.test_dashboard_http import route

# 凌海 2017 (data/sources/linghai-2017-plan.txt): 50 households committed, 力争 100 households as the stretch tier
PLAN = {2017: Point(2017, 50.0, figure_ids=[1], quote="扶持50户")}
STRETCH = {2017: Point(2017, 100.0, figure_ids=[2], quote="力争达到100户")}
ACTUAL = {2017: Point(2017, 60.0, figure_ids=[3])}


def figure(series: dict, lang: str = "zh") -> dict:
    return plan_actual_figure(series, PLAN, [2017], "户", "凌海", lang)


def test_the_stretch_tier_is_its_own_outlined_bar_beside_the_plan():
    fig = figure({"original": PLAN, "revised": {}, "actual": ACTUAL, "stretch": STRETCH})
    names = [trace["name"] for trace in fig["data"]]
    assert names == ["原计划", STRETCH_LABEL["zh"], "实际"]
    stretch = fig["data"][1]
    assert stretch["y"] == [100.0] and stretch["customdata"] == [["2", "stretch"]]
    assert stretch["marker"]["color"] == "rgba(255,255,255,0)" and stretch["marker"]["line"]["width"] == 2
    assert fig["data"][0]["y"] == [50.0], "the committed plan is not summed with the stretch tier"
    assert fig["layout"]["barmode"] == "group"


def test_the_gap_is_measured_against_the_committed_plan_only():
    fig = figure({"original": PLAN, "revised": {}, "actual": ACTUAL, "stretch": STRETCH})
    gap = fig["layout"]["annotations"][0]["text"]
    assert "+10户" in gap and "120.0%" in gap  # 60 vs 50, not vs 100 or 150


def test_the_axis_reaches_the_stretch_bar_and_english_labels_it():
    fig = figure({"original": PLAN, "revised": {}, "actual": ACTUAL, "stretch": STRETCH}, "en")
    assert fig["layout"]["yaxis"]["range"][1] >= 100
    assert STRETCH_LABEL["en"] in [trace["name"] for trace in fig["data"]]


def test_without_a_stretch_tier_the_chart_is_as_before():
    fig = figure({"original": PLAN, "revised": {}, "actual": ACTUAL})
    assert [trace["name"] for trace in fig["data"]] == ["原计划", "实际"]


def test_linghai_region_page_draws_its_stretch_tier_beside_the_plan(seed_db_url):
    """凌海 2017 (seed): 危房改造 50户 committed, 力争达到100户 stretch: two bars side by side, never 150; the
    page through the real callback endpoint."""
    client = create_app(seed_db_url, build_if_empty=False, progress=lambda _m: None).server.test_client()
    page = route(client, "/region/210781", "?indicator=other:housing_renovation_households")
    traces = {t["name"]: t["y"] for t in _charts(json.loads(page))["annual"]["data"]}
    assert traces[STRETCH_LABEL["zh"]] == [100.0]
    assert traces["原计划"] == [50.0]
    table = json.dumps(_component(json.loads(page), "year-table"), ensure_ascii=False)
    assert "力争目标" in table and "100户" in table and "source-link" in table  # its own column, linked to its quote


def test_the_annual_chart_export_draws_the_stretch_tier_too(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        v = view(session, "210781", "other:housing_renovation_households")
        fig = page_figure(v, "annual", "en")
    assert {t["name"]: t["y"] for t in fig["data"]}[STRETCH_LABEL["en"]] == [100.0]


def _component(tree, component_id: str):
    if isinstance(tree, dict):
        if (tree.get("props") or {}).get("id") == component_id:
            return tree
        return next((f for v in tree.values() if (f := _component(v, component_id)) is not None), None)
    if isinstance(tree, list):
        return next((f for v in tree if (f := _component(v, component_id)) is not None), None)
    return None


def _charts(tree) -> dict:
    """Chart figures by name in a callback answer (graphs with ids {"type": "chart", "name": ...})."""
    found = {}

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props") or {}
            if isinstance(props.get("id"), dict) and props["id"].get("type") == "chart":
                found[props["id"]["name"]] = props["figure"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tree)
    return found


def test_the_gap_label_sits_above_a_taller_stretch_bar_not_on_its_label():
    # 巴中 2019 in a planner's test upload: 必成 ≥8万, 力争 ≥9万, actual 1.9万; the gap label was drawn at 8万,
    # on top of the stretch bar's own ≥9万 label
    fig = figure({"original": PLAN, "revised": {}, "actual": ACTUAL, "stretch": STRETCH})
    assert fig["layout"]["annotations"][0]["y"] == 100.0


def test_a_partial_sum_of_sub_regions_gets_no_gap_label():
    # 巴中 2018 in a planner's test upload: its own target ≥10万, one county of five reporting 2.6万 (Σ)
    partial = {2017: Point(2017, 60.0, figure_ids=[3], rolled_up=True, partial=(1, 5))}
    fig = figure({"original": PLAN, "revised": {}, "actual": partial})
    assert not any("差距" in a["text"] for a in fig["layout"]["annotations"])


def test_beside_a_stretch_bar_the_gap_label_stands_over_the_actual_and_says_it_is_to_the_plan():
    # 百色 2017 in a planner's test (dogfood 30, F16): 计划9.99万, 目标15.59万, actual 9.5万;
    # 「差距 −4900人 95.1%」 stood over the stretch bar, read as 95.1% of 15.59万
    fig = figure({"original": PLAN, "revised": {}, "actual": ACTUAL, "stretch": STRETCH})
    label = fig["layout"]["annotations"][0]
    assert label["x"] > 0.2, "over the group's last bar (the actual), not its centre (the stretch bar)"
    assert label["text"].startswith("对计划差距 +10户")
    alone = figure({"original": PLAN, "revised": {}, "actual": ACTUAL})["layout"]["annotations"][0]
    assert alone["text"].startswith("差距 +10户") and alone["x"] > 0


def test_the_gap_label_says_the_years_status_in_words():
    # a chart exported on its own (PNG/SVG/PDF) says the status, not colour alone (dogfood 30, F17 a)
    fig = plan_actual_figure(
        {"original": PLAN, "revised": {}, "actual": {2017: Point(2017, 40.0, figure_ids=[3])}},
        PLAN,
        [2017],
        "户",
        "凌海",
        "en",
        statuses={2017: "behind"},
    )
    assert fig["layout"]["annotations"][0]["text"].endswith("80.0% ✖ behind")
