"""Documents waiting between review and commit, kept on disk per account (never in the browser, never shared).

A file is stored under its owner's account id and its sha256: the page keeps only the sha256, and a worker
(any process) reads the bytes back only for the account that uploaded them. A file not written for ``HELD_DAYS``
days is expired: never read back, and deleted the next time anything is held or listed.

Example::

    sha = hold("7", data)            # account 7's upload
    hold_read("7", sha) == data      # True
    hold_read("8", sha)              # None: another account never reads it
    hold_json("7", sha, {"rows": [...]}); read_json("7", sha)   # the proposal made from it, beside it
    write_progress("7", "t1", 3, 12); read_progress("7")["done"]  # 3: pages of a PDF read so far
    held_jsons("7")                  # [(sha, saved_at)]: what account 7 holds, the last saved first
    forget("7", sha)                 # gone: the file and what was kept beside it
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import time
from pathlib import Path

HELD_DAYS = 7  # a review in progress is kept this long after it was last saved (a plan reviewed over days)
MAX_AGE_SECONDS = HELD_DAYS * 24 * 3600
_OWNER = re.compile(r"[0-9A-Za-z_-]{1,64}")
_SHA = re.compile(r"[0-9a-f]{64}")


def held_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "fupin-dashboard-documents"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _owner_dir(owner: str, directory: Path | None, create: bool) -> Path | None:
    if not isinstance(owner, str) or not _OWNER.fullmatch(owner):
        return None
    path = (directory or held_dir()) / owner
    if create:
        path.mkdir(mode=0o700, exist_ok=True)
    return path


def hold(owner: str, data: bytes, directory: Path | None = None) -> str:
    """Keep ``data`` for account ``owner``; returns its sha256 (the only thing the page keeps)."""
    path = _owner_dir(owner, directory, create=True)
    if path is None:
        raise ValueError(f"not an account id: {owner!r}")
    sha = hashlib.sha256(data).hexdigest()
    target = path / sha
    partial = path / f".{sha}.part"
    partial.write_bytes(data)
    partial.chmod(0o600)
    partial.replace(target)  # another worker never reads half a file
    forget_expired(directory or held_dir())
    return sha


def hold_read(owner: str, sha: str, directory: Path | None = None) -> bytes | None:
    """The bytes ``owner`` held under ``sha``; None if unknown, expired, another account's or not a sha256."""
    path = _owner_dir(owner, directory, create=False)
    if path is None or not isinstance(sha, str) or not _SHA.fullmatch(sha):
        return None
    file = path / sha
    return file.read_bytes() if file.is_file() and not _expired(file) else None


def hold_json(owner: str, sha: str, obj, directory: Path | None = None) -> None:
    """Keep a JSON-able ``obj`` beside the held file ``sha`` (e.g. the proposal made from it)."""
    path = _owner_dir(owner, directory, create=True)
    if path is None or not _SHA.fullmatch(sha or ""):
        raise ValueError("not an account id or a sha256")
    partial = path / f".{sha}.json.part"
    partial.write_text(json.dumps(obj, ensure_ascii=False, default=str), encoding="utf-8")
    partial.chmod(0o600)
    partial.replace(path / f"{sha}.json")
    forget_expired(directory or held_dir())


def read_json(owner: str, sha: str, directory: Path | None = None):
    """What ``hold_json`` kept for ``owner`` beside ``sha``, or None (nothing, or expired)."""
    path = _owner_dir(owner, directory, create=False)
    if path is None or not isinstance(sha, str) or not _SHA.fullmatch(sha):
        return None
    file = path / f"{sha}.json"
    if not file.is_file() or _expired(file):
        return None
    return json.loads(file.read_text(encoding="utf-8"))


def held_jsons(owner: str, directory: Path | None = None) -> list[tuple[str, float]]:
    """``(sha, saved_at)`` of what ``hold_json`` keeps for ``owner`` and has not expired, the last saved first;
    expired files are deleted first. Only ``owner``'s folder is read."""
    root = directory or held_dir()
    forget_expired(root)
    path = _owner_dir(owner, root, create=False)
    if path is None or not path.is_dir():
        return []
    found = [(f.name.removesuffix(".json"), f.stat().st_mtime) for f in path.glob("*.json")]
    return sorted(((sha, at) for sha, at in found if _SHA.fullmatch(sha)), key=lambda item: -item[1])


def expires_at(saved_at: float) -> float:
    """When a file saved at ``saved_at`` (seconds since the epoch) expires."""
    return saved_at + MAX_AGE_SECONDS


def forget(owner: str, sha: str, directory: Path | None = None) -> bool:
    """Delete what ``owner`` holds under ``sha`` (the file and the JSON beside it); whether anything was there."""
    path = _owner_dir(owner, directory, create=False)
    if path is None or not isinstance(sha, str) or not _SHA.fullmatch(sha):
        return False
    there = [file for file in (path / sha, path / f"{sha}.json") if file.is_file()]
    for file in there:
        file.unlink(missing_ok=True)
    return bool(there)


def write_progress(
    owner: str, token: str, done: int, total: int, finished: bool = False, directory: Path | None = None
) -> None:
    """Note how far the reading of ``owner``'s document ``token`` is (pages done of total, or finished); any
    worker can read it back."""
    path = _owner_dir(owner, directory, create=True)
    if path is None:
        raise ValueError(f"not an account id: {owner!r}")
    partial = path / ".progress.part"
    state = {"token": str(token), "done": int(done), "total": int(total), "finished": bool(finished)}
    partial.write_text(json.dumps(state), encoding="utf-8")
    partial.replace(path / "progress.json")


def read_progress(owner: str, directory: Path | None = None) -> dict | None:
    """``{"token", "done", "total", "finished"}`` of ``owner``'s document being read, or None."""
    path = _owner_dir(owner, directory, create=False)
    file = path / "progress.json" if path is not None else None
    if file is None or not file.is_file():
        return None
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except ValueError:
        return None


def _expired(file: Path, now: float | None = None) -> bool:
    return file.stat().st_mtime < (now or time.time()) - MAX_AGE_SECONDS


def forget_expired(root: Path | None = None, now: float | None = None) -> None:
    """Delete every held file of every account not written for ``HELD_DAYS`` days."""
    for owner in (root or held_dir()).iterdir():
        for old in owner.iterdir() if owner.is_dir() else ():
            try:
                if _expired(old, now):
                    old.unlink(missing_ok=True)
            except FileNotFoundError:
                continue  # another worker deleted it first
