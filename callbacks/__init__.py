"""Callback wiring. ``register(app, sessions)`` attaches every callback module to one app: the one place that
lists them. The pages they render are in the route table, ``callbacks.routes``."""

from __future__ import annotations

from callbacks import (
    documents_commit,
    documents_grid,
    documents_held,
    documents_missed,
    documents_reading,
    documents_redraw,
    documents_reread,
    documents_title,
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
    # the Documents page step by step, its callbacks in their registered order (``tests.accounts.payload`` posts
    # to the first callback an input triggers: documents_redraw before documents_held, both on the page state)
    documents_reading,
    documents_reread,
    documents_title,
    documents_grid,
    documents_redraw,
    documents_missed,
    documents_commit,
    documents_held,
)


def register(app, sessions) -> None:
    for module in MODULES:
        module.register(app, sessions)
