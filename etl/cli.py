"""Command line: thin wrappers over the ETL library. Run ``python -m etl --help``."""

from __future__ import annotations

import json
import sys

import click

from db import queries
from db.session import ReadOnlyDatabase
from etl import cli_export
from etl import dump as dumping
from etl.cli_context import CliDatabase
from etl.cli_users import users


class _Commands(click.Group):
    """Every command: a write refused by a read-only replica ends with its message, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ReadOnlyDatabase as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Commands)
@click.option(
    "--database-url", envvar="DATABASE_URL", default=None, help="SQLAlchemy URL (default: data/dashboard.db)."
)
@click.pass_context
def cli(ctx: click.Context, database_url: str | None) -> None:
    """扶贫目标进度看板 ETL."""
    ctx.obj = CliDatabase(database_url)


cli.add_command(users)
cli.add_command(cli_export.export_command)
cli.add_command(cli_export.report_command)


@cli.command()
@click.pass_context
def build(ctx: click.Context) -> None:
    """Create or upgrade the database and load sources and reference figures.

    Example: python -m etl build
    """
    from etl.build import build as run_build

    summary = run_build(ctx.obj.engine(), progress=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(summary, ensure_ascii=False))


@cli.command()
@click.argument("what", type=click.Choice(["targets", "actuals"]))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv")
@click.option("--include-pending", is_flag=True, help="Add figures waiting for approval (reliability 'pending').")
@click.pass_context
def dump(ctx: click.Context, what: str, fmt: str, include_pending: bool) -> None:
    """Print stored targets or actuals with their sources: what counts for everyone (approved figures).

    Example: python -m etl dump targets --format csv [--include-pending]
    """
    kind = "target" if what == "targets" else "actual"
    with ctx.obj.sessions()() as session:
        if include_pending:
            from etl.cli_approval import include_all_pending

            include_all_pending(session)
        rows = dumping.dump_rows(queries.figures(session, kind), kind)
    columns = dumping.TARGET_COLUMNS if kind == "target" else dumping.ACTUAL_COLUMNS
    sys.stdout.write(dumping.to_csv(rows, columns) if fmt == "csv" else dumping.to_json(rows) + "\n")


from etl import cli_approval, cli_ingest, cli_notes, cli_scale, cli_upload  # noqa: E402

cli.add_command(cli_upload.template)
cli.add_command(cli_upload.import_file)
cli.add_command(cli_upload.list_batches)
cli.add_command(cli_upload.revert)
cli.add_command(cli_scale.regions)
cli.add_command(cli_scale.synth)
cli.add_command(cli_ingest.extract)
cli.add_command(cli_ingest.ingest)
cli.add_command(cli_approval.approval_group)
cli.add_command(cli_approval.approve)
cli.add_command(cli_approval.return_batch)
cli.add_command(cli_notes.notes)

from etl.cli_tokens import tokens  # noqa: E402

cli.add_command(tokens)
