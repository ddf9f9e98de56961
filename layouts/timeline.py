"""The named-target timeline: planned year to actual year, one row per county (定西's seven county exits)."""

from __future__ import annotations

from html import escape

from analysis.named import NamedTarget
from layouts.charts import Figure, base_layout
from layouts.theme import COLORS
from text.i18n import t, tf


def timeline_figure(named: list[NamedTarget], title: str, lang: str = "zh", names: dict | None = None) -> Figure:
    """Planned year (open circle) to actual year (filled), one row per named region, the delay labelled."""
    names = names or {}
    data = []
    labels = [escape(names.get(n.region_code, n.region_name), quote=False) for n in named]
    for n, label in zip(named, labels, strict=True):
        if n.actual_year is not None:
            data.append(
                {
                    "type": "scatter",
                    "x": [n.planned_year, n.actual_year],
                    "y": [label, label],
                    "mode": "lines",
                    "hoverinfo": "skip",
                    "showlegend": False,
                    "line": {"color": COLORS["behind"] if (n.delay or 0) > 0 else COLORS["achieved"], "width": 3},
                }
            )
    data.append(
        {
            "type": "scatter",
            "name": t("planned_year", lang),
            "x": [n.planned_year for n in named],
            "y": labels,
            "mode": "markers",
            "marker": {"size": 14, "symbol": "circle-open", "color": COLORS["original"], "line": {"width": 3}},
            "customdata": [[",".join(map(str, n.target_ids))] for n in named],
            "hovertemplate": "%{y}: " + t("planned_year", lang) + " %{x}<extra></extra>",
        }
    )
    done = [(n, label) for n, label in zip(named, labels, strict=True) if n.actual_year is not None]
    data.append(
        {
            "type": "scatter",
            "name": t("actual_year", lang),
            "x": [n.actual_year for n, _ in done],
            "y": [lb for _, lb in done],
            "mode": "markers+text",
            "marker": {"size": 14, "color": COLORS["actual"], "symbol": "diamond"},
            "text": [delay_text(n, lang) for n, _ in done],
            "textposition": "middle right",
            "customdata": [[",".join(map(str, n.actual_ids))] for n, _ in done],
            "hovertemplate": "%{y}: " + t("actual_year", lang) + " %{x}<extra></extra>",
        }
    )
    all_years = [y for n in named for y in (n.planned_year, n.actual_year) if y is not None] or [2015]
    return {
        "data": data,
        "layout": base_layout(
            title,
            max(220, 70 + 36 * len(named)),
            margin={"l": 90, "r": 16, "t": 44, "b": 40},
            legend={"orientation": "h", "y": -0.15},
            xaxis={"dtick": 1, "range": [min(all_years) - 0.5, max(all_years) + 1.2], "gridcolor": "#e5e5e5"},
            yaxis={"autorange": "reversed", "type": "category"},
        ),
    }


def delay_text(n: NamedTarget, lang: str) -> str:
    """ "晚3年" / "3 yr late", "按期" / "on time", or "no reported figure"."""
    if n.delay is None:
        return t("no_figure", lang)
    if n.delay == 0:
        return t("on_time", lang)
    return tf("years_late" if n.delay > 0 else "years_early", lang, n=abs(n.delay))
