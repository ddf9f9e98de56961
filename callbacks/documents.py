"""Documents page wiring: upload or paste -> read and propose -> review in the grid -> commit as one batch.

Every callback checks the right on the server first (a forged POST is refused like a click); the uploaded bytes
stay on disk under the account that sent them (``etl/held_documents.py``), the page keeps only their sha256.
"""

from __future__ import annotations

import base64
import datetime as dt_

from dash import Input, Output, State, ctx, no_update
from flask_login import current_user
from werkzeug.exceptions import Forbidden

from auth import guard
from callbacks import urlstate
from db import queries
from db.region_names import regions_matching
from db.session import transaction
from etl import document_review as engine
from etl.held_documents import hold, hold_json, hold_read, read_json
from etl.reviewed_rows import apply_edits
from layouts import documents_page as page
from layouts import ids
from layouts.i18n_documents import dt

PASTED_NAME = "粘贴文本 pasted.txt"
LEVELS = ("province", "prefecture", "county")


def render_documents(session, lang: str):
    """The page, or why this account cannot use it."""
    if not guard.can_do("upload"):
        return page.not_allowed(lang)
    writable = guard.writable_codes("upload", session)
    regions = [
        r
        for r in queries.regions(session)
        if (writable is None and r["level"] in LEVELS) or (writable is not None and r["code"] in writable)
    ]
    return page.documents_page(regions, lang, admin=writable is None)


def _lang(search: str | None) -> str:
    return urlstate.lang_of(urlstate.parse(search))


def _owner() -> str:
    """The account the held files belong to (its database id): never a value the client sent."""
    row = getattr(current_user, "row", None)
    if not row:
        raise Forbidden("no logged-in account")
    return str(row["id"])


def _date(text: str | None) -> dt_.date | None:
    return dt_.date.fromisoformat(text) if text else None


def _catalogue(session) -> dict[str, dict]:
    return {i["code"]: i for i in queries.indicators(session)}


def _labels(catalogue: dict, rows: list[dict]) -> list[str]:
    known = [page.indicator_label(c, i["name_zh"]) for c, i in catalogue.items()]
    extra = [r["indicator_label"] for r in rows if r["indicator_label"] not in known]
    return sorted(set(extra)) + known


def _foreign(session, rows: list[dict]) -> dict[str, list[str]]:
    """A problem for every row outside the user's regions (the commit refuses them all)."""
    refused = set(guard.refused_regions("upload", [r["region_code"] for r in rows if r.get("region_code")], session))
    return {
        str(r["row_id"]): [
            dt("not_yours", "zh", codes=r["region_code"]) + " / " + dt("not_yours", "en", codes=r["region_code"])
        ]
        for r in rows
        if r.get("region_code") in refused
    }


