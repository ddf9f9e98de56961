"""The review page (审核): each waiting batch with its cell-level diff (the upload preview's table), approve, or
return with a reason; and the header's "what is waiting for me" banner with the include-pending switch."""

from __future__ import annotations

from dash import dcc, html

from layouts import ids
from layouts.upload_page import _table as changes_table
from text.i18n import batch_file, t


def batch_card(batch: dict, changes: list[dict], lang: str) -> html.Div:
    """One waiting batch: who, when, file, note, regions; its changes; reason, approve and return buttons."""
    i = batch["id"]
    at = f"{batch['created_at']:%Y-%m-%d %H:%M}"
    return html.Div(
        [
            html.H2(
                t("review_batch", lang).format(id=i, user=batch["user"], at=at, file=batch_file(batch, lang)),
                className="h6",
            ),
            html.P([html.Strong(t("col_note", lang) + ": "), batch["note"]], className="small mb-1"),
            html.P(
                [html.Strong(t("review_regions", lang) + ": "), ", ".join(batch["region_codes"])], className="small"
            ),
            changes_table(changes, lang, f"review-changes-{i}"),
            html.Label(t("review_reason", lang), htmlFor=f"review-reason-{i}", className="form-label small"),
            dcc.Textarea(id={"type": ids.REVIEW_REASON, "index": i}, value="", className="form-control mb-2", rows=2),
            html.Button(
                t("approve", lang), id={"type": ids.REVIEW_APPROVE, "index": i}, className="btn btn-success btn-sm me-2"
            ),
            html.Button(
                t("return", lang), id={"type": ids.REVIEW_RETURN, "index": i}, className="btn btn-outline-danger btn-sm"
            ),
        ],
        className="card card-body mb-3",
        id=f"review-batch-{i}",
    )


def review_list(items: list[tuple[dict, list[dict]]], lang: str) -> list:
    if not items:
        return [html.P(t("review_none", lang), className="text-muted", id="review-none")]
    return [batch_card(batch, changes, lang) for batch, changes in items]


def review_page(items: list[tuple[dict, list[dict]]], lang: str) -> html.Div:
    return html.Div(
        [
            html.H1(t("review_title", lang), className="h4"),
            html.P(t("review_hint", lang), className="text-muted small"),
            dcc.Store(id=ids.REVIEW_REQUEST),
            html.Div(id=ids.REVIEW_MESSAGE, role="status"),
            dcc.Loading(html.Div(review_list(items, lang), id=ids.REVIEW_LIST)),
        ]
    )


def waiting_banner(
    waiting: int, returned: list[dict], submitted: int, show_switch: bool, pending_on: bool, lang: str
) -> list:
    """What is waiting for the logged-in user: batches to review, their returned batches with reasons, their
    batches still waiting; and the include-pending switch for those who may see pending figures."""
    parts = []
    if waiting:
        parts.append(
            dcc.Link(
                t("waiting_for_you", lang).format(n=waiting),
                href=f"/review?lang={lang}",
                className="alert alert-info py-1 px-2 mb-1 d-inline-block me-2",
                id="waiting-count",
            )
        )
    if submitted:
        parts.append(
            html.Span(
                t("submitted_waiting", lang).format(n=submitted),
                className="alert alert-secondary py-1 px-2 mb-1 d-inline-block me-2",
                id="submitted-count",
            )
        )
    for b in returned:
        parts.append(
            html.Div(
                t("returned_to_you", lang).format(id=b["id"], by=b["decided_by"], reason=b["reason"]),
                className="alert alert-warning py-1 px-2 mb-1",
                id=f"returned-{b['id']}",
            )
        )
    if show_switch:
        parts.append(
            dcc.Checklist(
                id=ids.PENDING_SWITCH,
                options=[{"label": " " + t("include_pending", lang), "value": "1"}],
                value=["1"] if pending_on else [],
                inline=True,
                className="d-inline-block small",
            )
        )
    return parts


def approval_cell(batch: dict, lang: str) -> str:
    """The history page's approval column: who submitted and who decided, when (and why, when returned)."""
    state = batch.get("state") or "approved"
    at = f"{batch['decided_at']:%Y-%m-%d %H:%M}" if batch.get("decided_at") else ""
    if state == "submitted":
        return t("state_submitted", lang).format(by=batch.get("submitted_by") or batch["user_name"])
    submitted = t("submitted_by", lang).format(by=batch.get("submitted_by") or batch["user_name"])
    if state == "returned":
        reason = batch.get("reason") or ""
        return f"{submitted}; " + t("state_returned", lang).format(by=batch["decided_by"], at=at, reason=reason)
    if batch.get("decided_by"):
        return f"{submitted}; " + t("state_approved", lang).format(by=batch["decided_by"], at=at)
    return t("state_auto", lang)
