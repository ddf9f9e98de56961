"""The read API (/api/v1/) on a real server and real SQLite files: every endpoint against the seed (陕西 2019:
original target 635000, revised 565000, actual 578800), paging a synthetic database through completely, and
``progress`` equal to what the region page shows for every region and indicator of the seed."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from openapi_spec_validator import validate

from api.params import FIGURES, PROGRESS, parse
from app import create_app
from etl.extract.indicators import unknown_code
from harness.servers import live_server
from layouts import ids
from tests.conftest import copy_sqlite

ROOT = Path(__file__).resolve().parent.parent
SHAANXI_2019 = {"region": "610000", "indicator": "poor_population_reduced", "from": "2019", "to": "2019"}
HOSTILE_QUOTE = '=HYPERLINK("http://evil.example","x")'


def _app(url: str, **overrides):
    return create_app(url, build_if_empty=False, progress=lambda _m: None, **overrides)


@pytest.fixture(scope="module")
def seed_copy(seed_db_path, tmp_path_factory) -> Path:
    """The seed plus one SYNTHETIC figure whose quote is a spreadsheet formula (for the CSV guard)."""
    path = tmp_path_factory.mktemp("api") / "api.db"
    copy_sqlite(Path(seed_db_path), path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO figures (kind, region_code, indicator_code, period_start, period_end, value, comparator, "
            "unit, source_id, batch_id, quote, note) SELECT 'actual', '460000', 'funds', 2013, 2013, 1, '=', '元', "
            "source_id, batch_id, ?, 'synthetic test figure' FROM figures WHERE region_code = '460000' LIMIT 1",
            (HOSTILE_QUOTE,),
        )
    return path


@pytest.fixture(scope="module")
def base(seed_copy):
    with live_server(_app(f"sqlite:///{seed_copy}", public_read=True).server) as url:
        yield url


def get(base: str, path: str, **params):
    response = requests.get(f"{base}{path}", params=params, timeout=60, allow_redirects=False)
    return response


def read_csv(response) -> list[dict]:
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # BOM: Excel reads Chinese intact
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def all_pages(base: str, path: str, **params) -> tuple[list[dict], int]:
    """Follow ``next`` until it is null; returns every row and the number of requests."""
    rows, url, pages = [], f"{base}{path}", 0
    response = requests.get(url, params=params, timeout=120)
    while True:
        assert response.status_code == 200, response.text[:300]
        body = response.json()
        rows += body["data"]
        pages += 1
        if not body["next"]:
            return rows, pages
        assert response.headers["Link"] == f'<{body["next"]}>; rel="next"'
        response = requests.get(body["next"], timeout=120)


# --- regions and indicators -------------------------------------------------------------------------------


def test_regions_top_level_and_children(base):
    top = get(base, "/api/v1/regions").json()
    assert top["parent"] is None
    assert {r["code"] for r in top["data"]} >= {"610000", "620000", "460000"}
    shaanxi = next(r for r in top["data"] if r["code"] == "610000")
    assert shaanxi["name_zh"] == "陕西省" and shaanxi["children"] == 10
    kids = get(base, "/api/v1/regions", parent="620000").json()
    assert kids["parent"]["name_zh"] == "甘肃省" and [r["code"] for r in kids["data"]] == ["621100"]
    rows = read_csv(get(base, "/api/v1/regions.csv", parent="621100"))
    assert {"code": "621122", "name_zh": "陇西县"}.items() <= next(r for r in rows if r["code"] == "621122").items()


def test_indicators_json_and_csv(base):
    data = get(base, "/api/v1/indicators").json()["data"]
    lifted = next(i for i in data if i["code"] == "poor_population_reduced")
    assert (lifted["name_zh"], lifted["unit"], lifted["kind"], lifted["direction"]) == ("脱贫人口", "人", "flow", "up")
    assert len(read_csv(get(base, "/api/v1/indicators.csv"))) == len(data)


# --- figures ----------------------------------------------------------------------------------------------


def test_shaanxi_2019_figures_with_source_quote_plan_version_and_batch(base):
    data = get(base, "/api/v1/figures", **SHAANXI_2019).json()["data"]
    by = {(f["kind"], (f["plan_version"] or {}).get("kind")): f for f in data}
    assert by[("target", "original")]["value"] == 635000
    assert by[("target", "revision")]["value"] == 565000
    actual = by[("actual", None)]
    assert actual["value"] == 578800 and "57.88万" in actual["quote"]
    assert actual["source"]["url"].startswith("http") and actual["source"]["reliability"]
    assert actual["batch"]["id"] and actual["batch"]["kind"] == "build"
    original = by[("target", "original")]
    assert "63.5万" in original["quote"] and original["plan_version"]["name"] and original["source"]["title"]


def test_figures_carry_their_tier_in_json_and_csv(base):
    data = get(base, "/api/v1/figures", region="210781", limit=10000).json()["data"]
    tiers = {(f["indicator"], f["tier"]) for f in data if f["kind"] == "target"}
    assert ("other:housing_renovation_households", "stretch") in tiers  # 凌海's 力争 figure
    assert {f["tier"] for f in get(base, "/api/v1/figures", **SHAANXI_2019).json()["data"]} == {"committed"}
    rows = read_csv(get(base, "/api/v1/figures.csv", region="210781", limit=10000))
    assert {r["tier"] for r in rows} == {"committed", "stretch"}


@pytest.mark.parametrize(
    "plan, targets",
    [("original", [635000]), ("revised", [565000]), (None, [565000, 635000])],  # revised: the restatement
)
def test_plan_filter_picks_the_targets_in_force(base, plan, targets):
    params = {**SHAANXI_2019, **({"plan": plan} if plan else {})}
    data = get(base, "/api/v1/figures", **params).json()["data"]
    assert sorted(f["value"] for f in data if f["kind"] == "target") == targets
    assert [f["value"] for f in data if f["kind"] == "actual"] == [578800]


def test_subtree_kind_and_year_filters(base, seed_copy):
    own = get(base, "/api/v1/figures", region="621100", limit=10000).json()["data"]
    tree = get(base, "/api/v1/figures", region="621100", subtree=1, limit=10000).json()["data"]
    assert {f["region_code"] for f in own} == {"621100"}
    assert {f["region_code"] for f in tree} > {"621100", "621122"}
    with sqlite3.connect(seed_copy) as conn:
        (count,) = conn.execute(
            "SELECT count(*) FROM figures f JOIN batches b ON b.id = f.batch_id WHERE b.reverted_at IS NULL "
            "AND f.region_code BETWEEN '621100' AND '621199'"
        ).fetchone()
    assert len(tree) == count
    actual = get(base, "/api/v1/figures", region="610000", kind="actual", **{"from": 2018, "to": 2019}).json()
    assert actual["data"] and all(f["kind"] == "actual" for f in actual["data"])
    assert all(2018 <= f["period_start"] and f["period_end"] <= 2019 for f in actual["data"])


def test_figures_csv_is_formula_safe_and_pages_with_a_link_header(base):
    rows = read_csv(get(base, "/api/v1/figures.csv", region="460000", indicator="funds", kind="actual"))
    hostile = next(r for r in rows if r["note"] == "synthetic test figure")
    assert hostile["quote"] == "'" + HOSTILE_QUOTE
    first = get(base, "/api/v1/figures.csv", limit=2)
    assert len(read_csv(first)) == 2 and 'rel="next"' in first.headers["Link"]


def test_seed_figures_paged_through_completely(base, seed_copy):
    rows, pages = all_pages(base, "/api/v1/figures", limit=37)
    ids_ = [f["id"] for f in rows]
    with sqlite3.connect(seed_copy) as conn:
        live = [
            r[0]
            for r in conn.execute(
                "SELECT f.id FROM figures f JOIN batches b ON b.id = f.batch_id WHERE b.reverted_at IS NULL "
                "ORDER BY f.id"
            )
        ]
    assert ids_ == live and pages == -(-len(live) // 37)


@pytest.mark.parametrize(
    "path, params, status, fragment",
    [
        ("/api/v1/figures", {"limit": "0"}, 400, "?limit="),
        ("/api/v1/figures", {"limit": "10001"}, 400, "?limit="),
        ("/api/v1/figures", {"kind": "plan"}, 400, "target, actual, baseline"),
        ("/api/v1/figures", {"from": "2020", "to": "2019"}, 400, "after to=2019"),
        ("/api/v1/figures", {"indicater": "funds"}, 400, "unknown parameter"),
        ("/api/v1/figures", {"region": "999999"}, 404, "no region '999999'"),
        ("/api/v1/figures", {"indicator": "nope"}, 404, "no indicator 'nope'"),
        ("/api/v1/progress", {}, 400, "?region=: required"),
        ("/api/v1/progress", {"region": "61 00"}, 400, "not a code"),
        ("/api/v1/regions", {"parent": "999999"}, 404, "no region"),
        ("/api/v1/nothing", {}, 404, "no API endpoint"),
    ],
)
def test_bad_requests_get_json_errors_saying_what_to_send(base, path, params, status, fragment):
    response = get(base, path, **params)
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("application/json")
    assert fragment in response.json()["error"]


def test_every_catalogue_indicator_code_is_a_valid_parameter_and_junk_is_not(base):
    """``other:`` codes (most of the catalogue) are codes too: in every parameter that takes an indicator."""
    with open(ROOT / "data" / "indicators.csv", encoding="utf-8") as f:
        codes = [row["code"] for row in csv.DictReader(f)]
    assert sum(c.startswith("other:") for c in codes) > len(codes) // 2
    for code in codes:
        assert parse(FIGURES, {"indicator": code})["indicator"] == code
        assert parse(PROGRESS, {"region": "610000", "indicator": code})["indicator"] == code
    made = unknown_code("贫困村建立农民专业合作社", "%")
    assert parse(FIGURES, {"indicator": made})["indicator"] == made
    response = get(base, "/api/v1/figures", indicator="other:poor_villages")
    assert response.status_code == 200, response.text
    assert all(f["indicator"] == "other:poor_villages" for f in response.json()["data"])
    response = get(base, "/api/v1/progress", region="610000", indicator="other:poor_villages")
    assert response.status_code in (200, 404) and "not a code" not in response.text
    for junk in ("other: poor", "a:b:c", ":x", "other:", "x" * 65, "资金", "funds;drop"):
        for path, params in (("/api/v1/figures", {}), ("/api/v1/progress", {"region": "610000"})):
            response = get(base, path, indicator=junk, **params)
            assert response.status_code == 400, (junk, response.text)
            error = response.json()["error"]
            assert "不是指标代码" in error and "is not an indicator code" in error
            assert error.index("不是指标代码") < error.index("is not an indicator code")


def test_api_is_read_only_without_a_token_too(base):
    response = requests.post(f"{base}/api/v1/figures", json={}, timeout=30)
    assert response.status_code == 405 and "read-only" in response.json()["error"]


# --- progress ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "plan, target, status, achievement",
    [("original", 635000, "behind", 91.1496), ("revised", 565000, "achieved", 102.4425)],
)
def test_shaanxi_2019_progress(base, plan, target, status, achievement):
    params = {"region": "610000", "indicator": "poor_population_reduced", "plan": plan, "to": "2019"}
    (item,) = get(base, "/api/v1/progress", **params).json()["data"]
    year = next(y for y in item["years"] if y["year"] == 2019)
    assert (year["target"], year["actual"], year["status"]) == (target, 578800, status)
    assert year["achievement"] == pytest.approx(achievement, abs=1e-3)
    assert (year["plan_original"], year["plan_revised"]) == (635000, 565000)
    assert item["latest"] == {"year": 2019, "status": status}
    assert item["period"]["start"] == 2018 and item["period"]["end"] == 2020 and not item["period"]["finished"]
    rows = read_csv(get(base, "/api/v1/progress.csv", **params))
    row = next(r for r in rows if r["scope"] == "year" and r["period_start"] == "2019")
    assert (row["target"], row["actual"], row["status"]) == (str(target), "578800", status)


def test_period_actual_ids_are_the_years_summed_up_to_the_year_seen_from(base):
    """162.38万 seen from 2019 is 2018 + 2019: the 2020 actual is not behind it."""
    params = {"region": "610000", "indicator": "poor_population_reduced", "to": "2019"}
    (item,) = get(base, "/api/v1/progress", **params).json()["data"]
    period = item["period"]
    by_year = {y["year"]: y["actual_figure_ids"] for y in item["years"]}
    assert period["actual"] == 1623800
    assert period["actual_figure_ids"] == by_year[2018] + by_year[2019]
    actuals = get(base, "/api/v1/figures", region="610000", indicator="poor_population_reduced", kind="actual")
    summed = [f for f in actuals.json()["data"] if f["id"] in period["actual_figure_ids"]]
    assert sum(f["value"] for f in summed) == period["actual"]


def test_period_status_comes_with_the_percent_it_was_judged_on(base):
    """Seen from 2019 the period is at risk at 98.3% of the plan to date; ``achievement`` keeps its meaning (the
    whole period's target, 88.6%) and ``achievement_to_date`` says the percent the status was judged on."""
    params = {"region": "610000", "indicator": "poor_population_reduced", "to": "2019"}
    (item,) = get(base, "/api/v1/progress", **params).json()["data"]
    period = item["period"]
    assert (period["status"], period["expected_to_date"], period["target"]) == ("at_risk", 1652000, 1832700)
    assert period["achievement"] == pytest.approx(88.6015, abs=1e-3)
    assert period["achievement_to_date"] == pytest.approx(98.2930, abs=1e-3)
    (row,) = [r for r in read_csv(get(base, "/api/v1/progress.csv", **params)) if r["scope"] == "period"]
    assert (row["expected_to_date"], row["achievement_to_date"]) == ("1652000", "98.293")
    (finished,) = get(base, "/api/v1/progress", **{**params, "to": "2020"}).json()["data"]
    assert finished["period"]["achievement_to_date"] is None  # judged on the whole target


def _page(base: str, code: str, search: str) -> dict:
    payload = {
        "output": "..page-content.children...lang-toggle.href...lang-toggle.children..",
        "outputs": [
            {"id": "page-content", "property": "children"},
            {"id": "lang-toggle", "property": "href"},
            {"id": "lang-toggle", "property": "children"},
        ],
        "inputs": [
            {"id": "url", "property": "pathname", "value": f"/region/{code}"},
            {"id": "url", "property": "search", "value": search},
        ],
        "changedPropIds": ["url.pathname"],
    }
    response = requests.post(f"{base}/_dash-update-component", json=payload, timeout=60)
    assert response.status_code == 200, response.text[:300]
    return response.json()["response"]["page-content"]["children"]


def _nodes(tree):
    if isinstance(tree, dict):
        yield tree
        props = tree.get("props", {})
        yield from _nodes(props.get("children"))
        if isinstance(props.get("id"), dict) and props["id"].get("type") == ids.LATER_CONTENT:
            yield from _nodes(props.get("data"))  # a part drawn just after the page's first render
    elif isinstance(tree, list):
        for item in tree:
            yield from _nodes(item)


def _find(tree, component_id: str) -> dict | None:
    return next((n for n in _nodes(tree) if n.get("props", {}).get("id") == component_id), None)


def page_statuses(tree) -> dict:
    """What the region page shows: each year's achievement text, status and actual figures; the period's span,
    status and figures (target and actual)."""
    years = {}
    table = _find(tree, ids.YEAR_TABLE)
    for row in _nodes(table) if table else []:
        year = row.get("props", {}).get("data-year")
        if year is None or row.get("type") != "Tr":
            continue
        cells = row["props"]["children"]
        badge = next((n for n in _nodes(cells[-1]) if "data-status" in n.get("props", {})), None)
        actual = _figs(cells[-3])  # actual, achievement, status close every row (a 力争 column may come before)
        years[int(year)] = (cells[-2]["props"]["children"], badge["props"]["data-status"] if badge else None, actual)
    summary = _find(tree, ids.PERIOD_SUMMARY)
    cell = next((n for n in _nodes(summary) if "data-period" in n.get("props", {})), None) if summary else None
    period = (cell["props"]["data-period"], cell["props"]["data-status"], _figs(cell)) if cell else None
    return {"years": years, "period": period}


def _figs(cell) -> str:
    """The figure ids a page cell links to (its source link's id), "" for none."""
    link = next((n for n in _nodes(cell) if isinstance(n.get("props", {}).get("id"), dict)), None)
    return link["props"]["id"]["figs"] if link else ""


def api_statuses(item: dict) -> dict:
    def percent(value):
        return "—" if value is None else f"{value:.1f}%"

    def figs(ids_: list[int]) -> str:
        return ",".join(map(str, ids_))

    years = {y["year"]: (percent(y["achievement"]), y["status"], figs(y["actual_figure_ids"])) for y in item["years"]}
    a = item["period"]
    if a is None:
        return {"years": years, "period": None}
    ids_ = figs(a["target_figure_ids"] + a["actual_figure_ids"])
    return {"years": years, "period": (f"{a['start']}-{a['end']}", a["status"], ids_)}


def _tree_codes(base: str, parent: str | None = None) -> list[str]:
    data = get(base, "/api/v1/regions", **({"parent": parent} if parent else {})).json()["data"]
    return [c for r in data for c in (r["code"], *(_tree_codes(base, r["code"]) if r["children"] else ()))]


def test_progress_equals_the_region_page_for_every_seed_region_and_indicator(base):
    compared = 0
    for code in _tree_codes(base):
        for plan in ("original", "revised"):
            items = get(base, "/api/v1/progress", region=code, plan=plan).json()["data"]
            for item in items:
                indicator = item["indicator"]["code"]
                shown = page_statuses(_page(base, code, f"?indicator={indicator}&plan={plan}"))
                assert api_statuses(item) == shown, (code, indicator, plan)
                compared += 1
    assert compared >= 100  # every seed region with targets, each indicator, both plans


def test_progress_to_a_year_matches_the_page_seen_from_that_year(base):
    for to in ("2016", "2018", "2019"):
        params = {"region": "621100", "indicator": "poor_population_reduced", "to": to}
        (item,) = get(base, "/api/v1/progress", **params).json()["data"]
        shown = page_statuses(_page(base, "621100", f"?indicator=poor_population_reduced&to={to}"))
        assert api_statuses(item) == shown and item["to"] == int(to)


# --- documents --------------------------------------------------------------------------------------------


def test_openapi_document_lists_every_endpoint_and_parameter(base):
    doc = get(base, "/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    for name in ("regions", "indicators", "figures", "progress"):
        for suffix in ("", ".csv"):
            assert "get" in doc["paths"][f"/api/v1/{name}{suffix}"]
    names = [p["name"] for p in doc["paths"]["/api/v1/figures"]["get"]["parameters"]]
    assert names == ["region", "subtree", "indicator", "kind", "from", "to", "plan", "after", "limit"]
    assert doc["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    validate(doc)  # raises on anything that is not valid OpenAPI 3.1


def test_docs_page_is_local_html_without_scripts(base):
    response = get(base, "/api/v1/docs")
    html = response.text
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
    assert "/api/v1/progress" in html and "Authorization: Bearer" in html and "subtree" in html
    assert "<script" not in html and "//" not in html.replace(base, "")  # nothing from another host


# --- a synthetic database, paged through ------------------------------------------------------------------


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory) -> Path:
    """20,000 SYNTHETIC figures written by the real CLI (the 1,000,000-figure run is ``python -m bench.api``)."""
    path = tmp_path_factory.mktemp("synth") / "synth.db"
    subprocess.run(
        [sys.executable, "-m", "etl", "--database-url", f"sqlite:///{path}", "synth", "--figures", "20000"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return path


def test_synthetic_figures_paged_through_no_duplicate_none_missing(synth_db):
    with live_server(_app(f"sqlite:///{synth_db}", public_read=True).server) as url:
        rows, pages = all_pages(url, "/api/v1/figures", limit=1500)
        ids_ = [f["id"] for f in rows]
        with sqlite3.connect(synth_db) as conn:
            stored = {r[0] for r in conn.execute("SELECT id FROM figures")}
            (county,) = conn.execute("SELECT region_code FROM figures ORDER BY id LIMIT 1").fetchone()
            province = county[:2] + "0000"
            (in_province,) = conn.execute(
                "SELECT count(*) FROM figures WHERE region_code BETWEEN ? AND ?", (province, county[:2] + "9999")
            ).fetchone()
        assert len(ids_) == len(set(ids_)) == 20000 and set(ids_) == stored
        assert ids_ == sorted(ids_) and pages == 14
        assert all(f["source"]["title"].startswith("合成数据") for f in rows[:100])
        subtree, _ = all_pages(url, "/api/v1/figures", region=province, subtree=1, limit=700)
        assert len(subtree) == len({f["id"] for f in subtree}) == in_province > 0


def test_figure_pages_and_progress_on_the_backend(sessions):
    """The data layer alone, so that ``--backend postgresql`` runs it on PostgreSQL too."""
    from api.progress import region_progress
    from db.api_queries import FigureFilter, figure_page

    wanted = FigureFilter(region="610000", indicator="poor_population_reduced", year_from=2019, year_to=2019)
    with sessions() as s:
        values = {
            plan: sorted(r["value"] for r in figure_page(s, FigureFilter(**{**wanted.__dict__, "plan": plan}), 0, 50))
            for plan in ("original", "revised")
        }
        first = figure_page(s, FigureFilter(), 0, 10)
        second = figure_page(s, FigureFilter(), first[-1]["id"], 10)
        (item,) = region_progress(s, "610000", "poor_population_reduced", "revised", None, 2019)
    assert values == {"original": [578800, 635000], "revised": [565000, 578800]}
    assert [r["id"] for r in first + second] == sorted({r["id"] for r in first + second})
    year = next(y for y in item["years"] if y["year"] == 2019)
    assert (year["target"], year["actual"], year["status"]) == (565000, 578800, "achieved")


def test_a_reverted_batch_leaves_the_api_as_it_leaves_the_pages(sessions):
    """Marking the batch of 陕西's restated 2019 target (565000) reverted, as ``etl revert`` marks an upload (build
    batches themselves cannot be reverted): figures and progress fall back to the original 635000."""
    from sqlalchemy import update

    from api.progress import region_progress
    from db.api_queries import FigureFilter, figure_page
    from db.models import Batch
    from db.session import transaction
    from db.writes import now

    wanted = FigureFilter(region="610000", indicator="poor_population_reduced", year_from=2019, year_to=2019)
    with sessions() as s:
        restated = next(r for r in figure_page(s, wanted, 0, 50) if r["value"] == 565000)
    with transaction(sessions) as s:
        s.execute(update(Batch).where(Batch.id == restated["batch_id"]).values(reverted_at=now(), reverted_by="t"))
    with sessions() as s:
        left = figure_page(s, wanted, 0, 50)
        revised = figure_page(s, FigureFilter(**{**wanted.__dict__, "plan": "revised"}), 0, 50)
        (item,) = region_progress(s, "610000", "poor_population_reduced", "revised", None, 2019)
    assert restated["id"] not in {r["id"] for r in left}
    assert sorted(r["value"] for r in revised) == [578800, 635000]
    year = next(y for y in item["years"] if y["year"] == 2019)
    assert (year["target"], year["status"]) == (635000, "behind")
