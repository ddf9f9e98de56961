"""Notes (说明): stored with their author and history, shown as text everywhere (a ``<script>`` note stays text),
as a marker on the annual chart, in the sources panel, in CSV/XLSX exports and in the briefing PDF."""

from __future__ import annotations

import io
import json
import subprocess

import openpyxl
import pytest
from click.testing import CliRunner

from app import create_app
from db.notes import NoteError, edit_note
from db.session import make_engine, session_factory, transaction
from etl.cli import cli
from export.briefing import Briefing, IndicatorPage, briefing_pdf, child_rows, year_rows
from export.charts import build_chart
from export.tables import columns_of, csv_bytes, xlsx_bytes
from tests.accounts import CAST, SECRET, add_users, answer_text, login, payload, post_callback

HOSTILE = "<script>alert('x')</script> 2016年 受洪灾影响,岷县搬迁推迟"
INDICATOR = "poor_population_reduced"


def run(url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", url, *args])


@pytest.fixture
def url(db_url) -> str:
    add_users(db_url, {**CAST, "approver_dingxi": ("approver", ["621100"])})
    result = run(
        db_url, "notes", "add", "--region", "621100", "--indicator", INDICATOR, "--year", "2016", "--text", HOSTILE,
        "--user", "planner_dingxi",
    )  # fmt: skip
    assert result.exit_code == 0 and result.output == f"note 1 added to 621100 {INDICATOR} 2016\n"
    return db_url


def test_notes_keep_their_author_and_every_edit(url):
    assert (
        run(
            url, "notes", "edit", "1", "--text", "2019年 洪灾,岷县搬迁推迟至2020年", "--user", "approver_dingxi"
        ).exit_code
        == 0
    )
    (note,) = json.loads(run(url, "notes", "list", "--region", "621100", "--format", "json").stdout)
    assert (note["author"], note["edited_by"], note["text"]) == (
        "planner_dingxi",
        "approver_dingxi",
        "2019年 洪灾,岷县搬迁推迟至2020年",
    )
    assert [(h["author"], h["text"]) for h in note["history"]] == [
        ("planner_dingxi", HOSTILE),
        ("approver_dingxi", "2019年 洪灾,岷县搬迁推迟至2020年"),
    ]
    assert json.loads(run(url, "notes", "list", "--region", "610000", "--format", "json").stdout) == []


@pytest.mark.parametrize(
    ("user", "region", "why"),
    [
        ("viewer1", "621100", "may not add notes"),
        ("planner_shaanxi", "621100", "may not add notes"),
        ("approver_dingxi", "610000", "may not add notes"),
        ("analyst1", "999999", "未知地区代码 999999:请使用 data/regions_national.csv 中的行政区划代码,如 621100 / unk"),
        ("nobody", "621100", "no such account"),
    ],
)
def test_notes_need_the_right_on_the_region(url, user, region, why):
    args = ["notes", "add", "--region", region, "--indicator", INDICATOR, "--year", "2019", "--text", "x"]
    result = run(url, *args, "--user", user)
    assert result.exit_code == 1 and why in result.output
    assert len(json.loads(run(url, "notes", "list", "--format", "json").stdout)) == 1


def test_an_analyst_and_an_approver_of_the_region_may_add_notes(url):
    for user in ("analyst1", "approver_dingxi"):
        args = ["notes", "add", "--region", "621122", "--indicator", INDICATOR, "--year", "2018", "--text", user]
        assert run(url, *args, "--user", user).exit_code == 0


def test_the_region_page_shows_the_note_as_text_and_marks_the_chart(url):
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)
    client = app.server.test_client()
    assert login(client, "viewer1").status_code == 302
    body = payload(app, "url.pathname", {"url.pathname": "/region/621100", "url.search": f"?indicator={INDICATOR}"})
    page = post_callback(client, body).get_json()["response"]["page-content"]["children"]
    text = json.dumps(page, ensure_ascii=False)
    assert json.dumps(HOSTILE, ensure_ascii=False) in text  # a string child: React renders it as text
    assert "<script>" not in text.replace(json.dumps(HOSTILE, ensure_ascii=False), "")
    marks = [a for a in _annotations(page) if a.get("name") == "note-2016"]
    assert marks and marks[0]["text"] == "※说明" and "&lt;script&gt;" in marks[0]["hovertext"]
    assert "<script>" not in marks[0]["hovertext"]
    assert "note-add" not in text  # a viewer gets no form
    assert login(client := app.server.test_client(), "planner_dingxi").status_code == 302
    assert "note-add" in answer_text(post_callback(client, body))


