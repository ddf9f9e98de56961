"""Figure + footer -> PNG (2x), SVG or PDF bytes, rendered server-side by kaleido.

The footer carries what makes a chart trustworthy once it leaves the app: sources, plan version, the date of
the data and the address of the view it came from.
"""

from __future__ import annotations

import copy
from datetime import datetime

import plotly.graph_objects as go

from export import kaleido_server, pdf, textfit
from export.chart_data import ChartExport, sources_short
from layouts.theme import FONT_FAMILY
from textsafety import echo, markup

# Latin letters and digits from Liberation Sans: Chromium's PDF maps Noto CJK's digits to no text, so URLs and
# dates would vanish from copied or extracted PDF text. Chinese falls through to Noto Sans CJK SC, named
# explicitly so fallback never picks the Japanese variant.
EXPORT_FONT = f"Liberation Sans, {FONT_FAMILY}"
FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
WIDTH, HEIGHT = 1000, 620
FOOTER_LINE_PX = 16
FOOTER_UNIT_PX = 5.6  # a half-width character of the footer's 11 px type (a Chinese character takes two)
AXIS_PX = 48  # x tick labels and axis title below the plot area
LEGEND_PX = 28


class UnknownFormat(ValueError):
    """An image format other than png, svg or pdf."""


def footer_lines(export: ChartExport) -> list[str]:
    """Three footer lines, Chinese label first. Example: ``footer_lines(e)[0].startswith("来源 Sources: ")``."""
    return footer(sources_short(export), export.plan_versions, export.as_of, export.view_url)


def footer(sources: str, plan_versions: list[str], as_of: datetime | None, view_url: str) -> list[str]:
    """The footer every exported image carries (charts, briefing pages, maps): sources, plan version, data date,
    and the address of the view it came from.

    Example: ``footer("gov.cn", [], None, "http://h/map")[1] == "计划版本 Plan version: —  |  数据截至 data as of —"``
    """
    as_of_text = as_of.strftime("%Y-%m-%d") if as_of else "—"
    plans = "; ".join(plan_versions) or "—"
    if len(plans) > 80:
        plans = plans[:79] + "…"
    return [
        f"来源 Sources: {sources or '—'}",
        f"计划版本 Plan version: {plans}  |  数据截至 data as of {as_of_text}",
        view_url,
    ]


def fit_footer(lines: list[str], width: int, left: int) -> list[str]:
    """Footer lines wrapped to the image's width from ``left``: an annotation never wraps, so a long roll-up note
    or a note (说明) ran off the page. A line that fits stays as written.

    Example: ``len(fit_footer(["说明 Note " + "很长的说明" * 40], 1000, 60)) == 4``
    """
    width_units = max(20, int((width - left - 12) / FOOTER_UNIT_PX))
    return [
        part
        for line in lines
        for part in ([line] if textfit.units(line) <= width_units else textfit.wrap(line, width_units))
    ]


def with_footer(
    figure: go.Figure | dict, lines: list[str], width: int = WIDTH, height: int = HEIGHT, legend: bool = True
) -> dict:
    """A figure dict at a fixed size with ``lines`` (plain text, escaped here) at the bottom (under the legend
    when ``legend`` moves it there); the data is untouched. Dicts, not ``go.Figure`` copies: a copy
    re-validates the whole template.

    Example: ``with_footer(fig, ["来源 Sources: gov.cn"])["layout"]["annotations"][-1]["text"]``
    """
    out = figure.to_dict() if isinstance(figure, go.Figure) else copy.deepcopy(figure)
    layout = out.setdefault("layout", {})
    margin = layout.get("margin", {})
    top = margin.get("t", 60)
    lines = fit_footer(lines, width, margin.get("l", 60))
    above = AXIS_PX + LEGEND_PX if legend else 8
    bottom = above + FOOTER_LINE_PX * len(lines) + 12
    layout.update(
        width=width,
        height=height,
        font={**layout.get("font", {}), "family": EXPORT_FONT},
        margin={**margin, "t": top, "b": bottom, "l": margin.get("l", 60), "r": margin.get("r", 20)},
    )
    if legend:
        plot_px = height - top - bottom
        layout["legend"] = {
            **layout.get("legend", {}),
            "orientation": "h",
            "y": -AXIS_PX / plot_px,
            "yanchor": "top",
            "x": 0,
        }
    layout.setdefault("annotations", []).append(
        {
            "text": "<br>".join(markup(line) for line in lines),  # user text (notes, titles) is text, not markup
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "top",
            "yshift": -above,
            "showarrow": False,
            "align": "left",
            "font": {"size": 11, "color": "#444444", "family": EXPORT_FONT},
        }
    )
    return out


def render(figure: dict, fmt: str, width: int = WIDTH, height: int = HEIGHT, scale: float | None = None) -> bytes:
    """Image bytes of a figure: PNG at 2x scale (or ``scale``), SVG, or PDF with text that extracts as written.

    Example: ``render(fig, "pdf")[:5] == b"%PDF-"``
    """
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown image format {echo(fmt)}: use one of {', '.join(FORMATS)}")
    scale = scale if scale is not None else 2 if fmt == "png" else 1
    data = kaleido_server.render(figure, fmt, width, height, scale=scale)
    return pdf.merge([data]) if fmt == "pdf" else data


def chart_image(export: ChartExport, fmt: str) -> bytes:
    """One exported chart with its footer. Example: ``chart_image(build_chart(s, "621100", "funds"), "svg")``."""
    height = max(HEIGHT, export.height)
    return render(with_footer(export.figure, footer_lines(export), height=height), fmt, height=height)
