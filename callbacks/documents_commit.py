"""Committing a review: the accepted rows stored as one batch once a note says why, or refused with the rows'
problems and nothing stored (the review stays held, with its overrides)."""

from __future__ import annotations

from dash import Input, Output, State, no_update

from auth import guard
from callbacks.documents import held_owner, page_lang
from callbacks.documents_overrides import FIELD_OUTPUTS, FIELDS
from callbacks.documents_proposal import check_rows
from db import batches, queries
from db.session import ReadOnlyDatabase, transaction
from etl import intake
from etl.document_review import discard, held_proposal
from layouts import documents_page as page
from layouts import ids
from text.i18n_documents import dt


def register(app, sessions) -> None:
    @app.callback(Output(ids.DOC_COMMIT, "disabled"), Input(ids.DOC_NOTE, "value"), prevent_initial_call=True)
    def require_note(note):
        guard.require("upload")
        return not (note or "").strip()

    @app.callback(
        Output(ids.DOC_DONE, "children", allow_duplicate=True),
        Output(ids.DOC_RESULT, "children", allow_duplicate=True),
        Output(ids.DOC_STATE, "data", allow_duplicate=True),
        *FIELD_OUTPUTS,
        Output(ids.DOC_TEXT_TITLE, "value", allow_duplicate=True),
        Input(ids.DOC_COMMIT, "n_clicks"),
        State(ids.DOC_NOTE, "value"),
        State(ids.DOC_GRID, "rowData"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def commit(clicks, note, grid, state, search):
        user = guard.require("upload")
        lang = page_lang(search)
        kept = (no_update,) * (len(FIELDS) + 1)
        if not clicks or not state:
            return no_update, no_update, no_update, *kept
        if not (note or "").strip():
            return page.message(dt("note_required", lang)), no_update, no_update, *kept
        done, result = commit_document(sessions, user, note.strip(), grid or [], state, lang)
        if result is not None:
            return done, result, no_update, *kept  # refused: the review stays, with its overrides
        # stored: nothing left to resume (nor held, nor listed), and the boxes are emptied for the next document
        discard(held_owner(), state.get("sha256"))
        return done, None, None, *(empty for _key, _box, empty in FIELDS), ""


def commit_document(sessions, user, note: str, grid: list[dict], state: dict, lang: str):
    """(done view, result view): the accepted rows stored as one batch, or a refusal and nothing stored."""
    proposal = held_proposal(held_owner(), state)
    checked = check_rows(sessions, grid, state) if proposal is not None else None
    if checked is None:
        return page.message(dt("expired", lang), id_="documents-refused"), no_update
    rows, problems = checked
    if not rows:
        return page.message(dt("nothing_accepted", lang), id_="documents-refused"), no_update
    order = [str(g["row_id"]) for g in grid]
    if problems:
        located = "; ".join(
            f"{dt('problem_row', lang, row=order.index(k) + 1 if k in order else '?')}: {' '.join(v)}"
            for k, v in problems.items()
        )
        return page.message(dt("refused", lang, msg=located), id_="documents-refused"), no_update
    try:
        with transaction(sessions) as session:
            batch_id = intake.commit(
                session,
                proposal,
                rows,
                user_name=user.name,
                note=note,
                allowed_regions=guard.writable_codes("upload", session),
            )
            waits = batches.batch_row(session, batch_id)["state"] == "submitted"  # region requires approval
            codes = [r["region_code"] for r in rows]
            first = queries.region(session, proposal.region_code if proposal.region_code in codes else codes[0])
    except ReadOnlyDatabase as exc:  # the proposal stays held: commit it again on the primary
        return page.message(str(exc), id_="documents-refused"), no_update
    except intake.IntakeRefused as exc:
        return page.message(dt("refused", lang, msg="; ".join(exc.located())), id_="documents-refused"), no_update
    counts = {kind: sum(r["kind"] == kind for r in rows) for kind in intake.KINDS}
    return page.committed_view(batch_id, counts, first, lang, waits), None
