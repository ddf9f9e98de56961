"""Data versions per province: an import, edit or revert invalidates only the pages of the provinces it touches.

``data_state.version`` still goes up with every change to ``batches`` (the overview, national and map pages
depend on every province). Beside it:

- ``region_versions(province_code, version)`` goes up when a roll-up row of a top-level region is written (every
  batch's figures are rolled up per province in the transaction that writes them, db/rollups.py) and when an
  upload, edit or intake batch that was rolled up is reverted;
- ``data_state.catalogue`` goes up with every other change: a batch of any other kind (build, regions, synth),
  a deleted batch, and any change to ``indicators`` or ``region_aliases``. A region page's key is
  (catalogue, its province's version) (db/cache.py).

Revision ID: 0010_region_versions
Revises: 0009_api_tokens
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_region_versions"
down_revision = "0009_api_tokens"
branch_labels = None
depends_on = None

SCOPED_KINDS = "('upload', 'edit', 'document')"  # document: a plan ingested through etl/intake
_CATALOGUE = "UPDATE data_state SET catalogue = catalogue + 1 WHERE id = 1"
_TOP = "SELECT code FROM regions WHERE parent_code IS NULL"

SQLITE = [
    *(
        f"""CREATE TRIGGER catalogue_{event.lower()} AFTER {event} ON batches
        WHEN NEW.kind NOT IN {SCOPED_KINDS} BEGIN {_CATALOGUE}; END"""
        for event in ("INSERT", "UPDATE")
    ),
    f"CREATE TRIGGER catalogue_batch_delete AFTER DELETE ON batches BEGIN {_CATALOGUE}; END",
    f"""CREATE TRIGGER region_versions_revert AFTER UPDATE ON batches WHEN NEW.kind IN {SCOPED_KINDS} BEGIN
        UPDATE region_versions SET version = version + 1 WHERE province_code IN (
            SELECT region_code FROM figure_rollups WHERE batch_id = NEW.id AND region_code IN ({_TOP})); END""",
    """CREATE TRIGGER region_versions_rollup AFTER INSERT ON figure_rollups
        WHEN EXISTS (SELECT 1 FROM regions WHERE code = NEW.region_code AND parent_code IS NULL) BEGIN
        INSERT INTO region_versions (province_code, version) VALUES (NEW.region_code, 1)
        ON CONFLICT (province_code) DO UPDATE SET version = version + 1; END""",
    *(
        f"CREATE TRIGGER catalogue_{table}_{event.lower()} AFTER {event} ON {table} BEGIN {_CATALOGUE}; END"
        for table in ("indicators", "region_aliases")
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
]

POSTGRESQL = [
    f"""CREATE FUNCTION bump_catalogue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN {_CATALOGUE}; RETURN NULL; END $$""",
    f"""CREATE FUNCTION bump_batch_versions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.kind NOT IN {SCOPED_KINDS} THEN {_CATALOGUE};
      ELSIF TG_OP = 'UPDATE' THEN
        UPDATE region_versions SET version = version + 1 WHERE province_code IN (
          SELECT region_code FROM figure_rollups WHERE batch_id = NEW.id AND region_code IN ({_TOP}));
      END IF;
      RETURN NULL;
    END $$""",
    """CREATE TRIGGER batch_versions AFTER INSERT OR UPDATE OR DELETE ON batches
    FOR EACH ROW EXECUTE FUNCTION bump_batch_versions()""",
    f"""CREATE FUNCTION bump_region_versions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO region_versions (province_code, version)
        SELECT DISTINCT region_code, 1 FROM new_rollups WHERE region_code IN ({_TOP})
      ON CONFLICT (province_code) DO UPDATE SET version = region_versions.version + 1;
      RETURN NULL;
    END $$""",
    """CREATE TRIGGER region_versions_rollup AFTER INSERT ON figure_rollups
    REFERENCING NEW TABLE AS new_rollups FOR EACH STATEMENT EXECUTE FUNCTION bump_region_versions()""",
    *(
        f"""CREATE TRIGGER catalogue_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue()"""
        for table in ("indicators", "region_aliases")
    ),
]


def upgrade() -> None:
    op.create_table(
        "region_versions",
        sa.Column("province_code", sa.String(12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("province_code"),
    )
    op.add_column("data_state", sa.Column("catalogue", sa.Integer(), nullable=False, server_default="1"))
    op.execute(
        "INSERT INTO region_versions (province_code, version) SELECT code, 1 FROM regions WHERE parent_code IS NULL"
    )
    for statement in POSTGRESQL if op.get_bind().dialect.name == "postgresql" else SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("indicators", "region_aliases"):
            op.execute(f"DROP TRIGGER catalogue_{table} ON {table}")
        op.execute("DROP TRIGGER region_versions_rollup ON figure_rollups")
        op.execute("DROP TRIGGER batch_versions ON batches")
        for function in ("bump_catalogue", "bump_batch_versions", "bump_region_versions"):
            op.execute(f"DROP FUNCTION {function}")
    else:
        for statement in SQLITE:
            op.execute("DROP TRIGGER " + statement.split()[2])
    # plain DROP COLUMN (SQLite 3.35+): a table copy would trip the triggers that write data_state
    op.execute("ALTER TABLE data_state DROP COLUMN catalogue")
    op.drop_table("region_versions")
