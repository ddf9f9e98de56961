"""Password hashing with Argon2id (argon2-cffi), the memory-hard KDF that OWASP and RFC 9106 recommend first.

Example::

    stored = hash_password("a long passphrase")
    verify_password(stored, "a long passphrase")   # True
"""

from __future__ import annotations

import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 12

# RFC 9106 "second recommended" profile (argon2-cffi's default): 64 MiB, 3 passes, 4 lanes; about 50 ms here.
_HASHER = PasswordHasher()
# Verified against when the user name is unknown, so that a wrong name and a wrong password take the same time.
_DUMMY = _HASHER.hash("not a real password, only for timing")
_checks = {"run": 0}
_checks_lock = threading.Lock()


class WeakPassword(ValueError):
    """The password is refused; the message says what a good one looks like."""


def check_strength(password: str, user_name: str = "") -> None:
    """Refuse short passwords and ones containing the user name (NIST SP 800-63B: length over composition rules)."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"password too short: use at least {MIN_LENGTH} characters (a phrase of a few words)")
    if user_name and user_name.lower() in password.lower():
        raise WeakPassword("the password must not contain the user name")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches; a missing or damaged hash never matches (and costs the same time)."""
    with _checks_lock:
        _checks["run"] += 1
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def checks_run() -> int:
    """How many passwords this process has checked (each costs a 64 MiB hash): what the login throttle bounds."""
    return _checks["run"]


def needs_rehash(stored: str) -> bool:
    """True when the hash was made with weaker parameters than today's: rehash it at the next login."""
    return _HASHER.check_needs_rehash(stored)
