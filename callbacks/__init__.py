"""Callback wiring. ``register(app, sessions)`` attaches every page's callbacks to one app."""

from __future__ import annotations

from callbacks import map, navigation, region


def register(app, sessions) -> None:
    navigation.register(app, sessions)
    region.register(app, sessions)
    map.register(app, sessions)
