"""The sub-regions chart's CSV export is the page's own bars: on a SYNTHETIC database large enough that the page
reads summed records, every bar the router callback draws is a CSV row with the same plan and actual."""

from __future__ import annotations

import csv
import io

import pytest

from app import create_app
from db.session import make_engine, session_factory
from etl.synth import synthesize
from export import routes
from export.tables import CHILD_DATA_COLUMNS


@pytest.fixture(scope="module")
def synthetic_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('children') / 'synth.db'}"
    synthesize(make_engine(url), figures=20_000, progress=lambda _m: None)  # 河北's counties: past SMALL
    return url


def _route(client, pathname: str, search: str) -> dict:
    payload = {
        "output": "..page-content.children...lang-toggle.href...lang-toggle.children..",
        "outputs": [
            {"id": "page-content", "property": "children"},
            {"id": "lang-toggle", "property": "href"},
            {"id": "lang-toggle", "property": "children"},
        ],
        "inputs": [
            {"id": "url", "property": "pathname", "value": pathname},
            {"id": "url", "property": "search", "value": search},
        ],
        "changedPropIds": ["url.pathname"],
    }
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.data[:300]
    return response.get_json()


def _page_bars(response: dict) -> dict:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == "children-chart":
                found.append(node["props"]["figure"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(response)
    assert len(found) == 1, "the page draws one sub-regions chart"
    plan, actual = found[0]["data"][:2]
    return {cd[0]: (p, a) for cd, p, a in zip(plan["customdata"], plan["x"], actual["x"], strict=True)}


def _csv_bars(data: bytes) -> dict:
    keys = [key for key, _, _ in CHILD_DATA_COLUMNS]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]
    return {r[keys.index("region_code")]: (float(r[keys.index("plan")]), float(r[keys.index("actual")])) for r in rows}


def test_the_sub_regions_csv_holds_the_pages_bars_bar_for_bar(synthetic_url):
    app = create_app(synthetic_url, build_if_empty=False, progress=lambda _m: None, public_read=True)
    page = _page_bars(_route(app.server.test_client(), "/region/130000", "?indicator=poor_population_reduced"))
    params = routes.params({"region": "130000", "indicator": "poor_population_reduced", "chart": "children"})
    with session_factory(make_engine(synthetic_url))() as session:
        data, stem = routes.chart_bytes(session, "csv", params, "http://127.0.0.1:8050")
    exported = _csv_bars(data)
    assert len(page) > 5 and stem.startswith("130000-")
    assert exported.keys() == page.keys()
    for code, (plan, actual) in page.items():
        assert exported[code] == pytest.approx((plan, actual), rel=1e-9), code
