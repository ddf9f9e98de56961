"""Drilling down keeps the reader's indicator: a level without figures of it says so instead of switching."""

from __future__ import annotations

import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from callbacks.map import region_map_panel, render_map
from db.session import make_engine, session_factory
from layouts import ids
from tests.components import find_component
from views.map import build_view

PEOPLE = "poor_population_reduced"  # 脱贫人口: 陕西 reports it for the province, none of its cities does


@pytest.fixture(scope="module")
def session(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as s:
        yield s


def test_the_map_below_shaanxi_keeps_the_indicator_the_reader_chose(session):
    view = build_view(session, "610000", {"indicator": PEOPLE}, "zh")
    assert view.indicator == PEOPLE and view.no_figures
    assert view.title == "陕西省 · 脱贫人口 · 各地最新年份"
    assert {p.status for p in view.progress.values()} == {"no_data"}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["此地图上的地区没有「脱贫人口」的数据", "No figures for this indicator"]),
        ("en", ["No figures for People lifted out of poverty", "此地图上的地区没有"]),
    ],
)
def test_the_map_page_says_the_level_has_no_figures_of_it(session, lang, words):
    page = render_map(session, "610000", {"indicator": PEOPLE, "lang": lang}, lang)
    notice = find_component(page, ids.MAP_NOTICE)
    assert notice is not None
    text = notice.children
    assert all(word in text for word in words), text
    assert text.index(words[0]) < text.index(words[1]), "the page's language first, then the other"
    assert f'"value": "{PEOPLE}"' in json.dumps(page, cls=PlotlyJSONEncoder), "the dropdown shows it chosen"


def test_a_map_with_figures_of_the_indicator_says_nothing_more(session):
    page = render_map(session, "610000", {"indicator": "counties_exited", "lang": "zh"}, "zh")
    assert find_component(page, ids.MAP_NOTICE) is None


def test_the_region_pages_panel_says_which_indicator_it_shows_instead(session):
    panel = region_map_panel(session, "610000", PEOPLE, "zh")
    note = find_component(panel, ids.REGION_MAP_NOTE).children
    assert "下级地区没有「脱贫人口」的数据,地图显示「贫困县摘帽」" in note
    assert "贫困县摘帽" in find_component(panel, ids.REGION_MAP).figure.layout.title.text


def test_the_overviews_region_filter_opens_that_regions_map(session):
    from callbacks import routes

    page, params = routes.find("/map")
    by_query = json.dumps(
        page.render(session, params, "?region=610000&indicator=counties_exited"), cls=PlotlyJSONEncoder
    )
    by_path = json.dumps(render_map(session, "610000", {"indicator": "counties_exited"}, "zh"), cls=PlotlyJSONEncoder)
    national = json.dumps(page.render(session, params, "?indicator=counties_exited"), cls=PlotlyJSONEncoder)
    assert by_query == by_path
    assert by_query != national
