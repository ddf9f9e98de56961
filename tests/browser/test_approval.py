"""Approval by level in the browser: 定西 requires approval; a planner of 定西 uploads a changed 2016 target; a
viewer still sees the old value; an approver of 定西 sees the diff and returns it with a reason; the planner sees
the reason and uploads a corrected file; the approver approves; everyone sees the new value; /history says who
submitted and who approved, when. A note on 2016 shows on the chart."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from db import approval, notes
from db.session import make_engine, session_factory, transaction
from harness.servers import free_port
from tests.accounts import add_users, browser_login
from tests.browser.waiting import until
from tests.upload_files import target_row, targets_xlsx

pytestmark = pytest.mark.browser
CHART = "#plan-actual-chart"
OLD, WRONG, RIGHT = "28.52万", "28.77万", "28.66万"  # 定西 2016 target: the plan, a typo, the correction (synthetic)
CAST = {
    "planner_dingxi": ("planner", ["621100"]),
    "approver_dingxi": ("approver", ["621100"]),
    "viewer1": ("viewer", []),
}


def click(dash_duo, selector: str) -> None:
    element = dash_duo.find_element(selector)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def as_user(dash_duo, base: str, name: str) -> None:
    dash_duo.driver.delete_all_cookies()
    browser_login(dash_duo, base, name)


def chart_text(dash_duo, base: str, search: str = "") -> str:
    """The 定西 annual chart's visible text and every bar's hover text, as the browser has them."""
    dash_duo.driver.get(f"{base}/region/621100?indicator=poor_population_reduced{search}")
    dash_duo.wait_for_element(f"{CHART} .main-svg", timeout=20)
    dash_duo.wait_for_contains_text(CHART, "万", timeout=20)
    hover = dash_duo.driver.execute_script(
        "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return g.data.map(t => (t.hovertext || t.text || []).join(' | ')).join(' || ');",
        CHART,
    )
    return dash_duo.find_element(CHART).text + "\n" + hover


def upload(dash_duo, base: str, tmp_path, value: str) -> str:
    """Upload a 2016 target for 定西 through the page; returns the batch id the page reports."""
    workbook = tmp_path / f"定西2016-{value}.xlsx"
    workbook.write_bytes(targets_xlsx(target_row(code="621100", name="定西市", start=2016, end=2016, value=value)))
    dash_duo.driver.get(f"{base}/upload")
    dash_duo.wait_for_element("#upload-file input[type=file]").send_keys(str(workbook))
    dash_duo.wait_for_contains_text("#upload-preview-table", value, timeout=30)
    dash_duo.find_element("#upload-note").send_keys("2016 目标更正 (synthetic browser test)")
    WebDriverWait(dash_duo.driver, 10).until(lambda d: d.find_element(By.ID, "upload-confirm").is_enabled())
    click(dash_duo, "#upload-confirm")
    dash_duo.wait_for_contains_text("#upload-imported", "审核", timeout=20)  # told it waits for approval
    return re.search(r"批次 (\d+)", dash_duo.find_element("#upload-imported").text).group(1)


def decide(dash_duo, base: str, batch: str, button: str, reason: str = "") -> str:
    """As the approver: open 审核, check the diff, decide; returns the diff's text."""
    dash_duo.driver.get(f"{base}/review")
    dash_duo.wait_for_element(f"#review-batch-{batch}", timeout=20)
    diff = dash_duo.find_element(f"#review-changes-{batch}").text
    if reason:
        dash_duo.find_element(f"#review-batch-{batch} textarea").send_keys(reason)
    click(dash_duo, f"#review-batch-{batch} {button}")
    dash_duo.wait_for_contains_text("#review-done", batch, timeout=20)
    return diff


def test_submit_return_correct_approve(dash_duo, db_url, tmp_path, output_dir):
    add_users(db_url, CAST)
    sessions = session_factory(make_engine(db_url))
    with transaction(sessions) as s:
        approval.set_required(s, "621100", True)
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1366, 1000)
    base = dash_duo.server_url

    as_user(dash_duo, base, "planner_dingxi")
    first = upload(dash_duo, base, tmp_path, WRONG)
    assert WRONG in chart_text(dash_duo, base, "&pending=1")  # the author may look at it, marked pending
    assert "待审核" in chart_text(dash_duo, base, "&pending=1")

    as_user(dash_duo, base, "viewer1")
    seen = chart_text(dash_duo, base, "&pending=1")  # asking for pending gives a viewer nothing more
    assert OLD in seen and WRONG not in seen

    as_user(dash_duo, base, "approver_dingxi")
    dash_duo.wait_for_contains_text("#waiting-count", "1", timeout=20)
    diff = decide(dash_duo, base, first, "button.btn-outline-danger", "2016 应为 28.66万人,请核对")
    assert f"{OLD}人 → {WRONG}人" in diff
    dash_duo.driver.save_screenshot(str(output_dir / "approval-returned.png"))

    as_user(dash_duo, base, "planner_dingxi")
    dash_duo.wait_for_contains_text(f"#returned-{first}", "2016 应为 28.66万人,请核对", timeout=20)
    assert "approver_dingxi" in dash_duo.find_element(f"#returned-{first}").text
    second = upload(dash_duo, base, tmp_path, RIGHT)

    as_user(dash_duo, base, "approver_dingxi")
    assert f"{OLD}人 → {RIGHT}人" in decide(dash_duo, base, second, "button.btn-success")
    until(  # nothing waits any more (the banner may be drawn again after the decision)
        dash_duo.driver,
        lambda d: not d.find_elements(By.ID, "waiting-count"),
        lambda d: f"the banner still counts {[e.text for e in d.find_elements(By.ID, 'waiting-count')]}",
    )
    assert "审核人 approver" in dash_duo.find_element("#account-name").find_element(By.XPATH, "..").text

    with transaction(sessions) as s:
        notes.add_note(
            s, "621100", "poor_population_reduced", 2016, "<script>alert(1)</script> 2016 年中调整", "planner_dingxi"
        )
    as_user(dash_duo, base, "viewer1")
    seen = chart_text(dash_duo, base)
    assert RIGHT in seen and WRONG not in seen and "※说明" in seen
    dash_duo.wait_for_contains_text("#note-list", "<script>alert(1)</script> 2016 年中调整", timeout=20)
    dash_duo.driver.save_screenshot(str(output_dir / "approval-approved-chart.png"))

    dash_duo.driver.get(f"{base}/history")
    dash_duo.wait_for_element(f"#history-approval-{second}", timeout=20)
    approved = dash_duo.find_element(f"#history-approval-{second}").text
    assert re.search(r"planner_dingxi 提交; approver_dingxi 于 \d{4}-\d\d-\d\d \d\d:\d\d 通过", approved), approved
    assert not dash_duo.driver.find_elements(By.ID, f"history-row-{first}")  # returned: not for viewers
    as_user(dash_duo, base, "approver_dingxi")
    dash_duo.driver.get(f"{base}/history")
    dash_duo.wait_for_element(f"#history-approval-{first}", timeout=20)
    returned = dash_duo.find_element(f"#history-approval-{first}").text
    assert re.search(r"planner_dingxi 提交; approver_dingxi 于 \d{4}-\d\d-\d\d \d\d:\d\d 退回", returned), returned
    assert "请核对" in returned and "已退回" in dash_duo.find_element(f"#history-row-{first}").text
    dash_duo.driver.save_screenshot(str(output_dir / "approval-history.png"))
    assert dash_duo.get_logs() == []
