"""The dashboard in headless Debian Chromium: overview, region page, drill-down, language, URL state, sources.

Every test ends by checking the console has no errors and every request went to the app itself and succeeded.
Screenshots at 1366×768 go to tests/output/screenshots/ for a person to look at.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.waiting import until

pytestmark = pytest.mark.browser

ROWS = "#overview-table .ag-center-cols-container .ag-row"
ROW_SHAANXI = '#overview-table .ag-center-cols-container [row-id="610000-poor_population_reduced"]'
DINGXI_EXITS = {  # county: (planned year, actual year)
    "621122": (2016, 2019),
    "621102": (2016, 2019),
    "621124": (2016, 2019),
    "621125": (2017, 2019),
    "621123": (2017, 2019),
    "621121": (2017, 2020),
    "621126": (2017, 2020),
}


def visit(dash, path: str) -> None:
    dash.driver.get(dash.server_url + path)
    dash.wait_for_element("#page-content > div", timeout=15)


def click(dash, selector: str) -> None:
    """Scroll the element into view at once (Bootstrap makes scrolling smooth) and click it."""
    element = dash.wait_for_element(selector)
    dash.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def wait_url(dash, predicate, timeout: int = 10) -> str:
    WebDriverWait(dash.driver, timeout).until(lambda d: predicate(d.current_url))
    return dash.driver.current_url


def assert_clean(dash) -> None:
    """No console errors; every resource loaded from the app's own host, none failed."""
    assert dash.get_logs() == [], dash.get_logs()
    entries = dash.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => [e.name, e.responseStatus || 0])"
    )
    assert entries, "no resources recorded"
    for name, status in entries:
        parsed = urlparse(name)
        if parsed.scheme in ("data", "blob"):
            continue
        assert parsed.hostname in ("127.0.0.1", "localhost"), f"external request: {name}"
        assert status == 0 or status < 400, f"failed request {status}: {name}"


def year_cell(dash, row: str, year: int):
    return dash.wait_for_element(f'{row} [col-id="y{year}"]')


def status_of(cell) -> str | None:
    return next((c[3:] for c in cell.get_attribute("class").split() if c.startswith("st-")), None)


def cell_shows(dash, row: str, year: int, status: str, *words: str) -> None:
    """Waits until the year's cell of ``row`` has ``status`` and shows ``words``: the grid fills a cell after drawing
    it, later on a loaded machine."""

    def shown(driver) -> tuple[str | None, str]:
        cell = driver.find_element(By.CSS_SELECTOR, f'{row} [col-id="y{year}"]')
        return status_of(cell), cell.text

    def right(driver) -> bool:
        said, text = shown(driver)
        return said == status and all(w in text for w in words)

    until(dash.driver, right, lambda d: f"{year} shows (status, text) {shown(d)}, not {status} with {words}")


def rows_shown(driver) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, ROWS))


def test_overview_marks_shaanxi_2019_behind_and_2018_achieved(dash, shots):
    visit(dash, "/")
    dash.wait_for_element(ROW_SHAANXI)
    cell_shows(dash, ROW_SHAANXI, 2019, "behind", "落后", "57.88万", "63.5万")
    cell_shows(dash, ROW_SHAANXI, 2018, "achieved", "达成")
    trend = dash.wait_for_element(f'{ROW_SHAANXI} [col-id="trend"] svg.sparkline')
    assert trend.get_attribute("aria-label").startswith("趋势")
    plan, actual = (p.get_attribute("d") for p in trend.find_elements(By.CSS_SELECTOR, "path"))
    assert plan.count("L") == 2 and actual.startswith("M"), "three yearly targets joined; the actuals drawn"
    assert len(trend.find_elements(By.CSS_SELECTOR, "circle")) >= 2, "a dot per reported year"

    def overview(driver) -> tuple[set[str], bool]:
        """The regions of the rows, and whether the first row's cells say behind (worst first)."""
        rows = driver.find_elements(By.CSS_SELECTOR, ROWS)
        if not rows:
            return set(), False
        first = min(rows, key=lambda r: int(r.get_attribute("row-index")))
        return {r.get_attribute("row-id").split("-")[0] for r in rows}, "st-behind" in first.get_attribute("innerHTML")

    wanted = ({"621100", "610000", "411702", "210781", "460000"}, True)
    until(dash.driver, lambda d: overview(d) == wanted, lambda d: f"(regions, worst first) {overview(d)}")
    dash.driver.save_screenshot(str(shots / "overview-1366x768.png"))
    assert_clean(dash)


