"""View state in the URL query string: ?lang=en&indicator=poor_population_reduced."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode


def parse(search: str | None) -> dict[str, str]:
    """``parse("?lang=en&indicator=x") == {"lang": "en", "indicator": "x"}``"""
    return {k: v[-1] for k, v in parse_qs((search or "").lstrip("?")).items()}


def lang_of(state: dict[str, str]) -> str:
    return "en" if state.get("lang") == "en" else "zh"


def with_changes(search: str | None, **changes) -> str:
    state = parse(search)
    state.update({k: v for k, v in changes.items() if v is not None})
    return "?" + urlencode(state)
