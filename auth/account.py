"""The page frame for whoever asks: the shell with their account corner (Dash calls this per page load)."""

from __future__ import annotations

from flask import has_request_context
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from layouts.account import account_bar
from layouts.shell import app_shell


def shell_for_current_user():
    if not has_request_context() or not current_user.is_authenticated:
        return app_shell(account_bar(None))
    principal = current_user.principal
    user = {"name": principal.name, "role": principal.role, "regions": sorted(principal.regions)}
    return app_shell(account_bar(user, generate_csrf()))
