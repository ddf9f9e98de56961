"""Accessibility in headless Chromium: axe-core on every page finds no serious or critical violation, every chart
names its text equivalent, and the keyboard reaches every control of the region page.

axe-core comes from npm into tests/browser/vendor/ (``scripts/setup.sh test``; pinned in its package.json and
package-lock.json); the tests inject it into the page. The app never serves it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from app import create_app
from harness.servers import free_port
from tests.accounts import add_users, browser_login
from tests.browser.test_dashboard import assert_clean

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "node_modules" / "axe-core" / "axe.min.js"
DRAWN = ".js-plotly-plot .main-svg g.trace"
PAGES = {  # path: what is there once the page has drawn
    "/": "#overview-table .ag-row",
    "/region/610000": DRAWN,
    "/region/621100": DRAWN,
    "/map": "#map-graph .js-plotly-plot .main-svg",
    "/upload": "#page-content > div",
    "/documents": "#doc-read-text",
    "/history": "#page-content > div",
}
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ')),
})))).catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}]));
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run scripts/setup.sh test (npm install of the pinned axe-core)")
    return AXE.read_text()


@pytest.fixture
def server(dash_duo, db_url):
    add_users(db_url, {"admin1": ("admin", [])})  # upload and history show their whole page to an account
    app = create_app(db_url, build_if_empty=False, progress=lambda _m: None)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1366, 900)
    dash_duo.driver.set_script_timeout(120)
    return dash_duo


def serious(driver, axe_source: str) -> list[dict]:
    driver.execute_script(axe_source)
    found = driver.execute_async_script(RUN_AXE)
    return [v for v in found if v["impact"] in ("serious", "critical")]


def test_axe_finds_no_serious_violation_on_any_page(server, axe_source, output_dir):
    driver = server.driver
    driver.get(server.server_url + "/login")
    server.wait_for_element("#username")
    problems = {"/login": serious(driver, axe_source)}
    browser_login(server, server.server_url, "admin1")
    for path, ready in PAGES.items():
        driver.get(server.server_url + path)
        server.wait_for_element(ready, timeout=30)
        problems[path] = serious(driver, axe_source)
    driver.get(server.server_url + "/documents")  # and its review: the grid, the add form, the document's text
    server.wait_for_element("#doc-text").send_keys("渭源县2019年工作要点\n\n2019年渭源县要确保减少贫困人口1.5万人。")
    driver.execute_script("arguments[0].click()", server.find_element("#doc-read-text"))
    server.wait_for_element("#doc-grid .ag-row", timeout=30)
    driver.execute_script("arguments[0].click()", server.find_element("#documents-add summary"))
    server.wait_for_element("#doc-full-text")
    problems["/documents (review)"] = serious(driver, axe_source)
    found = {path: found for path, found in problems.items() if found}
    (output_dir / "axe-violations.json").write_text(json.dumps(found, indent=1, ensure_ascii=False))
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
    assert_clean(server)


@pytest.mark.parametrize("chart", ["#plan-actual-chart", "#cumulative-chart"])
def test_each_region_chart_names_its_table(server, chart):
    server.driver.get(server.server_url + "/region/610000")
    server.wait_for_element(f"{chart} {DRAWN}", timeout=30)
    figure = server.find_element(chart)
    assert figure.get_attribute("role") == "figure" and figure.get_attribute("aria-label")
    # the year table is drawn in a render of its own after the page's first (layouts/later.py): wait for it
    table = server.wait_for_element("#" + figure.get_attribute("aria-describedby"), timeout=10)
    assert "2019" in table.text
    link = server.find_element(f"{chart} a.chart-table-link")
    assert link.text.startswith("表格") and link.get_attribute("href").endswith("#year-table")


def test_the_keyboard_reaches_every_control_of_the_region_page(server):
    driver = server.driver
    driver.get(server.server_url + "/region/610000")
    server.wait_for_element(DRAWN, timeout=30)
    wanted = {
        "#nav-overview": "overview link",
        "#lang-toggle": "language",
        "#status-help summary": "status rule",
        "#indicator-select": "indicator",
        "#year-range": "years",
        "#plan-select input[value='original']": "plan",
        "#plan-actual-chart a.chart-table-link": "chart's table",
    }
    reached = set()
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        for selector, label in wanted.items():
            if driver.execute_script(
                "const el = document.querySelector(arguments[0]);"
                "return Boolean(el && (el === document.activeElement || el.contains(document.activeElement)));",
                selector,
            ):
                reached.add(label)
        if reached == set(wanted.values()):
            break
    assert reached == set(wanted.values())
    assert_clean(server)
