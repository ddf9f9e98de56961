"""Hardening of exports against hostile text (issue 16, items 1, 4 and 8), tried as an attacker would.

A batch with control characters (ESC sequences, BEL, NUL, CR, C1, a bidi override) and markup (``<a href>``) in
every text field is written straight into the database, as an old database may already hold it; then every
export of its region and of every region above answers 200 through the real app and shows the characters as
visible escapes (␛ ␇ ␀ ␍ …), never raw. Error answers are plain text that never reflect a request's markup;
the footer's address comes from ``PUBLIC_URL``, never from the request's Host header.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from app import create_app
from db import batches, writes
from db.session import make_engine, session_factory, transaction
from etl.load import figure_dicts
from etl.rowcheck import Row
from tests.accounts import SECRET, add_users, login
from tests.conftest import copy_sqlite

# SYNTHETIC hostile text: ANSI colour, bell, NUL, a carriage return that hides what came before, C1, bidi override
HOSTILE = '\x1b[31mAPPROVED\x1b[0m\x07\x00 \r\nline2\x85\u202e <a href="http://evil.example/x">click</a>'
HOSTILE_URL = "http://evil\x1b[31m.example/\x07page"
HOSTILE_FILE = "报表\x1b[2J\r.xlsx"
PUBLIC_URL = "https://dash.example.gov.cn"
# what may never appear raw in an exported text: C0 but tab, LF and CR (CSV and XLSX keep line breaks), DEL, C1,
# bidi overrides
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e]")
REGIONS = ["621102", "621100", "620000"]  # 安定区, and every region above it with figures


def store_hostile_batch(url: str) -> None:
    """An upload batch of 安定区 figures with hostile text in every text field, written by the data layer
    directly (no import check), as a database from before the checks may hold it. SYNTHETIC values."""
    with transaction(session_factory(make_engine(url))) as s:
        batch = writes.new_batch(
            s, "upload", user_name="planner\x1b[1m", file_name=HOSTILE_FILE, sha256="0" * 64, note=HOSTILE
        )
        source_id = batches.new_source(
            s, kind="upload", title=HOSTILE_FILE, file_name=HOSTILE_FILE, reliability="official", sha256="0" * 64
        )
        version = writes.new_plan_version(
            s, name=f"{HOSTILE} (batch {batch.id})", kind="revision", source_id=source_id, batch_id=batch.id
        )
        web = writes.get_or_create_source(s, kind="web", title=HOSTILE_URL, url=HOSTILE_URL, reliability="official")
        rows = [
            Row(
                kind,
                "621102",
                "poor_population_reduced",
                year,
                year,
                value,
                "=",
                "人",
                "official",
                "",
                HOSTILE,
                HOSTILE,
                sheet="目标 Targets",
                row=n,
            )
            for n, (kind, year, value, _url) in enumerate(
                [
                    ("target", 2019, 12345.0, HOSTILE_URL),
                    ("actual", 2019, 12000.0, ""),
                    ("target", 2020, 11111.0, ""),
                    ("actual", 2020, 11000.0, HOSTILE_URL),
                ],
                start=2,
            )
        ]
        figures = figure_dicts(s, rows, batch.id, version.id, source_id)
        for row, figure in zip(rows, figures, strict=True):
            if row.row in (2, 5):  # a web page whose address holds an ESC sequence ("[" in the host, too)
                figure["source_id"] = web.id
        batches.insert_figures(s, figures)


@pytest.fixture(scope="module")
def url(seed_db_path, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url, {"analyst1": ("analyst", [])})
    store_hostile_batch(url)
    return url


@pytest.fixture(scope="module")
def client(url):
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, secret_key=SECRET, public_url=PUBLIC_URL)
    client = app.server.test_client()
    assert login(client, "analyst1").status_code == 302
    return client


def text_of(path: str, body: bytes) -> str:
    """An export's text as a reader would copy it: SVG source, PDF text layer, CSV text, every XLSX cell."""
    path = path.split("?", 1)[0]
    if path.endswith(".svg"):
        return body.decode("utf-8")
    if path.endswith(".pdf"):
        text = subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True, check=True).stdout.decode()
        return text.replace("\f", "\n")  # pdftotext's own page breaks
    if path.endswith(".csv"):
        return body.decode("utf-8-sig")
    if path.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(body))
        return "\n".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    return ""


def exports_of(region: str) -> list[str]:
    q = f"region={region}&indicator=poor_population_reduced"
    paths = [f"/export/chart.{fmt}?{q}" for fmt in ("png", "svg", "pdf")]
    paths += [f"/export/data.{fmt}?{q}" for fmt in ("csv", "xlsx")]
    paths += [f"/export/data.xlsx?{q}&chart=cumulative"]
    if region != "621102":  # a county has no sub-regions to chart or map
        paths += [f"/export/data.{fmt}?{q}&chart=children" for fmt in ("csv", "xlsx")]
        paths += [f"/export/chart.svg?{q}&chart=children"]
        paths += [f"/export/map.{fmt}?{q}" for fmt in ("png", "pdf")]
    paths += [f"/export/briefing.{fmt}?region={region}" for fmt in ("xlsx", "pdf")]
    return paths


