"""The condition "a figure of these batches", told to SQLite's planner as selective.

SQLite's statistics keep one number per index: the average rows per key. A database loaded in one large batch
(``etl synth``, a national bulk upload) then has, say, 5,000,000 figures per batch id, so the planner reads the
whole figures table to find the one figure of a new upload (260 ms at 5M figures, twice per import: the roll-up
and the overlap list) instead of its index entry. ``likelihood`` is SQLite's own hint for this; PostgreSQL keeps
a histogram of batch ids and needs none.

Example::

    select(Figure.id).where(of_batches(session, [42]))   # SQLite: likelihood(figures.batch_id = ?, 0.000001)
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, literal_column
from sqlalchemy.orm import Session

from db.models import Figure

# a constant, as SQLite requires: about one row in a million
_RARE = literal_column("0.000001")


def of_batches(session: Session, batch_ids: Sequence[int], column=Figure.batch_id):
    """``column`` in ``batch_ids`` (one id: ``=``), marked as selective on SQLite."""
    ids = list(batch_ids)
    condition = column == ids[0] if len(ids) == 1 else column.in_(ids)
    if session.get_bind().dialect.name == "sqlite":
        return func.likelihood(condition, _RARE)
    return condition
