"""A planner closes the browser in the middle of a review and picks it up in another one (dogfood F14): the
Documents page lists the account's reviews in progress; 继续审核 Resume brings one back exactly as last checked (an
edited value, an unticked row, its source URL); 放弃 Discard deletes one after a confirmation; a commit takes one
off the list; another planner never sees them.

The meeting reports, the address and the corrected value are the test's own (synthetic).
"""

from __future__ import annotations

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from harness.servers import free_port
from tests.accounts import PASSWORD, add_users, browser_login
from tests.browser.test_documents import accept_box, assert_clean, click, grid_row
from tests.browser.waiting import until

pytestmark = pytest.mark.browser
ADDRESS = "http://www.weiyuan.gov.cn/art/2019/3/12/art_1_1.html"
MEETING = "渭源县召开脱贫攻坚推进会\n\n会议要求,今年渭源县要确保减少贫困人口1.5万人,搬迁2000人。"
POINTS = "渭源县2019年工作要点\n\n2019年渭源县要确保贫困村退出20个。"
CORRECTED = "1.6万"  # the test's correction of 1.5万 (synthetic)


def another_browser():
    """A second Chromium of its own (its own cookies and storage): the planner's browser after closing the first."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--window-size=1366,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def log_in(driver, base: str, name: str) -> None:
    driver.get(f"{base}/login")
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "username")).send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login-submit").click()
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "account-name").text == name)


def held_row(driver, words: str):
    """The row of the reviews-in-progress list that names ``words``, or None."""
    return driver.execute_script(  # in one go: the list is drawn again as reviews come and go
        "return [...document.querySelectorAll('#doc-held tbody tr')].find(r => r.textContent.includes(arguments[0]))"
        " || null;",
        words,
    )


def counted(driver) -> tuple[int, int]:
    """(accepted, total) as the grid's count says ("已接受 2 / 3 条")."""
    text = driver.find_element(By.ID, "documents-count").text
    accepted, total = text.removeprefix("已接受").removesuffix("条").split("/")
    return int(accepted), int(total)


def paste(dash_duo, text: str) -> None:
    box = dash_duo.find_element("#doc-text")
    box.send_keys(Keys.CONTROL, "a")  # the text pasted over the one before
    box.send_keys(text)
    click(dash_duo, dash_duo.find_element("#doc-read-text"))


