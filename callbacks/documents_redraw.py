"""The page drawn again (language switched, reloaded) with a review held in this tab: the review shown as it was
last checked, its overrides back in their boxes."""

from __future__ import annotations

from dash import Input, Output, State, no_update

from auth import guard
from callbacks.documents import page_lang
from callbacks.documents_proposal import held_view
from layouts import ids


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.DOC_RESULT, "children", allow_duplicate=True),
        Output(ids.DOC_DATE, "value"),
        Output(ids.DOC_URL, "value"),
        Output(ids.DOC_REGION, "value"),
        Input(ids.DOC_STATE, "data"),
        State(ids.DOC_RESULT, "children"),
        State(ids.URL, "search"),
        prevent_initial_call="initial_duplicate",
    )
    def resume(state, shown, search):
        """The page drawn again (language switched, reloaded) with a review held in this tab: the review as it
        was last checked, with the date, source URL and region it was read with."""
        if not state or shown or not guard.can_do("upload"):
            return no_update, no_update, no_update, no_update
        view = held_view(sessions, state, page_lang(search))
        if view is None:
            return no_update, no_update, no_update, no_update
        return view, state.get("date"), state.get("url"), state.get("region")
