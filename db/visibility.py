"""What counts: the one filter every reader of figures applies to batches.

A batch's figures count for everyone when the batch is not reverted and is approved (every batch of a region that
does not ask for approval is approved when written). Figures of batches waiting for approval (``submitted``)
count only in a session that was told to include them (``include_pending``): the dashboard does that for their
author, the region's approvers and administrators when they switch 含待审核 "include pending" on. Returned
batches count for no one. Cached results are keyed by ``view_key`` too, so a pending figure never reaches another
viewer through a cache.

Example::

    include_pending(session, [42])          # this session (one request) also counts batch 42
    session.execute(select(Figure.value).join(Batch).where(live(session)))
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from db.models import Batch
from db.session import core_execute

APPROVED, SUBMITTED, RETURNED = "approved", "submitted", "returned"
STATES = (SUBMITTED, APPROVED, RETURNED)
COUNTS = and_(Batch.reverted_at.is_(None), Batch.state == APPROVED)  # what counts for everyone
_KEY = "pending_batches"


def include_pending(session: Session, batch_ids) -> None:
    """Count these submitted batches too in this session's reads (the caller checked the viewer may see them)."""
    session.info[_KEY] = tuple(sorted({int(i) for i in batch_ids}))


def included(session: Session | None) -> tuple[int, ...]:
    """The pending batches this session counts (sorted ids); ``()`` for what counts for everyone."""
    return session.info.get(_KEY, ()) if session is not None else ()


def live(session: Session | None = None):
    """A WHERE clause on ``batches``: what counts in this session. Example: ``.where(live(session))``"""
    return live_for(included(session))


def live_for(extra: tuple[int, ...]):
    """``live`` for a session that counts the pending batches ``extra`` too. Example: ``live_for((42,))``"""
    if not extra:
        return COUNTS
    return and_(Batch.reverted_at.is_(None), or_(Batch.state == APPROVED, Batch.id.in_(extra)))


def skipped(session: Session) -> list[int]:
    """Ids of batches whose figures do not count in this session (reverted, or not approved and not included),
    for readers that filter roll-ups and index ranges by batch id."""
    extra = set(included(session))
    rows = core_execute(session, _NOT_COUNTED)  # plain rows: no ORM work
    return [i for i, reverted in rows if reverted is not None or i not in extra]


_NOT_COUNTED = (
    select(Batch.id, Batch.reverted_at)
    .where(or_(Batch.reverted_at.is_not(None), Batch.state != APPROVED))
    .order_by(Batch.id)
)


def view_key(session: Session) -> tuple[int, ...]:
    """What a cached result depends on besides the data version and its arguments."""
    return included(session)
