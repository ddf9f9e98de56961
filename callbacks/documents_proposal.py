"""A document read and proposed for review, and a held review drawn again: the server side that reading a file or
a text, reading again, resuming and committing share. Nothing here writes to the database."""

from __future__ import annotations

import dataclasses
import datetime as dt_

from dash import Output, html

from auth import guard
from callbacks.documents import held_account, held_owner
from callbacks.documents_overrides import OVERRIDES, own_overrides
from db import queries
from db.map_queries import region_names
from etl import intake
from etl.document_review import (
    add_quoted_rows,
    held_proposal,
    held_review,
    hold_proposal,
    notes_by_row,
    review,
    with_problems,
)
from etl.documents import DocumentRejected
from etl.extract.added_targets import QuoteNotFound
from layouts import documents_grid as grid_view
from layouts import documents_page as page
from layouts import ids
from text.i18n_documents import dt

PASTED_NAME = "粘贴文本 pasted.txt"

# where a reading's (result view, page state) go, with the last commit's message cleared
READ_OUTPUTS = (
    Output(ids.DOC_RESULT, "children", allow_duplicate=True),
    Output(ids.DOC_STATE, "data", allow_duplicate=True),
    Output(ids.DOC_DONE, "children", allow_duplicate=True),
)


def pasted_name(title: str | None) -> str:
    """A pasted text's file name: its title's, else PASTED_NAME."""
    return f"{title.strip()}.txt" if (title or "").strip() else PASTED_NAME


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
        if "title" in dropped and file_name == pasted_name(previous.get("title")):  # named after that title
            file_name = pasted_name(None)
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
                grid += [grid_view.grid_row(r) for r in add_quoted_rows(session, owner, state, words) or ()]
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


def check_rows(sessions, grid: list[dict], state: dict) -> tuple[list[dict], dict[str, list[str]]] | None:
    """``document_review.review`` for the logged-in account and its regions."""
    with sessions() as session:
        return review(session, held_owner(), grid, state, guard.writable_codes("upload", session))


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
