"""Commands for national scale: ``python -m etl regions`` and ``python -m etl synth``."""

from __future__ import annotations

import json
from pathlib import Path

import click

import settings


@click.command()
@click.option("--villages", is_flag=True, help="Also load every township and the committed sample of villages.")
@click.option(
    "--derive-from",
    "dist",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Regenerate data/regions_national.csv and the village sample from china-division's dist/ first.",
)
@click.option(
    "--history-from",
    "history",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="With --derive-from: also the counties' former names and codes, from gb2260's lib/ (2010–2016 revisions).",
)
@click.pass_context
def regions(ctx: click.Context, villages: bool, dist: Path | None, history: Path | None) -> None:
    """Load the national GB/T 2260 region tree (provinces, prefectures, counties; --villages for more).

    Example: python -m etl regions --villages
    """
    from etl.regions_national import load_national, write_derived

    if history is not None and dist is None:
        raise click.UsageError("--history-from goes with --derive-from DIST: the tree it adds former names to")
    if dist is not None:
        upper, lower = write_derived(dist, history=history)
        click.echo(
            f"regions: wrote {upper:,} rows to data/regions_national.csv and {lower:,} to the village sample", err=True
        )
    summary = load_national(ctx.obj.engine(), villages=villages, progress=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(summary))


@click.command()
@click.option(
    "--figures",
    type=click.IntRange(min=1),
    default=5_000_000,
    show_default=True,
    help="How many synthetic figures to write.",
)
@click.option("--seed", type=int, default=2014, show_default=True, help="Random seed (same seed, same figures).")
@click.option("--into-default", is_flag=True, help="Allow writing into the default database data/dashboard.db.")
@click.pass_context
def synth(ctx: click.Context, figures: int, seed: int, into_default: bool) -> None:
    """Write a SYNTHETIC national data set (labelled 合成数据 everywhere) into its own database.

    Example: python -m etl --database-url sqlite:////tmp/synth.db synth --figures 200000
    """
    from etl.synth import MixedDataError, synthesize

    if ctx.obj.url == settings.default_database_url() and not into_default:
        raise click.ClickException(
            "synthetic figures go to a database of their own: pass --database-url (for example "
            "sqlite:////tmp/synth.db), or --into-default to really write into data/dashboard.db"
        )
    try:
        summary = synthesize(ctx.obj.engine(), figures=figures, seed=seed, progress=lambda m: click.echo(m, err=True))
    except MixedDataError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary))
