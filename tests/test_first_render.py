"""What a new visitor's browser loads and renders first: the index's scripts, the status-rule help without the
Markdown component, the region page's second chart, tables and lower parts drawn after its first chart, a fresh
gunicorn worker's scripts."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from dash import dcc, html
from plotly.io.json import to_json_plotly

import analysis.status
import app as app_module
from app import create_app, lean_scripts, plotly_last
from harness.dash_client import page_payload
from harness.servers import live_server
from layouts import ids
from layouts.doc_text import doc_blocks, inline
from layouts.later import later, plain


@pytest.fixture(scope="module")
def base_url(seed_db_url):
    with live_server(create_app(seed_db_url, build_if_empty=False).server) as url:
        yield url


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def script_sources(index: str) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', index)


def test_polyfill_only_for_browsers_without_modules_and_no_dash_table(base_url):
    index = get(base_url + "/region/610000")[1].decode()
    polyfill = re.findall(r"<script [^>]*deps/polyfill@[^>]*>", index)
    assert len(polyfill) == 1 and " nomodule" in polyfill[0]
    assert not [src for src in script_sources(index) if "dash_table" in src]
    # the regenerator runtime Dash's lazy components call comes with a script every browser runs
    modern = [src for src in script_sources(index) if "polyfill@" not in src]
    assert any(b"regeneratorRuntime=" in get(base_url + src)[1] for src in modern if "bootstrap_components" in src)


def test_no_text_before_the_page_renders(base_url):
    """The placeholder Dash shows until the page renders holds no text (the first text laid out waits on its font)."""
    index = get(base_url + "/")[1].decode()
    entry = re.search(r'<div id="react-entry-point">(.*?)</div>\s*</div>', index, re.S).group(1)
    assert "Loading..." not in index and 'role="progressbar"' in entry
    assert re.sub(r"<[^>]*>", "", entry).strip() == ""


def test_layout_and_dependencies_asked_for_while_the_scripts_load(base_url):
    index = get(base_url + "/region/610000")[1].decode()
    head = index[: index.index("</head>")]
    for name in ("_dash-layout", "_dash-dependencies"):
        assert f'<link rel="preload" href="/{name}" as="fetch" crossorigin>' in head
        assert get(base_url + "/" + name)[0] == 200


def test_grid_bundle_is_named_in_the_index_not_run_with_it(base_url):
    index = get(base_url + "/region/610000")[1].decode()
    assert not [src for src in script_sources(index) if "dash_ag_grid" in src]
    bundle = re.findall(r'<link rel="prefetch" id="dash-ag-grid-bundle" href="([^"]+)">', index)
    assert len(bundle) == 1 and "/dash_ag_grid/dash_ag_grid." in bundle[0]
    status, body = get(base_url + bundle[0])
    assert status == 200 and len(body) > 500_000
    # the stand-in that loads it when a grid mounts runs before Dash's renderer
    stand_in = next(i for i, src in enumerate(script_sources(index)) if "/assets/lazy_ag_grid.js" in src)
    assert stand_in < next(i for i, src in enumerate(script_sources(index)) if "dash_renderer" in src)


def test_plotly_is_asked_for_first_and_run_last_before_dash_starts(base_url):
    index = get(base_url + "/region/610000")[1].decode()
    head = index[: index.index("</head>")]
    assert f'<link rel="preload" href="{app_module.PLOTLY_URL}" as="script">' in head
    sources = script_sources(index)
    assert sources[-1] == app_module.PLOTLY_URL and sources.count(app_module.PLOTLY_URL) == 1
    assert index.index(f'<script src="{app_module.PLOTLY_URL}">') < index.index('<script id="_dash-renderer"')


def test_lean_scripts_keeps_every_other_tag():
    tags = '<script src="/a/deps/react@18.js"></script>\n<script src="/b.js"></script>'
    assert lean_scripts(tags) == tags


def test_plotly_last_moves_only_plotly():
    tags = '<script src="/a.js"></script>\n<script src="/vendor/plotly/p.js"></script>\n<script src="/b.js"></script>'
    assert plotly_last(tags) == '<script src="/a.js"></script>\n<script src="/b.js"></script>\n' + (
        '<script src="/vendor/plotly/p.js"></script>'
    )
    assert plotly_last('<script src="/a.js"></script>') == '<script src="/a.js"></script>'


def test_status_help_is_the_docstring_as_plain_html():
    blocks = doc_blocks(analysis.status.__doc__)
    assert [type(b).__name__ for b in blocks] == ["P", "P", "Ul", "P", "P"]  # the last: sums of sub-regions
    assert plain(blocks[0].children) == [plain(html.Strong("状态规则 · Status rule"))]
    items = blocks[2].children
    assert len(items) == 5 and all(isinstance(item.children[0], html.Strong) for item in items)
    assert items[4].children[0].children == "无报告数据 no reported figure"

    def text(node) -> str:
        if isinstance(node, str):
            return node
        children = node.children if isinstance(node.children, list) else [node.children]
        return "".join(text(child) for child in children)

    shown = "".join(text(b) for b in blocks)
    assert re.sub(r"\s", "", shown) == re.sub(r"\s", "", analysis.status.__doc__.replace("**", "").replace("\n- ", ""))


def test_inline_bold():
    assert plain(inline("a **b** c")) == ["a ", plain(html.Strong("b")), " c"]
    assert inline("plain") == ["plain"]


def test_plain_is_the_json_dash_sends():
    tree = html.Div([html.H2("标题", className="h6"), dcc.Graph(id={"type": "chart", "name": "x"}, figure={})])
    assert plain(tree) == json.loads(to_json_plotly(tree))


def store_props(part: dict) -> dict:
    return part["props"]["children"][0]["props"]


def slot_id(part: dict) -> dict:
    return part["props"]["children"][1]["props"]["id"]


def test_later_sends_the_part_with_the_page_in_a_store():
    part = later("lower", html.Div([html.P("x")], className="row"))
    assert part == plain(html.Div([dcc.Store(**store_props(part)), html.Div(id=slot_id(part))]))
    store, slot = (child["props"] for child in part["props"]["children"])
    assert store["id"] == {"type": ids.LATER_CONTENT, "name": "lower"} and slot["id"]["type"] == ids.LATER_SLOT
    assert store["data"] == {
        "props": {"children": [plain(html.P("x"))], "className": "row"},
        "type": "Div",
        "namespace": "dash_html_components",
    }


def test_region_page_sends_its_tables_grid_and_second_chart_to_be_drawn_after_its_first_chart(base_url):
    deps = json.loads(get(base_url + "/_dash-dependencies")[1])
    later_cb = [d for d in deps if ids.LATER_SLOT in d["output"]]
    assert len(later_cb) == 1 and later_cb[0]["clientside_function"]
    request = urllib.request.Request(
        base_url + "/_dash-update-component",
        data=page_payload(deps, "/region/610000"),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        page = json.loads(response.read())["response"]["page-content"]["children"]
    stores = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "Store" and isinstance(node["props"].get("id"), dict):
                stores.append(node["props"])
            else:
                for value in node.values():
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(page)
    assert [s["id"]["name"] for s in stores] == ["cumulative", "year-table", "indicators", "checks"]
    cumulative, year_table, indicators, checks = (json.dumps(s["data"]) for s in stores)
    assert ids.YEAR_TABLE in year_table and ids.CONSISTENCY in checks and ids.SPAN_TABLE in checks
    assert ids.REGION_INDICATORS in indicators
    assert json.dumps(page).count('"AgGrid"') == indicators.count('"AgGrid"') == 1
    # the first render draws one chart, the annual one; the cumulative one comes just after it
    assert json.dumps(page).count('"Graph"') == 2 and cumulative.count('"Graph"') == 1
    assert ids.CUMULATIVE_CHART in cumulative and ids.CUMULATIVE_CHART not in json.dumps(page).replace(cumulative, "")
    assert "plan-actual-chart" in json.dumps(page) and "Markdown" not in json.dumps(page)


def test_fresh_worker_serves_every_script_at_once(seed_db_url, monkeypatch):
    """A worker's first requests are the page's scripts, all at once: each is served (none "not registered")."""
    with live_server(create_app(seed_db_url, build_if_empty=False).server) as other:
        sources = script_sources(get(other + "/region/610000")[1].decode())
    monkeypatch.setenv("DATABASE_URL", seed_db_url)
    with live_server(app_module.server(seed_db_url)) as url, ThreadPoolExecutor(len(sources)) as pool:
        statuses = list(pool.map(lambda src: get(url + src)[0], sources))
    assert statuses == [200] * len(sources)