@pytest.mark.parametrize("region", REGIONS)
def test_every_export_of_a_hostile_batch_answers_and_shows_escapes_never_raw(client, region):
    seen_escape = False
    for path in exports_of(region):
        response = client.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code} {response.data[:300]!r}"
        text = text_of(path, response.data)
        raw = RAW.search(text)
        assert raw is None, f"{path}: raw {raw.group()!r} in {text[max(0, raw.start() - 40) : raw.end() + 40]!r}"
        if "APPROVED" in text:  # images print the ASCII escape (fonts have no control pictures), files the picture
            assert "\\x1b[31mAPPROVED" in text or "␛[31mAPPROVED" in text, f"{path}: the escape is shown"
            seen_escape = True
        if path.endswith(".svg"):
            assert re.search(r"<a[\s>]", text) is None, f"{path}: a live link from a note"
            assert 'href="http://evil' not in text
        if path.endswith((".csv", ".xlsx")) and "\r" in text.replace("\r\n", ""):
            pytest.fail(f"{path}: a lone CR in a cell")
    assert seen_escape, "the hostile text shows as visible escapes somewhere"


def test_the_data_csv_keeps_the_quote_with_visible_escapes(client):
    body = client.get("/export/data.csv?region=621102&indicator=poor_population_reduced").data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    quotes = {r["原文 Quote"] for r in rows if r.get("原文 Quote")}
    assert quotes and all("␛[31mAPPROVED␛[0m␇␀" in q for q in quotes), quotes


def test_the_svg_footer_shows_a_note_holding_a_link_as_text(client):
    body = client.get("/export/chart.svg?region=621102&indicator=poor_population_reduced").data.decode()
    assert "&#60;a href=" in body or "&lt;a href=" in body  # the note's markup, shown as the characters it is
    assert re.search(r"<a[\s>]", body) is None


@pytest.mark.parametrize(
    "path",
    [
        "/export/chart.svg?region=621100&indicator=poor_population_reduced",
        "/export/map.pdf?region=621100&indicator=poor_population_reduced",
        "/export/briefing.pdf?region=621100",
    ],
)
def test_the_footer_address_comes_from_public_url_not_from_the_host_header(client, path):
    for name in ("fp_session", "_csrf_token"):  # the analyst's cookies, sent to the forged host as well
        cookie = client.get_cookie(name)
        client.set_cookie(name, cookie.value, domain="evil.example")
    response = client.get(path, headers={"Host": "evil.example"})
    assert response.status_code == 200
    text = text_of(path, response.data)
    assert "evil.example/region" not in text and "evil.example/map" not in text  # (the hostile note names it)
    assert f"{PUBLIC_URL}/" in text


def test_the_briefing_button_footer_uses_public_url_too(client, url):
    from app import create_app as make
    from tests.accounts import payload, post_callback

    app = make(url, build_if_empty=False, progress=lambda _m: None, secret_key=SECRET, public_url=PUBLIC_URL)
    c = app.server.test_client()
    assert login(c, "analyst1").status_code == 302
    answer = post_callback(
        c,
        payload(
            app,
            "briefing-xlsx-button.n_clicks",
            {"briefing-xlsx-button.n_clicks": 1, "url.pathname": "/region/621102", "url.search": ""},
        ),
    )
    assert answer.status_code == 200
    import base64

    data = answer.get_json()["response"]["briefing-download"]["data"]
    text = text_of(".xlsx", base64.b64decode(data["content"]))
    assert f"{PUBLIC_URL}/region/621102" in text and "localhost" not in text


HTML_VALUE = '<h1>x</h1><meta http-equiv="refresh" content="0;url=http://evil.example/">'


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/export/map.png?region={HTML_VALUE}", 404),
        (f"/export/map.gif?region={HTML_VALUE}", 404),
        (f"/export/chart.png?region={HTML_VALUE}&indicator=poor_population_reduced", 404),
        (f"/export/chart.png?region=621100&indicator={HTML_VALUE}", 404),
        (f"/export/chart.png?region=621100&indicator=poor_population_reduced&chart={HTML_VALUE}", 400),
        ("/export/chart.gif?region=621100&indicator=poor_population_reduced", 404),
        ("/export/data.csv?indicator=poor_population_reduced", 400),
        (f"/export/data.xlsx?region={HTML_VALUE}&indicator=poor_population_reduced", 404),
        (f"/export/briefing.pdf?region={HTML_VALUE}", 404),
        ("/export/briefing.svg?region=621100", 404),
        ("/export/no-such-thing", 404),
    ],
)
def test_export_errors_are_plain_text_and_never_reflect_markup(client, path, status):
    from urllib.parse import quote

    response = client.get(quote(path, safe="/?=&.-"))
    assert response.status_code == status
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    body = response.get_data(as_text=True)
    assert "<h1>" not in body and "<meta" not in body and "evil.example" not in body
    assert body.strip(), "the message says what is wrong"


@pytest.mark.parametrize("who", ["anonymous", "viewer1"])
def test_refusals_of_an_export_are_plain_text_too(url, who):
    if who == "viewer1":
        add_users(url, {"viewer1": ("viewer", [])})
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, secret_key=SECRET, public_read=True)
    client = app.server.test_client()
    if who != "anonymous":
        assert login(client, who).status_code == 302
    response = client.get(f"/export/map.png?region={HTML_VALUE}")
    assert response.status_code == (401 if who == "anonymous" else 403)
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "<h1>" not in response.get_data(as_text=True)
