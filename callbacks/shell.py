"""The page frame for whoever asks: the shell with their account corner (Dash calls this per page load)."""

from __future__ import annotations

from flask import has_request_context
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from auth.guard import can_do
from layouts import ids
from layouts.account import account_bar
from layouts.shell import NAV_ITEMS, app_shell


def _nav_items() -> list:
    """Links to the tools the user may use (hiding is for clarity only: each write is checked on the server)."""
    writer = can_do("upload") or can_do("edit")
    hidden = {ids.NAV_UPLOAD: not writer, ids.NAV_REVIEW: not can_do("approve")}
    return [item for item in NAV_ITEMS if not hidden.get(item[0])]


def shell_for_current_user():
    if not has_request_context():
        return app_shell(account_bar(None))
    if not current_user.is_authenticated:
        return app_shell(account_bar(None), _nav_items())
    principal = current_user.principal
    user = {"name": principal.name, "role": principal.role, "regions": sorted(principal.regions)}
    return app_shell(account_bar(user, generate_csrf()), _nav_items())
