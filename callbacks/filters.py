"""Filters -> URL query string (the URL is the single source of the view state).

Dash also fires these callbacks when a page renders its filters, with every control marked as changed. So
each control is compared with the state the page was rendered with (``ids.VIEW_STATE``), and only a control
that differs is written: a region page opened without ``indicator`` keeps its URL (it shows its default
indicator), each real change is one history entry, and the back button never bounces.
"""

from __future__ import annotations

from dash import Input, Output, State, no_update

from layouts import ids, urlstate


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.INDICATOR_SELECT, "value"),
        Input(ids.YEAR_RANGE, "value"),
        Input(ids.PLAN_SELECT, "value"),
        State(ids.URL, "search"),
        State(ids.YEAR_RANGE, "min"),
        State(ids.YEAR_RANGE, "max"),
        State(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def filters_to_url(indicator, years, plan, search, lo, hi, shown):
        bounds = (int(lo), int(hi)) if lo is not None and hi is not None else (1900, 2100)
        shown = shown or {}
        current = urlstate.view_state(search, bounds)
        wanted = dict(current)
        if (indicator or "") != (shown.get("indicator") or ""):
            wanted["indicator"] = indicator or ""
        if (plan or "original") != shown.get("plan"):
            wanted["plan"] = plan or "original"
        if years and len(years) == 2 and [min(years), max(years)] != [shown.get("from"), shown.get("to")]:
            wanted.update({"from": int(min(years)), "to": int(max(years))})
        if wanted == current:
            return no_update
        return urlstate.canonical(wanted, bounds)

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.REPORTED_ONLY, "value"),
        State(ids.URL, "search"),
        State(ids.YEAR_RANGE, "min"),
        State(ids.YEAR_RANGE, "max"),
        prevent_initial_call=True,
    )
    def reported_to_url(value, search, lo, hi):
        bounds = (int(lo), int(hi)) if lo is not None and hi is not None else (1900, 2100)
        current = urlstate.view_state(search, bounds)
        wanted = dict(current, reported=bool(value))
        return no_update if wanted == current else urlstate.canonical(wanted, bounds)

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.OVERVIEW_REGION, "value"),
        State(ids.URL, "search"),
        State(ids.YEAR_RANGE, "min"),
        State(ids.YEAR_RANGE, "max"),
        State(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def region_to_url(value, search, lo, hi, shown):
        """The overview's region filter: a change is one history entry; cleared, the whole country (no ``region``)."""
        if (value or "") == ((shown or {}).get("region") or ""):
            return no_update
        bounds = (int(lo), int(hi)) if lo is not None and hi is not None else (1900, 2100)
        current = urlstate.view_state(search, bounds)
        wanted = dict(current, region=urlstate.region_code(value))
        return no_update if wanted == current else urlstate.canonical(wanted, bounds)
