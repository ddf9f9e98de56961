"""Map figures: pure functions from boundaries and per-region progress to Plotly ``Choroplethmap`` figures.

``map_style="white-bg"`` draws no tiles and no text layer, so a map needs nothing from the network.
Colour is never the only cue: every status has an icon and words in the hover text and the legend.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from analysis.series import Point
from geo.progress import EXIT_CATEGORIES, STATUSES, ExitDelay, Progress
from layouts.format import format_value
from layouts.i18n import reliability, t
from layouts.theme import FONT_FAMILY

# Okabe-Ito (colour-blind safe); "no data" stays a light neutral grey.
STATUS_COLORS = {
    "achieved": "#009E73",
    "behind": "#D55E00",
    "awaiting": "#F0E442",
    "no_target": "#56B4E9",
    "no_data": "#C8C8C8",
}
EXIT_COLORS = {
    "on_time": "#009E73",
    "late_1": "#F0E442",
    "late_2": "#E69F00",
    "late_3": "#D55E00",
    "exited_unplanned": "#0072B2",
    "planned_pending": "#CC79A7",
    "none": "#C8C8C8",
}
ACHIEVEMENT_SCALE = "PuOr"  # diverging around 100 %, readable with red-green colour blindness
BACKGROUND = "#EEEEEE"
BORDER = "#FFFFFF"


def _name(feature: dict, lang: str) -> str:
    props = feature["properties"]
    return props.get("name_en") if lang == "en" else props.get("name_zh")


def _source_line(point: Point | None, lang: str) -> str:
    if point is None or not point.quote:
        return ""
    quote = "<br>".join(textwrap.wrap(point.quote[:90] + ("…" if len(point.quote) > 90 else ""), 30))
    return f"<br><i>{reliability(point.reliability, lang)}</i>: {quote}"


def progress_hover(name: str, p: Progress, unit: str, lang: str) -> str:
    """Hover text: region, year, plan, actual, status in words, achievement and the quotes behind them."""
    plan = format_value(p.plan.value, unit, lang, p.plan.comparator) if p.plan else t("no_figure", lang)
    actual = format_value(p.actual.value, unit, lang, p.actual.comparator) if p.actual else t("no_figure", lang)
    lines = [
        f"<b>{name}</b> {p.year or ''}",
        f"{t('map_plan', lang)}: {plan}",
        f"{t('actual', lang)}: {actual}",
        f"{t('status', lang)}: {t('status_' + p.status, lang)}",
    ]
    if p.ratio is not None:
        lines.append(f"{t('achievement', lang)}: {p.ratio:.0%}")
    if (p.plan and p.plan.rolled_up) or (p.actual and p.actual.rolled_up):
        lines.append(f"({t('rolled_up', lang)})")
    return "<br>".join(lines) + _source_line(p.plan, lang) + _source_line(p.actual, lang)


def exit_hover(name: str, d: ExitDelay, lang: str) -> str:
    """Hover text of one county on the exit map: planned and actual exit year, delay and sources."""
    none = t("no_figure", lang)
    lines = [
        f"<b>{name}</b>",
        f"{t('planned_exit', lang)}: {d.planned.year if d.planned else none}",
        f"{t('actual_exit', lang)}: {d.actual.year if d.actual else none}",
    ]
    if d.delay is not None:
        lines.append(f"{t('delay', lang)}: {d.delay}{t('years_unit', lang)}")
    lines.append(t("exit_" + d.category, lang))
    return "<br>".join(lines) + _source_line(d.planned, lang) + _source_line(d.actual, lang)


def _discrete_scale(colors: list[str]) -> list[list]:
    n = len(colors)
    scale = []
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale


def _collection(features: list[dict]) -> dict:
    """Only id and geometry travel to the browser: names are in the hover text already."""
    return {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "id": f["id"], "geometry": f["geometry"]} for f in features],
    }


def _categorical_trace(
    features: list[dict],
    categories: dict[str, str],
    order: tuple[str, ...],
    colors: dict[str, str],
    labels: list[str],
    hover: dict[str, str],
    legend_title: str,
):
    codes = [f["id"] for f in features]
    return go.Choroplethmap(
        geojson=_collection(features),
        locations=codes,
        featureidkey="id",
        z=[order.index(categories[c]) for c in codes],
        zmin=-0.5,
        zmax=len(order) - 0.5,
        colorscale=_discrete_scale([colors[k] for k in order]),
        customdata=[[c] for c in codes],
        hovertext=[hover[c] for c in codes],
        hovertemplate="%{hovertext}<extra></extra>",
        marker={"line": {"color": BORDER, "width": 1}, "opacity": 0.95},
        name=legend_title,
        colorbar={
            "title": {"text": legend_title},
            "tickvals": list(range(len(order))),
            "ticktext": labels,
            "len": 0.9,
            "thickness": 14,
            "x": 1.0,
            "xanchor": "left",
        },
    )


def _background_trace(features: list[dict], lang: str, clickable: bool = True):
    # Provinces around a plan region are not clickable: plotly gives a click to the lowest trace under it.
    codes = [f["id"] for f in features]
    return go.Choroplethmap(
        geojson=_collection(features),
        locations=codes,
        featureidkey="id",
        z=[0] * len(codes),
        colorscale=[[0, BACKGROUND], [1, BACKGROUND]],
        showscale=False,
        customdata=[[c] for c in codes],
        hovertext=[f"{_name(f, lang)}<br>{t('no_plan_region', lang)}" for f in features],
        hovertemplate="%{hovertext}<extra></extra>" if clickable else None,
        hoverinfo=None if clickable else "skip",
        marker={"line": {"color": "#BBBBBB", "width": 0.6}},
        name=t("no_plan_region", lang),
    )


def _maritime_trace(lines: list[list[list[float]]]):
    lon, lat = [], []
    for line in lines:
        lon += [p[0] for p in line] + [None]
        lat += [p[1] for p in line] + [None]
    return go.Scattermap(
        lon=lon, lat=lat, mode="lines", line={"color": "#888888", "width": 1.2}, hoverinfo="skip", showlegend=False
    )


def _layout(fig: go.Figure, title: str, view: dict) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01},
        font={"family": FONT_FAMILY},
        margin={"l": 0, "r": 0, "t": 48, "b": 0},
        map={"style": "white-bg", "center": view["center"], "zoom": view["zoom"]},
        paper_bgcolor="#ffffff",
        hoverlabel={"align": "left"},
        showlegend=False,
    )
    return fig


def progress_map(
    features: list[dict],
    progress: dict[str, Progress],
    unit: str,
    title: str,
    view: dict,
    lang: str = "zh",
    colour_by: str = "status",
    background: list[dict] | None = None,
    maritime: list | None = None,
) -> go.Figure:
    """Choropleth of each region's status (or achievement ratio) for one indicator and year.

    Example: ``progress_map(children("621100"), progress, "人", "定西市", view(children("621100")))``
    """
    fig = go.Figure()
    shown = {f["id"] for f in features}
    if background:
        rest = [f for f in background if f["id"] not in shown]
        hosts = {code[:2] for code in shown}
        fig.add_trace(_background_trace([f for f in rest if f["id"][:2] not in hosts], lang))
        fig.add_trace(_background_trace([f for f in rest if f["id"][:2] in hosts], lang, clickable=False))
    hover = {f["id"]: progress_hover(_name(f, lang), progress[f["id"]], unit, lang) for f in features}
    if colour_by == "achievement":
        rated = [f for f in features if progress[f["id"]].ratio is not None]
        unrated = [f for f in features if progress[f["id"]].ratio is None]
        if unrated:
            categories = {f["id"]: progress[f["id"]].status for f in unrated}
            fig.add_trace(
                _categorical_trace(
                    unrated,
                    categories,
                    STATUSES,
                    STATUS_COLORS,
                    [t("status_" + s, lang) for s in STATUSES],
                    hover,
                    t("status", lang),
                )
            )
            fig.data[-1].showscale = False
        if rated:
            codes = [f["id"] for f in rated]
            fig.add_trace(
                go.Choroplethmap(
                    geojson=_collection(rated),
                    locations=codes,
                    featureidkey="id",
                    z=[min(progress[c].ratio, 1.5) * 100 for c in codes],
                    zmin=50,
                    zmax=150,
                    zmid=100,
                    colorscale=ACHIEVEMENT_SCALE,
                    customdata=[[c] for c in codes],
                    hovertext=[hover[c] for c in codes],
                    hovertemplate="%{hovertext}<extra></extra>",
                    marker={"line": {"color": BORDER, "width": 1}},
                    colorbar={
                        "title": {"text": t("achievement", lang)},
                        "ticksuffix": "%",
                        "len": 0.9,
                        "thickness": 14,
                        "tickvals": [50, 75, 100, 125, 150],
                        "ticktext": ["≤50%", "75%", "100%", "125%", "≥150%"],
                    },
                )
            )
    else:
        categories = {f["id"]: progress[f["id"]].status for f in features}
        fig.add_trace(
            _categorical_trace(
                features,
                categories,
                STATUSES,
                STATUS_COLORS,
                [t("status_" + s, lang) for s in STATUSES],
                hover,
                t("status", lang),
            )
        )
    if maritime:
        fig.add_trace(_maritime_trace(maritime))
    return _layout(fig, title, view)


def exit_map(features: list[dict], delays: dict[str, ExitDelay], title: str, view: dict, lang: str = "zh") -> go.Figure:
    """Counties coloured by years between planned and actual exit (摘帽).

    Example: ``exit_map(children("621100"), exit_delays(frame, codes), "定西市", view(children("621100")))``
    """
    categories = {f["id"]: delays[f["id"]].category for f in features}
    hover = {f["id"]: exit_hover(_name(f, lang), delays[f["id"]], lang) for f in features}
    fig = go.Figure(
        _categorical_trace(
            features,
            categories,
            EXIT_CATEGORIES,
            EXIT_COLORS,
            [t("exit_" + c, lang) for c in EXIT_CATEGORIES],
            hover,
            t("exit_map", lang),
        )
    )
    return _layout(fig, title, view)
