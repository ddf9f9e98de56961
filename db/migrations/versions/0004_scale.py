"""national scale: depth-first region numbering and a covering index for subtree aggregates

Revision ID: 0004_scale
Revises: 0003_auth
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_scale"
down_revision = "0003_auth"
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
    op.create_table(
        "figure_rollups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("indicator_code", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("plan_version_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Integer(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("figure_rollups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_figure_rollups_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index("ix_figure_rollups_region", ["region_code", "indicator_code", "kind"], unique=False)
    op.create_table(
        "rolled_batches",
        sa.Column("batch_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("batch_id"),
    )
    op.create_table(
        "data_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO data_state (id, version) VALUES (1, 1)")
    for statement in TRIGGERS[op.get_bind().dialect.name]:
        op.execute(statement)
    _number_existing_regions()


# Every change to batches (new batch, revert, rebuild's delete) bumps data_state.version; a deleted batch takes its
# roll-ups with it, so a reused batch id never meets stale sums.
TRIGGERS = {
    "sqlite": [
        f"""CREATE TRIGGER data_version_{event.lower()} AFTER {event} ON batches
        BEGIN UPDATE data_state SET version = version + 1 WHERE id = 1; END"""
        for event in ("INSERT", "UPDATE", "DELETE")
    ]
    + [
        """CREATE TRIGGER rollups_forget_batch AFTER DELETE ON batches BEGIN
        DELETE FROM figure_rollups WHERE batch_id = OLD.id; DELETE FROM rolled_batches WHERE batch_id = OLD.id; END"""
    ],
    "postgresql": [
        """CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE data_state SET version = version + 1 WHERE id = 1; RETURN NULL; END $$""",
        """CREATE TRIGGER data_version AFTER INSERT OR UPDATE OR DELETE ON batches
        FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()""",
        """CREATE FUNCTION rollups_forget_batch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN DELETE FROM figure_rollups WHERE batch_id = OLD.id; DELETE FROM rolled_batches WHERE batch_id = OLD.id;
        RETURN NULL; END $$""",
        """CREATE TRIGGER rollups_forget_batch AFTER DELETE ON batches
        FOR EACH ROW EXECUTE FUNCTION rollups_forget_batch()""",
    ],
}


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
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER data_version ON batches")
        op.execute("DROP TRIGGER rollups_forget_batch ON batches")
        op.execute("DROP FUNCTION bump_data_version")
        op.execute("DROP FUNCTION rollups_forget_batch")
    else:
        for name in ("data_version_insert", "data_version_update", "data_version_delete", "rollups_forget_batch"):
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table("data_state")
    op.drop_table("rolled_batches")
    op.drop_table("figure_rollups")
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_index("ix_figures_subtree")
        batch_op.create_index("ix_figures_lookup", ["indicator_code", "region_code", "kind", "period_end"],
                              unique=False)
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_dfs_lo"))
        batch_op.drop_column("code_hi")
        batch_op.drop_column("dfs_hi")
        batch_op.drop_column("dfs_lo")
