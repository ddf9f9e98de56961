"""A plan document under review, between its proposal and its commit: held on disk for the account that read
it, the reviewer's grid applied to the held rows and checked by the intake engine.

Example::

    hold_proposal("7", proposal, state)                   # after propose(): text and rows kept for account 7
    rows, problems = review(session, "7", grid, state, allowed_regions={"621100"})
    notes = notes_by_row(rows)                            # {"4": ["指标 indicator: 新指标:…将随本文件保存 / …"]}
    rows = add_quoted_rows(session, "7", state, "新建通村公路50条")  # targets the extractor missed, from their words
    batch_id = commit(session, held_proposal("7", state), rows, user_name="li", note="…")   # etl.intake
    reviews_in_progress("7", "li")    # the reviews account 7 (li) may resume: title, file, saved, expires…
    discard("7", state["sha256"])     # gone (after a commit, or the reviewer's 放弃 Discard)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

from db import batches, queries
from db.region_names import regions_matching
from etl import intake
from etl.documents import DocumentText
from etl.extract.added_targets import find_quote, quoted_figures
from etl.held_documents import expires_at, forget, held_jsons, hold_json, read_json
from etl.reviewed_rows import apply_edits
from text.fields import field_label

Problems = dict[str, list[str]]


def hold_proposal(
    owner: str, proposal: intake.Proposal, state: dict, doc: DocumentText | None = None, account: str | None = None
) -> None:
    """Keep what commit needs (document info, text, candidate rows) for ``owner``, under the text's sha256; with
    ``doc`` (the document read), what reading it again with other overrides needs (``held_document``); ``account``:
    the account's name, which ``reviews_in_progress`` checks."""
    held = {"state": state, "document": proposal.document(), "text": proposal.text, "rows": proposal.rows}
    if account is not None:
        held["account"] = account
    if doc is not None:
        held["read"] = {
            "format": doc.format,
            "file_name": doc.file_name,
            "size": doc.size,
            "pages": doc.pages,
            "ocr_spans": [list(span) for span in doc.ocr_spans],
            "title": doc.title,
            "notices": list(doc.notices),
            "file_sha256": doc.file_sha256,
        }
    hold_json(owner, proposal.sha256, held)


def held_document(owner: str, state: dict) -> tuple[DocumentText, list[str]] | None:
    """The document ``owner`` read, as read (no second read of the file, no second OCR), and the words of the
    targets the reviewer added to it: to propose it again with another date, source URL or region. None when
    nothing is held for this page state."""
    held = _held(owner, state)
    if held is None or "read" not in held:
        return None
    read = held["read"]
    doc = DocumentText(
        text=held["text"],
        format=read["format"],
        file_name=read["file_name"],
        size=int(read["size"] or 0),
        pages=read["pages"],
        ocr_spans=tuple(tuple(span) for span in read["ocr_spans"]),
        title=read["title"],
        notices=tuple(read["notices"]),
        file_sha256=read["file_sha256"],
    )
    return doc, [r["quote"] for r in held["rows"] if r.get("added")]


def _held(owner: str, state: dict) -> dict | None:
    held = read_json(owner, (state or {}).get("sha256"))
    return held if held and held.get("state") == state else None


def held_proposal(owner: str, state: dict) -> intake.Proposal | None:
    """The proposal ``owner`` was shown, rebuilt from what was held (no second read, no second OCR); None when
    it is gone, another account's, or was made with other overrides."""
    held = _held(owner, state)
    if held is None:
        return None
    names = {f.name for f in fields(intake.Proposal)}
    document = {k: v for k, v in held["document"].items() if k in names}
    return intake.Proposal(**{**document, "text": held["text"], "rows": held["rows"]})


def retitle(owner: str, state: dict, title: str) -> dict | None:
    """The held review under the title the reviewer typed (stored with the document on commit): the new page
    state, or None when nothing is held for ``state``. Nothing is read again; the grid stays as it is.

    Example: ``state = retitle("7", state, "昭通市脱贫攻坚报道")``
    """
    held = _held(owner, state)
    if held is None:
        return None
    new_state = {**state, "title": title}
    hold_json(owner, state["sha256"], {**held, "state": new_state, "document": {**held["document"], "title": title}})
    return new_state


def hold_grid(owner: str, state: dict, grid: list[dict]) -> None:
    """Keep the reviewer's grid as last checked (edits, ticks, problems) with what is held, so that the review
    survives the page being drawn again (the language switched, the page reloaded)."""
    held = _held(owner, state)
    if held is not None:
        hold_json(owner, state["sha256"], {**held, "grid": grid})


def held_review(owner: str, state: dict) -> tuple[dict, list[dict] | None, str] | None:
    """(document info, the grid as last checked or None, text) of the review held for this page state."""
    held = _held(owner, state)
    if held is None:
        return None
    return held["document"], held.get("grid"), held["text"]


