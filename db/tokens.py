"""Personal API tokens: created, listed, revoked, and checked (with the rate-limit count) on every API request.

A token is 32 random bytes (``fpt_`` + URL-safe base64), shown once; only its SHA-256 is stored, which is enough
for a secret of that entropy (no salt or slow hash needed: nobody can guess it). Every check reads the token and
its user from the database, so a revoked token or a disabled account is refused at once, in every worker.

Example::

    with transaction(sessions) as s:
        secret, row = add_token(s, "notebook", "wang", by="cli:root")   # print ``secret`` once
    with transaction(sessions) as s:
        use = use_token(s, secret, now(), per_minute=600)
    use.principal.role == "analyst"
"""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from db.models import ApiToken, User, UserRegion

PREFIX = "fpt_"  # 扶贫 token: makes a leaked token easy to recognise (secret scanners, logs)
WINDOW = timedelta(minutes=1)


class TokenError(ValueError):
    """A token command that cannot be carried out; the message says why and what to do."""


class UnknownToken(TokenError):
    pass


class DuplicateToken(TokenError):
    pass


@dataclass(frozen=True)
class TokenUse:
    """The verdict on one request's token: ``account`` (name, role, regions) when allowed, else ``reason``."""

    account: tuple[str, str, frozenset[str]] | None
    reason: str = ""  # "" | "unknown" | "revoked" | "disabled" | "rate"
    retry_after: int = 0
    token_id: int | None = None


def digest(secret: str) -> str:
    """``digest("fpt_x")`` is the hex SHA-256 stored for that token."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def _row(token: ApiToken, user_name: str) -> dict:
    return {
        "id": token.id,
        "name": token.name,
        "user": user_name,
        "prefix": token.prefix,
        "created_at": token.created_at,
        "created_by": token.created_by,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
        "revoked_by": token.revoked_by,
    }


def add_token(session: Session, name: str, user_name: str, by: str, at: datetime) -> tuple[str, dict]:
    """Create a token for an active account; returns (the secret, to show once; the stored row)."""
    if not name or name.isdigit() or len(name) > 64:
        raise TokenError(
            f"令牌名称 {name!r}:请用 1–64 个字符,不能全是数字(编号才是数字) / "
            f"token name {name!r}: use 1–64 characters, not only digits (ids are numbers)"
        )
    user = session.scalars(select(User).where(User.name == user_name)).first()
    if user is None:
        raise UnknownToken(
            f"没有用户 {user_name!r}:`python -m etl users list` 列出所有账户 / "
            f"no user {user_name!r}; `python -m etl users list` shows the accounts"
        )
    if not user.active:
        raise TokenError(
            f"用户 {user_name!r} 已停用:请先运行 `python -m etl users enable {user_name}` / "
            f"user {user_name!r} is disabled; `python -m etl users enable {user_name}` first"
        )
    live = select(ApiToken.id).where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
    if session.scalars(live).first() is not None:
        raise DuplicateToken(
            f"已有名为 {name!r} 的令牌:请另选名称,或先撤销该令牌 / "
            f"a token named {name!r} exists; choose another name or revoke it first"
        )
    secret = new_secret()
    token = ApiToken(
        name=name,
        user_id=user.id,
        token_hash=digest(secret),
        prefix=secret[: len(PREFIX) + 4],
        created_at=at,
        created_by=by,
        window_count=0,
    )
    session.add(token)
    session.flush()
    return secret, _row(token, user.name)


def tokens(session: Session) -> list[dict]:
    """Every token, revoked ones included (never a hash), oldest first."""
    stmt = select(ApiToken, User.name).join(User, User.id == ApiToken.user_id).order_by(ApiToken.id)
    return [_row(token, user_name) for token, user_name in session.execute(stmt)]


def revoke(session: Session, name_or_id: str, by: str, at: datetime) -> dict:
    """Revoke the live token with this name, or the token with this id; refused at its next request."""
    where = ApiToken.id == int(name_or_id) if name_or_id.isdigit() else ApiToken.name == name_or_id
    stmt = select(ApiToken, User.name).join(User, User.id == ApiToken.user_id).where(where)
    found = session.execute(stmt.where(ApiToken.revoked_at.is_(None))).first()
    if found is None:
        raise UnknownToken(
            f"没有有效的令牌 {name_or_id!r}:`python -m etl tokens list` 列出令牌的名称和编号 / "
            f"no live token {name_or_id!r}; `python -m etl tokens list` shows names and ids"
        )
    token, user_name = found
    token.revoked_at, token.revoked_by = at, by
    session.flush()
    return _row(token, user_name)


def use_token(session: Session, secret: str, at: datetime, per_minute: int) -> TokenUse:
    """Check a token for one request and count it (last use, rate window); call inside a transaction."""
    stmt = (
        select(ApiToken.id, ApiToken.revoked_at, User.id, User.name, User.role, User.active)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == digest(secret))
    )
    found = session.execute(stmt).first()
    if found is None:
        return TokenUse(None, "unknown")
    token_id, revoked_at, user_id, user_name, role, active = found
    if revoked_at is not None:
        return TokenUse(None, "revoked", token_id=token_id)
    if not active:
        return TokenUse(None, "disabled", token_id=token_id)
    count, started = _count(session, token_id, at)
    if count > per_minute:
        return TokenUse(None, "rate", max(1, math.ceil((started + WINDOW - at).total_seconds())), token_id)
    regions = session.scalars(select(UserRegion.region_code).where(UserRegion.user_id == user_id))
    return TokenUse((user_name, role, frozenset(regions)), token_id=token_id)


def _count(session: Session, token_id: int, at: datetime) -> tuple[int, datetime]:
    """Count one request in the token's window, in one statement (concurrent workers queue on the row)."""
    fresh = (ApiToken.window_start.is_(None)) | (ApiToken.window_start <= at - WINDOW)
    stmt = (
        update(ApiToken)
        .where(ApiToken.id == token_id)
        .values(
            window_count=case((fresh, 1), else_=ApiToken.window_count + 1),
            window_start=case((fresh, at), else_=ApiToken.window_start),
            last_used_at=at,
        )
        .returning(ApiToken.window_count, ApiToken.window_start)
    )
    count, started = session.execute(stmt).one()
    return int(count), started
