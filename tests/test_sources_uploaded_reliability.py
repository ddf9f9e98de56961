"""A figure a planner uploads without a source link cites no source: the sources panel, the region page, the API
and the exports say 上传 uploaded (with its batch and account in the panel), never 官方 official; a row that cites a
government page, and the seed documents' figures, stay 官方.

Real app on a real SQLite copy of the seed; the uploaded values are the test's own (synthetic).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app import create_app
from db import queries
from db.session import make_engine, session_factory, transaction
from etl import importer
from tests.accounts import SECRET, add_users, answer_text, client_as, payload, post_callback
from tests.conftest import copy_sqlite
from tests.upload_files import target_row, targets_xlsx

GOV = "http://www.dingxi.gov.cn/art/2017/1/1/art_1.html"  # the test's own address (synthetic)


@pytest.fixture
def url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "uploaded.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url)
    return url


@pytest.fixture
def app(url):
    return create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)


def upload(url: str, *rows) -> int:
    """A planner of 定西's upload, as the upload page commits it; the batch id."""
    with transaction(session_factory(make_engine(url))) as s:
        result = importer.check_and_preview(s, targets_xlsx(*rows), "定西2016.xlsx")
        assert result.ok, result.problems
        return importer.commit(s, result, importer.Audit(user="planner_dingxi", note="2016 修正 (synthetic)"))


def figure_ids(url: str, where: str, *args) -> list[int]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return [i for (i,) in conn.execute(f"SELECT id FROM figures WHERE {where} ORDER BY id", args)]


def panel(app, client, figure_id: int) -> str:
    """The sources panel for a figure clicked on a chart, as the browser asks for it."""
    click = {"points": [{"customdata": [str(figure_id), "revised"]}]}
    chart = json.dumps({"name": "annual", "type": "chart"}, separators=(",", ":"))
    body = {
        "output": next(k for k in app.callback_map if k.startswith("..source-panel.is_open") and "grid" not in k),
        "outputs": [
            {"id": "source-panel", "property": "is_open"},
            {"id": "source-body", "property": "children"},
            {"id": "source-panel", "property": "title"},
        ],
        "inputs": [[], [{"id": {"type": "chart", "name": "annual"}, "property": "clickData", "value": click}]],
        "state": [{"id": "url", "property": "search", "value": ""}],
        "changedPropIds": [f"{chart}.clickData"],
    }
    response = post_callback(client, body)
    assert response.status_code == 200
    return answer_text(response)


def test_an_upload_without_a_source_link_says_uploaded_not_official(app, url):
    batch = upload(
        url,
        target_row(code="621100", name="定西市", start=2016, end=2016, value="28.77万"),
        target_row(code="621100", name="定西市", start=2017, end=2017, value="20万", url=GOV),
    )
    (uncited,) = figure_ids(url, "batch_id = ? AND period_end = 2016", batch)
    (cited,) = figure_ids(url, "batch_id = ? AND period_end = 2017", batch)
    seed = figure_ids(url, "batch_id = 1 AND region_code = '621100'")[0]
    client = client_as(app, "viewer1")

    shown = panel(app, client, uncited)
    assert "上传(无来源链接)" in shown and "官方" not in shown, shown
    assert f"批次 {batch} · planner_dingxi" in shown  # which batch, whose
    shown = panel(app, client, cited)
    assert "官方" in shown and "上传" not in shown, shown
    shown = panel(app, client, seed)
    assert "官方" in shown and "上传" not in shown, shown

    with session_factory(make_engine(url))() as session:
        said = {r["id"]: r["reliability"] for r in queries.sources_of(session, [uncited, cited, seed])}
    assert said == {uncited: "uploaded", cited: "official", seed: "official"}  # API, exports and pages read this
    api = client_as(app, "analyst1").get("/api/v1/figures?region=621100&indicator=poor_population_reduced")
    assert api.status_code == 200
    by_id = {f["id"]: f["source"]["reliability"] for f in api.get_json()["data"]}
    assert by_id[uncited] == "uploaded" and by_id[seed] == "official"


def test_the_region_page_does_not_call_an_uncited_upload_official(app, url):
    upload(url, target_row(code="621100", name="定西市", start=2016, end=2016, value="28.77万"))
    search = "?indicator=poor_population_reduced"
    body = payload(app, "url.pathname", {"url.pathname": "/region/621100", "url.search": search})
    page = answer_text(post_callback(client_as(app, "viewer1"), body))
    assert "上传(无来源链接)" in page
