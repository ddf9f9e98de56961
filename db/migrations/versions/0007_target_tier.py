"""target tiers and stored document texts: figures.tier (committed|stretch), sources.text

A plan states some targets twice: the committed figure (计划任务数, 必成数) and a stretch figure (奋斗目标数, 预备数,
力争…). Both are kept, as two series of one target; the analysis compares actuals with the committed tier.
Every figure stored before this revision is a committed one. ``sources.text`` keeps the text of a plan document
taken in through intake (etl/intake), so its quotes' offsets can always be shown in context.

Revision ID: 0007_target_tier
Revises: 0006_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_target_tier"
down_revision = "0006_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (no table copy): figures keep their ids, and figure_overlaps its rows
    op.add_column("figures", sa.Column("tier", sa.String(length=10), nullable=False, server_default="committed"))
    op.add_column("sources", sa.Column("text", sa.Text(), nullable=True))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+), as upgrade adds them: a table copy of sources or figures trips the foreign
    # keys that later tables (approval, notes) hold on them
    op.execute("ALTER TABLE sources DROP COLUMN text")
    op.execute("ALTER TABLE figures DROP COLUMN tier")
