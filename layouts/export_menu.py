"""Download links for one chart (PNG/SVG/PDF/CSV/XLSX) and the region's briefing-pack buttons.

Links download directly, with the browser's own progress; the briefing pack takes seconds, so its buttons run
a callback that shows a spinner and a message until the file arrives.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from layouts import ids
from layouts.urlstate import canonical, parse
from text.i18n import t

CHART_FORMATS = ("png", "svg", "pdf")
DATA_FORMATS = ("csv", "xlsx")
# view state that changes what a chart shows travels with the link; navigation state does not
PASSED_ON = ("plan", "from", "to")


def export_href(
    kind: str,
    fmt: str,
    region_code: str,
    indicator_code: str | None,
    lang: str,
    search: str = "",
    chart: str = "annual",
) -> str:
    """Address of one download.

    Example: ``export_href("chart", "png", "621100", "funds", "zh")``
    == ``"/export/chart.png?region=621100&indicator=funds&lang=zh"``
    """
    state = parse(search)
    query = {"region": region_code, **({"indicator": indicator_code} if indicator_code else {}), "lang": lang}
    if chart != "annual":
        query["chart"] = chart
    query.update({k: state[k] for k in PASSED_ON if state.get(k)})
    return f"/export/{kind}.{fmt}?{urlencode(query)}"


def _link(kind: str, fmt: str, region_code: str, indicator_code: str, lang: str, search: str, chart: str) -> html.A:
    return html.A(
        fmt.upper(),
        href=export_href(kind, fmt, region_code, indicator_code, lang, search, chart),
        download="",
        className=f"btn btn-outline-secondary btn-sm export-link export-{fmt}",
        title=f"{t('export_download', lang)} {fmt.upper()}",
        **{"data-format": fmt},
    )


def export_menu(
    region_code: str, indicator_code: str | None, lang: str, search: str = "", chart: str = "annual"
) -> html.Div:
    """A small group of download links for one chart of the region page (``annual``, ``cumulative`` or
    ``children``, the sub-regions bars); empty
    when no indicator is chosen. ``search`` is the page's query string: its plan and years travel along.

    Example: ``export_menu("621100", "poor_population_reduced", "zh", "?plan=revised", chart="cumulative")``
    """
    if not indicator_code:
        return html.Div(className="export-menu")
    charts = [_link("chart", f, region_code, indicator_code, lang, search, chart) for f in CHART_FORMATS]
    data = [_link("data", f, region_code, indicator_code, lang, search, chart) for f in DATA_FORMATS]
    return html.Div(
        [
            html.Span(f"{t('export_download', lang)}:", className="small text-muted me-1"),
            html.Div(charts, className="btn-group btn-group-sm me-2", role="group"),
            html.Span(f"{t('export_data', lang)}:", className="small text-muted me-1"),
            html.Div(data, className="btn-group btn-group-sm", role="group"),
        ],
        className=f"export-menu export-menu-{chart} d-flex flex-wrap align-items-center gap-1 mb-2",
    )


def overview_export_menu(state: dict, bounds: tuple[int, int], lang: str) -> html.Div:
    """Download links for the overview's rows as data (CSV, XLSX), for the view shown (plan, years, indicator,
    region, reported only: ``export.overview``).

    Example: ``overview_export_menu({"plan": "revised", "lang": "zh"}, (2013, 2020), "zh")``
    """
    query = canonical(state, bounds)
    links = [
        html.A(
            fmt.upper(),
            href=f"/export/overview.{fmt}{query}",
            download="",
            className=f"btn btn-outline-secondary btn-sm export-link export-{fmt}",
            title=f"{t('export_download', lang)} {fmt.upper()}",
            **{"data-format": fmt},
        )
        for fmt in DATA_FORMATS
    ]
    return html.Div(
        [
            html.Span(f"{t('export_data', lang)}:", className="small text-muted me-1"),
            html.Div(links, className="btn-group btn-group-sm", role="group"),
        ],
        className="export-menu export-menu-overview d-flex flex-wrap align-items-center gap-1 mb-2",
    )


def briefing_menu(region_code: str, lang: str) -> html.Div:
    """Buttons for the region's briefing pack (PDF, XLSX) with a progress message while it is built."""
    button = "btn btn-outline-primary btn-sm"
    return html.Div(
        [
            html.Span(f"{t('briefing_pack', lang)} ({t('briefing_scope', lang)}):", className="small text-muted me-1"),
            html.Button(t("briefing_pdf", lang), id=ids.BRIEFING_PDF, className=button, **{"data-region": region_code}),
            html.Button(t("briefing_xlsx", lang), id=ids.BRIEFING_XLSX, className=button),
            dcc.Loading(
                html.Span(id=ids.BRIEFING_STATUS, className="small ms-2", role="status"),
                custom_spinner=html.Span(
                    [html.Span(className="spinner-border spinner-border-sm me-1"), t("briefing_working", lang)],
                    className="small ms-2",
                    role="status",
                ),
                delay_show=150,
            ),
            dcc.Download(id=ids.BRIEFING_DOWNLOAD),
        ],
        className="briefing-menu d-flex flex-wrap align-items-center gap-1 mb-2",
    )
