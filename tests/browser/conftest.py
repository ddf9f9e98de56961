"""Fixtures the browser tests share: the dashboard on the seed database in a desktop window, and a folder for
screenshots. A test module that needs another app (``test_export.py``) or window (``test_mobile.py``'s ``phone``)
defines its own."""

from __future__ import annotations

import pytest

from app import create_app
from harness.servers import free_port


@pytest.fixture
def dash(dash_duo, seed_db_url):
    app = create_app(seed_db_url, build_if_empty=False)
    dash_duo.start_server(app, port=free_port())
    dash_duo.driver.set_window_size(1366, 768)
    return dash_duo


@pytest.fixture(scope="module")
def shots(output_dir):
    folder = output_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder
