"""overlapping figures: the list that lets subtree sums agree with the per-region analysis (db/overlaps.py)

Revision ID: 0005_overlaps
Revises: 0004_scale
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0005_overlaps"
down_revision = "0004_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "figure_overlaps",
        sa.Column("figure_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("indicator_code", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["figure_id"], ["figures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("figure_id"),
    )
    op.create_index("ix_figure_overlaps_region", "figure_overlaps", ["region_code"], unique=False)
    _list_existing_overlaps()


def _list_existing_overlaps() -> None:
    from db.overlaps import record

    conn = op.get_bind()
    batch_ids = [row[0] for row in conn.execute(sa.text("SELECT id FROM batches ORDER BY id"))]
    record(Session(bind=conn), batch_ids, tiers=False)  # figures.tier comes with 0007_target_tier


def downgrade() -> None:
    op.drop_index("ix_figure_overlaps_region", table_name="figure_overlaps")
    op.drop_table("figure_overlaps")
