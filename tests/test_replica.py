"""A PostgreSQL streaming replica on loopback (harness/replica.py): viewers read from the standby, planners write
to the primary. An import on the primary shows on the standby's pages once replayed, with the data version the
page says; a write sent to the standby fails whole with a clear message and writes nothing.

Runs in the normal suite; skipped with the reason where PostgreSQL cannot start, except in CI (CI=true)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
import requests

from app import create_app
from db.session import make_engine
from etl.build import build
from harness.pg import PgUnavailable
from harness.replica import ReplicaPair
from harness.servers import live_server
from tests.accounts import PASSWORD, SECRET, add_users, csrf_from, payload
from tests.upload_files import actual_row, actuals_xlsx

ROOT = Path(__file__).resolve().parent.parent
READ_ONLY = "this server reads from a read-only replica: writes (uploads, edits, reverts, imports) go to the primary"
# synthetic figure, written by this test only: 陇西县 poor population reduced in 2019
LONGXI_2019 = actual_row(code="621122", name="陇西县", end=2019, value="1.2345万", note="synthetic replica test")
LONGXI_2019_AGAIN = actual_row(code="621122", name="陇西县", end=2019, value="1.3万", note="synthetic replica test")


@pytest.fixture(scope="module")
def pair():
    try:
        started = ReplicaPair.start()
    except PgUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL must run in CI: {exc}")
        pytest.skip(f"PostgreSQL replica unavailable here: {exc}")
    yield started
    started.stop()


@pytest.fixture(scope="module")
def urls(pair) -> tuple[str, str]:
    """The seed built on the primary, with accounts, replayed on the standby: (primary URL, standby URL)."""
    primary = pair.primary.create_database("fupin")
    engine = make_engine(primary)
    build(engine, progress=lambda _m: None)
    engine.dispose()
    add_users(primary, {"planner_dingxi": ("planner", ["621100"])})
    pair.wait_replayed()
    return primary, pair.standby.url("fupin")


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _version(url: str) -> int:
    with psycopg.connect(_dsn(url)) as conn:
        return conn.execute("SELECT version FROM data_state WHERE id = 1").fetchone()[0]


def _dump(url: str) -> dict[str, list]:
    """Every row of every table, in a stable order."""
    with psycopg.connect(_dsn(url)) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}


def _etl(url: str, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "etl", "--database-url", url, *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def _region_page(base: str, http: requests.Session | None = None) -> str:
    body = {
        "output": "..page-content.children...lang-toggle.href...lang-toggle.children..",
        "outputs": [
            {"id": "page-content", "property": "children"},
            {"id": "lang-toggle", "property": "href"},
            {"id": "lang-toggle", "property": "children"},
        ],
        "inputs": [
            {"id": "url", "property": "pathname", "value": "/region/621122"},
            {"id": "url", "property": "search", "value": "?indicator=poor_population_reduced"},
        ],
        "changedPropIds": ["url.pathname"],
    }
    response = (http or requests).post(f"{base}/_dash-update-component", json=body, timeout=60)
    assert response.status_code == 200, response.text[:300]
    return json.dumps(response.json(), ensure_ascii=False)


def _shown_version(page: str) -> int:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == "data-version":
                found.append(int(node["props"]["data-version"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(page))
    assert len(found) == 1, found
    return found[0]


def _app(url: str):
    return create_app(
        url, build_if_empty=False, progress=lambda _m: None, public_read=True, secret_key=SECRET, secure_cookies=False
    )  # plain HTTP on loopback: the session cookie must travel without TLS


def test_an_import_on_the_primary_shows_on_the_standby_and_writes_to_the_standby_fail_whole(pair, urls, tmp_path):
    primary, standby = urls
    viewer, planner = _app(standby), _app(primary)
    upload = tmp_path / "陇西.xlsx"
    upload.write_bytes(actuals_xlsx(LONGXI_2019))
    misrouted = tmp_path / "陇西-更正.xlsx"
    misrouted.write_bytes(actuals_xlsx(LONGXI_2019_AGAIN))
    with live_server(viewer.server) as viewers, live_server(planner.server) as planners:
        before = _version(standby)
        page = _region_page(viewers)
        assert _shown_version(page) == before and "1.2345万人" not in page

        imported = _etl(primary, "import", str(upload), "--note", "复核 replica test", "--user", "planner_dingxi")
        assert imported.returncode == 0, imported.stdout + imported.stderr
        batch_id = int(imported.stdout.split("imported as batch ")[1].split(";")[0])
        pair.wait_replayed()
        after = _version(standby)
        assert after > before and after == _version(primary)
        page = _region_page(viewers)
        assert "1.2345万人" in page and _shown_version(page) == after
        assert _shown_version(_region_page(planners)) == after

        # writes sent to the standby: the CLI import, and a revert through the viewer app's own callback
        refused = _etl(standby, "import", str(misrouted), "--note", "misrouted", "--user", "planner_dingxi")
        assert refused.returncode == 1 and READ_ONLY in refused.stderr and "只读副本" in refused.stderr
        assert "Traceback" not in refused.stderr
        http = requests.Session()
        form = http.get(f"{planners}/login", timeout=30).text  # logging in writes: on the primary
        logged_in = http.post(
            f"{planners}/login",
            data={"username": "planner_dingxi", "password": PASSWORD, "csrf_token": csrf_from(form)},
            timeout=60,
        )
        assert logged_in.status_code in (200, 302, 303)
        pair.wait_replayed()  # the login session replicates; the same cookie is good on the viewers' server
        http.get(f"{viewers}/history", timeout=30)  # the _csrf_token cookie dash-renderer echoes
        revert = payload(
            viewer,
            "history-confirm.submit_n_clicks",
            {"history-confirm.submit_n_clicks": 1, "history-pending.data": batch_id},
        )
        response = http.post(
            f"{viewers}/_dash-update-component",
            json=revert,
            headers={"X-CSRFToken": http.cookies.get("_csrf_token", "")},
            timeout=60,
        )
        assert response.status_code == 200, response.text[:300]
        assert READ_ONLY in json.dumps(response.json(), ensure_ascii=False)
        form = requests.get(f"{viewers}/login", timeout=30)  # a login counts attempts: a write
        login_there = requests.post(
            f"{viewers}/login",
            data={"username": "planner_dingxi", "password": PASSWORD, "csrf_token": csrf_from(form.text)},
            cookies=form.cookies,
            timeout=60,
        )
        assert login_there.status_code == 503 and READ_ONLY in login_there.text
        pair.wait_replayed()
        assert _dump(standby) == _dump(primary)  # nothing half-written: the standby holds exactly the primary's
        assert _version(standby) == after
        page = _region_page(viewers)
        assert "1.2345万人" in page and _shown_version(page) == after  # the batch is still in force
