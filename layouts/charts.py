"""Figure builders: pure functions from analysis output to Plotly figures as plain dicts.

Plain dicts (``{"data": [...], "layout": {...}}``) render in ``dcc.Graph`` as they are and cost a fraction
of ``go.Figure``'s validation; ``go.Figure(fig)`` turns one into a figure object (e.g. for export).
Every bar and point carries ``customdata[0]`` = its figure ids ("3,5"), so a click opens its sources.
"""

from __future__ import annotations

import functools
import math
import textwrap
from collections.abc import Collection
from html import escape

from analysis.progress import cumulative, cumulative_plan
from analysis.series import Point
from analysis.status import achievement
from layouts.components import percent, status_text
from layouts.theme import COLORS, FONT_FAMILY, PATTERNS
from text.format import format_value, zh_number
from text.i18n import reliability, t

SERIES_LABEL = {"original": "plan_original", "revised": "plan_revised", "actual": "actual"}
STRETCH_LABEL = {"zh": "力争目标", "en": "Stretch target"}  # 力争 / 奋斗目标: beside the plan, never added to it


@functools.lru_cache(maxsize=1024)  # a page repeats its plan versions' names on every point
def _wrap(text: str, width: int = 28) -> str:
    # plotly renders a subset of HTML in hover text: quotes and names are shown as text, never as markup
    return "<br>".join(escape(line, quote=False) for line in textwrap.wrap(text, width)) if text else ""


def _hover(point: Point, label: str, unit: str, lang: str) -> str:
    lines = [f"<b>{label} {point.year}</b>: {format_value(point.value, unit, lang, point.comparator)}"]
    if point.derived:
        lines.append(f"({t('derived_zero', lang)})")
    elif point.rolled_up:
        lines.append(f"({t('rolled_up', lang)})")
    if point.plan_version:
        lines.append(f"{t('plan_version', lang)}: {_wrap(point.plan_version, 40)}")
    lines.append(f"{t('reliability', lang)}: {reliability(point.reliability, lang)}")
    if point.quote:
        lines.append(f"{t('quote', lang)}: {_wrap(point.quote[:160])}")
    return "<br>".join(lines)


def _ids(point: Point) -> str:
    return ",".join(map(str, point.figure_ids))


def nice_ticks(top: float, count: int = 5, whole: bool = False) -> list[float]:
    """Round tick values from 0 to at least ``top``: ``nice_ticks(1045000) == [0, 250000, ..., 1250000]``;
    ``whole`` keeps steps to whole numbers (counts of counties, people)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = max(top / count, 1.0) if whole else top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if whole and magnitude < 10 else (1, 2, 2.5, 5, 10)
    step = next(m * magnitude for m in steps if m * magnitude >= raw)
    return [i * step for i in range(int(math.ceil(top / step)) + 1)]


Figure = dict


def base_layout(title: str, height: int, **extra) -> dict:
    """The shared look of every chart: title, CJK font, white background, legend below; ``extra`` adds keys."""
    return {
        "title": {"text": escape(title, quote=False), "x": 0.01, "font": {"size": 15}},
        "font": {"family": FONT_FAMILY, "size": 12},
        "height": height,
        "legend": {"orientation": "h", "y": -0.18},
        "margin": {"l": 56, "r": 16, "t": 44, "b": 48},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
        "hoverlabel": {"align": "left"},
        **extra,
    }


def value_axis(top: float, lang: str, unit: str = "") -> dict:
    """A value axis from 0 with ticks written the reader's way (28万 / 280,000)."""
    ticks = nice_ticks(top * 1.15, whole=unit != "%")
    labels = [zh_number(v) if lang == "zh" else f"{v:,.0f}" if v >= 1 or v == 0 else f"{v:g}" for v in ticks]
    return {
        "tickvals": ticks,
        "ticktext": labels,
        "range": [0, ticks[-1]],
        "gridcolor": "#e5e5e5",
    }


def nothing_drawn(lang: str, why: str = "no_yearly_figures") -> dict:
    """The words an empty chart shows in its middle: a target only for several years (十四五期间 2021–2025, a
    衔接 plan's five years) or a year range without figures draws no bar or point, and a blank grid says nothing."""
    return {
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "text": _wrap(t(why, lang), 30),
        "showarrow": False,
        "font": {"size": 13, "color": "#444444"},
    }


