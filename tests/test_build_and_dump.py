"""`etl build` and `etl dump`: the seed targets and actuals, their quotes, and idempotent rebuilds."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import cli

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"


def run(db_url: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--database-url", db_url, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def dump(db_url: str, what: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(run(db_url, "dump", what, "--format", "csv"))))


@pytest.fixture(scope="module")
def targets(seed_db_url) -> list[dict]:
    return dump(seed_db_url, "targets")


@pytest.fixture(scope="module")
def actuals(seed_db_url) -> list[dict]:
    return dump(seed_db_url, "actuals")


# (region_code, indicator, period_start, period_end, value, comparator, number as written in the quote)
SEED_TARGETS = [
    ("621100", "poor_population_reduced", 2015, 2015, 125000, "=", "12.5万"),
    ("621100", "poor_population_reduced", 2016, 2016, 285200, "=", "28.52万"),
    ("621100", "poor_population_reduced", 2017, 2017, 216500, "=", "21.65万"),
    ("621122", "counties_exited", 2016, 2016, 1, "=", "陇西"),
    ("621102", "counties_exited", 2016, 2016, 1, "=", "安定"),
    ("621124", "counties_exited", 2016, 2016, 1, "=", "临洮"),
    ("621125", "counties_exited", 2017, 2017, 1, "=", "漳县"),
    ("621123", "counties_exited", 2017, 2017, 1, "=", "渭源"),
    ("621121", "counties_exited", 2017, 2017, 1, "=", "通渭"),
    ("621126", "counties_exited", 2017, 2017, 1, "=", "岷县"),
    ("621100", "poverty_incidence", 2017, 2017, 8, "<=", "8%"),  # 以下 includes the number (issue 12)
    ("610000", "poor_population_reduced", 2018, 2018, 1017000, "=", "101.7万"),
    ("610000", "poor_population_reduced", 2019, 2019, 635000, "=", "63.5万"),
    ("610000", "poor_population_reduced", 2020, 2020, 180700, "=", "18.07万"),
    ("610000", "counties_exited", 2018, 2018, 23, "=", "23个"),
    ("610000", "counties_exited", 2019, 2019, 29, "=", "29个"),
    ("411702", "villages_exited", 2016, 2016, 9, "=", "9个"),
    ("411702", "villages_exited", 2017, 2017, 12, "=", "12个"),
    ("411702", "villages_exited", 2018, 2018, 12, "=", "12个"),
    ("411702", "households_exited", 2016, 2016, 1756, "=", "1756户"),
    ("411702", "households_exited", 2017, 2017, 2188, "=", "2188户"),
    ("411702", "households_exited", 2018, 2018, 1925, "=", "1925户"),
    ("411702", "poor_population_reduced", 2016, 2016, 6000, "=", "0.6万"),
    ("411702", "poor_population_reduced", 2017, 2017, 7539, "=", "0.7539万"),
    ("411702", "poor_population_reduced", 2018, 2018, 7000, "=", "0.7万"),
    ("210781", "villages_exited", 2017, 2017, 6, "=", "6个"),
    ("210781", "poor_population_reduced", 2017, 2017, 2400, "=", "2400人"),
    ("460000", "villages_exited", None, 2015, 300, "=", "300个"),
    ("460000", "villages_exited", None, 2020, 600, "=", "600个"),
]


def _matches(row: dict, code, indicator, start, end, value, comparator) -> bool:
    return (
        row["region_code"] == code
        and row["indicator"] == indicator
        and int(row["period_end"]) == end
        and (start is None or int(row["period_start"]) == start)
        and float(row["value"]) == value
        and row["comparator"] == comparator
    )


@pytest.mark.parametrize("code, indicator, start, end, value, comparator, written", SEED_TARGETS)
def test_every_seed_target_is_dumped_with_its_exact_quote(
    targets, code, indicator, start, end, value, comparator, written
):
    found = [r for r in targets if _matches(r, code, indicator, start, end, value, comparator)]
    assert found, f"missing target {code} {indicator} {start}-{end} {value}"
    row = found[0]
    text = (SOURCES / row["source"]).read_text(encoding="utf-8")
    assert row["quote"] in text
    assert written in row["quote"]
    assert row["plan_version"]


def test_revision_is_a_separate_plan_version(targets):
    shaanxi_2019 = [r for r in targets if _matches(r, "610000", "poor_population_reduced", 2019, 2019, 565000, "=")]
    assert len(shaanxi_2019) == 1
    assert "restatement" in shaanxi_2019[0]["plan_version"]
    assert shaanxi_2019[0]["source"].startswith("http")


def test_actuals_hold_published_figures_and_the_result_stated_in_a_plan(actuals):
    shaanxi = [
        r
        for r in actuals
        if r["region_code"] == "610000"
        and r["indicator"] == "poor_population_reduced"
        and r["period_end"] in ("2018", "2019", "2020")
    ]
    assert {(r["period_end"], r["value"]) for r in shaanxi} >= {
        ("2018", "1045000"),
        ("2019", "578800"),
        ("2020", "183400"),
    }
    assert all(r["source"].startswith("http") and r["quote"] for r in shaanxi)
    dingxi_2014 = [
        r
        for r in actuals
        if r["region_code"] == "621100" and r["period_end"] == "2014" and r["indicator"] == "poor_population_reduced"
    ]
    assert [r["value"] for r in dingxi_2014] == ["207600"]
    assert "20.76万" in dingxi_2014[0]["quote"]
    low = [r for r in actuals if r["reliability"] == "low"]
    assert low, "low-reliability figures must keep their flag"


def test_building_twice_leaves_identical_dumps(db_url):
    before = (run(db_url, "dump", "targets"), run(db_url, "dump", "actuals", "--format", "json"))
    run(db_url, "build")
    after = (run(db_url, "dump", "targets"), run(db_url, "dump", "actuals", "--format", "json"))
    assert before == after
    assert json.loads(after[1])


def test_build_from_scratch_twice_gives_the_same_contents(tmp_path):
    urls = [f"sqlite:///{tmp_path / name}" for name in ("a.db", "b.db")]
    for url in urls:
        run(url, "build")
    run(urls[1], "build")
    assert run(urls[0], "dump", "targets") == run(urls[1], "dump", "targets")
    assert run(urls[0], "dump", "actuals") == run(urls[1], "dump", "actuals")


def test_extract_cli_prints_json_lines_with_exact_quotes():
    path = SOURCES / "dingxi-2015-decision.txt"
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    keys = {
        "kind",
        "region",
        "region_code",
        "indicator",
        "period_start",
        "period_end",
        "year",
        "value",
        "unit",
        "comparator",
        "tier",
        "quote",
        "start",
        "end",
    }
    for rec in records:
        assert keys <= set(rec)  # the contract's fields at least (also ocr, file, the extractor's confidence)
        assert text[rec["start"] : rec["end"]] == rec["quote"]
        assert rec["year"] == rec["period_end"]
    assert any(r["kind"] == "target" and r["value"] == 285200 for r in records)


def test_extract_cli_reads_gbk_text(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("确保全市2015年减少贫困人口12.5万人。".encode("gbk"))
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["value"] == 125000


def test_extract_cli_rejects_a_binary_file_with_a_located_message(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", str(bad)])
    assert result.exit_code == 1
    assert "scan.txt" in result.output and "UTF-8" in result.output
