"""Uploaded files waiting between preview and confirm, kept on disk (never in the browser), each owned by the
account that uploaded it.

A file lives under its owner's folder with a random token as its name: the token is not derived from the
content (the sha256 that /history shows opens nothing), and a token opens nothing outside its owner's folder.
Only what a later step needs is kept: a valid upload until it is committed or refused, an invalid one only as
its annotated error copy (``kind="errors"``). Anything older than ``MAX_AGE_SECONDS`` (2 hours) is deleted at
the next save.

Example::

    token = save_pending(data, owner="li")            # random, 64 hex digits
    data = load_pending(token, owner="li")            # None for any other owner
    discard_pending(token, owner="li")                # once committed or refused
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import tempfile
import time
from pathlib import Path

MAX_AGE_SECONDS = 2 * 3600
KINDS = ("upload", "errors")


def pending_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "fupin-dashboard-pending"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _owner_dir(owner: str, directory: Path | None) -> Path:
    # the account name hashed: any name (Chinese, dots, slashes) is a safe, fixed-length folder name
    return (directory or pending_dir()) / hashlib.sha256(str(owner).encode("utf-8")).hexdigest()[:32]


def _path(token, owner: str, kind: str, directory: Path | None) -> Path | None:
    if not owner or kind not in KINDS or not isinstance(token, str) or not re.fullmatch(r"[0-9a-f]{64}", token):
        return None
    return _owner_dir(owner, directory) / f"{token}.{kind}"


def save_pending(data: bytes, owner: str, kind: str = "upload", directory: Path | None = None) -> str:
    """Keep ``data`` for ``owner``; returns a new random token. Expired files of every owner are deleted."""
    if not owner:
        raise ValueError("a pending file needs an owner (the account that uploads it)")
    token = secrets.token_hex(32)
    folder = _owner_dir(owner, directory)
    path = _path(token, owner, kind, directory)
    for attempt in range(2):
        folder.mkdir(mode=0o700, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileNotFoundError:  # another worker's purge removed the empty folder in between
            if attempt:
                raise
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    purge_expired(directory)
    return token


def load_pending(token, owner: str, kind: str = "upload", directory: Path | None = None) -> bytes | None:
    """The bytes ``owner`` saved under ``token``, or None (another owner's, unknown, expired, not a token)."""
    path = _path(token, owner, kind, directory)
    if path is None or not path.is_file() or path.stat().st_mtime < time.time() - MAX_AGE_SECONDS:
        return None
    return path.read_bytes()


def discard_pending(token, owner: str, directory: Path | None = None) -> None:
    """Delete what ``owner`` keeps under ``token`` (the upload and its error copy); unknown tokens are ignored."""
    for kind in KINDS:
        path = _path(token, owner, kind, directory)
        if path is not None:
            path.unlink(missing_ok=True)


def purge_expired(directory: Path | None = None, now: float | None = None) -> None:
    """Delete every pending file older than ``MAX_AGE_SECONDS``, and owner folders left empty."""
    cutoff = (now or time.time()) - MAX_AGE_SECONDS
    root = directory or pending_dir()
    for folder in root.iterdir():
        for old in folder.iterdir() if folder.is_dir() else [folder]:
            try:
                if old.stat().st_mtime < cutoff:
                    old.unlink(missing_ok=True)
            except FileNotFoundError:
                pass  # another worker deleted it first
        if folder.is_dir() and not any(folder.iterdir()):
            try:
                folder.rmdir()
            except OSError:
                pass  # a file arrived meanwhile
