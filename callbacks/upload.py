"""Upload page wiring: template download, upload -> check -> preview, confirm -> commit, grid edits."""

from __future__ import annotations

import base64

from dash import Input, Output, State, dcc, html, no_update

from auth import guard
from callbacks import urlstate
from db import batches, queries
from db.session import ReadOnlyDatabase, transaction
from etl import importer
from etl import problems as P
from etl.edits import EDIT_FILE_NAME, edits_csv, grid_rows
from etl.errorbook import error_workbook
from etl.filesafety import DEFAULT_LIMITS
from etl.pending import discard_pending, load_pending, save_pending
from etl.template import build_template
from layouts import ids
from layouts.upload_page import errors_view, preview_view, upload_page
from text.i18n import t
from textsafety import safe_file_name


def render_upload(session, lang: str):
    if not any(guard.can_do(action) for action in ("upload", "edit")):
        return html.Div(t("not_allowed_upload", lang), className="alert alert-warning", id="upload-not-allowed")
    writable = guard.writable_codes("upload", session)
    regions = [r for r in queries.regions(session) if writable is None or r["code"] in writable]
    return upload_page(regions, lang, DEFAULT_LIMITS)


def _lang(search: str | None) -> str:
    return urlstate.lang_of(urlstate.parse(search))


def foreign_rows(session, result, action: str) -> list[P.Problem]:
    """A located problem for every row outside the user's regions: the whole file is refused if there is one."""
    refused = guard.refused_regions(action, [r.region_code for r in result.checked.rows], session)
    return importer.refuse_regions(session, result, refused)


def check_view(sessions, data: bytes, file_name: str, kind: str | None, source: str, lang: str, owner: str):
    """Check and preview bytes; the page's result view and the state the confirm step needs.

    Kept for ``owner`` only (``etl.pending``): a valid upload until it is confirmed, an invalid one only as its
    annotated error copy for the download button."""
    with sessions() as session:
        result = importer.check_and_preview(session, data, file_name, default_kind=kind or None)
        foreign_rows(session, result, source)  # added to the result's problems, in reading order
    if result.ok:
        token = save_pending(data, owner)
    else:
        token = save_pending(error_workbook(result.book, result.checked.problems), owner, kind="errors")
    state = {
        "token": token,
        "file_name": result.file_name,
        "kind": kind or None,
        "source": source,
        "ok": result.ok,
        "fingerprint": result.preview.fingerprint if result.preview else None,
    }
    if not result.ok:
        return errors_view([p.to_json() for p in result.checked.problems], lang), state
    with sessions() as session:
        names = {i["code"]: i["name_zh" if lang == "zh" else "name_en"] for i in queries.indicators(session)}
    return preview_view(result.preview.counts, result.preview.items, lang, result.file_name, names), state


