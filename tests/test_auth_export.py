"""Exports need the export right (analyst, planner, admin): forged GETs and briefing callbacks are refused.

The gate covers every ``/export/`` route and the briefing download by output; these tests run once the export
routes exist in the app.
"""

from __future__ import annotations

import pytest

from app import create_app
from tests.accounts import SECRET, add_users, client_as, payload, post_callback

pytest.importorskip("export.routes")

WHO = {"anonymous": 401, "viewer1": 403, "analyst1": 200, "planner_shaanxi": 200, "planner_dingxi": 200}
ROUTES = [
    "/export/data.csv?region=621100&indicator=poor_population_reduced",
    "/export/data.xlsx?region=621100&indicator=poor_population_reduced",
    "/export/chart.svg?region=621100&indicator=poor_population_reduced",
    "/export/briefing.xlsx?region=621100",
    "/export/data.csv?region=621100&indicator=counties_exited&chart=children",
]


@pytest.fixture(scope="module")
def app(seed_db_path, tmp_path_factory):
    from pathlib import Path

    from tests.conftest import copy_sqlite

    path = tmp_path_factory.mktemp("export-auth") / "e.db"
    copy_sqlite(Path(seed_db_path), path)
    add_users(f"sqlite:///{path}")
    return create_app(
        f"sqlite:///{path}", build_if_empty=False, progress=lambda _m: None, public_read=True, secret_key=SECRET
    )


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("who", list(WHO))
def test_export_routes_need_the_export_right(app, who, route):
    response = client_as(app, who).get(route)
    assert response.status_code == WHO[who]
    if WHO[who] == 200:
        assert response.headers["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("who", list(WHO))
def test_forged_briefing_callback_needs_the_export_right(app, who):
    client = client_as(app, who)
    response = post_callback(
        client,
        payload(
            app,
            "briefing-xlsx-button.n_clicks",
            {"briefing-xlsx-button.n_clicks": 1, "url.pathname": "/region/621100", "url.search": ""},
        ),
    )
    assert response.status_code == WHO[who]
