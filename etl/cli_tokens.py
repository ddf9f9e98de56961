"""``python -m etl tokens …``: personal API tokens for scripts (README "Read API").

A token is printed once, when it is made; the database keeps only its SHA-256. It reads what its user may read,
through ``GET /api/v1/…`` only, whatever the user's role.
"""

from __future__ import annotations

import json

import click

from db import tokens as token_store
from db.session import transaction
from db.writes import now
from etl.cli_users import _operator


@click.group()
def tokens() -> None:
    """Personal API tokens: add, list, revoke."""


@tokens.command()
@click.argument("name")
@click.option("--user", "user_name", required=True, help="The account the token reads as.")
@click.pass_context
def add(ctx: click.Context, name: str, user_name: str) -> None:
    """Make a token and print it once (it cannot be shown again).

    Example: python -m etl tokens add notebook --user wang
    """
    try:
        with transaction(ctx.obj.sessions()) as s:
            secret, row = token_store.add_token(s, name, user_name, _operator(), now())
    except token_store.TokenError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"token {row['id']} {row['name']} for {row['user']}: shown once, keep it secret; "
        "send it as `Authorization: Bearer <token>` to /api/v1/…",
        err=True,
    )
    click.echo(secret)


@tokens.command(name="list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def list_tokens(ctx: click.Context, fmt: str) -> None:
    """Show every token: id, name, user, first characters, created, last used, revoked (never the token).

    Example: python -m etl tokens list --format json
    """
    with ctx.obj.sessions()() as s:
        rows = token_store.tokens(s)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, default=str))
        return
    for row in rows:
        state = f"revoked {row['revoked_at']} by {row['revoked_by']}" if row["revoked_at"] else "live"
        click.echo(
            f"{row['id']}\t{row['name']}\t{row['user']}\t{row['prefix']}…\tcreated {row['created_at']}\t"
            f"last used {row['last_used_at'] or 'never'}\t{state}"
        )


@tokens.command()
@click.argument("name_or_id")
@click.pass_context
def revoke(ctx: click.Context, name_or_id: str) -> None:
    """Revoke a token by name or id: refused from its next request on, in every worker.

    Example: python -m etl tokens revoke notebook
    """
    try:
        with transaction(ctx.obj.sessions()) as s:
            row = token_store.revoke(s, name_or_id, _operator(), now())
    except token_store.TokenError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"revoked token {row['id']} {row['name']} of {row['user']}")
