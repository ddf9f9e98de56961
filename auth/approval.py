"""Who may see and decide batches waiting for approval. Used by the pages, the routes and the CLI alike.

- Deciding (approve or return) needs the ``approve`` right on every region the batch wrote (an approver of those
  regions or above them, or an administrator) and is never allowed to the batch's author (four-eyes, checked
  again inside ``db.approval.decide``'s UPDATE).
- A submitted batch is visible (dashboard switch 含待审核) to its author, to whoever may decide it, and to
  administrators.

Example::

    refusal = decision_refusal(session, principal, 42)    # None, or why not (in Chinese and English)
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from auth.policy import Principal, can, can_at_all
from db import approval, queries
from db.visibility import SUBMITTED


def _ancestors(session: Session, code: str, memo: dict) -> list[str]:
    if code not in memo:
        memo[code] = [r["code"] for r in queries.region_path(session, code)]
    return memo[code]


def covers(session: Session, principal: Principal | None, region_codes: list[str], memo: dict | None = None) -> bool:
    """May ``principal`` approve on every one of these regions?"""
    memo = {} if memo is None else memo
    return bool(region_codes) and all(
        can(principal, "approve", code, _ancestors(session, code, memo)) for code in region_codes
    )


def decision_refusal(session: Session, principal: Principal | None, batch_id: int) -> str | None:
    """Why ``principal`` may not decide batch ``batch_id``, or None when they may."""
    if not can_at_all(principal, "approve"):
        return "您无审核权限 / you may not approve or return batches"
    batch = approval.batch_summary(session, batch_id)
    if batch is None:
        return f"批次 {batch_id} 不存在 / batch {batch_id} does not exist"
    if principal.name in (batch["user"], batch["submitted_by"]):
        return (
            f"批次 {batch_id} 由您提交,须由另一位审核人决定 / you submitted batch {batch_id}: another approver decides"
        )
    if not covers(session, principal, batch["region_codes"]):
        return f"批次 {batch_id} 含您无权审核的地区 / batch {batch_id} has regions you may not approve"
    return None


def decidable(session: Session, principal: Principal | None) -> list[dict]:
    """Submitted batches ``principal`` may decide (not their own), newest first."""
    if not can_at_all(principal, "approve"):
        return []
    memo: dict = {}
    return [
        b
        for b in approval.batches_in_state(session, SUBMITTED)
        if principal.name not in (b["user"], b["submitted_by"]) and covers(session, principal, b["region_codes"], memo)
    ]


def visible_pending(session: Session, principal: Principal | None) -> list[int]:
    """Ids of submitted batches ``principal`` may see: their own, those they may decide, all for an admin."""
    if principal is None or not principal.active or principal.role == "public":
        return []
    memo: dict = {}
    return sorted(
        b["id"]
        for b in approval.batches_in_state(session, SUBMITTED)
        if principal.role == "admin"
        or principal.name in (b["user"], b["submitted_by"])
        or covers(session, principal, b["region_codes"], memo)
    )
