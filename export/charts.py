"""Any chart of the region page as an export: the annual or cumulative series (``chart_data``) or the sub-regions
bars (``children``), both from the page's own view.

Example: ``build_chart(s, "610000", "counties_exited", chart="children").rows[0]["region_code"] == "610100"``
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from export.chart_data import CHARTS, ChartExport, ExportNotFound, build_series_chart
from export.children import build_children
from textsafety import echo


def build_chart(
    session: Session,
    region_code: str,
    indicator_code: str,
    lang: str = "zh",
    base_url: str = "http://127.0.0.1:8050",
    search: str = "",
    chart: str = "annual",
) -> ChartExport:
    """Everything an export of one chart needs; ``search`` is the page's query string (plan, from, to)."""
    if chart not in CHARTS:
        raise ExportNotFound(f"unknown chart {echo(chart)}: use one of {', '.join(CHARTS)}")
    if chart == "children":
        return build_children(session, region_code, indicator_code, lang, base_url, search)
    return build_series_chart(session, region_code, indicator_code, lang, base_url, search, chart)
