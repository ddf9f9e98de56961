"""Waiting for what the page draws after, or beside, what a test waited for: AG Grid fills a row's cells after the
message that announces the row, and draws new rowData a moment after the callback that set it (later on a loaded
machine). A wait that times out fails with what the page shows instead."""

from __future__ import annotations

from collections.abc import Callable

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

REDRAWN = (NoSuchElementException, StaleElementReferenceException)  # read again: the grid was drawing


def until(driver, check: Callable, shown: Callable, timeout: float = 10):
    """``check(driver)`` once it is truthy; else an AssertionError saying ``shown(driver)``, what the page shows."""
    try:
        return WebDriverWait(driver, timeout, ignored_exceptions=REDRAWN).until(check)
    except TimeoutException:
        try:
            said = shown(driver)
        except REDRAWN as exc:
            said = f"nothing to read ({type(exc).__name__})"
        raise AssertionError(f"after {timeout} s: {said}") from None
