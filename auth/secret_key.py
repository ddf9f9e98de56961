"""The key that signs session cookies and CSRF tokens: never a default shipped in code.

Precedence: an explicit argument > ``SECRET_KEY`` > a random key generated once into ``data/secret_key``
(git-ignored, mode 0600), so that ``scripts/run`` works on a fresh machine without a shared key. Several hosts
behind one address must share ``SECRET_KEY``.

Example: ``resolve(None, Path("data/secret_key"))`` reads or creates the file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

MIN_LENGTH = 32
KNOWN_WEAK = {"dev", "development", "secret", "changeme", "change-me", "please-change", "test", "key"}


class InsecureSecretKey(RuntimeError):
    """Refuse to start: the configured key is one an attacker could guess."""


def resolve(configured: str | None, path: Path) -> str:
    if configured:
        if len(configured) < MIN_LENGTH or configured.lower() in KNOWN_WEAK:
            raise InsecureSecretKey(
                f"SECRET_KEY is too weak: use at least {MIN_LENGTH} random characters, e.g. "
                "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`, or unset it to use data/secret_key"
            )
        return configured
    return _from_file(path)


def _from_file(path: Path) -> str:
    if path.exists():
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= MIN_LENGTH:
            return key
        path.unlink()  # empty or truncated: replace it
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        # created 0600 from the start, and only once: a second worker starting at the same time reads this one
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key
