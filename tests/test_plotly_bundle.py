"""The partial plotly.js bundle in vendor/plotly/: the version Python's plotly writes figures for, and every
trace type the dashboard draws in the browser (a missing one would leave a chart empty)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly.offline
import pytest

from app import PLOTLY_DIR, PLOTLY_FILES, create_app
from harness.dash_client import DashClient
from layouts import ids

BUNDLE = PLOTLY_DIR / PLOTLY_FILES[0]
BANNER = re.compile(r"/\* plotly\.js v(?P<version>[\d.]+) .*?partial bundle: (?P<traces>[\w,]+)\.")


def bundle_header() -> re.Match:
    with BUNDLE.open(encoding="utf-8") as f:
        match = BANNER.match(f.read(400))
    assert match, f"{BUNDLE} has no build banner: rebuild it with scripts/build-plotly"
    return match


def bundle_traces() -> set[str]:
    return set(bundle_header()["traces"].split(","))


def test_bundle_is_the_plotly_js_version_of_the_python_package():
    assert bundle_header()["version"] == plotly.offline.get_plotlyjs_version()


def test_bundle_holds_what_its_entry_registers():
    entry = (PLOTLY_DIR / "entry.js").read_text(encoding="utf-8")
    registered = set(re.findall(r"plotly\.js/lib/(\w+)'", entry)) - {"core"}
    assert bundle_traces() == registered | {"scatter"}  # core brings scatter


def trace_types(node) -> set[str]:
    """Trace types of every figure in a Dash callback response."""
    found = set()
    if isinstance(node, dict):
        figure = node.get("figure")
        if isinstance(figure, dict):
            found |= {trace.get("type", "scatter") for trace in figure.get("data", [])}
        for value in node.values():
            found |= trace_types(value)
    elif isinstance(node, list):
        for value in node:
            found |= trace_types(value)
    return found


@pytest.fixture(scope="module")
def client(seed_db_url):
    return DashClient(create_app(seed_db_url, build_if_empty=False, progress=lambda _m: None))


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/region/620000",
        "/region/621100",
        "/region/621121",
        "/region/610000",
        "/region/460000",
        "/region/210781",
        "/map",
    ],
)
def test_every_chart_of_a_page_uses_a_trace_type_in_the_bundle(client, path):
    page, _ms = client.call(client.find(f"..{ids.PAGE}.children"), {"url.pathname": path, "url.search": ""})
    used = trace_types(page)
    if path.startswith("/region/"):
        panel, _ms = client.call(
            client.find(f"{ids.REGION_MAP_SLOT}.children"),
            {"url.pathname": path, "url.search": "", f"{ids.VIEW_STATE}.data": {}},
        )
        used |= trace_types(panel)
    if path != "/":
        assert used, f"{path}: no chart found in {json.dumps(page)[:200]}"
    assert used <= bundle_traces(), f"{path} draws {sorted(used - bundle_traces())}: add them to vendor/plotly/entry.js"


def test_the_app_serves_the_bundle_and_its_licences_and_nothing_else_from_vendor(client):
    http = client.app.server.test_client()
    page = http.get("/region/610000").get_data(as_text=True)
    assert f'src="/vendor/plotly/{PLOTLY_FILES[0]}"' in page
    assert "package_data/plotly.min.js" not in page
    script = http.get(f"/vendor/plotly/{PLOTLY_FILES[0]}")
    assert script.status_code == 200 and script.get_data() == BUNDLE.read_bytes()
    assert "polybooljs" in http.get(f"/vendor/plotly/{PLOTLY_FILES[1]}").get_data(as_text=True)
    maps = http.get(f"/vendor/plotly/{PLOTLY_FILES[2]}")  # loaded by the bundle when a figure first draws a map
    assert maps.status_code == 200 and maps.get_data() == (PLOTLY_DIR / PLOTLY_FILES[2]).read_bytes()
    assert "maplibre-gl" in http.get(f"/vendor/plotly/{PLOTLY_FILES[3]}").get_data(as_text=True)
    assert "maplibre" not in BUNDLE.read_text(encoding="utf-8")[:2000]  # the main bundle starts without it
    assert http.get("/vendor/plotly/entry.js").status_code == 404
    assert http.get("/vendor/plotly/package.json").status_code == 404


def test_bundle_is_the_committed_build_of_its_sources():
    """build.mjs names the bundle and reads entry.js: the three stay together in vendor/plotly/."""
    build = (PLOTLY_DIR / "build.mjs").read_text(encoding="utf-8")
    assert f"outfile: '{PLOTLY_FILES[0]}'" in build and "entry.js" in build
    lock = json.loads((PLOTLY_DIR / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/plotly.js"]["version"] == bundle_header()["version"]
    assert f"outfile: '{PLOTLY_FILES[2]}'" in build and "maps-entry.js" in build
    assert all(Path(PLOTLY_DIR / name).stat().st_size > 0 for name in PLOTLY_FILES)
