"""Approval by level: regions that require it, batches submitted, approved or returned. SQL only; who may decide
is ``auth/approval.py``'s question.

A batch that changes figures (upload, edit, document intake) in or below a region marked ``approval_required``
is stored ``submitted`` (``db.submission.mark_submitted``, called where figures are written) and counts for no
one but those allowed to include it (db/visibility.py) until an approver decides. A decision is one conditional
UPDATE, so of two approvers acting at once exactly one decision is stored and the other is told
(``AlreadyDecided``).

Example::

    with transaction(sessions) as s:
        decide(s, 42, "approved", "zhao")              # or decide(s, 42, "returned", "zhao", "2016 数字有误")
"""

from __future__ import annotations

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from db import writes
from db.batch_rows import of_batches
from db.batches import pasted
from db.models import Batch, Figure, Region
from db.region_hint import missing_regions_message
from db.submission import required_codes  # noqa: F401  (regions marked, for callers of this module)
from db.visibility import APPROVED, RETURNED, STATES, SUBMITTED
from textsafety import describe_control, first_control

_STATE_ZH = {SUBMITTED: "待审核", APPROVED: "已通过", RETURNED: "已退回"}  # as the review page words them


class ApprovalError(ValueError):
    """A decision that cannot be made: unknown batch, missing reason, not waiting."""


class OwnBatch(ApprovalError):
    """Four-eyes: nobody decides on a batch they submitted, an administrator included."""


class AlreadyDecided(ApprovalError):
    """Someone else decided first (or the batch was never submitted)."""


def set_required(session: Session, code: str, required: bool) -> dict:
    """Mark a region (and so its subtree) as needing approval, or not. Example: ``set_required(s, "621100", True)``"""
    region = session.get(Region, code)
    if region is None:
        raise ApprovalError(missing_regions_message([code]))
    region.approval_required = required
    session.flush()
    return {"code": code, "name_zh": region.name_zh, "approval_required": required}


def decide(session: Session, batch_id: int, decision: str, user_name: str, reason: str | None = None) -> dict:
    """Approve or return a submitted batch, atomically; returns the batch row.

    Raises OwnBatch (four-eyes), AlreadyDecided (someone was first), ApprovalError (unknown, no reason).
    Run it first in its transaction: its UPDATE is what decides between two approvers.
    """
    if decision not in (APPROVED, RETURNED):
        raise ApprovalError(
            f"决定须为 {APPROVED}(通过)或 {RETURNED}(退回),而不是 {decision!r} / "
            f"decision must be {APPROVED} or {RETURNED}, not {decision!r}"
        )
    reason = (reason or "").strip().replace("\r\n", "\n") or None
    if decision == RETURNED and reason is None:
        raise ApprovalError(
            "退回批次须写明原因(规划员须更正什么) / "
            "a reason is required to return a batch (what the planner must correct)"
        )
    if reason is not None and (found := first_control(reason, multiline=True)):
        zh, en = describe_control(found).split(" / ", 1)
        raise ApprovalError(f"退回原因中{zh},请删除后重试 / reason: {en}; delete it and try again")
    stmt = (
        update(Batch)
        .where(
            Batch.id == batch_id,
            Batch.state == SUBMITTED,
            Batch.user_name != user_name,
            or_(Batch.submitted_by.is_(None), Batch.submitted_by != user_name),
        )
        .values(state=decision, decided_by=user_name, decided_at=writes.now(), reason=reason)
        .execution_options(synchronize_session=False)
    )
    if session.execute(stmt).rowcount == 1:
        return batch_summary(session, batch_id)
    batch = batch_summary(session, batch_id)
    if batch is None:
        raise ApprovalError(f"批次 {batch_id} 不存在 / batch {batch_id} does not exist")
    if user_name in (batch["user"], batch["submitted_by"]) and batch["state"] == SUBMITTED:
        raise OwnBatch(
            f"批次 {batch_id} 由 {user_name} 提交,须由另一位审核人决定(四眼原则) / "
            f"batch {batch_id} was submitted by {user_name}: another approver must decide (four-eyes)"
        )
    state_zh = _STATE_ZH.get(batch["state"], batch["state"])
    if batch["decided_by"]:
        by, when = batch["decided_by"], f"{batch['decided_at']:%Y-%m-%d %H:%M}"
        raise AlreadyDecided(
            f"批次 {batch_id} {state_zh}({by} 于 {when}) / "
            f"batch {batch_id} was already {batch['state']} by {by} at {when}"
        )
    raise AlreadyDecided(
        f"批次 {batch_id} {state_zh},不在等待审核 / batch {batch_id} is {batch['state']}, not waiting for approval"
    )


