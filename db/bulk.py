"""Bulk writes for generated data (``etl synth``): rows straight into ``figures`` (COPY on PostgreSQL, executemany
on SQLite), indexes dropped while an empty table is filled, statistics refreshed afterwards.

Example::

    with transaction(sessions) as s:
        rebuild = drop_figure_indexes_if_empty(s)
        insert_figures(s, [("actual", "610102", "poor_population_reduced", 2019, 2019, 12.0, "=", "人",
                            None, source_id, batch_id, "", "合成数据 synthetic")])
        rebuild_indexes(s, rebuild)
"""

from __future__ import annotations

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from db.models import Batch, Figure, Region

FIGURE_COLUMNS = (
    "kind",
    "region_code",
    "indicator_code",
    "period_start",
    "period_end",
    "value",
    "comparator",
    "unit",
    "plan_version_id",
    "source_id",
    "batch_id",
    "quote",
    "note",
)


def insert_figures(session: Session, rows: list[tuple]) -> int:
    """Insert tuples in ``FIGURE_COLUMNS`` order; returns how many."""
    if not rows:
        return 0
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY figures ({', '.join(FIGURE_COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return len(rows)
    marks = ", ".join("?" for _ in FIGURE_COLUMNS)
    conn.exec_driver_sql(f"INSERT INTO figures ({', '.join(FIGURE_COLUMNS)}) VALUES ({marks})", rows)
    return len(rows)


def drop_figure_indexes_if_empty(session: Session) -> list:
    """On an empty figures table, drop its indexes for the bulk load (built once afterwards: several times
    faster than maintaining them row by row); returns the indexes to build again."""
    if session.scalar(select(Figure.id).limit(1)) is not None:
        return []
    indexes = sorted(Figure.__table__.indexes, key=lambda i: i.name)
    for index in indexes:
        index.drop(session.connection())
    return indexes


def rebuild_indexes(session: Session, indexes: list) -> None:
    for index in indexes:
        index.create(session.connection())


def has_figures_outside(session: Session, batch_kind: str) -> bool:
    """True when some figure belongs to a batch of another kind (e.g. real figures beside ``synth``)."""
    stmt = select(Figure.id).join(Batch, Batch.id == Figure.batch_id).where(Batch.kind != batch_kind).limit(1)
    return session.scalar(stmt) is not None


def count_regions(session: Session, level: str) -> int:
    return int(session.scalar(select(func.count()).select_from(Region).where(Region.level == level)))


def region_codes(session: Session, level: str) -> list[str]:
    return list(session.scalars(select(Region.code).where(Region.level == level).order_by(Region.code)))


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics after a bulk load."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
