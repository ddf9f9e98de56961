"""The map's table and hovers say what every other page says: the year each status is for, the dashboard's status
words and icons (✔ 达成, ✖ 落后), its percentages (42.9%), a link that names what it opens, 无计划 for no plan."""

from __future__ import annotations

import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from callbacks.map import render_map
from db.session import make_engine, session_factory
from layouts import ids
from layouts.components import percent, status_text
from tests.components import find_component
from views.map import build_view, figure_of

NAME = {"zh": "<b>陕西省</b>", "en": "<b>Shaanxi Province</b>"}


@pytest.fixture(scope="module")
def session(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as s:
        yield s


def _table(page) -> tuple[list[str], dict[str, list[str]]]:
    table = find_component(page, ids.MAP_TABLE)
    head, body = table.children
    headers = [th.children for th in head.children.children]
    rows = {tr.to_plotly_json()["props"]["data-code"]: [td.children for td in tr.children] for tr in body.children}
    return headers, rows


def test_the_national_table_gives_each_rows_year_and_the_apps_status_words(session):
    page = render_map(session, None, {"lang": "zh"}, "zh")
    headers, rows = _table(page)
    assert headers == ["地区", "年份", "计划", "实际", "完成率", "状态"]
    view = build_view(session, None, {}, "zh")
    for code, p in view.progress.items():
        assert rows[code][1] == (str(p.year) if p.year else "—")
    assert rows["610000"][4:] == [percent(183400 / 180700 * 100), status_text("achieved", "zh")] == ["101.5%", "✔ 达成"]
    assert rows["411702"][4:] == ["42.9%", "✖ 落后"]
    text = json.dumps(page, cls=PlotlyJSONEncoder, ensure_ascii=False)
    assert "已完成" not in text and "未完成" not in text, "the map's old status words, found nowhere else"


@pytest.mark.parametrize(
    ("lang", "year", "achieved"), [("zh", "年份: 2020", "✔ 达成"), ("en", "Year: 2020", "✔ achieved")]
)
def test_the_hover_and_the_key_say_the_year_and_the_apps_words(session, lang, year, achieved):
    figure = figure_of(build_view(session, None, {}, lang), lang)
    shaanxi = next(h for trace in figure.data for h in (trace.hovertext or []) if h.startswith(NAME[lang]))
    assert year in shaanxi and achieved in shaanxi and "101.5%" in shaanxi
    bars = [getattr(trace, "colorbar", None) for trace in figure.data]
    keys = [text for bar in bars if bar and bar.ticktext for text in bar.ticktext]
    assert achieved in keys and status_text("behind", lang) in keys


def test_the_region_link_names_the_page_it_opens(session):
    link = find_component(render_map(session, "610000", {"lang": "zh"}, "zh"), ids.MAP_REGION_LINK)
    assert link.children == "陕西省 地区页 Region page →" and link.href == "/region/610000?lang=zh"
    link = find_component(render_map(session, "610000", {"lang": "en"}, "en"), ids.MAP_REGION_LINK)
    assert link.children == "Shaanxi Province: region page (地区页) →"


def test_a_county_without_a_planned_exit_says_no_plan_not_no_reported_figure(session):
    page = render_map(session, "610000", {"indicator": "counties_exited", "lang": "zh"}, "zh")
    headers, rows = _table(page)
    assert headers[1] == "计划摘帽"
    assert {row[1] for row in rows.values()} == {"无计划"}, "陕西's published exits carry no planned year"
    view = build_view(session, "610000", {"indicator": "counties_exited"}, "zh")
    hovers = figure_of(view, "zh").data[0].hovertext
    assert all("计划摘帽: 无计划" in h for h in hovers)
