"""View state in the URL query string: ?lang=en&indicator=poor_population_reduced&from=2016&to=2020&plan=revised
(and the overview's ?region=520000: only that region and the regions below it).

A copied link reopens the same view; each change pushes a history entry, so the back button works.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

PLANS = ("original", "revised")
# A view needs a few short values: a longer query is not read at all (the server refuses it, auth/limits.py), and
# only the first MAX_PARAMS parameters are, so no URL can make parsing cost more than a few microseconds.
MAX_QUERY_CHARS = 4096
MAX_PARAMS = 32
MAX_REGION_CHARS = 12  # an adcode (db.models.Region.code): anything longer is no region


def region_code(text: str | None) -> str:
    """A region code as the URL gives it, or "" (whole country) when it cannot be one: ``region_code(" 520000 ")
    == "520000"``, ``region_code("52'0") == ""``. Whether the region exists is the view's question."""
    code = (text or "").strip()
    return code if code.isascii() and code.isalnum() and len(code) <= MAX_REGION_CHARS else ""


def parse(search: str | None) -> dict[str, str]:
    """``parse("?lang=en&indicator=x") == {"lang": "en", "indicator": "x"}``; an over-long query reads as ``{}``."""
    query = (search or "").lstrip("?")
    if len(query) > MAX_QUERY_CHARS:
        return {}
    first = "&".join(query.split("&", MAX_PARAMS)[:MAX_PARAMS])
    return {k: v[-1] for k, v in parse_qs(first).items()}


def lang_of(state: dict[str, str]) -> str:
    return "en" if state.get("lang") == "en" else "zh"


def with_changes(search: str | None, **changes) -> str:
    """Set (or, with "" / None-free empty strings, drop) query values: ``with_changes("?a=1", a="")  == "?"``."""
    state = parse(search)
    state.update({k: v for k, v in changes.items() if v is not None})
    return "?" + urlencode({k: v for k, v in state.items() if v != ""})


def _year(text: str | None, default: int, bounds: tuple[int, int]) -> int:
    try:
        value = int(text) if text is not None else default
    except ValueError:
        value = default
    return min(max(value, bounds[0]), bounds[1])


def view_state(search: str | None, bounds: tuple[int, int]) -> dict:
    """The whole view state with defaults filled in and bad values repaired.

    Example: ``view_state("?to=2019&plan=x", (2013, 2020)) == {"lang": "zh", "plan": "original",
    "from": 2013, "to": 2019, "indicator": "", "reported": False, "region": ""}``
    """
    state = parse(search)
    lo = _year(state.get("from"), bounds[0], bounds)
    hi = _year(state.get("to"), bounds[1], bounds)
    lo, hi = min(lo, hi), max(lo, hi)
    return {
        "lang": lang_of(state),
        "plan": state.get("plan") if state.get("plan") in PLANS else "original",
        "from": lo,
        "to": hi,
        "indicator": state.get("indicator", ""),
        "reported": state.get("reported") == "1",  # overview: only targets with a reported figure
        "region": region_code(state.get("region")),  # overview: only this region's subtree ("" whole country)
        **({"pending": True} if state.get("pending") == "1" else {}),  # 含待审核, for those allowed (callbacks/review)
    }


def canonical(state: dict, bounds: tuple[int, int]) -> str:
    """The shortest query string for a view: defaults left out, so equal views have equal URLs.

    Example: ``canonical({"lang": "zh", "plan": "original", "from": 2013, "to": 2019, "indicator": ""},
    (2013, 2020)) == "?to=2019"``
    """
    out = {}
    if state.get("lang") == "en":
        out["lang"] = "en"
    if state.get("indicator"):
        out["indicator"] = state["indicator"]
    if state.get("plan") == "revised":
        out["plan"] = "revised"
    if state.get("from") not in (None, bounds[0]):
        out["from"] = str(state["from"])
    if state.get("to") not in (None, bounds[1]):
        out["to"] = str(state["to"])
    if state.get("reported"):
        out["reported"] = "1"
    if state.get("region"):
        out["region"] = state["region"]
    if state.get("pending"):
        out["pending"] = "1"
    return "?" + urlencode(out) if out else ""
