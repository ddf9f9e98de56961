"""What a provincial leader and an analyst met on the seed database (trial of session 33), each fixed here.

城固县 610722 has one figure for 贫困县摘帽: its 2019 exit (an actual), no target. 汉中市 610700 has no figure of
its own; its counties' exits are actuals without targets too.
"""

from __future__ import annotations

import csv
import io

from db.session import make_engine, session_factory
from export import routes
from export.chart_data import page_figure, view

CHENGGU, INDICATOR = "610722", "counties_exited"


def export_csv(db_url: str, region: str, chart: str, lang: str = "zh") -> list[dict]:
    args = {"region": region, "indicator": INDICATOR, "chart": chart, "lang": lang}
    with session_factory(make_engine(db_url))() as session:
        data, _ = routes.chart_bytes(session, "csv", routes.params(args), "http://127.0.0.1:8050")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def cumulative_page_figure(db_url: str, region: str) -> dict:
    with session_factory(make_engine(db_url))() as session:
        return page_figure(view(session, region, INDICATOR, "zh", ""), "cumulative", "zh")


# F1: a region without a target drew a cumulative plan of 0 and a gap "+1个" to it


def test_no_target_draws_no_cumulative_plan_line_and_no_gap_to_zero(seed_db_url):
    figure = cumulative_page_figure(seed_db_url, CHENGGU)
    names = [trace["name"] for trace in figure["data"]]
    assert names == ["累计实际"], names
    assert not any("差距" in a.get("text", "") for a in figure["layout"].get("annotations", []))


def test_no_target_exports_no_cumulative_plan_row_of_zero(seed_db_url):
    rows = export_csv(seed_db_url, CHENGGU, "cumulative")
    assert [(r["系列 series"], r["年份 Year"], r["数值 Value"]) for r in rows] == [("累计实际", "2019", "1")]
