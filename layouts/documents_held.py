"""The documents page's list of the account's reviews in progress (held, not committed, not expired): each with its
title, file, when it was last checked, how far it is, when it expires, and 继续审核 Resume / 放弃 Discard.

Pure functions of their arguments.

Example::

    review_counts(rows, grid)      # {"accepted": 20, "rejected": 3, "edited": 2, "total": 23}
    held_list(reviews, "zh", open_sha=state["sha256"], days=7)
"""

from __future__ import annotations

import datetime as dt_

from dash import dcc, html

from layouts import ids
from layouts.documents_grid import grid_row
from text.i18n_documents import dt

EDITABLE = ("kind", "region_text", "indicator_label", "period_text", "value_text", "comparator", "tier")


def review_counts(rows: list[dict], grid: list[dict] | None) -> dict[str, int]:
    """How far a review is: rows accepted and rejected (unticked) in ``grid`` (the review as last checked; None:
    never checked, the rows as proposed), and rows whose editable cells differ from the proposal's (``rows``)."""
    proposed = {str(r["row_id"]): grid_row(r) for r in rows}
    shown = grid if grid is not None else list(proposed.values())
    edited = sum(
        1
        for g in shown
        if str(g.get("row_id")) in proposed and any(g.get(key) != proposed[str(g["row_id"])][key] for key in EDITABLE)
    )
    accepted = sum(bool(g.get("accept")) for g in shown)
    return {"accepted": accepted, "rejected": len(shown) - accepted, "edited": edited, "total": len(shown)}


def _when(seconds: float) -> str:
    return f"{dt_.datetime.fromtimestamp(seconds):%Y-%m-%d %H:%M}"


def _row(review: dict, lang: str, open_sha: str | None) -> html.Tr:
    sha = review["sha256"]
    title = review.get("title") or review.get("file_name") or "—"
    file_said = dt("held_pasted", lang) if review.get("pasted") else review.get("file_name") or "—"
    counts = review_counts(review["rows"], review.get("grid"))
    here = sha == open_sha
    resume = (
        html.Span(dt("held_open", lang), className="badge text-bg-secondary")
        if here
        else html.Button(
            dt("held_resume", lang),
            id={"type": ids.DOC_HELD_RESUME, "sha": sha},
            className="btn btn-sm btn-primary text-nowrap",
        )
    )
    discard = dcc.ConfirmDialogProvider(
        html.Button(dt("held_discard", lang), className="btn btn-sm btn-outline-danger text-nowrap"),
        id={"type": ids.DOC_HELD_DISCARD, "sha": sha},
        message=dt("held_discard_confirm", lang, title=title),
    )
    return html.Tr(
        [
            html.Td(title),
            html.Td(file_said, className="small"),
            html.Td(_when(review["saved_at"]), className="text-nowrap small"),
            html.Td(dt("held_progress", lang, **counts), className="small"),
            html.Td(_when(review["expires_at"]), className="text-nowrap small"),
            html.Td(html.Div([resume, discard], className="d-flex gap-2")),
        ],
        id=f"doc-held-{sha[:12]}",
        className="table-active" if here else None,
    )


def held_list(reviews: list[dict], lang: str, open_sha: str | None = None, days: int = 7) -> html.Div | None:
    """The reviews in progress (``etl.document_review.reviews_in_progress``), the one open in this tab
    (``open_sha``) marked; None when there are none. ``days``: how long a review is kept after it was last saved."""
    if not reviews:
        return None
    head = ("title", "file", "checked", "progress", "expires", "do")
    return html.Section(
        [
            html.H2(dt("held_title", lang, n=len(reviews)), className="h6"),
            html.P(dt("held_hint", lang, days=days), className="text-muted small mb-1"),
            html.Div(
                html.Table(
                    [
                        html.Thead(html.Tr([html.Th(dt(f"held_col_{key}", lang)) for key in head])),
                        html.Tbody([_row(r, lang, open_sha) for r in reviews]),
                    ],
                    className="table table-sm align-middle mb-0",
                ),
                className="table-responsive",
            ),
        ],
        className="border rounded p-2 mb-3",
    )
