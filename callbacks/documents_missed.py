"""A target the extractor missed, added from words the reviewer selects in the document's text (or types): read
into a new row of the review grid and checked with the rest."""

from __future__ import annotations

from dash import Input, Output, State, no_update

from auth import guard
from callbacks.documents import held_owner, page_lang
from callbacks.documents_proposal import check_rows
from etl.document_review import add_quoted_rows, hold_grid, notes_by_row, with_problems
from etl.extract.added_targets import QuoteNotFound
from layouts import documents_grid as grid_view
from layouts import ids
from text.i18n_documents import dt


def register(app, sessions) -> None:
    # Words selected in the document's text: a click there (the end of a selection) copies them into the box
    app.clientside_callback(
        """function(_clicks) {
            const words = (window.getSelection() || "").toString().trim();
            return words ? words : window.dash_clientside.no_update;
        }""",
        Output(ids.DOC_ADD_QUOTE, "value", allow_duplicate=True),
        Input(ids.DOC_FULL_TEXT, "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.DOC_GRID, "rowData", allow_duplicate=True),
        Output(ids.DOC_ADD_MESSAGE, "children"),
        Output(ids.DOC_ADD_QUOTE, "value"),
        Output(ids.DOC_PROBLEMS, "children", allow_duplicate=True),
        Output(ids.DOC_PROBLEMS, "className", allow_duplicate=True),
        Output("documents-count", "children", allow_duplicate=True),
        Input(ids.DOC_ADD, "n_clicks"),
        Input(ids.DOC_ADD_QUOTE, "n_submit"),
        State(ids.DOC_ADD_QUOTE, "value"),
        State(ids.DOC_GRID, "rowData"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def add_missed(_clicks, _submits, words, grid, state, search):
        """Targets the extractor missed, read from the words the reviewer copied: a new row for each clause with a
        number, checked with the rest."""
        guard.require("upload")
        lang = page_lang(search)

        def said(message):  # the grid and the box as they were
            return no_update, message, no_update, no_update, no_update, no_update

        if not (words or "").strip() or not state:
            return said(no_update)
        try:
            with sessions() as session:
                rows = add_quoted_rows(session, held_owner(), state, words)
        except QuoteNotFound as exc:
            where = f"{state.get('file_name')}: " if state.get("file_name") else ""
            return said(f"⚠ {where}{exc} — {exc.hint}")
        if rows is None:
            return said(dt("expired", lang))
        grid = [*(grid or []), *(grid_view.grid_row(row) for row in rows)]
        checked = check_rows(sessions, grid, state)
        problems = checked[1] if checked else {}
        notes = notes_by_row(checked[0]) if checked else {}
        view = grid_view.problems_view(problems, [str(g["row_id"]) for g in grid], lang, notes)
        count = dt("rows_counted", lang, accepted=len(checked[0]) if checked else 0, total=len(grid))
        first = len(grid) - len(rows) + 1
        numbers = str(first) if len(rows) == 1 else f"{first}–{len(grid)}"
        added = dt(
            "added" if len(rows) == 1 else "added_rows",
            lang,
            row=numbers,
            quote=" / ".join(row["quote"][:60] for row in rows),
        )
        grid = with_problems(grid, problems, notes)
        hold_grid(held_owner(), state, grid)
        return grid, added, "", view.children, view.className, count
