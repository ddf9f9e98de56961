"""The overview as data (trial F12: an analyst could export every region page but not the overview): the real app,
an analyst logged in through the real form, the files read back (CSV with the csv module, XLSX with openpyxl)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import create_app
from db.session import make_engine, session_factory
from tests.accounts import SECRET, add_users, answer_text, login, payload, post_callback
from tests.conftest import copy_sqlite
from views.overview import overview_view


@pytest.fixture(scope="module")
def url(seed_db_path, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("export-overview") / "e.db"
    copy_sqlite(Path(seed_db_path), path)
    add_users(f"sqlite:///{path}", {"analyst1": ("analyst", []), "viewer1": ("viewer", [])})
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def app(url):
    return create_app(url, build_if_empty=False, progress=lambda _m: None, secret_key=SECRET)


def client_of(app, who: str):
    client = app.server.test_client()
    assert login(client, who).status_code == 302
    return client


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_overview_csv_has_the_grid_s_years_and_periods_with_their_figures(app, url):
    response = client_of(app, "analyst1").get("/export/overview.csv?plan=revised")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    header, *rows = csv_rows(response.data)
    assert header[:6] == [
        "地区代码 region code",
        "地区 Region",
        "指标代码 indicator code",
        "指标 Indicator",
        "范围 row",
        "期间 Period",
    ]
    shaanxi = [r for r in rows if r[0] == "610000" and r[2] == "poor_population_reduced"]
    by_period = {(r[4], r[5]): r for r in shaanxi}
    assert len(by_period) == len(shaanxi) == 4  # three years and the plan period, each once
    assert by_period["年份", "2019"][6:9] == ["565000", "", "578800"]  # the revision's 2019 target, and the actual
    assert "达成" in by_period["年份", "2019"][11]  # 57.88万 against the revised 56.5万
    period = by_period["全期", "2018–2020"]
    assert period[6] == "1762700" and period[12]  # the revised years summed, their figure ids
    with session_factory(make_engine(url))() as session:
        view = overview_view(session, "?plan=revised")
    assert {(r[0], r[2]) for r in rows} == {(region["code"], p.indicator["code"]) for region, p in view.rows}


def test_the_overview_xlsx_reads_back_in_english_with_the_view_s_address(app):
    response = client_of(app, "analyst1").get("/export/overview.xlsx?lang=en&indicator=poor_population_reduced")
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.data))
    assert wb.sheetnames == ["数据 Data", "说明 About"]
    rows = list(wb["数据 Data"].iter_rows(values_only=True))
    assert {r[2] for r in rows[1:]} == {"poor_population_reduced"}
    assert any(r[1] == "Shaanxi" or "Shaanxi" in str(r[1]) for r in rows[1:])
    about = {r[0]: r[1] for r in wb["说明 About"].iter_rows(values_only=True)}
    assert any("lang=en&indicator=poor_population_reduced" in str(v) for v in about.values())


def test_a_viewer_may_not_export_the_overview_and_a_bad_format_is_named(app):
    assert client_of(app, "viewer1").get("/export/overview.csv").status_code == 403
    refused = client_of(app, "analyst1").get("/export/overview.pdf")
    assert refused.status_code == 404 and "csv, xlsx" in refused.get_data(as_text=True)


def overview_page_as(app, who: str, search: str) -> str:
    client = client_of(app, who)
    values = {"url.pathname": "/", "url.search": search}
    response = post_callback(client, payload(app, "url.pathname", values))
    assert response.status_code == 200
    return answer_text(response)


def test_the_overview_offers_its_rows_as_data_to_an_analyst_only_for_the_view_shown(app):
    page = overview_page_as(app, "analyst1", "?plan=revised&reported=1")
    for fmt in ("csv", "xlsx"):
        assert f"/export/overview.{fmt}?plan=revised&reported=1" in page
    assert "export-menu-overview" not in overview_page_as(app, "viewer1", "?plan=revised")
    client = client_of(app, "analyst1")
    _, *all_rows = csv_rows(client.get("/export/overview.csv?plan=revised").data)
    _, *reported = csv_rows(client.get("/export/overview.csv?plan=revised&reported=1").data)
    assert 0 < len(reported) < len(all_rows)  # the rows hidden on the page are left out of the file too
