"""The title the reviewer types over the guessed one: checked, held with the review, stored on commit."""

from __future__ import annotations

from dash import Input, Output, State, no_update

from auth import guard
from callbacks.documents import held_owner, page_lang
from etl import intake
from etl.document_review import held_review, retitle
from layouts import ids
from text.i18n_documents import dt


def title_view(owner: str, state: dict | None, title: str | None, lang: str) -> tuple[dict | None, str]:
    """(new page state or None, what to say) for a title typed over the held review's; nothing to say when the box
    holds the title the review has (the box drawn with the guessed title: nobody changed it)."""
    title = " ".join((title or "").split())
    if not state:
        return None, dt("expired", lang)
    held = held_review(owner, state)
    if title and held is not None and title == " ".join((held[0].get("title") or "").split()):
        return None, ""
    if not title:
        return None, dt("title_empty", lang)
    if found := intake.title_problems(title, state.get("file_name") or ""):
        return None, dt("title_bad", lang, msg=" ".join(f"{p.column}: {p.message} — {p.hint}" for p in found))
    new_state = retitle(owner, state, title)
    if new_state is None:
        return None, dt("expired", lang)
    return new_state, dt("title_set", lang, title=title)


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.DOC_STATE, "data", allow_duplicate=True),
        Output(ids.DOC_TITLE_SAID, "children"),
        Input(ids.DOC_TITLE, "value"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def titled(title, state, search):
        """The title the reviewer typed over the guessed one, for an uploaded file as for a pasted text: held with
        the review (nothing read again) and stored with the document on commit."""
        guard.require("upload")
        new_state, said = title_view(held_owner(), state, title, page_lang(search))
        return new_state if new_state is not None else no_update, said
