"""A planner of 定西 reads a .docx plan in on 文件 Documents: corrects one row, rejects one, commits; the region page
shows the new targets with their quotes; reverting on 历史 History puts the page back as it was.

The plan is a real .docx written from 定西's own decision (data/sources/dingxi-2015-decision.txt, verbatim);
the corrected value (22万 for 2017) is the test's own, labelled so in the note.
"""

from __future__ import annotations

import re
import sqlite3
from urllib.parse import urlparse

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from harness.servers import free_port
from tests.accounts import add_users, browser_login
from tests.browser.waiting import until
from tests.plan_docx import dingxi_plan, docx_bytes

pytestmark = pytest.mark.browser
REGION_VIEW = "/region/621100?indicator=poor_population_reduced&plan=revised"
CORRECTED = "22万"  # the test's correction of 2017's 21.65万 (synthetic)
QUOTE_2017 = "2017年减少贫困人口21.65万人"
QUOTE_2015 = "2015年减少贫困人口12.5万人"
TITLE = "定西市人民代表大会常务委员会关于深入推进精准扶贫工作的决定"  # as read from the plan's text


def click(dash_duo, element) -> None:
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def year_table(dash_duo, base: str) -> str:
    dash_duo.driver.get(base + REGION_VIEW)
    dash_duo.wait_for_element("#year-table", timeout=20)
    return dash_duo.find_element("#year-table").text


def grid_row(dash_duo, quote_part: str):
    """The grid row (centre part, where the editable cells are) whose quote holds ``quote_part``, once the grid has
    drawn it: the grid fills its rows' cells after the callback that set them, later on a loaded machine."""

    def found(driver):
        for row in driver.find_elements(By.CSS_SELECTOR, "#doc-grid .ag-center-cols-container .ag-row"):
            if quote_part in row.find_element(By.CSS_SELECTOR, '[col-id="quote"]').get_attribute("textContent"):
                return row
        return None

    return until(dash_duo.driver, found, lambda _d: f"no candidate row quotes {quote_part}")


def rows_drawn(dash_duo) -> int:
    """The grid's rows, once it has drawn as many as its count says ("已接受 1 / 1 条")."""

    def drawn(driver) -> int:
        return len(driver.find_elements(By.CSS_SELECTOR, "#doc-grid .ag-center-cols-container .ag-row"))

    def counted(driver) -> int:
        return int(driver.find_element(By.ID, "documents-count").text.split("/")[1].split()[0])

    until(
        dash_duo.driver,
        lambda d: drawn(d) == counted(d),
        lambda d: f"the grid drew {drawn(d)} rows, its count says {counted(d)}",
    )
    return drawn(dash_duo.driver)


def added_row_cells(dash_duo, index: int, expected: dict[str, str]) -> None:
    """Waits until row ``index`` of the grid shows ``expected`` (col-id → text): the grid draws a new row's cells
    after the message that announces it, later on a loaded machine."""

    def cells(driver):
        rows = driver.find_elements(
            By.CSS_SELECTOR, f'#doc-grid .ag-center-cols-container .ag-row[row-index="{index}"]'
        )
        if not rows:
            return None
        return {
            col: " ".join(c.get_attribute("textContent").split())
            for col in expected
            for c in rows[0].find_elements(By.CSS_SELECTOR, f'[col-id="{col}"]')
        }

    try:
        WebDriverWait(dash_duo.driver, 10).until(lambda d: cells(d) == expected)
    except TimeoutException:
        raise AssertionError(f"row {index} shows {cells(dash_duo.driver)}, not {expected}") from None


def assert_clean(dash_duo) -> None:
    assert dash_duo.get_logs() == [], dash_duo.get_logs()
    entries = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    for name in entries:
        parsed = urlparse(name)
        assert parsed.scheme in ("data", "blob") or parsed.hostname in ("127.0.0.1", "localhost"), name


