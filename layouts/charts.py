"""Figure builders: pure functions from analysis output to Plotly figures."""

from __future__ import annotations

import textwrap
from html import escape

import plotly.graph_objects as go

from analysis.series import Point
from layouts.format import format_value
from layouts.i18n import reliability, t
from layouts.theme import COLORS, FONT_FAMILY, PATTERNS

SERIES_LABEL = {"original": "plan_original", "revised": "plan_revised", "actual": "actual"}


def _wrap(text: str, width: int = 28) -> str:
    # plotly renders a subset of HTML in hover text: quotes and names are shown as text, never as markup
    return "<br>".join(escape(line, quote=False) for line in textwrap.wrap(text, width)) if text else ""


def _hover(point: Point, label: str, unit: str, lang: str) -> str:
    lines = [f"<b>{label} {point.year}</b>: {format_value(point.value, unit, lang, point.comparator)}"]
    if point.rolled_up:
        lines.append(f"({t('rolled_up', lang)})")
    if point.plan_version:
        lines.append(f"{t('plan_version', lang)}: {_wrap(point.plan_version, 40)}")
    lines.append(f"{t('reliability', lang)}: {reliability(point.reliability, lang)}")
    if point.quote:
        lines.append(f"{t('quote', lang)}: {_wrap(point.quote[:240])}")
    return "<br>".join(lines)


def plan_actual_figure(series: dict[str, dict[int, Point]], unit: str, title: str, lang: str = "zh") -> go.Figure:
    """Grouped bars of original plan, revised plan and actual by year; hover shows each source quote.

    Years with a plan but no actual get a "no reported figure" label instead of a zero bar.
    """
    fig = go.Figure()
    all_years = sorted({y for points in series.values() for y in points})
    for name in ("original", "revised", "actual"):
        points = series.get(name, {})
        if not points:
            continue
        label = t(SERIES_LABEL[name], lang)
        ordered = [points[y] for y in sorted(points)]
        fig.add_bar(
            name=label, x=[str(p.year) for p in ordered], y=[p.value for p in ordered],
            text=[format_value(p.value, unit, lang, p.comparator) for p in ordered], textposition="outside",
            customdata=[[",".join(map(str, p.figure_ids)), name] for p in ordered],
            hovertext=[_hover(p, label, unit, lang) for p in ordered], hovertemplate="%{hovertext}<extra></extra>",
            marker={"color": COLORS[name], "pattern": {"shape": PATTERNS[name]},
                    "line": {"color": ["#000000" if p.reliability == "low" else COLORS[name] for p in ordered],
                             "width": [2 if p.reliability == "low" else 0 for p in ordered]}},
        )
    missing = [y for y in all_years if y not in series.get("actual", {})]
    for year in missing:
        fig.add_annotation(x=str(year), y=0, text=t("no_figure", lang), showarrow=False, yshift=12,
                           font={"size": 11, "color": "#555555"})
    fig.update_layout(
        title={"text": escape(title, quote=False), "x": 0.01}, barmode="group", font={"family": FONT_FAMILY},
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": [str(y) for y in all_years],
               "title": t("year", lang)},
        yaxis={"rangemode": "tozero", "tickformat": "~s" if lang == "en" else ""},
        legend={"orientation": "h", "y": -0.2}, margin={"l": 60, "r": 20, "t": 60, "b": 60},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", hoverlabel={"align": "left"},
    )
    if lang == "zh":
        fig.update_yaxes(tickformat="", separatethousands=False)
    fig.update_yaxes(gridcolor="#e5e5e5")
    return fig
