"""Where to go after login: only a path on this site, read the way a browser will read it.

Browsers drop ASCII tab, CR and LF anywhere in a URL, trim spaces and control characters at its ends and treat
``\\`` like ``/``, so ``/\\t/evil.example`` becomes ``//evil.example`` (another site). Rather than guess what each
browser repairs, any such character refuses the target; what is left must stay on this site after joining.

Example::

    safe_next("/region/621100?lang=en")     # "/region/621100?lang=en"
    safe_next("/\\t/evil.example/phish")    # "": the browser would go to //evil.example/phish
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urljoin, urlsplit

MAX_LENGTH = 2048
_BASE = "https://this-site.invalid/"
# control (Cc), format (Cf: zero-width, bidi), separators (Zs, Zl, Zp): none belongs in a path we send back
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def safe_next(target: str | None) -> str:
    """``target`` if it is a path on this site, else ``""`` (the caller goes to ``/``)."""
    if not target or len(target) > MAX_LENGTH or not target.startswith("/") or target.startswith("//"):
        return ""
    if "\\" in target or any(unicodedata.category(ch) in _REFUSED_CATEGORIES for ch in target):
        return ""
    joined = urlsplit(urljoin(_BASE, target))
    if (joined.scheme, joined.netloc) != ("https", "this-site.invalid"):
        return ""
    return target
