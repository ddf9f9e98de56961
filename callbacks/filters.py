"""Filters -> URL query string (the URL is the single source of the view state).

Dash fires this callback whenever a page renders its filters; it only writes the URL when the view the
filters describe differs from the URL's, so each real change is one history entry and the back button works.
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
        prevent_initial_call=True,
    )
    def filters_to_url(indicator, years, plan, search, lo, hi):
        bounds = (int(lo), int(hi)) if lo is not None and hi is not None else (1900, 2100)
        current = urlstate.view_state(search, bounds)
        wanted = dict(current, indicator=indicator or "", plan=plan or "original")
        if years and len(years) == 2:
            wanted.update({"from": int(min(years)), "to": int(max(years))})
        if wanted == current:
            return no_update
        return urlstate.canonical(wanted, bounds)