def plan_actual_figure(
    series: dict[str, dict[int, Point]],
    plan_points: dict[int, Point],
    years: list[int],
    unit: str,
    title: str,
    lang: str = "zh",
    direction: str = "up",
    statuses: dict[int, str] | None = None,
) -> Figure:
    """Grouped bars of original plan, revised plan and actual by year, the gap to the plan labelled.

    The label stands over the actual's bar and says the year's status in words when ``statuses`` (year -> status,
    the page's year table's) gives it, so a chart exported on its own still says 「✖ 落后」, not colour alone.

    Years with a plan but no actual get a "no reported figure" label instead of a zero bar. A stretch tier
    (``series["stretch"]``: 力争 / 奋斗目标) is an outlined bar of its own beside the plan, never summed with it;
    gaps and status compare the actual with the committed plan only.
    """
    data, annotations, top = [], [], 0.0
    for name in ("original", "revised", "actual"):
        points = [series.get(name, {})[y] for y in years if y in series.get(name, {})]
        if not points:
            continue
        top = max(top, *(p.value for p in points))
        label = t(SERIES_LABEL[name], lang)
        data.append(
            {
                "type": "bar",
                "name": label,
                "x": [str(p.year) for p in points],
                "y": [p.value for p in points],
                "customdata": [[_ids(p), name] for p in points],
                "text": [format_value(p.value, unit, lang, p.comparator) for p in points],
                "textposition": "inside",
                "insidetextanchor": "end",
                "textfont": {"size": 11},
                "hovertext": [_hover(p, label, unit, lang) for p in points],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "marker": {
                    "color": COLORS[name],
                    "pattern": {"shape": PATTERNS[name]},
                    "line": {
                        "color": ["#000000" if p.reliability == "low" else COLORS[name] for p in points],
                        "width": [2.5 if p.reliability == "low" else 0 for p in points],
                    },
                },
            }
        )
    stretch = [series["stretch"][y] for y in years if y in series.get("stretch", {})]
    if stretch:
        top = max(top, *(p.value for p in stretch))
        beside_plan = sum(1 for trace in data if trace["customdata"][0][1] != "actual")
        data.insert(beside_plan, stretch_trace(stretch, unit, lang))
    actual = series.get("actual", {})
    for year in years:
        plan = plan_points.get(year)
        if plan is not None and year not in actual:
            annotations.append(
                {
                    "x": years.index(year),  # an index: a year-like string would be read as one
                    "y": 0,
                    "text": t("no_figure", lang),
                    "showarrow": False,
                    "yshift": 10,
                    "font": {"size": 11, "color": "#444444"},
                }
            )
        elif plan is not None and actual[year].partial is None:  # a partial sum has no gap to the region's plan
            gap = actual[year].value - plan.value
            sign = "+" if gap >= 0 else "−"
            rate = percent(achievement(actual[year].value, plan.value, direction))
            status = (statuses or {}).get(year)
            said = f"{rate} {status_text(status, lang)}" if status else rate
            beside_stretch = any(p.year == year for p in stretch)
            gap_word = t("gap_vs_committed" if beside_stretch else "gap", lang)
            annotations.append(
                {
                    # over the actual's bar, the group's last: the gap is the actual's, never the stretch bar's
                    "x": years.index(year) + _last_bar_offset(len(data)),
                    # above the year's tallest bar, a stretch tier's included (its own label sits at its top)
                    "y": max(actual[year].value, plan.value, *(p.value for p in stretch if p.year == year)),
                    "showarrow": False,
                    "text": f"{gap_word} {sign}{format_value(abs(gap), unit, lang)}<br>{said}",
                    "yshift": 18,
                    "font": {"size": 11},
                }
            )
    if not data:
        annotations.append(nothing_drawn(lang))
    return {
        "data": data,
        "layout": base_layout(
            title,
            340,
            barmode="group",
            # plotly hides the key of a one-series chart (a county with actuals only): the bars' meaning would
            # be left to their colour
            showlegend=True,
            annotations=annotations,
            yaxis=value_axis(top * 1.1, lang, unit),
            xaxis={"type": "category", "categoryorder": "array", "categoryarray": [str(y) for y in years]},
        ),
    }


