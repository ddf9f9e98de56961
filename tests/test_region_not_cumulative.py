"""A stock or a rate has no running total (planner trial T10, session 32): 海南's 2015 plan sets 新型农村合作医疗参合率
稳定在95%以上 (data/sources/hainan-2014-fixed-point.txt); adding it over the years is meaningless, so the region
page's cumulative chart and its export say so in words and draw nothing, while a flow keeps its running total."""

from __future__ import annotations

import json

from analysis.series import Point
from app import create_app
from layouts.charts import cumulative_figure
from tests.test_chart_stretch import _charts
from tests.test_dashboard_http import route

SAID = {"zh": "存量和比率逐年不相加", "en": "A stock or a rate is not added up over the years"}


def texts(figure: dict) -> str:
    return " ".join(a.get("text", "") for a in figure["layout"].get("annotations", [])).replace("<br>", " ")


def test_a_rates_cumulative_chart_says_it_has_no_running_total(db_url):
    client = create_app(db_url, progress=lambda _m: None).server.test_client()
    for lang in ("zh", "en"):
        page = route(client, "/region/460000", f"?indicator=other:medical_insurance_coverage&lang={lang}")
        charts = _charts(json.loads(page))
        assert charts["cumulative"]["data"] == [] and SAID[lang] in texts(charts["cumulative"]), lang
        assert charts["annual"]["data"], "the yearly chart still draws the rate"
    flows = _charts(json.loads(route(client, "/region/460000", "?indicator=poor_population_reduced")))
    assert flows["cumulative"]["data"] and SAID["zh"] not in texts(flows["cumulative"])


def test_the_chart_builder_draws_no_running_total_of_levels():
    plan = {2024: Point(2024, 19198.0, figure_ids=[1]), 2025: Point(2025, 21000.0, figure_ids=[2])}
    levels = cumulative_figure(plan, {}, [2024, 2025], "元", "维西", "zh", accumulates=False)
    assert levels["data"] == [] and SAID["zh"] in texts(levels)
    totals = cumulative_figure(plan, {}, [2024, 2025], "元", "维西", "zh")
    assert totals["data"][0]["y"] == [19198.0, 40198.0]
