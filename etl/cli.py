"""Command line: thin wrappers over the ETL library. Run ``python -m etl --help``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

import settings
from db import queries
from db.session import make_engine, session_factory
from etl import cli_export
from etl import dump as dumping
from etl.cli_users import users


def _engine(ctx: click.Context):
    return make_engine(settings.load(ctx.obj.get("database_url")).database_url)


@click.group()
@click.option("--database-url", envvar="DATABASE_URL", default=None, help="SQLAlchemy URL (default: data/dashboard.db).")
@click.pass_context
def cli(ctx: click.Context, database_url: str | None) -> None:
    """扶贫目标进度看板 ETL."""
    ctx.obj = {"database_url": database_url}


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

    summary = run_build(_engine(ctx), progress=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(summary, ensure_ascii=False))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl")
@click.option("--region", "region_code", default=None, help="Adcode of the document's region (overrides the text).")
@click.option("--date", "as_of", type=click.DateTime(["%Y-%m-%d"]), default=None, help="The document's date.")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract(fmt: str, region_code: str | None, as_of, files: tuple[Path, ...]) -> None:
    """Print every figure found in policy texts, one JSON object per line.

    Example: python -m etl extract --region 621100 --date 2015-08-20 data/sources/dingxi-2015-decision.txt
    """
    from etl.extract import extract_document
    from etl.gazetteer import Gazetteer
    from etl.textfile import NotTextError, read_text

    gazetteer = Gazetteer.from_csv()
    for path in files:
        try:
            text = read_text(path)
        except NotTextError as exc:
            raise click.ClickException(str(exc)) from exc
        doc = extract_document(
            text, gazetteer, file_name=path.name, region_code=region_code, as_of=as_of.date() if as_of else None
        )
        for fig in doc.figures:
            click.echo(json.dumps(fig.to_json(), ensure_ascii=False))


@cli.command()
@click.argument("what", type=click.Choice(["targets", "actuals"]))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv")
@click.pass_context
def dump(ctx: click.Context, what: str, fmt: str) -> None:
    """Print stored targets or actuals with their sources.

    Example: python -m etl dump targets --format csv
    """
    kind = "target" if what == "targets" else "actual"
    with session_factory(_engine(ctx))() as session:
        rows = dumping.dump_rows(queries.figures(session, kind), kind)
    columns = dumping.TARGET_COLUMNS if kind == "target" else dumping.ACTUAL_COLUMNS
    sys.stdout.write(dumping.to_csv(rows, columns) if fmt == "csv" else dumping.to_json(rows) + "\n")


from etl import cli_scale, cli_upload  # noqa: E402

cli.add_command(cli_upload.template)
cli.add_command(cli_upload.import_file)
cli.add_command(cli_upload.list_batches)
cli.add_command(cli_upload.revert)
cli.add_command(cli_scale.regions)
cli.add_command(cli_scale.synth)
