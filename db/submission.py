"""Which batches wait for approval when written: a batch people write (upload, edit, document intake) that
touches a region marked ``approval_required``, or one below it, is stored ``submitted``. Called by
``db.writes.add_figures`` with each chunk written; deciding is ``db/approval.py``.

Example: ``under_approval(s, ["621102", "610100"]) == {"621102"}`` when 定西市 (621100) requires approval.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import tree
from db.models import Batch, Region
from db.visibility import APPROVED, SUBMITTED

APPROVABLE = ("upload", "edit", "document")  # batches people write; build and synthetic batches follow files


def required_codes(session: Session) -> list[str]:
    """Regions marked as needing approval (each with its subtree)."""
    return list(session.scalars(select(Region.code).where(Region.approval_required.is_(True)).order_by(Region.code)))


def under_approval(session: Session, region_codes: Iterable[str]) -> set[str]:
    """The codes among ``region_codes`` that are, or lie below, a region needing approval."""
    codes = set(region_codes)
    nodes = tree.lineage(session, codes)  # the regions and those above them: no read of the whole tree
    found = set()
    for code in codes:
        current = code
        while current in nodes:
            parent, _, required = nodes[current]
            if required:
                found.add(code)
                break
            current = parent
    return found


def mark_submitted(session: Session, rows: list[dict]) -> None:
    """Called with each chunk of figures written: a person's batch touching a region under approval waits."""
    codes_by_batch: dict[int, set[str]] = {}
    for row in rows:
        codes_by_batch.setdefault(row["batch_id"], set()).add(row["region_code"])
    for batch_id, codes in codes_by_batch.items():
        batch = session.get(Batch, batch_id)
        if batch is None or batch.kind not in APPROVABLE or batch.state != APPROVED or batch.decided_at is not None:
            continue
        if under_approval(session, codes):
            batch.state, batch.submitted_by = SUBMITTED, batch.user_name
            session.flush()
