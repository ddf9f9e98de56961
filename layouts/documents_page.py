"""The documents page: upload or paste a plan document, review its candidate targets in a grid, commit.

Pure functions of their arguments. Document text is only ever passed as component children (text nodes):
nothing from a document is rendered as HTML.
"""

from __future__ import annotations

from dash import dcc, html

from layouts import ids
from layouts.documents_grid import candidates_grid, problems_view, quote_view
from text.i18n import t
from text.i18n_documents import dt

ACCEPT = ".txt,.html,.htm,.docx,.pdf"
MB = 1024 * 1024
KB = 1024


def not_allowed(lang: str, logged_in: bool = True) -> html.Div:
    """Why this page is not for the visitor; a visitor without an account is offered the login page."""
    login = None if logged_in else [" ", html.A(dt("login_needed", lang), href="/login?next=/documents")]
    return html.Div(
        [dt("not_allowed", lang), *(login or [])], className="alert alert-warning", id="documents-not-allowed"
    )


def _region_options(regions: list[dict]) -> list[dict]:
    return [{"label": f"{r['name_zh']} ({r['code']})", "value": r["code"]} for r in regions]


def documents_page(
    regions: list[dict],
    lang: str,
    assigned: list[dict] | None = None,
    max_bytes: int = 20 * MB,
    max_text: int = 128 * KB,
) -> html.Div:
    """The page for a user who may add documents; ``regions`` are those they may write (for the override),
    ``assigned`` the regions their account holds (None: an administrator, every region).

    A file over ``max_bytes`` (a pasted text over ``max_text`` bytes of UTF-8) is refused in the browser with a
    message, before it is sent."""
    if assigned is None:
        mine = dt("all_regions", lang)
    else:
        mine = "、".join(f"{r['name_zh']} {r['code']}" for r in assigned) + dt("and_below", lang)
    spinner = html.Div(
        [html.Div(className="spinner-border text-primary me-2", role="status"), html.Span(dt("reading", lang))],
        className="d-flex align-items-center alert alert-info",
        id="documents-reading",
    )
    return html.Div(
        [
            html.H1(dt("title", lang), className="h4"),
            html.P([f"{dt('your_regions', lang)}: ", mine], className="text-muted small", id="documents-mine"),
            dcc.Store(id=ids.DOC_STATE, storage_type="session"),  # a review in this tab survives a redraw
            html.Div(id=ids.DOC_HELD),  # the account's reviews in progress (callbacks/documents_held.py)
            html.Div(id=ids.DOC_HELD_SAID, className="small mb-2", role="status"),
            dcc.Store(id=ids.DOC_FILE_CHECKED),
            dcc.Store(id=ids.DOC_READING),
            dcc.Store(
                id=ids.DOC_LIMIT,
                data={"max": max_bytes, "message": dt("too_large", lang, limit=max_bytes // MB)},
            ),
            html.Div(
                [
                    html.Label(dt("source_url", lang), htmlFor=ids.DOC_URL, className="form-label mb-0 small"),
                    dcc.Input(
                        id=ids.DOC_URL,
                        type="url",
                        placeholder="https://",
                        className="form-control form-control-sm",
                        style={"maxWidth": "40rem"},
                    ),
                    html.P(dt("source_url_hint", lang), className="form-text small mb-0"),
                ],
                className="mb-2",
            ),
            html.Div(
                [
                    html.Section(
                        [
                            html.H2(dt("file_step", lang), className="h6"),
                            dcc.Upload(
                                id=ids.DOC_FILE,
                                children=html.Div(dt("drop_file", lang)),
                                multiple=False,
                                accept=ACCEPT,
                                className="border border-2 border-secondary-subtle rounded p-4 text-center mb-1",
                                style={"borderStyle": "dashed", "cursor": "pointer"},
                            ),
                            html.Div(id=ids.DOC_TOO_LARGE, className="text-danger small", role="alert"),
                            html.P(
                                f"≤ {max_bytes // MB} MB · .txt / .html / .docx / .pdf. {dt('limits', lang)}",
                                className="text-muted small",
                            ),
                        ],
                        className="col-lg-5",
                    ),
                    html.Section(
                        [
                            html.H2(dt("paste_step", lang), className="h6"),
                            dcc.Input(
                                id=ids.DOC_TEXT_TITLE,
                                type="text",
                                placeholder=dt("paste_title", lang),
                                className="form-control form-control-sm mb-1",
                            ),
                            dcc.Textarea(
                                id=ids.DOC_TEXT,
                                placeholder=dt("paste_placeholder", lang),
                                className="form-control mb-1",
                                style={"height": "7rem"},
                            ),
                            html.P(dt("paste_limit", lang, limit=max_text // KB), className="form-text small mb-1"),
                            html.Div(id=ids.DOC_TEXT_TOO_LONG, className="text-danger small", role="alert"),
                            dcc.Store(
                                id=ids.DOC_TEXT_LIMIT,
                                data={
                                    "max": max_text,
                                    "message": dt("paste_too_long", lang, limit=max_text // KB, size="{size}"),
                                },
                            ),
                            html.Button(
                                dt("read_text", lang), id=ids.DOC_READ_TEXT, className="btn btn-outline-primary"
                            ),
                        ],
                        className="col-lg-7",
                    ),
                ],
                className="row g-3 mb-2",
            ),
            html.Details(
                [
                    html.Summary(dt("overrides", lang), className="small"),
                    html.Div(
                        [
                            html.Label(dt("date", lang), htmlFor=ids.DOC_DATE, className="form-label me-2 mb-0"),
                            dcc.Input(id=ids.DOC_DATE, type="date", className="form-control", style={"width": "11rem"}),
                            html.Label(
                                dt("region_override", lang),
                                htmlFor=ids.DOC_REGION,
                                className="form-label ms-3 me-2 mb-0",
                            ),
                            dcc.Dropdown(
                                id=ids.DOC_REGION, options=_region_options(regions), style={"minWidth": "18rem"}
                            ),
                            html.Button(
                                dt("reread", lang),
                                id=ids.DOC_REREAD,
                                className="btn btn-sm btn-outline-primary ms-2 text-nowrap",
                                title=dt("reread_hint", lang),
                            ),
                        ],
                        className="d-flex align-items-center flex-wrap gap-1 mt-2",
                    ),
                ],
                className="mb-3",
            ),
            # Reading a long or scanned document takes a while: the spinner says so, in words, and the pages
            # read so far show above it (polled only while a file is read).
            dcc.Interval(id=ids.DOC_PROGRESS_TICK, interval=1000, disabled=True),
            html.Div(id=ids.DOC_PROGRESS, className="small text-muted", role="status"),
            dcc.Loading(
                html.Div(id=ids.DOC_RESULT, className="mb-3"),
                target_components={ids.DOC_RESULT: "children"},
                custom_spinner=spinner,
            ),
            dcc.Loading(
                html.Div(id=ids.DOC_DONE, className="mb-3"),
                target_components={ids.DOC_DONE: "children"},
            ),
        ],
        id="documents-page",
    )


def document_info(info: dict, lang: str, editable: bool = False) -> html.Div:
    """The document line: title, region, date (and where it came from), format, and warnings. ``editable``: the
    title as a box the reviewer corrects (a review in progress), else as text."""

    def item(key: str, value) -> html.Span:
        return html.Span([html.B(f"{dt(key, lang)}: "), str(value or "—")], className="me-3")

    return html.Div(
        [
            title_box(info.get("title") or "", lang) if editable else item("doc_title", info.get("title")),
            item("doc_region", region_said(info, lang)),
            item("doc_date", _dated(info, lang)),
            item("doc_format", info.get("format")),
            html.Span(f"⚠ {dt('ocr_doc', lang)}", className="text-warning") if info.get("ocr") else None,
            html.Div(dt("no_date", lang), className="text-warning-emphasis", id="documents-no-date")
            if not info.get("published_on")
            else None,
            html.Div(dt("no_region", lang), className="text-warning-emphasis", id="documents-no-region")
            if not info.get("region_code")
            else None,
        ],
        id="documents-info",
        className="small mb-2",
    )


def region_said(info: dict, lang: str) -> str:
    """The document's region with its code; in English its English name, the Chinese in brackets.

    Example: ``region_said({"region_name": "昭通市", "region_name_en": "Zhaotong City", "region_code": "530600"},
    "en") == "Zhaotong City (昭通市) 530600"``
    """
    zh, en = info.get("region_name") or "", info.get("region_name_en")
    name = f"{en} ({zh})" if lang == "en" and en and zh and en != zh else zh
    return f"{name} {info.get('region_code') or ''}".strip()


def title_box(title: str, lang: str) -> html.Div:
    """The guessed title in a box: corrected on Enter or leaving the box, for an uploaded file as for a pasted text."""
    return html.Div(
        [
            html.Label(f"{dt('doc_title', lang)}:", htmlFor=ids.DOC_TITLE, className="fw-bold me-2 mb-0"),
            dcc.Input(
                id=ids.DOC_TITLE,
                type="text",
                value=title,
                debounce=True,
                maxLength=200,
                className="form-control form-control-sm",
                style={"maxWidth": "36rem"},
            ),
            html.Span(id=ids.DOC_TITLE_SAID, className="small ms-2", role="status"),
        ],
        className="d-flex align-items-center mb-1",
        title=dt("doc_title_hint", lang),
    )


def _dated(info: dict, lang: str) -> str | None:
    """The document's date and, when the text did not give it, where it came from."""
    date, origin = info.get("published_on"), info.get("date_from")
    if not date or origin not in ("url", "given"):
        return date
    return f"{date} · {dt('date_from_' + origin, lang)}"


def already_view(info: dict, batch_id: int, lang: str) -> html.Div:
    return html.Div(
        [
            document_info(info, lang),
            html.Div(
                [
                    dt("already", lang, batch=batch_id),
                    " ",
                    dcc.Link(dt("see_batch", lang), href=f"/history?lang={lang}"),
                ],
                className="alert alert-info",
                role="status",
                id="documents-already",
            ),
        ]
    )


FULL_TEXT_MAX = 200_000  # characters of the document shown for choosing words; the rest is only said


def review_view(
    info: dict, rows: list[dict], indicator_labels: list[str], lang: str, notice: str | None = None, text: str = ""
) -> html.Div:
    """Document info, the candidates grid with accept/reject-all, the quote panel, problems, note and commit.

    ``notice`` is the engine's word about the whole document (no targets found, and what it looked for). With no
    rows the grid is empty: targets the extractor missed can still be added from their words, chosen in ``text``
    (the document's text, shown in full up to FULL_TEXT_MAX characters)."""
    none = html.Div(notice or dt("no_rows", lang), className="alert alert-warning", id="documents-none")
    return html.Div(
        [
            document_info(info, lang, editable=True),
            none if notice or not rows else None,  # and the reviewer may still add what was missed
            html.H2(dt("review_step", lang), className="h6"),
            html.P(dt("review_hint", lang), className="text-muted small mb-1"),
            html.Div(
                [
                    html.Button(
                        dt("accept_all", lang), id=ids.DOC_ACCEPT_ALL, className="btn btn-sm btn-outline-success"
                    ),
                    html.Button(
                        dt("reject_all", lang), id=ids.DOC_REJECT_ALL, className="btn btn-sm btn-outline-secondary"
                    ),
                    html.Button(dt("check", lang), id=ids.DOC_CHECK, className="btn btn-sm btn-outline-primary"),
                    html.Span(
                        dt("rows_counted", lang, accepted=sum(bool(r.get("accept")) for r in rows), total=len(rows)),
                        id="documents-count",
                        className="small ms-2",
                    ),
                ],
                className="d-flex align-items-center gap-2 mb-2",
            ),
            candidates_grid(rows, indicator_labels, lang),
            html.Div(quote_view(None, lang), className="my-2"),
            add_missed(lang, text),
            problems_view({}, [], lang),
            html.Div(
                [
                    html.Label(dt("note_label", lang), htmlFor=ids.DOC_NOTE, className="form-label"),
                    dcc.Input(id=ids.DOC_NOTE, type="text", value="", className="form-control mb-2"),
                    html.Button(dt("commit", lang), id=ids.DOC_COMMIT, className="btn btn-primary", disabled=True),
                ]
            ),
        ],
        id="documents-review",
    )


def add_missed(lang: str, text: str = "") -> html.Details:
    """Where the reviewer adds a target the extractor missed, from its words in the document: typed or pasted, or
    selected in the document's text shown below (a click there copies the selection into the box)."""
    shown = text[:FULL_TEXT_MAX]
    rest = len(text) - len(shown)
    return html.Details(
        [
            html.Summary(dt("add_title", lang), className="small"),
            html.Label(dt("add_hint", lang), htmlFor=ids.DOC_ADD_QUOTE, className="form-text small mb-1"),
            html.Div(
                [
                    dcc.Input(id=ids.DOC_ADD_QUOTE, type="text", value="", className="form-control form-control-sm"),
                    html.Button(
                        dt("add", lang), id=ids.DOC_ADD, className="btn btn-sm btn-outline-primary text-nowrap"
                    ),
                ],
                className="d-flex gap-2",
            ),
            html.Div(id=ids.DOC_ADD_MESSAGE, className="small mt-1", role="status"),
            html.Pre(shown, id=ids.DOC_FULL_TEXT, className="doc-paragraph doc-full-text mt-2 mb-0", n_clicks=0)
            if shown
            else None,
            html.P(dt("full_text_cut", lang, n=rest), className="small text-muted mb-0") if rest > 0 else None,
        ],
        id="documents-add",
        className="border rounded p-2 mb-2",
    )


def committed_view(
    batch_id: int, counts: dict[str, int], region: dict | None, lang: str, waits: bool = False
) -> html.Div:
    """The stored batch (``counts``: rows stored by kind, target/actual/baseline) and where to see it; ``waits``: a
    region that requires approval (it counts once approved)."""
    links = [dcc.Link(dt("see_batch", lang), href=f"/history?lang={lang}", id="documents-history-link")]
    if region:
        links.insert(
            0,
            dcc.Link(
                dt("open_region", lang, name=region["name_zh"]),
                href=f"/region/{region['code']}?lang={lang}",
                id="documents-region-link",
                className="me-3",
            ),
        )
    return html.Div(
        [
            dt(
                "committed",
                lang,
                batch=batch_id,
                **{f"{k}s": counts.get(k, 0) for k in ("target", "actual", "baseline")},
            ),
            *([" ", t("submitted_for_review", lang)] if waits else []),
        ]
        + [html.Br(), *links],
        className="alert alert-success",
        role="status",
        id="documents-committed",
    )


def reread_view(changed: list[str], added: int, view, lang: str) -> html.Div:
    """The document read again: what changed (date, source URL, region), that the grid was rebuilt, then the
    new review."""
    said = dt("reread_done", lang, changed="; ".join(changed) or dt("reread_same", lang))
    if added:
        said += " " + dt("reread_added", lang, n=added)
    return html.Div(
        [html.Div(said, className="alert alert-info py-2 small", role="status", id="documents-reread"), view]
    )


def message(text: str, level: str = "warning", id_: str = "documents-message") -> html.Div:
    return html.Div(text, className=f"alert alert-{level}", role="alert", id=id_)
