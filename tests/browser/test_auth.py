"""Accounts in headless Debian Chromium: log in, see whose session it is, log out; hostile names stay text."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import text

from app import create_app
from db.session import make_engine
from harness.servers import free_port
from tests.accounts import PASSWORD, SECRET, add_users
from tests.conftest import copy_sqlite
from tests.upload_files import target_row, targets_xlsx

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__xss='script'</script>"
IMG = '"><img src=x onerror="window.__xss=\'img\'">'


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "browser-auth.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url, {"planner_dingxi": ("planner", ["621100"])})
    return url


def start(dash_duo, url: str, public_read: bool = False):
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=public_read, secret_key=SECRET)
    # no navigation yet: dash_duo would wait for the dashboard, and strangers get the login page
    dash_duo.start_server(app, navigate=False, port=free_port())
    dash_duo.driver.set_window_size(1366, 900)
    return dash_duo


def go(dash, path: str) -> None:
    dash.driver.get(dash.server.url.rstrip("/") + path)


def log_in(dash, name: str, password: str = PASSWORD) -> None:
    go(dash, "/login")
    dash.wait_for_element("#username").send_keys(name)
    dash.find_element("#password").send_keys(password)
    dash.find_element("#login-submit").click()


def severe_logs(dash) -> list:
    return [entry for entry in dash.get_logs() or [] if entry.get("level") == "SEVERE"]


def test_planner_logs_in_sees_their_account_and_logs_out(dash_duo, url, output_dir):
    dash = start(dash_duo, url)
    go(dash, "/region/621100")
    dash.wait_for_element("#login-submit")  # strangers are sent to the login page
    log_in(dash, "planner_dingxi", "not the password!")
    dash.wait_for_contains_text("#login-message", "用户名或密码错误")
    log_in(dash, "planner_dingxi")
    dash.wait_for_text_to_equal("#account-name", "planner_dingxi")
    dash.wait_for_element("#page-content > div")
    assert dash.driver.get_cookie("fp_session")["httpOnly"]
    dash.driver.save_screenshot(str(output_dir / "auth-logged-in.png"))
    dash.find_element("#logout-button").click()
    dash.wait_for_contains_text("#login-message", "您已退出")
    go(dash, "/")
    dash.wait_for_element("#login-submit")
    # the one error expected: the wrong password was answered 401
    assert [e["message"].split(" - ")[-1] for e in severe_logs(dash)] == [
        "Failed to load resource: the server responded with a status of 401 (UNAUTHORIZED)"
    ]


def test_hostile_region_and_indicator_names_and_quotes_render_as_text(dash_duo, url, output_dir):
    with make_engine(url).begin() as conn:
        conn.execute(text("UPDATE regions SET name_zh = :n WHERE code = '621100'"), {"n": "定西市" + SCRIPT})
        conn.execute(
            text("UPDATE indicators SET name_zh = :n WHERE code = 'poor_population_reduced'"), {"n": "减贫人口" + IMG}
        )
        conn.execute(
            text("UPDATE figures SET quote = :q, note = :q WHERE region_code LIKE '6211%'"), {"q": IMG + SCRIPT}
        )
        conn.execute(text("UPDATE plan_versions SET name = :q"), {"q": IMG})
    dash = start(dash_duo, url, public_read=True)
    go(dash, "/region/621100?indicator=poor_population_reduced")
    dash.wait_for_contains_text("#region-title", "定西市<script>")
    # hover the tallest bar: plotly draws its hover label (a subset of HTML) from the quote
    dash.wait_for_element("#plan-actual-chart .bars path")
    bars = dash.driver.find_elements(By.CSS_SELECTOR, "#plan-actual-chart .bars path")
    bar = max(bars, key=lambda b: b.size["height"] * b.size["width"])
    # Bootstrap scrolls smoothly: jump instead, then hover until plotly shows the label (it may still be drawing)
    dash.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", bar)

    def hovered(driver) -> bool:
        ActionChains(driver).move_to_element(bar).move_by_offset(0, 1).perform()
        return "onerror" in driver.find_element(By.CSS_SELECTOR, "#plan-actual-chart .hoverlayer").text

    WebDriverWait(dash.driver, 15, poll_frequency=0.5).until(hovered)
    assert "<script>" in dash.find_element("#plan-actual-chart .hoverlayer").text
    dash.driver.save_screenshot(str(output_dir / "auth-hostile-hover.png"))
    # open the sources of a figure: the quote is shown as text
    link = dash.driver.find_elements(By.CSS_SELECTOR, "[id*='source-link']")[0]
    dash.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link)
    link.click()
    dash.wait_for_contains_text("#source-body", "onerror")
    assert SCRIPT in dash.find_element("#source-body").text
    dash.driver.save_screenshot(str(output_dir / "auth-hostile-names.png"))
    assert dash.driver.execute_script("return window.__xss") is None
    assert dash.driver.find_elements(By.CSS_SELECTOR, "img[src='x']") == []
    assert severe_logs(dash) == []


def upload(dash, path) -> None:
    go(dash, "/upload")
    dash.wait_for_element("#upload-file input[type=file]").send_keys(str(path))


def test_planner_uploads_for_their_region_is_refused_for_another_and_logs_out(dash_duo, url, tmp_path, output_dir):
    dash = start(dash_duo, url)
    log_in(dash, "planner_dingxi")
    dash.wait_for_text_to_equal("#account-name", "planner_dingxi")

    own = tmp_path / "定西2020.xlsx"
    own.write_bytes(targets_xlsx(target_row(code="621100", name="定西市", value="9.99万", note="synthetic")))
    upload(dash, own)
    dash.wait_for_element("#upload-preview-table", timeout=20)
    dash.find_element("#upload-note").send_keys("synthetic browser test of accounts")
    WebDriverWait(dash.driver, 10).until(lambda d: d.find_element(By.ID, "upload-confirm").is_enabled())
    confirm = dash.find_element("#upload-confirm")
    dash.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", confirm)
    confirm.click()
    dash.wait_for_contains_text("#upload-imported", "批次", timeout=20)
    with make_engine(url).connect() as conn:
        users = conn.execute(text("SELECT user_name FROM batches WHERE kind = 'upload'")).scalars().all()
    assert users == ["planner_dingxi"]

    other = tmp_path / "陕西2020.xlsx"
    other.write_bytes(targets_xlsx(target_row(code="610000", name="陕西省", value="31.23万", note="synthetic")))
    upload(dash, other)
    dash.wait_for_contains_text("#upload-errors-table", "(610000) 不在您的管辖范围内", timeout=20)
    assert not dash.driver.find_elements(By.ID, "upload-confirm"), "no confirm for another region's rows"
    dash.driver.save_screenshot(str(output_dir / "auth-upload-refused.png"))

    logout = dash.find_element("#logout-button")
    dash.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", logout)
    logout.click()
    dash.wait_for_contains_text("#login-message", "您已退出")
    go(dash, "/upload")
    dash.wait_for_element("#login-submit")
    assert severe_logs(dash) == []
