"""The documents page's reviews in progress (held on the server for the logged-in account): listed, resumed in this
tab exactly as last checked, or discarded after a confirmation. Every callback answers for the logged-in account
only: a forged sha256 of another account's review finds nothing.
"""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, no_update

from auth import guard
from callbacks.documents import held_account, held_owner, page_lang
from callbacks.documents_proposal import held_view
from etl.document_review import discard, held_state, reviews_in_progress
from etl.held_documents import HELD_DAYS
from layouts import ids
from layouts.documents_held import held_list
from text.i18n_documents import dt


def listed(state: dict | None, lang: str):
    """The list for the logged-in account, the review open in this tab (``state``) marked."""
    reviews = reviews_in_progress(held_owner(), held_account())
    return held_list(reviews, lang, open_sha=(state or {}).get("sha256"), days=HELD_DAYS)


def _clicked() -> str | None:
    """The sha256 of the review whose button was pressed; None when the buttons were only drawn."""
    if not isinstance(ctx.triggered_id, dict) or not any(t.get("value") for t in ctx.triggered):
        return None
    return ctx.triggered_id.get("sha")


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.DOC_HELD, "children"),
        Input(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
    )
    def list_held(state, search):
        if not guard.can_do("upload"):
            return None
        return listed(state, page_lang(search))

    @app.callback(
        Output(ids.DOC_RESULT, "children", allow_duplicate=True),
        Output(ids.DOC_STATE, "data", allow_duplicate=True),
        Output(ids.DOC_DATE, "value", allow_duplicate=True),
        Output(ids.DOC_URL, "value", allow_duplicate=True),
        Output(ids.DOC_REGION, "value", allow_duplicate=True),
        Output(ids.DOC_DONE, "children", allow_duplicate=True),
        Output(ids.DOC_HELD_SAID, "children", allow_duplicate=True),
        Input({"type": ids.DOC_HELD_RESUME, "sha": ALL}, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def resume(_clicks, search):
        """继续审核 Resume: the review as last checked, with the source URL, date and region it was read with."""
        guard.require("upload")
        lang = page_lang(search)
        sha = _clicked()
        if sha is None:
            return (no_update,) * 7
        state = held_state(held_owner(), held_account(), sha)
        view = held_view(sessions, state, lang) if state else None
        if view is None:
            return (no_update,) * 6 + (dt("held_gone", lang),)
        return view, state, state.get("date"), state.get("url"), state.get("region"), None, ""

    @app.callback(
        Output(ids.DOC_HELD, "children", allow_duplicate=True),
        Output(ids.DOC_HELD_SAID, "children", allow_duplicate=True),
        Output(ids.DOC_RESULT, "children", allow_duplicate=True),
        Output(ids.DOC_STATE, "data", allow_duplicate=True),
        Input({"type": ids.DOC_HELD_DISCARD, "sha": ALL}, "submit_n_clicks"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def discard_held(_submits, state, search):
        """放弃 Discard, once confirmed: the held review deleted; when it is the one open in this tab, closed."""
        guard.require("upload")
        lang = page_lang(search)
        sha = _clicked()
        if sha is None:
            return no_update, no_update, no_update, no_update
        found = next((r for r in reviews_in_progress(held_owner(), held_account()) if r["sha256"] == sha), None)
        if found is None:
            return listed(state, lang), dt("held_gone", lang), no_update, no_update
        discard(held_owner(), sha)
        said = dt("held_discarded", lang, title=found["title"] or found["file_name"])
        if (state or {}).get("sha256") == sha:
            return listed(None, lang), said, None, None
        return listed(state, lang), said, no_update, no_update
