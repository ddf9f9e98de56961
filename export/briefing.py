"""Briefing pack for a region and its sub-regions: what goes in it, and the multi-page PDF.

One page per indicator: the page's own chart, a status table by year, the sub-regions' latest figures and
the sources. A cover page lists the contents. The XLSX workbook is built in ``export.workbook``.
"""

from __future__ import annotations

import copy
import textwrap
from dataclasses import dataclass, field
from datetime import datetime

import plotly.graph_objects as go
from sqlalchemy.orm import Session

from analysis.status import achievement
from db import queries, tree
from export import basis, images, pdf, textfit
from export.chart_data import ChartExport, ExportNotFound, build_series_chart, period_text, sources_short
from layouts.components import percent, status_text
from layouts.notes_view import notes_footer
from text.format import format_value
from text.i18n import both, name, t
from textsafety import echo, markup, one_line

PAGE_W, PAGE_H = 1123, 794  # A4 landscape at 96 dpi
MAX_SOURCE_ROWS = 5
MAX_TABLE_ROWS = 9
MAX_CHILD_ROWS = 5  # a sub-region's label wraps to two or three lines: more rows than this are clipped unseen
STATUS_UNITS = 10  # the year table's status column, in half-width characters a line
TABLE_LINE_PX, TABLE_HEAD_PX = 18, 32  # a table's text line (its row's padding shared out) and its header row
CHILD_UNITS = (20, 8, 8, 8, 5)  # a line's width per column in half-width characters (a Chinese character is two)
TABLE_Y = (0.0, 0.40)
HEAD = {"fill": {"color": "#DDE6F0"}, "align": "left", "font": {"size": 11}}
CELLS = {"fill": {"color": "#FFFFFF"}, "align": "left", "font": {"size": 10}, "line": {"color": "#DDDDDD"}}


@dataclass
class IndicatorPage:
    chart: ChartExport
    status: list[dict]
    children: list[dict]


@dataclass
class Briefing:
    region: dict
    lang: str
    pages: list[IndicatorPage]
    as_of: datetime | None
    view_url: str
    skipped: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{name(self.region, self.lang)} · {t('briefing_pack', self.lang)}"

    @property
    def plan_versions(self) -> list[str]:
        return list(dict.fromkeys(v for p in self.pages for v in p.chart.plan_versions))


def year_rows(chart: ChartExport) -> list[dict]:
    """One row per year the chart shows: original, revised, actual, the plan compared with, and its status
    (the dashboard's rule, ``analysis.status``); years without a plan have no status. ``summed``: the series
    whose value is a sum of sub-regions (marked Σ), ``partial``: the status judges a partial sum, ``basis``: the
    row's basis in words ("本级", "下级合计 Σ:实际(5个下级中1个有数据,部分下级)")."""
    p = chart.progress
    cells = {c.year: c for c in p.years}
    rows = []
    for year in chart.years:
        row = {"year": year, "status": cells[year].status if year in cells else None}
        for key in ("original", "revised", "actual"):
            point = p.series[key].get(year)
            row[key] = point.value if point else None
            row[f"{key}_comparator"] = point.comparator if point else "="
        row["summed"] = [key for key in ("original", "revised", "actual") if basis.summed(p.series[key].get(year))]
        row["partial"] = basis.partial_in(p, [year]) and year in cells
        row["partial_sum"] = cells[year].partial if year in cells else None  # not comparable: no judgement
        row["basis"] = basis.year_basis(p, year, chart.lang)
        cell = cells.get(year)
        row["achievement"] = cell.achievement if cell else None
        rows.append(row)
    return rows


def child_rows(chart: ChartExport) -> list[dict]:
    """The page's sub-region rows (plan and actual over the years shown) with the achievement rate and the status
    in words, as the page's bar labels say it (never colour alone)."""
    rows = chart.context.children
    direction, lang = chart.indicator["direction"], chart.lang
    return [
        {
            **r,
            "achievement": achievement(r["actual"], r["plan"], direction),
            "status_text": status_label(r.get("status"), lang),
        }
        for r in rows
    ]


