"""The region page's sub-regions chart as an export: one row per child (its plan and actual bars), with the
figures behind each child's totals as sources.

The bars are the page's own (``views.region.region_view(...).children`` -> ``layouts.charts.children_figure``)
with the page's view state, so the export shows exactly the bars the analyst saw.
"""

from __future__ import annotations

import copy

from sqlalchemy.orm import Session

from analysis.children import years_text
from analysis.status import achievement
from db import queries
from export.chart_data import (
    ChartExport,
    ExportNotFound,
    _joined,
    _worst,
    data_as_of,
    period_text,
    source_rows,
    view,
)
from layouts import urlstate
from layouts.charts import children_figure
from layouts.components import status_text
from text.format import display_unit_text
from text.i18n import name, reliability, t
from views.region import RegionView

BAR_PX = 34  # per sub-region, as on the page
IMAGE_EXTRA_PX = 240  # title, axis, legend and footer around the bars


def child_rows(kids: list[dict], v: RegionView, detail: dict[int, dict], lang: str) -> list[dict]:
    """One row per bar pair: the child, its plan and actual totals, achievement, status and their sources."""
    indicator, state = v.indicator, v.state
    out = []
    for kid in kids:
        figs = [detail[i] for i in (*kid["plan_ids"], *kid["actual_ids"]) if i in detail]
        out.append(
            {
                "region_code": kid["code"],
                "region": kid["name"],  # the chart's label adds the years, which have columns of their own
                "indicator_code": indicator["code"],
                "indicator": name(indicator, lang),
                "plan": kid["plan"],
                "actual": kid["actual"],
                "unit": indicator["unit"],
                "achievement": achievement(kid["actual"], kid["plan"], indicator["direction"]),
                "status": status_text(kid["status"], lang) if kid["status"] else "—",
                "status_years": years_text(kid["status_years"]) if kid["status"] and kid.get("status_years") else "",
                # the years this row compares (its label's "通江县 · 2018–2019"), not the page's whole range
                "years": years_text(kid["years"]) if kid.get("years") else period_text(state["from"], state["to"]),
                "plan_version": _joined(f["plan_version"] for f in figs),
                "reliability": reliability(_worst([f["reliability"] for f in figs]), lang) if figs else "",
                "source": _joined(f["source_url"] or f["source"] for f in figs),
                "quote": _joined(f["quote"] for f in figs),
                "plan_figure_ids": ",".join(map(str, kid["plan_ids"])),
                "actual_figure_ids": ",".join(map(str, kid["actual_ids"])),
            }
        )
    return out


def bars_years(kids: list[dict], state: dict) -> str:
    """The years the bars cover (each child's compared years together), not the page's whole range:
    ``bars_years([{"years": [2024]}], {"from": 2011, "to": 2024}) == "2024"``."""
    years = sorted({y for kid in kids for y in kid.get("years") or ()})
    return years_text(years) if years else period_text(state["from"], state["to"])


def build_children(
    session: Session,
    region_code: str,
    indicator_code: str,
    lang: str = "zh",
    base_url: str = "http://127.0.0.1:8050",
    search: str = "",
) -> ChartExport:
    """The sub-regions chart of a region page as a ``ChartExport`` (``chart == "children"``).

    Example: ``[r["region_code"] for r in build_children(s, "610000", "counties_exited").rows][0] == "610100"``
    """
    v = view(session, region_code, indicator_code, lang, search, need_years=False)
    kids = v.children
    region, indicator, state = v.region, v.indicator, v.state
    if not kids:
        raise ExportNotFound(
            f"no sub-region figures for {indicator_code} in {region['name_zh']} ({region_code}) "
            f"in {state['from']}–{state['to']}: the page shows no sub-regions chart"
        )
    label = f"{name(indicator, lang)} ({display_unit_text(indicator['unit'], lang)})"
    title = f"{name(region, lang)} · {label} · {t('children_export', lang)} {bars_years(kids, state)}"
    figure = copy.deepcopy(children_figure(kids, indicator["unit"], title, lang))
    ids = sorted({i for k in kids for i in (*k["plan_ids"], *k["actual_ids"])})
    detail = {int(r["id"]): r for r in queries.sources_of(session, ids)} if ids else {}
    query = urlstate.canonical(state, v.bounds)
    return ChartExport(
        region=region,
        indicator=indicator,
        lang=lang,
        chart="children",
        title=figure["layout"]["title"]["text"],
        figure=figure,
        progress=v.progress,
        years=v.years,
        rows=child_rows(kids, v, detail, lang),
        sources=source_rows(list(detail.values()), lang, v.regions),
        plan_versions=list(dict.fromkeys(r["plan_version"] for r in detail.values() if r["plan_version"])),
        as_of=data_as_of(queries.batches(session)),
        view_url=f"{base_url.rstrip('/')}/region/{region_code}{query}",
        state=state,
        context=v,
        height=BAR_PX * len(kids) + IMAGE_EXTRA_PX,
    )