def _last_bar_offset(traces: int, bargap: float = 0.2) -> float:
    """Where the last bar of a group of ``traces`` stands from its category's centre (plotly's grouped bars share
    1 - bargap of the category, one slot per trace)."""
    width = (1 - bargap) / max(traces, 1)
    return -(1 - bargap) / 2 + (traces - 0.5) * width


def stretch_trace(points: list[Point], unit: str, lang: str) -> dict:
    """The stretch tier as outlined, unfilled bars (a goal beyond the plan, not part of it)."""
    label = STRETCH_LABEL[lang if lang in STRETCH_LABEL else "zh"]
    color = COLORS["revised"]
    return {
        "type": "bar",
        "name": label,
        "x": [str(p.year) for p in points],
        "y": [p.value for p in points],
        "customdata": [[_ids(p), "stretch"] for p in points],
        "text": [format_value(p.value, unit, lang, p.comparator) for p in points],
        "textposition": "inside",
        "insidetextanchor": "end",
        "textfont": {"size": 11, "color": "#7a4d00"},
        "hovertext": [_hover(p, label, unit, lang) for p in points],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {"color": "rgba(255,255,255,0)", "line": {"color": color, "width": 2}, "pattern": {"shape": "."}},
    }


def _running_ids(span: list[int], points: dict) -> list[list[str]]:
    """Per year of ``span``, the figure ids behind the running total up to it, as one comma-joined string."""
    ids: list[str] = []
    out = []
    for year in span:
        point = points.get(year)
        if point is not None:
            ids.extend(map(str, point.figure_ids))
        out.append([",".join(ids)])
    return out


def cumulative_figure(
    plan_points: dict[int, Point],
    actual: dict[int, Point],
    years: list[int],
    unit: str,
    title: str,
    lang: str = "zh",
    stated_total: tuple[int, float] | None = None,
    plan_unknown: Collection[int] = (),
    accumulates: bool = True,
) -> Figure:
    """Running totals of plan and actual from the first plan year to the last year shown with either. A year
    without a target adds nothing to the plan total (so after the plan's last year it stays level, and a late
    catch-up is visible); a year without an actual stops the actual total, and a year in ``plan_unknown``
    (``Progress.plan_unknown``: only a stretch target) the plan's. ``stated_total`` (end year, value) is a
    multi-year target the yearly plan is part of (35 in 2017, 65 by 2018): the plan line reaches it at its end
    year. No target in the years shown draws no plan line (never a plan of 0, nor a gap to one). The gap at the
    last year with both totals is labelled. A stock or a rate (``accumulates`` false: 贫困发生率,
    人均纯收入) has no running total: the chart says so in words instead."""
    if not accumulates:
        plan_points, actual = {}, {}
    if plan_points:
        last = max([max(plan_points), *(y for y in actual if y in years)])
        span = [y for y in years if min(plan_points) <= y <= last]
    else:
        span = list(years)
    data, annotations = [], []
    plan_cum, actual_cum = cumulative_plan(plan_points, span, plan_unknown), cumulative(actual, span)
    if not plan_points:  # no target in the years shown is no plan of 0: no plan line, no gap to one
        plan_cum = [None] * len(span)
    if plan_points and stated_total is not None and stated_total[0] > max(plan_points):
        end, value = stated_total
        plan_cum = [
            v if y <= max(plan_points) else value if y >= end else None for y, v in zip(span, plan_cum, strict=True)
        ]
    for name, values, points, dash in (
        ("cumulative_plan", plan_cum, plan_points, "dash"),
        ("cumulative_actual", actual_cum, actual, "solid"),
    ):
        if not points and name == "cumulative_plan":
            continue
        color = COLORS["original" if name == "cumulative_plan" else "actual"]
        data.append(
            {
                "type": "scatter",
                "name": t(name, lang),
                "x": [str(y) for y in span],
                "y": values,
                "mode": "lines+markers",
                "line": {"color": color, "dash": dash, "width": 3},
                "marker": {"size": 9},
                "text": [format_value(v, unit, lang) if v is not None else "" for v in values],
                "customdata": _running_ids(span, points),
                "hovertemplate": "%{x}: %{text}<extra>" + t(name, lang) + "</extra>",
            }
        )
    last = max((k for k, v in enumerate(actual_cum) if v is not None and plan_cum[k] is not None), default=None)
    if last is not None:
        gap = actual_cum[last] - plan_cum[last]
        sign = "+" if gap >= 0 else "−"
        annotations.append(
            {
                "x": last,
                "y": max(actual_cum[last], plan_cum[last]),
                "ax": 0,
                "ay": -36,
                "text": f"{format_value(actual_cum[last], unit, lang)} / {format_value(plan_cum[last], unit, lang)}"
                f"<br>{t('gap', lang)} {sign}{format_value(abs(gap), unit, lang)}",
                "showarrow": True,
                "arrowhead": 2,
                "font": {"size": 12},
            }
        )
    top = max([v for v in plan_cum + actual_cum if v is not None], default=1.0)
    if not accumulates:
        data = []
        annotations.append(nothing_drawn(lang, "not_cumulative"))
    elif all(v is None for v in plan_cum + actual_cum):
        annotations.append(nothing_drawn(lang))
    return {
        "data": data,
        "layout": base_layout(
            title,
            340,
            showlegend=True,  # the actual line alone (no target) still says what it is
            annotations=annotations,
            xaxis={"type": "category"},
            yaxis=value_axis(top * 1.1, lang, unit),
        ),
    }


