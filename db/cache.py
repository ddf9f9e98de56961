"""Caching of aggregate results, safe with any number of worker processes.

Each process keeps a bounded LRU; every key holds the database's *data version* (``data_state.version``, raised
by database triggers on every insert, update or delete of a batch: migration 0004_scale), read once per
transaction. An import, a rebuild, a revert or a region load is a batch, so every worker sees a new version on its
next request and never serves a stale result; nothing has to be told to invalidate, whichever process or program
wrote. Old entries simply age out of the LRU.

Example::

    @cached
    def subtree_totals(session, code, indicator): ...
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DataState
from db.visibility import view_key  # pending batches a session counts are part of every key

_lock = threading.Lock()
_store: OrderedDict = OrderedDict()
_config = {"size": 1024}
stats = {"hits": 0, "misses": 0}


def configure(size: int) -> None:
    """Set the number of entries kept per process; 0 turns caching off (the benchmark's cold runs)."""
    with _lock:
        _config["size"] = max(0, int(size))
        _store.clear()


def clear() -> None:
    with _lock:
        _store.clear()


def per_transaction(session: Session, key, compute):
    """``compute()`` once per transaction of ``session`` (a request): repeated reads within it cost nothing.

    Example: ``per_transaction(s, ("region", code), lambda: load(code))``
    """
    memo = session.info.get("per_transaction")
    transaction = session.get_transaction()
    if memo is None or transaction is None or memo[0] is not transaction:
        value = compute()
        memo = session.info["per_transaction"] = (session.get_transaction(), {})
        memo[1][key] = value
        return value
    if key not in memo[1]:
        memo[1][key] = compute()
    return memo[1][key]


def data_version(session: Session) -> int:
    """The data version, read once per transaction: one consistent key per request. Example: ``data_version(s)``"""
    return per_transaction(
        session,
        "data_version",
        lambda: int(session.execute(select(DataState.version).where(DataState.id == 1)).scalar_one()),
    )


def forget_version(session: Session) -> None:
    """Drop what the session remembers for this transaction (after it wrote, so its next read sees its write)."""
    session.info.pop("per_transaction", None)


def _copy(value):
    if isinstance(value, list):
        return [dict(v) if isinstance(v, dict) else v for v in value]
    return value


def cached(fn):
    """Memoise ``fn(session, *args)`` per (database, data version, arguments)."""

    @functools.wraps(fn)
    def wrapper(session: Session, *args, **kwargs):
        if _config["size"] == 0:
            return fn(session, *args, **kwargs)
        url = session.get_bind().url.render_as_string(hide_password=True)
        key = (url, data_version(session), view_key(session), fn.__qualname__, args, tuple(sorted(kwargs.items())))
        with _lock:
            if key in _store:
                _store.move_to_end(key)
                stats["hits"] += 1
                return _copy(_store[key])
        value = fn(session, *args, **kwargs)
        with _lock:
            stats["misses"] += 1
            _store[key] = value
            while len(_store) > _config["size"]:
                _store.popitem(last=False)
        return _copy(value)

    wrapper.uncached = fn
    return wrapper
