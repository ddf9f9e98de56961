"""uploaded targets that set a year first are the original plan of it, not a revision

Before this revision every target of an upload or in-app edit went into one plan version of kind ``revision``, and
every target of a plan document that restated any stored target too, so a target for a region, indicator and year
that no plan had set showed only under 修订计划 / revised plan. The first plan that sets a year is its original
(analysis/series.py); ``etl.importer.commit`` and ``etl.intake.commit`` now write such targets into a plan version
of kind ``original`` of the same batch. This revision does the same to what is stored: a live upload's, edit's or
document's revision target whose key (region, indicator, period, tier) has no live target in an original plan and
none in a revision of a lower plan version id moves to a sibling plan version of kind ``original`` (same batch,
source and date; a version whose targets all move just changes kind). Figure values and ids do not change; the
moved batches' roll-ups and overlap lists are rebuilt (they follow a target's series), and the data versions go up
so that no cache serves a page made before.

Downgrade puts every original plan version of a batch that also has a revision back into that revision, and makes
an upload's or edit's original plan version without one a revision: the shape stored before. (A document's
revision whose targets had all moved stays original: documents setting only new years were original before too.)

Revision ID: 0011_first_set_originals
Revises: 0010_region_versions
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0011_first_set_originals"
down_revision = "0010_region_versions"
branch_labels = None
depends_on = None

FIRST_SET = "首次设定 first set: "  # as etl.importer.FIRST_SET names first settings
CHUNK = 500

_LIVE = "b.reverted_at IS NULL AND b.state = 'approved'"  # db.visibility.COUNTS
# the candidates read through the figures' batch index: an upgrade of a million figures takes milliseconds
FIRST_SETTINGS = sa.text(
    f"""SELECT f.id, f.plan_version_id FROM figures f
    JOIN plan_versions v ON v.id = f.plan_version_id
    WHERE f.batch_id IN (
        SELECT id FROM batches WHERE kind IN ('upload', 'edit', 'document') AND reverted_at IS NULL)
    AND f.kind = 'target' AND v.kind = 'revision'
    AND NOT EXISTS (
        SELECT 1 FROM figures g
        JOIN batches b ON b.id = g.batch_id
        LEFT JOIN plan_versions w ON w.id = g.plan_version_id
        WHERE g.kind = 'target' AND g.indicator_code = f.indicator_code AND g.region_code = f.region_code
        AND g.period_end = f.period_end AND g.period_start = f.period_start AND g.tier = f.tier AND g.id <> f.id
        AND {_LIVE}
        AND (w.kind IS NULL OR w.kind <> 'revision' OR g.plan_version_id < f.plan_version_id))
    ORDER BY f.plan_version_id, f.id"""
)
WRITTEN_ORIGINALS = sa.text(
    """SELECT v.id, v.batch_id, b.kind FROM plan_versions v JOIN batches b ON b.id = v.batch_id
    WHERE v.kind = 'original' AND b.kind IN ('upload', 'edit', 'document') ORDER BY v.id"""
)

plan_versions = sa.table(
    "plan_versions",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("kind", sa.String),
    sa.column("source_id", sa.Integer),
    sa.column("batch_id", sa.Integer),
    sa.column("published_on", sa.String),
)


def upgrade() -> None:
    conn = op.get_bind()
    moving: dict[int, list[int]] = defaultdict(list)
    for figure_id, version_id in conn.execute(FIRST_SETTINGS):
        moving[version_id].append(figure_id)
    touched = set()
    for version_id, figure_ids in moving.items():
        version = conn.execute(sa.select(plan_versions).where(plan_versions.c.id == version_id)).one()
        touched.add(version.batch_id)
        targets = conn.execute(
            sa.text("SELECT COUNT(*) FROM figures WHERE batch_id = :b AND plan_version_id = :v AND kind = 'target'"),
            {"b": version.batch_id, "v": version_id},
        ).scalar_one()
        if targets == len(figure_ids):
            _set_kind(conn, version_id, "original")
            continue
        new_id = conn.execute(
            plan_versions.insert()
            .values(
                name=(FIRST_SET + version.name)[:255],
                kind="original",
                source_id=version.source_id,
                batch_id=version.batch_id,
                published_on=version.published_on,
            )
            .returning(plan_versions.c.id)
        ).scalar_one()
        _move(conn, figure_ids, new_id)
    _refresh(conn, touched)


def downgrade() -> None:
    conn = op.get_bind()
    touched = set()
    for version_id, batch_id, batch_kind in conn.execute(WRITTEN_ORIGINALS).all():
        sibling = conn.execute(
            sa.text("SELECT MIN(id) FROM plan_versions WHERE batch_id = :b AND kind = 'revision'"), {"b": batch_id}
        ).scalar_one()
        if sibling is None:
            if batch_kind != "document":
                _set_kind(conn, version_id, "revision")
                touched.add(batch_id)
            continue
        touched.add(batch_id)
        conn.execute(
            sa.text("UPDATE figures SET plan_version_id = :to WHERE batch_id = :b AND plan_version_id = :v"),
            {"to": sibling, "b": batch_id, "v": version_id},
        )
        conn.execute(plan_versions.delete().where(plan_versions.c.id == version_id))
    _refresh(conn, touched)


def _set_kind(conn, version_id: int, kind: str) -> None:
    conn.execute(plan_versions.update().where(plan_versions.c.id == version_id).values(kind=kind))


def _move(conn, figure_ids: list[int], version_id: int) -> None:
    for i in range(0, len(figure_ids), CHUNK):
        conn.execute(
            sa.text("UPDATE figures SET plan_version_id = :v WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"v": version_id, "ids": figure_ids[i : i + CHUNK]},
        )


def _refresh(conn, batch_ids: set[int]) -> None:
    """Roll the touched batches up again (their overlaps listed anew) and raise the data versions."""
    if not batch_ids:
        return
    from db.rollups import roll_up

    ids = sorted(batch_ids)
    for table in ("figure_rollups", "rolled_batches"):
        conn.execute(
            sa.text(f"DELETE FROM {table} WHERE batch_id IN :ids").bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": ids},
        )
    roll_up(Session(bind=conn), ids)
    conn.execute(sa.text("UPDATE data_state SET version = version + 1, catalogue = catalogue + 1 WHERE id = 1"))
