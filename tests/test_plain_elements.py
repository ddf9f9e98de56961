"""``layouts.plain``: the page data built without component objects equals what Dash sends for the components."""

from __future__ import annotations

import json

import pytest
from dash import dcc, html

from analysis.progress import progress
from layouts.components import source_link, status_badge
from layouts.plain import element, plain
from layouts.region_page import year_table

CASES = [
    (html.Td, ("x",), {"className": "a"}),
    (html.Td, (), {}),
    (html.Div, (), {"id": "x"}),
    (html.Tr, ([html.Td("1"), html.Td("2")],), {"data-year": "2019"}),
    (
        html.Button,
        ("91.1%",),
        {"id": {"type": "s", "cell": "c", "figs": "1,2"}, "title": "", "n_clicks": 0, "disabled": False, "style": None},
    ),
    (html.Nav, (html.Ol([html.Li("a")]),), {"id": "crumb", "aria-label": "breadcrumb"}),
    (dcc.Link, ("a",), {"href": "/region/610000"}),
    (dcc.Link, (), {"href": "/"}),
    (dcc.Graph, (), {"id": {"type": "chart", "name": "annual"}, "figure": {"data": []}, "config": {}}),
]


@pytest.mark.parametrize(("component", "args", "props"), CASES)
def test_element_is_the_components_json_with_its_key_order(component, args, props):
    built, expected = element(component, *args, **props), plain(component(*args, **props))
    assert built == expected
    assert list(built["props"]) == list(expected["props"])


def test_element_refuses_a_prop_the_component_does_not_have():
    with pytest.raises(TypeError, match="colour"):
        element(html.Td, "x", colour="red")


def _figure(id_: int, kind: str, year: int, value: float) -> dict:
    """A figure record as ``db.queries.figures`` returns it (synthetic, for tests)."""
    return {
        "id": id_, "kind": kind, "region_code": "610000", "region_name": "610000",
        "indicator": "poor_population_reduced", "period_start": year, "period_end": year, "value": value,
        "comparator": "=", "unit": "人", "plan_version": "original" if kind == "target" else "",
        "plan_version_kind": "original" if kind == "target" else "", "plan_version_id": 1 if kind == "target" else None,
        "reliability": "official", "source": "s", "source_kind": "web", "source_url": "", "quote": "",
        "quote_start": None, "quote_end": None, "note": "", "batch_id": id_, "batch_kind": "build",
    }  # fmt: skip


def test_a_year_table_is_plain_data_with_a_row_per_year_and_its_sources():
    indicator = {"code": "poor_population_reduced", "unit": "人", "kind": "flow", "direction": "up"}
    figures = [
        _figure(1, "target", 2018, 1017000),
        _figure(2, "target", 2019, 635000),
        _figure(3, "actual", 2018, 1045000),
    ]
    table = year_table(progress(figures, "610000", indicator), [2018, 2019], "zh")
    assert json.loads(json.dumps(table)) == table  # nothing in it for the encoder's component hook
    body = table["props"]["children"][1]["props"]["children"]
    assert [row["props"]["data-year"] for row in body] == ["2018", "2019"]
    actual_2018 = body[0]["props"]["children"][3]["props"]["children"]
    assert actual_2018["type"] == "Button" and actual_2018["props"]["id"]["figs"] == "3"
    assert body[0]["props"]["children"][-1]["props"]["children"]["props"]["data-status"] == "achieved"
    assert body[1]["props"]["children"][-1]["props"]["children"]["props"]["data-status"] == "no_data"
    assert status_badge("behind", "zh") == plain(html.Span(
        "✖ 落后", className="badge status-badge", style=status_badge("behind", "zh")["props"]["style"],
        **{"data-status": "behind"},
    ))  # fmt: skip
    assert source_link("1", [], "c")["props"]["disabled"] is True


def test_the_year_sliders_labels_do_not_run_together():
    # 2011–2024 on the overview: fourteen labels side by side read 「2011201220132014…」 (dogfood 30, F22)
    from layouts.controls import year_marks

    marks = year_marks(2011, 2024)
    assert sorted(marks) == list(range(2011, 2025)), "a tick for every year"
    labelled = [y for y, label in marks.items() if label]
    assert labelled[0] == 2011 and labelled[-1] == 2024 and len(labelled) <= 8
    assert all(b - a >= 2 for a, b in zip(labelled, labelled[1:], strict=False))
    assert all(year_marks(2015, 2020).values()), "a short range keeps every label"
