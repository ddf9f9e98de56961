"""One chart as it leaves the app: the page's own figure, its points as rows, and what makes it trustworthy.

The figure is built from the region page's own view (``views.region.region_view``, the records the page reads)
with the same chart builders (``layouts.charts.plan_actual_figure`` / ``cumulative_figure``) and view state (plan,
years) read from the page's query string, so an export shows exactly what the analyst saw. The rows are read back from
the figure's own traces, and each point's figure ids (``customdata[0]``) lead to its sources.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from sqlalchemy.orm import Session

from analysis.progress import Progress
from analysis.series import Point, reliability_rank
from db import queries
from export import basis
from layouts import urlstate
from layouts.charts import cumulative_figure, plan_actual_figure
from layouts.notes_view import note_line, with_note_markers
from layouts.sources import kind_label
from text.comparators import CELL
from text.format import display_unit_text
from text.i18n import name, reliability, t
from textsafety import echo, safe_file_name, url_host
from views.region import RegionView, region_view

CHARTS = {"annual": "annual_chart", "cumulative": "cumulative_chart", "children": "children_chart"}
# "=" is left blank: an exact figure needs no sign, and a lone "=" would read as a formula in a spreadsheet
COMPARATOR = {stored: "" if stored == "=" else symbol for stored, symbol in CELL.items()}


class ExportNotFound(LookupError):
    """The region, indicator or chart asked for does not exist or has no figures."""


@dataclass
class ChartExport:
    region: dict
    indicator: dict
    lang: str
    chart: str
    title: str
    figure: dict
    progress: Progress
    years: list[int]
    rows: list[dict]
    sources: list[dict]
    plan_versions: list[str]
    as_of: datetime | None
    view_url: str
    state: dict = field(default_factory=dict)
    context: RegionView | None = None  # the page's view (sub-region bars, bounds)
    height: int = 0  # at least this tall as an image (the sub-regions chart grows with its bars)
    notes: list[dict] = field(default_factory=list)  # notes (说明) on the region, indicator and years shown

    @property
    def file_stem(self) -> str:
        """``621100-定西市-poor_population_reduced``: code first, so plain-ASCII fallbacks stay distinct."""
        suffix = "" if self.chart == "annual" else f"-{self.chart}"
        return safe_file_name(f"{self.region['code']}-{self.region['name_zh']}-{self.indicator['code']}{suffix}")


def data_as_of(batches: list[dict]) -> datetime | None:
    """When the data last changed: the newest live batch (an upload, edit or build step)."""
    live = [
        b["created_at"]
        for b in batches
        if b["reverted_at"] is None and b["created_at"] is not None and b.get("state", "approved") == "approved"
    ]
    return max(live) if live else None


def short_source(row: dict) -> str:
    """A source in a few characters: a web page's host, a document's title (cut at 30 characters)."""
    if row.get("source_kind") == "web" and row.get("source_url"):
        return url_host(row["source_url"])
    title = row.get("source") or ""
    return title if len(title) <= 30 else title[:29] + "…"


def view(
    session: Session, region_code: str, indicator_code: str, lang: str = "zh", search: str = "", need_years: bool = True
) -> RegionView:
    """The region page's own view (``views.region.region_view``) for one indicator, or ExportNotFound.
    ``need_years=False`` for the sub-regions chart, which the page shows even when the region has no year.

    Example: ``view(s, "621100", "poor_population_reduced").progress.plan == "original"``
    """
    v = region_view(session, region_code, search, indicator=indicator_code, lang=lang)
    if not v.path:
        raise ExportNotFound(f"region {echo(region_code)} not found: use an adcode such as 621100 (定西市)")
    if v.indicator is None:
        raise ExportNotFound(f"indicator {echo(indicator_code)} not found: see data/indicators.csv for the codes")
    if not v.years and need_years:
        raise ExportNotFound(f"no annual figures for {indicator_code} in {v.region['name_zh']} ({region_code})")
    return v


def page_figure(v: RegionView, chart: str, lang: str) -> dict:
    """The page's figure for ``chart``, titled with the region's name (a chart on its own needs it)."""
    p, indicator, years = v.progress, v.indicator, v.years
    label = f"{name(indicator, lang)} ({display_unit_text(indicator['unit'], lang)})"
    page_title = f"{label} · {t(CHARTS[chart], lang)}"
    if chart == "annual":
        fig = plan_actual_figure(
            {**p.series, "stretch": v.stretch},
            p.plan_points,
            years,
            indicator["unit"],
            page_title,
            lang,
            indicator["direction"],
            {c.year: c.status for c in p.years},
        )
        fig = with_note_markers(fig, v.notes, years, lang)
    else:
        fig = cumulative_figure(
            p.plan_points,
            p.series["actual"],
            years,
            indicator["unit"],
            page_title,
            lang,
            p.stated_total,
            p.plan_unknown,
            accumulates=indicator["kind"] == "flow",
        )
    fig = copy.deepcopy(fig)
    fig["layout"]["title"]["text"] = escape(f"{name(v.region, lang)} · {page_title}", quote=False)
    return fig


def build_series_chart(
    session: Session,
    region_code: str,
    indicator_code: str,
    lang: str = "zh",
    base_url: str = "http://127.0.0.1:8050",
    search: str = "",
    chart: str = "annual",
) -> ChartExport:
    """The annual or cumulative chart's export; ``search`` is the page's query string (plan, from, to).
    ``export.charts.build_chart`` picks this or the sub-regions chart.

    Example: ``build_series_chart(s, "621100", "poor_population_reduced").rows[0]["year"] == 2015``
    """
    if chart not in ("annual", "cumulative"):
        raise ExportNotFound(f"unknown chart {echo(chart)}: use one of {', '.join(CHARTS)}")
    v = view(session, region_code, indicator_code, lang, search)
    figure = page_figure(v, chart, lang)
    ids = sorted({i for trace in figure["data"] for cd in trace.get("customdata", []) for i in _ids(cd)})
    detail = {int(r["id"]): r for r in queries.sources_of(session, ids)}
    query = urlstate.canonical(v.state, v.bounds)
    export = ChartExport(
        region=v.region,
        indicator=v.indicator,
        lang=lang,
        chart=chart,
        title=figure["layout"]["title"]["text"],
        figure=figure,
        progress=v.progress,
        years=v.years,
        rows=[],
        sources=source_rows(list(detail.values()), lang, v.regions),
        plan_versions=list(dict.fromkeys(r["plan_version"] for r in detail.values() if r["plan_version"])),
        as_of=data_as_of(queries.batches(session)),
        view_url=f"{base_url.rstrip('/')}/region/{region_code}{query}",
        state=v.state,
        context=v,
        notes=[n for n in v.notes if n["year"] in v.years],
    )
    export.rows = point_rows(export, detail)
    for row in export.rows:
        row["notes"] = " / ".join(note_line(n) for n in export.notes if n["year"] == row["year"])
    return export


def _series(customdata) -> str:
    """The series a yearly bar belongs to (``customdata[1]``: original, revised, actual or stretch)."""
    return str(customdata[1]) if isinstance(customdata, list | tuple) and len(customdata) > 1 else ""


def _basis_of(export: ChartExport, trace: dict, customdata: list, i: int, year) -> tuple[bool, Point | None]:
    """(whether a row is a target's, the yearly bar's own point or None) for ``basis.ids_basis``."""
    if export.chart != "annual":
        return trace["name"] == t("cumulative_plan", export.lang), None
    series = _series(customdata[i]) if i < len(customdata) else ""
    shown = export.context.stretch if series == "stretch" and export.context is not None else None
    points = shown if shown is not None else export.progress.series.get(series, {})
    return series != "actual", points.get(year)


def _ids(customdata) -> list[int]:
    raw = customdata[0] if isinstance(customdata, list | tuple) and customdata else ""
    return [int(x) for x in str(raw).split(",") if x.strip().isdigit()]


def period_text(start, end) -> str:
    """A period as exports write it: ``period_text(2016, 2020) == "2016–2020"``; one year alone,
    ``period_text(2020, 2020) == "2020"``."""
    return str(start) if int(start) == int(end) else f"{start}–{end}"


def source_rows(detail: list[dict], lang: str = "zh", regions: list[dict] = ()) -> list[dict]:
    """One row per figure behind the chart, ordered by source: what the sources sheet lists; each region named in
    ``lang`` where ``regions`` (the page's, ``RegionView.regions``) has it (延长县 is Yanchang County in English)."""
    names = {r["code"]: name(r, lang) for r in regions}
    rows = [
        {
            "figure_id": int(r["id"]),
            "region_code": r["region_code"],
            "region_name": names.get(r["region_code"]) or r["region_name"],
            "kind": kind_label(r, lang) if r["kind"] == "target" else t(r["kind"], lang),  # 力争目标 for a stretch one
            "indicator_code": r["indicator"],
            "period": period_text(r["period_start"], r["period_end"]),
            "value": float(r["value"]),
            "unit": r["unit"],
            "source": r["source"],
            "source_short": short_source(r),
            "url": r["source_url"],
            "reliability": reliability(r["reliability"], lang),
            "reliability_code": r["reliability"],
            "plan_version": r["plan_version"],
            "quote": r["quote"],
            "note": r["note"],
            "batch_id": int(r["batch_id"]),
        }
        for r in detail
    ]
    return sorted(rows, key=lambda r: (r["source"], r["figure_id"]))


def _joined(values) -> str:
    return " / ".join(dict.fromkeys(v for v in values if v))


def _worst(codes: list[str]) -> str:
    return min(codes, key=reliability_rank) if codes else ""


def judgement(p: Progress, year, series: str, ids: list[int], lang: str) -> tuple[float | None, str]:
    """A yearly point's achievement and status in words, as the page's year table says them, on the two points
    the status compares (the actual and the committed plan it is judged against); (None, "") elsewhere (a
    stretch target, a year without a plan).

    Example: ``judgement(p, 2017, "actual", [236], "zh") == (95.1, "✖ 落后")``
    """
    cell = next((c for c in p.years if c.year == year), None)
    if cell is None or series == "stretch":
        return None, ""
    if series != "actual" and (cell.plan is None or ids != cell.plan.figure_ids):
        return None, ""
    return cell.achievement, basis.year_words(cell.status, cell.partial, basis.partial_in(p, [year]), lang)


def point_rows(export: ChartExport, detail: dict[int, dict]) -> list[dict]:
    """The chart's points, one row each, read from its traces in drawing order (series, then year); the yearly
    chart's rows also carry the year's achievement and status where the page judges them (``judgement``)."""
    lang, out = export.lang, []
    stretch = export.context.stretch if export.context is not None else {}
    by_id = basis.points_by_id(export.progress, stretch)
    for trace in export.figure["data"]:
        for i, (x, y) in enumerate(zip(trace["x"], trace["y"], strict=True)):
            if y is None and export.chart == "cumulative":
                continue  # a point the line does not draw (a partial sum is not cumulated): no empty row
            cd = trace.get("customdata") or []
            ids = _ids(cd[i]) if i < len(cd) else []
            figs = [detail[j] for j in ids if j in detail]
            comparators = {f["comparator"] or "=" for f in figs}
            year = int(x) if str(x).isdigit() else x
            judged = (
                judgement(export.progress, year, _series(cd[i]), ids, lang)
                if export.chart == "annual" and i < len(cd) and y is not None
                else (None, "")
            )
            out.append(
                {
                    "region_code": export.region["code"],
                    "region": name(export.region, lang),
                    "indicator_code": export.indicator["code"],
                    "indicator": name(export.indicator, lang),
                    "series": trace["name"],
                    "year": year,
                    "value": y,
                    "comparator": COMPARATOR.get(comparators.pop(), "") if len(comparators) == 1 else "",
                    "unit": export.indicator["unit"],
                    "achievement": judged[0],
                    "status": judged[1],
                    "rolled_up": any(f["region_code"] != export.region["code"] for f in figs),
                    # own figure or sum of sub-regions (how many report, partial), as the page marks it
                    "basis": basis.ids_basis(ids, export.progress, by_id, lang, *_basis_of(export, trace, cd, i, year))
                    if y is not None
                    else "",
                    "plan_version": _joined(f["plan_version"] for f in figs),
                    "reliability": reliability(_worst([f["reliability"] for f in figs]), lang) if figs else "",
                    "source": _joined(f["source_url"] or f["source"] for f in figs),
                    "quote": _joined(f["quote"] for f in figs),
                    "note": _joined(f["note"] for f in figs),
                    "figure_ids": ",".join(map(str, ids)),
                }
            )
    return out


def sources_short(export: ChartExport, limit: int = 110) -> str:
    """The footer's source line: distinct short names, cut with a count of the rest."""
    return join_sources([s["source_short"] for s in export.sources], limit)


def join_sources(names: list[str], limit: int = 110) -> str:
    """Distinct names joined with "; ", cut at ``limit`` characters with a count of all.

    Example: ``join_sources(["gov.cn", "gov.cn", "xinhua.net"]) == "gov.cn; xinhua.net"``
    """
    names = list(dict.fromkeys(n for n in names if n))
    text = ""
    for item in names:
        candidate = f"{text}; {item}" if text else item
        if len(candidate) > limit:
            return f"{text} 等{len(names)}个来源 ({len(names)} sources)"
        text = candidate
    return text