def test_clicking_a_year_opens_its_sources_with_the_number_marked(dash, shots):
    visit(dash, "/")
    year_cell(dash, ROW_SHAANXI, 2019).click()
    dash.wait_for_element("#source-body .card")
    dash.wait_for_contains_text("#source-body", "63.5万")
    WebDriverWait(dash.driver, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#source-body .card")) >= 2)
    marks = [m.get_attribute("textContent") for m in dash.find_elements("#source-body mark")]
    assert "63.5万" in marks and "57.88万" in marks
    assert "tuliu.com" in dash.find_element("#source-body").text
    dash.driver.save_screenshot(str(shots / "overview-sources-1366x768.png"))
    assert_clean(dash)


def test_dingxi_shows_each_county_planned_and_actual_exit_year(dash, shots):
    visit(dash, "/region/621100?indicator=counties_exited")
    dash.wait_for_element("#named-timeline-table")
    rows = dash.find_elements("#named-timeline-table tbody tr")
    seen = {}
    for row in rows:
        cells = row.find_elements(By.TAG_NAME, "td")
        seen[row.get_attribute("data-region")] = (int(cells[1].text), int(cells[2].text))
    assert seen == DINGXI_EXITS
    assert "晚3年" in dash.find_element("#named-timeline-table").text
    dash.driver.save_screenshot(str(shots / "region-621100-1366x768.png"))
    dash.driver.execute_script("document.getElementById('named-timeline').scrollIntoView({behavior: 'instant'})")
    dash.driver.save_screenshot(str(shots / "region-621100-named-targets-1366x768.png"))
    assert_clean(dash)


def test_drill_into_a_county_from_the_chart_and_back_by_breadcrumb(dash, shots):
    visit(dash, "/region/621100?indicator=counties_exited")
    dash.wait_for_element("#children-chart .barlayer .point path")

    def click_a_bar(driver) -> bool:
        """Click as a user does (plotly's drag layer takes it); again if plotly was not listening yet."""
        if "/region/621100" in driver.current_url:
            bars = driver.find_elements(By.CSS_SELECTOR, "#children-chart .barlayer .point path")
            if bars:
                driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", bars[-1])
                ActionChains(driver).move_to_element(bars[-1]).click().perform()
        return "/region/621100" not in driver.current_url

    WebDriverWait(dash.driver, 15, poll_frequency=1).until(click_a_bar)
    url = wait_url(dash, lambda u: "/region/6211" in u and "/region/621100" not in u)
    county = urlparse(url).path.split("/")[-1]
    assert county in DINGXI_EXITS
    dash.wait_for_contains_text("#breadcrumb", "定西市")
    dash.wait_for_contains_text("#region-title", county)
    dash.driver.save_screenshot(str(shots / f"region-{county}-1366x768.png"))
    click(dash, "#breadcrumb a[href^='/region/621100']")
    wait_url(dash, lambda u: "/region/621100" in u)
    dash.wait_for_contains_text("#region-title", "621100")
    dash.driver.back()
    wait_url(dash, lambda u: f"/region/{county}" in u)
    dash.wait_for_contains_text("#region-title", county)
    assert_clean(dash)


def test_switch_to_english_and_back(dash, shots):
    visit(dash, "/region/610000?indicator=poor_population_reduced")
    dash.wait_for_contains_text("#region-title", "陕西省")
    dash.find_element("#lang-toggle").click()
    wait_url(dash, lambda u: "lang=en" in u)
    dash.wait_for_contains_text("#region-title", "Shaanxi Province")
    table = dash.wait_for_element("#year-table").text
    assert "578,800 people" in table and "635,000 people" in table
    dash.driver.save_screenshot(str(shots / "region-610000-en-1366x768.png"))
    dash.find_element("#lang-toggle").click()
    wait_url(dash, lambda u: "lang=zh" in u)
    dash.wait_for_contains_text("#region-title", "陕西省")
    assert "57.88万人" in dash.wait_for_element("#year-table").text
    assert_clean(dash)


def test_a_copied_url_reopens_the_same_view(dash):
    path = "/region/610000?lang=en&indicator=poor_population_reduced&plan=revised&from=2018&to=2019"
    visit(dash, path)

    def view():
        dash.wait_for_contains_text("#region-title", "Shaanxi")
        row = dash.wait_for_element('#year-table tr[data-year="2019"]')
        checked = dash.find_element("#plan-select input:checked").get_attribute("value")
        years = [r.get_attribute("data-year") for r in dash.find_elements("#year-table tbody tr")]
        return row.find_element(By.CSS_SELECTOR, "[data-status]").get_attribute("data-status"), checked, years

    first = view()
    assert first == ("achieved", "revised", ["2018", "2019"])  # 57.88万 vs revised 56.5万
    dash.driver.get(dash.driver.current_url)
    dash.wait_for_element("#page-content > div")
    assert view() == first
    dash.find_element("#plan-select input[value='original']").click()
    wait_url(dash, lambda u: "plan=revised" not in u)
    dash.wait_for_element('#year-table tr[data-year="2019"] [data-status="behind"]')
    dash.driver.back()
    wait_url(dash, lambda u: "plan=revised" in u)
    dash.wait_for_element('#year-table tr[data-year="2019"] [data-status="achieved"]')
    assert_clean(dash)


def test_projector_size_shows_the_overview_without_horizontal_scroll(dash, shots):
    dash.driver.set_window_size(1920, 1080)
    visit(dash, "/")
    dash.wait_for_element(ROW_SHAANXI)
    scroll, client = dash.driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll <= client
    dash.driver.save_screenshot(str(shots / "overview-1920x1080.png"))
    assert_clean(dash)


def test_low_reliability_figures_are_flagged_in_table_and_sources(dash, shots):
    visit(dash, "/region/610000?indicator=poverty_incidence")
    row = dash.wait_for_element('#year-table tr[data-year="2018"]')
    assert "⚠" in row.text  # 3.18%, a machine-translated page
    click(dash, '#year-table tr[data-year="2018"] td.table-warning button')
    card = dash.wait_for_element('#source-body [data-reliability="low"]')
    dash.wait_for_contains_text("#source-body", "低可靠性")
    assert "低可靠性" in card.text and "lvyouzhishi.com" in card.text
    dash.driver.save_screenshot(str(shots / "region-610000-low-reliability-1366x768.png"))
    assert_clean(dash)


def test_status_rule_help_is_shown_in_the_app(dash, shots):
    visit(dash, "/?lang=en")
    dash.find_element("#status-help summary").click()
    dash.wait_for_contains_text("#status-help", "no reported figure")
    text = dash.find_element("#status-help").text
    for word in ("achieved", "on track", "at risk", "behind", "达成", "落后"):
        assert word in text
    dash.driver.save_screenshot(str(shots / "overview-status-rule-1366x768.png"))
    assert_clean(dash)


def test_hiding_targets_without_figures_is_one_history_step(dash):
    visit(dash, "/")
    dash.wait_for_element(ROW_SHAANXI)
    all_rows = rows_shown(dash.driver)
    click(dash, "#reported-only input")
    wait_url(dash, lambda u: "reported=1" in u)
    dash.wait_for_contains_text("#page-content", "已隐藏")
    dash.wait_for_element(ROW_SHAANXI)
    # the grid draws its new rows a moment after the hint says they are hidden
    until(dash.driver, lambda d: 5 <= rows_shown(d) < all_rows, lambda d: f"{rows_shown(d)} of {all_rows} rows")
    dash.driver.back()
    wait_url(dash, lambda u: "reported=1" not in u)
    WebDriverWait(dash.driver, 10).until(lambda d: rows_shown(d) == all_rows)
    assert_clean(dash)


def test_a_region_link_without_indicator_keeps_its_url_and_back_works(dash):
    visit(dash, "/region/621100?indicator=counties_exited")
    dash.wait_for_element("#named-timeline-table")
    click(dash, '#named-timeline-table a[href="/region/621126"]')  # a county link without query string
    wait_url(dash, lambda u: u.endswith("/region/621126"))
    dash.wait_for_contains_text("#region-title", "621126")
    dash.wait_for_element("#year-table")
    assert dash.driver.current_url.endswith("/region/621126"), "rendering must not rewrite the URL"
    dash.driver.back()
    wait_url(dash, lambda u: "/region/621100" in u)
    dash.wait_for_contains_text("#region-title", "621100")
    assert_clean(dash)


def test_charts_draw_with_the_partial_plotly_bundle_only(dash):
    """vendor/plotly's bundle is the page's only plotly.js: the full 4.8 MB one is never fetched as well."""
    visit(dash, "/region/610000")
    dash.wait_for_element("#region-map .js-plotly-plot .main-svg", timeout=20)
    dash.wait_for_element(".js-plotly-plot .main-svg g.trace", timeout=20)
    traces = dash.driver.execute_script("return Object.keys(Plotly.PlotSchema.get().traces).sort()")
    assert traces == ["bar", "choroplethmap", "scatter", "scattermap"]
    scripts = dash.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => /plotly/.test(n))"
    )
    # the bundle, and its maps' part, loaded for the region's map only after the page's charts were drawn
    assert [urlparse(s).path for s in scripts] == [
        "/vendor/plotly/plotly-dashboard.min.js",
        "/vendor/plotly/plotly-dashboard-maps.min.js",
    ]
    assert_clean(dash)


