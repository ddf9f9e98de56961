"""Reads for the map: the region tree, the regions that hold plans, indicators per area. Plain data out."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import queries
from db.models import Batch, Figure, Region
from db.visibility import COUNTS as LIVE


def region_parents(session: Session) -> dict[str, str | None]:
    """adcode -> parent adcode for every region in the table."""
    return dict(session.execute(select(Region.code, Region.parent_code)).all())


def subtrees(parents: dict[str, str | None], codes: list[str]) -> dict[str, list[str]]:
    """Each code with its descendants (itself first), from a ``region_parents`` map.

    Example: ``subtrees({"1": None, "2": "1"}, ["1"]) == {"1": ["1", "2"]}``
    """
    children: dict[str | None, list[str]] = {}
    for code, parent in parents.items():
        children.setdefault(parent, []).append(code)
    out = {}
    for code in codes:
        found, frontier = [code], [code]
        while frontier:
            frontier = [c for p in frontier for c in children.get(p, [])]
            found.extend(frontier)
        out[code] = found
    return out


class SubtreeSums(list):
    """Map codes that each stand for their whole subtree: figures come as one summed record per code, period and
    series (``db/scaled_views.py``), so a province's map reads roll-ups, not a million figures."""


def scope(session: Session, codes: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """(each code's subtree, every code to read) for a map. Up to ``scaled_views.SMALL`` figures below the codes,
    the subtrees are listed code by code; past that every code stands for its subtree (``SubtreeSums``).

    Example: ``scope(s, ["621100"]) == ({"621100": ["621100", "621102", ...]}, ["621100", "621102", ...])``
    """
    from db import scaled_views, tree

    nodes = [tree.subtree(session, c) for c in codes]
    if sum(scaled_views.subtree_size(session, n) for n in nodes if n) > scaled_views.SMALL:
        return {c: [c] for c in codes}, SubtreeSums(codes)
    trees = {c: [c, *tree.descendant_codes(session, c)] for c in codes}  # one index range each
    return trees, sorted({c for codes_below in trees.values() for c in codes_below})


def _summed(session: Session, codes: SubtreeSums) -> pd.DataFrame:
    from db import scaled_views

    columns = [*queries.FIGURE_COLUMNS, "count"]
    return pd.DataFrame(scaled_views.summed_records(session, tuple(codes)), columns=columns)


def plan_regions(session: Session) -> list[dict]:
    """Regions that hold targets of their own while no ancestor does: the places plans were written for.

    Example: ``[r["code"] for r in plan_regions(s)]`` lists 210781, 411702, 460000, 610000, 621100 on the seed.
    """
    holders = {r["code"]: r for r in queries.regions_with_targets(session)}
    parents = region_parents(session)

    def has_holder_above(code: str) -> bool:
        parent = parents.get(code)
        while parent:
            if parent in holders:
                return True
            parent = parents.get(parent)
        return False

    return [r for code, r in sorted(holders.items()) if not has_holder_above(code)]


def indicator_counts(session: Session, region_codes: list[str]) -> dict[str, int]:
    """Indicator code -> number of live annual targets and actuals in these regions, most first."""
    if isinstance(region_codes, SubtreeSums):
        frame = _summed(session, region_codes)
        frame = frame[frame["kind"].isin(["target", "actual"]) & (frame["period_start"] == frame["period_end"])]
        totals = frame.groupby("indicator")["count"].sum()
        return {k: int(v) for k, v in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))}
    stmt = (
        select(Figure.indicator_code, func.count())
        .join(Batch)
        .where(
            LIVE,
            Figure.region_code.in_(region_codes),
            Figure.kind.in_(["target", "actual"]),
            Figure.period_start == Figure.period_end,
        )
        .group_by(Figure.indicator_code)
        .order_by(func.count().desc(), Figure.indicator_code)
    )
    return dict(session.execute(stmt).all())


def indicator_figures(session: Session, indicator: str, region_codes: list[str]) -> pd.DataFrame:
    """Live figures of one indicator in these regions (``db.queries.figures`` columns); for ``SubtreeSums``, each
    region's subtree summed."""
    if isinstance(region_codes, SubtreeSums):
        frame = _summed(session, region_codes)
        return frame[frame["indicator"] == indicator].reset_index(drop=True)
    return queries.figures_frame(session, region_codes=region_codes, indicator=indicator)


def region_names(session: Session, codes: list[str]) -> dict[str, dict]:
    """adcode -> {"name_zh", "name_en", "level"} for the codes the region table holds."""
    rows = session.execute(
        select(Region.code, Region.name_zh, Region.name_en, Region.level).where(Region.code.in_(codes))
    ).mappings()
    return {r["code"]: {"name_zh": r["name_zh"], "name_en": r["name_en"], "level": r["level"]} for r in rows}