def collect(
    session: Session, region_code: str, lang: str = "zh", base_url: str = "http://127.0.0.1:8050", search: str = ""
) -> Briefing:
    """Every charted indicator of a region (its sub-regions' figures included, as on the page).

    Example: ``[p.chart.indicator["code"] for p in collect(s, "621100").pages]``
    """
    region = queries.region(session, region_code)
    if region is None:
        raise ExportNotFound(f"region {echo(region_code)} not found: use an adcode such as 610000 (陕西省)")
    codes = [region_code, *tree.descendant_codes(session, region_code)]
    pages, skipped = [], []
    for code in queries.indicators_with_figures(session, codes):
        try:
            chart = build_series_chart(session, region_code, code, lang, base_url, search)
        except ExportNotFound:
            skipped.append(code)  # only multi-year figures: nothing to chart by year
            continue
        pages.append(IndicatorPage(chart, year_rows(chart), child_rows(chart)))
    if not pages:
        raise ExportNotFound(f"no annual figures to brief on for {region['name_zh']} ({region_code})")
    url = f"{base_url.rstrip('/')}/region/{region_code}" + ("?lang=en" if lang == "en" else "")
    return Briefing(region, lang, pages, pages[0].chart.as_of, url, skipped)


def status_label(status: str | None, lang: str) -> str:
    return status_text(status, lang) if status else "—"


def row_status(row: dict, lang: str) -> str:
    """A year row's status in words, tagged "(部分下级)" when it judges a partial sum of sub-regions (the page's
    tag): ``row_status({"status": "behind", "partial": True}, "zh") == "✖ 落后 (部分下级)"``; a sum of only some
    sub-regions not comparable with the target says so, as the page does: 「? 部分下级报告:7个下级中3个」."""
    return basis.year_words(row["status"], row.get("partial_sum"), bool(row.get("partial")), lang)


def _value(value: float | None, unit: str, lang: str, comparator: str = "=") -> str:
    return format_value(value, unit, lang, comparator) if value is not None else "—"


def _wrap(text: str, width: int, lines: int = 2) -> str:
    """Plain text as at most ``lines`` table lines, escaped for Plotly: ``_wrap("<b>", 9) == "&lt;b&gt;"``."""
    parts = textwrap.wrap(one_line(text), width) if text else []
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][:-1] + "…"
    return "<br>".join(markup(part) for part in parts)


def _table(columns: list[str], cells: list[list[str]], x, y, widths: list[float] | None = None) -> dict:
    return go.Table(
        domain={"x": list(x), "y": list(y)},
        columnwidth=widths,
        header={"values": [f"<b>{c}</b>" for c in columns], **HEAD},
        cells={"values": cells, **CELLS},
    ).to_plotly_json()


def _cut(cells: list[list[str]], limit: int, note: str) -> list[list[str]]:
    """At most ``limit`` rows; a last row says how many more the workbook holds."""
    more = len(cells[0]) - limit if cells else 0
    if more <= 0:
        return cells
    cells = [c[:limit] + [""] for c in cells]
    cells[0][-1] = f"… +{more} ({note})"
    return cells


def _status_table(page: IndicatorPage, lang: str, x) -> dict:
    unit, rows = page.chart.indicator["unit"], page.status
    cells = [
        [str(r["year"]) for r in rows],
        *[[_marked(r, k, unit, lang) for r in rows] for k in ("original", "revised", "actual")],
        [percent(r["achievement"]) for r in rows],
        [fold(row_status(r, lang), STATUS_UNITS) for r in rows],
    ]
    columns = [
        t("year", lang),
        t("plan_original", lang),
        t("plan_revised", lang),
        t("actual", lang),
        t("achievement", lang),
    ]
    return _table([*columns, t("col_status", lang)], _cut(cells, MAX_TABLE_ROWS, "XLSX"), x, TABLE_Y)


