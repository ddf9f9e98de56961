"""The map in headless Chromium: seed regions coloured, a real click on 定西 drills to its seven counties,
and nothing is fetched from anywhere but the app itself."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from geo import boundaries
from harness.servers import free_port
from tests.accounts import add_users, browser_login

pytestmark = pytest.mark.browser

SEED_REGIONS = {"621100", "610000", "411702", "210781", "460000"}
DINGXI_COUNTIES = {"621102", "621121", "621122", "621123", "621124", "621125", "621126"}
GRAPH = "#map-graph .js-plotly-plot"

MAP_READY = """
const gd = document.querySelector(arguments[0]);
const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
return Boolean(sub && sub.map && sub.map.loaded() && sub.map.areTilesLoaded());
"""
# Locations and colour index (z) of the trace that carries the status colour bar.
STATUS_TRACE = """
const gd = document.querySelector(arguments[0]);
const trace = gd.data.find(t => t.type === 'choroplethmap' && t.showscale !== false);
return {locations: trace.locations, z: trace.z, ticktext: trace.colorbar.ticktext};
"""
CLIENT_PIXEL_OF = """
const gd = document.querySelector(arguments[0]);
const map = gd._fullLayout.map._subplot.map;
const p = map.project([arguments[1], arguments[2]]);
const r = map.getCanvas().getBoundingClientRect();
return [r.left + p.x, r.top + p.y];
"""
HOVERED = """
const gd = document.querySelector(arguments[0]);
return gd._hoverdata && gd._hoverdata.length ? gd._hoverdata[0].location : null;
"""
# What MapLibre could fetch: tiles or sources by URL, glyphs or sprites (symbol layers showing text or icons;
# plotly's scattermap adds empty symbol layers, which fetch nothing).
STYLE_NEEDS = """
const style = document.querySelector(arguments[0])._fullLayout.map._subplot.map.getStyle();
const remote = Object.values(style.sources).filter(s => s.url || s.tiles || typeof s.data === 'string');
const shows = l => l.layout && (l.layout['text-field'] || l.layout['icon-image']);
const text = style.layers.filter(l => l.type === 'symbol' && shows(l));
return {remote: remote.length, symbols: text.length};
"""
RESOURCES = "return performance.getEntriesByType('resource').map(e => e.name);"


def _wait_for_map(dash_duo):
    dash_duo.wait_for_element(GRAPH, timeout=20)
    WebDriverWait(dash_duo.driver, 30).until(lambda d: d.execute_script(MAP_READY, GRAPH))


def _click_region(dash_duo, code: str) -> None:
    """Move the real mouse over the region's interior, check plotly hovers that region, then click."""
    lon, lat = _interior_point(code)
    canvas = dash_duo.find_element(f"{GRAPH} canvas.maplibregl-canvas")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", canvas
    )  # Bootstrap scrolls smoothly
    x, y = dash_duo.driver.execute_script(CLIENT_PIXEL_OF, GRAPH, lon, lat)
    mouse = ActionBuilder(dash_duo.driver)
    mouse.pointer_action.move_to_location(int(x), int(y))
    mouse.perform()
    WebDriverWait(dash_duo.driver, 10).until(
        lambda d: d.execute_script(HOVERED, GRAPH) == code,
        message=f"hovering {dash_duo.driver.execute_script(HOVERED, GRAPH)}",
    )
    ActionChains(dash_duo.driver).click().perform()


def _interior_point(code: str) -> tuple[float, float]:
    west, south, east, north = boundaries.bounds([boundaries.feature(code)])
    return (west + east) / 2, (south + north) / 2  # inside the outline (checked in test_geo_boundaries)


