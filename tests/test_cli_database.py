"""Every ``python -m etl`` command opens the database the same way: the group's ``--database-url``, one engine,
the schema upgraded to the newest migration before the command reads or writes."""

from __future__ import annotations

import pytest
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import CliRunner

from db import schema
from db.session import make_engine
from etl.cli import cli


def _revision(url: str) -> str | None:
    engine = make_engine(url)
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@pytest.mark.parametrize(
    "args",
    [
        ["dump", "targets"],
        ["batches"],
        ["users", "list"],
        ["template", "{tmp}/t.xlsx"],
    ],
)
def test_every_command_upgrades_an_old_database_first(tmp_path, args):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    schema.upgrade(make_engine(url), "0001")
    result = CliRunner().invoke(cli, ["--database-url", url, *(a.format(tmp=tmp_path) for a in args)])
    assert result.exit_code == 0, result.output
    head = ScriptDirectory.from_config(schema.alembic_config(make_engine(url))).get_current_head()
    assert _revision(url) == head
