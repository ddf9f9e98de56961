"""`python -m etl export` and `python -m etl report` through click's CliRunner, writing real files."""

from __future__ import annotations

import io

import openpyxl
import pytest
from click.testing import CliRunner

from etl.cli import cli


@pytest.fixture
def run(seed_db_url):
    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--database-url", seed_db_url, *args], catch_exceptions=False)

    return invoke


@pytest.mark.parametrize(
    ("fmt", "magic"),
    [("png", b"\x89PNG\r\n\x1a\n"), ("svg", b"<svg"), ("pdf", b"%PDF-"), ("csv", b"\xef\xbb\xbf"), ("xlsx", b"PK")],
)
def test_export_writes_each_format(run, tmp_path, fmt, magic):
    out = tmp_path / "out" / f"dingxi.{fmt}"
    result = run("export", "--region", "621100", "--indicator", "poor_population_reduced", "--format", fmt, str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)
    assert f"{out}:" in result.output
    assert [p.name for p in out.parent.iterdir()] == [out.name], "no temporary file left behind"


def test_export_takes_the_format_from_the_file_name(run, tmp_path):
    out = tmp_path / "dingxi.xlsx"
    result = run("export", "--region", "621100", "--indicator", "poor_population_reduced", str(out))
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(io.BytesIO(out.read_bytes())).sheetnames[0] == "数据 Data"


def test_export_of_an_unknown_indicator_fails_clearly_and_writes_nothing(run, tmp_path):
    out = tmp_path / "x.png"
    result = run("export", "--region", "621100", "--indicator", "no_such_thing", str(out))
    assert result.exit_code == 1
    assert "indicator 'no_such_thing' not found" in result.output
    assert not out.exists()


@pytest.mark.parametrize("suffix", ["pdf", "xlsx"])
def test_report_writes_the_briefing_pack(run, tmp_path, suffix):
    out = tmp_path / f"shaanxi.{suffix}"
    result = run("report", "--region", "610000", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")


def test_report_refuses_an_unknown_suffix(run, tmp_path):
    result = run("report", "--region", "610000", str(tmp_path / "shaanxi.docx"))
    assert result.exit_code == 2
    assert "cannot tell the format; give an OUT ending in .pdf, .xlsx" in result.output


def test_report_on_an_unknown_region_fails_clearly(run, tmp_path):
    result = run("report", "--region", "999999", str(tmp_path / "x.pdf"))
    assert result.exit_code == 1
    assert "region '999999' not found" in result.output


def test_export_follows_the_pages_plan_and_years(run, tmp_path):
    out = tmp_path / "cumulative.csv"
    args = ["--chart", "cumulative", "--plan", "revised", "--years", "2014-2016", str(out)]
    result = run("export", "--region", "621100", "--indicator", "poor_population_reduced", *args)
    assert result.exit_code == 0, result.output
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    assert "累计计划" in lines[1]
    assert {line.split(",")[5] for line in lines[1:]} <= {"2014", "2015", "2016"}


def test_export_rejects_badly_written_years(run, tmp_path):
    result = run(
        "export",
        "--region",
        "621100",
        "--indicator",
        "poor_population_reduced",
        "--years",
        "2016",
        str(tmp_path / "x.csv"),
    )
    assert result.exit_code == 2
    assert "write the years as FROM-TO" in result.output
