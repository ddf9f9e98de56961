"""Documents page wiring: upload or paste -> read and propose -> review in the grid -> commit as one batch.

Every callback checks the right on the server first (a forged POST is refused like a click); the uploaded bytes
stay on disk under the account that sent them (``etl/held_documents.py``), the page keeps only their sha256.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt_

from dash import Input, Output, State, ctx, html, no_update
from flask_login import current_user
from werkzeug.exceptions import Forbidden

from auth import guard
from auth.limits import MAX_FIELD_BYTES
from callbacks import urlstate
from db import batches, queries
from db.map_queries import region_names
from db.session import ReadOnlyDatabase, transaction
from etl import intake
from etl.document_review import (
    add_quoted_row,
    discard,
    held_document,
    held_proposal,
    held_review,
    hold_grid,
    hold_proposal,
    notes_by_row,
    retitle,
    review,
    with_problems,
)
from etl.documents import DOCUMENT_LIMITS, DocumentRejected, read_document, text_document
from etl.extract.added_targets import QuoteNotFound
from etl.held_documents import read_progress, write_progress
from layouts import documents_grid as grid_view
from layouts import documents_page as page
from layouts import ids
from text.i18n_documents import dt

PASTED_NAME = "粘贴文本 pasted.txt"


def _pasted_name(title: str | None) -> str:
    """A pasted text's file name: its title's, else PASTED_NAME."""
    return f"{title.strip()}.txt" if (title or "").strip() else PASTED_NAME


LEVELS = ("province", "prefecture", "county")


def render_documents(session, lang: str):
    """The page, or why this account cannot use it."""
    if not guard.can_do("upload"):
        who = guard.current_principal()
        return page.not_allowed(lang, logged_in=who is not None and who.role != "public")
    writable = guard.writable_codes("upload", session)
    regions = [
        r
        for r in queries.regions(session)
        if (writable is None and r["level"] in LEVELS) or (writable is not None and r["code"] in writable)
    ]
    assigned = None  # an administrator: every region
    if writable is not None:
        held = (queries.region(session, c) for c in sorted(guard.current_principal().regions))
        assigned = [r for r in held if r]
    return page.documents_page(regions, lang, assigned, max_bytes=DOCUMENT_LIMITS.max_bytes, max_text=MAX_FIELD_BYTES)


def page_lang(search: str | None) -> str:
    return urlstate.lang_of(urlstate.parse(search))


def held_owner() -> str:
    """The account the held files belong to (its database id): never a value the client sent."""
    row = getattr(current_user, "row", None)
    if not row:
        raise Forbidden("no logged-in account")
    return str(row["id"])


def held_account() -> str:
    """The logged-in account's name, kept with what it holds (``reviews_in_progress`` checks it)."""
    return guard.current_user_name()


def _date(text: str | None) -> dt_.date | None:
    return dt_.date.fromisoformat(text) if text else None


def _named(session, info: dict) -> dict:
    """The document line's facts with the region's English name, for an English page."""
    code = info.get("region_code")
    names = region_names(session, [code]) if code else {}
    return {**info, "region_name_en": (names.get(code) or {}).get("name_en")}


def _labels(session, rows: list[dict]) -> list[str]:
    known = [grid_view.indicator_label(i["code"], i["name_zh"]) for i in queries.indicators(session)]
    extra = [r["indicator_label"] for r in rows if r["indicator_label"] not in known]
    return sorted(set(extra)) + known


