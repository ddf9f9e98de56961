"""The overview as data (``/export/overview.<csv|xlsx>``, trial F12): one row per region, indicator and year the
grid shows, then one for the row's plan period, with plan, actual, achievement and status in the grid's words and
the ids of the figures behind each; for the overview's own query string (plan, years, indicator, region).

Example: ``overview_rows(overview_view(s, "?plan=revised").rows, "zh")[0]["status"]``
"""

from __future__ import annotations

from openpyxl import Workbook

from analysis.progress import Progress
from export import basis, tables
from export.chart_data import COMPARATOR
from layouts.overview_page import has_reported
from layouts.urlstate import lang_of, parse
from text.i18n import both, name, t
from views.overview import overview_view

OVERVIEW_COLUMNS = [
    ("region_code", "col_region_code", "text"),
    ("region", "region", "text"),
    ("indicator_code", "col_indicator_code", "text"),
    ("indicator", "indicator", "text"),
    ("scope", "col_row_scope", "text"),
    ("period", "period", "period"),
    ("plan", "target", "number"),
    ("comparator", "col_comparator", "text"),
    ("actual", "actual", "number"),
    ("unit", "col_unit", "unit"),
    ("achievement", "achievement", "pct"),
    ("status", "col_status", "text"),
    ("figure_ids", "col_figure_ids", "ids"),
]


def progress_rows(region: dict, p: Progress, lang: str) -> list[dict]:
    """One region's and indicator's rows: its years as the grid shows them, then its plan period."""
    common = {
        "region_code": region["code"],
        "region": name(region, lang),
        "indicator_code": p.indicator["code"],
        "indicator": name(p.indicator, lang),
        "unit": p.indicator["unit"],
    }
    rows = []
    for c in p.years:
        ids = c.plan.figure_ids + (c.actual.figure_ids if c.actual is not None else [])
        rows.append(
            {
                **common,
                "scope": t("year", lang),
                "period": str(c.year),
                "plan": c.plan.value,
                "comparator": COMPARATOR.get(c.plan.comparator, ""),
                "actual": c.actual.value if c.actual is not None else None,
                "achievement": c.achievement,
                "status": basis.year_words(c.status, c.partial, basis.partial_in(p, (c.year,)), lang),
                "figure_ids": ",".join(map(str, ids)),
            }
        )
    a = p.period
    if a is not None:
        rows.append(
            {
                **common,
                "scope": t("whole_period", lang),
                "period": str(a.end) if a.start == a.end else f"{a.start}–{a.end}",
                "plan": a.target,
                "comparator": COMPARATOR.get(a.comparator, ""),
                "actual": a.actual,
                "achievement": a.achievement,
                "status": basis.tagged(a.status, p, range(a.start, a.end + 1), lang),
                "figure_ids": ",".join(map(str, p.period_ids + p.period_actual_ids)),
            }
        )
    return rows


def overview_rows(rows: list[tuple[dict, Progress]], lang: str) -> list[dict]:
    """Every overview row's data rows, in the grid's order (worst first)."""
    return [row for region, p in rows for row in progress_rows(region, p, lang)]


def overview_bytes(session, fmt: str, search: str, view_url: str) -> tuple[bytes, str]:
    """(bytes, file stem) of the overview for a query string, as CSV or XLSX (a data sheet and an About sheet)."""
    lang = lang_of(parse(search))
    view = overview_view(session, search)
    shown = [row for row in view.rows if has_reported(row[1])] if view.state.get("reported") else view.rows
    rows = overview_rows(shown, lang)
    stem = "总览-overview"
    if fmt == "csv":
        return tables.csv_bytes(rows, OVERVIEW_COLUMNS, lang), stem
    wb = Workbook()
    data = wb.active
    data.title = "数据 Data"
    tables.write_table(data, rows, OVERVIEW_COLUMNS, lang)
    tables.write_about(wb.create_sheet("说明 About"), [(both("col_view_url"), view_url)])
    return tables.save(wb), stem
