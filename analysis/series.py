"""Shape live figures into plan-versus-actual series for one region and indicator.

Input is the DataFrame from ``db.queries.figures`` for a region and its descendants; output is plain data.
A region's own figure for a year always wins; children are summed only where the region has none, and a
multi-year figure is never added to the single years inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

SERIES = ("original", "revised", "actual")


@dataclass
class Point:
    year: int
    value: float
    comparator: str = "="
    figure_ids: list[int] = field(default_factory=list)
    rolled_up: bool = False  # True when the value is the sum of child regions' figures
    reliability: str = "official"
    quote: str = ""
    source: str = ""
    plan_version: str = ""


def _select(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    annual = frame[frame["period_start"] == frame["period_end"]]
    if name == "actual":
        return annual[annual["kind"] == "actual"]
    targets = annual[annual["kind"] == "target"]
    return targets[targets["plan_version_kind"] == ("original" if name == "original" else "revision")]


def _pick(rows: pd.DataFrame, name: str) -> pd.Series:
    # Originals: the first plan that set the year; revisions and actuals: the newest record.
    ordered = rows.sort_values(["plan_version_id", "id"] if name != "actual" else ["batch_id", "id"])
    return ordered.iloc[0] if name == "original" else ordered.iloc[-1]


def _point(row: pd.Series, rolled_up: bool = False) -> Point:
    return Point(
        year=int(row["period_end"]), value=float(row["value"]), comparator=row["comparator"] or "=",
        figure_ids=[int(row["id"])], rolled_up=rolled_up, reliability=row["reliability"] or "official",
        quote=row["quote"] or "", source=row["source_url"] or row["source"] or "",
        plan_version=row["plan_version"] or "",
    )


def annual_points(frame: pd.DataFrame, region_code: str, name: str, roll_up: bool = True) -> dict[int, Point]:
    """Year -> Point for one series (original, revised or actual) of one region.

    Example: ``annual_points(figs, "621100", "original")[2016].value == 285200``
    """
    rows = _select(frame, name)
    points: dict[int, Point] = {}
    own = rows[rows["region_code"] == region_code]
    for year, group in own.groupby("period_end"):
        points[int(year)] = _point(_pick(group, name))
    if not roll_up:
        return points
    children = rows[rows["region_code"] != region_code]
    for year, group in children.groupby("period_end"):
        if int(year) in points:
            continue
        picked = [_pick(g, name) for _, g in group.groupby("region_code")]
        points[int(year)] = Point(
            year=int(year), value=float(sum(p["value"] for p in picked)), comparator="=",
            figure_ids=[int(p["id"]) for p in picked], rolled_up=True,
            reliability=min((p["reliability"] or "official" for p in picked), key=_reliability_rank),
            quote=" / ".join(dict.fromkeys(p["quote"] for p in picked if p["quote"])),
            source=" ".join(dict.fromkeys((p["source_url"] or p["source"] or "") for p in picked)),
            plan_version=picked[0]["plan_version"] or "",
        )
    return dict(sorted(points.items()))


def _reliability_rank(value: str) -> int:
    return {"low": 0, "repost": 1, "official": 2}.get(value, 2)


def plan_vs_actual(frame: pd.DataFrame, region_code: str, roll_up: bool = True) -> dict[str, dict[int, Point]]:
    """All three annual series for one region: {"original": {...}, "revised": {...}, "actual": {...}}."""
    return {name: annual_points(frame, region_code, name, roll_up) for name in SERIES}


def span_figures(frame: pd.DataFrame, region_code: str) -> list[dict]:
    """Multi-year figures of the region itself (e.g. 2014–2020 totals), kept apart from annual bars."""
    spans = frame[(frame["period_start"] != frame["period_end"]) & (frame["region_code"] == region_code)]
    spans = spans[spans["kind"].isin(["target", "actual"])]
    return spans.sort_values(["period_end", "kind"]).to_dict("records")


def years(series: dict[str, dict[int, Point]]) -> list[int]:
    return sorted({y for points in series.values() for y in points})
