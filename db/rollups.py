"""Roll-ups: each batch's figures summed over the subtree of every province, prefecture and county.

A national or provincial total then reads a few hundred roll-up rows instead of a million figures. Roll-ups are
derived data, keyed by batch: a revert needs no change (readers skip reverted batches), a deleted batch takes its
roll-ups with it (trigger, migration 0004_scale), and a new batch is rolled up in the transaction that writes it
(``writes.add_figures`` marks the session; ``before_commit`` rolls it up) and its overlapping figures listed
(db/overlaps.py). ``ensure`` rolls up any batch written some other way (old databases, raw inserts); until then
readers add such batches' figures from the figures table.

Example::

    with transaction(sessions) as s:
        roll_up(s, [batch_id])
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import overlaps, statistics, tree
from db.batch_rows import of_batches
from db.models import Batch, Figure, FigureRollup, RolledBatch, counted_in_sums
from db.session import core_execute

LEVELS = ("province", "prefecture", "county")


def _ancestry(session: Session, codes: set[str]):
    """code -> the codes at LEVELS among the region and its ancestors, for ``codes`` (computed on demand)."""
    nodes = tree.lineage(session, codes)
    memo: dict[str, tuple[str, ...]] = {}

    def up(code: str) -> tuple[str, ...]:
        if code not in memo:
            parent, level, _ = nodes.get(code, (None, None, False))
            above = up(parent) if parent else ()
            memo[code] = (*above, code) if level in LEVELS else above
        return memo[code]

    return up


def roll_up(session: Session, batch_ids: list[int]) -> int:
    """Write the roll-ups of these batches (figures already inserted); returns the roll-up rows written."""
    if not batch_ids:
        return 0
    written = 0
    conn = session.connection()
    for batch_id in batch_ids:
        sums: dict[tuple, list] = defaultdict(lambda: [0.0, 0])
        stmt = select(
            Figure.region_code,
            Figure.indicator_code,
            Figure.kind,
            Figure.plan_version_id,
            Figure.period_start,
            Figure.period_end,
            Figure.value,
        ).where(of_batches(session, [batch_id]), counted_in_sums())
        figures = conn.execute(stmt).all()
        up = _ancestry(session, {row[0] for row in figures})
        for region, indicator, kind, version, start, end, value in figures:
            for code in up(region):
                acc = sums[(code, indicator, kind, version, start, end)]
                acc[0] += value
                acc[1] += 1
        rows = [
            {
                "batch_id": batch_id,
                "region_code": k[0],
                "indicator_code": k[1],
                "kind": k[2],
                "plan_version_id": k[3],
                "period_start": k[4],
                "period_end": k[5],
                "total": v[0],
                "count": v[1],
            }
            for k, v in sums.items()
        ]
        for start in range(0, len(rows), 20000):
            conn.execute(FigureRollup.__table__.insert(), rows[start : start + 20000])
        conn.execute(RolledBatch.__table__.insert(), [{"batch_id": batch_id}])
        overlaps.record(session, [batch_id])
        written += len(rows)
    return written


# NOT EXISTS, not an outer join: with statistics taken when rolled_batches held one row, SQLite scanned it once per
# batch (1.4 ms a page at 200 batches, growing with their square) instead of looking each batch up by its key
_PENDING = (
    select(Batch.id)
    .where(~select(RolledBatch.batch_id).where(RolledBatch.batch_id == Batch.id).exists())
    .order_by(Batch.id)
)


def pending(session: Session) -> list[int]:
    """Batches not rolled up yet (read once per transaction); readers add their figures from the figures table."""
    from db.cache import per_transaction

    return per_transaction(session, "rollups_pending", lambda: list(core_execute(session, _PENDING).scalars()))


def pending_where(session: Session, node: dict | None):
    """Figures of batches not rolled up yet, in a subtree (None: everywhere), or None when there are none."""
    waiting = pending(session)
    if not waiting:
        return None
    in_batches = Figure.batch_id.in_(waiting)
    return in_batches if node is None else and_(in_batches, tree.in_subtree(node, include_self=True))


def ensure(engine) -> int:
    """Roll up every batch that is not yet (at start-up, after a migration); safe when run twice at once."""
    from db.session import session_factory, transaction

    try:
        with transaction(session_factory(engine)) as session:
            return roll_up(session, pending(session))
    except IntegrityError:  # another process rolled the same batch first
        return 0


def mark_written(session: Session, batch_ids) -> None:
    """Remember batches this session wrote figures to; they are rolled up just before it commits."""
    marked = session.info.setdefault("rollup_batches", set())
    if not session.info.get("rollup_hook"):
        event.listen(session, "before_commit", _before_commit)
        session.info["rollup_hook"] = True
    marked.update(batch_ids)


def _before_commit(session: Session) -> None:
    marked = session.info.pop("rollup_batches", set())
    if not marked:
        return
    session.flush()
    done = set(session.scalars(select(RolledBatch.batch_id).where(RolledBatch.batch_id.in_(marked))))
    live = set(session.scalars(select(Batch.id).where(Batch.id.in_(marked))))
    roll_up(session, sorted(live - done))
    statistics.refresh(session)
