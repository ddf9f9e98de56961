"""The region tree at national scale: depth-first numbering and bulk loading of regions.

Each region gets ``dfs_lo``/``dfs_hi`` (depth-first numbering, children in code order) so its subtree is the one
range ``dfs_lo <= n <= dfs_hi``; ``code_hi`` is the largest adcode in the subtree when the subtree's codes form one
run in code order (always so for GB/T 2260, where a child's code starts with its parent's), which lets figures be
aggregated by ``region_code BETWEEN code AND code_hi`` on an index. ``code_hi`` is NULL otherwise, and readers fall
back to a join through ``dfs_lo``. ``subtree``, ``in_subtree`` and ``descendant_codes`` are the readers' side: every
subtree condition in db/ is built here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import and_, bindparam, select, update
from sqlalchemy.orm import Session

from db.cache import per_transaction
from db.models import Figure, Region
from db.session import dict_rows

LEVELS = ("province", "prefecture", "county", "township", "village")


def number_tree(nodes: Sequence[tuple[str, str | None]]) -> dict[str, tuple[int, int, str | None]]:
    """(code, parent_code) pairs -> {code: (dfs_lo, dfs_hi, code_hi)}; orphans count as roots.

    Example: ``number_tree([("61", None), ("6101", "61"), ("62", None)])``
    ``== {"61": (1, 2, "6101"), "6101": (2, 2, "6101"), "62": (3, 3, "62")}``
    """
    codes = {code for code, _ in nodes}
    children: dict[str | None, list[str]] = {}
    for code, parent in nodes:
        children.setdefault(parent if parent in codes else None, []).append(code)
    for kids in children.values():
        kids.sort()
    ordered = sorted(codes)
    rank = {code: i for i, code in enumerate(ordered)}
    out: dict[str, tuple[int, int, str | None]] = {}
    counter = 0
    # iterative DFS: (code, entered) frames; on exit the subtree's range and code span are known
    lo: dict[str, int] = {}
    span: dict[str, tuple[int, int]] = {}
    stack: list[tuple[str, bool]] = [(c, False) for c in reversed(children.get(None, []))]
    while stack:
        code, done = stack.pop()
        if not done:
            counter += 1
            lo[code] = counter
            stack.append((code, True))
            stack.extend((c, False) for c in reversed(children.get(code, [])))
            continue
        kids = children.get(code, [])
        low = min([rank[code]] + [span[k][0] for k in kids])
        high = max([rank[code]] + [span[k][1] for k in kids])
        span[code] = (low, high)
        hi = counter
        contiguous = high - low == hi - lo[code] and low == rank[code]
        out[code] = (lo[code], hi, ordered[high] if contiguous else None)
    return out


def renumber(session: Session) -> int:
    """Recompute dfs_lo/dfs_hi/code_hi for every region (after regions are added); returns the count changed."""
    rows = session.execute(select(Region.code, Region.parent_code, Region.dfs_lo, Region.dfs_hi, Region.code_hi))
    current = {code: (lo, hi, chi) for code, _p, lo, hi, chi in rows}
    nodes = [(code, parent) for code, parent, *_ in session.execute(select(Region.code, Region.parent_code))]
    numbered = number_tree(nodes)
    changed = [
        {"c": code, "lo": lo, "hi": hi, "chi": chi}
        for code, (lo, hi, chi) in numbered.items()
        if current.get(code) != (lo, hi, chi)
    ]
    if changed:
        stmt = (
            update(Region.__table__)
            .where(Region.__table__.c.code == bindparam("c"))
            .values(dfs_lo=bindparam("lo"), dfs_hi=bindparam("hi"), code_hi=bindparam("chi"))
        )
        session.connection().execute(stmt, changed)
    return len(changed)


def bulk_upsert_regions(session: Session, rows: Iterable[dict]) -> tuple[int, int]:
    """Insert new regions and update changed ones in bulk (parents first), then renumber the tree.

    Rows need code, parent_code, name_zh, name_en, level. Returns (inserted, updated).
    Example: ``bulk_upsert_regions(s, [{"code": "610000", "parent_code": None, ...}])``
    """
    fields = ("parent_code", "name_zh", "name_en", "level")
    existing = {r[0]: tuple(r[1:]) for r in session.execute(select(Region.code, *[getattr(Region, f) for f in fields]))}
    rows = sorted(rows, key=lambda r: (LEVELS.index(r["level"]) if r["level"] in LEVELS else 9, r["code"]))
    new = [{"code": r["code"], **{f: r[f] for f in fields}} for r in rows if r["code"] not in existing]
    changed = [r for r in rows if r["code"] in existing and existing[r["code"]] != tuple(r[f] for f in fields)]
    table = Region.__table__
    conn = session.connection()
    for start in range(0, len(new), 20000):
        conn.execute(table.insert(), new[start : start + 20000])
    if changed:
        stmt = update(table).where(table.c.code == bindparam("c")).values(**{f: bindparam(f"v_{f}") for f in fields})
        conn.execute(stmt, [{"c": r["code"], **{f"v_{f}": r[f] for f in fields}} for r in changed])
    renumber(session)
    return len(new), len(changed)


_NUMBERING = (Region.code, Region.dfs_lo, Region.dfs_hi, Region.code_hi, Region.level, Region.name_zh, Region.name_en)
_SUBTREE = select(*_NUMBERING).where(Region.code == bindparam("code"))
_SUBTREES = select(*_NUMBERING).where(Region.code.in_(bindparam("codes", expanding=True)))


def subtree(session: Session, code: str) -> dict | None:
    """The region's numbering: ``{"code", "dfs_lo", "dfs_hi", "code_hi", "level", "name_zh", "name_en"}``."""

    def load():
        rows = dict_rows(session, _SUBTREE, {"code": code})
        return rows[0] if rows else None

    found = per_transaction(session, ("subtree", code), load)
    return dict(found) if found else None


