"""A tiny trend (plan dashed, actual solid) as plain data; the grid's ``Sparkline`` renderer
(assets/dashAgGridComponentFunctions.js) draws it as an inline SVG: no figure object, no request."""

from __future__ import annotations

from analysis.series import Point

# What the renderer needs beside the data: the size and the actual series' colour (layouts/theme.py)
SIZE = {"width": 120, "height": 34}


def sparkline_data(plan: dict[int, Point], actual: dict[int, Point]) -> dict:
    """Plan and actual values aligned on the years either has (None: no figure that year, drawn as a gap).

    Example: ``sparkline_data({2018: Point(2018, 1.0)}, {}) == {"plan": [1.0], "actual": [None]}``
    """
    years = sorted({*plan, *actual})
    return {
        "plan": [plan[y].value if y in plan else None for y in years],
        "actual": [actual[y].value if y in actual else None for y in years],
    }
