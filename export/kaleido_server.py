"""One kaleido (headless Chromium) server per process, started on first use.

Starting Chromium takes seconds; once running, each image takes a fraction of a second. kaleido's sync server
answers callers in the order they asked through one shared queue, so concurrent callers (Flask threads) must
take turns: ``render`` holds a lock around each call.
"""

from __future__ import annotations

import os
import shutil
import threading

import kaleido

_lock = threading.Lock()


class BrowserMissing(RuntimeError):
    """No Chromium to render images with."""


DEBIAN_CHROMIUM = "/usr/bin/chromium"


def browser_path() -> str | None:
    """The browser kaleido drives: ``BROWSER_PATH`` if set, else Debian's chromium if installed.

    Example: ``browser_path() == "/usr/bin/chromium"`` on a Debian machine with the package.
    """
    return (
        os.environ.get("BROWSER_PATH")
        or shutil.which("chromium")
        or (DEBIAN_CHROMIUM if os.path.exists(DEBIAN_CHROMIUM) else None)
    )


def ensure_started() -> None:
    """Start the process-wide server once; later calls return at once. MathJax is off (it would need a CDN)."""
    with _lock:
        _start_locked()


def _start_locked() -> None:
    if kaleido._global_server.is_running():  # noqa: SLF001 - kaleido offers no public "is running" check
        return
    path = browser_path()
    if path is None:
        raise BrowserMissing(
            "no Chromium found for image export: install Debian's chromium (scripts/setup.sh) "
            "or set BROWSER_PATH to a Chrome/Chromium executable"
        )
    kaleido.start_sync_server(mathjax=False, silence_warnings=True, path=path)


def render(figure: dict, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
    """Render a figure dict to image bytes (png, svg or pdf) on the shared server.

    Example: ``render(fig.to_dict(), "png", 1000, 600, scale=2)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"``
    """
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    with _lock:
        _start_locked()
        return kaleido.calc_fig_sync(figure, opts=opts)
