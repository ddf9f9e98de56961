"""Callback wiring. ``register(app, sessions)`` attaches every callback module to one app: the one place that
lists them. The pages they render are in the route table, ``callbacks.routes``."""

from __future__ import annotations

from callbacks import (
    documents,
    documents_held,
    export,
    filters,
    folding,
    history,
    later,
    map,
    map_export,
    navigation,
    overview,
    region,
    review,
    sources,
    upload,
)

MODULES = (
    navigation,
    filters,
    folding,
    overview,
    region,
    later,
    sources,
    history,
    upload,
    map_export,
    map,
    export,
    review,
    documents,
    documents_held,
)


def register(app, sessions) -> None:
    for module in MODULES:
        module.register(app, sessions)
