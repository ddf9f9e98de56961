"""The real app behind a real HTTP server: pages, assets and a callback round trip, all local."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest

from app import create_app
from harness.servers import live_server


@pytest.fixture(scope="module")
def base_url(seed_db_url):
    app = create_app(seed_db_url, build_if_empty=False)
    with live_server(app.server) as url:
        yield url


def fetch(url: str, data: dict | None = None) -> tuple[int, str, bytes]:
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def test_index_page_is_served_with_chinese_title(base_url):
    status, ctype, body = fetch(base_url + "/")
    assert status == 200 and "text/html" in ctype
    assert "扶贫目标进度看板" in body.decode()


def test_every_script_and_stylesheet_is_served_by_the_app(base_url):
    _, _, body = fetch(base_url + "/region/621100")
    html = body.decode()
    refs = re.findall(r'(?:src|href)="([^"]+\.(?:js|css)[^"]*)"', html)
    assert refs, "page references no assets"
    for ref in refs:
        assert ref.startswith("/"), f"external asset {ref}"
        status, _, content = fetch(base_url + ref)
        assert status == 200 and content


def test_region_callback_renders_dingxi_plan(base_url):
    payload = {
        "output": "..page-content.children...lang-toggle.href...lang-toggle.children..",
        "outputs": [
            {"id": "page-content", "property": "children"},
            {"id": "lang-toggle", "property": "href"},
            {"id": "lang-toggle", "property": "children"},
        ],
        "inputs": [
            {"id": "url", "property": "pathname", "value": "/region/621100"},
            {"id": "url", "property": "search", "value": "?indicator=poor_population_reduced"},
        ],
        "changedPropIds": ["url.pathname"],
    }
    status, _, body = fetch(base_url + "/_dash-update-component", payload)
    text = json.loads(body)
    rendered = json.dumps(text, ensure_ascii=False)
    assert status == 200
    for label in ("12.5万人", "28.52万人", "21.65万人"):
        assert label in rendered


def test_the_route_table_lists_every_route_the_server_answers(seed_db_url):
    from callbacks.routes import PAGES, SERVER_ROUTES, find

    app = create_app(seed_db_url, build_if_empty=False, progress=lambda _m: None)
    served = {
        rule.rule
        for rule in app.server.url_map.iter_rules()
        if not rule.rule.startswith(("/_dash", "/_reload", "/_favicon", "/assets", "/static"))
        and rule.rule not in ("/", "/<path:path>")
    }
    assert served == {rule for rule, _module in SERVER_ROUTES}
    pages = ["/", "/region/<code>", "/map", "/map/<code>", "/upload", "/documents", "/history", "/review"]
    assert [p.pattern for p in PAGES] == pages
    assert find("/region/610000")[1] == {"code": "610000"} and find("/map/")[0].pattern == "/map"
    assert find("/nowhere") is None
