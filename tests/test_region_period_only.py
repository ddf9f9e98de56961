"""A region whose only target for an indicator is set over several years (a 衔接 plan's 十四五期间 2021–2025) draws no
bar or point: its charts say so in words, pointing to 全期, instead of an empty grid (trial of 2026-12-02, T16)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from analysis.series import Point
from app import create_app
from etl.cli import cli
from layouts.charts import cumulative_figure, plan_actual_figure
from tests.intake_docs import WEIYUAN
from tests.test_chart_stretch import _charts
from tests.test_dashboard_http import route

SAID = {"zh": "所选年份没有逐年的计划或实际", "en": "No yearly plan or actual in the years shown"}


def texts(figure: dict) -> str:
    return " ".join(a.get("text", "") for a in figure["layout"].get("annotations", [])).replace("<br>", " ")


def test_a_target_only_for_2021_2025_is_said_in_words_on_both_charts(db_url, tmp_path):
    # 渭源's 2021 plan (tests/intake_docs.py, the test's own), its first row corrected by the test (synthetic) to a
    # 2021–2025 target of 转移就业人数, an indicator 渭源 has no other figure of
    path = tmp_path / "weiyuan.txt"
    path.write_text(WEIYUAN, encoding="utf-8")
    sets = ["--set", "1:indicator=other:employment", "--set", "1:period=2021-2025", "--reject", "2"]
    stored = CliRunner().invoke(cli, ["--database-url", db_url, "ingest", str(path), *sets, "--user", "王芳"])
    assert stored.exit_code == 0, stored.output
    client = create_app(db_url, build_if_empty=False, progress=lambda _m: None).server.test_client()
    for lang in ("zh", "en"):
        page = route(client, "/region/621123", f"?indicator=other:employment&lang={lang}")
        charts = _charts(json.loads(page))
        assert "2021–2025" in page  # the target itself, under 全期
        for name in ("annual", "cumulative"):
            assert SAID[lang] in texts(charts[name]), (lang, name)


def test_a_chart_with_bars_has_no_such_words():
    plan = {2024: Point(2024, 19198.0, figure_ids=[1], quote="达到19198元")}  # 维西 2024 (weixi.gov.cn)
    annual = plan_actual_figure({"original": plan, "revised": {}, "actual": {}}, plan, [2024], "元", "维西", "zh")
    cumulative = cumulative_figure(plan, {}, [2024], "元", "维西", "zh")
    assert SAID["zh"] not in texts(annual) and SAID["zh"] not in texts(cumulative)