def subtrees(session: Session, codes: Sequence[str]) -> list[dict]:
    """``subtree`` of several regions in one query (unknown codes left out), remembered for the transaction.

    Example: ``subtrees(s, ["610000", "620000"])``
    """
    memo = {}
    for start in range(0, len(codes), 500):
        rows = dict_rows(session, _SUBTREES, {"codes": list(codes[start : start + 500])})
        memo.update((row["code"], row) for row in rows)
    for code in codes:
        per_transaction(session, ("subtree", code), lambda code=code: memo.get(code))
    return [dict(memo[c]) for c in codes if c in memo]


_LINEAGE = select(Region.code, Region.parent_code, Region.level, Region.approval_required).where(
    Region.code.in_(bindparam("codes", expanding=True))
)


def lineage(session: Session, codes: Iterable[str]) -> dict[str, tuple[str | None, str, bool]]:
    """code -> (parent code, level, approval required) for ``codes`` and every region above them, read level by
    level upwards (a few indexed reads, never the whole national tree). Unknown codes are left out.

    Example: ``lineage(s, ["621102"])["621100"] == ("620000", "prefecture", False)``
    """
    nodes: dict[str, tuple[str | None, str, bool]] = {}
    frontier = sorted(set(codes))
    while frontier:
        for start in range(0, len(frontier), 500):
            for code, parent, level, required in session.execute(_LINEAGE, {"codes": frontier[start : start + 500]}):
                nodes[code] = (parent, level, bool(required))
        frontier = sorted({nodes[c][0] for c in frontier if c in nodes} - nodes.keys() - {None})
    return nodes


def inside(session: Session, code: str, codes: Iterable[str]) -> set[str]:
    """Those of ``codes`` in region ``code``'s subtree, itself included (one read of their numbering).

    Example: ``inside(s, "620000", ["621100", "610000"]) == {"621100"}``
    """
    node = subtree(session, code)
    if node is None:
        return set()
    lo, hi = node["dfs_lo"], node["dfs_hi"]
    return {
        n["code"] for n in subtrees(session, sorted(set(codes))) if n["dfs_lo"] is not None and lo <= n["dfs_lo"] <= hi
    }


def in_subtree(node: dict, include_self: bool, column=Figure.region_code):
    """A WHERE clause on a region code column for a subtree; an index range when the codes are contiguous."""
    if node["code_hi"] is not None:
        low = column >= node["code"] if include_self else column > node["code"]
        return and_(low, column <= node["code_hi"])
    lo = node["dfs_lo"] if include_self else node["dfs_lo"] + 1
    codes = select(Region.code).where(Region.dfs_lo.between(lo, node["dfs_hi"]))
    return column.in_(codes)


def in_bound_subtree(contiguous: bool, column=Figure.region_code):
    """``in_subtree(node, include_self=True)`` with the node's range left as the parameters ``subtree_lo`` and
    ``subtree_hi`` (``subtree_bounds``), for a statement built once; ``contiguous``: the node has a ``code_hi``.

    Example: ``session.execute(select(Figure.id).where(in_bound_subtree(True)), subtree_bounds(node))``
    """
    if contiguous:
        return and_(column >= bindparam("subtree_lo"), column <= bindparam("subtree_hi"))
    codes = select(Region.code).where(Region.dfs_lo.between(bindparam("subtree_lo"), bindparam("subtree_hi")))
    return column.in_(codes)


def subtree_bounds(node: dict) -> dict:
    """The parameters of ``in_bound_subtree`` for a node, itself included."""
    if node["code_hi"] is not None:
        return {"subtree_lo": node["code"], "subtree_hi": node["code_hi"]}
    return {"subtree_lo": node["dfs_lo"], "subtree_hi": node["dfs_hi"]}


def descendant_codes(session: Session, code: str, max_depth_level: str | None = None) -> list[str]:
    """Codes below a region (not itself) in depth-first order, one range read of ``ix_regions_dfs_lo``."""
    node = subtree(session, code)
    if node is None:
        return []
    stmt = select(Region.code).where(Region.dfs_lo > node["dfs_lo"], Region.dfs_lo <= node["dfs_hi"])
    if max_depth_level is not None:
        stmt = stmt.where(Region.level == max_depth_level)
    return list(session.scalars(stmt.order_by(Region.dfs_lo)))