def test_planner_reads_a_docx_in_corrects_rejects_commits_and_reverts(dash_duo, db_url, tmp_path, output_dir):
    add_users(db_url, {"planner_dingxi": ("planner", ["621100"])})
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1366, 1000)
    base = dash_duo.server_url
    browser_login(dash_duo, base, "planner_dingxi")
    before = year_table(dash_duo, base)
    assert CORRECTED not in before

    plan = tmp_path / "定西市关于深入推进精准扶贫工作的决定.docx"
    plan.write_bytes(docx_bytes(dingxi_plan()))
    dash_duo.driver.get(f"{base}/documents")
    dash_duo.wait_for_element("#doc-file input[type=file]")
    dash_duo.driver.save_screenshot(str(output_dir / "documents-page.png"))
    dash_duo.find_element("#doc-file input[type=file]").send_keys(str(plan))
    dash_duo.wait_for_contains_text("#doc-grid", QUOTE_2017, timeout=60)
    assert "定西" in dash_duo.find_element("#documents-info").text

    # the quote, highlighted in its paragraph
    click(dash_duo, grid_row(dash_duo, QUOTE_2017).find_element(By.CSS_SELECTOR, '[col-id="quote"]'))
    dash_duo.wait_for_contains_text("#doc-quote mark", QUOTE_2017, timeout=10)
    assert "确保全市2015年减少贫困人口12.5万人" in dash_duo.find_element("#doc-quote").text

    # correct 2017's value, reject 2015
    cell = grid_row(dash_duo, QUOTE_2017).find_element(By.CSS_SELECTOR, '[col-id="value_text"]')
    click(dash_duo, cell)
    editor = WebDriverWait(dash_duo.driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, '#doc-grid [col-id="value_text"] input')
    )
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(CORRECTED, Keys.ENTER)
    value_2017 = '[col-id="value_text"]'
    until(
        dash_duo.driver,
        lambda d: CORRECTED in grid_row(dash_duo, QUOTE_2017).find_element(By.CSS_SELECTOR, value_2017).text,
        lambda d: f"2017's value shows {grid_row(dash_duo, QUOTE_2017).find_element(By.CSS_SELECTOR, value_2017).text}",
    )
    click(dash_duo, accept_box(dash_duo, QUOTE_2015))
    until(
        dash_duo.driver,
        lambda d: "doc-row-rejected" in grid_row(dash_duo, QUOTE_2015).get_attribute("class"),
        lambda d: f"2015's row is {grid_row(dash_duo, QUOTE_2015).get_attribute('class')}, not rejected",
    )
    dash_duo.wait_for_contains_text("#documents-count", "/", timeout=10)
    dash_duo.driver.save_screenshot(str(output_dir / "documents-review.png"))

    commit = dash_duo.find_element("#doc-commit")
    assert not commit.is_enabled(), "a note is required before committing"
    dash_duo.find_element("#doc-note").send_keys(
        "定西 decision as a .docx; 2017 corrected to 22万 (synthetic browser test)"
    )
    WebDriverWait(dash_duo.driver, 10).until(lambda d: d.find_element(By.ID, "doc-commit").is_enabled())
    click(dash_duo, dash_duo.find_element("#doc-commit"))
    # the element can exist before its text is rendered visible, so wait for the batch id itself
    dash_duo.wait_for_contains_text("#documents-committed", "批次 ", timeout=30)
    done = dash_duo.find_element("#documents-committed").text
    batch_id = re.search(r"批次 (\d+)", done).group(1)
    assert dash_duo.find_element("#documents-region-link").get_attribute("href").endswith("/region/621100?lang=zh")
    assert dash_duo.find_element("#documents-history-link").is_displayed()

    # the region page: the corrected 2017 target with its quote, and 2015 not restated (rejected)
    after = year_table(dash_duo, base)
    row_2017 = dash_duo.find_element('#year-table tr[data-year="2017"]')
    assert CORRECTED in row_2017.text
    assert "12.5万" in dash_duo.find_element('#year-table tr[data-year="2015"]').text  # the original plan only
    click(dash_duo, row_2017.find_elements(By.CSS_SELECTOR, "td")[2].find_element(By.CSS_SELECTOR, "button"))
    dash_duo.wait_for_contains_text("#source-body", QUOTE_2017, timeout=10)
    assert "220000" in dash_duo.find_element("#source-body").text  # the review correction, noted beside the quote
    dash_duo.driver.save_screenshot(str(output_dir / "documents-region-after.png"))
    assert after != before

    # revert on History: the page is back as before
    dash_duo.driver.get(f"{base}/history")
    dash_duo.wait_for_element(f"#history-row-{batch_id} button", timeout=20)
    listed = dash_duo.find_element(f"#history-row-{batch_id}").text
    assert "文件" in listed and f"{TITLE}\n{plan.name}" in listed  # the document's title, then its file
    click(dash_duo, dash_duo.find_element(f"#history-row-{batch_id} button"))
    WebDriverWait(dash_duo.driver, 10).until(expected_conditions.alert_is_present())
    assert f"确定撤销批次 {batch_id}({TITLE})吗" in dash_duo.driver.switch_to.alert.text
    dash_duo.driver.switch_to.alert.accept()
    dash_duo.wait_for_contains_text("#history-reverted", batch_id, timeout=20)
    assert year_table(dash_duo, base) == before
    assert_clean(dash_duo)


