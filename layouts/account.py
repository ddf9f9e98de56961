"""The account corner of the header: who is logged in, with which role, and a logout button (a POST form)."""

from __future__ import annotations

from dash import dcc, html

from layouts import ids
from text.i18n import both

ROLE_KEYS = {"viewer": "role_viewer", "analyst": "role_analyst", "planner": "role_planner", "admin": "role_admin"}
ROLE_KEYS["approver"] = "role_approver"  # text/i18n_review.py


def account_bar(user: dict | None, csrf_token: str = "") -> html.Div:
    """``account_bar({"name": "li", "role": "planner", "regions": ["621100"]}, token)``; None: a login link."""
    if user is None:
        return html.Div(
            html.A(both("login"), href="/login", className="btn btn-outline-primary btn-sm"), id=ids.ACCOUNT_BAR
        )
    regions = f" · {', '.join(user['regions'])}" if user.get("regions") else ""
    return html.Div(
        [
            html.Span(
                [
                    html.Span(user["name"], id=ids.ACCOUNT_NAME, className="fw-semibold"),
                    f" ({both(ROLE_KEYS.get(user['role'], 'role_viewer'))}{regions})",
                ],
                className="small",
            ),
            html.Form(
                [
                    dcc.Input(type="hidden", name="csrf_token", value=csrf_token),
                    html.Button(
                        both("logout"),
                        id=ids.LOGOUT_BUTTON,
                        type="submit",
                        className="btn btn-outline-secondary btn-sm",
                    ),
                ],
                action="/logout",
                method="POST",
                className="m-0",
            ),
        ],
        id=ids.ACCOUNT_BAR,
        className="d-flex align-items-center gap-2",
    )
