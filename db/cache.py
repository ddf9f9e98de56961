"""Caching of aggregate results, safe with any number of worker processes.

Each process keeps a bounded LRU; every key holds the database's *data version* (``data_state.version``, raised
by database triggers on every insert, update or delete of a batch: migration 0004_scale), read once per
transaction. An import, a rebuild, a revert or a region load is a batch, so every worker sees a new version on its
next request and never serves a stale result; nothing has to be told to invalidate, whichever process or program
wrote. Old entries simply age out of the LRU.

A result that depends on one region only is keyed by that region's *scope* instead (``scope_version``: the
catalogue version and the version of the region's province, migration 0010_region_versions), so an import into
定西 leaves 陕西's pages and aggregates cached in every worker while the overview and 定西's pages are recomputed.

Example::

    @cached
    def subtree_totals(session, code, indicator): ...
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

from sqlalchemy import Engine, Integer, bindparam, select, text
from sqlalchemy.orm import Session

from db.models import DataState
from db.session import core_execute
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
    return per_transaction(session, "data_version", lambda: int(core_execute(session, _VERSION).scalar_one()))


_VERSION = select(DataState.version).where(DataState.id == 1)


_PENDING = """SELECT b.id FROM batches b WHERE NOT EXISTS (
         SELECT 1 FROM rolled_batches rb WHERE rb.batch_id = b.id)"""

_SCOPE = text(
    f"""WITH RECURSIVE up(code, parent_code) AS (
         SELECT code, parent_code FROM regions WHERE code = :code
         UNION ALL SELECT r.code, r.parent_code FROM regions r JOIN up ON r.code = up.parent_code)
       SELECT d.version, d.catalogue, top.code, COALESCE(rv.version, 0), pending.id
       FROM data_state d
       LEFT JOIN up top ON top.parent_code IS NULL
       LEFT JOIN region_versions rv ON rv.province_code = top.code
       LEFT JOIN ({_PENDING}) pending ON 1 = 1
       WHERE d.id = 1"""
)

# the same, for a region whose province this process already knows under the catalogue version it reads: no tree
# walk, and a statement PostgreSQL plans in a tenth of the time (1.2 ms for the one above, at every request)
_KNOWN = text(
    f"""SELECT d.version, d.catalogue, CAST(:top AS VARCHAR(12)), COALESCE(rv.version, 0), pending.id
       FROM data_state d
       LEFT JOIN region_versions rv ON rv.province_code = :top
       LEFT JOIN ({_PENDING}) pending ON 1 = 1
       WHERE d.id = 1"""
)

_provinces: dict[tuple, tuple[int, str | None]] = {}  # (engine, code) -> (catalogue version, province code)
_PROVINCES_KEPT = 200_000  # more than the national gazetteer's regions


def _any_figures(run, batch_ids: list[int]) -> bool:
    """Whether any of these batches (not rolled up yet: a few, usually none) has figures, through
    ix_figures_batch_id. The ids are written into the SQL so the plan is made for them: for a join or a bound
    list PostgreSQL assumes every batch holds as many figures as the biggest and scans the whole figures table.
    ``run(statement, params)`` gives the rows.

    Example: ``_any_figures(run, [12, 13])`` -> ``False``
    """
    if not batch_ids:
        return False
    return bool(run(_FIGURES_OF, {"batch_ids": sorted(batch_ids)}))


_FIGURES_OF = text("SELECT 1 FROM figures WHERE batch_id IN :batch_ids LIMIT 1").bindparams(
    bindparam("batch_ids", type_=Integer(), expanding=True, literal_execute=True)
)


def scope_version(session: Session, code: str | None) -> tuple:
    """The version a page or aggregate of region ``code`` depends on, read once per transaction: ``("region",
    catalogue, province, its version)`` when only that region's province matters, else ``("all", version)`` (no
    region: overview, national, map; an unknown code; figures whose batch is not rolled up yet, provinces unknown).
    An import into 定西 leaves 陕西's key alone and changes the overview's.

    Example: ``scope_version(s, "610981")`` -> ``("region", 3, "610000", 7)``
    """
    if code is None:
        return ("all", data_version(session))

    def run(stmt, params):
        return core_execute(session, stmt, params).all()

    return per_transaction(session, ("scope_version", code), lambda: _read_scope(run, session.get_bind(), code))


def request_scope(engine: Engine, code: str | None) -> tuple:
    """``scope_version`` for a request that reads nothing else (a cached page's key): one statement outside any
    transaction, so PostgreSQL is spared a BEGIN and a ROLLBACK round trip. Example: ``request_scope(e, "610981")``
    """
    with _autocommit(engine).connect() as conn:

        def run(stmt, params=None):
            return conn.execute(stmt, params).all()

        if code is None:
            return ("all", int(run(_VERSION)[0][0]))
        return _read_scope(run, engine, code)


@functools.lru_cache(maxsize=8)
def _autocommit(engine: Engine) -> Engine:
    # SQLite's driver starts no transaction for a select anyway, and resetting its isolation level costs more
    return engine if engine.dialect.name == "sqlite" else engine.execution_options(isolation_level="AUTOCOMMIT")


def _read_scope(run, bind, code: str) -> tuple:
    known_key = (bind, code)
    known = _provinces.get(known_key)
    rows = None
    if known is not None:
        rows = run(_KNOWN, {"top": known[1]})
        if int(rows[0][1]) != known[0]:  # regions changed since: walk the tree again
            rows = None
    if rows is None:
        rows = run(_SCOPE, {"code": code})  # one row, or one per batch not rolled up yet
        if len(_provinces) >= _PROVINCES_KEPT:
            _provinces.clear()
        _provinces[known_key] = (int(rows[0][1]), rows[0][2])
    version, catalogue, top, top_version, _ = rows[0]
    if top is None or _any_figures(run, [row[4] for row in rows if row[4] is not None]):
        return ("all", int(version))
    return ("region", int(catalogue), top, int(top_version))


def forget(session: Session, key) -> None:
    """Drop what ``per_transaction`` remembers under ``key``: the transaction has just changed it."""
    memo = session.info.get("per_transaction")
    if memo is not None:
        memo[1].pop(key, None)


def _copy(value):
    if isinstance(value, list):
        return [dict(v) if isinstance(v, dict) else v for v in value]
    return value


def cached(fn=None, *, region: str | None = None):
    """Memoise ``fn(session, *args)`` per (database, data version, arguments). With ``region`` (the name of a
    keyword argument holding a region code) the version is that region's ``scope_version``: an import into
    another province leaves the entry valid; without it (or when the argument is None) every import does.

    Example: ``@cached(region="within")`` on ``summed_values(session, codes, within="610000")``
    """
    if fn is None:
        return functools.partial(cached, region=region)

    @functools.wraps(fn)
    def wrapper(session: Session, *args, **kwargs):
        if _config["size"] == 0:
            return fn(session, *args, **kwargs)
        url = session.get_bind().url.render_as_string(hide_password=True)
        version = scope_version(session, kwargs.get(region)) if region else data_version(session)
        key = (url, version, view_key(session), fn.__qualname__, args, tuple(sorted(kwargs.items())))
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