def test_a_viewer_is_told_why_the_page_is_not_for_them(dash_duo, db_url):
    add_users(db_url, {"viewer1": ("viewer", [])})
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    browser_login(dash_duo, dash_duo.server_url, "viewer1")
    dash_duo.driver.get(f"{dash_duo.server_url}/documents")
    dash_duo.wait_for_contains_text("#documents-not-allowed", "规划人员", timeout=20)
    assert not dash_duo.driver.find_elements(By.ID, "doc-file")
    assert_clean(dash_duo)


def test_a_file_over_the_limit_is_refused_in_the_browser_with_a_message(dash_duo, db_url, tmp_path):
    add_users(db_url, {"planner_dingxi": ("planner", ["621100"])})
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    browser_login(dash_duo, dash_duo.server_url, "planner_dingxi")
    big = tmp_path / "扫描件.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (25 * 1024 * 1024))  # synthetic: 25 MB, over the 20 MB limit
    dash_duo.driver.get(f"{dash_duo.server_url}/documents")
    dash_duo.wait_for_element("#doc-file input[type=file]").send_keys(str(big))
    dash_duo.wait_for_contains_text("#doc-too-large", "文件过大", timeout=30)
    assert (
        "25.0 MB" in dash_duo.find_element("#doc-too-large").text
        and "20 MB" in dash_duo.find_element("#doc-too-large").text
    )
    assert not dash_duo.driver.find_elements(By.ID, "doc-grid")
    assert_clean(dash_duo)  # nothing was sent: no 413 in the console


def test_the_annual_chart_draws_linghais_stretch_target_beside_the_plan(dash_duo, db_url, output_dir):
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1366, 900)
    dash_duo.driver.get(f"{dash_duo.server_url}/region/210781?indicator=other:housing_renovation_households")
    dash_duo.wait_for_contains_text("#plan-actual-chart", "力争目标", timeout=20)
    bars = dash_duo.driver.execute_script(
        "const g = document.querySelector('#plan-actual-chart .js-plotly-plot');return g.data.map(t => [t.name, t.y]);"
    )
    assert ["力争目标", [100]] in bars and ["原计划", [50]] in bars
    dash_duo.driver.save_screenshot(str(output_dir / "linghai-stretch.png"))
    assert_clean(dash_duo)


def test_a_scanned_pdf_shows_pages_read_and_flags_its_ocr_rows(dash_duo, db_url, tmp_path, output_dir):
    """定西's decision printed to PDF and rasterised (no text layer), its page twice: read by OCR (seconds a page)
    with the pages counted as they go."""
    import io

    import pikepdf

    from tests.document_files import scanned_pdf, text_pdf

    add_users(db_url, {"planner_dingxi": ("planner", ["621100"])})
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1366, 1000)
    browser_login(dash_duo, dash_duo.server_url, "planner_dingxi")
    scan = tmp_path / "定西决定-扫描件.pdf"
    with pikepdf.open(io.BytesIO(scanned_pdf(tmp_path, text_pdf(tmp_path)))) as pdf:
        pdf.pages.append(pdf.pages[0])
        pdf.save(scan)
    dash_duo.driver.get(f"{dash_duo.server_url}/documents")
    dash_duo.wait_for_element("#doc-file input[type=file]")
    dash_duo.driver.execute_script(  # every text the progress line shows, as the page shows it
        "window.progressSeen = [];"
        "new MutationObserver(() => window.progressSeen.push(document.getElementById('doc-progress').textContent))"
        ".observe(document.getElementById('doc-progress'), {childList: true, subtree: true, characterData: true});"
    )
    dash_duo.find_element("#doc-file input[type=file]").send_keys(str(scan))
    dash_duo.wait_for_element("#documents-reading", timeout=10)  # the spinner says what is happening
    dash_duo.wait_for_element("#doc-grid .ag-row", timeout=300)
    seen = dash_duo.driver.execute_script("return window.progressSeen;")
    assert "已读取 1 / 2 页" in seen, seen
    assert "OCR" in dash_duo.find_element("#documents-info").text
    dash_duo.wait_for_contains_text("#doc-grid", "⚠ OCR", timeout=10)  # a row drawn, its cells a moment later
    dash_duo.driver.save_screenshot(str(output_dir / "documents-ocr.png"))
    dash_duo.wait_for_text_to_equal("#doc-progress", "", timeout=10)  # the next poll clears it
    assert_clean(dash_duo)


