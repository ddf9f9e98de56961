"""Login and logout with Flask-Login: ``/login`` (a plain HTML form, CSRF token as a hidden input) and ``/logout``.

The session is a signed cookie holding the user id, a fingerprint of the password hash and a token naming a row
of the ``sessions`` table (``db/login_sessions.py``): logout deletes the row, so a copy of the cookie stops
working at once, on every worker; disabling an account or changing its password ends its sessions too.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from flask import Flask, make_response, redirect, render_template_string, request, session
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf.csrf import generate_csrf, validate_csrf
from wtforms import ValidationError

from auth import passwords, ratelimit
from auth.next_url import safe_next
from auth.policy import Principal
from db import accounts, login_sessions
from db.session import transaction
from db.writes import now

log = logging.getLogger("auth")

SESSION_LIFETIME = timedelta(hours=8)

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 Log in · 扶贫目标进度看板</title><link rel="stylesheet" href="/vendor/bootstrap/bootstrap.min.css"></head>
<body class="bg-light"><main class="container" style="max-width: 26rem">
<h1 class="h4 mt-5 mb-1">扶贫目标进度看板</h1><p class="text-muted small">Poverty-alleviation targets and progress</p>
{% if no_admin %}<div id="first-admin" class="alert alert-info small">尚无管理员账户。请在服务器上运行
<code>.venv/bin/python -m etl users add admin --role admin</code> 创建。 No administrator yet: create one on the server
with the command above.</div>{% endif %}
{% if message %}<div id="login-message" class="alert alert-{{ level }}" role="alert">{{ message }}</div>{% endif %}
{% if logout %}<form method="post" action="/logout" class="card card-body">
  <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
  <button class="btn btn-outline-secondary" id="logout-submit" type="submit">退出登录 Log out</button>
</form>{% else %}<form method="post" action="/login" class="card card-body">
  <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
  <input type="hidden" name="next" value="{{ next }}">
  <label class="form-label" for="username">用户名 User name</label>
  <input class="form-control mb-2" id="username" name="username" autocomplete="username" required
         value="{{ username }}">
  <label class="form-label" for="password">密码 Password</label>
  <input class="form-control mb-3" id="password" name="password" type="password"
         autocomplete="current-password" required>
  <button class="btn btn-primary" id="login-submit" type="submit">登录 Log in</button>
</form>{% endif %}</main></body></html>"""

MESSAGES = {
    "bad": ("用户名或密码错误。 Wrong user name or password.", "danger", 401),
    "csrf": ("表单已过期,请重试。 The form expired: please try again.", "warning", 400),
    "locked": (
        "尝试次数过多,请 {minutes} 分钟后再试,或请管理员解锁。 Too many attempts: try again in {minutes} "
        "min, or ask an administrator to unlock the account.",
        "danger",
        429,
    ),
    "out": ("您已退出。 You are logged out.", "success", 200),
}


class Account(UserMixin):
    """The logged-in user as Flask-Login sees it; ``principal`` is what the policy checks."""

    def __init__(self, row: dict, token: str):
        self.row = row
        self.token = token  # names this browser's row in the sessions table
        self.principal = Principal(row["name"], row["role"], frozenset(row["regions"]), row["active"])

    def get_id(self) -> str:
        return f"{self.row['id']}.{fingerprint(self.row['password_hash'])}.{self.token}"

    @property
    def is_active(self) -> bool:
        return self.row["active"]


def fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def install(server: Flask, sessions) -> None:
    manager = LoginManager(server)
    manager.session_protection = "strong"

    @manager.user_loader
    def load(session_id: str):
        user_id, mark, token = (session_id.split(".", 2) + ["", ""])[:3]
        if not user_id.isdigit() or not token:
            return None
        with sessions() as s:
            if not login_sessions.session_alive(s, token, int(user_id), now()):
                return None
            row = accounts.user_by_id(s, int(user_id))
        if row is None or not row["active"] or fingerprint(row["password_hash"]) != mark:
            return None
        return Account(row, token)

    @server.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "GET":
            with sessions() as s:
                no_admin = not accounts.active_admin_exists(s)
            return _page(None, request.args.get("next", ""), no_admin=no_admin)
        return _attempt(sessions)

    @server.route("/logout", methods=["GET", "POST"])
    def logout():
        if request.method == "GET":
            # a GET never changes state (a link on another site must not log anyone out): show a button
            return _page(None, "", logout=True)
        try:
            validate_csrf(request.form.get("csrf_token"))
        except ValidationError:
            return _page("csrf", "")
        if current_user.is_authenticated:
            with transaction(sessions) as s:
                login_sessions.end_session(s, current_user.token)
            log.info("logout %s", current_user.principal.name)
        logout_user()
        session.clear()
        return _page("out", "")


def _attempt(sessions):
    name = (request.form.get("username") or "").strip()[:64]
    password = request.form.get("password") or ""
    target = safe_next(request.form.get("next", ""))
    try:
        validate_csrf(request.form.get("csrf_token"))
    except ValidationError:
        return _page("csrf", target, name)
    address = request.remote_addr or "unknown"
    with transaction(sessions) as s:
        held = ratelimit.reserve(s, name, address, now())
        row = accounts.user_by_name(s, name) if held.verdict.allowed else None
    verdict = held.verdict
    if not verdict.allowed:
        log.warning(
            "login refused for %s from %s: %s locked for %ss", name, address, verdict.reason, verdict.retry_after
        )
        response = _page("locked", target, name, minutes=-(-verdict.retry_after // 60))
        response.headers["Retry-After"] = str(verdict.retry_after)
        return response
    # outside any transaction: the hash takes a while and holds no lock; the attempt is already counted
    ok = passwords.verify_password(row["password_hash"] if row else None, password) and bool(row and row["active"])
    if not ok:
        log.warning("login failed for %s from %s", name, address)
        return _page("bad", target, name)
    at = now()
    with transaction(sessions) as s:
        ratelimit.succeeded(s, held.attempt_id)
        accounts.mark_login(s, row["id"], at)
        if passwords.needs_rehash(row["password_hash"]):
            row = accounts.set_password(s, name, passwords.hash_password(password), by=name)
        token = login_sessions.open_session(s, row["id"], address, at, SESSION_LIFETIME)
    session.clear()  # a fresh session: nothing from before the login carries over
    session.permanent = True
    login_user(Account(row, token))
    log.info("login %s (%s) from %s", name, row["role"], address)
    return redirect(target or "/")


def _page(message: str | None, target: str, username: str = "", logout: bool = False, no_admin: bool = False, **values):
    text, level, status = MESSAGES[message] if message else ("", "info", 200)
    body = render_template_string(
        PAGE,
        message=text.format(**values),
        level=level,
        csrf_token=generate_csrf(),
        next=safe_next(target),
        username=username,
        logout=logout,
        no_admin=no_admin,
    )
    response = make_response(body, status)
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response
