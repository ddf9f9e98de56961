"""The region page: breadcrumb, filters, annual and cumulative charts, year table, sub-regions, named
targets, consistency flags and multi-year figures."""

from __future__ import annotations

from html import unescape

from dash import dcc, html

from analysis.children import years_text
from analysis.consistency import Check
from analysis.progress import Progress
from layouts import ids
from layouts.charts import STRETCH_LABEL
from layouts.components import percent, source_link, status_badge
from layouts.controls import filter_bar, indicator_select, plan_select, status_help, year_range
from layouts.export_menu import briefing_menu, export_menu
from layouts.later import later
from layouts.map_figures import STATUS_COLORS
from layouts.overview_page import partial_text, period_cell
from layouts.plain import element
from layouts.theme import COLORS, STATUS_TEXT_COLOR
from layouts.timeline import delay_text, timeline_figure
from layouts.urlstate import canonical
from text.format import format_value
from text.i18n import both, name, reliability, t, tf
from text.i18n_rollup import rollup_text

GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False}


# The page's words about sums of sub-regions (roll-ups): (Chinese, English), one shown by the page's language
def rollup_note(p: Progress, lang: str) -> dict | None:
    """Says plainly that figures shown are sums of sub-regions (``rollup_note_text``), as a page element."""
    text = rollup_note_text(p, lang)
    if text is None:
        return None
    return element(
        html.Span, text, className="rollup-note small text-muted", **{"data-partial": str(p.rollup.partial).lower()}
    )


def rollup_note_text(p: Progress | None, lang: str) -> str | None:
    """How many sub-regions each summed series adds up (actuals and targets apart: a sub-region with targets only is
    in no actual) and, when some do not report, that no status judges the region on them, or None when every figure
    shown is the region's own: "Σ 下级合计 · 实际:5个下级中1个有数据(2018–2019年)"; the page and the exports say it."""
    r = p.rollup if p is not None else None
    if r is None:
        return None
    sides = []
    for key, counts in (("actual", r.counts), ("target", r.plan_counts)):
        if not counts:
            continue
        low, high = min(counts.values()), max(counts.values())
        reporting = low if low == high else f"{low}–{high}"
        values = {"series": rollup_text(key, lang), "total": r.total, "reporting": reporting}
        sides.append(rollup_text("side", lang, **values, years=years_text(list(counts))))
    text = rollup_text("note", lang, sides=";".join(sides) if lang != "en" else "; ".join(sides))
    return f"{text} · {rollup_text('partial', lang)}" if r.partial else text


def breadcrumb(path: list[dict], state: dict, bounds: tuple[int, int], lang: str) -> dict:
    overview_query = canonical({**state, "indicator": ""}, bounds)
    items = [
        element(html.Li, element(dcc.Link, t("overview", lang), href=f"/{overview_query}"), className="breadcrumb-item")
    ]
    for i, node in enumerate(path):
        last = i == len(path) - 1
        label = name(node, lang)
        items.append(
            element(
                html.Li,
                label if last else element(dcc.Link, label, href=f"/region/{node['code']}{canonical(state, bounds)}"),
                className="breadcrumb-item" + (" active" if last else ""),
            )
        )
    return element(
        html.Nav,
        element(html.Ol, items, className="breadcrumb mb-1"),
        id=ids.BREADCRUMB,
        **{"aria-label": "breadcrumb"},
    )


def chart_title(figure: dict) -> str:
    """``chart_title({"layout": {"title": {"text": "A &amp; B"}}}) == "A & B"``: a chart's accessible name."""
    return unescape(((figure.get("layout") or {}).get("title") or {}).get("text") or "")


def sized(figure: dict) -> dict:
    """``sized({"layout": {"height": 220}}) == {"height": "220px"}``: a chart's box as tall as its figure.

    ``dcc.Graph``'s own style is ``height: 100%``; placed straight in a grid column (a flex item, stretched to its
    row) that resolves against the column's height, not the figure's, and plotly's responsive resize then reads
    it and redraws the chart that tall: the sub-regions chart beside its download row came out 39 px (the row's
    height), drawn under the grid above it. A height in pixels keeps the width responsive and the height the
    figure's. ``{}`` for a figure without a height."""
    height = (figure.get("layout") or {}).get("height")
    return {"height": f"{height}px"} if height else {}