def register(app, sessions) -> None:

    @app.callback(
        Output(ids.UPLOAD_TEMPLATE_DOWNLOAD, "data"),
        Input(ids.UPLOAD_TEMPLATE_BUTTON, "n_clicks"),
        State(ids.UPLOAD_TEMPLATE_REGION, "value"),
        prevent_initial_call=True,
    )
    def download_template(_clicks, region_code):
        guard.require("upload")
        with sessions() as session:
            data = build_template(session, region_code or None)
        name = f"扶贫目标上传模板-{region_code}.xlsx" if region_code else "扶贫目标上传模板.xlsx"
        return dcc.send_bytes(data, name)

    @app.callback(
        Output(ids.UPLOAD_RESULT, "children"),
        Output(ids.UPLOAD_STATE, "data"),
        Output(ids.UPLOAD_DONE, "children"),
        Output(ids.UPLOAD_FILE, "contents"),
        Input(ids.UPLOAD_FILE, "contents"),
        State(ids.UPLOAD_FILE, "filename"),
        State(ids.UPLOAD_KIND, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def uploaded(contents, file_name, kind, search):
        if not contents or not file_name:
            return no_update, no_update, no_update, no_update
        user = guard.require("upload")
        data = base64.b64decode(contents.split(",", 1)[1])
        view, state = check_view(sessions, data, file_name, kind, "upload", _lang(search), user.name)
        return view, state, None, None  # cleared, so choosing the same file again is a new upload

    @app.callback(Output(ids.UPLOAD_CONFIRM, "disabled"), Input(ids.UPLOAD_NOTE, "value"))
    def require_note(note):
        return not (note or "").strip()

    @app.callback(
        Output(ids.UPLOAD_DONE, "children", allow_duplicate=True),
        Output(ids.UPLOAD_RESULT, "children", allow_duplicate=True),
        Input(ids.UPLOAD_CONFIRM, "n_clicks"),
        State(ids.UPLOAD_NOTE, "value"),
        State(ids.UPLOAD_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def confirm(clicks, note, state, search):
        lang = _lang(search)
        if not clicks or not state:
            return no_update, no_update
        action = "edit" if state.get("source") == "edit" else "upload"
        user = guard.require(action)
        if not (note or "").strip():
            return html.Div(t("note_required", lang), className="alert alert-warning"), no_update
        try:
            note = importer.check_note(note)  # a note to correct, not a refused upload: the file stays
        except importer.ImportRefused as exc:
            refused = html.Div(t("refused", lang).format(msg=exc), className="alert alert-warning", role="alert")
            return refused, no_update
        data = load_pending(state.get("token"), user.name)  # another account's token opens nothing
        if data is None:
            return html.Div(
                t("refused", lang).format(msg="文件已过期,请重新上传 / file expired; upload it again"),
                className="alert alert-warning",
            ), None
        audit = importer.Audit(user=user.name, note=note, kind=action)
        try:
            with transaction(sessions) as session:
                result = importer.check_and_preview(session, data, state["file_name"], default_kind=state["kind"])
                foreign = foreign_rows(session, result, action)
                if foreign:
                    raise importer.ImportRefused("; ".join(p.located() for p in foreign[:20]))
                batch_id = importer.commit(session, result, audit, expected_fingerprint=state["fingerprint"])
                waits = batches.batch_row(session, batch_id)["state"] == "submitted"  # region requires approval
        except ReadOnlyDatabase as exc:  # the file stays pending: confirm it again on the primary
            return html.Div(str(exc), className="alert alert-warning", role="alert"), no_update
        except importer.ImportRefused as exc:
            discard_pending(state.get("token"), user.name)  # a refused upload is not kept
            return html.Div(
                t("refused", lang).format(msg=exc), className="alert alert-warning", role="alert"
            ), no_update
        discard_pending(state.get("token"), user.name)
        targets = sum(1 for i in result.preview.changes if i["kind"] == "target")
        message = t("imported", lang).format(id=batch_id, t=targets, a=len(result.preview.changes) - targets)
        message += " " + t("submitted_for_review", lang) if waits else ""
        return html.Div(
            ["✓ ", message, " ", dcc.Link(t("see_history", lang), href=f"/history?lang={lang}")],
            className="alert alert-success",
            role="status",
            id="upload-imported",
        ), None

    @app.callback(
        Output(ids.UPLOAD_ERRORS_DOWNLOAD, "data"),
        Input(ids.UPLOAD_ERRORS_BUTTON, "n_clicks"),
        State(ids.UPLOAD_STATE, "data"),
        prevent_initial_call=True,
    )
    def download_errors(clicks, state):
        user = guard.require("upload")
        data = load_pending((state or {}).get("token"), user.name, kind="errors")
        if not clicks or data is None:
            return no_update
        stem = safe_file_name(str(state.get("file_name") or "upload").rsplit(".", 1)[0])
        return dcc.send_bytes(data, f"{stem}-错误标注-errors.xlsx")

    @app.callback(Output(ids.EDIT_GRID, "rowData"), Input(ids.EDIT_REGION, "value"), prevent_initial_call=True)
    def edit_region(region_code):
        guard.require("edit")
        if not region_code:
            return []
        with sessions() as session:
            if guard.refused_regions("edit", [region_code], session):
                return []
            return grid_rows(session, region_code)

    @app.callback(
        Output(ids.UPLOAD_RESULT, "children", allow_duplicate=True),
        Output(ids.UPLOAD_STATE, "data", allow_duplicate=True),
        Output(ids.UPLOAD_DONE, "children", allow_duplicate=True),
        Input(ids.EDIT_PREVIEW_BUTTON, "n_clicks"),
        State(ids.EDIT_GRID, "rowData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def preview_edits(clicks, rows, search):
        user = guard.require("edit")
        lang = _lang(search)
        data = edits_csv(rows or [])
        if not clicks or not data:
            return html.Div(t("no_edits", lang), className="alert alert-info"), None, None
        view, state = check_view(sessions, data, EDIT_FILE_NAME, None, "edit", lang, user.name)
        return view, state, None
