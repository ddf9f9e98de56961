"""CLI for planners' files: template, import (with --dry-run), batches, revert. Thin wrappers over etl.importer."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from db import approval
from db import batches as batch_data
from db.session import transaction
from db.visibility import STATES
from etl import importer
from etl.errorbook import error_workbook
from etl.template import build_template
from text.format import format_value
from textsafety import json_safe, one_line


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--region", "region_code", default=None, help="Pre-fill with this region's current values (adcode).")
@click.pass_context
def template(ctx: click.Context, out: Path, region_code: str | None) -> None:
    """Write the upload template (.xlsx).

    Example: python -m etl template plan.xlsx --region 610000
    """
    with ctx.obj.sessions()() as session:
        from db import queries

        if region_code and queries.region(session, region_code) is None:
            raise click.ClickException(f"--region {region_code}: no region has this adcode")
        out.write_bytes(build_template(session, region_code))
    click.echo(f"wrote {out}", err=True)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check and preview only; write nothing.")
@click.option("--note", default="", help="Why these values change (required to import).")
@click.option("--user", default="anonymous", show_default=True, help="Who uploads, for the audit record.")
@click.option("--kind", type=click.Choice(["target", "actual"]), default=None, help="For a CSV without a kind column.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--errors-out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="When invalid, write a copy of the file with an error column here.",
)
@click.pass_context
def import_file(
    ctx, file: Path, dry_run: bool, note: str, user: str, kind: str | None, fmt: str, errors_out: Path | None
) -> None:
    """Validate a workbook or CSV, preview every change, and import it as one batch (exit 1 when invalid).

    Example: python -m etl import plan.xlsx --note "2019 政府工作报告 restatement" --user 王芳
    """
    if not dry_run:
        try:
            note = importer.check_note(note)
        except importer.ImportRefused as exc:
            raise click.UsageError(f"--note: {exc} (or use --dry-run)") from exc
    sessions = ctx.obj.sessions()
    data = file.read_bytes()
    with transaction(sessions) as session:
        result = importer.check_and_preview(session, data, file.name, default_kind=kind)
        if result.ok and not dry_run and result.preview.changes:

            def progress(done: int, total: int) -> None:
                click.echo(f"writing figures {done}/{total}", err=True)
                sys.stderr.flush()

            importer.commit(session, result, importer.Audit(user=user, note=note), progress=progress)
            click.echo(f"committing batch {result.batch_id}", err=True)
    if not result.ok and errors_out is not None:
        errors_out.write_bytes(error_workbook(result.book, result.checked.problems))
    _report(result, fmt, dry_run)
    sys.exit(0 if result.ok else 1)


def tier_tag(item: dict) -> str:
    """ "/力争" after the kind of a stretch-tier target in the preview lines ("target/力争"), else ""."""
    return "/力争" if item.get("tier") == "stretch" else ""


def _report(result: importer.Result, fmt: str, dry_run: bool) -> None:
    if fmt == "json":
        out = result.to_json()
        out["dry_run"] = dry_run
        click.echo(json_safe(json.dumps(out, ensure_ascii=False, default=str)))
        return
    if not result.ok:
        click.echo(f"{result.file_name}: {len(result.checked.problems)} problem(s), nothing imported")
        for p in result.checked.problems:
            click.echo(f"  {p.located()}" + (f"  [value: {p.value}]" if p.value else ""))
        return
    counts = result.preview.counts
    click.echo(
        f"{result.file_name}: valid; {counts['new']} new, {counts['changed']} changed, {counts['unchanged']} unchanged"
    )
    for item in result.preview.changes[:50]:
        old = (
            "—"
            if item["old_value"] is None
            else format_value(item["old_value"], item["unit"], "zh", item["old_comparator"])
        )
        new = format_value(item["new_value"], item["unit"], "zh", item["new_comparator"])
        click.echo(
            f"  {item['status']:8} {item['kind'] + tier_tag(item):6} {item['region_code']} {item['region_name']} "
            f"{item['indicator']} {item['period_start']}–{item['period_end']}: {old} → {new}"
        )
    if len(result.preview.changes) > 50:
        click.echo(f"  … and {len(result.preview.changes) - 50} more (use --format json for all)")
    if result.batch_id is not None:
        click.echo(f"imported as batch {result.batch_id}; revert with: python -m etl revert {result.batch_id}")
    elif dry_run:
        click.echo("dry run: nothing written")
    else:
        click.echo("无需导入:所有数值均已存在 / nothing to import: every value is already stored")


@click.command("batches")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--state", type=click.Choice(STATES), default=None, help="Only batches in this approval state.")
@click.pass_context
def list_batches(ctx: click.Context, fmt: str, state: str | None) -> None:
    """List write batches, newest first, with who, when, file, sha256, rows, note, approval and revert state.

    Example: python -m etl batches --state submitted --format json
    """
    with ctx.obj.sessions()() as session:
        rows = [b for b in batch_data.batch_list(session) if state is None or b["state"] == state]
        codes = approval.region_codes_of(session, [b["id"] for b in rows])
    rows = [{**b, "user": b["user_name"], "region_codes": codes[b["id"]]} for b in rows]
    if fmt == "json":
        click.echo(json_safe(json.dumps(rows, ensure_ascii=False, default=str)))
        return
    for b in rows:  # user text with control characters as visible escapes: a terminal obeys ESC and CR
        by = one_line(b["reverted_by"])
        done = f"reverted {b['reverted_at']:%Y-%m-%d %H:%M} by {by}" if b["reverted_at"] else "live"
        click.echo(
            f"{b['id']:>5} {b['kind']:6} {b['created_at']:%Y-%m-%d %H:%M} {one_line(b['user_name']):<12} "
            f"{one_line(b['file_name']):<36} targets {b['rows_targets']:>5} actuals {b['rows_actuals']:>5} "
            f"baselines {b['rows_baselines']:>5} "
            f"{b['state']} {done} | {one_line(b['note'])}"
        )


@click.command()
@click.argument("batch_id", type=int)
@click.option("--user", default="anonymous", show_default=True, help="Who reverts, for the audit record.")
@click.pass_context
def revert(ctx: click.Context, batch_id: int, user: str) -> None:
    """Revert an upload or edit batch: its values drop out and the earlier ones are back in force.

    Example: python -m etl revert 12 --user 王芳
    """
    try:
        with transaction(ctx.obj.sessions()) as session:
            row = batch_data.revert(session, batch_id, user)
    except batch_data.BatchError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"reverted batch {batch_id} ({one_line(row['file_name'])}, {one_line(row['note'])})")
