"""The database every ``python -m etl`` command shares: one engine per run, upgraded to the newest schema once,
kept in the click group's context (``ctx.obj``).

Example::

    @click.command()
    @click.pass_obj
    def count(db: CliDatabase) -> None:
        with db.sessions()() as session:
            ...
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

import settings
from db import schema
from db.session import make_engine, session_factory


@dataclass
class CliDatabase:
    """``--database-url`` (or ``DATABASE_URL``, or the default) turned into an engine on first use."""

    option: str | None = None
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return settings.load(self.option).database_url

    def engine(self) -> Engine:
        """The run's engine; the first call brings the schema to the newest migration, keeping all data."""
        if self._engine is None:
            self._engine = make_engine(self.url)
            schema.upgrade(self._engine)
        return self._engine

    def sessions(self) -> sessionmaker[Session]:
        return session_factory(self.engine())
