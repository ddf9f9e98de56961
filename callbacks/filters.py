"""Filters -> URL query string (the URL is the single source of the view state)."""

from __future__ import annotations

from dash import Input, Output, State, no_update

from callbacks import urlstate
from layouts import ids


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.INDICATOR_SELECT, "value"),
        Input(ids.YEAR_RANGE, "value"),
        Input(ids.PLAN_SELECT, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def filters_to_url(indicator: str | None, years: list[int] | None, plan: str | None, search: str | None):
        changes = {"indicator": indicator or "", "plan": "" if plan == "original" else plan}
        if years and len(years) == 2:
            changes.update({"from": str(min(years)), "to": str(max(years))})
        new = urlstate.with_changes(search, **changes)
        return no_update if urlstate.parse(new) == urlstate.parse(search) else new
