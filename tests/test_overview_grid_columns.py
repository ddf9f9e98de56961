"""The overview grid's column definitions (``layouts.overview_page.overview_grid``), as AG Grid 33+ reads them."""

from __future__ import annotations

from layouts.overview_page import overview_grid


def _columns(lang: str = "zh") -> list[dict]:
    row = {
        "id": "610000-x",
        "region": "陕西省",
        "indicator": "脱贫人口",
        "href": "/region/610000",
        "trend": {"plan": [], "actual": []},
        "y2019": {"text": "✖ 落后", "status": "behind", "ids": "1"},
        "latest": {"text": "2019", "status": "behind", "ids": "1"},
        "period": {"text": "2018–2020", "status": "at_risk", "ids": "1"},
    }
    grid = overview_grid([row], [2019], lang)
    return grid.children.columnDefs


def test_every_column_of_objects_is_formatted_or_has_no_inferred_type():
    """AG Grid infers the type "object" from a value like the sparkline's points and, without a value formatter,
    logs warning #48 on every page with a grid; a column drawn by a renderer opts out of inference."""
    for column in _columns():
        if column["field"] in ("trend", "latest", "period", "y2019"):
            assert "valueFormatter" in column or column.get("cellDataType") is False, column["field"]
