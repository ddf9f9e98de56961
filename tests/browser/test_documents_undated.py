"""An undated pasted text in the browser (dogfood 29: 昭通日报's repost, https://fpb.zjw.cn/info-81630.html): its
rows of 今年/去年 show no year and say why, alike; typing the document's date reads it again and fills them; the
guessed title is corrected in its box. The console stays clean."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser.test_documents import assert_clean, click, paste_as_dingxi_planner
from tests.browser.waiting import until
from tests.dogfood_texts import ZHAOTONG_ZJW

pytestmark = pytest.mark.browser
UNKNOWN = "年份未知,请填写文件日期或年份"


def periods(dash_duo) -> list[str]:
    cells = dash_duo.find_elements('#doc-grid .ag-center-cols-container [col-id="period_text"]')
    return [cell.text.strip() for cell in cells]


def type_date(dash_duo, iso: str) -> None:
    """A date typed in the date box, as the browser's date picker sets it (React sees the change)."""
    click(dash_duo, dash_duo.find_element("#documents-page details summary"))
    dash_duo.driver.execute_script(
        """const box = document.getElementById('doc-date');
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, arguments[0]);
        box.dispatchEvent(new Event('input', {bubbles: true}));""",
        iso,
    )


def test_an_undated_texts_years_are_empty_until_its_date_is_typed_and_its_title_is_corrected(dash_duo, db_url):
    paste_as_dingxi_planner(dash_duo, db_url, ZHAOTONG_ZJW)
    dash_duo.wait_for_contains_text("#documents-no-date", "文件未写明日期", timeout=30)
    dash_duo.wait_for_contains_text("#doc-grid", UNKNOWN, timeout=20)
    assert periods(dash_duo) and all(p == "" for p in periods(dash_duo))
    grid = dash_duo.find_element("#doc-grid").text
    assert "-1" not in periods(dash_duo) and "不是年份或期间" not in grid

    type_date(dash_duo, "2016-08-23")
    dash_duo.wait_for_contains_text("#documents-reread", "2016-08-23", timeout=30)
    dash_duo.wait_for_contains_text("#doc-grid", "2016", timeout=20)
    until(  # every row's year drawn, not only the first one's
        dash_duo.driver,
        lambda _d: all(p[:4] in ("2015", "2016") for p in periods(dash_duo)),
        lambda _d: f"the years are {periods(dash_duo)}",
        timeout=20,
    )
    until(
        dash_duo.driver,
        lambda d: UNKNOWN not in d.find_element(By.ID, "doc-grid").text,
        lambda d: f"the grid still says {UNKNOWN}: {d.find_element(By.ID, 'doc-grid').text}",
    )

    box = dash_duo.find_element("#doc-title")
    # its first sentence shortened (etl/intake/titles.py), not 110 characters, nor 粘贴文本 pasted.txt
    assert box.get_attribute("value") == "到去年底,全市尚有贫困人口111.95万人…"
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("昭通:向贫困发起总攻", Keys.ENTER)
    dash_duo.wait_for_contains_text("#doc-title-said", "标题已改为“昭通:向贫困发起总攻”", timeout=20)
    assert dash_duo.driver.find_elements(By.ID, "doc-grid")  # the review stays as it was
    assert_clean(dash_duo)
