"""``python -m etl users …``: accounts from the command line (the first administrator is made here).

Passwords come from a hidden prompt, or from ``NEW_USER_PASSWORD`` when set (scripts); never from an argument,
which would land in the shell history and the process list.
"""

from __future__ import annotations

import json
import os

import click

from auth import passwords
from auth.policy import ROLES, SCOPED_ROLES
from db import accounts
from db.session import transaction
from db.writes import now
from textsafety import describe_control, first_control, json_safe, one_line


def _operator() -> str:
    """Who ran the command, for the record: the login name of the shell user."""
    try:
        return "cli:" + os.getlogin()
    except OSError:
        return "cli:" + os.environ.get("USER", "unknown")


def _new_password(name: str) -> str:
    password = os.environ.get("NEW_USER_PASSWORD")
    if password is None:
        password = click.prompt(f"Password for {name}", hide_input=True, confirmation_prompt=True)
    try:
        passwords.check_strength(password, name)
    except passwords.WeakPassword as exc:
        raise click.ClickException(str(exc)) from exc
    return password


def _check_regions(role: str, regions: tuple[str, ...]) -> None:
    if role in SCOPED_ROLES and not regions:
        raise click.UsageError(f"a {role} needs at least one --region (an adcode, e.g. --region 621100)")
    if role not in SCOPED_ROLES and regions:
        raise click.UsageError(f"--region applies to planners and approvers only; a {role} reads every region")


@click.group()
def users() -> None:
    """Accounts: add, list, disable, enable, set a password, change a role, unlock."""


@users.command()
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option(
    "--region",
    "regions",
    multiple=True,
    help="Adcode a planner may write or an approver decide, with everything below it.",
)
@click.pass_context
def add(ctx: click.Context, name: str, role: str, regions: tuple[str, ...]) -> None:
    """Create an account.

    Example: python -m etl users add li --role planner --region 621100
    """
    _check_regions(role, regions)
    if found := first_control(name):
        raise click.UsageError(f"NAME: {describe_control(found)}; an account name is one line of visible text")
    password = _new_password(name)
    try:
        with transaction(ctx.obj.sessions()) as s:
            row = accounts.add_user(s, name, passwords.hash_password(password), role, list(regions), _operator())
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added {row['name']} ({row['role']}{' ' + ','.join(row['regions']) if row['regions'] else ''})")


@users.command(name="list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def list_users(ctx: click.Context, fmt: str) -> None:
    """Show every account (never a password hash).

    Example: python -m etl users list --format json
    """
    with ctx.obj.sessions()() as s:
        rows = [{k: v for k, v in row.items() if k != "password_hash"} for row in accounts.users(s)]
    if fmt == "json":
        click.echo(json_safe(json.dumps(rows, ensure_ascii=False, default=str)))
        return
    for row in rows:
        state = "active" if row["active"] else "disabled"
        click.echo(
            f"{one_line(row['name'])}\t{row['role']}\t{','.join(row['regions']) or '-'}\t{state}\t"
            f"last login {row['last_login_at'] or 'never'}"
        )


def _change(ctx: click.Context, action, name: str, *args) -> dict:
    try:
        with transaction(ctx.obj.sessions()) as s:
            return action(s, name, *args, by=_operator())
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc


@users.command()
@click.argument("name")
@click.pass_context
def disable(ctx: click.Context, name: str) -> None:
    """Stop an account from logging in; its open sessions end at their next request. Its history stays.

    Example: python -m etl users disable li
    """
    _change(ctx, accounts.set_active, name, False)
    click.echo(f"disabled {name}")


@users.command()
@click.argument("name")
@click.pass_context
def enable(ctx: click.Context, name: str) -> None:
    """Let a disabled account log in again.

    Example: python -m etl users enable li
    """
    _change(ctx, accounts.set_active, name, True)
    click.echo(f"enabled {name}")


@users.command()
@click.argument("name")
@click.pass_context
def passwd(ctx: click.Context, name: str) -> None:
    """Set a new password (ends the account's open sessions).

    Example: NEW_USER_PASSWORD=… python -m etl users passwd li
    """
    _change(ctx, accounts.set_password, name, passwords.hash_password(_new_password(name)))
    click.echo(f"password changed for {name}")


@users.command()
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--region", "regions", multiple=True)
@click.pass_context
def role(ctx: click.Context, name: str, role: str, regions: tuple[str, ...]) -> None:
    """Change an account's role and regions.

    Example: python -m etl users role li --role planner --region 621100 --region 621102
    """
    _check_regions(role, regions)
    row = _change(ctx, accounts.set_role, name, role, list(regions))
    click.echo(f"{name} is now {row['role']}{' ' + ','.join(row['regions']) if row['regions'] else ''}")


@users.command()
@click.argument("name")
@click.pass_context
def unlock(ctx: click.Context, name: str) -> None:
    """Lift a lock after too many failed logins (the failures stay on record).

    Example: python -m etl users unlock li
    """
    with transaction(ctx.obj.sessions()) as s:
        accounts.clear_failures(s, name, now(), address=_operator())
    click.echo(f"unlocked {name}")
