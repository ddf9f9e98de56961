"""Uploaded files waiting between preview and confirm, kept on disk by their sha256 (never in the browser).

Example::

    token = save_pending(data)        # the file's sha256
    data = load_pending(token)
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

MAX_AGE_SECONDS = 24 * 3600


def pending_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "fupin-dashboard-pending"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def save_pending(data: bytes, directory: Path | None = None) -> str:
    import hashlib

    directory = directory or pending_dir()
    token = hashlib.sha256(data).hexdigest()
    (directory / token).write_bytes(data)
    cutoff = time.time() - MAX_AGE_SECONDS
    for old in directory.iterdir():
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    return token


def load_pending(token: str, directory: Path | None = None) -> bytes | None:
    """The bytes saved under ``token``, or None (unknown, expired, or not a token at all)."""
    if not isinstance(token, str) or not re.fullmatch(r"[0-9a-f]{64}", token):
        return None
    path = (directory or pending_dir()) / token
    return path.read_bytes() if path.exists() else None