def graph(name_: str, figure: dict, wrapper_id: str, table_id: str | None = None) -> dict:
    """A chart as a figure named by its title; ``table_id`` names the table that says the same in text (linked)."""
    title = chart_title(figure)
    described = {"aria-describedby": table_id} if table_id else {}
    link = (
        element(html.A, f"{both('chart_table')} ↓", href=f"#{table_id}", className="chart-table-link small")
        if table_id
        else None
    )
    return element(
        html.Div,
        [
            element(
                dcc.Graph,
                id={"type": ids.CHART, "name": name_},
                figure=figure,
                config=GRAPH_CONFIG,
                style=sized(figure),
            ),
            link,
        ],
        id=wrapper_id,
        role="figure",
        **{"aria-label": title},
        **described,
    )


def unplanned(p: Progress, year: int, lang: str) -> dict | str:
    """The status of a year without a target: an actual says so as the map does ("○ 有实际·无目标", same colour,
    icon and words), a year with neither reads "—"."""
    if p.series["actual"].get(year) is None:
        return "—"
    return element(
        html.Span,
        t("status_no_target", lang),
        className="badge status-badge small",
        style={"backgroundColor": STATUS_COLORS["no_target"], "color": "#000000"},
        **{"data-state": "no_target"},  # not a judged status (data-status): the API's year status stays None
    )


def year_table(p: Progress, years: list[int], lang: str, stretch: dict | None = None) -> dict:
    unit, code = p.indicator["unit"], p.indicator["code"]

    def cell(point, key: str):
        if point is None:
            return element(html.Td, "—" if key != "actual" else t("no_figure", lang), className="text-muted")
        low = point.reliability == "low"
        summed = point.rolled_up and not point.derived  # a sum of sub-regions: Σ, and said so in its title
        text = (
            format_value(point.value, unit, lang, point.comparator) + (" Σ" if summed else "") + (" ⚠" if low else "")
        )
        title = t("derived_zero", lang) if point.derived else reliability(point.reliability, lang)
        title = f"{t('rolled_up', lang)} · {title}" if summed else title
        return element(
            html.Td,
            source_link(text, point.figure_ids, f"{code}-{point.year}-{key}", title=title),
            className="table-warning" if low else "",
        )

    cells = {c.year: c for c in p.years}
    stretch = stretch or {}  # 力争 targets: a column of their own, only where a region has them
    heads = [t(k, lang) for k in ("year", "plan_original", "plan_revised")]
    heads += [STRETCH_LABEL.get(lang, STRETCH_LABEL["zh"])] if stretch else []
    heads += [t(k, lang) for k in ("actual", "achievement", "status")]
    header = element(html.Thead, element(html.Tr, [element(html.Th, h) for h in heads]))
    body = []
    for y in years:
        c = cells.get(y)
        body.append(
            element(
                html.Tr,
                [
                    element(html.Td, str(y)),
                    cell(p.series["original"].get(y), "original"),
                    cell(p.series["revised"].get(y), "revised"),
                    *([cell(stretch.get(y), "stretch")] if stretch else []),
                    cell(p.series["actual"].get(y), "actual"),
                    element(html.Td, percent(c.achievement) if c else "—"),
                    element(html.Td, _status_of(c, p, lang) if c else unplanned(p, y, lang)),
                ],
                **{"data-year": str(y)},
            )
        )
    return element(
        html.Table, [header, element(html.Tbody, body)], className="table table-sm align-middle", id=ids.YEAR_TABLE
    )


def _status_of(c, p: Progress, lang: str):
    """A year's status badge; tagged partial when it judges a sum that leaves out sub-regions not reporting (plan
    and actual of the same ones); a partial sum not comparable with the target gets no judgement at all
    (「? 部分下级报告:5个下级中1个」, the colour and icon of "no reported figure")."""
    if c.partial is not None:
        return element(
            html.Span,
            partial_text(c.partial, lang),
            className="badge status-badge small",
            style={"backgroundColor": COLORS[c.status], "color": STATUS_TEXT_COLOR[c.status]},
            **{"data-status": c.status, "data-partial": "true"},
        )
    badge = status_badge(c.status, lang, True)
    if p.rollup is None or not p.rollup.partial_in(c.year):
        return badge
    return [badge, " ", element(html.Span, f"({rollup_text('partial_tag', lang)})", className="small text-muted")]


