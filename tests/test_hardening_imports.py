"""Hostile text where it enters (issue 16, items 1 and 8): imports refuse control characters with a located
message, a file name's control characters are stored as visible escapes, a note typed with an ESC sequence is
refused, ``etl batches`` never prints CR or ESC raw, and malformed XML inside an .xlsx is a located upload error.

Files are real workbooks written in code; the CLI runs through click's CliRunner and the page through forged
callbacks on the real app, as a hostile planner would send them.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from sqlalchemy import text

from app import create_app
from db import writes
from db.session import make_engine, session_factory, transaction
from etl.cli import cli
from tests.accounts import SECRET, add_users, answer_text, login, payload, post_callback
from tests.conftest import copy_sqlite
from tests.upload_files import TARGET_HEADERS, csv_bytes, target_row, targets_xlsx

RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
DINGXI = {"code": "621100", "name": "定西市", "end": 2020}  # SYNTHETIC values below


def hostile_xlsx(*rows: list) -> bytes:
    """A workbook whose cells hold C0 control characters, as Excel stores them (``_x001B_``: openpyxl refuses to
    write them, an attacker edits the XML)."""
    marked = [
        [re.sub("[\x00-\x1f]", lambda m: f"QQCTRL{ord(m.group()):04X}QQ", c) if isinstance(c, str) else c for c in r]
        for r in rows
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(targets_xlsx(*marked))) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, re.sub(rb"QQCTRL([0-9A-F]{4})QQ", rb"_x\1_", src.read(info.filename)))
    return out.getvalue()


def hostile_file(fmt: str, row: list) -> bytes:
    return hostile_xlsx(row) if fmt == "xlsx" else csv_bytes([["类型 kind", *TARGET_HEADERS], ["目标", *row]])


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args], catch_exceptions=False)


def query(db_url: str, sql: str) -> list[tuple]:
    """Rows of a read-only statement, on SQLite or PostgreSQL alike."""
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def batches(db_url: str) -> list[tuple]:
    return query(db_url, "SELECT file_name, note FROM batches WHERE kind IN ('upload', 'edit')")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize(
    ("cells", "column", "char"),
    [
        ({"note": "\x1b[31mAPPROVED\x1b[0m"}, "note", "U+001B"),
        ({"quote": "原文\x07响铃"}, "quote", "U+0007"),
        ({"note": "隐藏\r覆盖"}, "note", "U+000D"),  # a lone CR overwrites a terminal line
        ({"quote": "零\x00字节"}, "quote", "U+0000"),
        ({"url": "https://www.gov.cn/\x1b[2Jx"}, "source_url", "U+001B"),
        ({"url": "https://www.gov.cn/a\nb"}, "source_url", "U+000A"),  # a link is one line
        ({"note": "反转\u202eevil"}, "note", "U+202E"),
    ],
)
def test_an_import_refuses_control_characters_with_a_located_message(db_url, tmp_path, cells, column, char, fmt):
    if fmt == "csv" and char == "U+0000":
        pytest.skip("a NUL byte makes a CSV binary: the whole file is refused (test_upload_bad_files)")
    path = tmp_path / f"hostile.{fmt}"
    path.write_bytes(hostile_file(fmt, target_row(**DINGXI, value="9.1万", **cells)))
    errors = tmp_path / "errors.xlsx"
    result = run(db_url, "import", str(path), "--note", "synthetic", "--errors-out", str(errors))
    assert result.exit_code == 1, result.output
    assert "row 2" in result.output and column in result.output and char in result.output
    assert RAW.search(result.output) is None, "the message shows the character as an escape, never raw"
    book = openpyxl.load_workbook(errors)  # the annotated copy is written, the character escaped
    cells_text = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert not any(RAW.search(text) for text in cells_text)
    assert batches(db_url) == []


def test_a_multi_line_note_and_quote_are_accepted_with_line_breaks(db_url, tmp_path):
    path = tmp_path / "lines.xlsx"
    path.write_bytes(targets_xlsx(target_row(**DINGXI, value="9.2万", note="第一行\r\n第二行", quote="一\n二\t三")))
    result = run(db_url, "import", str(path), "--note", "synthetic multi-line test")
    assert result.exit_code == 0, result.output
    stored = query(db_url, "SELECT note, quote FROM figures ORDER BY id DESC LIMIT 1")
    assert stored == [("第一行\n第二行", "一\n二\t三")]


def test_a_batch_note_with_control_characters_is_refused_by_the_cli(db_url, tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(targets_xlsx(target_row(**DINGXI, value="9.3万")))
    result = run(db_url, "import", str(path), "--note", "ok\x1b[8mhidden")
    assert result.exit_code != 0
    assert "U+001B" in result.output and RAW.search(result.output) is None
    assert batches(db_url) == []


@pytest.fixture
def app_url(seed_db_path, tmp_path) -> str:
    path = tmp_path / "page.db"
    copy_sqlite(Path(seed_db_path), path)
    url = f"sqlite:///{path}"
    add_users(url, {"planner_dingxi": ("planner", ["621100"])})
    return url


def page_client(url: str):
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)
    client = app.server.test_client()
    assert login(client, "planner_dingxi").status_code == 302
    return app, client


def upload(app, client, data: bytes, name: str):
    contents = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    return post_callback(
        client,
        payload(app, "upload-file.contents", {"upload-file.contents": contents, "upload-file.filename": name}),
    )


def confirm(app, client, state: dict, note: str):
    return post_callback(
        client,
        payload(
            app,
            "upload-confirm.n_clicks",
            {"upload-confirm.n_clicks": 1, "upload-note.value": note, "upload-state.data": state},
        ),
    )


def test_the_page_stores_a_file_name_with_visible_escapes_and_refuses_a_hostile_note(app_url):
    app, client = page_client(app_url)
    answer = upload(app, client, targets_xlsx(target_row(**DINGXI, value="9.4万")), "报表\x1b[2J\r.xlsx")
    assert answer.status_code == 200
    state = answer.get_json()["response"]["upload-state"]["data"]
    assert state["ok"] is True and state["file_name"] == "报表␛[2J␍.xlsx"
    refused = confirm(app, client, state, "note\x1b]0;owned\x07")
    assert refused.status_code == 200 and "U+001B" in answer_text(refused)
    assert batches(app_url) == []
    done = confirm(app, client, state, "第一行\r\n第二行")  # the note corrected, the same upload confirmed
    assert "upload-imported" in answer_text(done)
    assert batches(app_url) == [("报表␛[2J␍.xlsx", "第一行\n第二行")]


def test_etl_batches_never_prints_control_characters_raw(db_url):
    with transaction(session_factory(make_engine(db_url))) as s:  # as an old database may hold it
        writes.new_batch(
            s,
            "upload",
            user_name="li\x1b[1m",
            file_name="a.xlsx\rAPPROVED-BY-ADMIN",
            sha256="0" * 64,
            note="\x1b[2Jcleared\x07",
        )
    for fmt in ("text", "json"):
        result = run(db_url, "batches", "--format", fmt)
        assert result.exit_code == 0
        assert RAW.search(result.output) is None and "\r" not in result.output, repr(result.output[:300])
    text = run(db_url, "batches").output
    assert "a.xlsx␍APPROVED-BY-ADMIN" in text and "␛[2Jcleared␇" in text


def broken_xml(data: bytes, member: str, body: bytes) -> bytes:
    """A copy of a workbook with one part replaced by text that is not well-formed XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, body if info.filename == member else src.read(info.filename))
    return out.getvalue()


