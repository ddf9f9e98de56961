"""The overview: every plan region and indicator, year-by-year and whole-period status, worst first."""

from __future__ import annotations

import functools

import dash_ag_grid as dag
from dash import html

from analysis.progress import Progress
from analysis.status import STATUSES, Assessment
from layouts import ids
from layouts.components import percent, status_cell, status_text
from layouts.controls import (
    filter_bar,
    indicator_select,
    plan_select,
    region_select,
    reported_toggle,
    status_help,
    year_range,
)
from layouts.export_menu import overview_export_menu
from layouts.plain import element
from layouts.sparkline import SIZE, sparkline_data
from layouts.theme import COLORS
from layouts.urlstate import canonical
from text.format import value_format
from text.i18n import name, t, tf

PARTIAL_TEXT = ("? 部分下级报告:{total}个下级中{reporting}个", "? partial: {reporting} of {total} sub-regions report")


def partial_text(partial: tuple[int, int], lang: str) -> str:
    """The status of a sum of only some sub-regions, which is no judgement: ``partial_text((1, 5), "en") ==
    "? partial: 1 of 5 sub-regions report"`` (the icon of "no reported figure", whose colour it keeps)."""
    zh, en = PARTIAL_TEXT
    return (en if lang == "en" else zh).format(reporting=partial[0], total=partial[1])


PARTIAL_TAG = ("? 部分下级 {reporting}/{total}", "? partial: {reporting} of {total} sub-regions")
NO_PERIOD_PARTIAL = (
    "无全期目标:各年目标仅为部分下级之和",
    "no period target: the yearly targets are sums of only some sub-regions",
)


def partial_tag(p: Progress, years, lang: str) -> str | None:
    """The mark of a status (or figure) that is of only some sub-regions, where plan and actual are both theirs
    and so still judged (the README's status rule), or a summed target with no actual yet: ``partial_tag(p, [2017],
    "en") == "? partial: 1 of 14 sub-regions"`` (广西 2017: 百色's target and actual); None when ``years`` hold
    only the region's own figures or sums of all its sub-regions."""
    partial = p.rollup.partial_of(years) if p.rollup is not None else None
    if partial is None:
        return None
    zh, en = PARTIAL_TAG
    return (en if lang == "en" else zh).format(reporting=partial[0], total=partial[1])


def _status_word(status: str, partial: tuple[int, int] | None, lang: str) -> str:
    return partial_text(partial, lang) if partial is not None else status_text(status, lang)


def period_lines(a: Assessment, unit: str, lang: str, tag: str | None = None) -> list[str]:
    """Period, actual / plan, percent and status, the pace still needed and any missing years; ``tag``
    (``partial_tag``) after the status when the period is of only some sub-regions."""
    fmt = value_format(unit, lang)
    label = (str(a.end) if a.start == a.end else f"{a.start}–{a.end}") + (
        "" if a.finished else f" ({tf('to_date', lang, year=a.as_of)})"
    )
    shown = fmt(a.actual) if a.actual is not None else "—"  # the status line says why
    lines = [label, f"{shown} / {fmt(a.target, a.comparator)}"]
    if a.achievement_to_date is not None and a.expected_to_date is not None:
        # an unfinished period is judged on the plan to date: its percent goes with the status, the whole
        # period's is said apart, so the two never read as one
        pace = tf("pace_to_date", lang, plan=fmt(a.expected_to_date), pct=percent(a.achievement_to_date))
        lines += [
            f"{pace} {_status_word(a.status, a.partial, lang)}",
            tf("of_whole_period", lang, pct=percent(a.achievement)),
        ]
    else:
        lines.append(f"{percent(a.achievement)} {_status_word(a.status, a.partial, lang)}")
    if tag and a.partial is None:
        lines.append(tag)
    if a.needed_per_year is not None and a.remaining_years:
        years = f"{a.end - a.remaining_years + 1}–{a.end}" if a.remaining_years > 1 else str(a.end)
        lines.append(tf("need_per_year", lang, years=years, value=fmt(a.needed_per_year)))
    if a.missing_years:
        lines.append(tf("missing_years", lang, years=", ".join(map(str, a.missing_years))))
    return lines


def period_tag(p: Progress, lang: str) -> str | None:
    """``partial_tag`` over the plan period's years (None without a period)."""
    a = p.period
    return None if a is None else partial_tag(p, range(a.start, a.end + 1), lang)


def no_period_text(p: Progress, lang: str) -> str:
    """Why there is no period target: said plainly when the yearly targets are sums of only some sub-regions (their
    total, 柳州's 2016 target plus 百色's 2017 one, is no plan of 广西's)."""
    r = p.rollup
    if r is not None and any(r.plan_counts.get(y, r.total) < r.total for y in r.years):
        zh, en = NO_PERIOD_PARTIAL
        return en if lang == "en" else zh
    return t("no_period", lang)


