"""Callback wiring. ``register(app, sessions)`` attaches every page's callbacks to one app."""

from __future__ import annotations

from callbacks import filters, map, navigation, overview, region, review, sources, upload


def register(app, sessions) -> None:
    navigation.register(app, sessions)
    filters.register(app, sessions)
    overview.register(app, sessions)
    region.register(app, sessions)
    sources.register(app, sessions)
    upload.register(app, sessions)
    map.register(app, sessions)
    review.register(app, sessions)
