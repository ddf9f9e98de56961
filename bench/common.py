"""Small helpers every benchmark shares: a throw-away session key, percentiles, waiting for a server."""

from __future__ import annotations

import secrets
import time
import urllib.request

SECRET = secrets.token_urlsafe(48)  # a throw-away session key: nothing is written to data/secret_key


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile: ``pct([1, 2, 3, 4], 0.5) == 2``."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(q * len(ordered) + 0.5)) - 1))]


def wait_http(url: str, deadline: float) -> None:
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"no answer from {url}")