CHILD_ROW = 40  # px per sub-region: its two bars and a two-line label (name, status)
CHILD_MIN_PLOT = 112  # px of plot for one or two sub-regions: bars and value axis still readable
CHILD_MARGIN = {"t": 44, "b": 60}  # title above; the value axis's labels, then the key, below
CHILD_AXIS = 26  # px from the plot's foot to the key's top: the value axis's labels between


def _child_label(row: dict, lang: str) -> str:
    name = escape(row["label"], quote=False)  # axis labels are plotly pseudo-HTML too
    return f"{name}<br>{status_text(row['status'], lang)}" if row.get("status") else name


def children_figure(rows: list[dict], unit: str, title: str, lang: str = "zh") -> Figure:
    """Horizontal bars per sub-region (plan and actual over the years shown); customdata[0] is the code.

    Each pair's axis label says its region and, under it, its status in icon and words (the worse of its latest
    year's and whole period's, as the export's 状态 column says it), so a pair never reads as fine by colour or
    length alone: "安定区<br>✖ 落后". The bars' own ``y`` stay the region names (tick labels carry the status)."""
    names = [escape(r["label"], quote=False) for r in rows]
    labels = [_child_label(r, lang) for r in rows]
    data = []
    for key, color in (("plan", COLORS["original"]), ("actual", COLORS["actual"])):
        name = escape(t("target" if key == "plan" else "actual", lang), quote=False)
        data.append(
            {
                "type": "bar",
                "name": name,
                "orientation": "h",
                "y": names,
                "x": [r[key] for r in rows],
                "marker": {"color": color},
                "text": [
                    format_value(r[key], unit, lang)
                    if r[key] is not None
                    else t("no_target" if key == "plan" else "no_figure", lang)
                    for r in rows
                ],
                "textposition": "auto",
                "customdata": [[r["code"]] for r in rows],
                "hovertext": labels,
                "hovertemplate": f"%{{hovertext}}<br>{name}: %{{text}}<extra></extra>",
                # no key entry for a series without a bar: "目标" beside sub-regions none of which has a target
                "showlegend": any(r[key] is not None for r in rows),
            }
        )
    top = max([r[k] or 0 for r in rows for k in ("plan", "actual")], default=1)
    axis = value_axis(top, lang, unit)
    plot = max(CHILD_MIN_PLOT, CHILD_ROW * len(rows))
    return {
        "data": data,
        "layout": base_layout(
            title,
            CHILD_MARGIN["t"] + plot + CHILD_MARGIN["b"],
            barmode="group",
            margin={"l": 56, "r": 16, **CHILD_MARGIN},
            # the key a fixed number of pixels under the plot, whatever the number of bars (a set fraction of the
            # plot put it on the axis's labels for one bar pair and past the chart's foot for sixteen); anchored
            # by its top, as a phone (assets/phone.js) and the export (export/images.py) place keys too
            legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -CHILD_AXIS / plot, "yanchor": "top"},
            xaxis=axis,
            yaxis={"autorange": "reversed", "automargin": True, "tickvals": names, "ticktext": labels},
        ),
    }
