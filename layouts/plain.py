"""A page's component tree as the plain data Dash sends for it, built in one pass.

Dash serialises a callback's answer with Plotly's JSON encoder, which meets every component object through its
``default`` hook (a chain of tries) and calls ``to_plotly_json`` there. A page of a few hundred components spends
more time in that dispatch than in building them. ``plain`` gives the same ``{"props", "type", "namespace"}``
dicts (same keys, same order) before the encoder runs, so it only sees lists and dicts. Values that are plain
dicts (figures, styles, grid rows) are left as they are: a component inside one still reaches the encoder's hook.

Example: ``plain(html.Div("x", id="a")) == html.Div("x", id="a").to_plotly_json()``
"""

from __future__ import annotations

from dash.development.base_component import Component


def plain(value):
    """``value`` with every component reachable through components and lists replaced by its JSON form."""
    if isinstance(value, Component):
        attrs = value.__dict__
        props = {name: plain(attrs[name]) for name in value._prop_names if name in attrs}
        wildcards = tuple(value._valid_wildcard_attributes)
        if wildcards:
            props.update({k: attrs[k] for k in attrs if k.startswith(wildcards)})
        return {"props": props, "type": value._type, "namespace": value._namespace}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