MALFORMED = [
    ("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>x</t></is></c>"),
    ("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row r='2'><c r='A2'><f>1+1</f><v>2</v></c></row>"),
    ("xl/styles.xml", b"<styleSheet><numFmts"),
]


@pytest.mark.parametrize(("member", "body"), MALFORMED)
def test_malformed_xml_in_an_xlsx_is_a_located_error_in_the_cli(db_url, tmp_path, member, body):
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(broken_xml(targets_xlsx(target_row(**DINGXI, value="9.5万")), member, body))
    result = run(db_url, "import", str(path), "--dry-run")
    assert result.exit_code == 1, result.output
    assert "damaged.xlsx" in result.output and "fix:" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("member", "body"), MALFORMED)
def test_malformed_xml_in_an_xlsx_is_a_located_error_on_the_page(app_url, member, body):
    app, client = page_client(app_url)
    data = broken_xml(targets_xlsx(target_row(**DINGXI, value="9.5万")), member, body)
    answer = upload(app, client, data, "damaged.xlsx")
    assert answer.status_code == 200
    assert "damaged.xlsx" in answer_text(answer) and "upload-errors-table" in answer_text(answer)


def test_an_account_name_with_control_characters_is_refused_and_never_listed_raw(db_url, monkeypatch):
    monkeypatch.setenv("NEW_USER_PASSWORD", "correct horse battery staple")
    refused = run(db_url, "users", "add", "admin\x1b[8m", "--role", "viewer")
    assert refused.exit_code != 0 and "U+001B" in refused.output and RAW.search(refused.output) is None
    from auth.passwords import hash_password
    from db import accounts

    with transaction(session_factory(make_engine(db_url))) as s:  # an account from before the check
        accounts.add_user(s, "old\rADMIN", hash_password("correct horse battery staple"), "viewer", [], by="test")
    for fmt in ("text", "json"):
        listed = run(db_url, "users", "list", "--format", fmt)
        assert listed.exit_code == 0 and RAW.search(listed.output) is None and "\r" not in listed.output
    assert "old␍ADMIN" in run(db_url, "users", "list").output
