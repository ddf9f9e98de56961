"""Download routes on the app's Flask server. Each returns an attachment with a Chinese-safe file name.

| route | what |
|---|---|
| ``GET /export/chart.<png|svg|pdf>?region=621100&indicator=poor_population_reduced`` | chart |
| ``GET /export/data.<csv|xlsx>?region=…&indicator=…`` | the chart's rows, sources and plan version |
| ``GET /export/briefing.<pdf|xlsx>?region=610000`` | briefing pack of a region and its sub-regions |
| ``GET /export/overview.<csv|xlsx>?plan=revised`` | the overview's rows, with the overview's own query string |

Optional, as on the page: ``chart=annual|cumulative|children`` (children: the sub-regions bars), ``lang=zh|en``,
``plan=original|revised``, ``from``/``to`` (years). Every route needs the export right (analyst, planner, admin),
checked here and in the gate. The link back on every export starts with the ``PUBLIC_URL`` setting, never with
the request's Host header; every error under ``/export/`` is plain text that never reflects a request's markup.
"""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import urlencode

from flask import Flask, request, send_file
from werkzeug.exceptions import HTTPException

from auth import guard
from export import briefing as briefing_pack
from export import images, tables, workbook
from export.answers import export_error, plain_error, public_url
from export.chart_data import CHARTS, ExportNotFound, safe_file_name
from export.charts import build_chart
from export.overview import overview_bytes
from textsafety import echo

MIMETYPES = {
    **images.FORMATS,
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CHART_FORMATS = tuple(images.FORMATS)
DATA_FORMATS = ("csv", "xlsx")
BRIEFING_FORMATS = ("pdf", "xlsx")


class BadRequest(ValueError):
    """A missing or malformed query parameter."""


VIEW_KEYS = ("plan", "from", "to")  # the page's view state that changes what a chart shows


def params(args) -> dict:
    """Query parameters of an export, checked; ``search`` carries the page's view state on.

    Example: ``params({"region": "621100", "indicator": "funds", "to": "2019"})["search"] == "?to=2019"``
    """
    region = (args.get("region") or "").strip()
    if not region:
        raise BadRequest("missing ?region=: give an adcode such as 621100")
    chart = args.get("chart") or "annual"
    if chart not in CHARTS:
        raise BadRequest(f"?chart={echo(chart)}: use one of {', '.join(CHARTS)}")
    view = {k: args[k] for k in VIEW_KEYS if args.get(k)}
    return {
        "region": region,
        "indicator": (args.get("indicator") or "").strip(),
        "lang": "en" if args.get("lang") == "en" else "zh",
        "chart": chart,
        "search": "?" + urlencode(view) if view else "",
    }


def attachment(data: bytes, fmt: str, stem: str):
    """Send bytes as a download; Flask writes a UTF-8 ``filename*`` so Chinese names survive."""
    name = f"{stem}-{date.today():%Y%m%d}.{fmt}"
    return send_file(io.BytesIO(data), mimetype=MIMETYPES[fmt], as_attachment=True, download_name=name)


def chart_bytes(session, fmt: str, p: dict, base_url: str) -> tuple[bytes, str]:
    """(bytes, file stem) of one chart export in an image or data format."""
    if not p["indicator"]:
        raise BadRequest("missing ?indicator=: give an indicator code such as poor_population_reduced")
    export = build_chart(session, p["region"], p["indicator"], p["lang"], base_url, p["search"], p["chart"])
    if fmt in CHART_FORMATS:
        return images.chart_image(export, fmt), export.file_stem
    data = (
        tables.csv_bytes(export.rows, tables.columns_of(export), p["lang"])
        if fmt == "csv"
        else tables.xlsx_bytes(export)
    )
    return data, export.file_stem


def briefing_bytes(session, fmt: str, region: str, lang: str, base_url: str, search: str = "") -> tuple[bytes, str]:
    """(bytes, file stem) of a region's briefing pack as PDF or XLSX, for the page's plan and years."""
    pack = briefing_pack.collect(session, region, lang, base_url, search)
    data = briefing_pack.briefing_pdf(pack) if fmt == "pdf" else workbook.briefing_xlsx(pack)
    return data, safe_file_name(f"{pack.region['code']}-{pack.region['name_zh']}-简报-briefing")


def register(app, sessions) -> None:
    """Attach the download routes to ``app.server`` (listed in ``callbacks.routes.SERVER_ROUTES``)."""
    server: Flask = app.server
    server.register_error_handler(HTTPException, export_error)

    def run(fmt: str, allowed: tuple[str, ...], make):
        guard.require("export")
        if fmt not in allowed:
            return plain_error(404, f"unknown format {echo(fmt)}: use one of {', '.join(allowed)}")
        try:
            p = params(request.args)
            with sessions() as session:
                data, stem = make(session, p, public_url())
        except BadRequest as exc:
            return plain_error(400, str(exc))
        except ExportNotFound as exc:
            return plain_error(404, str(exc))
        return attachment(data, fmt, stem)

    @server.route("/export/chart.<fmt>")
    def export_chart(fmt: str):
        return run(fmt, CHART_FORMATS, lambda s, p, url: chart_bytes(s, fmt, p, url))

    @server.route("/export/data.<fmt>")
    def export_data(fmt: str):
        return run(fmt, DATA_FORMATS, lambda s, p, url: chart_bytes(s, fmt, p, url))

    @server.route("/export/overview.<fmt>")
    def export_overview(fmt: str):
        guard.require("export")
        if fmt not in DATA_FORMATS:
            return plain_error(404, f"unknown format {echo(fmt)}: use one of {', '.join(DATA_FORMATS)}")
        query = request.query_string.decode("utf-8", "replace")
        search = f"?{query}" if query else ""
        with sessions() as session:
            data, stem = overview_bytes(session, fmt, search, f"{public_url().rstrip('/')}/{search}")
        return attachment(data, fmt, stem)

    @server.route("/export/<path:_rest>")
    def export_unknown(_rest: str):
        guard.require("export")
        return plain_error(404, "no such export: use /export/chart.…, data.…, briefing.…, overview.… or map.…")

    @server.route("/export/briefing.<fmt>")
    def export_briefing(fmt: str):
        return run(
            fmt, BRIEFING_FORMATS, lambda s, p, url: briefing_bytes(s, fmt, p["region"], p["lang"], url, p["search"])
        )
