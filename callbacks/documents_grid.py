"""The review grid: a row's quote shown on a click; any edit, 全部接受 Accept all or 全部拒绝 Reject all checked
again row by row, the problems shown by row. Every check holds the grid as it stands, so a review resumes where
it was left."""

from __future__ import annotations

from dash import Input, Output, State, ctx, no_update

from auth import guard
from callbacks.documents import held_owner, page_lang
from callbacks.documents_proposal import check_rows
from etl.document_review import hold_grid, notes_by_row, with_problems
from layouts import documents_grid as grid_view
from layouts import ids
from text.i18n_documents import dt


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.DOC_QUOTE, "children"),
        Input(ids.DOC_GRID, "cellClicked"),
        State(ids.DOC_GRID, "rowData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_quote(cell, rows, search):
        guard.require("upload")
        row_id = (cell or {}).get("rowId")
        row = next((r for r in rows or [] if str(r.get("row_id")) == str(row_id)), None)
        return grid_view.quote_view(row, page_lang(search)).children

    @app.callback(
        Output(ids.DOC_GRID, "rowData", allow_duplicate=True),
        Output(ids.DOC_PROBLEMS, "children"),
        Output(ids.DOC_PROBLEMS, "className"),
        Output("documents-count", "children"),
        Input(ids.DOC_CHECK, "n_clicks"),
        Input(ids.DOC_GRID, "cellValueChanged"),
        Input(ids.DOC_ACCEPT_ALL, "n_clicks"),
        Input(ids.DOC_REJECT_ALL, "n_clicks"),
        State(ids.DOC_GRID, "rowData"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def check(_clicks, _changed, _accept, _reject, grid, state, search):
        """Accept or reject all, or any edit -> every row checked again, problems shown by row."""
        guard.require("upload")
        lang = page_lang(search)
        if ctx.triggered_id in (ids.DOC_ACCEPT_ALL, ids.DOC_REJECT_ALL):
            grid = [{**g, "accept": ctx.triggered_id == ids.DOC_ACCEPT_ALL} for g in grid or []]
        checked = check_rows(sessions, grid or [], state)
        if checked is None:
            return no_update, dt("expired", lang), "alert alert-warning", no_update
        rows, problems = checked
        notes = notes_by_row(rows)  # new indicators the rows will create: said, not refused
        view = grid_view.problems_view(problems, [str(g["row_id"]) for g in grid], lang, notes)
        count = dt("rows_counted", lang, accepted=len(rows), total=len(grid or []))
        grid = with_problems(grid or [], problems, notes)
        hold_grid(held_owner(), state, grid)
        return grid, view.children, view.className, count