def timeline_table(p: Progress, names: dict[str, str], lang: str) -> dict:
    header = element(
        html.Thead,
        element(html.Tr, [element(html.Th, t(k, lang)) for k in ("region", "planned_year", "actual_year", "delay")]),
    )
    rows = [
        element(
            html.Tr,
            [
                element(
                    html.Td, element(dcc.Link, names.get(n.region_code, n.region_name), href=f"/region/{n.region_code}")
                ),
                element(html.Td, source_link(str(n.planned_year), n.target_ids, f"named-{n.region_code}-plan")),
                element(
                    html.Td,
                    source_link(str(n.actual_year), n.actual_ids, f"named-{n.region_code}-actual")
                    if n.actual_year
                    else t("no_figure", lang),
                ),
                element(html.Td, delay_text(n, lang), className="text-danger fw-bold" if (n.delay or 0) > 0 else ""),
            ],
            **{"data-region": n.region_code},
        )
        for n in p.named
    ]
    return element(html.Table, [header, element(html.Tbody, rows)], className="table table-sm", id=ids.TIMELINE_TABLE)


def consistency_list(checks: list[Check], unit: str, lang: str) -> dict:
    if not checks:
        return element(html.Div, id=ids.CONSISTENCY)
    items = []
    for c in checks:
        values = {
            "start": c.start,
            "end": c.end,
            "kind": t("target" if c.kind == "target" else "actual", lang),
            "stated": format_value(c.stated, unit, lang, c.comparator),
            "parts": c.parts,
            "summed": format_value(c.summed, unit, lang) if c.summed is not None else "—",
            "years": ", ".join(map(str, c.missing_years)),
        }
        key = "children_check" if c.check == "children" else "span_check"
        if c.check == "span" and c.missing_years:
            key = "span_partial" if c.summed is not None else "span_missing"
        verdict = {True: ("✔", "agrees"), False: ("✖", "differs"), None: ("?", "cannot_check")}[c.agrees]
        said = tf(key, lang, **values)
        if not c.complete:  # some sub-regions do not report: a sum below this region's figure is no alarm
            more = rollup_text("lower_expected", lang) if c.agrees is None else ""
            said += rollup_text("children_reporting", lang, total=c.sub_regions, reporting=c.reporting, more=more)
        items.append(
            element(
                html.Li,
                [
                    element(html.Strong, f"{verdict[0]} {t(verdict[1], lang)}: ", **{"data-agrees": str(c.agrees)}),
                    source_link(said, c.figure_ids, f"check-{len(items)}"),
                ],
            )
        )
    return element(
        html.Div,
        [element(html.H2, t("consistency", lang), className="h6 mt-3"), element(html.Ul, items, className="small")],
        id=ids.CONSISTENCY,
    )


def span_table(spans: list[dict], unit: str, lang: str) -> dict:
    if not spans:
        return element(html.Div, id=ids.SPAN_TABLE)
    header = element(
        html.Thead, element(html.Tr, [element(html.Th, t(k, lang)) for k in ("period", "kind", "value", "source")])
    )
    body = element(
        html.Tbody,
        [
            element(
                html.Tr,
                [
                    element(html.Td, f"{r['period_start']}–{r['period_end']}"),
                    element(html.Td, t("target" if r["kind"] == "target" else "actual", lang)),
                    element(
                        html.Td,
                        source_link(
                            format_value(r["value"], unit, lang, r["comparator"]), [int(r["id"])], f"span-{r['id']}"
                        ),
                    ),
                    element(
                        html.Td,
                        [
                            element(html.Span, r["quote"][:120], className="small"),
                            " ",
                            element(
                                html.Span, reliability(r["reliability"], lang), className="badge text-bg-light border"
                            ),
                        ],
                    ),
                ],
            )
            for r in spans
        ],
    )
    return element(
        html.Div,
        [
            element(html.H2, t("multi_year", lang), className="h6 mt-3"),
            element(html.Table, [header, body], className="table table-sm"),
        ],
        id=ids.SPAN_TABLE,
    )


