"""Parts of a page drawn just after its first render (``layouts/later.py``): moved into their slot in the
browser, no request."""

from __future__ import annotations

from dash import MATCH, Input, Output

from layouts import ids


def register(app, sessions=None) -> None:
    app.clientside_callback(
        "function (content) { return content; }",
        Output({"type": ids.LATER_SLOT, "name": MATCH}, "children"),
        Input({"type": ids.LATER_CONTENT, "name": MATCH}, "data"),
    )
