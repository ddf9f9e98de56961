"""One chart as it leaves the app: the page's own figure, its points as rows, and what makes it trustworthy.

The figure is built by the same calls as the region page (``db.queries.figures`` ->
``analysis.series.plan_vs_actual`` -> ``layouts.charts.plan_actual_figure``), so an export shows exactly
what the analyst saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode, urlparse

import pandas as pd
import plotly.graph_objects as go
from sqlalchemy.orm import Session

from analysis.series import Point, plan_vs_actual
from db import queries
from layouts.charts import SERIES_LABEL, plan_actual_figure
from layouts.i18n import name, reliability, t

SERIES_ORDER = ("original", "revised", "actual")
# "=" is left blank: an exact figure needs no sign, and a lone "=" would read as a formula in a spreadsheet
COMPARATOR = {"=": "", ">=": "≥", "<=": "≤", "<": "<", ">": ">", "~": "≈"}


class ExportNotFound(LookupError):
    """The region or indicator asked for does not exist or has no figures."""


@dataclass
class ChartExport:
    region: dict
    indicator: dict
    lang: str
    title: str
    figure: go.Figure
    series: dict[str, dict[int, Point]]
    rows: list[dict]
    sources: list[dict]
    plan_versions: list[str]
    as_of: datetime | None
    view_url: str
    notes: dict[int, str] = field(default_factory=dict)
    frame: pd.DataFrame | None = None  # the figures of the region and its descendants, for sub-region views

    @property
    def file_stem(self) -> str:
        """``621100-定西市-poor_population_reduced``: code first, so plain-ASCII fallbacks stay distinct."""
        return safe_file_name(f"{self.region['code']}-{self.region['name_zh']}-{self.indicator['code']}")


def safe_file_name(stem: str) -> str:
    """A file name valid on Windows too: ``safe_file_name("other:forest_rangers") == "other_forest_rangers"``."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", stem)


def view_url(base_url: str, region_code: str, indicator_code: str, lang: str = "zh") -> str:
    """The page an exported chart came from.

    Example: ``view_url("http://127.0.0.1:8050/", "621100", "funds")``
    == ``"http://127.0.0.1:8050/region/621100?indicator=funds"``
    """
    query = {"indicator": indicator_code, **({"lang": "en"} if lang == "en" else {})}
    return f"{base_url.rstrip('/')}/region/{region_code}?{urlencode(query)}"


def data_as_of(batches: list[dict]) -> datetime | None:
    """When the data last changed: the newest live batch (an upload, edit or build step)."""
    live = [b["created_at"] for b in batches if b["reverted_at"] is None and b["created_at"] is not None]
    return max(live) if live else None


def short_source(row: dict) -> str:
    """A source in a few characters: a web page's host, a document's title (cut at 30 characters)."""
    if row.get("source_kind") == "web" and row.get("source_url"):
        return urlparse(row["source_url"]).netloc or row["source_url"]
    title = row.get("source") or ""
    return title if len(title) <= 30 else title[:29] + "…"


def restrict_to_plan(frame: pd.DataFrame, plan: int | None) -> pd.DataFrame:
    """Keep only one plan version's targets (actuals and baselines stay); ``None`` keeps every plan."""
    if plan is None:
        return frame
    return frame[(frame["kind"] != "target") | (frame["plan_version_id"] == plan)]


def build_chart(
    session: Session,
    region_code: str,
    indicator_code: str,
    lang: str = "zh",
    base_url: str = "http://127.0.0.1:8050",
    plan: int | None = None,
) -> ChartExport:
    """Everything an export of one chart needs.

    Example: ``build_chart(s, "621100", "poor_population_reduced").rows[0]["year"] == 2016``
    """
    path = queries.region_path(session, region_code)
    indicator = queries.indicator(session, indicator_code)
    if not path:
        raise ExportNotFound(f"region {region_code!r} not found: use an adcode such as 621100 (定西市)")
    if indicator is None:
        raise ExportNotFound(f"indicator {indicator_code!r} not found: see data/indicators.csv for the codes")
    codes = [region_code, *queries.descendant_codes(session, region_code)]
    frame = restrict_to_plan(queries.figures(session, region_codes=codes, indicator=indicator_code), plan)
    series = plan_vs_actual(frame, region_code)
    if not any(series.values()):
        raise ExportNotFound(f"no annual figures for {indicator_code} in {path[-1]['name_zh']} ({region_code})")
    title = f"{name(path[-1], lang)} · {name(indicator, lang)}"
    figure = plan_actual_figure(series, indicator["unit"], title, lang)
    ids = sorted({i for points in series.values() for p in points.values() for i in p.figure_ids})
    detail = queries.sources_of(session, ids).to_dict("records")
    notes = {int(r["id"]): r["note"] for r in detail}
    export = ChartExport(
        region=path[-1],
        indicator=indicator,
        lang=lang,
        title=title,
        figure=figure,
        series=series,
        rows=[],
        sources=source_rows(detail, lang),
        plan_versions=list(dict.fromkeys(r["plan_version"] for r in detail if r["plan_version"])),
        as_of=data_as_of(queries.batches(session)),
        view_url=view_url(base_url, region_code, indicator_code, lang),
        notes=notes,
        frame=frame,
    )
    export.rows = point_rows(export)
    return export


def source_rows(detail: list[dict], lang: str = "zh") -> list[dict]:
    """One row per figure behind the chart, ordered by source: what the sources sheet lists."""
    rows = [
        {
            "figure_id": int(r["id"]),
            "region_code": r["region_code"],
            "region_name": r["region_name"],
            "kind": t(r["kind"], lang),
            "indicator_code": r["indicator"],
            "period": f"{r['period_start']}–{r['period_end']}",
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


def point_rows(export: ChartExport) -> list[dict]:
    """The chart's points, one row each, in the order the chart draws them (series, then year)."""
    lang, out = export.lang, []
    for series_code in SERIES_ORDER:
        for year, p in sorted(export.series.get(series_code, {}).items()):
            out.append(
                {
                    "region_code": export.region["code"],
                    "region": name(export.region, lang),
                    "indicator_code": export.indicator["code"],
                    "indicator": name(export.indicator, lang),
                    "series_code": series_code,
                    "series": t(SERIES_LABEL[series_code], lang),
                    "year": year,
                    "value": p.value,
                    "comparator": COMPARATOR.get(p.comparator, p.comparator),
                    "unit": export.indicator["unit"],
                    "rolled_up": p.rolled_up,
                    "plan_version": p.plan_version,
                    "reliability": reliability(p.reliability, lang),
                    "source": p.source,
                    "quote": p.quote,
                    "note": " / ".join(
                        dict.fromkeys(export.notes.get(i, "") for i in p.figure_ids if export.notes.get(i))
                    ),
                    "figure_ids": ",".join(map(str, p.figure_ids)),
                }
            )
    return out


def sources_short(export: ChartExport, limit: int = 110) -> str:
    """The footer's source line: distinct short names, cut with a count of the rest."""
    names = list(dict.fromkeys(s["source_short"] for s in export.sources if s["source_short"]))
    text = ""
    for item in names:
        candidate = f"{text}; {item}" if text else item
        if len(candidate) > limit:
            return f"{text} 等{len(names)}个来源 ({len(names)} sources)"
        text = candidate
    return text