def paste_as_dingxi_planner(dash_duo, db_url, text: str) -> None:
    """A planner of 定西 (渭源 is below it in the seed tree) pastes ``text`` on the documents page and reads it."""
    add_users(db_url, {"planner_dingxi": ("planner", ["621100"])})
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1366, 1000)
    browser_login(dash_duo, dash_duo.server_url, "planner_dingxi")
    dash_duo.driver.get(f"{dash_duo.server_url}/documents")
    dash_duo.wait_for_element("#doc-text").send_keys(text)
    click(dash_duo, dash_duo.find_element("#doc-read-text"))


def test_a_pasted_undated_text_is_dated_by_its_source_url(dash_duo, db_url):
    # the meeting report and its address are the test's own (synthetic)
    paste_as_dingxi_planner(
        dash_duo, db_url, "渭源县召开脱贫攻坚推进会\n\n会议要求,今年渭源县要确保减少贫困人口1.5万人。"
    )
    dash_duo.wait_for_contains_text("#documents-no-date", "文件未写明日期", timeout=30)

    dash_duo.find_element("#doc-url").send_keys("http://www.weiyuan.gov.cn/art/2019/3/12/art_1_1.html")
    click(dash_duo, dash_duo.find_element("#doc-read-text"))
    dash_duo.wait_for_contains_text("#documents-info", "2019-03-12 · 取自来源网址", timeout=30)
    assert not dash_duo.driver.find_elements(By.ID, "documents-no-date")
    dash_duo.wait_for_contains_text("#doc-grid", "渭源县 621123", timeout=20)  # the undated reading's rows say it too
    first_row = "#doc-grid .ag-center-cols-container .ag-row"
    until(
        dash_duo.driver,
        lambda d: "2019" in d.find_element(By.CSS_SELECTOR, first_row).text,
        lambda d: f"the first row shows {d.find_element(By.CSS_SELECTOR, first_row).text!r}, without 2019",
        timeout=20,
    )
    assert_clean(dash_duo)


def select_in_full_text(dash_duo, words: str) -> None:
    """Select ``words`` in the document's text on the page and release the mouse there (a click)."""
    dash_duo.driver.execute_script(
        """const pre = document.getElementById('doc-full-text'), node = pre.firstChild;
        const at = node.textContent.indexOf(arguments[0]);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + arguments[0].length);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        pre.click();""",
        words,
    )


def test_a_planner_adds_a_target_the_extractor_missed_from_its_words(dash_duo, db_url):
    # the pasted report is the test's own (synthetic). The extractor reads the people lifted out of poverty; the 11
    # villages' solar plants, said as the villages' plants to be connected (no count of work), are added by the reviewer
    text = (
        "渭源县2019年脱贫攻坚工作要点\n\n"
        "2019年渭源县要确保减少贫困人口1.5万人,全县11个贫困村的村级集中光伏电站年内并网发电。"
    )
    paste_as_dingxi_planner(dash_duo, db_url, text)
    dash_duo.wait_for_contains_text("#doc-grid", "1.5万人", timeout=30)

    def values(driver) -> list[str]:
        cells = driver.find_elements(By.CSS_SELECTOR, '#doc-grid .ag-center-cols-container [col-id="value_text"]')
        return [c.text for c in cells]

    until(dash_duo.driver, lambda d: values(d) == ["1.5万人"], lambda d: f"the values are {values(d)}")
    found = len(values(dash_duo.driver))

    click(dash_duo, dash_duo.find_element("#documents-add summary"))
    dash_duo.find_element("#doc-add-quote").send_keys("没有这句话的原文 3处")
    click(dash_duo, dash_duo.find_element("#doc-add"))
    dash_duo.wait_for_contains_text("#doc-add-message", "文件中没有这段文字", timeout=20)

    words = "全县11个贫困村的村级集中光伏电站年内并网发电"
    select_in_full_text(dash_duo, words)  # as a reviewer drags over the words
    dash_duo.wait_for_element_by_css_selector("#doc-add-quote")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda d: d.find_element(By.ID, "doc-add-quote").get_attribute("value") == words
    )
    click(dash_duo, dash_duo.find_element("#doc-add"))
    dash_duo.wait_for_contains_text("#doc-add-message", f"已添加第 {found + 1} 行", timeout=20)
    added_row_cells(dash_duo, found, {"quote": words, "value_text": "11个", "period_text": "2019"})
    assert dash_duo.find_element("#doc-add-quote").get_attribute("value") == ""
    assert f"已接受 {found + 1} / {found + 1} 条" in dash_duo.find_element("#documents-count").text
    assert_clean(dash_duo)


