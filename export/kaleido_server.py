"""One kaleido (headless Chromium) renderer per process, started on first use.

Starting Chromium takes seconds; once running, each image takes a fraction of a second. Like
``kaleido.start_sync_server(mathjax=False)`` the browser lives on an event loop in a background thread, but
every call waits with a timeout: kaleido's own sync server waits forever when its browser fails to start or
dies, which would hang every later download. After a failure the browser is restarted on the next call.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import signal
import threading
from concurrent.futures import TimeoutError as FutureTimeout

import kaleido

from textsafety import visible_tree

DEBIAN_CHROMIUM = "/usr/bin/chromium"
START_TIMEOUT = 60.0
RENDER_TIMEOUT = 30.0
TABS = 2  # one renders while the other reloads (see _Kaleido)


class _Kaleido(kaleido.Kaleido):
    """Kaleido that hands the image back before reloading the tab it was drawn in.

    Kaleido reloads a tab (plotly.js and all) after every image so the next one starts clean, and makes the
    caller wait for that reload: ~0.1 s of every image. Here the reload runs in the background and the
    tab rejoins the queue once reloaded, so every image still starts on a fresh page. A reload that fails
    leaves the tab out of the queue; the next render then times out and the browser is restarted.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._reloads: set[asyncio.Task] = set()

    async def _return_kaleido_tab(self, tab) -> None:
        task = asyncio.get_running_loop().create_task(super()._return_kaleido_tab(tab))
        self._reloads.add(task)
        task.add_done_callback(_forget(self._reloads))


def _forget(tasks: set):
    def done(task: asyncio.Task) -> None:
        tasks.discard(task)
        if not task.cancelled():
            task.exception()  # retrieved, so a failed reload (browser closing) is not logged as unhandled

    return done


class BrowserMissing(RuntimeError):
    """No Chromium to render images with."""


class RenderFailed(RuntimeError):
    """The browser did not start or did not render in time."""


class _Renderer:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.browser: kaleido.Kaleido | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        with self.lock:
            if self.browser is not None and self.thread is not None and self.thread.is_alive():
                return
            if self.browser is not None:  # its loop thread was stopped from outside (e.g. a test server's
                _kill(self.browser)  # thread killer): the browser cannot be reached any more
                self.browser = self.loop = self.thread = None
            path = browser_path()
            if path is None:
                raise BrowserMissing(
                    "no Chromium found for image export: install Debian's chromium (scripts/setup.sh) "
                    "or set BROWSER_PATH to a Chrome/Chromium executable"
                )
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="kaleido", daemon=True)
            thread.start()

            async def open_browser() -> kaleido.Kaleido:
                browser = _Kaleido if hasattr(kaleido.Kaleido, "_return_kaleido_tab") else kaleido.Kaleido
                return await browser(n=TABS, mathjax=False, path=path, timeout=RENDER_TIMEOUT)

            try:
                self.browser = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(START_TIMEOUT)
            except (FutureTimeout, Exception) as exc:
                loop.call_soon_threadsafe(loop.stop)
                raise RenderFailed(f"Chromium ({path}) did not start within {START_TIMEOUT:.0f} s: {exc!r}") from exc
            self.loop, self.thread = loop, thread

    def render(self, figure: dict, opts: dict) -> bytes:
        self.start()
        with self.lock:
            browser, loop = self.browser, self.loop
        if browser is None or loop is None:
            raise RenderFailed("the image browser was stopped while this export started; please retry")
        future = asyncio.run_coroutine_threadsafe(browser.calc_fig(figure, opts=opts), loop)
        try:
            return future.result(RENDER_TIMEOUT + 5)
        except (FutureTimeout, Exception) as exc:
            future.cancel()
            self.stop()
            raise RenderFailed(f"image export failed ({opts['format']}): {exc!r}; the browser will restart") from exc

    def stop(self) -> None:
        with self.lock:
            browser, loop, self.browser, self.loop, self.thread = self.browser, self.loop, None, None, None
        if browser is not None and loop is not None:
            try:
                asyncio.run_coroutine_threadsafe(browser.close(), loop).result(10)
            except Exception:  # noqa: BLE001 - a dead browser cannot be closed politely; stop the loop anyway
                pass
            loop.call_soon_threadsafe(loop.stop)


def _kill(browser) -> None:
    """End an unreachable browser's processes (its own process group, if it has one)."""
    proc = getattr(browser, "subprocess", None)
    if proc is None or proc.poll() is not None:
        return
    try:
        group = os.getpgid(proc.pid)
        if group != os.getpgid(0):
            os.killpg(group, signal.SIGTERM)
        else:
            proc.terminate()
    except ProcessLookupError:
        pass


_renderer = _Renderer()
atexit.register(_renderer.stop)


def browser_path() -> str | None:
    """The browser kaleido drives: ``BROWSER_PATH`` if set, else Debian's chromium if installed.

    Example: ``browser_path() == "/usr/bin/chromium"`` on a Debian machine with the package.
    """
    found = shutil.which("chromium") or (DEBIAN_CHROMIUM if os.path.exists(DEBIAN_CHROMIUM) else None)
    return os.environ.get("BROWSER_PATH") or found


def ensure_started() -> None:
    """Start the process-wide browser once (MathJax off: it would need a CDN); later calls return at once."""
    _renderer.start()


def render(figure: dict, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
    """Render a figure dict to image bytes (png, svg or pdf); concurrent callers share the one browser.

    Example: ``render(fig.to_dict(), "png", 1000, 600, scale=2)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"``
    """
    # the last guard: a value stored before imports refused control characters is drawn as a visible escape
    # (raw, XML refuses it in an SVG and PDF text would carry it)
    return _renderer.render(visible_tree(figure), {"format": fmt, "width": width, "height": height, "scale": scale})
