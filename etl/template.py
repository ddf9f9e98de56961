"""The upload template: 说明 instructions, 目标 Targets and 实际 Actuals sheets with bilingual headers and
drop-down lists, 地区 Regions and 指标 Indicators lists; optionally pre-filled with one region's current values.

Example::

    Path("template.xlsx").write_bytes(build_template(session, region_code="610000"))
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from db import batches, queries, tree
from etl.columns import ACTUAL_FIELDS, TARGET_FIELDS, TIER_CHOICES, header
from etl.filesafety import DEFAULT_LIMITS, MB
from text import comparators

TARGETS, ACTUALS, REGIONS, INDICATORS, HELP = (
    "目标 Targets",
    "实际 Actuals",
    "地区 Regions",
    "指标 Indicators",
    "说明 Instructions",
)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WIDTHS = {
    "region_code": 12,
    "region_name": 14,
    "indicator": 34,
    "period_start": 10,
    "period_end": 10,
    "comparator": 8,
    "value": 14,
    "unit": 8,
    "tier": 8,
    "source_url": 30,
    "quote": 40,
    "reliability": 10,
    "note": 30,
}


def instructions(years: tuple[int, int] | None) -> list[str]:
    span = f"{years[0]}–{years[1]}" if years else "—"
    return [
        "扶贫目标进度看板 · 上传模板 Upload template",
        "",
        "1. 在“目标 Targets”表填写计划目标,在“实际 Actuals”表填写实际完成数;每行一个地区、一个指标、一个期间。",
        "   Targets on the Targets sheet, reported results on the Actuals sheet, one region, indicator, period a row.",
        "2. 地区:填地区代码(如 610000)或名称(如 陕西省),见“地区 Regions”表;两者都填时须一致。",
        "   Region: an adcode (610000) or a name (陕西省), see the Regions sheet; if both are given they must agree.",
        "3. 指标:从下拉列表选择,见“指标 Indicators”表(单位、存量或流量)。Indicator: pick from the drop-down list.",
        "4. 年份:单一年度时起始年可留空或与截止年相同;存量和比率(如贫困人口、贫困发生率)只能填单一年度,",
        "   已存计划给出的多年期除外(预填行保留原年份)。",
        "   Years: for one year leave period_start blank or repeat it; stocks and rates take a single year only,",
        "   except a several-year period a stored plan gives them (pre-filled rows keep theirs).",
        f"   本库计划覆盖年份 Years the stored plans cover: {span}",
        "5. 数值可以这样写 Values may be typed as: 12.5万、28.52万人、1,756、１２５０００、8%、≥95%、95%以上、约3万;",
        "   萬/億 同 万/亿(1.5萬人)。萬/億 read as 万/亿 (1.5萬人).",
        "   单位列可写 万人/万元 等,数值即按万计;不要在数值和单位中同时写“万”。",
        "   The unit column may say 万人 (value counted in 万); do not write 万 in both the value and the unit.",
        "6. 比较:= ≥ ≤ > < ~(约),留空即为 =。Comparator: = ≥ ≤ > < ~, blank means =.",
        "   档次(仅目标):必成(留空即必成)或 力争;也可写 计划任务数 / 奋斗目标数、预备数。力争目标与同期必成目标并存,",
        "   不会相加或替代。Tier (targets only): 必成 committed (blank means committed) or 力争 stretch; a stretch",
        "   target is kept beside the committed one for the same period, never added to it or put in its place.",
        "7. 来源链接、原文、可靠性(官方/转载/低)、备注为选填。Source link, quote, reliability and note are optional.",
        "8. 上传后先看预览:每个单元格标为 新增 / 修改(旧 → 新)/ 未变;确认时须填写说明。未变的行不会重复写入。",
        "   After upload you see a preview (new / changed old → new / unchanged) and confirm with a note.",
        "9. 每次上传都是一个批次,可在“历史 History”页一键撤销。Each upload is a batch, revertible on the History page.",
        f"10. 限制 Limits: 文件不超过 {DEFAULT_LIMITS.max_bytes // MB} MB、{DEFAULT_LIMITS.max_rows:,} 行;"
        "只接受 .xlsx 与 .csv(UTF-8 或 GBK);不接受带宏(.xlsm)或加密的文件;公式只读取 Excel 保存的结果,不会计算。",
        "    Only .xlsx and .csv (UTF-8 or GBK); no macros (.xlsm), no passwords; formulas: saved value, never run.",
    ]


def build_template(session, region_code: str | None = None) -> bytes:
    """The template as .xlsx bytes; with ``region_code``, pre-filled with that region's (and its sub-regions')
    values now in force, so updating is: download, edit, upload."""
    regions = batches.regions_with_aliases(session)
    indicators = batches.indicator_table(session)
    years = batches.plan_years(session)
    book = Workbook()
    help_sheet = book.active
    help_sheet.title = HELP
    for line in instructions(years):
        help_sheet.append([line])
    help_sheet["A1"].font = Font(bold=True, size=14)
    help_sheet.column_dimensions["A"].width = 120
    _list_sheet(
        book,
        REGIONS,
        ["代码 code", "名称 name", "English", "上级 parent", "级别 level"],
        [[r["code"], r["name_zh"], r["name_en"], r["parent_code"] or "", r["level"]] for r in regions],
    )
    _list_sheet(
        book,
        INDICATORS,
        ["选项 choice", "代码 code", "名称 name", "English", "单位 unit", "类型 kind"],
        [[f"{i['name_zh']} {c}", c, i["name_zh"], i["name_en"], i["unit"], i["kind"]] for c, i in indicators.items()],
    )
    prefill = _prefill(session, region_code, indicators) if region_code else {"target": [], "actual": []}
    for title, fields, kind in ((TARGETS, TARGET_FIELDS, "target"), (ACTUALS, ACTUAL_FIELDS, "actual")):
        sheet = book.create_sheet(title, 1 if kind == "target" else 2)
        sheet.append([header(f) for f in fields])
        for row in prefill[kind]:
            sheet.append([row.get(f, "") for f in fields])
        _style_data_sheet(sheet, fields, len(regions), len(indicators), years)
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _list_sheet(book: Workbook, title: str, headers: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for letter in "ABCDEF":
        sheet.column_dimensions[letter].width = 22
    sheet.freeze_panes = "A2"


def _style_data_sheet(sheet, fields: list[str], n_regions: int, n_indicators: int, years) -> None:
    last = 5000
    for i, f in enumerate(fields, start=1):
        cell = sheet.cell(1, i)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = WIDTHS.get(f, 12)
    sheet.freeze_panes = "A2"
    col = {f: sheet.cell(1, i).column_letter for i, f in enumerate(fields, start=1)}
    lists = {
        "region_code": f"='{REGIONS}'!$A$2:$A${n_regions + 1}",
        "region_name": f"='{REGIONS}'!$B$2:$B${n_regions + 1}",
        "indicator": f"='{INDICATORS}'!$A$2:$A${n_indicators + 1}",
        "comparator": f'"{",".join(comparators.CELL_CHOICES)}"',
        "reliability": '"官方,转载,低"',
        "tier": f'"{",".join(TIER_CHOICES)}"',
    }
    for f, formula in lists.items():
        if f in col:
            dv = DataValidation(
                type="list",
                formula1=formula,
                allow_blank=True,
                # a name or a tier word outside the list (奋斗目标数) is still read: the checks say what is wrong
                showErrorMessage=f not in ("region_name", "tier"),
                errorTitle="请从列表选择 Choose from the list",
                error="请从下拉列表中选择 Please choose a value from the drop-down list",
            )
            dv.add(f"{col[f]}2:{col[f]}{last}")
            sheet.add_data_validation(dv)
    low, high = (years[0] - 10, years[1] + 10) if years else (1990, 2050)
    dv = DataValidation(
        type="whole",
        operator="between",
        formula1=str(low),
        formula2=str(high),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="年份 Year",
        error=f"请填写 {low}–{high} 之间的四位年份",
    )
    dv.add(f"{col['period_start']}2:{col['period_end']}{last}")
    sheet.add_data_validation(dv)


def _prefill(session, region_code: str, indicators: dict) -> dict[str, list[dict]]:
    codes = {region_code, *tree.descendant_codes(session, region_code)}
    names = {r["code"]: r["name_zh"] for r in queries.regions(session)}
    out: dict[str, list[dict]] = {"target": [], "actual": []}
    # stretch targets too, each with its tier, so that a pre-filled template uploaded unchanged changes nothing
    for key, current in sorted(batches.current_values(session, stretch=True).items()):
        kind, region, ind, start, end = key[:5]
        if region not in codes or ind not in indicators:
            continue
        tier = {"tier": TIER_CHOICES[1] if key[5:] == ("stretch",) else TIER_CHOICES[0]} if kind == "target" else {}
        out[kind].append(
            {
                "region_code": region,
                "region_name": names.get(region, ""),
                "indicator": f"{indicators[ind]['name_zh']} {ind}",
                "period_start": start,
                "period_end": end,
                "comparator": comparators.cell(current["comparator"]),
                "value": int(current["value"]) if float(current["value"]).is_integer() else current["value"],
                "unit": indicators[ind]["unit"],
                **tier,
            }
        )
    return out