def reviews_in_progress(owner: str, account: str) -> list[dict]:
    """The reviews ``owner`` holds, neither committed nor discarded nor expired, the last saved first: each
    ``{"sha256", "state", "title", "file_name", "pasted", "saved_at", "expires_at", "rows", "grid"}`` (``rows`` as
    proposed, ``grid`` as last checked or None). Only those held under the name ``account``: an account id used
    again after its account was deleted never shows the earlier account's reviews.

    Example: ``[r["title"] for r in reviews_in_progress("7", "li")] == ["陕西省打赢脱贫攻坚战三年行动…"]``
    """
    out = []
    for sha, saved_at in held_jsons(owner):
        held = read_json(owner, sha)
        if not held or held.get("account") != account or not isinstance(held.get("state"), dict):
            continue
        state = held["state"]
        out.append(
            {
                "sha256": sha,
                "state": state,
                "title": (held.get("document") or {}).get("title") or state.get("title"),
                "file_name": state.get("file_name"),
                "pasted": not (held.get("read") or {}).get("file_sha256"),
                "saved_at": saved_at,
                "expires_at": expires_at(saved_at),
                "rows": held.get("rows") or [],
                "grid": held.get("grid"),
            }
        )
    return out


def held_state(owner: str, account: str, sha: str) -> dict | None:
    """The page state of the review ``owner`` (named ``account``) holds under ``sha``, to resume it; else None."""
    found = next((r for r in reviews_in_progress(owner, account) if r["sha256"] == sha), None)
    return found["state"] if found else None


def discard(owner: str, sha: str) -> bool:
    """Delete the review ``owner`` holds under ``sha`` (committed, or given up); whether there was one."""
    return forget(owner, sha)


def problems_by_row(problems) -> Problems:
    """The engine's problems (``row`` is the candidate's row_id, ``column`` its field) by row id, each led by
    its field's bilingual label (年份 year, never period_end)."""
    out: Problems = {}
    for p in problems:
        out.setdefault(str(p.row), []).append(f"{field_label(p.column)}: {p.message} — {p.hint}")
    return out


def _merge(*found: Problems) -> Problems:
    out: Problems = {}
    for problems in found:
        for key, items in problems.items():
            out.setdefault(key, []).extend(items)
    return out


def review(
    session, owner: str, grid: list[dict], state: dict, allowed_regions: Iterable[str] | None
) -> tuple[list[dict], Problems] | None:
    """The accepted rows with the grid's edits, and every problem by row id: unreadable edits, then the
    engine's checks (regions outside ``allowed_regions`` included; None: anywhere). None when nothing is held."""
    held = _held(owner, state)
    if held is None:
        return None
    catalogue = {i["code"]: i for i in queries.indicators(session)}
    rows, unreadable = apply_edits(held["rows"], grid, lambda text: regions_matching(session, text), catalogue)
    readable = [r for r in rows if str(r["row_id"]) not in unreadable]
    found = intake.validate_rows(session, readable, file_name=state["file_name"], allowed_regions=allowed_regions)
    published = (held.get("document") or {}).get("published_on")
    found += intake.stored_conflicts(session, readable, published, state["file_name"])
    return rows, _merge(unreadable, problems_by_row(found))


def notes_by_row(rows: list[dict]) -> Problems:
    """Notes on the accepted rows by row id, which do not stop a commit: a new indicator each such row will create
    (``etl.reviewed_rows``: its name, code and the catalogue label it is close to)."""
    return {str(r["row_id"]): [r["indicator_note"]] for r in rows if r.get("indicator_note")}


def with_problems(grid: list[dict], problems: Problems, notes: Problems | None = None) -> list[dict]:
    """The grid's rows with their problems in the ``problem`` column and their notes in ``note`` (empty when none)."""
    notes = notes or {}
    return [
        {
            **g,
            "problem": "; ".join(problems.get(str(g["row_id"]), [])),
            "note": "; ".join(notes.get(str(g["row_id"]), [])),
        }
        for g in grid
    ]


def add_quoted_rows(session, owner: str, state: dict, words: str) -> list[dict] | None:
    """Candidate rows read from words the reviewer copied from the document (targets the extractor missed): one
    per clause that holds a number ("新建通村公路50条,力争解决3万人饮水问题" is two), added to what is held, so that
    review and commit treat them as any other row. None when nothing is held; raises
    ``etl.extract.added_targets.QuoteNotFound`` (message and hint) when the words are not in the text or hold no
    number."""
    held = _held(owner, state)
    if held is None:
        return None
    text, info = held["text"], held["document"]
    start, end = find_quote(text, words)
    published = info.get("published_on") or ""
    gazetteer = intake.gazetteer(session)
    own = (info.get("region_name"), info.get("region_code"))
    figures = quoted_figures(text, start, end, own, _year(published), gazetteer)
    doc = DocumentText(text, info.get("format") or "txt", info.get("file_name") or "", int(info.get("size") or 0))
    names = batches.region_names(session, {f.region_code for f in figures} - {None})
    table = batches.indicator_table(session)
    row_id = max((int(r["row_id"]) for r in held["rows"]), default=0)
    rows = []
    for figure in figures:
        row_id += 1
        row = intake.candidate_row(row_id, figure, doc, names, table, gazetteer)
        row.update(confidence=None, ocr=bool(info.get("ocr")), added=True)
        rows.append(row)
    hold_json(owner, state["sha256"], {**held, "rows": [*held["rows"], *rows]})
    return rows


def _year(date: str) -> int | None:
    return int(date[:4]) if date[:4].isdigit() else None
