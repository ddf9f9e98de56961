"""The overview's region filter in headless Chromium: choose a region by typing its name, see only its rows, go
back, clear it; the choice is in the URL (a shared link reopens it)."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.test_dashboard import ROW_SHAANXI, assert_clean, click, visit, wait_url

pytestmark = pytest.mark.browser

ROWS = "#overview-table .ag-center-cols-container .ag-row"
EVERY_REGION = {"621100", "610000", "411702", "210781", "460000"}


def regions_shown(dash) -> set[str]:
    """In one script: the grid redraws its rows while it is read."""
    ids = dash.driver.execute_script(
        f"return [...document.querySelectorAll('{ROWS}')].map(r => r.getAttribute('row-id'))"
    )
    return {i.split("-")[0] for i in ids if i}


def wait_regions(dash, wanted: set[str], timeout: int = 15) -> None:
    WebDriverWait(dash.driver, timeout).until(lambda _d: regions_shown(dash) == wanted)


def choose(dash, typed: str, label: str) -> None:
    """Open the region filter, type, and pick the option whose text is ``label``."""
    click(dash, "#overview-region")
    search = dash.wait_for_element(".dash-dropdown-search")
    search.send_keys(typed)

    def picked(driver) -> bool:  # the options are replaced as the server's matches arrive: find and click at once
        found = [o for o in driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option") if o.text.strip() == label]
        if found:
            found[0].click()
        return bool(found)

    WebDriverWait(dash.driver, 15, ignored_exceptions=(StaleElementReferenceException,)).until(picked)


def test_choosing_a_region_shows_only_its_rows_and_clearing_shows_all(dash, shots):
    visit(dash, "/")
    dash.wait_for_element(ROW_SHAANXI)
    wait_regions(dash, EVERY_REGION)
    choose(dash, "甘肃", "甘肃省")
    wait_url(dash, lambda u: "region=620000" in u)
    wait_regions(dash, {"621100"})  # 甘肃's plan is 定西's
    dash.wait_for_contains_text("#overview-hint", "只显示甘肃省及其下级地区")
    dash.wait_for_contains_text("#overview-region", "甘肃省")
    dash.driver.save_screenshot(str(shots / "overview-region-620000-1366x768.png"))

    dash.driver.back()  # one history entry: the whole country again
    wait_url(dash, lambda u: "region=" not in u)
    wait_regions(dash, EVERY_REGION)
    dash.driver.forward()
    wait_url(dash, lambda u: "region=620000" in u)
    wait_regions(dash, {"621100"})

    click(dash, "#overview-region .dash-dropdown-clear")
    wait_url(dash, lambda u: "region=" not in u)
    wait_regions(dash, EVERY_REGION)
    assert "只显示" not in dash.find_element("#overview-hint").text
    assert_clean(dash)


def test_a_county_is_found_by_name_in_english_and_the_link_reopens_it(dash, shots):
    visit(dash, "/?lang=en")
    dash.wait_for_element(ROW_SHAANXI)
    choose(dash, "longxi", "Longxi County · Dingxi City")  # not among the first choices: found as one types
    wait_url(dash, lambda u: "region=621122" in u and "lang=en" in u)
    wait_regions(dash, {"621122"})
    dash.wait_for_contains_text("#overview-hint", "Only Longxi County and the regions below it.")
    link = dash.driver.current_url
    dash.driver.get(link)  # a shared link
    dash.wait_for_element("#page-content > div", timeout=15)
    wait_regions(dash, {"621122"})
    dash.wait_for_contains_text("#overview-region", "Longxi County")
    dash.driver.save_screenshot(str(shots / "overview-region-621122-en-1366x768.png"))
    assert_clean(dash)


def test_a_provinces_sum_of_one_city_is_marked_partial_and_its_cities_are_listed(
    dash_duo, db_url, tmp_path, output_dir
):
    """The tester's 广西 (dogfood 30, F15): 百色's 2017 target and actual summed as 广西's say 「? 部分下级 1/14」, and
    the cities whose targets make the sum have their own rows."""
    from app import create_app
    from harness.servers import free_port
    from tests.test_overview_partial import BAISE, GUANGXI, LIUZHOU, MASHAN, SEARCH, the_testers_case

    the_testers_case(db_url, tmp_path)
    dash_duo.start_server(create_app(db_url, build_if_empty=False, progress=lambda _m: None), port=free_port())
    dash_duo.driver.set_window_size(1366, 768)
    visit(dash_duo, f"/{SEARCH}&region={GUANGXI}")
    wait_regions(dash_duo, {GUANGXI, BAISE, LIUZHOU, MASHAN})
    cell = f'.ag-row[row-id="{GUANGXI}-poor_population_reduced"] .ag-cell[col-id="y2017"]'
    dash_duo.wait_for_contains_text(cell, "? 部分下级 1/14")
    text = dash_duo.find_element(cell).text
    assert "✖ 落后" in text and "9.99万人 Σ" in text
    dash_duo.driver.save_screenshot(str(output_dir / "overview-guangxi-partial.png"))
    assert_clean(dash_duo)
