"""The banner every page shows on a database holding synthetic figures (``etl synth``)."""

from __future__ import annotations

from dash import html

from layouts import ids
from text.i18n import t


def synthetic_banner(lang: str) -> html.Div:
    """A warning strip, text and icon (never colour alone). Example: ``synthetic_banner("en")``"""
    return html.Div(
        t("synthetic_banner", lang), id=ids.SYNTHETIC_BANNER, className="alert alert-warning py-1 small", role="status"
    )
