"""A tiny inline SVG trend (plan dashed, actual solid) as a data URI: no figure object, no request."""

from __future__ import annotations

from urllib.parse import quote

from analysis.series import Point
from layouts.theme import COLORS

# The SVG's fixed parts, percent-encoded once; the numbers put between them (digits, ".", "-") need no escaping,
# so the URI equals ``quote`` of the whole SVG (quote escapes character by character).
_OPEN = quote('<svg xmlns="http://www.w3.org/2000/svg" width="')
_HEIGHT, _VIEWBOX, _SPACE, _CLOSE_TAG = quote('" height="'), quote('" viewBox="0 0 '), quote(" "), quote('">')
_PLAN = quote('<path d="'), quote('" fill="none" stroke="#777777" stroke-width="1.5" stroke-dasharray="3 2"/>')
_ACTUAL = quote('<path d="'), quote(f'" fill="none" stroke="{COLORS["actual"]}" stroke-width="2"/>')
_DOT = quote('<circle cx="'), quote('" cy="'), quote(f'" r="2.2" fill="{COLORS["actual"]}"/>')
_END = quote("</svg>")
_COMMA, _GAP = quote(","), quote(" ")


def _path(points: dict[int, Point], years: list[int], x, y) -> str:
    """The path's ``d`` for the years with a point, already percent-encoded."""
    segments, pen = [], "M"
    for year in years:
        if year not in points:
            pen = "M"  # a gap stays a gap, never a zero
            continue
        segments.append(f"{pen}{x(year):.1f}{_COMMA}{y(points[year].value):.1f}")
        pen = "L"
    return _GAP.join(segments)


def sparkline_uri(
    plan: dict[int, Point], actual: dict[int, Point], years: list[int], width: int = 120, height: int = 34
) -> str:
    """``<img src=...>`` for plan versus actual over ``years``.

    Example: ``sparkline_uri({2018: Point(2018, 1)}, {}, [2018]).startswith("data:image/svg+xml")``
    """
    shown = set(years)
    values = [p.value for pts in (plan, actual) for y, p in pts.items() if y in shown]
    top = max(values, default=1.0) or 1.0
    span = max(len(years) - 1, 1)
    index = {year: i for i, year in reversed(list(enumerate(years)))}  # the first place, as list.index

    def x(year: int) -> float:
        return 4 + (index[year] / span) * (width - 8)

    def y(value: float) -> float:
        return height - 4 - (value / top) * (height - 8)

    dots = "".join(f"{_DOT[0]}{x(yr):.1f}{_DOT[1]}{y(p.value):.1f}{_DOT[2]}" for yr, p in actual.items() if yr in shown)
    return (
        "data:image/svg+xml;utf8,"
        f"{_OPEN}{width}{_HEIGHT}{height}{_VIEWBOX}{width}{_SPACE}{height}{_CLOSE_TAG}"
        f"{_PLAN[0]}{_path(plan, years, x, y)}{_PLAN[1]}"
        f"{_ACTUAL[0]}{_path(actual, years, x, y)}{_ACTUAL[1]}"
        f"{dots}{_END}"
    )
