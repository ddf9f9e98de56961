"""The note under every page saying which data version it shows (``data_state.version``, raised by every write).

A page served by a replica that lags shows an older version than the primary's; a page's number tells which."""

from __future__ import annotations

from dash import html

from layouts import ids
from text.i18n import t


def data_version_note(version: int, lang: str) -> html.P:
    """A small muted line. Example: ``data_version_note(42, "en").children == "data version 42"``"""
    return html.P(
        f"{t('data_version', lang)} {version}",
        id=ids.DATA_VERSION,
        className="text-muted small mt-3 mb-0",
        **{"data-version": str(version)},
    )
