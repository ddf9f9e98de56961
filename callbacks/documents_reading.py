"""Reading a document in: a file uploaded (checked for size in the browser, its pages counted while it is read) or
a text pasted (checked for length in the browser), then read and proposed for review (``documents_proposal``)."""

from __future__ import annotations

import base64

from dash import Input, Output, State, no_update

from auth import guard
from callbacks.documents import held_owner, page_lang
from callbacks.documents_overrides import FIELD_OUTPUTS, fields_after
from callbacks.documents_proposal import READ_OUTPUTS, pasted_name, propose_view
from etl.documents import read_document, text_document
from etl.held_documents import read_progress, write_progress
from layouts import documents_page as page
from layouts import ids
from text.i18n_documents import dt


def register(app, sessions) -> None:
    # A file over the limit is refused in the browser with a message (the server would refuse the request
    # before any callback could answer); one within it goes on to the server through a store, with a token the
    # progress poll follows.
    app.clientside_callback(
        """function(contents, fileName, limit) {
            const none = window.dash_clientside.no_update;
            if (!contents) { return [none, none, none]; }
            const bytes = Math.floor((contents.length - contents.indexOf(",") - 1) * 3 / 4);
            if (bytes > limit.max) {
                const size = (bytes / 1048576).toFixed(1);
                return [none, "⚠ " + limit.message.replaceAll("{size}", size), null];
            }
            const at = String(Date.now());
            return [{filename: fileName, at: at}, "", {at: at}];
        }""",
        Output(ids.DOC_FILE_CHECKED, "data"),
        Output(ids.DOC_TOO_LARGE, "children"),
        Output(ids.DOC_READING, "data"),
        Input(ids.DOC_FILE, "contents"),
        State(ids.DOC_FILE, "filename"),
        State(ids.DOC_LIMIT, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        *READ_OUTPUTS,
        Output(ids.DOC_FILE, "contents"),
        *FIELD_OUTPUTS,
        Input(ids.DOC_FILE_CHECKED, "data"),
        State(ids.DOC_FILE, "contents"),
        State(ids.DOC_REGION, "value"),
        State(ids.DOC_DATE, "value"),
        State(ids.DOC_URL, "value"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def uploaded(chosen, contents, region, date, url, previous, search):
        guard.require("upload")
        file_name = (chosen or {}).get("filename")
        if not contents or not file_name:
            return no_update, no_update, no_update, no_update, *fields_after(None, {})
        data = base64.b64decode(contents.split(",", 1)[1])
        owner, token = held_owner(), str(chosen.get("at") or "")
        write_progress(owner, token, 0, 0)

        def read():
            def pages(done, total):
                write_progress(owner, token, done, total)

            return read_document(data, file_name, progress=pages)

        try:
            view, state = propose_view(
                sessions, read, file_name, region, date, page_lang(search), url, previous=previous
            )
        finally:
            write_progress(owner, token, 0, 0, finished=True)
        shown = {"url": (url or "").strip(), "date": date, "region": region}
        return view, state, None, None, *fields_after(state, shown)  # contents cleared: the same file reads again

    # While a file is read, a poll (not downstream of the reading callback, so never held back by it) shows the
    # pages read so far; it stops itself once the reading is finished.
    # A pasted text over the callback limit (auth.limits) is stopped here, with a message, before it is sent.
    app.clientside_callback(
        """function(text, limit) {
            const bytes = new TextEncoder().encode(text || "").length;
            if (bytes <= limit.max) { return ["", false]; }
            return [limit.message.replaceAll("{size}", String(Math.ceil(bytes / 1024))), true];
        }""",
        Output(ids.DOC_TEXT_TOO_LONG, "children"),
        Output(ids.DOC_READ_TEXT, "disabled"),
        Input(ids.DOC_TEXT, "value"),
        State(ids.DOC_TEXT_LIMIT, "data"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        "function(reading) { return !reading; }",
        Output(ids.DOC_PROGRESS_TICK, "disabled"),
        Input(ids.DOC_READING, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.DOC_PROGRESS, "children"),
        Output(ids.DOC_PROGRESS_TICK, "disabled", allow_duplicate=True),
        Input(ids.DOC_PROGRESS_TICK, "n_intervals"),
        State(ids.DOC_READING, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def progress(_ticks, reading, search):
        guard.require("upload")
        found = read_progress(held_owner())
        if not reading or not found or found.get("token") != str(reading.get("at")):
            return "", no_update  # not started yet (the file is still on its way)
        if found.get("finished"):
            return "", True
        if not found.get("total"):
            return "", no_update  # pages are counted for PDFs only; the spinner says the rest
        return dt("progress_pages", page_lang(search), done=found["done"], total=found["total"]), no_update

    @app.callback(
        *READ_OUTPUTS,
        *FIELD_OUTPUTS,
        Output(ids.DOC_TEXT_TITLE, "value"),
        Input(ids.DOC_READ_TEXT, "n_clicks"),
        State(ids.DOC_TEXT, "value"),
        State(ids.DOC_TEXT_TITLE, "value"),
        State(ids.DOC_REGION, "value"),
        State(ids.DOC_DATE, "value"),
        State(ids.DOC_URL, "value"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def pasted(clicks, text, title, region, date, url, previous, search):
        guard.require("upload")
        lang = page_lang(search)
        unchanged = fields_after(None, {})
        if not clicks:
            return no_update, no_update, no_update, *unchanged, no_update
        if not (text or "").strip():
            return page.message(dt("empty_text", lang)), None, None, *unchanged, no_update
        view, state = propose_view(
            sessions,
            lambda: text_document(text, pasted_name(title)),
            pasted_name(title),
            region,
            date,
            lang,
            url,
            title=title,
            previous=previous,
        )
        shown = {"url": (url or "").strip(), "date": date, "region": region}
        cleared_title = "" if state is not None and (title or "").strip() and not state.get("title") else no_update
        return view, state, None, *fields_after(state, shown), cleared_title