def _marked(row: dict, key: str, unit: str, lang: str) -> str:
    """A year row's value with the page's Σ when it is a sum of sub-regions."""
    shown = _value(row[key], unit, lang, row[f"{key}_comparator"])
    return f"{shown} {basis.SIGMA}" if key in row.get("summed", ()) else shown


def fold(text: str, width: int) -> str:
    """Text as table lines that fit a narrow column (``textfit.wrap``), escaped for Plotly:
    ``fold("? 部分下级报告:7个下级中3个", 10) == "?<br>部分下级报<br>告:7个下级<br>中3个"``."""
    return "<br>".join(markup(line) for line in textfit.wrap(text, width))


def table_lines(chart_figure: dict, footer_rows: int) -> int:
    """Text lines a table under the chart has room for, its "… +N" row included: the page less its title and the
    footer's rows (a long roll-up note or notes take more), of which the tables get ``TABLE_Y``."""
    top = chart_figure["layout"].get("margin", {}).get("t", 60)
    plot = PAGE_H - top - (8 + images.FOOTER_LINE_PX * footer_rows + 12)
    return int((plot * (TABLE_Y[1] - TABLE_Y[0]) - TABLE_HEAD_PX) / TABLE_LINE_PX)


def child_rows_shown(cells: list[list[str]], room: int) -> int:
    """How many sub-region rows the page has room for: at most ``MAX_CHILD_ROWS``, and only as many as fit
    ``room`` lines with the "… +N" row (English labels wrap to three lines, where Chinese ones take two)."""
    heights = [
        max(textfit.line_count(col[i], u) for col, u in zip(cells, CHILD_UNITS, strict=True))
        for i in range(len(cells[0]))
    ]
    if len(heights) <= MAX_CHILD_ROWS and sum(heights) <= room:
        return len(heights)
    shown, used = 0, 1  # the "… +N (XLSX)" row
    while shown < min(len(heights), MAX_CHILD_ROWS) and used + heights[shown] <= room:
        used += heights[shown]
        shown += 1
    return max(shown, 1)


def _children_table(page: IndicatorPage, lang: str, x, room: int) -> dict:
    unit, rows = page.chart.indicator["unit"], page.children
    cells = [
        [r["label"] for r in rows],
        [_value(r["plan"], unit, lang) for r in rows],
        [_value(r["actual"], unit, lang) for r in rows],
        [percent(r["achievement"]) for r in rows],
        [r["status_text"] for r in rows],
    ]
    shown = child_rows_shown(cells, room) if rows else 0
    cells[0] = [markup(label) for label in cells[0]]
    columns = [t(k, lang) for k in ("sub_regions", "target", "actual", "achievement", "col_status")]
    return _table(columns, _cut(cells, shown, "XLSX"), x, TABLE_Y, [1.9, 0.9, 0.9, 0.9, 0.8])


def _sources_table(page: IndicatorPage, lang: str, x, quote_chars: int) -> dict:
    seen, rows = set(), []
    for s in page.chart.sources:
        if (s["source_short"], s["quote"]) not in seen:
            seen.add((s["source_short"], s["quote"]))
            rows.append(s)
    cells = [
        [_wrap(r["source_short"], 16) for r in rows],
        [markup(r["reliability"]) for r in rows],
        [_wrap(r["quote"], quote_chars) for r in rows],
    ]
    columns = [t("source", lang), t("reliability", lang), t("quote", lang)]
    return _table(columns, _cut(cells, MAX_SOURCE_ROWS, "XLSX"), x, TABLE_Y, [1.2, 0.6, 2.6])


