"""Hostile requests against a real gunicorn worker: how long each keeps the worker busy (target: at most 2 s).

    python -m bench.hostile [--database-url URL] [--json FILE]

Issue 16's attacker needed no account (PUBLIC_READ=1, as in the quick start): a page callback whose
``url.search`` held a million parameters took 14.6 s. Each request below is at most the upload size limit (the
largest body the server accepts); uploads and exports are out of scope. For each: status, bytes sent, seconds
until the answer, and whether the worker still answers. The database is built from data/sources/ into a
temporary folder (or given); traffic goes only to 127.0.0.1 on a free port. Exits 1 when any request takes more
than 2 s, answers 5xx or leaves the worker unresponsive.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from auth.limits import MAX_FIELD_BYTES
from auth.setup import max_request_bytes
from bench.common import SECRET, wait_http
from bench.load import page_payload
from etl.filesafety import DEFAULT_LIMITS
from harness.servers import free_port
from settings import ROOT

TARGET_S = 2.0
LIMIT = max_request_bytes(DEFAULT_LIMITS.max_bytes) - 1024  # just under what the server accepts at all
DEPENDENCIES: list[dict] = []  # the served app's /_dash-dependencies, read once it answers


def _page(search="", pathname="/region/621100") -> dict:
    """The router callback's request body (built from the app's own dependencies) with ``search``."""
    body = json.loads(page_payload(DEPENDENCIES, pathname))
    for item in body["inputs"]:
        if item["property"] == "search":
            item["value"] = search
    return body


def _forge(trigger: str, value) -> dict:
    """The body of the callback that ``trigger`` ("id.prop") feeds, with ``value`` there and None elsewhere."""
    spec = next(d for d in DEPENDENCIES if any(f"{i['id']}.{i['property']}" == trigger for i in d["inputs"]))

    def fill(items):
        return [{**i, "value": value if f"{i['id']}.{i['property']}" == trigger else None} for i in items]

    keys = spec["output"].strip(".").split("...")
    outputs = [dict(zip(("id", "property"), k.rsplit(".", 1), strict=True)) for k in keys]
    return {
        "output": spec["output"],
        "outputs": outputs if spec["output"].startswith("..") else outputs[0],
        "inputs": fill(spec["inputs"]),
        "state": fill(spec.get("state", [])),
        "changedPropIds": [trigger],
    }


def _json(payload) -> bytes:
    return json.dumps(payload).encode()


def _filling(unit: str, around: tuple[str, str] = ("", "")) -> str:
    return unit * ((LIMIT - 400 - len(around[0]) - len(around[1])) // len(unit))


def cases() -> dict[str, tuple[str, str, bytes, dict]]:
    """Name -> (method, path, body, headers): each hostile request at its most expensive within the limits."""
    js = {"Content-Type": "application/json"}
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    callback = "/_dash-update-component"
    return {
        "search, 1,000,000 parameters": ("POST", callback, _json(_page("?" + "&".join(["a=1"] * 1_000_000))), js),
        "search, 2,000,000 parameters": ("POST", callback, _json(_page("?" + "&".join(["a=1"] * 2_000_000))), js),
        "search filling the limit": ("POST", callback, _json(_page("?" + _filling("a=1&"))), js),
        "search of 4,000 chars, 1,000 params (allowed)": ("POST", callback, _json(_page("?" + "a=1&" * 1000)), js),
        "100,000 open brackets": ("POST", callback, b"[" * 100_000, js),
        "open brackets filling the limit": ("POST", callback, b"[" * LIMIT, js),
        "nesting 900 deep (parses)": ("POST", callback, b"[" * 900 + b"]" * 900, js),
        "values filling the limit": ("POST", callback, b"[" + b"0," * (LIMIT // 2 - 2) + b"0]", js),
        "100,000 values in a dropdown (allowed count)": (
            "POST",
            callback,
            _json(_forge("indicator-select.value", [0] * 99_000)),
            js,
        ),
        "a text prop of 128 KB + 1": (
            "POST",
            callback,
            _json(_forge("upload-note.value", "x" * (MAX_FIELD_BYTES + 1))),
            js,
        ),
        "a text prop filling the limit": (
            "POST",
            callback,
            _json(_forge("upload-note.value", _filling("x"))),
            js,
        ),
        "escaped text filling the limit": (
            "POST",
            callback,
            _json(_forge("upload-note.value", "备" * (LIMIT // 7))),
            js,
        ),
        "a page padded with spaces to the limit": ("POST", callback, _json(_page()) + b" " * (LIMIT - 2000), js),
        "a number of 4,300 digits": ("POST", callback, b'{"output": ' + b"9" * 4300 + b"}", js),
        "login, each field 128 KB + 1": (
            "POST",
            "/login",
            ("username=" + "x" * (MAX_FIELD_BYTES + 1) + "&password=" + "x" * (MAX_FIELD_BYTES + 1)).encode(),
            form,
        ),
        "login, a password of 120 KB (allowed)": (
            "POST",
            "/login",
            ("username=li&csrf_token=x&password=" + "x" * 120_000).encode(),
            form,
        ),
        "a page with a 4,000-char query": ("GET", "/region/621100?indicator=" + "x" * 3980, b"", {}),
    }


def _start(url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "PUBLIC_READ": "1", "SECRET_KEY": SECRET, "SECURE_COOKIES": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "1", "--timeout", "120", "-b", f"127.0.0.1:{port}", "app:server()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_http(f"http://127.0.0.1:{port}/login", time.perf_counter() + 120)
    return proc


def run(url: str) -> list[dict]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _start(url, port)
    results = []
    try:
        DEPENDENCIES[:] = requests.get(f"{base}/_dash-dependencies", timeout=30).json()
        for name, (method, path, body, headers) in cases().items():
            started = time.perf_counter()
            response = requests.request(method, base + path, data=body or None, headers=headers, timeout=120)
            seconds = time.perf_counter() - started
            alive = requests.get(f"{base}/login", timeout=10).status_code == 200
            results.append(
                {
                    "case": name,
                    "bytes": len(body) + len(path),
                    "status": response.status_code,
                    "s": round(seconds, 3),
                    "alive": alive,
                }
            )
            print(
                f"{name:<48}{len(body) + len(path):>12,} B  {response.status_code}  {seconds:7.3f} s"
                f"{'' if alive else '  WORKER DOWN'}",
                flush=True,
            )
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an existing database (default: build one from data/sources/)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        url = args.database_url
        if not url:
            from db.session import make_engine
            from etl.build import build

            url = f"sqlite:///{Path(tmp) / 'hostile.db'}"
            engine = make_engine(url)
            build(engine, progress=lambda _m: None)
            engine.dispose()
        print(f"upload size limit: requests up to {LIMIT:,} bytes; target: at most {TARGET_S} s each")
        results = run(url)
    worst = max(results, key=lambda r: r["s"])
    failed = [r for r in results if r["s"] > TARGET_S or r["status"] >= 500 or not r["alive"]]
    verdict = "all within target" if not failed else "FAILED: " + ", ".join(r["case"] for r in failed)
    print(f"slowest: {worst['case']} {worst['s']:.3f} s; {verdict}")
    if args.json:
        args.json.write_text(json.dumps({"target_s": TARGET_S, "limit_bytes": LIMIT, "results": results}, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
