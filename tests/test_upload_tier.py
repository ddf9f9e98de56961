"""The optional 档次 tier column of uploads: a stretch target is stored beside the committed one, not as a
duplicate of it, and a re-upload finds both unchanged."""

from __future__ import annotations

from click.testing import CliRunner

from etl.cli import cli
from tests.upload_files import TARGET_HEADERS, target_row, xlsx

T = "目标 Targets"


def run(db_url, *args):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args])


def _book(tmp_path, rows):
    path = tmp_path / "tiers.xlsx"
    path.write_bytes(xlsx({T: [[*TARGET_HEADERS, "档次 tier"], *rows]}))
    return path


def test_committed_and_stretch_rows_of_one_target_are_both_stored_and_reupload_is_unchanged(db_url, tmp_path):
    rows = [
        [*target_row(code="621123", name="", end=2020, value="1.2万"), "必成"],
        [*target_row(code="621123", name="", end=2020, value="1.5万"), "力争"],
    ]
    path = _book(tmp_path, rows)
    first = run(db_url, "import", str(path), "--note", "渭源 2020 两档目标", "--user", "王芳")
    assert first.exit_code == 0, first.output
    assert "2 new, 0 changed, 0 unchanged" in first.output
    dump = run(db_url, "dump", "targets").stdout.splitlines()
    mine = sorted(
        (line.split(",")[5], line.rsplit(",", 1)[1])
        for line in dump
        if line.startswith("621123,渭源县,poor_population_reduced,2020,2020,")
    )
    assert mine == [("12000", "committed"), ("15000", "stretch")]
    again = run(db_url, "import", str(path), "--dry-run")
    assert again.exit_code == 0 and "0 new, 0 changed, 2 unchanged" in again.output


def test_an_unknown_tier_is_located_at_its_cell(db_url, tmp_path):
    path = _book(tmp_path, [[*target_row(code="621123", name="", end=2020, value="1.2万"), "也许"]])
    result = run(db_url, "import", str(path), "--dry-run")
    assert result.exit_code == 1
    where = "目标 Targets, row 2, column M (档次 tier): "
    assert where + "'也许' 既不是 必成 也不是 力争 / '也许' is neither 必成 committed nor 力争 stretch" in result.output