def region_codes_of(session: Session, batch_ids: list[int]) -> dict[int, list[str]]:
    """batch id -> the regions it wrote figures for, sorted."""
    out: dict[int, list[str]] = {i: [] for i in batch_ids}
    if batch_ids:
        stmt = select(Figure.batch_id, Figure.region_code).where(of_batches(session, batch_ids)).distinct()
        for batch_id, code in session.execute(stmt.order_by(Figure.batch_id, Figure.region_code)):
            out[batch_id].append(code)
    return out


def _summary(batch: Batch, codes: list[str]) -> dict:
    return {
        "id": batch.id,
        "state": batch.state,
        "user": batch.user_name,
        "region_codes": codes,
        "kind": batch.kind,
        "created_at": batch.created_at,
        "file_name": batch.file_name,
        "pasted": pasted(batch.kind, batch.file_name),
        "note": batch.note,
        "rows_targets": batch.rows_targets,
        "rows_actuals": batch.rows_actuals,
        "submitted_by": batch.submitted_by,
        "decided_by": batch.decided_by,
        "decided_at": batch.decided_at,
        "reason": batch.reason,
        "reverted_at": batch.reverted_at,
    }


def batch_summary(session: Session, batch_id: int) -> dict | None:
    """One batch with its state and regions: ``{"id", "state", "user", "region_codes", ...}`` or None."""
    batch = session.get(Batch, batch_id)
    if batch is None:
        return None
    session.refresh(batch)
    return _summary(batch, region_codes_of(session, [batch_id])[batch_id])


def batches_in_state(session: Session, state: str | None = None, user: str | None = None) -> list[dict]:
    """Batches (newest first) in a state, optionally by one author; each with its regions.

    Example: ``batches_in_state(s, "submitted")[0]["region_codes"] == ["621102"]``
    """
    if state is not None and state not in STATES:
        raise ApprovalError(f"状态须为 {', '.join(STATES)} 之一 / state must be one of {', '.join(STATES)}")
    stmt = select(Batch).order_by(Batch.id.desc())
    if state is not None:
        stmt = stmt.where(Batch.state == state)
    if user is not None:
        stmt = stmt.where(Batch.user_name == user)
    rows = list(session.scalars(stmt))
    codes = region_codes_of(session, [b.id for b in rows])
    return [_summary(b, codes[b.id]) for b in rows]


def batch_changes(session: Session, batch_id: int) -> list[dict]:
    """A batch's figures against the values that count for everyone: the upload preview's items (status new or
    changed, old → new), so the reviewer sees the same cell-level diff the author confirmed.

    Example: ``batch_changes(s, 42)[0]["old_value"], batch_changes(s, 42)[0]["new_value"] == 285200.0, 290000.0``
    """
    from db import batches
    from db.models import Indicator

    f = Figure
    stmt = (
        select(f.id, f.kind, f.region_code, f.indicator_code, f.period_start, f.period_end, f.value, f.comparator)
        .where(of_batches(session, [batch_id]))
        .order_by(f.region_code, f.indicator_code, f.period_start, f.period_end, f.kind, f.id)
    )
    rows = session.execute(stmt).all()
    current = batches.current_values(session, {r[3] for r in rows}, {r[2] for r in rows})
    names = batches.region_names(session, {r[2] for r in rows}) if rows else {}
    units = dict(session.execute(select(Indicator.code, Indicator.unit)).all())
    items = []
    for fid, kind, region, indicator, start, end, value, comparator in rows:
        old = current.get((kind, region, indicator, start, end))
        if old is not None and old["batch_id"] == batch_id:
            old = None  # the batch counts already (approved): nothing older to compare within this view
        items.append(
            {
                "status": "new" if old is None else "changed",
                "kind": kind,
                "region_code": region,
                "region_name": names.get(region, ""),
                "indicator": indicator,
                "period_start": start,
                "period_end": end,
                "unit": units.get(indicator, ""),
                "old_value": None if old is None else old["value"],
                "old_comparator": None if old is None else old["comparator"],
                "new_value": value,
                "new_comparator": comparator,
                "sheet": "#",
                "row": fid,
            }
        )
    return items
