"""A part of a page sent with the page but drawn just after its first render (``callbacks/later.py``).

A page's first chart is drawn in the browser's first render of the page, together with everything else in
it; the parts below the fold (a sub-regions chart, the status grid) made that render, and so the first chart,
wait. Wrapped in ``later``, a part arrives in the same response (no second request, nothing computed twice)
and is drawn a moment afterwards, in a render of its own.
"""

from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from layouts import ids


def later(name: str, content: Component) -> html.Div:
    """``content`` drawn right after the rest of the page, in the slot this returns.

    Example: ``later("lower", html.Div(charts, className="row g-2"))``
    """
    return html.Div(
        [
            dcc.Store(id={"type": ids.LATER_CONTENT, "name": name}, data=plain(content)),
            html.Div(id={"type": ids.LATER_SLOT, "name": name}),
        ]
    )


def plain(value):
    """A component tree as the JSON Dash sends (a Store's data may not hold Component objects).

    Example: ``plain(html.B("x")) == {"props": {"children": "x"}, "type": "B", "namespace": "dash_html_components"}``
    """
    if isinstance(value, Component):
        as_json = value.to_plotly_json()
        return {**as_json, "props": plain(as_json["props"])}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value