def _merge(*found: dict[str, list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for problems in found:
        for key, items in problems.items():
            out.setdefault(key, []).extend(items)
    return out


def _with_problems(grid: list[dict], problems: dict[str, list[str]]) -> list[dict]:
    return [{**g, "problem": "; ".join(problems.get(str(g["row_id"]), []))} for g in grid]


def propose_view(sessions, data: bytes, file_name: str, region: str | None, date: str | None, lang: str):
    """Read and propose; (result view, page state). Nothing is written to the database."""
    guard.require("upload")
    owner = _owner()
    try:
        as_of = _date(date)
    except ValueError:
        return page.message(dt("bad_date", lang)), None
    with sessions() as session:
        if region and guard.refused_regions("upload", [region], session):
            return page.message(dt("not_yours", lang, codes=region), id_="documents-refused"), None
        try:
            doc = engine.read_document(data, file_name)
        except engine.DocumentError as exc:
            return page.message(dt("bad_file", lang, msg=engine.describe(exc)), "danger", "documents-bad-file"), None
        proposal = engine.propose(session, doc, file_name, region_code=region or None, as_of=as_of)
        info = engine.info(proposal)
        sha = hold(owner, data)
        state = {"sha256": sha, "file_name": file_name, "region": region or None, "date": date or None}
        if proposal.already_ingested:
            return page.already_view(info, proposal.already_ingested, lang), state
        rows = engine.rows(proposal)
        hold_json(owner, sha, {"state": state, "rows": rows})
        catalogue = _catalogue(session)
        grid = _with_problems(
            [{**page.grid_row(r), "paragraph": r.get("paragraph")} for r in rows], _foreign(session, rows)
        )
        return page.review_view(info, grid, _labels(catalogue, grid), lang), state


def check_rows(sessions, grid: list[dict], state: dict) -> tuple[list[dict], dict[str, list[str]]] | None:
    """The accepted rows with edits and every problem by row id (unreadable edits, foreign regions, the
    engine's validation); None when the held proposal is gone."""
    held = read_json(_owner(), (state or {}).get("sha256"))
    if not held or held.get("state") != state:
        return None
    with sessions() as session:
        catalogue = _catalogue(session)
        rows, unreadable = apply_edits(held["rows"], grid, lambda text: regions_matching(session, text), catalogue)
        readable = [r for r in rows if str(r["row_id"]) not in unreadable]
        found = engine.problems_by_row(engine.validate_rows(session, readable), readable)
        return rows, _merge(unreadable, _foreign(session, readable), found)


def register(app, sessions) -> None:
    outputs = (
        Output(ids.DOC_RESULT, "children", allow_duplicate=True),
        Output(ids.DOC_STATE, "data", allow_duplicate=True),
        Output(ids.DOC_DONE, "children", allow_duplicate=True),
    )

    @app.callback(
        *outputs,
        Output(ids.DOC_FILE, "contents"),
        Input(ids.DOC_FILE, "contents"),
        State(ids.DOC_FILE, "filename"),
        State(ids.DOC_REGION, "value"),
        State(ids.DOC_DATE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def uploaded(contents, file_name, region, date, search):
        guard.require("upload")
        if not contents or not file_name:
            return no_update, no_update, no_update, no_update
        data = base64.b64decode(contents.split(",", 1)[1])
        view, state = propose_view(sessions, data, file_name, region, date, _lang(search))
        return view, state, None, None  # cleared, so choosing the same file again reads it again

    @app.callback(
        *outputs,
        Input(ids.DOC_READ_TEXT, "n_clicks"),
        State(ids.DOC_TEXT, "value"),
        State(ids.DOC_TEXT_TITLE, "value"),
        State(ids.DOC_REGION, "value"),
        State(ids.DOC_DATE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def pasted(clicks, text, title, region, date, search):
        guard.require("upload")
        lang = _lang(search)
        if not clicks:
            return no_update, no_update, no_update
        if not (text or "").strip():
            return page.message(dt("empty_text", lang)), None, None
        name = f"{title.strip()}.txt" if (title or "").strip() else PASTED_NAME
        view, state = propose_view(sessions, text.encode("utf-8"), name, region, date, lang)
        return view, state, None

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
        return page.quote_view(row, _lang(search)).children

    @app.callback(
        Output(ids.DOC_GRID, "rowData", allow_duplicate=True),
        Input(ids.DOC_ACCEPT_ALL, "n_clicks"),
        Input(ids.DOC_REJECT_ALL, "n_clicks"),
        State(ids.DOC_GRID, "rowData"),
        prevent_initial_call=True,
    )
    def accept_all(_accept, _reject, rows):
        guard.require("upload")
        accept = ctx.triggered_id == ids.DOC_ACCEPT_ALL
        return [{**r, "accept": accept} for r in rows or []]

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
        guard.require("upload")
        lang = _lang(search)
        if ctx.triggered_id in (ids.DOC_ACCEPT_ALL, ids.DOC_REJECT_ALL):
            grid = [{**g, "accept": ctx.triggered_id == ids.DOC_ACCEPT_ALL} for g in grid or []]
        checked = check_rows(sessions, grid or [], state)
        if checked is None:
            return no_update, dt("expired", lang), "alert alert-warning", no_update
        rows, problems = checked
        view = page.problems_view(problems, [str(g["row_id"]) for g in grid], lang)
        count = dt("rows_counted", lang, accepted=len(rows), total=len(grid or []))
        return _with_problems(grid or [], problems), view.children, view.className, count

    @app.callback(Output(ids.DOC_COMMIT, "disabled"), Input(ids.DOC_NOTE, "value"), prevent_initial_call=True)
    def require_note(note):
        guard.require("upload")
        return not (note or "").strip()

    @app.callback(
        Output(ids.DOC_DONE, "children", allow_duplicate=True),
        Output(ids.DOC_RESULT, "children", allow_duplicate=True),
        Input(ids.DOC_COMMIT, "n_clicks"),
        State(ids.DOC_NOTE, "value"),
        State(ids.DOC_GRID, "rowData"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def commit(clicks, note, grid, state, search):
        user = guard.require("upload")
        lang = _lang(search)
        if not clicks or not state:
            return no_update, no_update
        if not (note or "").strip():
            return page.message(dt("note_required", lang)), no_update
        return commit_document(sessions, user, note.strip(), grid or [], state, lang)


def commit_document(sessions, user, note: str, grid: list[dict], state: dict, lang: str):
    """(done view, result view): the accepted rows stored as one batch, or a refusal and nothing stored."""
    owner = _owner()
    data = hold_read(owner, state.get("sha256"))
    checked = check_rows(sessions, grid, state) if data is not None else None
    if checked is None:
        return page.message(dt("expired", lang), id_="documents-refused"), no_update
    rows, problems = checked
    if not rows:
        return page.message(dt("nothing_accepted", lang), id_="documents-refused"), no_update
    if problems:
        order = [str(g["row_id"]) for g in grid]
        located = "; ".join(
            f"{dt('problem_row', lang, row=order.index(k) + 1 if k in order else '?')}: {' '.join(v)}"
            for k, v in problems.items()
        )
        return page.message(dt("refused", lang, msg=located), id_="documents-refused"), no_update
    doc = engine.read_document(data, state["file_name"])
    try:
        with transaction(sessions) as session:
            proposal = engine.propose(
                session, doc, state["file_name"], region_code=state.get("region"), as_of=_date(state.get("date"))
            )
            if proposal.already_ingested:
                raise engine.CommitRefused(dt("already", lang, batch=proposal.already_ingested))
            batch_id = engine.commit(
                session,
                proposal,
                rows,
                user_name=user.name,
                note=note,
                allowed_regions=guard.writable_codes("upload", session),
            )
            first = queries.region(session, rows[0]["region_code"])
    except engine.CommitRefused as exc:
        return page.message(dt("refused", lang, msg=exc), id_="documents-refused"), no_update
    return page.committed_view(batch_id, len(rows), first, lang), None
