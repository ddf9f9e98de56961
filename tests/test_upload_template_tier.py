"""The template's 档次 tier column: uploads accepted one, the template had none, and a region's pre-filled template
left out its stored stretch targets (a planner's test of the real app: 530600's 2017 力争 target was missing).

凌海 (210781) in the seed has its 2017 plan's 力争 stretch targets beside the committed ones (50户 committed,
力争100户). Real .xlsx files through the real CLI on a real SQLite copy of the seed.
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook
from plotly.utils import PlotlyJSONEncoder

from etl.cli import cli
from layouts.upload_page import preview_view

T, A = "目标 Targets", "实际 Actuals"
LINGHAI = "210781"
HOUSING = "other:housing_renovation_households"


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args], catch_exceptions=False)


def _template(db_url, tmp_path, *region: str):
    path = tmp_path / "template.xlsx"
    assert run(db_url, "template", str(path), *region).exit_code == 0
    return path, load_workbook(path)


def _columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column - 1 for cell in sheet[1]}


def _stored_targets(db_url: str, region: str) -> set[tuple]:
    """(indicator, start, end, value, tier) of every target `etl dump targets` lists for the region."""
    lines = run(db_url, "dump", "targets").stdout.splitlines()
    out = set()
    for line in lines[1:]:
        cells = line.split(",")
        if cells[0] == region:
            out.add((cells[2], int(cells[3]), int(cells[4]), float(cells[5]), line.rsplit(",", 1)[1]))
    return out


def test_the_targets_sheet_has_a_tier_column_with_a_drop_down(db_url, tmp_path):
    _path, book = _template(db_url, tmp_path)
    targets, actuals = book[T], book[A]
    headers = [c.value for c in targets[1]]
    assert headers[-1] == "档次 tier", "last, so that files made for the earlier template keep their columns"
    assert "档次 tier" not in [c.value for c in actuals[1]], "an actual has no tier"
    letter = targets.cell(1, headers.index("档次 tier") + 1).column_letter
    lists = [dv for dv in targets.data_validations.dataValidation if f"{letter}2:{letter}5000" in str(dv.sqref)]
    assert [dv.formula1 for dv in lists] == ['"必成,力争"']
    instructions = "\n".join(str(r[0].value or "") for r in book["说明 Instructions"].iter_rows())
    assert "档次(仅目标):必成(留空即必成)或 力争" in instructions and "Tier (targets only)" in instructions


def test_a_prefilled_template_carries_every_stored_target_with_its_tier_and_uploads_unchanged(db_url, tmp_path):
    path, book = _template(db_url, tmp_path, "--region", LINGHAI)
    sheet = book[T]
    col = _columns(sheet)
    prefilled = {
        (
            r[col["指标 indicator"]].split()[-1],
            r[col["起始年 period_start"]],
            r[col["截止年 period_end"]],
            float(r[col["数值 value"]]),
            r[col["档次 tier"]],
        )
        for r in sheet.iter_rows(min_row=2, values_only=True)
        if r[col["地区代码 region_code"]] == LINGHAI
    }
    assert (HOUSING, 2017, 2017, 100.0, "力争") in prefilled and (HOUSING, 2017, 2017, 50.0, "必成") in prefilled
    stored = {
        (i, s, e, v, "力争" if tier == "stretch" else "必成") for i, s, e, v, tier in _stored_targets(db_url, LINGHAI)
    }
    assert {k for k in stored if k[4] == "力争"} <= prefilled, "every stored stretch target is pre-filled"
    assert prefilled <= stored

    report = json.loads(run(db_url, "import", str(path), "--dry-run", "--format", "json").stdout)
    assert report["valid"], report["errors"]
    assert (report["counts"]["new"], report["counts"]["changed"]) == (0, 0)
    rows = [r for s in (sheet, book[A]) for r in s.iter_rows(min_row=2) if r[0].value]
    assert report["counts"]["unchanged"] == len(rows)


def test_template_fill_upload_previews_and_stores_the_tier(db_url, tmp_path):
    """Download 凌海's template, raise the 力争 renovation target 100 → 120 and add a 力争 2018 target for 2,600
    people lifted out of poverty (synthetic): the preview says 力争 on both, and they are stored as stretch."""
    path, book = _template(db_url, tmp_path, "--region", LINGHAI)
    sheet = book[T]
    col = _columns(sheet)
    for row in sheet.iter_rows(min_row=2):
        if row[col["指标 indicator"]].value.endswith(HOUSING) and row[col["档次 tier"]].value == "力争":
            row[col["数值 value"]].value = 120
    new = [None] * len(col)
    new[col["地区代码 region_code"]], new[col["指标 indicator"]] = LINGHAI, "脱贫人口 poor_population_reduced"
    new[col["截止年 period_end"]], new[col["数值 value"]], new[col["档次 tier"]] = 2018, "2600人", "力争"
    new[col["备注 note"]] = "synthetic"
    sheet.append(new)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    report = json.loads(run(db_url, "import", str(filled), "--dry-run", "--format", "json").stdout)
    assert report["valid"], report["errors"]
    changes = {(c["status"], c["indicator"], c["old_value"], c["new_value"], c["tier"]) for c in report["changes"]}
    assert changes == {
        ("changed", HOUSING, 100, 120, "stretch"),
        ("new", "poor_population_reduced", None, 2600, "stretch"),
    }
    page = json.dumps(
        preview_view(report["counts"], report["changes"], "zh"), cls=PlotlyJSONEncoder, ensure_ascii=False
    )
    assert page.count("目标 · 力争") == 2, "the preview names the tier of each stretch row"
    assert "Target · stretch" in json.dumps(
        preview_view(report["counts"], report["changes"], "en"), cls=PlotlyJSONEncoder, ensure_ascii=False
    )

    done = run(db_url, "import", str(filled), "--note", "凌海 2017 力争 restated", "--user", "王芳")
    assert done.exit_code == 0, done.output
    assert "changed  target/力争" in done.stdout and "new      target/力争" in done.stdout
    stored = _stored_targets(db_url, LINGHAI)
    assert (HOUSING, 2017, 2017, 120.0, "stretch") in stored
    assert (HOUSING, 2017, 2017, 50.0, "committed") in stored, "the committed figure is untouched"
    assert ("poor_population_reduced", 2018, 2018, 2600.0, "stretch") in stored
    assert ("poor_population_reduced", 2018, 2018, 2600.0, "committed") not in stored
