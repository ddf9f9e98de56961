"""Approval and notes wiring: the review page (/review), the header's "waiting for me" banner and include-pending
switch, decisions, and notes added on a region page. Every decision and note is checked here on the server."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, html, no_update

from auth import approval as rights
from auth import guard
from callbacks import urlstate
from db import approval, notes
from db.session import transaction
from db.visibility import APPROVED, RETURNED
from layouts import ids
from layouts.notes_view import note_cards
from layouts.review_page import review_list, review_page, waiting_banner
from text.i18n import t
from views.approval import banner_view, review_items


def _lang(search: str | None) -> str:
    return urlstate.lang_of(urlstate.parse(search))


def render_review(session, lang: str):
    """The /review page: the batches the current user may decide, with their changes."""
    if not guard.can_do("approve"):
        return html.Div(t("review_not_allowed", lang), className="alert alert-warning", id="review-not-allowed")
    return review_page(review_items(session, guard.current_principal()), lang)


def _banner(session, search: str | None, pathname: str | None = "/") -> list:
    b = banner_view(session, search, guard.current_principal(), pathname)
    if b is None:
        return []
    return waiting_banner(b.waiting, b.returned, b.submitted, b.show_switch, b.on, _lang(search))


def register(app, sessions) -> None:
    @app.callback(Output(ids.WAITING_BANNER, "children"), Input(ids.URL, "pathname"), Input(ids.URL, "search"))
    def banner(pathname, search):
        with sessions() as session:
            return _banner(session, search, pathname)

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.PENDING_SWITCH, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def switch(value, search):
        wanted = "1" if value else ""
        if (urlstate.parse(search).get("pending") or "") == wanted:
            return no_update
        return urlstate.with_changes(search, pending=wanted)

    @app.callback(
        Output(ids.REVIEW_REQUEST, "data"),
        Input({"type": ids.REVIEW_APPROVE, "index": ALL}, "n_clicks"),
        Input({"type": ids.REVIEW_RETURN, "index": ALL}, "n_clicks"),
        State({"type": ids.REVIEW_REASON, "index": ALL}, "value"),
        prevent_initial_call=True,
    )
    def ask(approves, returns, reasons):
        trigger = ctx.triggered_id
        if not isinstance(trigger, dict) or not any([*(approves or []), *(returns or [])]):
            return no_update
        reason_by_id = {s["id"]["index"]: v for s, v in zip(ctx.states_list[0], reasons or [], strict=False)}
        decision = APPROVED if trigger["type"] == ids.REVIEW_APPROVE else RETURNED
        return {"batch": trigger["index"], "decision": decision, "reason": reason_by_id.get(trigger["index"]) or ""}

    @app.callback(
        Output(ids.REVIEW_LIST, "children"),
        Output(ids.REVIEW_MESSAGE, "children"),
        Output(ids.WAITING_BANNER, "children", allow_duplicate=True),
        Input(ids.REVIEW_REQUEST, "data"),
        State(ids.URL, "search"),
        State(ids.URL, "pathname"),
        prevent_initial_call=True,
    )
    def decide(request, search, pathname):
        lang = _lang(search)
        principal = guard.require("approve")
        request = request or {}
        try:
            batch_id, decision = int(request.get("batch")), str(request.get("decision"))
        except (TypeError, ValueError):
            return no_update, no_update, no_update
        reason = str(request.get("reason") or "")
        with sessions() as session:  # who may decide: read apart, so the decision's UPDATE comes first below
            refusal = rights.decision_refusal(session, principal, batch_id)
        if refusal is None and decision == RETURNED and not reason.strip():
            refusal = t("reason_required", lang)
        if refusal is None:
            try:
                with transaction(sessions) as session:
                    approval.decide(session, batch_id, decision, principal.name, reason)
                done = "approved_done" if decision == APPROVED else "returned_done"
                message = html.Div(t(done, lang).format(id=batch_id), className="alert alert-success", id="review-done")
            except approval.ApprovalError as exc:
                message = html.Div(str(exc), className="alert alert-warning", id="review-refused")
        else:
            guard.log.warning("refused decision on batch %s to %s: %s", batch_id, principal.name, refusal)
            message = html.Div(refusal, className="alert alert-warning", id="review-refused")
        with sessions() as session:
            return review_list(review_items(session, principal), lang), message, _banner(session, search, pathname)

    @app.callback(
        Output(ids.NOTE_TEXT, "value", allow_duplicate=True),
        Output(ids.NOTE_EDITING, "data"),
        Input({"type": ids.NOTE_EDIT, "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def start_edit(clicks):
        if not isinstance(ctx.triggered_id, dict) or not any(clicks or []):
            return no_update, no_update
        guard.require("note")
        with sessions() as session:
            found = notes.note_by_id(session, int(ctx.triggered_id["index"]))
        return (found["text"], found["id"]) if found else (no_update, no_update)

    @app.callback(
        Output(ids.NOTE_LIST, "children"),
        Output(ids.NOTE_MESSAGE, "children"),
        Output(ids.NOTE_TEXT, "value"),
        Output(ids.NOTE_EDITING, "data", allow_duplicate=True),
        Input(ids.NOTE_ADD, "n_clicks"),
        State(ids.NOTE_EDITING, "data"),
        State(ids.NOTE_YEAR, "value"),
        State(ids.NOTE_TEXT, "value"),
        State(ids.URL, "pathname"),
        State(ids.VIEW_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def add_note(clicks, editing, year, text, pathname, shown, search):
        lang = _lang(search)
        if not clicks:
            return no_update, no_update, no_update, no_update
        user = guard.require("note")
        code = (pathname or "").rstrip("/").split("/")[-1]
        indicator = (shown or {}).get("indicator")
        try:
            with transaction(sessions) as session:
                old = notes.note_by_id(session, int(editing)) if editing else None
                if editing and old is None:
                    raise notes.NoteError(f"说明 {editing} 不存在 / note {editing} does not exist")
                where = old["region_code"] if old else code
                if guard.refused_regions("note", [where], session):
                    raise notes.NoteError(t("note_not_yours", lang) + " " + where)
                if old:
                    notes.edit_note(session, old["id"], text or "", user.name)
                else:
                    notes.add_note(session, code, indicator or "", int(year or 0), text or "", user.name)
        except (notes.NoteError, ValueError) as exc:
            refused = html.Div(str(exc), className="alert alert-warning", id="note-refused")
            return no_update, refused, no_update, no_update
        with sessions() as session:
            cards = note_cards(notes.notes(session, [code], indicator), lang, editable=True)
        said = t("note_saved" if editing else "note_added", lang)
        return cards, html.Div(said, className="alert alert-success py-1", id="note-added"), "", None