def test_an_added_row_is_the_place_its_words_name_and_a_result_when_they_say_done(dash_duo, db_url):
    # the pasted report is the test's own (synthetic): a 定西 text whose words name 渭源县, below it, and say 已实现
    text = "定西市脱贫攻坚工作报道\n\n2019年定西市要确保减少贫困人口5万人。目前,渭源县已实现贫困人口脱贫8000人。"
    paste_as_dingxi_planner(dash_duo, db_url, text)
    dash_duo.wait_for_contains_text("#doc-grid", "5万人", timeout=30)
    found = rows_drawn(dash_duo)
    click(dash_duo, dash_duo.find_element("#documents-add summary"))
    dash_duo.find_element("#doc-add-quote").send_keys("渭源县已实现贫困人口脱贫8000人")
    click(dash_duo, dash_duo.find_element("#doc-add"))
    dash_duo.wait_for_contains_text("#doc-add-message", f"已添加第 {found + 1} 行", timeout=20)
    added_row_cells(dash_duo, found, {"region_text": "渭源县 621123", "kind": "实际 actual", "value_text": "8000人"})
    assert_clean(dash_duo)


def test_the_title_is_said_changed_only_once_the_reviewer_changes_it(dash_duo, db_url):
    # the pasted report is the test's own (synthetic); dogfood 30 F6: the page said 「标题已改为…」 right after reading
    text = "渭源县召开脱贫攻坚推进会\n\n会议要求,2019年渭源县要确保减少贫困人口1.5万人。"
    paste_as_dingxi_planner(dash_duo, db_url, text)
    dash_duo.wait_for_contains_text("#doc-grid", "1.5万人", timeout=30)
    box = dash_duo.find_element("#doc-title")
    assert box.get_attribute("value") == "渭源县召开脱贫攻坚推进会"
    with pytest.raises(TimeoutException):  # the box's callback, fired as the box is drawn, says nothing
        WebDriverWait(dash_duo.driver, 4).until(lambda d: "标题已改为" in d.find_element(By.ID, "doc-title-said").text)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("渭源县脱贫攻坚推进会报道", Keys.ENTER)
    dash_duo.wait_for_contains_text("#doc-title-said", "标题已改为“渭源县脱贫攻坚推进会报道”", timeout=20)
    assert_clean(dash_duo)


def accept_box(dash_duo, quote_part: str):
    """The accept box of the row quoting ``quote_part``, once drawn."""
    row_id = grid_row(dash_duo, quote_part).get_attribute("row-id")  # the accept column is pinned on the left
    box = f'#doc-grid .ag-pinned-left-cols-container [row-id="{row_id}"] [col-id="accept"] input'
    return until(
        dash_duo.driver,
        lambda d: d.find_element(By.CSS_SELECTOR, box),
        lambda _d: f"the row quoting {quote_part} has no accept box drawn",
    )


def test_a_review_in_progress_survives_switching_the_language(dash_duo, db_url):
    # the meeting report is the test's own (synthetic)
    paste_as_dingxi_planner(
        dash_duo,
        db_url,
        "渭源县召开脱贫攻坚推进会\n\n2019年3月12日,会议要求,今年渭源县要确保减少贫困人口1.5万人,搬迁2000人。",
    )
    dash_duo.wait_for_contains_text("#doc-grid", "渭源县 621123", timeout=30)
    dash_duo.wait_for_contains_text("#documents-count", "2 / 2", timeout=20)
    click(dash_duo, accept_box(dash_duo, "搬迁2000人"))
    dash_duo.wait_for_contains_text("#documents-count", "1 / 2", timeout=20)

    click(dash_duo, dash_duo.find_element("#lang-toggle"))
    dash_duo.wait_for_contains_text("h1", "Plan documents", timeout=20)
    dash_duo.wait_for_contains_text("#doc-grid", "1.5万", timeout=30)
    assert not accept_box(dash_duo, "搬迁2000人").is_selected()  # the reviewer's rejection, kept
    assert accept_box(dash_duo, "1.5万人").is_selected()
    assert_clean(dash_duo)


