"""Login throttling, kept in the database so that every worker process sees the same counts.

An account is locked for ``WINDOW`` after ``MAX_PER_USER`` failures in a row within ``WINDOW``; an address is
refused after ``MAX_PER_ADDRESS`` failures within ``WINDOW`` (guessing many accounts from one place). While
refused, the password is not even checked, so guessing on makes no progress. Unknown names count like real
ones, so the answer never tells whether an account exists.

Checking and counting are one step (``reserve``): the attempt holds the account's and the address's rows in
``login_throttle`` while it counts and records itself as a failure, so that twenty attempts sent at once queue
there and at most the limit go on to the (64 MiB) password check. A password that matches turns its record into a
success (``succeeded``).

Example::

    with transaction(sessions) as s:
        held = reserve(s, "li", "10.0.0.5", now())
    if not held.verdict.allowed: ...  # answer 429 with Retry-After: held.verdict.retry_after seconds
    ...                               # check the password, then on success:
    with transaction(sessions) as s:
        succeeded(s, held.attempt_id)
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


@dataclass(frozen=True)
class Reservation:
    verdict: Verdict
    attempt_id: int | None = None  # the attempt, recorded as a failure until its password matches


def reserve(session, user_name: str, address: str, at: datetime) -> Reservation:
    """Check and count in one step: run it in a transaction of its own, committed before the password check."""
    accounts.hold_throttle(session, [f"user:{user_name}", f"address:{address}"], at)
    verdict = check(session, user_name, address, at)
    if not verdict.allowed:
        return Reservation(verdict)
    return Reservation(verdict, accounts.record_attempt(session, user_name, address, False, at))


def succeeded(session, attempt_id: int) -> None:
    accounts.mark_attempt_succeeded(session, attempt_id)


def record(session, user_name: str, address: str, ok: bool, at: datetime) -> None:
    accounts.record_attempt(session, user_name, address, ok, at)
