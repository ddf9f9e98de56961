"""A tiny inline SVG trend (plan dashed, actual solid) as a data URI: no figure object, no request."""

from __future__ import annotations

from urllib.parse import quote

from analysis.series import Point
from layouts.theme import COLORS

_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def _quote(text: str) -> str:
    """``urllib.parse.quote(text)``: for ASCII text (an SVG of numbers and colours) one ``str.replace`` per
    character to escape, "%" first, instead of a lookup per character."""
    if not text.isascii():
        return quote(text)
    unsafe = sorted(set(text) - _SAFE, key=lambda ch: ch != "%")
    for ch in unsafe:
        text = text.replace(ch, f"%{ord(ch):02X}")
    return text


def _path(points: dict[int, Point], years: list[int], x, y) -> str:
    segments, pen = [], "M"
    for year in years:
        if year not in points:
            pen = "M"  # a gap stays a gap, never a zero
            continue
        segments.append(f"{pen}{x(year):.1f},{y(points[year].value):.1f}")
        pen = "L"
    return " ".join(segments)


def sparkline_uri(
    plan: dict[int, Point], actual: dict[int, Point], years: list[int], width: int = 120, height: int = 34
) -> str:
    """``<img src=...>`` for plan versus actual over ``years``.

    Example: ``sparkline_uri({2018: Point(2018, 1)}, {}, [2018]).startswith("data:image/svg+xml")``
    """
    values = [p.value for pts in (plan, actual) for y, p in pts.items() if y in years]
    top = max(values, default=1.0) or 1.0
    span = max(len(years) - 1, 1)

    def x(year: int) -> float:
        return 4 + (years.index(year) / span) * (width - 8)

    def y(value: float) -> float:
        return height - 4 - (value / top) * (height - 8)

    dots = "".join(
        f'<circle cx="{x(yr):.1f}" cy="{y(p.value):.1f}" r="2.2" fill="{COLORS["actual"]}"/>'
        for yr, p in actual.items()
        if yr in years
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<path d="{_path(plan, years, x, y)}" fill="none" stroke="#777777" stroke-width="1.5" stroke-dasharray="3 2"/>'
        f'<path d="{_path(actual, years, x, y)}" fill="none" stroke="{COLORS["actual"]}" stroke-width="2"/>'
        f"{dots}</svg>"
    )
    return "data:image/svg+xml;utf8," + _quote(svg)