def test_the_frames_hidden_chart_loads_the_chart_code_and_never_draws(dash):
    """The frame's hidden chart makes the browser ask for dcc.Graph's code before any page arrives, and is taken
    out before that code runs: plotly's first draw is the page's chart, not an empty one (layouts/shell.py)."""
    visit(dash, "/region/610000")
    dash.wait_for_element("#plan-actual-chart .js-plotly-plot .main-svg g.trace", timeout=20)
    seen = dash.driver.execute_script(
        """return {slot: !!document.getElementById('graph-preload-slot'),
                   hidden: document.querySelectorAll('#graph-preload, #graph-preload-slot .main-svg').length,
                   code: performance.getEntriesByType('resource').filter(e => /async-graph/.test(e.name)).length}"""
    )
    assert seen == {"slot": True, "hidden": 0, "code": 1}
    assert_clean(dash)


@pytest.mark.parametrize("code", ["610000", "621100"])
def test_a_region_page_without_query_opens_on_people_lifted(dash, code):
    """陕西 and 定西 report more county exits than people figures; the page still opens on 脱贫人口."""
    visit(dash, f"/region/{code}")
    dash.wait_for_contains_text("#indicator-select", "脱贫人口", timeout=15)
    dash.wait_for_contains_text("#region-title", code)
    assert dash.driver.current_url.endswith(f"/region/{code}")
    assert_clean(dash)


