"""In the browser: the chart's PNG link downloads a PNG; the briefing button shows progress, then a workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from dash.testing.wait import until

from app import create_app
from layouts import ids
from tests.servers import free_port

pytestmark = pytest.mark.browser


def downloaded(folder: str, suffix: str) -> list[Path]:
    return [p for p in Path(folder).iterdir() if p.suffix == suffix]


def click(dash_duo, element) -> None:
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def test_png_link_downloads_a_png_and_briefing_button_a_workbook(dash_duo, seed_db_url, output_dir):
    app = create_app(seed_db_url, build_if_empty=False)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1400, 1400)  # the menu sits under a 60vh chart
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/region/621100?indicator=poor_population_reduced")
    link = dash_duo.wait_for_element("a.export-png", timeout=20)
    assert "/export/chart.png?region=621100&indicator=poor_population_reduced" in link.get_attribute("href")
    click(dash_duo, link)
    until(lambda: downloaded(dash_duo.download_path, ".png"), timeout=60)
    png = downloaded(dash_duo.download_path, ".png")[0]
    assert png.name.startswith("621100-定西市-poor_population_reduced-")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    click(dash_duo, dash_duo.find_element(f"#{ids.BRIEFING_XLSX}"))
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_STATUS}", "简报已生成", timeout=90)
    until(lambda: downloaded(dash_duo.download_path, ".xlsx"), timeout=30)
    assert downloaded(dash_duo.download_path, ".xlsx")[0].read_bytes()[:2] == b"PK"
    dash_duo.driver.save_screenshot(str(output_dir / "export-region-page.png"))
    assert dash_duo.get_logs() == []