def period_cell(p: Progress, lang: str):
    a = p.period
    if a is None:
        return element(html.Span, no_period_text(p, lang), className="text-muted")
    return status_cell(
        period_lines(a, p.indicator["unit"], lang, period_tag(p, lang)),
        a.status,
        p.period_ids + p.period_actual_ids,
        f"{p.region_code}-{p.indicator['code']}-period",
        **{"data-period": f"{a.start}-{a.end}"},
    )


def _status_value(lines: list[str], status: str, figure_ids: list[int]) -> dict:
    text = "\n".join([line for line in lines if line])
    return {"text": text, "status": status, "ids": ",".join(map(str, figure_ids))}


def grid_row(p: Progress, region: dict, lang: str, href: str) -> dict:
    """One overview row as plain data for the grid: each status cell is {text, status, ids}."""
    unit = p.indicator["unit"]
    actuals = p.series["actual"]
    row = {
        "id": f"{region['code']}-{p.indicator['code']}",
        "region": name(region, lang),
        "indicator": name(p.indicator, lang),
        "href": href,
        "trend": sparkline_data(p.plan_points, actuals),
    }
    fmt, low_text, texts = value_format(unit, lang), t("low_reliability", lang), _status_texts(lang)
    tagged = p.rollup is not None
    cells = {}  # year -> (pair, percent, low reliability, ids): the latest year's cell says them again
    for c in p.years:  # _status_value of [status, pair, percent, low reliability], inline: a grid has hundreds
        plan, actual, achieved = c.plan, c.actual, c.achievement
        planned = fmt(plan.value, plan.comparator)
        if plan.rolled_up and not plan.derived:  # a sum of sub-regions' figures
            planned += " Σ"
        if actual is None:
            pair = f"— / {planned}"
            low = plan.reliability == "low"
            ids = ",".join(map(str, plan.figure_ids))
        else:
            shown_actual = fmt(actual.value)
            if actual.rolled_up and not actual.derived:
                shown_actual += " Σ"
            pair = f"{shown_actual} / {planned}"
            low = plan.reliability == "low" or actual.reliability == "low"
            ids = ",".join(map(str, plan.figure_ids + actual.figure_ids))
        shown = "—" if achieved is None else f"{achieved:.1f}%"  # percent
        cells[c.year] = pair, shown, low, ids
        word = texts[c.status] if c.partial is None else partial_text(c.partial, lang)
        tag = partial_tag(p, (c.year,), lang) if tagged and c.partial is None else None
        word = f"{word}\n{tag}" if tag else word
        text = f"{word}\n{pair}\n{shown}"
        text = f"{text}\n{low_text}" if low and low_text else text
        row[f"y{c.year}"] = {"text": text, "status": c.status, "ids": ids}
    if p.latest is not None:
        c = p.latest  # one of p.years: its pair, percent, reliability and ids already known
        pair, shown, low, ids = cells[c.year]
        word = texts[c.status] if c.partial is None else partial_text(c.partial, lang)
        tag = partial_tag(p, (c.year,), lang) if c.partial is None and p.rollup is not None else None
        lines = [str(c.year), pair, f"{shown} {word}", tag or "", low_text if low else ""]
        row["latest"] = {"text": "\n".join([line for line in lines if line]), "status": c.status, "ids": ids}
    if p.period is not None:
        a = p.period
        lines = period_lines(a, unit, lang, period_tag(p, lang) if p.rollup is not None else None)
        row["period"] = _status_value(lines, a.status, p.period_ids + p.period_actual_ids)
    elif p.rollup is not None:
        row["period"] = _status_value([no_period_text(p, lang)], "no_data", [])
    return row


@functools.cache
def _status_texts(lang: str) -> dict[str, str]:
    """``status_text`` of every status in one language (a grid has one per cell)."""
    return {status: status_text(status, lang) for status in STATUSES}


STATUS_CELL = {
    "valueFormatter": {"function": "params.value ? params.value.text : ''"},
    "cellClassRules": {f"status-cell st-{s}": f"params.value && params.value.status === '{s}'" for s in STATUSES},
    "wrapText": True,
    "autoHeight": True,
    "sortable": False,
}