def test_a_new_file_after_a_resumed_review_is_not_stored_with_that_reviews_source_url(dash_duo, db_url, tmp_path):
    # the meeting report, the results report and the address are the test's own (synthetic)
    add_users(db_url, {"planner_dingxi": ("planner", ["621100"])})
    dash_duo.start_server(create_app(db_url, build_if_empty=False, progress=lambda _m: None), port=free_port())
    base = dash_duo.server_url
    browser_login(dash_duo, base, "planner_dingxi")
    dash_duo.driver.get(f"{base}/documents")
    address = "http://www.weiyuan.gov.cn/art/2019/3/12/art_1_1.html"
    dash_duo.wait_for_element("#doc-url").send_keys(address)
    dash_duo.find_element("#doc-text").send_keys(
        "渭源县召开脱贫攻坚推进会\n\n会议要求,今年渭源县要确保减少贫困人口1.5万人。"
    )
    click(dash_duo, dash_duo.find_element("#doc-read-text"))
    dash_duo.wait_for_contains_text("#documents-info", "2019-03-12 · 取自来源网址", timeout=30)

    dash_duo.driver.get(f"{base}/documents")  # not committed; the page opened again resumes the review
    dash_duo.wait_for_contains_text("#doc-grid", "1.5万人", timeout=30)
    WebDriverWait(dash_duo.driver, 10).until(
        lambda d: d.find_element(By.ID, "doc-url").get_attribute("value") == address
    )

    report = tmp_path / "dingxi-2018-results.txt"
    report.write_text(
        "定西市2018年脱贫攻坚成效显著\n\n2019年1月20日,记者从定西市扶贫办获悉,2018年全市实现10.2万贫困人口脱贫,"
        "200个贫困村退出。\n",
        encoding="utf-8",
    )
    dash_duo.find_element("#doc-file input[type=file]").send_keys(str(report))
    dash_duo.wait_for_contains_text("#doc-grid", "10.2万人", timeout=60)
    dash_duo.wait_for_contains_text("#documents-not-carried", "来源网址", timeout=10)
    assert dash_duo.find_element("#doc-url").get_attribute("value") == ""
    assert "取自来源网址" not in dash_duo.find_element("#documents-info").text
    dash_duo.find_element("#doc-note").send_keys("定西 2018 成效 (synthetic browser test)")
    WebDriverWait(dash_duo.driver, 10).until(lambda d: d.find_element(By.ID, "doc-commit").is_enabled())
    click(dash_duo, dash_duo.find_element("#doc-commit"))
    dash_duo.wait_for_element("#documents-committed", timeout=30)
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        stored = conn.execute("SELECT file_name, url FROM sources ORDER BY id DESC LIMIT 1").fetchone()
    assert stored == ("dingxi-2018-results.txt", None)
    assert_clean(dash_duo)


def test_the_source_url_and_note_boxes_are_as_wide_as_they_look_on_desktop_and_phone(dash_duo, db_url):
    paste_as_dingxi_planner(dash_duo, db_url, "渭源县2019年工作要点\n\n2019年渭源县要确保减少贫困人口1.5万人。")
    dash_duo.wait_for_element("#doc-note", timeout=30)
    measure = """const input = document.getElementById(arguments[0]), box = input.parentElement;
        const style = getComputedStyle(box);
        const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [input.getBoundingClientRect().width, inner];"""
    for width in (1366, 390):
        dash_duo.driver.set_window_size(width, 900)
        for box in ("doc-url", "doc-note"):
            WebDriverWait(dash_duo.driver, 10).until(
                lambda d, box=box: (
                    d.execute_script(measure, box)[1] > 0
                    and d.execute_script(measure, box)[0] >= d.execute_script(measure, box)[1] - 2
                )
            )
            input_width, inner = dash_duo.driver.execute_script(measure, box)
            assert input_width > 300 if width > 1000 else input_width > 250, (width, box, input_width, inner)
    assert_clean(dash_duo)


