"""``python -m etl notes add|edit|list``: notes (说明) on a region, indicator and year."""

from __future__ import annotations

import json

import click

from auth.policy import can
from db import notes as note_data
from db import queries
from db.session import transaction
from etl.cli_approval import principal_of
from textsafety import json_safe, one_line


@click.group()
def notes() -> None:
    """Notes that explain a number (说明): add, edit (history kept), list."""


def _check_right(session, user: str, region: str) -> None:
    ancestors = [r["code"] for r in queries.region_path(session, region)]
    if not can(principal_of(session, user), "note", region, ancestors):
        raise click.ClickException(f"--user {user} may not add notes for region {region}")


@notes.command()
@click.option("--region", required=True, help="Adcode.")
@click.option("--indicator", required=True, help="Indicator code, e.g. poor_population_reduced.")
@click.option("--year", required=True, type=int)
@click.option("--text", required=True)
@click.option("--user", required=True, help="The author's account.")
@click.pass_context
def add(ctx: click.Context, region: str, indicator: str, year: int, text: str, user: str) -> None:
    """Add a note.

    Example: python -m etl notes add --region 621100 --indicator poor_population_reduced --year 2019
    --text "2019年 受洪灾影响,岷县搬迁推迟" --user li
    """
    try:
        with transaction(ctx.obj.sessions()) as session:
            _check_right(session, user, region)
            row = note_data.add_note(session, region, indicator, year, text, user)
    except note_data.NoteError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"note {row['id']} added to {region} {indicator} {year}")


@notes.command()
@click.argument("note_id", type=int)
@click.option("--text", required=True)
@click.option("--user", required=True, help="The editor's account.")
@click.pass_context
def edit(ctx: click.Context, note_id: int, text: str, user: str) -> None:
    """Change a note's text; the earlier text stays in its history.

    Example: python -m etl notes edit 3 --text "2019年 洪灾,岷县搬迁推迟至2020年" --user li
    """
    try:
        with transaction(ctx.obj.sessions()) as session:
            found = note_data.note_by_id(session, note_id)
            if found is None:
                raise note_data.NoteError(
                    f"说明 {note_id} 不存在(etl notes list 列出编号) / "
                    f"note {note_id} does not exist (etl notes list shows the ids)"
                )
            _check_right(session, user, found["region_code"])
            note_data.edit_note(session, note_id, text, user)
    except note_data.NoteError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"note {note_id} edited")


@notes.command(name="list")
@click.option("--region", default=None, help="Only this region (adcode).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def list_notes(ctx: click.Context, region: str | None, fmt: str) -> None:
    """List notes by region, indicator and year, with author and edit history.

    Example: python -m etl notes list --region 621100 --format json
    """
    with ctx.obj.sessions()() as session:
        rows = note_data.notes(session, [region] if region else None)
        for row in rows:
            row["history"] = note_data.history(session, row["id"])
    if fmt == "json":
        click.echo(json_safe(json.dumps(rows, ensure_ascii=False, default=str)))
        return
    for r in rows:  # user text with control characters as visible escapes: a terminal obeys ESC and CR
        by = one_line(r["edited_by"])
        edited = f" (edited by {by} {r['edited_at']:%Y-%m-%d %H:%M})" if r["edited_at"] else ""
        click.echo(
            f"{r['id']:>4} {r['region_code']} {r['region_name']} {r['indicator']} {r['year']}: {one_line(r['text'])} "
            f"— {one_line(r['author'])} {r['created_at']:%Y-%m-%d %H:%M}{edited}"
        )
