"""The review grid's editors on a long plan (dogfood F9): a select editor opened on the last row of the grid, near
the bottom of the window, opens where it can be clicked; a row keeps its height after an edit gives it a long note.

The plan is 陕西's 2018 three-year action plan (data/sources/, verbatim, 26 candidate rows) under a line that says it
is a test copy (so it is not the seed's stored document), read in as a .txt by a planner of 陕西.
"""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from harness.servers import free_port
from tests.accounts import add_users, browser_login
from tests.browser.test_documents import assert_clean
from tests.browser.waiting import until
from tests.plan_docx import SOURCES

pytestmark = pytest.mark.browser
PLAN = "shaanxi-2018-three-year-action.txt"
TEST_COPY = "(测试副本 TEST copy)\n"
NEW_NAME = "贫困村基本实现全面小康并完成村级集体经济组织建设及基础设施配套"  # the test's own (synthetic) name


@pytest.fixture
def review(dash_duo, db_url, tmp_path, monkeypatch):
    """A planner of 陕西 reviewing its 2018 plan, its rows in the grid; the held files in this test's folder."""
    monkeypatch.setattr("etl.held_documents.held_dir", lambda: tmp_path)
    add_users(db_url, {"planner_shaanxi": ("planner", ["610000"])})
    dash_duo.start_server(create_app(db_url, build_if_empty=False, progress=lambda _m: None), port=free_port())
    dash_duo.driver.set_window_size(1366, 768)
    browser_login(dash_duo, dash_duo.server_url, "planner_shaanxi")
    dash_duo.driver.get(f"{dash_duo.server_url}/documents")
    plan = tmp_path / PLAN
    plan.write_text(TEST_COPY + (SOURCES / PLAN).read_text(encoding="utf-8"), encoding="utf-8")
    dash_duo.wait_for_element("#doc-file input[type=file]").send_keys(str(plan))
    dash_duo.wait_for_element("#doc-grid .ag-row", timeout=60)
    WebDriverWait(dash_duo.driver, 20).until(lambda d: rows_shown(d) > 15)
    return dash_duo


def rows_shown(driver) -> int:
    return driver.execute_script(
        "return document.querySelectorAll('#doc-grid .ag-center-cols-container .ag-row').length"
    )


def lowest_cell_in_window(dash_duo, column: str):
    """The cell of ``column`` in the lowest row wholly in the window, the page scrolled so that the grid goes on
    below the window's bottom (as a reviewer working down a long plan sees it: the grid's own last rows scrolled to,
    the page not yet)."""
    driver = dash_duo.driver
    driver.execute_script(
        "const v = document.querySelector('#doc-grid .ag-body-viewport'); v.scrollTop = v.scrollHeight;"
    )
    WebDriverWait(driver, 10).until(  # the grid's last row drawn
        lambda d: d.find_elements(
            By.CSS_SELECTOR, f'#doc-grid .ag-center-cols-container .ag-row[row-index="{rows_total(d) - 1}"]'
        )
    )
    driver.execute_script(
        "const grid = document.getElementById('doc-grid').getBoundingClientRect();"
        "window.scrollBy({top: grid.bottom - window.innerHeight - 160, behavior: 'instant'});"  # 160 px below
    )
    return driver.execute_script(
        "const shown = document.querySelector('#doc-grid .ag-body-viewport').getBoundingClientRect();"
        "const cells = [...document.querySelectorAll("
        "  '#doc-grid .ag-center-cols-container .ag-row [col-id=\"' + arguments[0] + '\"]')]"
        "  .filter(c => { const r = c.getBoundingClientRect();"  # seen: in the grid's rows shown and the window
        "    return r.height > 0 && r.top >= Math.max(shown.top, 0)"
        "      && r.bottom <= Math.min(shown.bottom, window.innerHeight); });"
        "cells.sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top);"
        "return cells[0];",
        column,
    )


def rows_total(driver) -> int:
    """The grid's rows, as its count says ("已接受 25 / 26 条")."""
    return int(driver.find_element(By.ID, "documents-count").text.split("/")[1].split()[0])


def in_window(driver, element) -> dict:
    """Where ``element`` is in the window (the viewport), not in the page."""
    return driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", element)


def test_a_select_editor_near_the_windows_bottom_opens_inside_the_window(review):
    driver = review.driver
    cell = lowest_cell_in_window(review, "comparator")
    height = driver.execute_script("return window.innerHeight")
    assert in_window(driver, cell)["bottom"] > height - 120  # the row is near the window's bottom
    cell.click()
    picker = WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#doc-grid .ag-cell-editor .ag-picker-field-wrapper")
    )
    picker.click()  # the list of comparators opens
    listed = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".ag-select-list"))
    WebDriverWait(driver, 10).until(lambda d: in_window(d, listed)["height"] > 100)  # all six comparators drawn
    box = in_window(driver, listed)
    assert box["top"] >= 0 and box["bottom"] <= height, (box, height)
    option = next(o for o in listed.find_elements(By.CSS_SELECTOR, ".ag-list-item") if o.text.strip() == "≥")
    option.click()  # reachable where it is: no scrolling first
    WebDriverWait(driver, 10).until(lambda d: cell.text.strip() == "≥")
    assert_clean(review)


def test_a_row_keeps_its_height_after_an_edit_gives_it_a_long_note(review):
    driver = review.driver
    row_index = "12"  # the 13th row, as in the report
    cell_css = f'#doc-grid .ag-center-cols-container .ag-row[row-index="{row_index}"] [col-id="indicator_label"]'

    def height() -> float:
        return driver.execute_script(
            f"return document.querySelector('#doc-grid .ag-center-cols-container .ag-row[row-index=\"{row_index}\"]')"
            ".getBoundingClientRect().height"
        )

    before = height()
    cell = driver.find_element(By.CSS_SELECTOR, cell_css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", cell)
    cell.click()
    editor = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, f"{cell_css} input"))
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(NEW_NAME, Keys.ENTER)
    review.wait_for_contains_text("#doc-problems", NEW_NAME, timeout=20)  # the note is there, in the list
    problem_css = f'#doc-grid .ag-center-cols-container .ag-row[row-index="{row_index}"] [col-id="problem"]'

    def problem(driver) -> str:  # and in the row: its cells drawn again after the list
        return driver.find_element(By.CSS_SELECTOR, problem_css).get_attribute("textContent")

    until(driver, lambda d: NEW_NAME in problem(d), lambda d: f"the row's problem says {problem(d)!r}")
    with pytest.raises(TimeoutException):  # the row drawn again with its note: it does not grow
        WebDriverWait(driver, 3).until(lambda d: height() > before * 1.5)
    assert height() <= before * 1.5, (before, height())
    assert_clean(review)
