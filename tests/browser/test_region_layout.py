"""The region page's lower part as an analyst sees it (download links under each chart): the sub-regions chart
keeps the height its figure asks for, lies below the targets grid and above the next section, and a click on a
bar opens that sub-region. Checked at 1366 px and on a phone (390 px).

锦州市 210700 has one county in the seed, 凌海市 210781, with a 2017 target and a 2019 actual for people lifted out of
poverty: one bar pair, the smallest chart, the one that collapsed (to ~39 px, under the grid) when its download
row sat beside it in the column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from harness.servers import free_port
from layouts import ids
from tests.accounts import PASSWORD, SECRET, add_users
from tests.browser.test_dashboard import assert_clean, wait_url
from tests.conftest import copy_sqlite

pytestmark = pytest.mark.browser

PAGE = "/region/210700?indicator=poor_population_reduced"
CHILD = "210781"
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}

# Boxes in page coordinates: the chart, its parts drawn by plotly, and its neighbours above and below
BOXES = """
const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
  return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, height: r.height}; };
const chart = document.getElementById('children-chart');
const gd = chart && chart.querySelector('.js-plotly-plot');
return {
  chart: box(chart),
  asked: gd && gd._fullLayout ? gd._fullLayout.height : null,
  svg: box(chart && chart.querySelector('.main-svg')),
  title: box(chart && chart.querySelector('.gtitle')),
  legend: box(chart && chart.querySelector('.legend')),
  ticks: [...(chart ? chart.querySelectorAll('.ytick, .xtick') : [])].map(box),
  grid: box(document.getElementById('region-indicators')),
  menu: box(document.querySelector('.export-menu-children')),
  checks: box(document.getElementById('consistency')),
  viewport: window.innerWidth,
};
"""


@pytest.fixture
def analyst(dash_duo, seed_db_path, tmp_path):
    path = tmp_path / "browser-layout.db"
    copy_sqlite(Path(seed_db_path), path)
    add_users(f"sqlite:///{path}", {"analyst1": ("analyst", [])})
    app = create_app(f"sqlite:///{path}", build_if_empty=False, progress=lambda _m: None, secret_key=SECRET)
    dash_duo.start_server(app, navigate=False, port=free_port())
    return dash_duo


def open_as_analyst(dash, window: str) -> None:
    driver = dash.driver
    if window == "phone":
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    else:
        driver.set_window_size(1366, 768)
    driver.get(dash.server.url.rstrip("/") + "/login?next=" + PAGE.replace("?", "%3F").replace("&", "%26"))
    dash.wait_for_element("#username").send_keys("analyst1")
    dash.find_element("#password").send_keys(PASSWORD)
    dash.find_element("#login-submit").click()
    dash.wait_for_element(".export-menu-children a.export-png", timeout=30)
    dash.wait_for_element(f"#{ids.CHILDREN_CHART} .barlayer .point path", timeout=30)
    dash.wait_for_element(f"#{ids.REGION_INDICATORS} .ag-row", timeout=30)
    dash.wait_for_element("#consistency", timeout=30)  # the checks below: a later part of their own (layouts/later.py)


def settled(driver) -> dict | None:
    """The boxes once two reads a moment apart agree (plotly resizes charts when the page around them moves)."""
    first = driver.execute_script(BOXES)
    driver.execute_script("return new Promise(r => setTimeout(r, 300))")
    second = driver.execute_script(BOXES)
    return second if first == second else None


def overlaps(a: dict, b: dict) -> bool:
    across = a["left"] < b["right"] and b["left"] < a["right"]
    return across and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1


def inside(part: dict, whole: dict) -> bool:
    return whole["top"] - 1 <= part["top"] and part["bottom"] <= whole["bottom"] + 1


@pytest.mark.parametrize("window", ["desktop", "phone"])
def test_the_sub_regions_chart_keeps_its_height_between_the_grid_and_the_next_section(analyst, shots, window):
    open_as_analyst(analyst, window)
    analyst.driver.execute_script(
        "document.getElementById(arguments[0]).scrollIntoView({block: 'center', behavior: 'instant'})",
        ids.CHILDREN_CHART,
    )
    boxes = WebDriverWait(analyst.driver, 15, poll_frequency=0.5).until(settled)
    analyst.driver.save_screenshot(str(shots / f"region-210700-sub-regions-{window}.png"))
    chart = boxes["chart"]
    # one bar pair still gets room for its title, axis and legend (the figure asks for 220 px or more)
    assert chart["height"] >= 200, boxes
    assert boxes["asked"] >= 200 and abs(boxes["svg"]["height"] - boxes["asked"]) <= 1, boxes
    assert abs(chart["height"] - boxes["svg"]["height"]) <= 1, boxes
    for part in [boxes["title"], boxes["legend"], *boxes["ticks"]]:
        assert part is not None and inside(part, chart), (part, chart)
    assert boxes["legend"]["height"] > 0 and boxes["title"]["height"] > 0
    # in page order, each below the one before and none over another
    order = [boxes["grid"], chart, boxes["menu"], boxes["checks"]]
    for upper, lower in zip(order, order[1:], strict=False):
        assert upper["bottom"] <= lower["top"] + 1, (upper, lower, boxes)
    for a, b in [(boxes["grid"], chart), (chart, boxes["menu"]), (boxes["menu"], boxes["checks"])]:
        assert not overlaps(a, b), boxes
    assert chart["left"] >= 0 and chart["right"] <= boxes["viewport"] + 1, boxes
    assert_clean(analyst)


def test_a_click_on_a_sub_region_bar_opens_it(analyst):
    open_as_analyst(analyst, "desktop")

    def click_a_bar(driver) -> bool:
        """Click as a user does (plotly's drag layer takes it); again if plotly was not listening yet."""
        if "/region/210700" in driver.current_url:
            bars = driver.find_elements(By.CSS_SELECTOR, f"#{ids.CHILDREN_CHART} .barlayer .point path")
            if bars:
                driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", bars[-1])
                ActionChains(driver).move_to_element(bars[-1]).click().perform()
        return "/region/210700" not in driver.current_url

    WebDriverWait(analyst.driver, 15, poll_frequency=1).until(click_a_bar)
    wait_url(analyst, lambda u: f"/region/{CHILD}" in u)
    analyst.wait_for_contains_text(f"#{ids.REGION_TITLE}", CHILD)
    assert_clean(analyst)


# 淳化县 610430 has one figure in the seed: it exited poverty in 2018 (an actual), with no target
COUNTY = "/region/610430?indicator=counties_exited"
LEGEND_TEXT = "return [...document.querySelectorAll(arguments[0] + ' .legend .legendtext')].map(e => e.textContent)"


@pytest.mark.parametrize("lang, actual", [("zh", "实际"), ("en", "Actual")])
def test_a_one_series_chart_keeps_its_key(dash, lang, actual):
    dash.driver.get(f"{dash.server_url}{COUNTY}&lang={lang}")
    dash.wait_for_element(f"#{ids.PLAN_CHART} .barlayer .point path", timeout=30)
    WebDriverWait(dash.driver, 10).until(lambda d: d.execute_script(LEGEND_TEXT, f"#{ids.PLAN_CHART}"))
    assert dash.driver.execute_script(LEGEND_TEXT, f"#{ids.PLAN_CHART}") == [actual]
    assert_clean(dash)


@pytest.mark.parametrize("lang, said", [("zh", "○ 有实际·无目标"), ("en", "○ Actual, no target")])
def test_an_actual_without_a_target_says_so_in_the_year_table_as_on_the_map(dash, lang, said):
    dash.driver.get(f"{dash.server_url}{COUNTY}&lang={lang}")
    row = dash.wait_for_element(f'#{ids.YEAR_TABLE} tr[data-year="2018"]', timeout=30)
    status = row.find_elements(By.TAG_NAME, "td")[-1]
    assert status.text == said
    assert status.find_element(By.CSS_SELECTOR, "[data-state]").get_attribute("data-state") == "no_target"
    assert_clean(dash)


@pytest.mark.parametrize(
    "lang, shown",
    [("en", "Linghai City (凌海市) 2019"), ("zh", "凌海市 2019")],  # 锦州市's figures are its county's
)
def test_the_sources_panel_names_regions_in_the_page_language(dash, lang, shown):
    dash.driver.get(f"{dash.server_url}{PAGE}&lang={lang}")
    link = dash.wait_for_element(f'#{ids.YEAR_TABLE} tr[data-year="2019"] .source-link', timeout=30)
    dash.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link)
    link.click()
    dash.wait_for_element("#source-body .card", timeout=15)
    dash.wait_for_contains_text("#source-body", shown)
    assert_clean(dash)
