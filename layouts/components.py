"""Small shared pieces: status badges, clickable numbers that open their sources, percentages."""

from __future__ import annotations

from dash import html

from layouts import ids
from layouts.plain import element
from layouts.theme import COLORS, STATUS_ICON, STATUS_TEXT_COLOR
from text.i18n import t

# dashGridOptions.popupParent of a grid with select editors: its lists open in a layer fixed over the window
# (assets/dashAgGridFunctions.js), above their cell when there is no room below, never off the window (dogfood F9)
WINDOW_POPUPS = {"function": "windowPopupLayer()"}


def status_badge(status: str, lang: str, small: bool = False) -> dict:
    """Icon, word and colour: ``status_badge("behind", "zh")`` reads "✖ 落后" on vermillion (a plain ``html.Span``)."""
    return element(
        html.Span,
        f"{STATUS_ICON[status]} {t(status, lang)}",
        className="badge status-badge" + (" small" if small else ""),
        style={"backgroundColor": COLORS[status], "color": STATUS_TEXT_COLOR[status]},
        **{"data-status": status},
    )


def status_text(status: str, lang: str) -> str:
    """``status_text("behind", "zh") == "✖ 落后"``: the icon and the word, so colour is never the only cue."""
    return f"{STATUS_ICON[status]} {t(status, lang)}"


def status_cell(lines: list[str], status: str, figure_ids: list[int], cell: str, title: str = "", **attrs) -> dict:
    """A whole table cell as one clickable component: lines of text (first line bold), a status-coloured edge.

    One component instead of five keeps the overview's callback fast (it has one per year of every row).
    """
    return source_link(
        "\n".join(line for line in lines if line),
        figure_ids,
        cell,
        title=title,
        class_name=f"status-cell st-{status}",
        style={"borderLeft": f"6px solid {COLORS[status]}"},
        **{"data-status": status, **attrs},
    )


def source_link(
    children,
    figure_ids: list[int],
    cell: str,
    title: str = "",
    class_name: str = "",
    style: dict | None = None,
    **attrs,
) -> dict:
    """A number that opens its sources when clicked; ``cell`` makes the id unique on the page (a plain
    ``html.Button``, ``layouts/plain.py``).

    ``attrs`` carry ``data-*`` attributes (e.g. ``**{"data-year": "2019"}``)."""
    return element(
        html.Button,
        children,
        id={"type": ids.SOURCE_LINK, "cell": cell, "figs": ",".join(map(str, figure_ids))},
        className="btn btn-link p-0 text-reset text-decoration-none source-link " + class_name,
        title=title,
        n_clicks=0,
        disabled=not figure_ids,
        style=style,
        **attrs,
    )


def percent(value: float | None) -> str:
    """``percent(91.149) == "91.1%"``; None -> "—"."""
    return "—" if value is None else f"{value:.1f}%"


def parse_figure_ids(text: str | None) -> list[int]:
    """``parse_figure_ids("3,5") == [3, 5]``; junk is ignored."""
    return [int(x) for x in str(text or "").split(",") if x.strip().isdigit()]
