"""``/api/v1/progress``: the status rule's result for a region, by year and for the plan period.

The region page's own view (``views.region.region_view``), so the API and the page give the same numbers and
statuses.

Example::

    items = region_progress(s, "610000", "poor_population_reduced", "original", None, 2019)
    items[0]["years"][1] == {"year": 2019, "target": 635000, "actual": 578800, "status": "behind", ...}
"""

from __future__ import annotations

from urllib.parse import urlencode

from analysis.progress import Progress, YearCell
from analysis.series import Point
from views.region import region_view


class NotFound(LookupError):
    """An unknown region or indicator; the message says which and where to look codes up."""


def _number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _value(point: Point | None):
    return None if point is None else _number(point.value)


def _ids(figure_ids) -> list[int]:
    """Stored figures only: a summed record of a large subtree (db/scaled_views.py) has id 0."""
    return [int(i) for i in figure_ids if i]


def _partial(partial: tuple[int, int] | None) -> dict | None:
    """A sum of only some sub-regions, left unjudged (the page's 「? 部分下级报告」): how many of how many report."""
    return None if partial is None else {"sub_regions_reporting": partial[0], "sub_regions_total": partial[1]}


def _year_row(p: Progress, cell: YearCell | None, year: int) -> dict:
    plan, actual = (cell.plan, cell.actual) if cell else (None, p.series["actual"].get(year))
    partial = cell.partial if cell else (actual.partial if actual else None)
    if partial is None and p.rollup is not None:  # judged, for those sub-regions alone (the overview's tag)
        partial = p.rollup.partial_of((year,))
    return {
        "year": year,
        "plan_original": _value(p.series["original"].get(year)),
        "plan_revised": _value(p.series["revised"].get(year)),
        "target": _value(plan),
        "comparator": plan.comparator if plan else None,
        "actual": _value(actual),
        "achievement": None if cell is None or cell.achievement is None else round(cell.achievement, 4),
        "status": cell.status if cell else None,
        "target_rolled_up": bool(plan and plan.rolled_up),
        "actual_rolled_up": bool(actual and actual.rolled_up),
        "actual_derived": bool(actual and actual.derived),
        "target_figure_ids": _ids(plan.figure_ids) if plan else [],
        "actual_figure_ids": _ids(actual.figure_ids) if actual else [],
        "partial": _partial(partial),
    }


def _period(p: Progress) -> dict | None:
    a = p.period
    if a is None:
        return None
    return {
        "start": a.start,
        "end": a.end,
        "target": _number(a.target),
        "comparator": a.comparator,
        "actual": None if a.actual is None else _number(a.actual),
        "actual_year": a.actual_year,
        "achievement": None if a.achievement is None else round(a.achievement, 4),
        "status": a.status,
        "finished": a.finished,
        "as_of": a.as_of,
        "expected_to_date": None if a.expected_to_date is None else _number(a.expected_to_date),
        # the percent the status is judged on when the period is judged on pace (``achievement`` is always the
        # whole period's); null when the status is judged on the whole target
        "achievement_to_date": None if a.achievement_to_date is None else round(a.achievement_to_date, 4),
        "needed_per_year": None if a.needed_per_year is None else _number(a.needed_per_year),
        "remaining_years": a.remaining_years,
        "missing_years": list(a.missing_years),
        "target_figure_ids": _ids(p.period_ids),
        "actual_figure_ids": _ids(p.period_actual_ids),
        "partial": _partial(a.partial or (p.rollup.partial_of(range(a.start, a.end + 1)) if p.rollup else None)),
    }


def progress_item(p: Progress, region: dict, lo: int, hi: int) -> dict:
    """One region and indicator as plain data: the page's year table rows, the latest year, the period."""
    cells = {c.year: c for c in p.years}
    years = [y for y in sorted({*p.series["original"], *p.series["revised"], *p.series["actual"]}) if lo <= y <= hi]
    indicator = {k: p.indicator[k] for k in ("code", "name_zh", "name_en", "unit", "kind", "direction")}
    return {
        "region": {k: region[k] for k in ("code", "name_zh", "name_en", "level")},
        "indicator": indicator,
        "plan": p.plan,
        "from": lo,
        "to": hi,
        "years": [_year_row(p, cells.get(y), y) for y in years],
        "latest": None if p.latest is None else {"year": p.latest.year, "status": p.latest.status},
        "period": _period(p),
    }


def region_progress(
    session, code: str, indicator: str | None, plan: str, year_from: int | None, year_to: int | None
) -> list[dict]:
    """Progress of one indicator, or of every indicator with a target in the region (by code)."""
    view_state = {"plan": plan, "from": year_from, "to": year_to}
    search = "?" + urlencode({k: v for k, v in view_state.items() if v is not None})
    view = region_view(session, code, search, indicator=indicator)
    if not view.path:
        raise NotFound(f"no region {code!r}: GET /api/v1/regions lists the codes")
    if indicator is not None and view.indicator is None:
        raise NotFound(f"no indicator {indicator!r}: GET /api/v1/indicators lists the codes")
    if indicator is not None:
        codes = [indicator]
    else:
        targets = {r["indicator"] for r in view.figures if r["kind"] == "target"}
        codes = sorted(c for c in targets if c in view.catalogue)
    items = []
    for c in codes:
        v = view if view.indicator and view.indicator["code"] == c else region_view(session, code, search, indicator=c)
        p, lo, hi = v.progress, v.state["from"], v.state["to"]
        if indicator is not None or p.years or p.period is not None:
            items.append(progress_item(p, v.region, lo, hi))
    return items


def csv_rows(items: list[dict]) -> list[dict]:
    """One row per year and one for the period of each item, for ``progress.csv``."""
    rows = []
    for item in items:
        base = {
            "region_code": item["region"]["code"],
            "region_name": item["region"]["name_zh"],
            "indicator": item["indicator"]["code"],
            "unit": item["indicator"]["unit"],
            "plan": item["plan"],
        }
        for y in item["years"]:
            rows.append({**base, "scope": "year", "period_start": y["year"], "period_end": y["year"], **_common(y)})
        a = item["period"]
        if a is not None:
            pace = {"expected_to_date": a["expected_to_date"], "achievement_to_date": a["achievement_to_date"]}
            rows.append(
                {**base, "scope": "period", "period_start": a["start"], "period_end": a["end"], **_common(a), **pace}
            )
    return rows


def _common(x: dict) -> dict:
    return {
        "target": x["target"],
        "comparator": x["comparator"],
        "actual": x["actual"],
        "achievement": x["achievement"],
        "status": x["status"],
        "target_figure_ids": " ".join(map(str, x["target_figure_ids"])),
        "actual_figure_ids": " ".join(map(str, x["actual_figure_ids"])),
        "sub_regions_reporting": (x["partial"] or {}).get("sub_regions_reporting"),
        "sub_regions_total": (x["partial"] or {}).get("sub_regions_total"),
    }


CSV_COLUMNS = (
    "region_code",
    "region_name",
    "indicator",
    "unit",
    "plan",
    "scope",
    "period_start",
    "period_end",
    "target",
    "comparator",
    "actual",
    "achievement",
    "status",
    "target_figure_ids",
    "actual_figure_ids",
    "expected_to_date",  # period rows only, last so that columns read by position keep their place
    "achievement_to_date",
    "sub_regions_reporting",  # a partial sum's, left unjudged; added last for the same reason
    "sub_regions_total",
)
