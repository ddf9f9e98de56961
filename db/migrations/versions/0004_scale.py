"""national scale: depth-first region numbering and a covering index for subtree aggregates

Revision ID: 0004_scale
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_scale"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dfs_lo", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("dfs_hi", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("code_hi", sa.String(length=12), nullable=True))
        batch_op.create_index(batch_op.f("ix_regions_dfs_lo"), ["dfs_lo"], unique=False)
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_index("ix_figures_lookup")
        batch_op.create_index(
            "ix_figures_subtree",
            ["indicator_code", "kind", "region_code", "period_end", "period_start", "plan_version_id", "batch_id",
             "value"],
            unique=False,
        )
    _number_existing_regions()


def _number_existing_regions() -> None:
    from db.tree import number_tree

    conn = op.get_bind()
    nodes = [(code, parent) for code, parent in conn.execute(sa.text("SELECT code, parent_code FROM regions"))]
    numbered = number_tree(nodes)
    if numbered:
        conn.execute(
            sa.text("UPDATE regions SET dfs_lo = :lo, dfs_hi = :hi, code_hi = :chi WHERE code = :c"),
            [{"c": c, "lo": lo, "hi": hi, "chi": chi} for c, (lo, hi, chi) in numbered.items()],
        )


def downgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_index("ix_figures_subtree")
        batch_op.create_index("ix_figures_lookup", ["indicator_code", "region_code", "kind", "period_end"],
                              unique=False)
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_dfs_lo"))
        batch_op.drop_column("code_hi")
        batch_op.drop_column("dfs_hi")
        batch_op.drop_column("dfs_lo")