def propose_view(
    sessions,
    doc_reader,
    file_name: str,
    region: str | None,
    date: str | None,
    lang: str,
    url: str | None = None,
    added: list[str] = (),
    title: str | None = None,
    previous: dict | None = None,
):
    """Read and propose; (result view, page state). Nothing is written to the database.

    ``doc_reader()`` returns the document (file bytes read, or a pasted text); the proposal (text and candidate
    rows) is held on disk for this account, the page keeps only its sha256 and the overrides. ``added``: words of
    targets a reviewer added to an earlier reading, added again (read with these overrides). ``title``: the title
    the user typed for a pasted text, stored as the document's. ``previous``: the page state of the review held
    before, whose overrides are not carried over to another document (``own_overrides``); the page says so."""
    guard.require("upload")
    owner = held_owner()
    try:
        as_of = _date(date)
    except ValueError:
        return page.message(dt("bad_date", lang)), None
    url = (url or "").strip() or None
    title = (title or "").strip() or None
    if intake.url_problems(url):
        return page.message(dt("bad_url", lang), id_="documents-bad-url"), None
    with sessions() as session:
        if region and guard.refused_regions("upload", [region], session):
            return page.message(dt("not_yours", lang, codes=region), id_="documents-refused"), None
        try:
            doc = doc_reader()
        except DocumentRejected as exc:
            return page.message(dt("bad_file", lang, msg=exc.located()), "danger", "documents-bad-file"), None
        given = {"url": url, "date": date or None, "region": region or None, "title": title}
        given, dropped = own_overrides(given, previous, doc.sha256)
        url, date, region, title = given["url"], given["date"], given["region"], given["title"]
        if "title" in dropped and file_name == _pasted_name(previous.get("title")):  # named after that title
            file_name = _pasted_name(None)
            doc = dataclasses.replace(doc, file_name=file_name)
        as_of = _date(date)
        proposal = intake.propose(
            session, doc, file_name, region_code=region or None, as_of=as_of, source_url=url, possible=True, title=title
        )
        info = _named(session, proposal.document())
        state = {
            "sha256": proposal.sha256,
            "file_name": file_name,
            "region": region or None,
            "date": date or None,
            "url": url,
            "title": title,
        }
        if proposal.already_ingested:
            return page.already_view(info, proposal.already_ingested, lang), state
        hold_proposal(owner, proposal, state, doc, account=held_account())
        grid = [grid_view.grid_row(r) for r in proposal.rows]
        for words in added:
            try:
                grid.append(grid_view.grid_row(add_quoted_row(session, owner, state, words)))
            except QuoteNotFound:
                continue  # the words held no number once read again: the reviewer adds them anew
        checked = check_rows(sessions, grid, state)
        grid = with_problems(grid, checked[1] if checked else {}, notes_by_row(checked[0]) if checked else {})
        notice = " ".join(p.message for p in proposal.problems) or None  # no targets found: what was looked for
        view = page.review_view(info, grid, _labels(session, grid), lang, notice, proposal.text)
        if dropped:
            words = dict(OVERRIDES)
            fields = ("、" if lang == "zh" else ", ").join(dt(words[k], lang) for k in dropped)
            said = page.message(dt("not_carried", lang, fields=fields), "info", "documents-not-carried")
            view = html.Div([said, view])
        return view, state


OVERRIDES = (("url", "source_url_short"), ("date", "date"), ("region", "region_override"), ("title", "title_short"))


def own_overrides(given: dict, previous: dict | None, sha256: str) -> tuple[dict, list[str]]:
    """The overrides of a new read (source URL, date, region, title) without those that belong to the previous
    review (``previous``: its page state), and which were left out. A page drawn again shows the held review's
    overrides in their boxes (``resume``), and a committed document's stay there: a new document (another text)
    read with one of them unchanged would be stored with the previous document's source. A value typed anew is the
    new document's; the same document read again keeps them all."""
    if not previous or previous.get("sha256") == sha256:
        return given, []
    dropped = [key for key, _word in OVERRIDES if given.get(key) and given.get(key) == previous.get(key)]
    return {k: None if k in dropped else v for k, v in given.items()}, dropped


def date_changed(state: dict | None, date: str | None) -> bool:
    """Whether the date box now says another date than the held review was read with (a box emptied, or filled
    again with the same date by a redraw, is no change)."""
    return bool(state) and bool(date) and date != state.get("date")


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


def reread_changes(old: dict, new: dict, lang: str) -> list[str]:
    """What a reading again changed: "日期:— → 2012-04-11" for each override given anew."""
    out = []
    for key, word in (("date", "date"), ("url", "source_url_short"), ("region", "region_override")):
        if (old.get(key) or None) != (new.get(key) or None):
            out.append(f"{dt(word, lang)}: {old.get(key) or '—'} → {new.get(key) or '—'}")
    return out


FIELDS = (("url", ids.DOC_URL, ""), ("date", ids.DOC_DATE, ""), ("region", ids.DOC_REGION, None))
FIELD_OUTPUTS = tuple(Output(box, "value", allow_duplicate=True) for _key, box, _empty in FIELDS)