def test_a_reviewer_types_an_indicator_the_catalogue_lacks_and_the_region_page_shows_it_by_name(
    dash_duo, db_url, output_dir
):
    # the work plan is the test's own (synthetic), after 贵州's 2017 target the catalogue had no indicator for
    name, code = "贫困村基本实现全面小康", "other:pin_kun_cun_ji_ben_shi_xian_quan_mian_xiao_kang"
    paste_as_dingxi_planner(
        dash_duo,
        db_url,
        "渭源县2017年脱贫攻坚工作要点\n\n"
        "2017年3月1日,渭源县要确保减少贫困人口1.5万人。到2017年末,全县贫困村15个基本实现全面小康。",
    )
    quote = "全县贫困村15个基本实现全面小康"
    dash_duo.wait_for_contains_text("#doc-grid", quote, timeout=30)
    click(dash_duo, accept_box(dash_duo, quote))  # a possible target: the reviewer ticks it
    dash_duo.wait_for_contains_text("#documents-count", "2 / 2", timeout=20)

    cell = '[col-id="indicator_label"]'
    before = grid_row(dash_duo, quote).find_element(By.CSS_SELECTOR, cell).text
    click(dash_duo, grid_row(dash_duo, quote).find_element(By.CSS_SELECTOR, cell))
    editor = WebDriverWait(dash_duo.driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, f"#doc-grid {cell} input")
    )
    assert "输入目录中没有的指标名称" in editor.get_attribute("aria-label")  # its accessible name says what it takes
    suggested = dash_duo.driver.execute_script(
        "return Array.from(arguments[0].list.options).map(o => o.value);", editor
    )
    assert "贫困村退出 · villages_exited" in suggested  # the catalogue's labels, to pick from as before
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys("写错了", Keys.ESCAPE)  # Escape: nothing changes
    WebDriverWait(dash_duo.driver, 10).until(lambda d: not d.find_elements(By.CSS_SELECTOR, f"#doc-grid {cell} input"))
    assert grid_row(dash_duo, quote).find_element(By.CSS_SELECTOR, cell).text == before

    click(dash_duo, grid_row(dash_duo, quote).find_element(By.CSS_SELECTOR, cell))
    editor = WebDriverWait(dash_duo.driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, f"#doc-grid {cell} input")
    )
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(name, Keys.ENTER)  # Enter: the typed name
    until(
        dash_duo.driver,
        lambda d: grid_row(dash_duo, quote).find_element(By.CSS_SELECTOR, cell).text == name,
        lambda d: f"the indicator shows {grid_row(dash_duo, quote).find_element(By.CSS_SELECTOR, cell).text}",
    )
    dash_duo.wait_for_contains_text("#doc-problems", f"新指标:{name}({code})将随本文件保存", timeout=20)
    assert "alert-info" in dash_duo.find_element("#doc-problems").get_attribute("class")  # a note, not a problem

    def problem(_driver) -> str:  # scrolled off to the right, still there; drawn after the list above
        said = grid_row(dash_duo, quote).find_element(By.CSS_SELECTOR, '[col-id="problem"]')
        return said.get_attribute("textContent")

    until(dash_duo.driver, lambda d: "将随本文件保存" in problem(d), lambda d: f"the row's problem says {problem(d)!r}")
    dash_duo.driver.save_screenshot(str(output_dir / "documents-new-indicator.png"))

    dash_duo.find_element("#doc-note").send_keys("渭源 2017 工作要点 (synthetic browser test)")
    WebDriverWait(dash_duo.driver, 10).until(lambda d: d.find_element(By.ID, "doc-commit").is_enabled())
    click(dash_duo, dash_duo.find_element("#doc-commit"))
    dash_duo.wait_for_element("#documents-committed", timeout=30)

    dash_duo.driver.get(f"{dash_duo.server_url}/region/621123?indicator={code}")
    dash_duo.wait_for_element('#year-table tr[data-year="2017"]', timeout=20)
    assert "15" in dash_duo.find_element('#year-table tr[data-year="2017"]').text
    dash_duo.wait_for_contains_text("#page-content", name, timeout=10)
    dash_duo.driver.save_screenshot(str(output_dir / "documents-new-indicator-region.png"))
    assert_clean(dash_duo)
