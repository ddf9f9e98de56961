"""Map figures: pure functions from boundaries and per-region progress to Plotly ``Choroplethmap`` figures.

``map_style="white-bg"`` draws no tiles and no text layer, so a map needs nothing from the network.
Colour is never the only cue: every status has an icon and words in the hover text and the legend.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from geo.boundaries import bounds
from geo.progress import EXIT_CATEGORIES, STATUSES, ExitDelay, Progress
from layouts.map_hover import exit_hover, progress_hover, status_label
from layouts.theme import FONT_FAMILY
from text.i18n import t

# Okabe-Ito (colour-blind safe); "no data" stays a light neutral grey.
STATUS_COLORS = {
    "achieved": "#009E73",
    "behind": "#D55E00",
    "awaiting": "#F0E442",
    "partial": "#8C8C8C",  # plan and actual of different sub-regions: unjudged, darker than "no data"
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
# Orange below the plan to blue above it (Okabe-Ito hues, never white: 100 % must not vanish on white).
ACHIEVEMENT_SCALE = [[0, "#D55E00"], [0.4, "#E69F00"], [0.5, "#56B4E9"], [1, "#0072B2"]]
YEAR_COLORS = ["#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00"]  # earliest exit first
BACKGROUND = "#EEEEEE"
UNRATED = "#C8C8C8"  # achievement cannot be computed (no plan or no actual for the year)
SMALL_DEGREES = 1.5  # regions narrower than this get a dot on the national map
BORDER = "#FFFFFF"
TITLE_PX = 48  # the top margin the title takes: a map's drawing area is the figure's height less this


def _span(feature: dict) -> float:
    west, south, east, north = bounds([feature])
    return max(east - west, north - south)


def _name(feature: dict, lang: str) -> str:
    props = feature["properties"]
    return props.get("name_en") if lang == "en" else props.get("name_zh")


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


def _marker_trace(features: list[dict], colors: list[str], hover: list[str]):
    """Dots on regions too small to see at national scale (a county on the map of China)."""
    boxes = [bounds([f]) for f in features]
    return go.Scattermap(
        lon=[(b[0] + b[2]) / 2 for b in boxes],
        lat=[(b[1] + b[3]) / 2 for b in boxes],
        mode="markers",
        marker={"size": 11, "color": colors, "opacity": 0.95},
        customdata=[[f["id"]] for f in features],
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
    )


def _layout(fig: go.Figure, title: str, view: dict) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01},
        font={"family": FONT_FAMILY},
        margin={"l": 0, "r": 0, "t": TITLE_PX, "b": 0},
        map={"style": "white-bg", "center": view["center"], "zoom": view["zoom"]},
        paper_bgcolor="#ffffff",
        hoverlabel={"align": "left"},
        showlegend=False,
    )
    return fig


def _ratio_position(ratio: float) -> float:
    return (min(max(ratio, 0.5), 1.5) - 0.5) / 1.0


def _dot_color(p: Progress, colour_by: str) -> str:
    if colour_by != "achievement":
        return STATUS_COLORS[p.status]
    if p.ratio is None:
        return UNRATED
    return sample_colorscale(ACHIEVEMENT_SCALE, [_ratio_position(p.ratio)])[0]


def _achievement_traces(features: list[dict], progress: dict[str, Progress], hover: dict[str, str], lang: str):
    """Rated regions on the achievement scale; the rest in one neutral grey, their status said in the hover."""
    rated = [f for f in features if progress[f["id"]].ratio is not None]
    unrated = [f for f in features if progress[f["id"]].ratio is None]
    if unrated:
        codes = [f["id"] for f in unrated]
        yield go.Choroplethmap(
            geojson=_collection(unrated),
            locations=codes,
            featureidkey="id",
            z=[0] * len(codes),
            colorscale=[[0, UNRATED], [1, UNRATED]],
            showscale=False,
            customdata=[[c] for c in codes],
            hovertext=[hover[c] for c in codes],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"line": {"color": BORDER, "width": 1}},
        )
    if rated:
        codes = [f["id"] for f in rated]
        yield go.Choroplethmap(
            geojson=_collection(rated),
            locations=codes,
            featureidkey="id",
            z=[_ratio_position(progress[c].ratio) for c in codes],
            zmin=0,
            zmax=1,
            colorscale=ACHIEVEMENT_SCALE,
            customdata=[[c] for c in codes],
            hovertext=[hover[c] for c in codes],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"line": {"color": BORDER, "width": 1}},
            colorbar={
                "title": {"text": t("achievement_legend", lang)},
                "len": 0.9,
                "thickness": 14,
                "tickvals": [0, 0.25, 0.5, 0.75, 1],
                "ticktext": ["≤50%", "75%", "100%", "125%", "≥150%"],
            },
        )


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
        for trace in _achievement_traces(features, progress, hover, lang):
            fig.add_trace(trace)
    else:
        categories = {f["id"]: progress[f["id"]].status for f in features}
        fig.add_trace(
            _categorical_trace(
                features,
                categories,
                STATUSES,
                STATUS_COLORS,
                [status_label(s, lang) for s in STATUSES],
                hover,
                t("status", lang),
            )
        )
    if maritime:
        fig.add_trace(_maritime_trace(maritime))
    small = [f for f in features if _span(f) < SMALL_DEGREES] if background else []
    if small:
        colors = [_dot_color(progress[f["id"]], colour_by) for f in small]
        fig.add_trace(_marker_trace(small, colors, [hover[f["id"]] for f in small]))
    return _layout(fig, title, view)


def exit_map(features: list[dict], delays: dict[str, ExitDelay], title: str, view: dict, lang: str = "zh") -> go.Figure:
    """Counties coloured by years between planned and actual exit (摘帽); where no county has a planned
    year (陕西's published exits), by the year each county exited.

    Example: ``exit_map(children("621100"), exit_delays(frame, codes), "定西市", view(children("621100")))``
    """
    hover = {f["id"]: exit_hover(_name(f, lang), delays[f["id"]], lang) for f in features}
    if any(d.planned for d in delays.values()):
        categories = {f["id"]: delays[f["id"]].category for f in features}
        order, colors = EXIT_CATEGORIES, EXIT_COLORS
        labels, legend = [t("exit_" + c, lang) for c in EXIT_CATEGORIES], t("exit_map", lang)
    else:
        years = sorted({d.actual.year for d in delays.values() if d.actual})
        categories = {c: str(d.actual.year) if d.actual else "none" for c, d in delays.items()}
        order = (*map(str, years), "none")
        colors = {str(y): YEAR_COLORS[i % len(YEAR_COLORS)] for i, y in enumerate(years)} | {
            "none": EXIT_COLORS["none"]
        }
        labels = [t("exited_in", lang).format(year=y) for y in years] + [t("exit_none", lang)]
        legend = t("exit_year", lang)
    fig = go.Figure(_categorical_trace(features, categories, order, colors, labels, hover, legend))
    return _layout(fig, title, view)