def _annotations(tree) -> list[dict]:
    found = []
    if isinstance(tree, dict):
        if isinstance(tree.get("layout"), dict):
            found.extend(tree["layout"].get("annotations", []))
        for value in tree.values():
            found.extend(_annotations(value))
    elif isinstance(tree, list):
        for value in tree:
            found.extend(_annotations(value))
    return found


def test_exports_carry_the_note_as_inert_text(url, tmp_path):
    with session_factory(make_engine(url))() as s:
        export = build_chart(s, "621100", INDICATOR)
    assert [n["text"] for n in export.notes] == [HOSTILE]
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(export)))
    assert wb.sheetnames == ["数据 Data", "来源 Sources", "说明 About", "说明 Notes"]
    notes = wb["说明 Notes"]
    assert [c.value for c in notes[2]][:5] == ["621100", INDICATOR, 2016, HOSTILE, "planner_dingxi"]
    data = csv_bytes(export.rows, columns_of(export)).decode("utf-8-sig")
    assert "年度说明 notes on the year" in data.splitlines()[0]
    rows_2016 = [line for line in data.splitlines() if ",2016," in line]
    assert rows_2016 and all(HOSTILE in line for line in rows_2016)  # every bar of 2016 carries it
    assert export.figure["layout"]["annotations"][-1]["hovertext"].startswith("2016: &lt;script&gt;")


def test_a_formula_like_note_is_neutralised_in_spreadsheets(url):
    args = ["notes", "add", "--region", "621100", "--indicator", INDICATOR, "--year", "2015", "--text", "=1+1"]
    assert run(url, *args, "--user", "planner_dingxi").exit_code == 0
    with session_factory(make_engine(url))() as s:
        export = build_chart(s, "621100", INDICATOR)
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(export)))
    assert "'=1+1" in [c.value for c in wb["说明 Notes"]["D"]]


def test_the_briefing_pdf_prints_the_note(url, tmp_path):
    with session_factory(make_engine(url))() as s:
        chart = build_chart(s, "621100", INDICATOR)
    page = IndicatorPage(chart, year_rows(chart), child_rows(chart))
    pack = Briefing(chart.region, "zh", [page], chart.as_of, chart.view_url)
    path = tmp_path / "briefing.pdf"
    path.write_bytes(briefing_pdf(pack))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "说明" in text and "<script>alert('x')</script>" in flat and "岷县搬迁推迟" in flat


def test_the_briefing_workbook_lists_the_note(url):
    from export.briefing import collect
    from export.workbook import briefing_xlsx

    with session_factory(make_engine(url))() as s:
        pack = collect(s, "621100")
    wb = openpyxl.load_workbook(io.BytesIO(briefing_xlsx(pack)))
    assert wb.sheetnames[-2:] == ["说明 Notes", "来源 Sources"]
    assert HOSTILE in [c.value for c in wb["说明 Notes"]["D"]]


def test_forged_note_requests_are_refused_and_store_nothing(url):
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)
    values = {
        "note-add.n_clicks": 1,
        "note-year.value": 2016,
        "note-text.value": "forged note",
        "url.pathname": "/region/621100",
        "view-state.data": {"indicator": INDICATOR},
    }
    for who, status in (("viewer1", 403), ("planner_shaanxi", 200), ("approver_dingxi", 200)):
        client = app.server.test_client()
        assert login(client, who).status_code == 302
        response = post_callback(client, payload(app, "note-add.n_clicks", values))
        assert response.status_code == status
    listed = json.loads(run(url, "notes", "list", "--format", "json").stdout)
    assert [n["author"] for n in listed] == ["planner_dingxi", "approver_dingxi"]  # only the approver of 定西 added


