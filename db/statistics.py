"""SQLite's planner statistics, kept in step with the data.

Without statistics, or with statistics taken when a table held a tenth of its rows, SQLite's planner reads a
county's figures through every approved batch (42 ms at 200,000 figures, and growing with them) instead of through
the region index (1.8 ms). A table is analysed again once it holds twice the rows it was analysed at, in the
transaction that grew it: a few times in a database's life. PostgreSQL's autovacuum does this by itself.

Example::

    refresh(session)  # -> ["batches", "figures"]: the tables analysed
"""

from __future__ import annotations

from sqlalchemy.orm import Session

WATCHED = (
    "batches",
    "sources",
    "plan_versions",
    "figures",
    "figure_rollups",
    "rolled_batches",
    "figure_overlaps",
    "regions",
)
GROWTH = 2
MIN_ROWS = 10  # below this a plan's choice costs nothing


def stale(analysed: dict[str, int], sizes: dict[str, int]) -> list[str]:
    """Tables grown past ``GROWTH`` times the rows they were analysed at (0: never).

    Example: ``stale({"batches": 3}, {"batches": 184, "sources": 5})`` -> ``["batches"]``
    """
    return [t for t, rows in sizes.items() if rows >= MIN_ROWS and rows > GROWTH * analysed.get(t, 0)]


def refresh(session: Session) -> list[str]:
    """Analyse, within the session's transaction, the watched tables that have outgrown their statistics."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    conn = session.connection()
    analysed: dict[str, int] = {}
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        for table, stat in conn.exec_driver_sql("SELECT tbl, stat FROM sqlite_stat1"):
            analysed[table] = max(analysed.get(table, 0), int(stat.split()[0]))
    # the largest rowid: the row count in a lookup, not a scan (deleted rows count too: a little early at worst)
    sizes = {t: int(conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {t}").scalar()) for t in WATCHED}
    tables = stale(analysed, sizes)
    for table in tables:
        conn.exec_driver_sql(f"ANALYZE {table}")
    return tables