def test_map_colours_seed_regions_and_click_drills_into_dingxi_counties(dash_duo, seed_db_url, output_dir):
    app = create_app(seed_db_url, build_if_empty=False)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1400, 1100)
    dash_duo.driver.get(dash_duo.server_url + "/map")
    _wait_for_map(dash_duo)

    national = dash_duo.driver.execute_script(STATUS_TRACE, GRAPH)
    assert set(national["locations"]) == SEED_REGIONS
    no_data = national["ticktext"].index("– 本年无数据")
    assert all(z != no_data for z in national["z"]), national
    assert dash_duo.find_elements("#map-export-png") == []  # the public may view, not export
    rows = dash_duo.find_elements("#map-table tbody tr")
    assert {r.get_attribute("data-code") for r in rows} == SEED_REGIONS
    assert dash_duo.driver.execute_script(STYLE_NEEDS, GRAPH) == {"remote": 0, "symbols": 0}
    dash_duo.driver.save_screenshot(str(output_dir / "map-national.png"))

    _click_region(dash_duo, "621100")  # the reader's indicator is kept; 定西's counties report none of it: said so
    dash_duo.wait_for_text_to_equal("#map-title", "定西市 · 脱贫人口 · 各地最新年份", timeout=20)
    assert "此地图上的地区没有「脱贫人口」的数据" in dash_duo.find_element("#map-notice").text
    assert "indicator=poor_population_reduced" in dash_duo.driver.current_url
    dash_duo.driver.get(dash_duo.server_url + "/map/621100?indicator=counties_exited")
    dash_duo.wait_for_text_to_equal("#map-title", "定西市 · 贫困县摘帽 · 计划与实际摘帽年份", timeout=20)
    _wait_for_map(dash_duo)
    counties = dash_duo.driver.execute_script(STATUS_TRACE, GRAPH)
    assert set(counties["locations"]) == DINGXI_COUNTIES
    table = {r.get_attribute("data-code"): r.text for r in dash_duo.find_elements("#map-table tbody tr")}
    assert set(table) == DINGXI_COUNTIES
    assert "2016" in table["621122"] and "2019" in table["621122"] and "推迟3年" in table["621122"]
    assert "2017" in table["621126"] and "2020" in table["621126"]
    assert dash_duo.driver.current_url.split("?")[0].endswith("/map/621100")
    dash_duo.driver.save_screenshot(str(output_dir / "map-dingxi-exits.png"))

    assert dash_duo.driver.execute_script(STYLE_NEEDS, GRAPH) == {"remote": 0, "symbols": 0}
    loaded = dash_duo.driver.execute_script(RESOURCES)
    foreign = [u for u in loaded if not u.startswith((dash_duo.server_url, "data:", "blob:"))]
    assert loaded and foreign == []

    _click_region(dash_duo, "621122")  # a county has no level below: its region page opens
    dash_duo.wait_for_text_to_equal("#region-title", "陇西县 · 621122", timeout=20)
    assert dash_duo.get_logs() == []


def test_region_page_has_a_map_panel_of_its_counties(dash_duo, seed_db_url):
    app = create_app(seed_db_url, build_if_empty=False)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1400, 1100)
    dash_duo.driver.get(dash_duo.server_url + "/region/621100?indicator=counties_exited")
    panel = "#region-map .js-plotly-plot"
    dash_duo.wait_for_element(panel, timeout=20)
    WebDriverWait(dash_duo.driver, 30).until(lambda d: d.execute_script(MAP_READY, panel))
    counties = dash_duo.driver.execute_script(STATUS_TRACE, panel)
    assert set(counties["locations"]) == DINGXI_COUNTIES
    assert "▲▲▲ 推迟3年及以上" in counties["ticktext"]
    link = dash_duo.find_element("#region-map-link")
    assert link.get_attribute("href").split("?")[0].endswith("/map/621100")
    assert dash_duo.get_logs() == []


def test_an_analyst_gets_png_and_pdf_links_for_the_map_shown(dash_duo, db_url):
    add_users(db_url, {"analyst1": ("analyst", [])})
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    browser_login(dash_duo, dash_duo.server_url, "analyst1")
    dash_duo.driver.get(dash_duo.server_url + "/map/621100")
    _wait_for_map(dash_duo)
    png = dash_duo.find_element("#map-export-png").get_attribute("href")
    pdf = dash_duo.find_element("#map-export-pdf").get_attribute("href")
    assert "/export/map.png?" in png and "region=621100" in png and "indicator=counties_exited" in png
    assert "/export/map.pdf?" in pdf and "region=621100" in pdf
    assert dash_duo.get_logs() == []
