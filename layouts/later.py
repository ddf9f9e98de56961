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
from layouts.plain import element, plain  # a Store's data as Dash sends it: components walked, plain dicts as they are


def later(name: str, content: Component | dict) -> dict:
    """``content`` drawn right after the rest of the page, in the slot this returns.

    Example: ``later("lower", html.Div(charts, className="row g-2"))``
    """
    return element(
        html.Div,
        [
            element(dcc.Store, id={"type": ids.LATER_CONTENT, "name": name}, data=plain(content)),
            element(html.Div, id={"type": ids.LATER_SLOT, "name": name}),
        ],
    )
