"""The upload page's edit grid (dogfood F9, as on the documents page): its comparator list, opened on a row near the
window's bottom while the grid goes on below it, opens inside the window, where it can be clicked. The seed's
陕西 figures, edited by a planner of 陕西; nothing is stored."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from harness.servers import free_port
from tests.accounts import add_users, browser_login
from tests.browser.test_documents import assert_clean
from tests.browser.test_documents_grid_editors import in_window

pytestmark = pytest.mark.browser
ROWS = "#edit-grid .ag-center-cols-container .ag-row"


def test_the_edit_grids_comparator_list_opens_inside_the_window(dash_duo, db_url):
    add_users(db_url, {"planner_shaanxi": ("planner", ["610000"])})
    dash_duo.start_server(create_app(db_url, build_if_empty=False, progress=lambda _m: None), port=free_port())
    dash_duo.driver.set_window_size(1366, 768)
    browser_login(dash_duo, dash_duo.server_url, "planner_shaanxi")
    dash_duo.driver.get(f"{dash_duo.server_url}/upload")
    dash_duo.wait_for_element("#edit-region", timeout=20)  # the page drawn: select_dcc_dropdown does not wait
    dash_duo.select_dcc_dropdown("#edit-region", value="陕西省 (610000)")
    driver = dash_duo.driver
    WebDriverWait(driver, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ROWS)) > 5)
    driver.execute_script(  # the grid's top rows in the window, the rest of it below the window's bottom
        "const grid = document.getElementById('edit-grid').getBoundingClientRect();"
        "window.scrollBy({top: grid.bottom - window.innerHeight - 120, behavior: 'instant'});"
    )
    height = driver.execute_script("return window.innerHeight")
    cell = driver.execute_script(
        "const cells = [...document.querySelectorAll(arguments[0] + ' [col-id=\"comparator\"]')]"
        "  .filter(c => { const r = c.getBoundingClientRect();"
        "    return r.height > 0 && r.bottom <= window.innerHeight; });"
        "cells.sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top);"
        "return cells[0];",
        ROWS,
    )
    assert in_window(driver, cell)["bottom"] > height - 100  # the row is near the window's bottom
    ActionChains(driver).double_click(cell).perform()
    picker = WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#edit-grid .ag-cell-editor .ag-picker-field-wrapper")
    )
    picker.click()  # the list of comparators opens
    listed = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".ag-select-list"))
    WebDriverWait(driver, 10).until(lambda d: in_window(d, listed)["height"] > 100)
    box = in_window(driver, listed)
    assert box["top"] >= 0 and box["bottom"] <= height, (box, height)
    option = next(o for o in listed.find_elements(By.CSS_SELECTOR, ".ag-list-item") if o.text.strip() == "≤")
    option.click()  # reachable where it is: no scrolling first
    WebDriverWait(driver, 10).until(lambda d: cell.text.strip() == "≤")
    assert_clean(dash_duo)
