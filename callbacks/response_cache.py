"""Cached answers for read-only callbacks, keyed by the database's data version: safe with any number of workers.

A Dash callback is a POST to ``/_dash-update-component``; for the callbacks listed (the page router), the answer
is kept per (data version, request body, cookies) in a bounded per-process LRU. The version is the page's scope
(db/cache.py ``request_scope``): a region page's province version and the catalogue, the global version for the
overview, national and map pages. An import, edit or revert raises the versions of the provinces it touches and
the global one, so no worker ever serves a page older than the newest committed batch, while other provinces'
pages stay cached; cookies are part of the key, so one user's page is never served to another. Each answer says
``X-Callback-Cache: hit`` or ``miss``; ``server.extensions["callback_cache"]`` counts them.

Example: ``install(app.server, engine, {"..page-content.children...lang-toggle.href...lang-toggle.children.."})``
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict

from flask import Response, g, request

from db.cache import request_scope

MAX_ENTRY = 4 * 1024 * 1024


class _Store:
    def __init__(self, budget: int):
        self.budget, self.used = budget, 0
        self.items: OrderedDict[tuple, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key: tuple, value: bytes) -> None:
        with self.lock:
            if key in self.items:
                return
            self.items[key] = value
            self.used += len(value)
            while self.used > self.budget and self.items:
                _, old = self.items.popitem(last=False)
                self.used -= len(old)


def install(
    server, engine, outputs: set[str], budget_mb: int = 64, cacheable=lambda body: True, region=lambda body: None
) -> None:
    """Serve repeated calls of these callbacks (by their output key) from memory when ``cacheable(request body)``,
    under the version of ``region(request body)`` (None: every region); ``budget_mb`` 0 turns it off."""
    if budget_mb <= 0:
        return
    store = _Store(budget_mb * 1024 * 1024)
    stats = server.extensions["callback_cache"] = {"hits": 0, "misses": 0}

    @server.before_request
    def _serve_cached():
        if request.method != "POST" or not request.path.endswith("/_dash-update-component"):
            return None
        body = request.get_data(cache=True)
        try:
            payload = json.loads(body)
        except ValueError:
            return None
        if payload.get("output") not in outputs or not cacheable(payload):
            return None
        version = request_scope(engine, region(payload))
        key = (version, hashlib.sha256(body + request.headers.get("Cookie", "").encode()).digest())
        cached = store.get(key)
        if cached is not None:
            stats["hits"] += 1
            return Response(cached, mimetype="application/json", headers={"X-Callback-Cache": "hit"})
        stats["misses"] += 1
        g.callback_cache_key = key
        return None

    @server.after_request
    def _remember(response):
        key = g.pop("callback_cache_key", None)
        if key is not None and response.status_code == 200 and not response.direct_passthrough:
            response.headers["X-Callback-Cache"] = "miss"
            data = response.get_data()
            if len(data) <= MAX_ENTRY:
                store.put(key, data)
        return response