def test_a_review_is_resumed_in_another_browser_as_last_checked_and_only_by_its_planner(
    dash_duo, db_url, tmp_path, monkeypatch
):
    monkeypatch.setattr("etl.held_documents.held_dir", lambda: tmp_path)
    add_users(db_url, {"planner_dingxi": ("planner", ["621100"]), "planner_other": ("planner", ["621100"])})
    dash_duo.start_server(create_app(db_url, build_if_empty=False, progress=lambda _m: None), port=free_port())
    dash_duo.driver.set_window_size(1366, 1000)
    base = dash_duo.server_url
    browser_login(dash_duo, base, "planner_dingxi")
    dash_duo.driver.get(f"{base}/documents")
    dash_duo.wait_for_element("#doc-text")
    paste(dash_duo, POINTS)  # a second review, to be discarded
    dash_duo.wait_for_contains_text("#doc-grid", "20个", timeout=30)
    dash_duo.find_element("#doc-url").send_keys(ADDRESS)
    paste(dash_duo, MEETING)
    dash_duo.wait_for_contains_text("#documents-info", "2019-03-12 · 取自来源网址", timeout=30)
    dash_duo.wait_for_contains_text("#doc-grid", "搬迁", timeout=30)
    accepted, total = counted(dash_duo.driver)

    # one value corrected, one row unticked; nobody presses 检查 Check
    cell = grid_row(dash_duo, "1.5万人").find_element(By.CSS_SELECTOR, '[col-id="value_text"]')
    click(dash_duo, cell)
    editor = WebDriverWait(dash_duo.driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, '#doc-grid [col-id="value_text"] input')
    )
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(CORRECTED, Keys.ENTER)
    click(dash_duo, accept_box(dash_duo, "搬迁2000人"))
    dash_duo.wait_for_contains_text("#documents-count", f"{accepted - 1} / {total}", timeout=20)
    here = WebDriverWait(dash_duo.driver, 20).until(lambda d: held_row(d, "渭源县召开脱贫攻坚推进会"))
    assert "正在审核" in here.text and not here.find_elements(By.TAG_NAME, "button")[0].text == "继续审核"
    assert_clean(dash_duo)

    other = another_browser()
    try:
        # another planner of the same region sees no list at all
        log_in(other, base, "planner_other")
        other.get(f"{base}/documents")
        WebDriverWait(other, 20).until(lambda d: d.find_element(By.ID, "doc-text"))
        with pytest.raises(Exception):  # noqa: B017 - a timeout: nothing is ever listed
            WebDriverWait(other, 4).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#doc-held tbody tr"))
        other.delete_all_cookies()

        # the planner, logged in again in this other browser: both reviews, the last saved first
        log_in(other, base, "planner_dingxi")
        other.get(f"{base}/documents")
        WebDriverWait(other, 20).until(lambda d: held_row(d, "渭源县召开脱贫攻坚推进会"))
        rows = other.find_elements(By.CSS_SELECTOR, "#doc-held tbody tr")
        titles = [r.find_element(By.TAG_NAME, "td").text for r in rows]
        assert titles == ["渭源县召开脱贫攻坚推进会", "渭源县2019年工作要点"]
        meeting = held_row(other, "渭源县召开脱贫攻坚推进会").text
        progress = f"共 {total} 行:接受 {accepted - 1}、拒绝 {total - accepted + 1}、修改 1"
        assert "粘贴文本" in meeting and progress in meeting, meeting

        # 放弃 Discard, confirmed: gone
        held_row(other, "渭源县2019年工作要点").find_element(By.XPATH, ".//button[text()='放弃']").click()
        WebDriverWait(other, 10).until(expected_conditions.alert_is_present())
        assert "放弃“渭源县2019年工作要点”的审核" in other.switch_to.alert.text
        other.switch_to.alert.accept()
        WebDriverWait(other, 20).until(lambda d: held_row(d, "渭源县2019年工作要点") is None)
        assert "已放弃" in other.find_element(By.ID, "doc-held-said").text

        # 继续审核 Resume: the review as last checked, its source URL back in its box
        held_row(other, "渭源县召开脱贫攻坚推进会").find_element(By.XPATH, ".//button[text()='继续审核']").click()
        WebDriverWait(other, 30).until(lambda d: CORRECTED in d.find_element(By.ID, "doc-grid").text)

        def rejected(driver) -> list[str]:  # the rows drawn, their cells a moment later
            rows = driver.find_elements(By.CSS_SELECTOR, "#doc-grid .ag-center-cols-container .doc-row-rejected")
            return [r.text for r in rows]

        until(
            other,
            lambda d: len(rows := rejected(d)) == 1 and "搬迁2000人" in rows[0],
            lambda d: f"the rejected rows show {rejected(d)}",
        )
        assert other.find_element(By.ID, "doc-url").get_attribute("value") == ADDRESS
        assert f"{accepted - 1} / {total}" in other.find_element(By.ID, "documents-count").text

        # committed: off the list
        other.find_element(By.ID, "doc-note").send_keys("渭源 推进会 (synthetic browser test)")
        WebDriverWait(other, 10).until(lambda d: d.find_element(By.ID, "doc-commit").is_enabled())
        commit = other.find_element(By.ID, "doc-commit")
        other.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", commit)
        commit.click()
        WebDriverWait(other, 30).until(lambda d: d.find_elements(By.ID, "documents-committed"))
        WebDriverWait(other, 20).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#doc-held tbody tr"))
        assert other.get_log("browser") == []
    finally:
        other.quit()
