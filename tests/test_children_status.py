"""The sub-regions chart says each bar pair's status in words and icon, as its export's 状态 column does: 定西's
counties all exited 2–3 years late (晚3年), so each reads ✖ 落后 beside its bars, not only in the export."""

from __future__ import annotations

import pytest

from db.session import make_engine, session_factory
from export.charts import build_chart
from layouts.charts import children_figure
from views.region import region_view


@pytest.mark.parametrize("lang, behind", [("zh", "✖ 落后"), ("en", "✖ behind")])
def test_each_bar_pair_carries_the_status_the_export_gives_it(seed_db_url, lang, behind):
    with session_factory(make_engine(seed_db_url))() as session:
        view = region_view(session, "621100", "?indicator=counties_exited", indicator="counties_exited", lang=lang)
        export = build_chart(session, "621100", "counties_exited", lang=lang, chart="children")
    figure, axis = export.figure, export.figure["layout"]["yaxis"]
    shown = dict(zip(axis["tickvals"], axis["ticktext"], strict=True))  # each bar pair's label as drawn
    labels = {cd[0]: shown[y] for cd, y in zip(figure["data"][0]["customdata"], figure["data"][0]["y"], strict=True)}
    exported = {row["region_code"]: row["status"] for row in export.rows}
    assert len(labels) == 7 and set(exported.values()) == {behind}
    for code, label in labels.items():
        assert label.endswith(f"<br>{exported[code]}"), (code, label)
    assert all(
        text.endswith(exported[cd[0]])
        for cd, text in zip(figure["data"][1]["customdata"], figure["data"][1]["hovertext"], strict=True)
    )
    page = children_figure(view.children, "个", "t", lang)
    assert page["layout"]["yaxis"]["ticktext"] == axis["ticktext"]


def test_a_sub_region_without_a_plan_has_no_status_line():
    rows = [
        {"code": "1", "label": "甲<县>", "plan": None, "actual": 2.0, "status": None},
        {"code": "2", "label": "乙县", "plan": 3.0, "actual": 3.0, "status": "achieved"},
    ]
    figure = children_figure(rows, "个", "t", "zh")
    assert figure["data"][1]["y"] == ["甲&lt;县&gt;", "乙县"]
    assert figure["layout"]["yaxis"]["ticktext"] == ["甲&lt;县&gt;", "乙县<br>✔ 达成"]
