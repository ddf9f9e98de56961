"""Download routes on the real app behind a real HTTP server."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest

from app import create_app
from layouts.export_menu import export_href, export_menu
from tests.servers import live_server


@pytest.fixture(scope="module")
def base_url(seed_db_url):
    app = create_app(seed_db_url, build_if_empty=False)
    with live_server(app.server) as url:
        yield url


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


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
def test_chart_downloads_are_attachments_with_chinese_file_names(base_url, path, ctype, magic):
    status, headers, body = get(f"{base_url}{path}?region=621100&indicator=poor_population_reduced&lang=zh")
    assert status == 200
    assert headers["Content-Type"].startswith(ctype)
    assert body.startswith(magic)
    disposition = headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    name = urllib.parse.unquote(disposition.split("filename*=UTF-8''")[1])
    assert name.startswith("621100-定西市-poor_population_reduced-") and name.endswith(path.rsplit(".", 1)[1])


def test_view_url_in_the_footer_points_back_at_this_server(base_url):
    _, _, body = get(f"{base_url}/export/chart.svg?region=621100&indicator=poor_population_reduced")
    assert f"{base_url}/region/621100?indicator=poor_population_reduced".encode() in body


def test_briefing_route_sends_the_region_pack(base_url):
    status, headers, body = get(f"{base_url}/export/briefing.xlsx?region=621100")
    assert status == 200 and body.startswith(b"PK")
    assert "621100-%E5%AE%9A%E8%A5%BF%E5%B8%82" in headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("path", "code", "message"),
    [
        ("/export/chart.gif?region=621100&indicator=poor_population_reduced", 404, "use one of png, svg, pdf"),
        ("/export/chart.png?indicator=poor_population_reduced", 400, "missing ?region="),
        ("/export/data.csv?region=621100", 400, "missing ?indicator="),
        ("/export/data.csv?region=621100&indicator=x&plan=abc", 400, "not a plan-version id"),
        ("/export/chart.png?region=999999&indicator=poor_population_reduced", 404, "region &#39;999999&#39; not found"),
        ("/export/briefing.pdf?region=999999", 404, "region &#39;999999&#39; not found"),
    ],
)
def test_bad_requests_get_a_clear_error(base_url, path, code, message):
    status, _, body = get(base_url + path)
    assert status == code
    assert message in body.decode()


def test_menu_links_are_the_routes_the_server_answers():
    menu = export_menu("621100", "poor_population_reduced", "zh", search="?plan=3&indicator=x")
    hrefs = [a.href for group in menu.children[1::2] for a in group.children]
    assert hrefs[0] == "/export/chart.png?region=621100&indicator=poor_population_reduced&lang=zh&plan=3"
    assert [h.split("?")[0] for h in hrefs] == [
        "/export/chart.png",
        "/export/chart.svg",
        "/export/chart.pdf",
        "/export/data.csv",
        "/export/data.xlsx",
    ]
    assert export_menu("621100", None, "zh").children is None
    assert (
        export_href("data", "csv", "621100", "funds", "en") == "/export/data.csv?region=621100&indicator=funds&lang=en"
    )