def test_the_grid_bundle_loads_when_a_grid_is_drawn_and_the_stand_in_matches_it(dash):
    """dash-ag-grid's bundle is not among the index's scripts (app.lean_scripts): assets/lazy_ag_grid.js loads it
    when the first grid mounts. The stand-in Dash renders must carry what the renderer reads from the real class."""
    visit(dash, "/")
    dash.wait_for_element(f"{ROW_SHAANXI}", timeout=20)
    statics = dash.driver.execute_script(
        """const stand = window.dash_ag_grid.AgGrid, real = stand.bundled;
        const own = c => Object.getOwnPropertyNames(c).filter(n => !['length', 'name', 'prototype'].includes(n)).sort();
        return {real: own(real), stand: own(stand), persistence: [real.dashPersistence, stand.dashPersistence],
                renderType: [real.dashRenderType, stand.dashRenderType], api: typeof window.dash_ag_grid.getApi,
                loadedBy: performance.getEntriesByType('resource').filter(e => /dash_ag_grid\\.v/.test(e.name))
                  .map(e => e.initiatorType)}"""
    )
    assert set(statics["real"]) == {"dashPersistence", "dashRenderType", "propTypes"}
    assert set(statics["stand"]) == set(statics["real"]) | {"bundled"}
    assert statics["persistence"][0] == statics["persistence"][1] and statics["renderType"] == [True, True]
    assert statics["api"] == "function"
    assert "script" in statics["loadedBy"]
    scripts = dash.driver.execute_script("return [...document.scripts].map(s => s.src)")
    assert sum("dash_ag_grid.v" in src for src in scripts) == 1  # the one the stand-in added, not the index's
    assert_clean(dash)
