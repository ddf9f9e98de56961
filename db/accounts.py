"""Accounts: users, their regions, login attempts. Functions take a session and return plain dicts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import LoginAttempt, LoginSession, LoginThrottle, Region, User, UserRegion
from db.region_hint import missing_regions_message
from db.writes import now


class AccountError(ValueError):
    """A user command that cannot be carried out; the message says why and what to do."""


class UnknownUser(AccountError):
    pass


class DuplicateUser(AccountError):
    pass


class UnknownRegion(AccountError):
    pass


def _as_dict(session: Session, user: User) -> dict:
    regions = session.scalars(
        select(UserRegion.region_code).where(UserRegion.user_id == user.id).order_by(UserRegion.region_code)
    ).all()
    return {
        "id": user.id,
        "name": user.name,
        "role": user.role,
        "active": user.active,
        "regions": list(regions),
        "password_hash": user.password_hash,
        "created_at": user.created_at,
        "created_by": user.created_by,
        "changed_at": user.changed_at,
        "changed_by": user.changed_by,
        "last_login_at": user.last_login_at,
    }


def user_by_id(session: Session, user_id: int) -> dict | None:
    """``user_by_id(s, 1) == {"id": 1, "name": "admin", "role": "admin", "regions": [], ...}`` or None."""
    user = session.get(User, user_id)
    return _as_dict(session, user) if user else None


def user_by_name(session: Session, name: str) -> dict | None:
    user = session.scalars(select(User).where(User.name == name)).first()
    return _as_dict(session, user) if user else None


def users(session: Session) -> list[dict]:
    return [_as_dict(session, u) for u in session.scalars(select(User).order_by(User.name))]


def active_admin_exists(session: Session) -> bool:
    stmt = select(func.count()).select_from(User).where(User.role == "admin", User.active.is_(True))
    return session.scalar(stmt) > 0


def add_user(session: Session, name: str, password_hash: str, role: str, regions: list[str], by: str) -> dict:
    """Create an account; every region must exist. Example: ``add_user(s, "li", h, "planner", ["621100"], "cli")``."""
    if session.scalars(select(User.id).where(User.name == name)).first() is not None:
        raise DuplicateUser(
            f"用户 {name!r} 已存在:请另选用户名,或用 `users enable` 启用该账户 / "
            f"user {name!r} already exists; choose another name or use `users enable`"
        )
    _check_regions(session, regions)
    user = User(name=name, password_hash=password_hash, role=role, active=True, created_at=now(), created_by=by)
    session.add(user)
    session.flush()
    session.add_all(UserRegion(user_id=user.id, region_code=code) for code in regions)
    session.flush()
    return _as_dict(session, user)


def _check_regions(session: Session, regions: list[str]) -> None:
    known = set(session.scalars(select(Region.code).where(Region.code.in_(regions))))
    missing = [code for code in regions if code not in known]
    if missing:
        raise UnknownRegion(missing_regions_message(missing))


def _get(session: Session, name: str) -> User:
    user = session.scalars(select(User).where(User.name == name)).first()
    if user is None:
        raise UnknownUser(
            f"没有用户 {name!r}:`python -m etl users list` 列出所有账户 / "
            f"no user {name!r}; `python -m etl users list` shows the accounts"
        )
    return user


def set_active(session: Session, name: str, active: bool, by: str) -> dict:
    user = _get(session, name)
    user.active, user.changed_at, user.changed_by = active, now(), by
    if not active:
        session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    session.flush()
    return _as_dict(session, user)


def set_password(session: Session, name: str, password_hash: str, by: str) -> dict:
    user = _get(session, name)
    user.password_hash, user.changed_at, user.changed_by = password_hash, now(), by
    session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    session.flush()
    return _as_dict(session, user)


def set_role(session: Session, name: str, role: str, regions: list[str], by: str) -> dict:
    user = _get(session, name)
    _check_regions(session, regions)
    user.role, user.changed_at, user.changed_by = role, now(), by
    session.execute(delete(UserRegion).where(UserRegion.user_id == user.id))
    session.add_all(UserRegion(user_id=user.id, region_code=code) for code in regions)
    session.flush()
    return _as_dict(session, user)


def mark_login(session: Session, user_id: int, at: datetime) -> None:
    session.get(User, user_id).last_login_at = at


def record_attempt(session: Session, user_name: str, address: str, succeeded: bool, at: datetime) -> int:
    """Keep one login attempt; returns its id."""
    attempt = LoginAttempt(user_name=user_name[:64], address=address[:64], succeeded=succeeded, at=at)
    session.add(attempt)
    session.flush()
    return attempt.id


def mark_attempt_succeeded(session: Session, attempt_id: int) -> None:
    session.execute(update(LoginAttempt).where(LoginAttempt.id == attempt_id).values(succeeded=True))


def hold_throttle(session: Session, keys: list[str], at: datetime) -> None:
    """Hold the throttle rows of ``keys`` until the transaction ends; attempts on the same keys wait here.

    A write, so that it locks on every database: an upsert takes SQLite's write lock and PostgreSQL's row lock
    (``SELECT ... FOR UPDATE`` does nothing on SQLite). Keys are taken in sorted order, so two attempts never
    wait on each other in a circle. Example: ``hold_throttle(s, ["address:10.0.0.5", "user:li"], now())``.
    """
    dialect = session.get_bind().dialect.name
    for key in sorted(set(keys)):
        if dialect in ("sqlite", "postgresql"):
            insert = (sqlite if dialect == "sqlite" else postgresql).insert(LoginThrottle)
            stmt = insert.values(key=key, touched_at=at)
            session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"touched_at": at}))
        else:
            _hold_throttle_portable(session, key, at)


def _hold_throttle_portable(session: Session, key: str, at: datetime) -> None:
    touch = update(LoginThrottle).where(LoginThrottle.key == key).values(touched_at=at)
    if session.execute(touch).rowcount:
        return
    try:
        with session.begin_nested():
            session.add(LoginThrottle(key=key, touched_at=at))
    except IntegrityError:  # another attempt created it first: wait for its lock
        session.execute(touch)


def recent_failures(
    session: Session, since: datetime, user_name: str | None = None, address: str | None = None
) -> list[datetime]:
    """Times of failed attempts after ``since``, oldest first.

    For a user name, only failures after its last success count; for an address all do, so that a caller who
    holds one account cannot reset the count of the address they guess other accounts from.
    """
    column, value = (LoginAttempt.user_name, user_name) if user_name is not None else (LoginAttempt.address, address)
    start = since
    if user_name is not None:
        last_ok = session.scalar(select(func.max(LoginAttempt.at)).where(column == value, LoginAttempt.succeeded))
        start = max(since, last_ok) if last_ok else since
    stmt = (
        select(LoginAttempt.at)
        .where(column == value, LoginAttempt.succeeded.is_(False), LoginAttempt.at > start)
        .order_by(LoginAttempt.at)
    )
    return list(session.scalars(stmt))


def clear_failures(session: Session, user_name: str, at: datetime, address: str = "cli") -> None:
    """Unlock an account: a success recorded by an administrator resets the count (the failures stay on record)."""
    record_attempt(session, user_name, address, True, at)
