"""Every dashboard route through the real callback endpoint (Flask test client, seed database)."""

from __future__ import annotations

import json

import pytest

from app import create_app

ROUTE_OUTPUTS = [
    {"id": "page-content", "property": "children"},
    {"id": "lang-toggle", "property": "href"},
    {"id": "lang-toggle", "property": "children"},
]


@pytest.fixture(scope="module")
def client(seed_db_url):
    return create_app(seed_db_url, build_if_empty=False, progress=lambda _m: None).server.test_client()


def route(client, pathname: str, search: str = "") -> str:
    payload = {
        "output": "..page-content.children...lang-toggle.href...lang-toggle.children..",
        "outputs": ROUTE_OUTPUTS,
        "inputs": [
            {"id": "url", "property": "pathname", "value": pathname},
            {"id": "url", "property": "search", "value": search},
        ],
        "changedPropIds": ["url.pathname"],
    }
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.data[:300]
    return json.dumps(response.get_json(), ensure_ascii=False)


@pytest.mark.parametrize(
    "pathname, search, expected",
    [
        ("/", "", ["定西市", "陕西省", "驿城区", "凌海市", "海南省", "57.88万人 / 63.5万人", "✖ 落后"]),
        ("/", "?lang=en", ["Shaanxi Province", "578,800 people / 635,000 people", "behind"]),
        ("/", "?to=2018", ["2019–2020年每年需39.385万人才能完成计划"]),  # the pace still needed
        ("/", "?plan=revised", ["57.88万人 / 56.5万人"]),
        ("/", "?reported=1", ["没有任何实际数据,已隐藏", "57.88万人 / 63.5万人"]),
        ("/region/621100", "?indicator=counties_exited", ["晚3年", "陇西县", "岷县", "named-timeline-table"]),
        ("/region/610000", "?indicator=counties_exited", ["一致", "延安市", "children-chart"]),
        ("/region/411702", "", ["驿城区", "2.0539万人"]),
        ("/region/210781", "", ["凌海市"]),
        ("/region/460000", "?indicator=villages_exited", ["海南省", "600个"]),
        ("/region/621122", "?lang=en", ["Longxi County", "Dingxi City"]),
        ("/region/999999", "", ["未找到该地区"]),
        ("/nowhere", "?lang=en", ["Region not found"]),
    ],
)
def test_route_renders(client, pathname, search, expected):
    rendered = route(client, pathname, search)
    for text in expected:
        assert text in rendered, text


def test_language_link_keeps_the_view(client):
    rendered = json.loads(route(client, "/region/610000", "?indicator=counties_exited&to=2019"))
    href = rendered["response"]["lang-toggle"]["href"]
    assert href.startswith("/region/610000?") and "lang=en" in href and "to=2019" in href


def _view_state(rendered: str) -> dict:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == "view-state":
                found.append(node["props"]["data"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(rendered))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("code", ["610000", "621100"])
def test_a_region_page_opens_on_its_headline_indicator(client, code):
    # 陕西 and 定西 hold more county-exit figures than people figures; the page still opens on 脱贫人口.
    assert _view_state(route(client, f"/region/{code}"))["indicator"] == "poor_population_reduced"


def test_the_headline_order_names_catalogued_indicators():
    import csv
    from pathlib import Path

    from analysis.indicators import HEADLINE

    with open(Path(__file__).resolve().parent.parent / "data" / "indicators.csv", encoding="utf-8") as f:
        catalogue = [row["code"] for row in csv.DictReader(f)]
    assert set(HEADLINE) <= set(catalogue) and HEADLINE[:3] == (
        "poor_population_reduced",
        "counties_exited",
        "villages_exited",
    )


def test_the_headline_order_examples_run():
    import doctest

    from analysis import indicators

    result = doctest.testmod(indicators)
    assert result.failed == 0 and result.attempted > 0