def region_page(
    path: list[dict],
    indicators: list[dict],
    state: dict,
    bounds: tuple[int, int],
    lang: str,
    p: Progress | None = None,
    charts: dict[str, dict] | None = None,
    checks: list[Check] = (),
    names: dict[str, str] | None = None,
    years: list[int] = (),
    indicators_grid: html.Div | None = None,
    can_export: bool = False,
    stretch: dict | None = None,
) -> html.Div:
    """The page for ``path[-1]``; ``charts`` holds "annual", "cumulative" and optionally "children"; ``stretch``
    the 力争 tier by year (a year-table column of its own)."""
    current, charts, names = path[-1], charts or {}, names or {}
    head = [
        breadcrumb(path, state, bounds, lang),
        element(
            html.Div,
            [
                element(
                    html.H1, f"{name(current, lang)} · {current['code']}", id=ids.REGION_TITLE, className="h4 me-auto"
                ),
                status_help(lang),
            ],
            className="d-flex align-items-start gap-2",
        ),
        filter_bar(
            [
                indicator_select(indicators, p.indicator["code"] if p else None, lang, allow_all=False),
                year_range(bounds, (state["from"], state["to"]), lang),
                plan_select(state["plan"], lang),
            ],
            {**state, "indicator": p.indicator["code"] if p else None},
        ),
    ]
    if p is None:
        return html.Div([*head, element(html.P, t("no_figure", lang))])
    unit = p.indicator["unit"]

    def menu(chart: str):
        query = canonical(state, bounds)
        return export_menu(current["code"], p.indicator["code"], lang, query, chart) if can_export else None

    summary = element(
        html.Div,
        [
            element(html.Span, f"{name(p.indicator, lang)} · {t('whole_period', lang)}: ", className="fw-bold"),
            period_cell(p, lang),
            rollup_note(p, lang),
        ],
        id=ids.PERIOD_SUMMARY,
        className="d-flex flex-wrap gap-3 mb-2",
    )
    lower = []
    if "children" in charts:
        lower.append(
            element(
                html.Div,
                [
                    element(
                        dcc.Graph,
                        id=ids.CHILDREN_CHART,
                        figure=charts["children"],
                        config=GRAPH_CONFIG,
                        style=sized(charts["children"]),
                    ),
                    menu("children"),
                ],
                className="col-lg-6",
                role="figure",
                **{"aria-label": chart_title(charts["children"])},
            )
        )
    if p.named:
        lower.append(
            element(
                html.Div,
                [
                    graph(
                        "timeline",
                        timeline_figure(p.named, t("named_targets", lang), lang, names),
                        ids.TIMELINE,
                        ids.TIMELINE_TABLE,
                    ),
                    timeline_table(p, names, lang),
                ],
                className="col-lg-6",
            )
        )
    return html.Div(
        [
            *head,
            summary,
            element(
                html.Div,
                [
                    element(
                        html.Div,
                        [graph("annual", charts["annual"], ids.PLAN_CHART, ids.YEAR_TABLE), menu("annual")],
                        className="col-lg-6",
                    ),
                    element(
                        html.Div,
                        [
                            # drawn just after the annual chart, which then is the page's first render's only
                            # chart; its height kept meanwhile, so nothing below moves when it arrives
                            element(
                                html.Div,
                                later(
                                    "cumulative",
                                    graph("cumulative", charts["cumulative"], ids.CUMULATIVE_CHART, ids.YEAR_TABLE),
                                ),
                                style={"minHeight": f"{charts['cumulative']['layout'].get('height', 0)}px"},
                            ),
                            menu("cumulative"),
                        ],
                        className="col-lg-6",
                    ),
                ],
                className="row g-2",
            ),
            briefing_menu(current["code"], lang) if can_export else None,
            element(html.P, t("click_for_sources", lang), className="text-muted small mb-1"),
            # the tables, below the charts, are drawn just after the first one (layouts/later.py)
            later("year-table", year_table(p, list(years), lang, stretch)),
            # below the fold: drawn just after the charts above (layouts/later.py)
            later(
                "indicators",
                element(
                    html.Div, [element(html.H2, t("all_indicators_here", lang), className="h6 mt-2"), indicators_grid]
                ),
            )
            if indicators_grid is not None
            else None,
            later("lower", element(html.Div, lower, className="row g-2"))
            if lower
            else element(html.Div, className="row g-2"),
            later(
                "checks",
                element(html.Div, [consistency_list(list(checks), unit, lang), span_table(p.spans, unit, lang)]),
            ),
        ]
    )
