"""Download routes on the real app (Flask's test client, logged in as an analyst through the real form)."""

from __future__ import annotations

import csv
import io
import re
import urllib.parse
from pathlib import Path

import pytest

from app import create_app
from layouts.export_menu import export_href, export_menu
from tests.accounts import SECRET, add_users, answer_text, login, payload, post_callback
from tests.conftest import copy_sqlite

REDUCED = "region=621100&indicator=poor_population_reduced"


@pytest.fixture(scope="module")
def app(seed_db_path, tmp_path_factory):
    path = tmp_path_factory.mktemp("export-routes") / "e.db"
    copy_sqlite(Path(seed_db_path), path)
    add_users(f"sqlite:///{path}", {"analyst1": ("analyst", []), "viewer1": ("viewer", [])})
    return create_app(f"sqlite:///{path}", build_if_empty=False, progress=lambda _m: None, secret_key=SECRET)


@pytest.fixture(scope="module")
def client(app):
    client = app.server.test_client()
    assert login(client, "analyst1").status_code == 302
    return client


@pytest.mark.parametrize(
    ("path", "ctype", "magic"),
    [
        ("/export/chart.png", "image/png", b"\x89PNG"),
        ("/export/chart.svg", "image/svg+xml", b"<svg"),
        ("/export/chart.pdf", "application/pdf", b"%PDF"),
        ("/export/data.csv", "text/csv", b"\xef\xbb\xbf"),
        ("/export/data.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ],
)
def test_chart_downloads_are_attachments_with_chinese_file_names(client, path, ctype, magic):
    response = client.get(f"{path}?{REDUCED}&lang=zh")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(ctype)
    assert response.data.startswith(magic)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    name = urllib.parse.unquote(disposition.split("filename*=UTF-8''")[1])
    assert name.startswith("621100-定西市-poor_population_reduced-") and name.endswith(path.rsplit(".", 1)[1])


def test_view_state_travels_into_the_export_and_its_link_back(client):
    response = client.get(f"/export/chart.svg?{REDUCED}&chart=cumulative&plan=revised&to=2017")
    body = response.data.decode()
    assert "累计计划与实际" in body
    assert "/region/621100?indicator=poor_population_reduced&amp;plan=revised&amp;to=2017" in body
    rows = client.get(f"/export/data.csv?{REDUCED}&to=2016").data.decode("utf-8-sig").splitlines()[1:]
    assert rows and all(",2017," not in row for row in rows), "years after ?to= are left out, as on the page"


def test_briefing_route_sends_the_region_pack(client):
    response = client.get("/export/briefing.xlsx?region=621100")
    assert response.status_code == 200 and response.data.startswith(b"PK")
    assert "621100-%E5%AE%9A%E8%A5%BF%E5%B8%82" in response.headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("path", "code", "message"),
    [
        (f"/export/chart.gif?{REDUCED}", 404, "use one of png, svg, pdf"),
        ("/export/chart.png?indicator=poor_population_reduced", 400, "missing ?region="),
        ("/export/data.csv?region=621100", 400, "missing ?indicator="),
        (f"/export/data.csv?{REDUCED}&chart=pie", 400, "use one of annual, cumulative, children"),
        (f"/export/data.csv?{REDUCED}&chart=children", 404, "no sub-region figures for poor_population_reduced"),
        ("/export/chart.png?region=999999&indicator=poor_population_reduced", 404, "region '999999' not found"),
        ("/export/briefing.pdf?region=999999", 404, "region '999999' not found"),
    ],
)
def test_bad_requests_get_a_clear_error(client, path, code, message):
    response = client.get(path)
    assert response.status_code == code
    assert message in response.data.decode()
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"  # issue 16: never HTML


def test_menu_links_are_the_routes_the_server_answers():
    menu = export_menu("621100", "poor_population_reduced", "zh", search="?plan=revised&to=2019&indicator=x")
    hrefs = [a.href for group in menu.children[1::2] for a in group.children]
    assert hrefs[0] == "/export/chart.png?region=621100&indicator=poor_population_reduced&lang=zh&plan=revised&to=2019"
    assert [h.split("?")[0] for h in hrefs] == [
        "/export/chart.png",
        "/export/chart.svg",
        "/export/chart.pdf",
        "/export/data.csv",
        "/export/data.xlsx",
    ]
    assert export_menu("621100", None, "zh").children is None
    href = export_href("data", "csv", "621100", "funds", "en", chart="cumulative")
    assert href == "/export/data.csv?region=621100&indicator=funds&lang=en&chart=cumulative"


KIDS = "region=621100&indicator=counties_exited&chart=children"


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("csv", b"\xef\xbb\xbf")])
def test_sub_regions_chart_downloads_through_the_same_routes(client, fmt, magic):
    kind = "data" if fmt == "csv" else "chart"
    response = client.get(f"/export/{kind}.{fmt}?{KIDS}&to=2019")
    assert response.status_code == 200 and response.data.startswith(magic)
    name = urllib.parse.unquote(response.headers["Content-Disposition"].split("filename*=UTF-8''")[1])
    assert name.startswith("621100-定西市-counties_exited-children-")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
        assert len(rows) == 7, "one row per sub-region bar"
        # each row's period is the years it compares, inside the page's years (?to=2019 travels); its region the
        # name alone (the chart's label "安定区 · 2016" puts the two together)
        assert all(r["期间 Period"] and " · " not in r["地区 Region"] for r in rows)
        assert all(int(y) <= 2019 for r in rows for y in re.findall(r"\d{4}", r["期间 Period"]))


def region_page_as(app, who: str, search: str) -> str:
    client = app.server.test_client()
    assert login(client, who).status_code == 302
    values = {"url.pathname": "/region/621100", "url.search": search}
    response = post_callback(client, payload(app, "url.pathname", values))
    assert response.status_code == 200
    return answer_text(response)


def test_export_menu_sits_beside_the_sub_regions_chart_for_an_analyst_only(app):
    page = region_page_as(app, "analyst1", "?indicator=counties_exited&plan=revised")
    assert "export-menu export-menu-children" in page
    for kind, fmt in (("chart", "png"), ("chart", "svg"), ("chart", "pdf"), ("data", "csv"), ("data", "xlsx")):
        href = f"/export/{kind}.{fmt}?region=621100&indicator=counties_exited&lang=zh&chart=children&plan=revised"
        assert href in page
    assert "children-chart" in page.split("export-menu-children")[0].rsplit("export-menu-cumulative", 1)[-1]
    assert "export-menu" not in region_page_as(app, "viewer1", "?indicator=counties_exited")
