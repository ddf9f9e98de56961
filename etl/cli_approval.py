"""``python -m etl approval|approve|return``: regions that need approval, and decisions on submitted batches.

The ``--user`` of a decision must be an account that may approve every region of the batch, and never the one
who submitted it (four-eyes), as on the page 审核 Review.
"""

from __future__ import annotations

import click

from auth.approval import decision_refusal
from auth.policy import Principal
from db import accounts, approval
from db.session import transaction
from db.visibility import APPROVED, RETURNED, SUBMITTED, include_pending
from textsafety import one_line


def include_all_pending(session) -> None:
    """Count every submitted batch in this session (``etl dump --include-pending``)."""
    include_pending(session, [b["id"] for b in approval.batches_in_state(session, SUBMITTED)])


def principal_of(session, name: str) -> Principal:
    """The account ``name`` as the policy sees it; a ClickException when there is none."""
    row = accounts.user_by_name(session, name)
    if row is None:
        raise click.ClickException(f"--user {name}: no such account (python -m etl users list)")
    return Principal(row["name"], row["role"], frozenset(row["regions"]), row["active"])


@click.group("approval")
def approval_group() -> None:
    """Regions whose figures need an approver's decision before they count."""


def _set(ctx: click.Context, region: str, required: bool) -> None:
    try:
        with transaction(ctx.obj.sessions()) as session:
            row = approval.set_required(session, region, required)
    except approval.ApprovalError as exc:
        raise click.ClickException(str(exc)) from exc
    state = "requires approval" if required else "no longer requires approval"
    click.echo(f"{row['code']} {row['name_zh']} and every region below it {state}")


@approval_group.command("require")
@click.option("--region", required=True, help="Adcode; its whole subtree is covered.")
@click.pass_context
def require(ctx: click.Context, region: str) -> None:
    """Figures uploaded or edited in this region (and below) wait for approval.

    Example: python -m etl approval require --region 621100
    """
    _set(ctx, region, True)


@approval_group.command("off")
@click.option("--region", required=True, help="Adcode marked earlier with `approval require`.")
@click.pass_context
def off(ctx: click.Context, region: str) -> None:
    """New batches in this region count at once again (batches already submitted still wait).

    Example: python -m etl approval off --region 621100
    """
    _set(ctx, region, False)


def _decide(ctx: click.Context, batch_id: int, decision: str, user: str, reason: str | None) -> dict:
    sessions = ctx.obj.sessions()
    with sessions() as session:
        refusal = decision_refusal(session, principal_of(session, user), batch_id)
    if refusal:
        raise click.ClickException(refusal)
    try:
        with transaction(sessions) as session:
            return approval.decide(session, batch_id, decision, user, reason)
    except approval.ApprovalError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.argument("batch_id", type=int)
@click.option("--user", required=True, help="The approver's account (never the batch's author).")
@click.pass_context
def approve(ctx: click.Context, batch_id: int, user: str) -> None:
    """Approve a submitted batch: its figures count for everyone.

    Example: python -m etl approve 42 --user zhao
    """
    row = _decide(ctx, batch_id, APPROVED, user, None)
    click.echo(f"batch {row['id']} approved by {row['decided_by']} ({', '.join(row['region_codes'])})")


@click.command("return")
@click.argument("batch_id", type=int)
@click.option("--reason", required=True, help="What the author must correct (shown to them).")
@click.option("--user", required=True, help="The approver's account (never the batch's author).")
@click.pass_context
def return_batch(ctx: click.Context, batch_id: int, reason: str, user: str) -> None:
    """Return a submitted batch to its author with a reason: its figures count for no one.

    Example: python -m etl return 42 --reason "2016 目标应为 3.2万人" --user zhao
    """
    row = _decide(ctx, batch_id, RETURNED, user, reason)
    click.echo(f"batch {row['id']} returned by {one_line(row['decided_by'])}: {one_line(row['reason'])}")
