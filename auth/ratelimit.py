"""Login throttling, kept in the database so that every worker process sees the same counts.

An account is locked for ``WINDOW`` after ``MAX_PER_USER`` failures in a row within ``WINDOW``; an address is
refused after ``MAX_PER_ADDRESS`` failures within ``WINDOW`` (guessing many accounts from one place). While
refused, the password is not even checked, so guessing on makes no progress. Unknown names count like real
ones, so the answer never tells whether an account exists.

Example::

    verdict = check(session, "li", "10.0.0.5", now())
    if not verdict.allowed: ...  # answer 429 with Retry-After: verdict.retry_after seconds
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from db import accounts

WINDOW = timedelta(minutes=15)
MAX_PER_USER = 5
MAX_PER_ADDRESS = 20


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds
    reason: str = ""  # "account" | "address"


def check(
    session,
    user_name: str,
    address: str,
    at: datetime,
    window: timedelta = WINDOW,
    max_per_user: int = MAX_PER_USER,
    max_per_address: int = MAX_PER_ADDRESS,
) -> Verdict:
    """Is a login attempt for ``user_name`` from ``address`` allowed at ``at``?"""
    since = at - window
    for reason, failures, limit in (
        ("account", accounts.recent_failures(session, since, user_name=user_name), max_per_user),
        ("address", accounts.recent_failures(session, since, address=address), max_per_address),
    ):
        if len(failures) >= limit:
            # the lock lasts until the failure that reached the limit leaves the window
            release = failures[-limit] + window
            return Verdict(False, max(1, math.ceil((release - at).total_seconds())), reason)
    return Verdict(True)


def record(session, user_name: str, address: str, succeeded: bool, at: datetime) -> None:
    accounts.record_attempt(session, user_name, address, succeeded, at)
