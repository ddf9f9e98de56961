"""Template -> fill -> import -> dump -> revert -> dump, with real .xlsx and .csv files and the real CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from etl.cli import cli
from tests.upload_files import ACTUAL_HEADERS, TARGET_HEADERS, actual_row, csv_bytes, target_row


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args], catch_exceptions=False)


def dumps(db_url: str) -> tuple[str, str]:
    return run(db_url, "dump", "targets").stdout, run(db_url, "dump", "actuals").stdout


def test_template_round_trip_import_then_revert_restores_every_value(db_url, tmp_path):
    before = dumps(db_url)
    template = tmp_path / "陕西-template.xlsx"
    assert run(db_url, "template", str(template), "--region", "610000").exit_code == 0
    book = load_workbook(template)
    assert book.sheetnames[:3] == ["说明 Instructions", "目标 Targets", "实际 Actuals"]
    targets, actuals = book["目标 Targets"], book["实际 Actuals"]
    assert targets.data_validations.dataValidation, "the template has drop-down lists"
    prefilled = [[c.value for c in row] for row in targets.iter_rows(min_row=2)]
    assert any(r[0] == "610000" and r[2].endswith("poor_population_reduced") for r in prefilled)
    # The planner restates the 2019 target and reports a 2020 result, typed as planners type.
    for row in targets.iter_rows(min_row=2):
        if row[0].value == "610000" and row[2].value.endswith("poor_population_reduced") and row[4].value == 2019:
            row[6].value = "56.4万"
    actuals.append(
        actual_row(code="", name="延长县", indicator="脱贫户数", end=2016, value="１,２３４户", note="synthetic")
    )
    book.save(tmp_path / "filled.xlsx")

    dry = run(db_url, "import", str(tmp_path / "filled.xlsx"), "--dry-run", "--format", "json")
    report = json.loads(dry.stdout)
    assert dry.exit_code == 0 and report["valid"], report["errors"]
    assert report["counts"]["changed"] == 1 and report["counts"]["new"] == 1 and report["counts"]["unchanged"] > 0
    changed = next(c for c in report["changes"] if c["status"] == "changed")
    assert (changed["old_value"], changed["new_value"]) == (565000, 564000)
    assert dumps(db_url) == before, "a dry run writes nothing"

    done = run(
        db_url,
        "import",
        str(tmp_path / "filled.xlsx"),
        "--note",
        "2019 政府工作报告 restatement",
        "--user",
        "王芳",
        "--format",
        "json",
    )
    batch_id = json.loads(done.stdout)["batch_id"]
    assert done.exit_code == 0
    targets_csv, actuals_csv = dumps(db_url)
    assert "610000,陕西省,poor_population_reduced,2019,2019,564000,=,人," in targets_csv
    assert f"batch {batch_id}: filled.xlsx" in targets_csv
    # a row without a source link cites none: uploaded, not official
    assert f"610621,延长县,households_exited,2016,2016,1234,户,uploaded,batch {batch_id}: filled.xlsx" in actuals_csv

    listed = json.loads(run(db_url, "batches", "--format", "json").stdout)[0]
    assert (listed["id"], listed["kind"], listed["user_name"], listed["file_name"]) == (
        batch_id,
        "upload",
        "王芳",
        "filled.xlsx",
    )
    assert (listed["rows_targets"], listed["rows_actuals"], len(listed["sha256"])) == (1, 1, 64)
    assert listed["note"] == "2019 政府工作报告 restatement"

    again = run(db_url, "import", str(tmp_path / "filled.xlsx"), "--note", "twice")
    assert again.exit_code == 0 and "nothing to import" in again.stdout

    assert run(db_url, "revert", str(batch_id), "--user", "王芳").exit_code == 0
    assert dumps(db_url) == before
    twice = run(db_url, "revert", str(batch_id))
    assert twice.exit_code == 1 and f"批次 {batch_id} 已撤销(王芳 于 " in twice.output
    assert f"/ batch {batch_id} was already reverted by 王芳 at " in twice.output


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_chinese_excel_writes(db_url, tmp_path, encoding):
    path = tmp_path / f"actuals-{encoding}.csv"
    path.write_bytes(
        csv_bytes([ACTUAL_HEADERS, actual_row(code="", name="陕西省", end=2020, value="12,345")], encoding)
    )
    result = run(db_url, "import", str(path), "--kind", "actual", "--dry-run", "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0, report
    assert report["changes"][0]["region_code"] == "610000" and report["changes"][0]["new_value"] == 12345


def test_targets_csv_with_reference_columns_keeps_source_link_and_quote(db_url, tmp_path):
    rows = [
        [
            "region_code",
            "region_name",
            "indicator",
            "period_start",
            "period_end",
            "value",
            "unit",
            "reliability",
            "source_url",
            "quote",
            "note",
        ],
        [
            "610000",
            "陕西省",
            "poor_population_reduced",
            2020,
            2020,
            290000,
            "人",
            "repost",
            "http://example.org/synthetic",
            "synthetic quote",
            "synthetic",
        ],
    ]
    path = tmp_path / "targets.csv"
    path.write_bytes(csv_bytes(rows))
    result = run(db_url, "import", str(path), "--kind", "target", "--note", "synthetic test")
    assert result.exit_code == 0, result.stdout
    assert "http://example.org/synthetic,synthetic quote" in run(db_url, "dump", "targets").stdout


def test_a_formula_gives_its_saved_value_and_is_never_calculated(db_url, tmp_path):
    from tests.upload_files import Formula, targets_xlsx, with_cached_formula

    data = with_cached_formula(targets_xlsx(target_row(value=Formula("=1+1"))), "1+1", "290000")
    path = tmp_path / "formula.xlsx"
    path.write_bytes(data)
    report = json.loads(run(db_url, "import", str(path), "--dry-run", "--format", "json").stdout)
    assert report["valid"] and report["changes"][0]["new_value"] == 290000


def test_template_without_region_is_empty_and_valid_header_only(db_url, tmp_path):
    path = tmp_path / "blank.xlsx"
    assert run(db_url, "template", str(path)).exit_code == 0
    assert [c.value for c in load_workbook(path)["目标 Targets"][1]] == TARGET_HEADERS
    result = run(db_url, "import", str(path), "--dry-run", "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["errors"][0]["code"] == "NoData"


def test_percent_typed_in_excel_is_read_as_shown(db_url, tmp_path):
    from openpyxl import Workbook

    from tests.upload_files import ACTUAL_HEADERS

    book = Workbook()
    sheet = book.active
    sheet.title = "实际 Actuals"
    sheet.append(ACTUAL_HEADERS)
    sheet.append(actual_row(indicator="poverty_incidence", end=2016, value=0.0075))
    sheet.append(actual_row(indicator="poor_population", end=2016, value=0.08))
    sheet["F2"].number_format = "0.00%"  # Excel stores a typed 0.75% as 0.0075 shown as a percentage
    sheet["F3"].number_format = "0%"
    book.save(tmp_path / "rates.xlsx")
    report = json.loads(run(db_url, "import", str(tmp_path / "rates.xlsx"), "--dry-run", "--format", "json").stdout)
    assert [(e["code"], e["row"], e["value"]) for e in report["errors"]] == [("UnitMismatch", 3, "8%")]
    sheet.delete_rows(3)
    book.save(tmp_path / "rates.xlsx")
    report = json.loads(run(db_url, "import", str(tmp_path / "rates.xlsx"), "--dry-run", "--format", "json").stdout)
    assert report["valid"] and report["changes"][0]["new_value"] == 0.75


def _dropdown_choices(sheet, column_letter: str) -> set[str]:
    for dv in sheet.data_validations.dataValidation:
        if any(str(r).startswith(f"{column_letter}2:") for r in dv.sqref.ranges):
            return set(dv.formula1.strip('"').split(","))
    raise AssertionError(f"no drop-down list on column {column_letter}")


def test_prefilled_template_uploaded_unchanged_has_nothing_to_import(db_url, tmp_path):
    # An "about" target (约3万, synthetic) and a ≥ one, so the pre-filled comparator column holds more than "=".
    rows = [
        TARGET_HEADERS,
        target_row(code="610000", indicator="households_exited", start=2020, end=2020, value="约3万", note="synthetic"),
        target_row(code="610000", indicator="poverty_incidence", start=2020, end=2020, value="≤1%", note="synthetic"),
    ]
    (tmp_path / "about.csv").write_bytes(csv_bytes(rows))
    assert run(db_url, "import", str(tmp_path / "about.csv"), "--kind", "target", "--note", "synthetic").exit_code == 0

    template = tmp_path / "prefilled.xlsx"
    assert run(db_url, "template", str(template), "--region", "610000").exit_code == 0
    book = load_workbook(template)
    targets = book["目标 Targets"]
    column = TARGET_HEADERS.index(next(h for h in TARGET_HEADERS if "comparator" in h))
    letter = targets.cell(1, column + 1).column_letter
    cells = {row[column].value for row in targets.iter_rows(min_row=2)}
    assert {"~", "≤"} <= cells, cells
    assert cells <= _dropdown_choices(targets, letter), "every pre-filled comparator is one the drop-down offers"

    book.save(tmp_path / "unchanged.xlsx")  # written and read back as a planner's Excel would
    report = json.loads(run(db_url, "import", str(tmp_path / "unchanged.xlsx"), "--dry-run", "--format", "json").stdout)
    assert report["valid"], report["errors"]
    assert (report["counts"]["new"], report["counts"]["changed"]) == (0, 0) and report["counts"]["unchanged"] > 2
    result = run(db_url, "import", str(tmp_path / "unchanged.xlsx"), "--note", "unchanged")
    assert result.exit_code == 0 and "nothing to import" in result.stdout


def test_a_rate_may_span_only_the_several_years_a_stored_plan_gives_it(db_url, tmp_path):
    """陕西's plan gives the rise of funds for deeply poor counties over 2018–2020: the template pre-fills that
    period, so an upload may restate it; any other several-year period of a rate is still refused."""
    indicator = "other:deep_poverty_funds_increase"
    rows = [
        TARGET_HEADERS,
        target_row(indicator=indicator, start=2018, end=2020, value="25%", note="synthetic"),
        target_row(indicator=indicator, start=2018, end=2019, value="25%", note="synthetic"),
    ]
    (tmp_path / "rates.csv").write_bytes(csv_bytes(rows))
    result = run(db_url, "import", str(tmp_path / "rates.csv"), "--kind", "target", "--dry-run", "--format", "json")
    errors = json.loads(result.stdout)["errors"]
    assert [(e["code"], e["row"]) for e in errors] == [("StockAsFlow", 3)], errors
