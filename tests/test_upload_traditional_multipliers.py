"""Traditional 萬/億 are 万/亿 in uploads, as in the Documents page's extractor: a planner's 1.5萬人 was refused as
not a number (a test of the real app, zhaotong-actuals-bad.xlsx row 9). Validation, preview and stored value
agree; a real .xlsx written and read back, a real SQLite copy of the seed."""

from __future__ import annotations

import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from db import batches
from db.session import transaction
from etl import importer
from etl.values import Parsed, parse_cell, unit_factor
from layouts.upload_page import preview_view
from tests.upload_files import ACTUAL_HEADERS, TARGET_HEADERS, actual_row, target_row, xlsx

WEIYUAN = "621123"  # 渭源县, in the seed's region tree


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.5萬人", Parsed(15000.0, "=", "人")),
        ("１.５萬人", Parsed(15000.0, "=", "人")),  # full-width digits too
        ("3萬以上", Parsed(30000.0, ">=")),
        ("1.2億元", Parsed(120000000.0, "=", "元")),
        ("约2萬户", Parsed(20000.0, "~", "户")),
    ],
)
def test_traditional_multipliers_parse_as_their_simplified_forms(raw, expected):
    assert parse_cell(raw) == expected


def test_a_unit_column_in_traditional_multipliers_scales_the_value():
    assert unit_factor("萬人") == (10_000, "人") and unit_factor("億元") == (100_000_000, "元")


def _book() -> bytes:
    return xlsx(
        {
            "目标 Targets": [
                TARGET_HEADERS,
                target_row(code=WEIYUAN, name="", indicator="funds", end=2019, value="1.2億元", note="synthetic"),
            ],
            "实际 Actuals": [
                ACTUAL_HEADERS,
                actual_row(code=WEIYUAN, name="", end=2016, value="1.5萬人", note="TEST traditional 萬"),
                actual_row(code=WEIYUAN, name="", end=2017, value="2.5", unit="萬人", note="synthetic"),
            ],
        }
    )


def test_an_xlsx_with_traditional_multipliers_previews_and_stores_the_values_it_says(sessions, tmp_path):
    path = tmp_path / "weiyuan-traditional.xlsx"
    path.write_bytes(_book())
    with transaction(sessions) as session:
        result = importer.check_and_preview(session, path.read_bytes(), path.name)
        assert result.ok, [p.located() for p in result.checked.problems]
        said = {(i["kind"], i["period_end"]): (i["new_value"], i["unit"]) for i in result.preview.items}
        assert said == {
            ("target", 2019): (120_000_000, "元"),
            ("actual", 2016): (15_000, "人"),
            ("actual", 2017): (25_000, "人"),
        }
        page = json.dumps(preview_view(result.preview.counts, result.preview.items, "zh"), cls=PlotlyJSONEncoder)
        page = json.loads(page)  # the rendered preview as the browser receives it
        assert {"— → 1.2亿元", "— → 1.5万人", "— → 2.5万人"} <= set(_texts(page)), _texts(page)
        batch_id = importer.commit(
            session, result, importer.Audit(user="王芳", note="萬/億"), result.preview.fingerprint
        )
    with sessions() as session:
        stored = batches.current_values(session, ["funds", "poor_population_reduced"], [WEIYUAN])
    assert stored[("target", WEIYUAN, "funds", 2019, 2019)]["value"] == 120_000_000
    assert stored[("actual", WEIYUAN, "poor_population_reduced", 2016, 2016)]["value"] == 15_000
    assert stored[("actual", WEIYUAN, "poor_population_reduced", 2017, 2017)]["value"] == 25_000
    assert {v["batch_id"] for k, v in stored.items() if k[3] in (2016, 2017, 2019)} == {batch_id}


def test_萬_in_both_the_value_and_the_unit_is_refused_at_its_cell(sessions):
    data = xlsx(
        {"实际 Actuals": [ACTUAL_HEADERS, actual_row(code=WEIYUAN, name="", end=2016, value="1.5萬", unit="萬人")]}
    )
    with sessions() as session:
        result = importer.check_bytes(session, data, "twice.xlsx")
    assert [p.located() for p in result.checked.problems] == [
        "实际 Actuals, row 2, column G (单位 unit): 数值 '1.5萬' 和单位中都写了 万/亿 / 万/亿 is written both in the "
        "value '1.5萬' and in the unit — fix: " + result.checked.problems[0].hint
    ]


def _texts(node) -> list[str]:
    """Every string a rendered component tree shows."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [t for child in node for t in _texts(child)]
    if isinstance(node, dict):
        return _texts(node.get("props", {}).get("children")) if "props" in node else []
    return []
