"""A planner uploads a target for a year no plan has set: the preview says 首次设定 / first set, and the region
page's default view (原计划 / original plan) shows it."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from harness.servers import free_port
from tests.accounts import add_users, browser_login
from tests.browser.test_upload import CHART, click
from tests.upload_files import target_row, targets_xlsx

pytestmark = pytest.mark.browser
NEW_VALUE = "12.34万人"  # a synthetic 2018 target for 海南, which the seed has actuals but no plan for


def plan_bars(dash_duo, base: str) -> dict[str, str]:
    """The 海南 chart's bar texts by series name (原计划, 修订计划, 实际) in the default view, as the browser shows."""
    dash_duo.driver.get(f"{base}/region/460000?indicator=poor_population_reduced")
    dash_duo.wait_for_element(f"{CHART} .main-svg", timeout=20)
    dash_duo.wait_for_contains_text(CHART, "万", timeout=20)
    return dash_duo.driver.execute_script(
        "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return Object.fromEntries(g.data.map(t => [t.name, (t.text || []).join(' | ')]));",
        CHART,
    )


def test_a_first_uploaded_target_shows_in_the_default_original_plan(dash_duo, db_url, tmp_path):
    add_users(db_url, {"planner_hainan": ("planner", ["460000"])})
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    base = dash_duo.server_url
    browser_login(dash_duo, base, "planner_hainan")
    assert "原计划" not in plan_bars(dash_duo, base)

    workbook = tmp_path / "海南2018目标.xlsx"
    row = target_row(code="460000", name="海南省", end=2018, value="12.34万", note="synthetic browser test")
    workbook.write_bytes(targets_xlsx(row))
    dash_duo.driver.get(f"{base}/upload")
    dash_duo.wait_for_element("#upload-file input[type=file]").send_keys(str(workbook))
    dash_duo.wait_for_contains_text("#upload-preview-table", NEW_VALUE, timeout=30)
    assert "首次设定" in dash_duo.find_element("#upload-preview-table").text
    dash_duo.find_element("#upload-note").send_keys("海南 2018 目标 (synthetic browser test)")
    WebDriverWait(dash_duo.driver, 10).until(lambda d: d.find_element(By.ID, "upload-confirm").is_enabled())
    click(dash_duo, "#upload-confirm")
    dash_duo.wait_for_contains_text("#upload-imported", "批次", timeout=20)

    assert NEW_VALUE in plan_bars(dash_duo, base)["原计划"]
    assert dash_duo.get_logs() == []
