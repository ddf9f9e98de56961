"""Briefing-pack buttons: build the pack for the page's region and send it as a download."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import Input, Output, State, ctx, dcc, no_update

from auth import guard
from export.answers import public_url
from export.chart_data import ExportNotFound
from export.routes import VIEW_KEYS, briefing_bytes
from layouts import ids, urlstate
from text.i18n import t


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.BRIEFING_DOWNLOAD, "data"),
        Output(ids.BRIEFING_STATUS, "children"),
        Input(ids.BRIEFING_PDF, "n_clicks"),
        Input(ids.BRIEFING_XLSX, "n_clicks"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
        running=[
            (Output(ids.BRIEFING_PDF, "disabled"), True, False),
            (Output(ids.BRIEFING_XLSX, "disabled"), True, False),
        ],
    )
    def send_briefing(_pdf, _xlsx, pathname: str | None, search: str | None):
        guard.require("export")
        parts = (pathname or "").strip("/").split("/")
        if len(parts) < 2 or parts[0] != "region":
            return no_update, no_update
        state = urlstate.parse(search)
        lang = urlstate.lang_of(state)
        view = {k: state[k] for k in VIEW_KEYS if state.get(k)}
        fmt = "pdf" if ctx.triggered_id == ids.BRIEFING_PDF else "xlsx"
        try:
            with sessions() as session:
                data, stem = briefing_bytes(
                    session, fmt, parts[1], lang, public_url(), "?" + urlencode(view) if view else ""
                )
        except ExportNotFound as exc:
            return no_update, str(exc)
        return dcc.send_bytes(data, f"{stem}.{fmt}"), t("briefing_ready", lang)
