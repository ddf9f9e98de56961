"""Reading the held document again with the date, source URL and region now given: on 重新读取 Read again, or by
itself when a date is typed while a review is held."""

from __future__ import annotations

from dash import Input, State, ctx, no_update

from auth import guard
from callbacks.documents import held_owner, page_lang
from callbacks.documents_overrides import date_changed, reread_changes
from callbacks.documents_proposal import READ_OUTPUTS, propose_view
from etl.document_review import held_document
from layouts import documents_page as page
from layouts import ids
from text.i18n_documents import dt


def register(app, sessions) -> None:
    @app.callback(
        *READ_OUTPUTS,
        Input(ids.DOC_REREAD, "n_clicks"),
        Input(ids.DOC_DATE, "value"),
        State(ids.DOC_STATE, "data"),
        State(ids.DOC_REGION, "value"),
        State(ids.DOC_URL, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def reread(clicks, date, state, region, url, search):
        """The held document read again with the date, source URL and region now given: a new proposal, the
        grid's edits dropped, the targets added from their words added again. A date typed (or changed) while a
        review is held reads it again by itself: the rows whose year hangs on the date (今年, 去年) get their years."""
        guard.require("upload")
        lang = page_lang(search)
        if ctx.triggered_id == ids.DOC_DATE and not date_changed(state, date):
            return no_update, no_update, no_update
        if ctx.triggered_id != ids.DOC_DATE and not clicks:
            return no_update, no_update, no_update
        held = held_document(held_owner(), state) if state else None
        if held is None:
            return page.message(dt("reread_nothing", lang), id_="documents-reread-nothing"), no_update, no_update
        doc, added = held
        view, new_state = propose_view(
            sessions, lambda: doc, state["file_name"], region, date, lang, url, added=added, title=state.get("title")
        )
        if new_state is None:
            return view, no_update, no_update  # a bad date or URL, or a region not theirs: the review stays held
        changed = reread_changes(state, new_state, lang)
        return page.reread_view(changed, len(added), view, lang), new_state, None
