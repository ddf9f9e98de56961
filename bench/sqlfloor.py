"""The floor of a callback: the very SQL statements it ran, replayed on the bare DB-API cursor.

Example::

    with SqlRecorder(engine) as rec:
        client.call(...)
    floor_ms = replay_ms(engine, rec.statements)
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, event


class SqlRecorder:
    """Records (statement, parameters) of every cursor execute on an engine while active."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.statements: list[tuple[str, object]] = []

    def _record(self, _conn, _cursor, statement, parameters, _context, executemany):
        if not executemany:
            self.statements.append((statement, parameters))

    def __enter__(self) -> SqlRecorder:
        self.statements = []
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


def replay_ms(engine: Engine, statements: list[tuple[str, object]]) -> float:
    """Milliseconds to execute and fetch every statement on one raw connection (no ORM, no pandas, no Dash)."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        started = time.perf_counter()
        for statement, parameters in statements:
            cursor.execute(statement, parameters) if parameters else cursor.execute(statement)
            if cursor.description is not None:
                cursor.fetchall()
        elapsed = (time.perf_counter() - started) * 1000
        cursor.close()
        raw.rollback()
        return elapsed
    finally:
        raw.close()
