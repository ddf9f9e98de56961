"""`python -m etl export` and `python -m etl report`: chart, data and briefing-pack files for batch work."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import click

from export.chart_data import ExportNotFound
from export.routes import briefing_bytes, chart_bytes

EXPORT_FORMATS = ("png", "svg", "pdf", "csv", "xlsx")
REPORT_FORMATS = ("pdf", "xlsx")
DEFAULT_BASE_URL = "http://127.0.0.1:8050"
base_url_option = click.option(
    "--base-url",
    envvar="PUBLIC_URL",
    default=DEFAULT_BASE_URL,
    show_default=True,
    help="Address of the dashboard, for the link back printed on every export (env PUBLIC_URL).",
)
plan_option = click.option(
    "--plan",
    type=click.Choice(["original", "revised"]),
    default="original",
    show_default=True,
    help="Compare actuals with the original plan or the revised one (as the page's plan switch).",
)
years_option = click.option("--years", default=None, metavar="FROM-TO", help="Years shown, e.g. 2016-2020.")
lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)


def search(plan: str, years: str | None) -> str:
    """The page's query string for these choices.

    Example: ``search("revised", "2016-2019") == "?plan=revised&from=2016&to=2019"``
    """
    query = {"plan": "revised"} if plan == "revised" else {}
    if years:
        lo, _, hi = years.partition("-")
        if not (lo.strip().isdigit() and hi.strip().isdigit()):
            raise click.BadParameter(f"{years!r}: write the years as FROM-TO, e.g. 2016-2020", param_hint="--years")
        query.update({"from": lo.strip(), "to": hi.strip()})
    return "?" + urlencode(query) if query else ""


def _format(out: Path, fmt: str | None, allowed: tuple[str, ...], option: bool = True) -> str:
    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in allowed:
        hint = f"use --format {'|'.join(allowed)} or an OUT" if option else "give an OUT"
        raise click.UsageError(f"{out}: cannot tell the format; {hint} ending in .{', .'.join(allowed)}")
    return fmt


def write_atomically(out: Path, data: bytes) -> None:
    """Write a file whole or not at all: a crash never leaves half a PDF behind."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.command("export")
@click.option("--region", required=True, help="Region adcode, e.g. 621100 (定西市).")
@click.option("--indicator", required=True, help="Indicator code, e.g. poor_population_reduced.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default=None,
    help="Output format (default: from OUT's suffix).",
)
@click.option(
    "--chart",
    type=click.Choice(["annual", "cumulative", "children"]),
    default="annual",
    show_default=True,
    help="Which of the region page's charts (children: the sub-regions bars).",
)
@plan_option
@years_option
@lang_option
@base_url_option
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def export_command(
    ctx,
    region: str,
    indicator: str,
    fmt: str | None,
    chart: str,
    plan: str,
    years: str | None,
    lang: str,
    base_url: str,
    out: Path,
) -> None:
    """Write one chart (PNG at 2x, SVG, PDF) or its data (CSV, XLSX) with sources, plan version and date.

    Example: python -m etl export --region 621100 --indicator poor_population_reduced --format png dingxi.png
    """
    fmt = _format(out, fmt, EXPORT_FORMATS)
    params = {"region": region, "indicator": indicator, "lang": lang, "chart": chart, "search": search(plan, years)}
    try:
        with ctx.obj.sessions()() as session:
            data, _ = chart_bytes(session, fmt, params, base_url)
    except ExportNotFound as exc:
        raise click.ClickException(str(exc)) from None
    write_atomically(out, data)
    click.echo(f"{out}: {len(data):,} bytes", err=True)


@click.command("report")
@click.option("--region", required=True, help="Region adcode, e.g. 610000 (陕西省); its sub-regions are included.")
@plan_option
@years_option
@lang_option
@base_url_option
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def report_command(ctx, region: str, plan: str, years: str | None, lang: str, base_url: str, out: Path) -> None:
    """Write a region's briefing pack: a multi-page PDF, or an XLSX workbook with native Excel charts.

    Example: python -m etl report --region 610000 shaanxi-briefing.pdf
    """
    fmt = _format(out, None, REPORT_FORMATS, option=False)
    try:
        with ctx.obj.sessions()() as session:
            data, _ = briefing_bytes(session, fmt, region, lang, base_url, search(plan, years))
    except ExportNotFound as exc:
        raise click.ClickException(str(exc)) from None
    write_atomically(out, data)
    click.echo(f"{out}: {len(data):,} bytes", err=True)
