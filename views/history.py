"""The history page's data: every batch (build step, upload, edit, revert) newest first, and who may revert.

Example: ``history_view(s).batches[0]["kind"]``
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import batches


@dataclass
class HistoryView:
    batches: list[dict]  # db.batches.batch_list rows


def history_view(session: Session) -> HistoryView:
    """The batches the history page lists. Example: ``len(history_view(s).batches) > 0``"""
    return HistoryView(batches.batch_list(session))
