"""In the browser, as an analyst: the chart's PNG link downloads a PNG; the briefing button shows its progress
and then delivers a workbook. A viewer sees no export links."""

from __future__ import annotations

from pathlib import Path

import pytest
from dash.testing.wait import until

from app import create_app
from export import kaleido_server
from harness.servers import free_port
from layouts import ids
from tests.accounts import PASSWORD, SECRET, add_users
from tests.conftest import copy_sqlite

pytestmark = pytest.mark.browser
PAGE = "/region/621100?indicator=poor_population_reduced"


@pytest.fixture
def dash(dash_duo, seed_db_path, tmp_path):
    path = tmp_path / "browser-export.db"
    copy_sqlite(Path(seed_db_path), path)
    add_users(f"sqlite:///{path}", {"analyst1": ("analyst", []), "viewer1": ("viewer", [])})
    app = create_app(f"sqlite:///{path}", build_if_empty=False, progress=lambda _m: None, secret_key=SECRET)
    # dash_duo's server, when stopped, raises SystemExit in every thread started after it: start the image
    # browser's threads first so later tests in this process can still export
    kaleido_server.ensure_started()
    dash_duo.start_server(app, navigate=False, port=free_port())
    dash_duo.driver.set_window_size(1400, 1400)
    return dash_duo


def log_in_and_open(dash, name: str) -> None:
    dash.driver.get(dash.server.url.rstrip("/") + "/login?next=" + PAGE.replace("?", "%3F").replace("&", "%26"))
    dash.wait_for_element("#username").send_keys(name)
    dash.find_element("#password").send_keys(PASSWORD)
    dash.find_element("#login-submit").click()
    dash.wait_for_element(f"#{ids.REGION_TITLE}", timeout=30)


def downloaded(folder: str, suffix: str) -> list[Path]:
    """Files Chromium has finished writing: it creates the final name empty and
    fills a .crdownload beside it until the download completes."""
    files = list(Path(folder).iterdir())
    if any(p.suffix == ".crdownload" for p in files):
        return []
    return [p for p in files if p.suffix == suffix and p.stat().st_size > 0]


def click(dash, element) -> None:
    dash.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def severe(dash) -> list:
    return [entry for entry in dash.get_logs() or [] if entry.get("level") == "SEVERE"]


def test_analyst_downloads_a_png_and_a_briefing_workbook(dash, output_dir):
    log_in_and_open(dash, "analyst1")
    link = dash.wait_for_element(".export-menu-annual a.export-png", timeout=30)
    assert "/export/chart.png?region=621100&indicator=poor_population_reduced" in link.get_attribute("href")
    click(dash, link)
    until(lambda: downloaded(dash.download_path, ".png"), timeout=60)
    png = downloaded(dash.download_path, ".png")[0]
    assert png.name.startswith("621100-定西市-poor_population_reduced-")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    click(dash, dash.find_element(f"#{ids.BRIEFING_XLSX}"))
    dash.wait_for_text_to_equal(f"#{ids.BRIEFING_STATUS}", "简报已生成", timeout=120)
    until(lambda: downloaded(dash.download_path, ".xlsx"), timeout=30)
    assert downloaded(dash.download_path, ".xlsx")[0].read_bytes()[:2] == b"PK"
    dash.driver.save_screenshot(str(output_dir / "export-region-page.png"))
    assert severe(dash) == []


def test_viewer_sees_no_export_links(dash):
    log_in_and_open(dash, "viewer1")
    dash.wait_for_element(f"#{ids.PLAN_CHART}", timeout=30)
    assert dash.driver.find_elements("css selector", ".export-menu, .briefing-menu") == []
    assert severe(dash) == []
