"""Logged-in sessions, kept in the database so that logout ends a session on every worker and host.

The cookie (signed with SECRET_KEY) carries a random token; the table keeps only its SHA-256, so a copy of the
table opens no session. Example::

    token = open_session(s, user_id=3, address="10.0.0.5", at=now(), lifetime=timedelta(hours=8))
    session_alive(s, token, 3, now())   # True until end_session(s, token), expiry, a password change or disabling
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import LoginSession


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(session: Session, user_id: int, address: str, at: datetime, lifetime: timedelta) -> str:
    """A new session for ``user_id``; returns the token for the cookie. Expired sessions are cleared on the way."""
    session.execute(delete(LoginSession).where(LoginSession.expires_at <= at))
    token = secrets.token_urlsafe(32)
    session.add(
        LoginSession(id=_key(token), user_id=user_id, created_at=at, expires_at=at + lifetime, address=address[:64])
    )
    session.flush()
    return token


def session_alive(session: Session, token: str, user_id: int, at: datetime) -> bool:
    """Is ``token`` an open, unexpired session of ``user_id``? One primary-key lookup."""
    row = session.execute(
        select(LoginSession.user_id, LoginSession.expires_at).where(LoginSession.id == _key(token))
    ).first()
    return row is not None and row.user_id == user_id and row.expires_at > at


def end_session(session: Session, token: str) -> None:
    session.execute(delete(LoginSession).where(LoginSession.id == _key(token)))
