"""Problems a planner reads: Chinese first then English, in reading order, each with its column letter."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from etl import importer
from etl.errorbook import error_workbook
from tests.upload_files import ACTUAL_HEADERS, TARGET_HEADERS, actual_row, target_row, xlsx

T, A = "目标 Targets", "实际 Actuals"


def check(sessions, data: bytes, refused=()):
    with sessions() as session:
        result = importer.check_and_preview(session, data, "plan.xlsx")
        importer.refuse_regions(session, result, refused)
    return result


def test_a_bad_value_reads_in_chinese_then_english_on_the_page_the_cli_and_the_error_copy(sessions):
    result = check(sessions, xlsx({A: [ACTUAL_HEADERS, actual_row(value="abc")]}))
    [p] = result.checked.problems
    assert (p.sheet, p.row, p.column) == (A, 2, "F (数值 value)")
    assert p.message == "'abc' 不是数字 / 'abc' is not a number"
    assert p.hint.startswith("填写数字,可带 万/亿 和单位") and " / write digits with an optional 万/亿" in p.hint
    copy = load_workbook(io.BytesIO(error_workbook(result.book, result.checked.problems)))
    assert copy["错误汇总 Errors"]["E2"].value == p.message
    assert copy[A]["L2"].value.startswith("F (数值 value): 'abc' 不是数字 / 'abc' is not a number — 填写数字")


def test_problems_come_in_sheet_row_column_order_with_a_refused_region_at_its_column_letter(sessions):
    rows = [target_row(code="620000", name="", end=2019), target_row(value="x"), target_row(code="999999", name="")]
    result = check(sessions, xlsx({T: [TARGET_HEADERS, *rows]}), refused={"620000"})
    located = [(p.code, p.row, p.column) for p in result.checked.problems]
    assert located == [
        ("RegionNotYours", 2, "A (地区代码 region_code)"),
        ("NotANumber", 3, "G (数值 value)"),
        ("UnknownRegion", 4, "A (地区代码 region_code)"),
    ]
    assert (
        result.checked.problems[0].message
        == "地区 甘肃省 (620000) 不在您的管辖范围内 / 甘肃省 (620000) is not one of your regions"
    )


def test_a_sheet_with_data_rows_but_no_value_column_is_named_with_the_headers_it_has(sessions):
    headers = [h for h in ACTUAL_HEADERS if h != "数值 value"]
    row = [c for h, c in zip(ACTUAL_HEADERS, actual_row(), strict=True) if h != "数值 value"]
    result = check(sessions, xlsx({T: [TARGET_HEADERS], A: [headers, row, row]}))
    [p] = result.checked.problems
    assert (p.code, p.sheet, p.row, p.column) == ("MissingColumn", A, 1, "数值 value")
    assert p.message.startswith(f"工作表 {A} 有 2 行数据,但表头没有 数值 value 列 / the sheet {A} has 2 data row(s)")
    assert "表头 headers: A 地区代码 region_code, B 地区名称 region_name, C 指标 indicator" in p.message
    assert p.hint.startswith("在第 1 行表头中加一列 数值 value")
