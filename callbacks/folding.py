"""Phones: the header's menu and a page's filters fold behind one button each (clientside, ``assets/phone.js``)."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State

from layouts import ids


def register(app, sessions=None) -> None:
    """Each button opens and closes its panel and says so (``aria-expanded``); a new page closes the menu
    (a page's filters start closed as it renders)."""
    app.clientside_callback(
        ClientsideFunction("phone", "toggle"),
        Output(ids.NAV_MENU, "is_open"),
        Output(ids.NAV_TOGGLE, "aria-expanded"),
        Input(ids.NAV_TOGGLE, "n_clicks"),
        Input(ids.URL, "pathname"),
        State(ids.NAV_MENU, "is_open"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("phone", "toggle"),
        Output(ids.FILTER_COLLAPSE, "is_open"),
        Output(ids.FILTER_TOGGLE, "aria-expanded"),
        Input(ids.FILTER_TOGGLE, "n_clicks"),
        State(ids.FILTER_COLLAPSE, "is_open"),
        prevent_initial_call=True,
    )
