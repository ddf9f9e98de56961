"""Per-year status for briefing packs: was the year's target met by the reported actual?

A small, pure rule kept inside ``export/`` until the dashboard's own status rule (``analysis/status.py``)
lands; the briefing pack should then call that one instead so both always agree.
"""

from __future__ import annotations

from analysis.series import Point

MET, MISSED, PENDING, NO_TARGET = "met", "missed", "pending", "no_target"


def target_of(series: dict[str, dict[int, Point]], year: int) -> Point | None:
    """The target in force for a year: the newest revision if there is one, else the original plan."""
    return series.get("revised", {}).get(year) or series.get("original", {}).get(year)


def met(actual: float, target: float, comparator: str, direction: str) -> bool:
    """Whether an actual meets a target.

    Examples: ``met(9.12, 8, "<", "down") is False``; ``met(300000, 285200, "=", "up") is True``.
    """
    if comparator in ("<", "<=", ">", ">="):
        return {"<": actual < target, "<=": actual <= target, ">": actual > target, ">=": actual >= target}[comparator]
    return actual <= target if direction == "down" else actual >= target


def year_status(series: dict[str, dict[int, Point]], year: int, direction: str) -> str:
    """``met`` | ``missed`` | ``pending`` (a target, no reported actual) | ``no_target``."""
    target = target_of(series, year)
    actual = series.get("actual", {}).get(year)
    if target is None:
        return NO_TARGET
    if actual is None:
        return PENDING
    return MET if met(actual.value, target.value, target.comparator, direction) else MISSED


def status_rows(series: dict[str, dict[int, Point]], direction: str) -> list[dict]:
    """One row per year: original, revised, actual values (None when absent) and the status.

    Example: ``status_rows(series, "up")[0] == {"year": 2016, "original": 285200.0, "revised": None,
    "actual": 300000.0, "status": "met", ...}``
    """
    years = sorted({y for points in series.values() for y in points})
    rows = []
    for year in years:
        row = {"year": year, "status": year_status(series, year, direction)}
        for name in ("original", "revised", "actual"):
            point = series.get(name, {}).get(year)
            row[name] = point.value if point else None
            row[f"{name}_comparator"] = point.comparator if point else "="
        rows.append(row)
    return rows
