"""The region tree as plain data: descendants, and which regions hold a plan of their own.

Example: ``plan_regions(regions, {"621100", "621122"}) == ["621100"]``: 陇西's named target belongs to
定西's plan, so only 定西 is a plan region.
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter

_CODE = itemgetter("code")


def children_of(regions: list[dict]) -> dict[str, list[str]]:
    """parent code -> child codes, sorted."""
    out: dict[str, list[str]] = defaultdict(list)
    for r in sorted(regions, key=_CODE):
        if r.get("parent_code"):
            out[r["parent_code"]].append(r["code"])
    return out


def descendants(regions: list[dict], code: str, children: dict[str, list[str]] | None = None) -> list[str]:
    """All codes below ``code`` (not itself), breadth first."""
    children = children if children is not None else children_of(regions)
    out, frontier = [], [code]
    while frontier:
        frontier = [c for parent in frontier for c in children.get(parent, [])]
        out.extend(frontier)
    return out


def plan_regions(regions: list[dict], target_codes: set[str]) -> list[str]:
    """Regions holding targets whose ancestors hold none: the plans a leader compares."""
    parent = {r["code"]: r.get("parent_code") for r in regions}

    def has_planning_ancestor(code: str) -> bool:
        up = parent.get(code)
        while up:
            if up in target_codes:
                return True
            up = parent.get(up)
        return False

    return sorted(c for c in target_codes if not has_planning_ancestor(c))
