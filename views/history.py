"""The history page's data: every batch (build step, upload, edit, revert) newest first, and who may revert.
A batch waiting for approval or returned is listed only to those who may see it (``views.approval``).

Example: ``history_view(s).batches[0]["kind"]``
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from auth.policy import Principal
from db import batches
from views.approval import visible_batches


@dataclass
class HistoryView:
    batches: list[dict]  # db.batches.batch_list rows


def history_view(session: Session, viewer: Principal | None = None) -> HistoryView:
    """The batches the history page lists to ``viewer``. Example: ``len(history_view(s, viewer).batches) > 0``"""
    return HistoryView(visible_batches(session, batches.batch_list(session), viewer))