def fields_after(state: dict | None, shown: dict) -> tuple:
    """The override boxes after a new read: a value the read left out (the previous document's, ``own_overrides``)
    cleared, so the page shows what this document was read with; the others as they are."""
    if state is None:
        return tuple(no_update for _ in FIELDS)
    return tuple(empty if shown.get(key) and not state.get(key) else no_update for key, _box, empty in FIELDS)


def check_rows(sessions, grid: list[dict], state: dict) -> tuple[list[dict], dict[str, list[str]]] | None:
    """``document_review.review`` for the logged-in account and its regions."""
    with sessions() as session:
        return review(session, held_owner(), grid, state, guard.writable_codes("upload", session))


def register(app, sessions) -> None:
    outputs = (
        Output(ids.DOC_RESULT, "children", allow_duplicate=True),
        Output(ids.DOC_STATE, "data", allow_duplicate=True),
        Output(ids.DOC_DONE, "children", allow_duplicate=True),
    )

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
        *outputs,
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
        *outputs,
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
            lambda: text_document(text, _pasted_name(title)),
            _pasted_name(title),
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

    @app.callback(
        *outputs,
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

    # Words selected in the document's text: a click there (the end of a selection) copies them into the box
    app.clientside_callback(
        """function(_clicks) {
            const words = (window.getSelection() || "").toString().trim();
            return words ? words : window.dash_clientside.no_update;
        }""",
        Output(ids.DOC_ADD_QUOTE, "value", allow_duplicate=True),
        Input(ids.DOC_FULL_TEXT, "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.DOC_GRID, "rowData", allow_duplicate=True),
        Output(ids.DOC_ADD_MESSAGE, "children"),
        Output(ids.DOC_ADD_QUOTE, "value"),
        Output(ids.DOC_PROBLEMS, "children", allow_duplicate=True),
        Output(ids.DOC_PROBLEMS, "className", allow_duplicate=True),
        Output("documents-count", "children", allow_duplicate=True),
        Input(ids.DOC_ADD, "n_clicks"),
        Input(ids.DOC_ADD_QUOTE, "n_submit"),
        State(ids.DOC_ADD_QUOTE, "value"),
        State(ids.DOC_GRID, "rowData"),
        State(ids.DOC_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def add_missed(_clicks, _submits, words, grid, state, search):
        """A target the extractor missed, read from the words the reviewer copied: a new row, checked with the rest."""
        guard.require("upload")
        lang = page_lang(search)

        def said(message):  # the grid and the box as they were
            return no_update, message, no_update, no_update, no_update, no_update

        if not (words or "").strip() or not state:
            return said(no_update)
        try:
            with sessions() as session:
                row = add_quoted_row(session, held_owner(), state, words)
        except QuoteNotFound as exc:
            where = f"{state.get('file_name')}: " if state.get("file_name") else ""
            return said(f"⚠ {where}{exc} — {exc.hint}")
        if row is None:
            return said(dt("expired", lang))
        grid = [*(grid or []), grid_view.grid_row(row)]
        checked = check_rows(sessions, grid, state)
        problems = checked[1] if checked else {}
        notes = notes_by_row(checked[0]) if checked else {}
        view = grid_view.problems_view(problems, [str(g["row_id"]) for g in grid], lang, notes)
        count = dt("rows_counted", lang, accepted=len(checked[0]) if checked else 0, total=len(grid))
        added = dt("added", lang, row=len(grid), quote=row["quote"][:60])
        grid = with_problems(grid, problems, notes)
        hold_grid(held_owner(), state, grid)
        return grid, added, "", view.children, view.className, count

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


def held_view(sessions, state: dict, lang: str):
    """The review the logged-in account holds for ``state``, as last checked (rows, edits, ticks); None when it is
    gone (committed, discarded, expired) or not this account's."""
    held = held_review(held_owner(), state)
    if held is None:
        return None
    info, grid, text = held
    proposal = held_proposal(held_owner(), state)
    grid = grid if grid is not None else [grid_view.grid_row(r) for r in proposal.rows]
    with sessions() as session:
        labels = _labels(session, grid)
        info = _named(session, info)
    return page.review_view(info, grid, labels, lang, None, text)


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