def overview_grid(
    rows: list[dict], years: list[int], lang: str, name_: str = "overview", wrapper_id: str = ids.OVERVIEW_TABLE
) -> html.Div:
    """The table: region and indicator, one column per year of the schedule, latest year, plan period, trend.

    A click on a status cell opens its sources; a click on the region cell opens ``href`` (the region page)."""
    columns = [
        {
            "field": "href",  # the value a click on the cell navigates to
            "colId": "region",
            "headerName": t("region_indicator", lang),
            "cellRenderer": "RegionCell",
            "pinned": "left",
            "width": 132,
            "autoHeight": True,
        },
        # flex shares the width left over: columns fill a laptop screen and a projector alike
        *({"field": f"y{y}", "headerName": str(y), "flex": 1, "minWidth": 100, **STATUS_CELL} for y in years),
        {"field": "latest", "headerName": t("latest_year", lang), "flex": 1.2, "minWidth": 130, **STATUS_CELL},
        {"field": "period", "headerName": t("whole_period", lang), "flex": 1.5, "minWidth": 150, **STATUS_CELL},
        {
            "field": "trend",
            "headerName": t("trend", lang),
            "cellRenderer": "Sparkline",
            "cellRendererParams": {**SIZE, "actualColor": COLORS["actual"], "label": t("trend_label", lang)},
            # the value is the sparkline's points, drawn by the renderer: no data type to infer, so AG Grid 33+
            # does not ask for a value formatter (console warning #48)
            "cellDataType": False,
            "width": 136,
        },
    ]
    grid = dag.AgGrid(
        id={"type": ids.STATUS_GRID, "name": name_},
        rowData=rows,
        columnDefs=columns,
        getRowId="params.data.id",
        defaultColDef={"sortable": False, "resizable": True, "suppressMovable": True, "cellClass": "grid-cell"},
        dashGridOptions={
            "domLayout": "autoHeight",
            "suppressCellFocus": True,
            "headerHeight": 34,
            "animateRows": False,
            "suppressColumnVirtualisation": True,
        },
        className="ag-theme-quartz overview-grid",
        style={"width": "100%"},
    )
    return html.Div(grid, id=wrapper_id)


def status_grid(
    rows: list[tuple[dict, Progress]],
    state: dict,
    bounds: tuple[int, int],
    lang: str,
    name_: str = "overview",
    wrapper_id: str = ids.OVERVIEW_TABLE,
) -> html.Div:
    """The grid for (region, progress) rows already sorted worst first; each row links to its region page."""
    queries: dict[str, str] = {}  # the query string of each indicator's rows, built once
    for _, p in rows:
        code = p.indicator["code"]
        if code not in queries:
            queries[code] = canonical({**state, "indicator": code}, bounds)
    data = [grid_row(p, region, lang, f"/region/{region['code']}" + queries[p.indicator["code"]]) for region, p in rows]
    years = sorted({c.year for _, p in rows for c in p.years})
    return overview_grid(data, years, lang, name_, wrapper_id)


def has_reported(p: Progress) -> bool:
    """Whether any year shown or the plan period has an actual figure."""
    return any(c.actual is not None for c in p.years) or (p.period is not None and p.period.actual is not None)


def overview_page(
    rows: list[tuple[dict, Progress]],
    indicators: list[dict],
    state: dict,
    bounds: tuple[int, int],
    lang: str,
    regions: list[dict] = (),
    path: list[dict] = (),
    can_export: bool = False,
) -> html.Div:
    """``rows`` are (region, progress) pairs already sorted worst first; ``regions`` the region filter's first
    choices, ``path`` the region filtered on and its ancestors (``views.overview.OverviewView``); ``can_export``:
    the reader may download the rows as data."""
    hidden = 0
    if state.get("reported"):
        shown = [row for row in rows if has_reported(row[1])]
        hidden, rows = len(rows) - len(shown), shown
    hint = t("overview_hint", lang) + (" " + tf("hidden_unreported", lang, n=hidden) if hidden else "")
    if path:
        place = name(path[-1], lang)
        hint = tf("region_filtered" if rows else "no_targets_in_region", lang, region=place) + " " + hint
    return html.Div(
        [
            html.Div(
                [html.H1(t("overview_title", lang), className="h4 me-auto"), status_help(lang)],
                className="d-flex align-items-start gap-2",
            ),
            filter_bar(
                [
                    region_select(list(regions), state.get("region"), lang),
                    indicator_select(indicators, state.get("indicator"), lang, allow_all=True),
                    year_range(bounds, (int(state["from"]), int(state["to"])), lang),
                    plan_select(state["plan"], lang),
                    reported_toggle(bool(state.get("reported")), lang),
                ],
                state,
            ),
            html.P(hint, id=ids.OVERVIEW_HINT, className="text-muted small mb-1"),
            overview_export_menu(state, bounds, lang) if can_export else None,
            status_grid(rows, state, bounds, lang),
        ]
    )
