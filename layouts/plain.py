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
    kind = type(value)
    if kind is dict or kind is str:  # the usual items of a page already plain (``element``), and text
        return value
    if kind is list:
        return [plain(v) for v in value]
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


_UNSET = object()
_SHAPES: dict[type, tuple[list[str], dict[str, int], tuple[str, ...]]] = {}


def _shape(component: type[Component]) -> tuple[list[str], dict[str, int], tuple[str, ...]]:
    """A component class's prop names in its own order, each name's place in it, and its wildcard prefixes
    ("data-", "aria-")."""
    shape = _SHAPES.get(component)
    if shape is None:
        probe = object.__new__(component)
        try:
            component.__init__(probe)  # sets the names first; a class with required props then raises
        except TypeError:
            pass
        names = [n for n in probe._prop_names if not n.endswith("*")]
        places = {n: i for i, n in enumerate(names)}
        shape = _SHAPES[component] = (names, places, tuple(probe._valid_wildcard_attributes))
    return shape


def element(component: type[Component], children=_UNSET, **props) -> dict:
    """The plain data Dash sends for ``component(children, **props)``, built without the component object
    (a page's tables have hundreds of cells: the object and its walk by ``plain`` cost ten times the dict).

    Props are checked as the component checks them (an unknown name raises ``TypeError``) and keep its order.

    Example: ``element(html.Td, "x", className="a") == plain(html.Td("x", className="a"))``
    """
    _names, known, wildcards = _shape(component)
    if children is not _UNSET:
        props["children"] = plain(children)
    elif "children" in known:
        props["children"] = None  # as the component sets it
    ours = []  # the component's own props (in its order below), then the wildcard ones as given
    for key in props:
        if key in known:
            ours.append(key)
        elif not key.startswith(wildcards):
            raise TypeError(f"{component.__name__} received an unexpected keyword argument: `{key}`")
    ours.sort(key=known.__getitem__)
    ordered = {k: props[k] for k in ours}
    if len(ordered) < len(props):
        ordered.update((k, v) for k, v in props.items() if k not in known)
    return {"props": ordered, "type": component._type, "namespace": component._namespace}
