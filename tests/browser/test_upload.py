"""A planner uploads a workbook through the page, sees the preview, confirms, sees the chart change, reverts."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from harness.servers import free_port
from tests.accounts import add_users, browser_login
from tests.upload_files import target_row, targets_xlsx

pytestmark = pytest.mark.browser
NEW_VALUE = "31.23万人"  # a synthetic restated 2020 target for 陕西
CHART = "#plan-actual-chart"


def click(dash_duo, selector: str) -> None:
    element = dash_duo.find_element(selector)
    # Bootstrap makes scrolling smooth (animated); jump instead so the click lands on the element.
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def open_chart(dash_duo, base: str) -> str:
    """The 陕西 plan-versus-actual chart's visible text and the hover text of every bar, as the browser has them."""
    dash_duo.driver.get(f"{base}/region/610000?indicator=poor_population_reduced")
    dash_duo.wait_for_element(f"{CHART} .main-svg", timeout=20)
    dash_duo.wait_for_contains_text(CHART, "万", timeout=20)
    hover = dash_duo.driver.execute_script(
        "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return g.data.map(t => (t.hovertext || t.text || []).join(' | ')).join(' || ');",
        CHART,
    )
    return dash_duo.find_element(CHART).text + "\n" + hover


def test_upload_preview_confirm_chart_revert(dash_duo, db_url, tmp_path, output_dir):
    add_users(db_url, {"planner_shaanxi": ("planner", ["610000"])})  # writing needs an account
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1280, 1000)
    base = dash_duo.server_url
    browser_login(dash_duo, base, "planner_shaanxi")
    assert NEW_VALUE not in open_chart(dash_duo, base)

    workbook = tmp_path / "陕西2020目标.xlsx"
    workbook.write_bytes(targets_xlsx(target_row(value="31.23万", note="synthetic browser test")))
    dash_duo.driver.get(f"{base}/upload")
    dash_duo.wait_for_element("#upload-file input[type=file]").send_keys(str(workbook))
    dash_duo.wait_for_contains_text("#upload-preview-table", NEW_VALUE, timeout=30)
    counts = dash_duo.find_element("#upload-count-new").text + dash_duo.find_element("#upload-count-changed").text
    assert "1" in counts
    assert "陕西2020目标.xlsx" in dash_duo.find_element("#upload-preview-file").text  # which file this preview is of
    assert "脱贫人口 · poor_population_reduced" in dash_duo.find_element("#upload-preview-table").text
    dash_duo.driver.save_screenshot(str(output_dir / "upload-preview.png"))

    confirm = dash_duo.find_element("#upload-confirm")
    assert not confirm.is_enabled(), "a note is required before confirming"
    dash_duo.find_element("#upload-note").send_keys("2020 restatement (synthetic browser test)")
    WebDriverWait(dash_duo.driver, 10).until(lambda d: d.find_element(By.ID, "upload-confirm").is_enabled())
    click(dash_duo, "#upload-confirm")
    dash_duo.wait_for_contains_text("#upload-imported", "批次", timeout=20)
    batch_id = dash_duo.find_element("#upload-imported").text.split("批次 ")[1].split("(")[0].strip()

    assert NEW_VALUE in open_chart(dash_duo, base)
    dash_duo.driver.save_screenshot(str(output_dir / "upload-chart-after.png"))

    dash_duo.driver.get(f"{base}/history")
    dash_duo.wait_for_element(f"#history-row-{batch_id} button", timeout=20)
    click(dash_duo, f"#history-row-{batch_id} button")
    WebDriverWait(dash_duo.driver, 10).until(expected_conditions.alert_is_present())
    dash_duo.driver.switch_to.alert.accept()
    dash_duo.wait_for_contains_text("#history-reverted", batch_id, timeout=20)
    dash_duo.wait_for_contains_text(f"#history-row-{batch_id}", "已撤销", timeout=20)

    assert NEW_VALUE not in open_chart(dash_duo, base)
    dash_duo.driver.save_screenshot(str(output_dir / "upload-chart-reverted.png"))
    assert dash_duo.get_logs() == []


def test_bad_upload_shows_located_errors_and_writes_nothing(dash_duo, db_url, tmp_path):
    add_users(db_url, {"planner_shaanxi": ("planner", ["610000"])})  # writing needs an account
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    browser_login(dash_duo, dash_duo.server_url, "planner_shaanxi")
    workbook = tmp_path / "bad.xlsx"
    workbook.write_bytes(targets_xlsx(target_row(indicator="快乐指数"), target_row(end=2019, value="很多")))
    dash_duo.driver.get(f"{dash_duo.server_url}/upload")
    dash_duo.wait_for_element("#upload-file input[type=file]").send_keys(str(workbook))
    dash_duo.wait_for_contains_text("#upload-errors-summary", "2", timeout=20)
    table = dash_duo.find_element("#upload-errors-table").text
    assert "C (指标 indicator)" in table and "快乐指数" in table and "G (数值 value)" in table
    assert dash_duo.find_element("#upload-errors-button").is_displayed()
    assert not dash_duo.driver.find_elements(By.ID, "upload-confirm"), "no confirm for an invalid file"
    assert dash_duo.get_logs() == []
