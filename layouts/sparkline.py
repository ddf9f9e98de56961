"""A tiny inline SVG trend (plan dashed, actual solid) as a data URI: no figure object, no request."""

from __future__ import annotations

import functools
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


def _path(ys: dict[int, str], years: list[int], xs: dict[int, str]) -> str:
    """The path's ``d`` for the years with a point (``ys``: year -> y, formatted), already percent-encoded."""
    segments, pen = [], "M"
    for year in years:
        y = ys.get(year)
        if y is None:
            pen = "M"  # a gap stays a gap, never a zero
            continue
        segments.append(f"{pen}{xs[year]}{_COMMA}{y}")
        pen = "L"
    return _GAP.join(segments)


def sparkline_uri(
    plan: dict[int, Point], actual: dict[int, Point], years: list[int], width: int = 120, height: int = 34
) -> str:
    """``<img src=...>`` for plan versus actual over ``years``.

    Example: ``sparkline_uri({2018: Point(2018, 1)}, {}, [2018]).startswith("data:image/svg+xml")``
    """
    shown = set(years)
    values = [p.value for y, p in plan.items() if y in shown]
    values += [p.value for y, p in actual.items() if y in shown]
    top = max(values, default=1.0) or 1.0
    # each coordinate formatted once: a year's x serves both paths and its dot, an actual's y its path and dot
    xs = _xs(tuple(years), width)
    plan_ys = {yr: f"{height - 4 - (p.value / top) * (height - 8):.1f}" for yr, p in plan.items() if yr in shown}
    actual_ys = {yr: f"{height - 4 - (p.value / top) * (height - 8):.1f}" for yr, p in actual.items() if yr in shown}
    dots = "".join([f"{_DOT[0]}{xs[yr]}{_DOT[1]}{y}{_DOT[2]}" for yr, y in actual_ys.items()])
    return (
        f"{_header(width, height)}{_PLAN[0]}{_path(plan_ys, years, xs)}{_PLAN[1]}"
        f"{_ACTUAL[0]}{_path(actual_ys, years, xs)}{_ACTUAL[1]}{dots}{_END}"
    )


@functools.lru_cache(maxsize=64)
def _xs(years: tuple[int, ...], width: int) -> dict[int, str]:
    """Each year's x, formatted (every row of a grid has the same years): the first place, as list.index."""
    span = max(len(years) - 1, 1)
    index = {year: i for i, year in reversed(list(enumerate(years)))}
    return {year: f"{4 + (i / span) * (width - 8):.1f}" for year, i in index.items()}


@functools.lru_cache(maxsize=16)
def _header(width: int, height: int) -> str:
    return f"data:image/svg+xml;utf8,{_OPEN}{width}{_HEIGHT}{height}{_VIEWBOX}{width}{_SPACE}{height}{_CLOSE_TAG}"