def tables(page: IndicatorPage, room: int) -> list[dict]:
    """The tables under a page's chart (``room``: text lines, ``table_lines``); without sub-region figures the
    sources get the room."""
    lang = page.chart.lang
    if page.children:
        return [
            _status_table(page, lang, (0, 0.34)),
            _children_table(page, lang, (0.36, 0.62), room),
            _sources_table(page, lang, (0.64, 1.0), 18),
        ]
    return [_status_table(page, lang, (0, 0.40)), _sources_table(page, lang, (0.43, 1.0), 34)]


def page_figure(page: IndicatorPage, number: int, total: int) -> dict:
    """One A4-landscape page: the page's chart on top, status / sub-regions / sources tables below."""
    chart = page.chart
    fig = copy.deepcopy(chart.figure)
    fig["layout"]["yaxis"] = {**fig["layout"].get("yaxis", {}), "domain": [0.52, 1.0]}
    fig["layout"]["legend"] = {"orientation": "h", "x": 1, "xanchor": "right", "y": 1.02, "yanchor": "bottom"}
    summed = basis.note(chart.progress, chart.lang)  # the page's roll-up note: which figures are sums, how many report
    lines = [*([summed] if summed else []), *notes_footer(chart.notes), *images.footer_lines(chart)]
    lines[-1] = f"{lines[-1]}  ·  {number}/{total}"
    rows = len(images.fit_footer(lines, PAGE_W, fig["layout"].get("margin", {}).get("l", 60)))
    fig["data"].extend(tables(page, table_lines(fig, rows)))
    return images.with_footer(fig, lines, PAGE_W, PAGE_H, legend=False)


def cover_figure(briefing: Briefing) -> dict:
    """The first page: title, scope, data date, plan versions and a table of contents with latest status."""
    lang = briefing.lang
    rows = []
    for i, page in enumerate(briefing.pages, start=2):
        p = page.chart.progress
        period, latest = "—", "—"
        if p.period:
            shown = basis.tagged(p.period.status, p, range(p.period.start, p.period.end + 1), lang)
            period = f"{period_text(p.period.start, p.period.end)}: {shown}"
        if p.latest:
            latest = f"{p.latest.year}: {basis.tagged(p.latest.status, p, [p.latest.year], lang)}"
        rows.append(
            [str(i), name(page.chart.indicator, lang), latest, period, _wrap(sources_short(page.chart, 120), 60)]
        )
    table = _table(
        ["#", t("indicator", lang), t("latest", lang), t("whole_period", lang), t("source", lang)],
        [list(c) for c in zip(*rows, strict=True)],
        (0, 1),
        (0.0, 0.92),
        [0.3, 2.2, 1.2, 1.6, 4],
    )
    scope = f"{name(briefing.region, lang)} ({briefing.region['code']}) · {t('briefing_scope', lang)}"
    fig = {
        "data": [table],
        "layout": {
            "title": {"text": f"<b>{briefing.title}</b><br><sup>{scope}</sup>", "x": 0.01},
            "margin": {"t": 90},
            "paper_bgcolor": "#ffffff",
        },
    }
    lines = [
        f"{both('data_as_of')}: {briefing.as_of:%Y-%m-%d}" if briefing.as_of else both("data_as_of"),
        f"{both('plan_version')}: " + ("; ".join(briefing.plan_versions)[:150] or "—"),
        briefing.view_url,
    ]
    return images.with_footer(fig, lines, PAGE_W, PAGE_H, legend=False)


def briefing_pdf(briefing: Briefing) -> bytes:
    """The pack as one PDF: cover, then one page per indicator. Example: ``briefing_pdf(collect(s, "610000"))``."""
    total = len(briefing.pages) + 1
    figures = [cover_figure(briefing)] + [page_figure(p, i, total) for i, p in enumerate(briefing.pages, start=2)]
    pages = [images.kaleido_server.render(f, "pdf", PAGE_W, PAGE_H) for f in figures]
    return pdf.merge(pages, title=briefing.title)
