"""The dashboard on a phone: 390×844 CSS pixels with touch, as headless Chromium emulates it.

Each page fits the screen's width (the page never scrolls sideways; the grid scrolls inside itself), every chart
lies inside the screen, the filters and the header fold into one button each, and the console stays clean.
Screenshots go to tests/output/screenshots/*-390x844.png for a person to look at.
"""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from harness.servers import free_port
from tests.browser.test_dashboard import assert_clean
from tests.browser.test_map import MAP_READY

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
PAGES = {  # path: what is there once the page has drawn
    "/": "#overview-table .ag-row",
    "/region/610000": "#plan-actual-chart .js-plotly-plot .main-svg g.trace",
    "/region/621100": "#plan-actual-chart .js-plotly-plot .main-svg g.trace",
    "/map": "#map-graph .js-plotly-plot .main-svg",
}
# Where each chart lies, and how wide the page is, against the screen
GEOMETRY = """
const charts = [...document.querySelectorAll('.js-plotly-plot')].filter(el => el.offsetParent !== null);
return {
  viewport: window.innerWidth,
  scrollWidth: document.scrollingElement.scrollWidth,
  charts: charts.map(el => {
    const r = el.getBoundingClientRect();
    return {id: (el.closest('[id]') || el).id, left: r.left, right: r.right};
  }),
};
"""


@pytest.fixture
def phone(dash_duo, seed_db_url):
    app = create_app(seed_db_url, build_if_empty=False)
    dash_duo.start_server(app, port=free_port())
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    return dash_duo


def open_page(phone, path: str) -> None:
    phone.driver.get(phone.server_url + path)
    phone.wait_for_element(PAGES[path], timeout=30)
    if path == "/map":
        WebDriverWait(phone.driver, 30).until(lambda d: d.execute_script(MAP_READY, "#map-graph .js-plotly-plot"))
    try:  # plotly sizes charts to their box after the page's layout settles
        WebDriverWait(phone.driver, 10).until(lambda d: fits(d.execute_script(GEOMETRY)))
    except TimeoutException:
        pass  # the test's assertions say what does not fit


def fits(geometry: dict) -> bool:
    inside = all(c["left"] >= 0 and c["right"] <= geometry["viewport"] for c in geometry["charts"])
    return inside and geometry["scrollWidth"] <= geometry["viewport"]


def slug(path: str) -> str:
    return path.strip("/").replace("/", "-") or "overview"


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_fits_a_phone_screen(phone, shots, path):
    open_page(phone, path)
    phone.driver.save_screenshot(str(shots / f"{slug(path)}-390x844.png"))
    geometry = phone.driver.execute_script(GEOMETRY)
    assert geometry["viewport"] == 390
    assert geometry["scrollWidth"] <= geometry["viewport"], geometry
    assert geometry["charts"] or path == "/", "no chart drawn"
    for chart in geometry["charts"]:
        assert chart["left"] >= 0 and chart["right"] <= geometry["viewport"], chart
    assert_clean(phone)


FIRST_SCREEN_TOP = "return document.querySelector(arguments[0]).getBoundingClientRect().top"


@pytest.mark.parametrize(
    "path, status",
    [
        ("/region/610000", "#period-summary .status-cell"),  # the whole period's status, in words and icon
        ("/", "#overview-table .ag-row .status-cell"),  # the worst first
    ],
)
def test_the_status_is_on_the_first_screen(phone, path, status):
    open_page(phone, path)
    phone.wait_for_element(status, timeout=20)
    assert phone.driver.execute_script(FIRST_SCREEN_TOP, status) < 844 - 40
    assert_clean(phone)


def test_header_and_filters_fold_into_one_button_each(phone, shots):
    open_page(phone, "/region/610000")
    driver = phone.driver
    overview_link = phone.find_element("#nav-overview")
    indicator = phone.find_element("#indicator-select")
    assert not overview_link.is_displayed() and not indicator.is_displayed()
    toggle = phone.find_element("#nav-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    WebDriverWait(driver, 5).until(lambda d: overview_link.is_displayed())
    WebDriverWait(driver, 5).until(lambda d: toggle.get_attribute("aria-expanded") == "true")
    driver.save_screenshot(str(shots / "region-610000-menu-390x844.png"))
    toggle.click()
    WebDriverWait(driver, 5).until(lambda d: not overview_link.is_displayed())
    phone.find_element("#filter-toggle").click()
    WebDriverWait(driver, 5).until(lambda d: indicator.is_displayed())
    assert phone.find_element("#filter-toggle").get_attribute("aria-expanded") == "true"
    driver.save_screenshot(str(shots / "region-610000-filters-390x844.png"))
    geometry = driver.execute_script(GEOMETRY)
    assert geometry["scrollWidth"] <= geometry["viewport"], geometry
    assert_clean(phone)


RECORD_WARNINGS = """
window.__warnings = [];
const warn = console.warn;
console.warn = function (...args) {
  window.__warnings.push(args.map(String).join(' '));
  return warn.apply(this, args);
};
"""
HEADER_CELLS = """
return [...document.querySelectorAll('#overview-table .ag-header-cell[col-id]')]
  .map(el => ({id: el.getAttribute('col-id'), left: el.getBoundingClientRect().left,
               right: el.getBoundingClientRect().right}))
  .sort((a, b) => a.left - b.left);
"""


def test_the_overview_grid_opens_on_the_status_columns_on_a_phone(phone, shots):
    """Region, then the latest year's and the plan period's status, then the years: a phone's first screen shows
    each row's status (the year columns come after them). No AG Grid warning (#48 for the trend column) either:
    the test browser logs only errors, so warnings are recorded from the page itself."""
    phone.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_WARNINGS})
    open_page(phone, "/")
    WebDriverWait(phone.driver, 10).until(
        lambda d: [c["id"] for c in d.execute_script(HEADER_CELLS)][1:3] == ["latest", "period"]
    )
    cells = phone.driver.execute_script(HEADER_CELLS)
    assert cells[0]["id"] == "region" and cells[3]["id"].startswith("y"), cells
    latest, period = cells[1], cells[2]
    assert latest["right"] <= 390 and period["left"] < 390 - 60, cells
    phone.driver.save_screenshot(str(shots / "overview-status-first-390x844.png"))
    warnings = phone.driver.execute_script("return window.__warnings || []")
    assert [w for w in warnings if "AG Grid" in w] == []
    assert_clean(phone)
