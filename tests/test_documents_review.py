"""The documents page's own pieces: files held per account, grid edits read back, the quote shown as text."""

from __future__ import annotations

import json

import pytest
from dash import html

from db.region_names import regions_matching
from db.session import make_engine, session_factory
from etl.held_documents import hold, hold_json, hold_read, read_json, read_progress, write_progress
from etl.reviewed_rows import apply_edits, parse_period
from etl.values import ValueProblem
from layouts.documents_grid import grid_row, quote_view

QUOTE = "确保2016年全市减少贫困人口10万人"
PARAGRAPH = f"会议指出,{QUOTE},贫困发生率下降到8%以下。"
PROPOSED = {
    "row_id": "r1",
    "kind": "target",
    "region_code": "621100",
    "region_name": "定西市",
    "indicator": "poor_population_reduced",
    "indicator_name": "减贫人数",
    "period_start": 2016,
    "period_end": 2016,
    "value": 100000.0,
    "unit": "人",
    "comparator": ">=",
    "tier": "committed",
    "quote": QUOTE,
    "start": 120,
    "end": 120 + len(QUOTE),
    "paragraph": PARAGRAPH,
    "paragraph_quote_start": PARAGRAPH.index(QUOTE),
    "paragraph_quote_end": PARAGRAPH.index(QUOTE) + len(QUOTE),
    "confidence": 0.9,
    "ocr": False,
}
CATALOGUE = {
    "poor_population_reduced": {"code": "poor_population_reduced", "name_zh": "减贫人数", "unit": "人"},
    "poverty_incidence": {"code": "poverty_incidence", "name_zh": "贫困发生率", "unit": "%"},
}


@pytest.fixture
def seed_session(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        yield session


def test_a_held_file_is_read_back_only_by_its_owner(tmp_path):
    sha = hold("7", b"plan text", tmp_path)
    assert hold_read("7", sha, tmp_path) == b"plan text"
    assert hold_read("8", sha, tmp_path) is None  # another account, same sha256
    assert (tmp_path / "7").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "7" / sha).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("owner, sha", [("../7", "0" * 64), ("7", "../../etc/passwd"), ("7", None), ("", "0" * 64)])
def test_paths_that_are_not_an_account_and_a_sha256_read_nothing(tmp_path, owner, sha):
    hold("7", b"x", tmp_path)
    assert hold_read(owner, sha, tmp_path) is None
    assert read_json(owner, sha, tmp_path) is None


def test_the_proposal_is_kept_beside_its_file(tmp_path):
    sha = hold("7", b"plan text", tmp_path)
    hold_json("7", sha, {"rows": [PROPOSED]}, tmp_path)
    assert read_json("7", sha, tmp_path)["rows"][0]["quote"] == QUOTE
    assert read_json("8", sha, tmp_path) is None


def test_reading_progress_is_per_account(tmp_path):
    assert read_progress("7", tmp_path) is None
    write_progress("7", "t1", 3, 12, directory=tmp_path)
    assert read_progress("7", tmp_path) == {"token": "t1", "done": 3, "total": 12, "finished": False}
    write_progress("7", "t1", 12, 12, finished=True, directory=tmp_path)
    assert read_progress("7", tmp_path)["finished"] is True
    assert read_progress("8", tmp_path) is None


@pytest.mark.parametrize(
    "text, period",
    [
        ("2020", (2020, 2020)),
        ("2020年", (2020, 2020)),
        ("2018-2020", (2018, 2020)),
        ("2018–2020年", (2018, 2020)),
        ("2018至2020", (2018, 2020)),
        ("２０２０", (2020, 2020)),
    ],
)
def test_periods_as_reviewers_type_them(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["", "20", "明年", "2020-2018"])
def test_a_period_that_is_not_one_says_how_to_write_it(text):
    with pytest.raises(ValueProblem):
        parse_period(text)


def _grid(**changes) -> dict:
    return {**grid_row(PROPOSED), **changes}


def test_edits_are_applied_to_the_servers_row_and_the_quote_is_never_taken_from_the_browser(seed_session):
    edit = _grid(value_text="12.5万", period_text="2016-2017", tier="stretch", quote="伪造 forged", start=0)
    rows, problems = apply_edits([PROPOSED], [edit], lambda t: regions_matching(seed_session, t), CATALOGUE)
    assert problems == {}
    assert rows == [{**PROPOSED, "value": 125000.0, "period_end": 2017, "tier": "stretch"}]