def test_editing_a_note_on_the_page_keeps_its_history_and_needs_the_region(url):
    app = create_app(url, build_if_empty=False, progress=lambda _m: None, public_read=False, secret_key=SECRET)
    values = {
        "note-add.n_clicks": 1,
        "note-editing.data": 1,
        "note-year.value": 2016,
        "note-text.value": "2016年 洪灾,搬迁推迟",
        "url.pathname": "/region/610000",  # a forger's page: the note's own region decides
        "view-state.data": {"indicator": INDICATOR},
    }
    for who, status in (("analyst1", 200), ("planner_shaanxi", 200), ("viewer1", 403)):
        client = app.server.test_client()
        assert login(client, who).status_code == 302
        response = post_callback(client, payload(app, "note-add.n_clicks", values))
        assert response.status_code == status
        if who == "planner_shaanxi":
            assert "note-refused" in answer_text(response)
    client = app.server.test_client()
    assert login(client, "analyst1").status_code == 302
    response = post_callback(client, payload(app, "note-add.n_clicks", {**values, "note-editing.data": 99}))
    assert "说明 99 不存在 / note 99 does not exist" in answer_text(response)
    (note,) = json.loads(run(url, "notes", "list", "--format", "json").stdout)
    assert (note["text"], note["edited_by"]) == ("2016年 洪灾,搬迁推迟", "analyst1")
    assert [h["author"] for h in note["history"]] == ["planner_dingxi", "analyst1"]


@pytest.mark.parametrize(
    ("change", "chinese", "english"),
    [
        ({"--indicator": "happiness"}, "未知指标 happiness:见 data/indicators.csv", "unknown indicator happiness: see"),
        ({"--year": "1900"}, "年份 1900:请填写说明所指的年份,如 2019", "year 1900: write the year the note is about"),
        ({"--text": "  "}, "说明为空:请写明发生了什么,如 2019年", "the note is empty: write what happened, e.g."),
        ({"--text": "长" * 2001}, "说明有 2001 个字符,请控制在 2000 个以内", "the note has 2001 characters; keep it"),
    ],
)
def test_a_refused_note_says_why_in_chinese_then_english(url, change, chinese, english):
    add = {"--region": "621100", "--indicator": INDICATOR, "--year": "2019", "--text": "x", "--user": "analyst1"}
    result = run(url, "notes", "add", *[arg for pair in {**add, **change}.items() for arg in pair])
    assert result.exit_code == 1 and chinese in result.output and f" / {english}" in result.output


def test_editing_a_missing_note_says_where_the_ids_are(url):
    result = run(url, "notes", "edit", "99", "--text", "x", "--user", "analyst1")
    message = "说明 99 不存在(etl notes list 列出编号) / note 99 does not exist (etl notes list shows the ids)"
    assert result.exit_code == 1 and message in result.output
    with pytest.raises(NoteError) as refused, transaction(session_factory(make_engine(url))) as s:
        edit_note(s, 99, "x", "analyst1")
    assert str(refused.value) == message


def test_a_note_with_a_control_character_is_refused_and_a_line_break_kept(url):
    add = ["notes", "add", "--region", "621100", "--indicator", INDICATOR, "--year", "2019", "--user", "analyst1"]
    refused = run(url, *add, "--text", "洪灾\x1b[2J推迟")
    assert refused.exit_code == 1 and "说明中第 3 个字符处有控制字符 U+001B (␛),请删除后重新保存" in refused.output
    assert "/ note: control character U+001B (␛) at position 3; delete it and save again" in refused.output
    assert run(url, "notes", "edit", "1", "--text", "a\x07b", "--user", "analyst1").exit_code == 1
    assert run(url, *add, "--text", "第一行\r\n第二行").exit_code == 0
    texts = [n["text"] for n in json.loads(run(url, "notes", "list", "--format", "json").stdout)]
    assert texts == [HOSTILE, "第一行\n第二行"]
