"""A table of bad files: each gets a located, readable error, and the database is unchanged afterwards."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from etl.cli import cli
from etl.filesafety import DEFAULT_LIMITS, OLE_MAGIC
from tests.upload_files import (
    ACTUAL_HEADERS,
    TARGET_HEADERS,
    Formula,
    actual_row,
    actuals_xlsx,
    csv_bytes,
    target_row,
    targets_xlsx,
    with_cached_formula,
    with_member,
    xlsx,
)

T, A = "目标 Targets", "实际 Actuals"


def _huge_csv() -> bytes:
    row = ",".join(actual_row()[:1]) + ",x" * 60 + "\n"
    return (",".join(ACTUAL_HEADERS) + "\n" + row * (DEFAULT_LIMITS.max_bytes // len(row) + 10)).encode()


def _many_rows_csv() -> bytes:
    return (",".join(ACTUAL_HEADERS) + "\n" + "610000\n" * (DEFAULT_LIMITS.max_rows + 5)).encode()


# name, file name, bytes (or a function making them), expected code, sheet, row, column letter (None: file level)
CASES = [
    # Point 2: reading
    (
        "csv not utf-8 nor gbk",
        "a.csv",
        "region_code,value\n610000,\xff\xfe\xfa\n".encode("latin-1") + b"\x80\xff",
        "FileProblem",
        "a.csv",
        None,
        None,
    ),
    ("value with 万 twice", "a.xlsx", targets_xlsx(target_row(value="12.5万万")), "NotANumber", T, 2, "G"),
    ("full-width letters", "a.xlsx", targets_xlsx(target_row(value="１２ａ")), "NotANumber", T, 2, "G"),
    ("only 以上", "a.xlsx", targets_xlsx(target_row(value="以上")), "NotANumber", T, 2, "G"),
    ("percent on a count", "a.xlsx", targets_xlsx(target_row(value="8%")), "UnitMismatch", T, 2, "G"),
    ("万 in value and unit", "a.xlsx", targets_xlsx(target_row(value="12万", unit="万人")), "UnitMismatch", T, 2, "H"),
    ("wrong unit column", "a.xlsx", targets_xlsx(target_row(value="120", unit="户")), "UnitMismatch", T, 2, "H"),
    ("unknown adcode", "a.xlsx", targets_xlsx(target_row(code="619999", name="")), "UnknownRegion", T, 2, "A"),
    ("unknown region name", "a.xlsx", targets_xlsx(target_row(code="", name="火星省")), "UnknownRegion", T, 2, "B"),
    (
        "code and name disagree",
        "a.xlsx",
        targets_xlsx(target_row(code="610000", name="甘肃省")),
        "RegionMismatch",
        T,
        2,
        "B",
    ),
    (
        "formula without saved value",
        "a.xlsx",
        targets_xlsx(target_row(value=Formula("=SUM(1,2)"))),
        "FormulaWithoutValue",
        T,
        2,
        "G",
    ),
    ("bad comparator", "a.xlsx", targets_xlsx(target_row(comparator="大约吧")), "UnknownComparator", T, 2, "F"),
    # Point 3: validation
    ("unknown indicator", "a.xlsx", targets_xlsx(target_row(indicator="快乐指数")), "UnknownIndicator", T, 2, "C"),
    ("not a number", "a.xlsx", targets_xlsx(target_row(value="很多")), "NotANumber", T, 2, "G"),
    ("negative count", "a.xlsx", actuals_xlsx(actual_row(value="-5")), "NegativeCount", A, 2, "F"),
    (
        "rate over 100",
        "a.xlsx",
        actuals_xlsx(actual_row(indicator="poverty_incidence", value="120%")),
        "RateOutOfRange",
        A,
        2,
        "F",
    ),
    ("year outside the plans", "a.xlsx", targets_xlsx(target_row(end=2091)), "YearOutsidePlan", T, 2, "E"),
    ("year not a year", "a.xlsx", targets_xlsx(target_row(end="明年")), "BadYear", T, 2, "E"),
    ("period reversed", "a.xlsx", targets_xlsx(target_row(start=2020, end=2018)), "PeriodReversed", T, 2, "D"),
    ("duplicate rows", "a.xlsx", targets_xlsx(target_row(), target_row()), "DuplicateRow", T, 3, "G"),
    (
        "conflicting rows",
        "a.xlsx",
        targets_xlsx(target_row(value="28万"), target_row(value="29万")),
        "ConflictingRow",
        T,
        3,
        "G",
    ),
    (
        "conflict across sheets by name",
        "a.xlsx",
        xlsx({T: [TARGET_HEADERS, target_row()], "目标 Targets (2)": [TARGET_HEADERS, target_row(code="", value="1")]}),
        "ConflictingRow",
        "目标 Targets (2)",
        2,
        "G",
    ),
    (
        "stock reported as a flow",
        "a.xlsx",
        actuals_xlsx(actual_row(indicator="poor_population", start=2016, end=2019)),
        "StockAsFlow",
        A,
        2,
        "D",
    ),
    ("missing value", "a.xlsx", targets_xlsx(target_row(value="")), "MissingValue", T, 2, "G"),
    (
        "missing value column",
        "a.xlsx",
        xlsx({T: [["地区 region", "指标 indicator", "数值 value"][:2], ["610000", "x"]]}),
        "MissingColumn",  # the sheet with data rows is named, not skipped as if it held none
        T,
        1,
        "数值 value",
    ),
    (
        "missing indicator column",
        "a.xlsx",
        xlsx({T: [["地区代码 region_code", "年份 year", "数值 value"], ["610000", 2020, 1]]}),
        "MissingColumn",
        T,
        1,
        None,
    ),
    ("csv without kind", "a.csv", csv_bytes([ACTUAL_HEADERS, actual_row()]), "MissingColumn", "a.csv", 1, None),
    ("bad reliability", "a.xlsx", targets_xlsx(target_row(reliability="听说")), "BadReliability", T, 2, "K"),
    ("bad source link", "a.xlsx", targets_xlsx(target_row(url="javascript:alert(1)")), "BadUrl", T, 2, "I"),
    (
        "formula text is data",
        "a.xlsx",
        targets_xlsx(target_row(code="", name='=HYPERLINK("http://x","陕西")')),
        "UnknownRegion",
        T,
        2,
        "B",
    ),
    ("empty workbook", "a.xlsx", xlsx({T: [TARGET_HEADERS]}), "NoData", "a.xlsx", None, None),
    # Point 7: limits and hostile files
    ("too large", "big.csv", _huge_csv, "FileProblem", "big.csv", None, None),
    ("too many rows", "rows.csv", _many_rows_csv, "FileProblem", "rows.csv", None, None),
    ("xlsm by name", "a.xlsm", targets_xlsx(target_row()), "FileProblem", "a.xlsm", None, None),
    (
        "macros inside an .xlsx",
        "a.xlsx",
        with_member(targets_xlsx(target_row()), "xl/vbaProject.bin", b"\x00" * 64),
        "FileProblem",
        "a.xlsx",
        None,
        None,
    ),
    ("encrypted workbook", "a.xlsx", OLE_MAGIC + b"\x00" * 4096, "FileProblem", "a.xlsx", None, None),
    ("old .xls", "a.xls", OLE_MAGIC + b"\x00" * 4096, "FileProblem", "a.xls", None, None),
    ("png named .xlsx", "a.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "FileProblem", "a.xlsx", None, None),
    (
        "zip that is no workbook",
        "a.xlsx",
        with_member(b"PK\x05\x06" + b"\x00" * 18, "hello.txt", b"hi"),
        "FileProblem",
        "a.xlsx",
        None,
        None,
    ),
    ("binary named .csv", "a.csv", targets_xlsx(target_row()), "FileProblem", "a.csv", None, None),
    ("pdf", "a.pdf", b"%PDF-1.4\n", "FileProblem", "a.pdf", None, None),
    (
        "zip bomb",
        "a.xlsx",
        lambda: with_member(targets_xlsx(target_row()), "xl/media/bomb.bin", b"\x00" * (80 << 20)),
        "FileProblem",
        "a.xlsx",
        None,
        None,
    ),
    ("truncated workbook", "a.xlsx", targets_xlsx(target_row())[:2000], "FileProblem", "a.xlsx", None, None),
]


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args], catch_exceptions=False)


def state(db_url: str) -> tuple[str, ...]:
    return tuple(
        run(db_url, *a).stdout for a in (("dump", "targets"), ("dump", "actuals"), ("batches", "--format", "json"))
    )


def test_the_table_covers_at_least_25_cases():
    assert len(CASES) >= 25


@pytest.mark.parametrize(
    ("name", "file_name", "data", "code", "sheet", "row", "column"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_file_gets_a_located_error_and_changes_nothing(
    db_url, tmp_path, name, file_name, data, code, sheet, row, column
):
    before = state(db_url)
    path = tmp_path / file_name
    path.write_bytes(data() if callable(data) else data)
    errors_out = tmp_path / "errors.xlsx"
    result = run(
        db_url, "import", str(path), "--note", "should not land", "--format", "json", "--errors-out", str(errors_out)
    )
    assert result.exit_code == 1, result.stdout
    report = json.loads(result.stdout)
    assert not report["valid"]
    found = [e for e in report["errors"] if e["code"] == code]
    assert found, report["errors"]
    error = found[0]
    assert error["sheet"] == sheet and error["row"] == row
    if column:
        assert error["column"].startswith(column + " ") or error["column"] == column
    assert error["message"] and error["hint"], "readable: what is wrong and how to fix it"
    if code == "FileProblem":  # whole-file refusals: the file name, then Chinese first, then English
        assert error["message"].startswith(f"{file_name}: ")
        for said in (error["message"], error["hint"]):
            assert " / " in said and re.search(r"[\u4e00-\u9fff]", said.split(" / ")[0]), said
    assert state(db_url) == before, "the database is unchanged"
    annotated = load_workbook(errors_out)
    summary = [[c.value for c in r] for r in annotated["错误汇总 Errors"].iter_rows(min_row=2)]
    assert any(r[6] == code for r in summary)


def test_text_output_names_sheet_row_and_column(db_url, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(targets_xlsx(target_row(indicator="快乐指数"), target_row(value="很多", end=2019)))
    result = run(db_url, "import", str(path), "--dry-run")
    assert result.exit_code == 1
    assert (
        "目标 Targets, row 2, column C (指标 indicator): 没有名为 '快乐指数' 的指标 / no indicator is called '快乐指数'"
    ) in result.stdout
    assert "目标 Targets, row 3, column G (数值 value): '很多' 不是数字 / '很多' is not a number" in result.stdout


def test_error_workbook_keeps_rows_marks_them_and_never_turns_text_into_formulas(db_url, tmp_path):
    data = targets_xlsx(target_row(code="", name='=HYPERLINK("http://x","陕西")'), target_row(end=2019, value="1"))
    path = tmp_path / "plan.xlsx"
    path.write_bytes(data)
    out = tmp_path / "errors.xlsx"
    assert run(db_url, "import", str(path), "--dry-run", "--errors-out", str(out)).exit_code == 1
    sheet = load_workbook(out)[T]
    assert sheet["B2"].value == '=HYPERLINK("http://x","陕西")' and sheet["B2"].data_type == "s"
    assert sheet.cell(1, len(TARGET_HEADERS) + 1).value == "错误 Errors"
    assert "UnknownRegion" not in (sheet.cell(2, len(TARGET_HEADERS) + 1).value or "x")
    assert "no region is called" in sheet.cell(2, len(TARGET_HEADERS) + 1).value
    assert sheet.cell(3, len(TARGET_HEADERS) + 1).value is None
    with zipfile.ZipFile(out) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))


def test_formula_without_value_in_a_fresh_openpyxl_file_is_located(db_url, tmp_path):
    data = with_cached_formula(actuals_xlsx(actual_row(value=Formula("=2*3"))), "2*3", None)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(data)
    report = json.loads(run(db_url, "import", str(path), "--dry-run", "--format", "json").stdout)
    assert [(e["code"], e["row"], e["column"], e["value"]) for e in report["errors"]] == [
        ("FormulaWithoutValue", 2, "F", "=2*3")
    ]


def test_numbers_in_row_problems_read_as_the_cells_show_them(db_url, tmp_path):
    """A number cell read as 20.0 is 20 in the refusal (the 值 column and the message), as the spreadsheet shows it."""
    path = tmp_path / "plan.xlsx"
    rows = [actual_row(value=20.0), actual_row(value=20.0), actual_row(end=2018, value=285200.0)]
    rows.append(actual_row(end=2018, value=1234567.0))
    path.write_bytes(actuals_xlsx(*rows))
    report = json.loads(run(db_url, "import", str(path), "--dry-run", "--format", "json").stdout)
    by_code = {e["code"]: e for e in report["errors"]}
    assert by_code["DuplicateRow"]["value"] == "20"
    conflict = by_code["ConflictingRow"]
    assert conflict["value"] == "1234567"
    assert "给出 28.52万人 / " in conflict["message"] and "gives 285,200 people for the same key" in conflict["message"]
    assert ".0" not in json.dumps(report["errors"], ensure_ascii=False)


def test_a_mistyped_region_name_is_refused_with_the_closest_names(db_url, tmp_path):
    """甘素省 is refused (no region is guessed), and the refusal names 甘肃省, Chinese first, then English (贵洲省 on a
    database with the national tree: test_the_gazetteer_suggests_names_of_the_same_kind_first)."""
    path = tmp_path / "plan.xlsx"
    rows = [target_row(code="", name="甘素省"), target_row(code="", name="陕西剩"), target_row(code="", name="火星省")]
    path.write_bytes(targets_xlsx(*rows))
    report = json.loads(run(db_url, "import", str(path), "--dry-run", "--format", "json").stdout)
    messages = {e["value"]: e["message"] for e in report["errors"] if e["code"] == "UnknownRegion"}
    assert messages["甘素省"] == (
        "没有名为 '甘素省' 的地区,是否指 甘肃省 620000? / no region is called '甘素省'; did you mean 甘肃省 620000?"
    )
    assert messages["陕西剩"].startswith("没有名为 '陕西剩' 的地区,是否指 陕西省 610000")
    assert messages["火星省"] == "没有名为 '火星省' 的地区 / no region is called '火星省'"  # nothing close: no guess


def test_the_gazetteer_suggests_names_of_the_same_kind_first():
    from etl.gazetteer import Gazetteer

    g = Gazetteer.national()
    assert g.similar("贵洲省") == ["520000"]
    assert g.similar("兰洲市")[0] == "620100"  # 兰州市, which sounds alike, before 株洲市
    assert g.similar("定西巿") == ["621100"]  # 巿 (fú) typed for 市
    assert g.similar("火星省") == []
