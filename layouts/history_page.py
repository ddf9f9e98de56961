"""The history page: every write batch with who, when, file, checksum, rows and note; revert buttons."""

from __future__ import annotations

from dash import dcc, html

from layouts import ids
from layouts.review_page import approval_cell
from text.i18n import batch_file, batch_kind, t

REVERTIBLE = ("upload", "edit", "document")  # as db.batches.REVERTIBLE


def _counts(b: dict) -> html.Td:
    """Targets / actuals / baselines the batch wrote, each counted apart (a document's baselines are no actuals)."""
    n = (b["rows_targets"], b["rows_actuals"], b.get("rows_baselines", 0))
    title = "目标 targets {:,}, 实际 actuals {:,}, 基数 baselines {:,}".format(*n)
    return html.Td(" / ".join(f"{x:,}" for x in n), title=title, className="text-nowrap")


def _file_cell(b: dict, sha: str, lang: str) -> html.Td:
    """A document batch by its title (two pasted texts have no file name to tell them apart), then its file name or
    that it was pasted; other batches by their file name; and the checksum."""
    code = html.Code(sha, title=b["sha256"] or "", className="small")
    if not b.get("title"):
        return html.Td([batch_file(b, lang), html.Br(), code])
    file_name = html.Span(batch_file(b, lang), className="small text-muted history-file")
    return html.Td([html.Span(b["title"], className="fw-semibold"), html.Br(), file_name, html.Br(), code])


def history_table(batches: list[dict], lang: str, can_revert: bool = True) -> html.Table:
    """Batches newest first; live uploads and edits get a revert button (pattern id {type, index=batch id})."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(k, lang))
                for k in (
                    "col_batch",
                    "col_kind",
                    "col_time",
                    "col_user",
                    "col_file",
                    "col_rows",
                    "col_note",
                    "col_state",
                    "col_approval",
                )
            ]
            + [html.Th("")]
        )
    )
    rows = []
    for b in batches:
        if b["reverted_at"]:
            state = t("reverted", lang).format(at=f"{b['reverted_at']:%Y-%m-%d %H:%M}", by=b["reverted_by"] or "")
        elif b.get("state") in ("submitted", "returned"):  # counts for no one yet (layouts/review_page.py)
            state = t(f"state_short_{b['state']}", lang)
        else:
            state = t("live", lang)
        button = (
            html.Button(
                t("revert", lang),
                id={"type": ids.HISTORY_REVERT, "index": b["id"]},
                className="btn btn-sm btn-outline-danger",
            )
            if can_revert and b["kind"] in REVERTIBLE and not b["reverted_at"]
            else None
        )
        sha = (b["sha256"] or "")[:12]
        rows.append(
            html.Tr(
                [
                    html.Td(b["id"]),
                    html.Td(batch_kind(b["kind"], lang), title=b["kind"]),
                    html.Td(f"{b['created_at']:%Y-%m-%d %H:%M}"),
                    html.Td(b["user_name"]),
                    _file_cell(b, sha, lang),
                    _counts(b),
                    html.Td(b["note"]),
                    html.Td(state, className="text-muted" if b["reverted_at"] else ""),
                    html.Td(approval_cell(b, lang), className="small", id=f"history-approval-{b['id']}"),
                    html.Td(button),
                ],
                id=f"history-row-{b['id']}",
            )
        )
    return html.Table([head, html.Tbody(rows)], className="table table-sm align-middle")


def history_page(batches: list[dict], lang: str, can_revert: bool = True) -> html.Div:
    return html.Div(
        [
            html.H1(t("history_title", lang), className="h4"),
            html.P(t("history_hint", lang), className="text-muted small"),
            dcc.Store(id=ids.HISTORY_PENDING),
            dcc.ConfirmDialog(id=ids.HISTORY_CONFIRM, message=""),
            html.Div(id=ids.HISTORY_MESSAGE, role="status"),
            dcc.Loading(html.Div(history_table(batches, lang, can_revert), id=ids.HISTORY_TABLE)),
        ]
    )
