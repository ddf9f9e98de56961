"""Words a page shows follow its language, Chinese first: the map's dropdown search box (Dash writes "Search"
otherwise) and the history page's batch kinds (stored as upload/document/build/regions)."""

from __future__ import annotations

from datetime import datetime

import pytest

from etl.filesafety import Limits
from layouts import ids
from layouts.history_page import history_table
from layouts.map_page import MapControls, _controls
from layouts.upload_page import upload_page


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            yield from _walk(child)


def _by_id(root, component_id):
    return next(c for c in _walk(root) if getattr(c, "id", None) == component_id)


@pytest.mark.parametrize(
    ("lang", "search", "placeholder", "none"),
    [("zh", "搜索", "请选择…", "没有匹配的选项"), ("en", "Search", "Select…", "No options found")],
)
def test_the_map_dropdowns_speak_the_page_language(lang, search, placeholder, none):
    controls = MapControls(
        indicators=[{"label": "贫困村", "value": "other:poor_villages"}], indicator=None, years=[2019]
    )
    root = _controls(controls, lang)
    for component_id in (ids.MAP_INDICATOR, ids.MAP_YEAR):
        dropdown = _by_id(root, component_id)
        assert dropdown.labels["search"] == search and dropdown.labels["no_options_found"] == none
        assert dropdown.placeholder == placeholder


def test_the_upload_page_region_dropdowns_speak_chinese_on_a_chinese_page():
    root = upload_page([{"name_zh": "定西市", "code": "621100"}], "zh", Limits())
    for component_id in (ids.UPLOAD_TEMPLATE_REGION, ids.EDIT_REGION):
        dropdown = _by_id(root, component_id)
        assert dropdown.labels["search"] == "搜索" and dropdown.placeholder == "请选择…"


def _batch(batch_id: int, kind: str) -> dict:
    return {
        "id": batch_id,
        "kind": kind,
        "created_at": datetime(2026, 12, 1, 9, 0),
        "user_name": "system",
        "file_name": None,
        "sha256": None,
        "rows_targets": 0,
        "rows_actuals": 0,
        "note": "",
        "reverted_at": None,
        "reverted_by": None,
        "state": None,
    }


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["上传", "在线修改", "文件", "构建", "地区", "合成数据", "later"]),
        ("en", ["Upload", "Edit", "Document", "Build", "Regions", "Synthetic", "later"]),
    ],
)
def test_history_names_batch_kinds_in_the_page_language(lang, words):
    kinds = ["upload", "edit", "document", "build", "regions", "synth", "later"]  # a kind without words stays as is
    table = history_table([_batch(i, k) for i, k in enumerate(kinds, 1)], lang, can_revert=False)
    rows = table.children[1].children
    assert [row.children[1].children for row in rows] == words