def test_rejected_and_unknown_rows_are_left_out(seed_session):
    proposed = [PROPOSED, {**PROPOSED, "row_id": "r2"}]
    grid = [_grid(accept=False), _grid(row_id="r2"), _grid(row_id="r99", value_text="1")]
    rows, _ = apply_edits(proposed, grid, lambda t: regions_matching(seed_session, t), CATALOGUE)
    assert [r["row_id"] for r in rows] == ["r2"]


def test_region_by_name_and_indicator_by_label_follow_the_catalogue(seed_session):
    edit = _grid(
        region_text="陕西省", indicator_label="贫困发生率 · poverty_incidence", value_text="3%", comparator="<="
    )
    rows, problems = apply_edits([PROPOSED], [edit], lambda t: regions_matching(seed_session, t), CATALOGUE)
    assert problems == {}
    assert (rows[0]["region_code"], rows[0]["indicator"], rows[0]["unit"], rows[0]["value"], rows[0]["comparator"]) == (
        "610000",
        "poverty_incidence",
        "%",
        3.0,
        "<=",
    )


def test_unreadable_edits_are_named_by_row_and_field(seed_session):
    edit = _grid(region_text="火星市", value_text="很多", period_text="明年", tier="maybe")
    _, problems = apply_edits([PROPOSED], [edit], lambda t: regions_matching(seed_session, t), CATALOGUE)
    text = " ".join(problems["r1"])
    for field in ("地区 region", "数值 value", "年份 year", "层级 tier"):
        assert field in text


def test_the_quote_is_marked_in_its_paragraph_as_text():
    view = quote_view({**PROPOSED, "paragraph": PARAGRAPH}, "zh")
    block = view.children[-1]
    before, mark, after = block.children
    assert isinstance(mark, html.Mark) and mark.children == QUOTE
    assert before + mark.children + after == PARAGRAPH


def test_markup_in_a_document_stays_text():
    evil = '<img src=x onerror="alert(1)">'
    view = quote_view(
        {
            **PROPOSED,
            "quote": evil,
            "paragraph": f"前文{evil}后文",
            "paragraph_quote_start": 2,
            "paragraph_quote_end": 2 + len(evil),
        },
        "en",
    )
    serialised = json.dumps(view.to_plotly_json(), default=lambda c: c.to_plotly_json())
    assert evil.replace('"', '\\"') in serialised  # a string child: React renders it as text, never as HTML
    assert '"type": "Img"' not in serialised


def test_the_grid_shows_values_the_way_planners_write_them():
    row = grid_row({**PROPOSED, "value": 285200.0, "period_start": 2016, "period_end": 2020, "ocr": True})
    assert (row["value_text"], row["period_text"], row["ocr"], row["accept"]) == (
        "28.52万人",
        "2016-2020",
        "⚠ OCR",
        True,
    )


def test_a_held_proposal_is_rebuilt_for_its_owner_only_and_checked_against_their_regions(
    seed_session, tmp_path, monkeypatch
):
    from etl import intake
    from etl.document_review import held_proposal, hold_proposal, review
    from etl.documents import text_document
    from layouts.documents_grid import grid_row
    from tests.plan_docx import dingxi_plan

    monkeypatch.setattr("etl.held_documents.held_dir", lambda: tmp_path)
    proposal = intake.propose(seed_session, text_document("\n".join(dingxi_plan())), "定西.txt")
    state = {"sha256": proposal.sha256, "file_name": "定西.txt", "region": None, "date": None}
    hold_proposal("7", proposal, state)
    rebuilt = held_proposal("7", state)
    assert (rebuilt.rows, rebuilt.text, rebuilt.title, rebuilt.sha256) == (
        proposal.rows,
        proposal.text,
        proposal.title,
        proposal.sha256,
    )
    assert held_proposal("8", state) is None
    assert held_proposal("7", {**state, "region": "621122"}) is None  # made with other overrides
    grid = [grid_row(r) for r in proposal.rows]
    rows, problems = review(seed_session, "7", grid, state, allowed_regions={"621100"})
    assert len(rows) == len(grid) and problems == {}
    _, foreign = review(seed_session, "7", grid, state, allowed_regions={"610000"})
    assert set(foreign) == {str(r["row_id"]) for r in proposal.rows}
