"""approval and notes: batch states (every existing batch approved), regions that require approval, notes with history

Revision ID: 0008_approval
Revises: 0007_target_tier
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_approval"
down_revision = "0007_target_tier"
branch_labels = None
depends_on = None

BATCH_COLUMNS = (
    sa.Column("state", sa.String(length=16), nullable=False, server_default="approved"),
    sa.Column("submitted_by", sa.String(length=64), nullable=True),
    sa.Column("decided_by", sa.String(length=64), nullable=True),
    sa.Column("decided_at", sa.DateTime(), nullable=True),
    sa.Column("reason", sa.Text(), nullable=True),
)


def upgrade() -> None:
    # plain ADD COLUMN (no table copy): the data-version triggers on batches stay in place
    for column in BATCH_COLUMNS:
        op.add_column("batches", column)
    op.execute("UPDATE batches SET state = 'approved'")  # everything stored so far counts, as it did
    op.create_index("ix_batches_state", "batches", ["state"], unique=False)
    op.add_column("regions", sa.Column("approval_required", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("indicator_code", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("edited_by", sa.String(length=64), nullable=True),
        sa.Column("edited_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["region_code"], ["regions.code"]),
        sa.ForeignKeyConstraint(["indicator_code"], ["indicators.code"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notes_region", "notes", ["region_code", "indicator_code", "year"], unique=False)
    op.create_table(
        "notes_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["note_id"], ["notes.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notes_history_note_id", "notes_history", ["note_id"], unique=False)
    for statement in TRIGGERS[op.get_bind().dialect.name]:
        op.execute(statement)


# A note shows on cached pages: adding or editing one raises the data version like a batch does (0004_scale).
TRIGGERS = {
    "sqlite": [
        f"""CREATE TRIGGER data_version_notes_{event.lower()} AFTER {event} ON notes
        BEGIN UPDATE data_state SET version = version + 1 WHERE id = 1; END"""
        for event in ("INSERT", "UPDATE", "DELETE")
    ],
    "postgresql": [
        """CREATE TRIGGER data_version_notes AFTER INSERT OR UPDATE OR DELETE ON notes
        FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()"""
    ],
}


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS data_version_notes_{event}")
    else:
        op.execute("DROP TRIGGER IF EXISTS data_version_notes ON notes")
    op.drop_index("ix_notes_history_note_id", table_name="notes_history")
    op.drop_table("notes_history")
    op.drop_index("ix_notes_region", table_name="notes")
    op.drop_table("notes")
    op.drop_index("ix_batches_state", table_name="batches")
    # plain DROP COLUMN (SQLite 3.35+): a table copy would drop the triggers on batches and trip foreign keys
    for table, column in [("regions", "approval_required"), *(("batches", c.name) for c in reversed(BATCH_COLUMNS))]:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
