"""Notes (说明) on pages and in exports: markers on the annual chart, cards in the sources panel and under the
chart, one line per note for exported images and tables. Note text is always text: Dash components escape it,
the chart's hover gets it through ``textsafety.markup`` and the exports' footers through ``export.images``
(plotly reads a subset of HTML).

Example::

    fig = with_note_markers(fig, notes, [2016, 2017, 2018, 2019], "zh")   # ※说明 over 2019, the note on hover
"""

from __future__ import annotations

import copy

from dash import dcc, html

from layouts import ids
from layouts.plain import element
from text.i18n import t
from textsafety import markup

MARKER_COLOR = "#8a5a00"


def _when(value) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def note_line(note: dict) -> str:
    """``"2019: 受洪灾影响 — li 2026-11-30"``: one note as plain text (not escaped)."""
    return f"{note['year']}: {note['text']} — {note['author']} {_when(note['created_at'])}".strip()


def notes_footer(notes: list[dict], limit: int = 160) -> list[str]:
    """Footer lines of an exported page with its notes, as plain text (``export.images.with_footer`` makes
    them text for plotly)."""
    lines = []
    for note in notes:
        text = note_line(note)
        text = text if len(text) <= limit else text[: limit - 1] + "…"
        lines.append(f"说明 Note {text}")
    return lines


def with_note_markers(figure: dict, notes: list[dict], years: list[int], lang: str) -> dict:
    """A copy of a by-year chart with a ※说明 marker over each year that has notes; hovering shows them."""
    by_year: dict[int, list[dict]] = {}
    for note in notes:
        if note["year"] in years:
            by_year.setdefault(note["year"], []).append(note)
    if not by_year:
        return figure
    out = copy.deepcopy(figure)
    marks = out["layout"].setdefault("annotations", [])
    for year, group in sorted(by_year.items()):
        marks.append(
            {
                "x": years.index(year),  # an index: the axis is categorical
                "xref": "x",
                "y": 1.0,
                "yref": "paper",
                "yanchor": "bottom",
                "text": t("note_marker", lang),
                "hovertext": "<br>".join(markup(note_line(n)) for n in group),
                "showarrow": False,
                "font": {"size": 11, "color": MARKER_COLOR},
                "name": f"note-{year}",
            }
        )
    return out


def note_cards(notes: list[dict], lang: str, editable: bool = False) -> list:
    """Notes as small cards (text children: never markup); ``editable`` adds an edit button to each."""
    cards = []
    for n in notes:
        edited = (
            " " + t("note_edited", lang).format(by=n["edited_by"], at=_when(n["edited_at"]))
            if n.get("edited_at")
            else ""
        )
        cards.append(
            html.Div(
                [
                    html.Strong(f"{t('notes_title', lang)} {n.get('region_name', n['region_code'])} {n['year']}: "),
                    html.Span(n["text"], className="note-text"),
                    html.Div(
                        t("note_by", lang).format(author=n["author"], at=_when(n["created_at"])) + edited,
                        className="small text-muted",
                    ),
                    html.Button(
                        t("note_edit", lang),
                        id={"type": ids.NOTE_EDIT, "index": n["id"]},
                        className="btn btn-link btn-sm p-0 align-self-start",
                    )
                    if editable
                    else None,
                ],
                className="card card-body mb-2 p-2 border-warning",
                **{"data-note-id": str(n["id"])},
            )
        )
    return cards


def notes_section(notes: list[dict], years: list[int], can_note: bool, lang: str) -> dict:
    """Under the charts: this region's notes for the indicator shown, and a form to add one."""
    form = (
        element(
            html.Div,
            [
                element(
                    dcc.Dropdown,
                    id=ids.NOTE_YEAR,
                    options=[{"label": str(y), "value": y} for y in years],
                    value=years[-1] if years else None,
                    clearable=False,
                    style={"width": "8rem"},
                ),
                element(html.Label, t("note_text", lang), htmlFor=ids.NOTE_TEXT, className="visually-hidden"),
                element(dcc.Input, id=ids.NOTE_TEXT, type="text", value="", className="form-control", maxLength=2000),
                element(html.Button, t("note_add", lang), id=ids.NOTE_ADD, className="btn btn-outline-primary btn-sm"),
            ],
            className="d-flex gap-2 align-items-center mb-2",
        )
        if can_note and years
        else None
    )
    return element(
        html.Div,
        [
            element(html.H2, t("notes_title", lang), className="h6 mt-3"),
            form,
            element(dcc.Store, id=ids.NOTE_EDITING),
            element(html.Div, id=ids.NOTE_MESSAGE, role="status"),
            element(
                html.Div,
                note_cards(notes, lang, editable=can_note)
                or [element(html.P, t("notes_none", lang), className="small text-muted")],
                id=ids.NOTE_LIST,
            ),
        ],
        id="notes-section",
    )
