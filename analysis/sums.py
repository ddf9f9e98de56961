"""Summed figures (one per region subtree, indicator, kind, series and period, ``db.scaled_views``) as plain tuples,
and the record and the point each one stands for.

A page at scale reads sums, not figures. ``sum_record`` gives a sum as a figure record (the columns of
``db.queries.figures``), so the analysis runs unchanged on it; ``sum_point`` gives the point ``analysis.series``
makes of that record, without the record (the overview makes one for each of its thousands of sums).

Example::

    row = ("610000", "陕西省", "poor_population_reduced", "target", "original", 2018, 2018, 1017000.0, 97,
           3, 1, "陕西省脱贫攻坚规划", False)
    sum_record(row)["note"] == "合计 97 条 · sum of 97 figures"
    sum_point(row, {}) == series._point(sum_record(row))
"""

from __future__ import annotations

from analysis.series import SERIES_OF, Point

# A sum's fields, in order (periods ints, the value a float); ``plan_version_id`` and ``plan_version`` are None for
# a sum without plan versions
FIELDS = (
    "region_code",
    "region_name",
    "indicator",
    "kind",
    "series",  # a target's plan version kind ("original", "revision"), "" for other kinds
    "period_start",
    "period_end",
    "value",
    "count",
    "batch_id",
    "plan_version_id",
    "plan_version",
    "synthetic",
)

# A summed record's items, in the order of ``queries.figures``' columns; ``sum_record`` fills in the rest.
SUM_RECORD = {
    "id": 0,
    "kind": "",
    "region_code": "",
    "region_name": "",
    "indicator": "",
    "period_start": 0,
    "period_end": 0,
    "value": 0.0,
    "comparator": "=",
    "unit": "",
    "plan_version": "",
    "plan_version_kind": "",
    "plan_version_id": None,
    "reliability": "official",
    "source": "",
    "source_kind": "sum",
    "source_url": "",
    "source_file": "",
    "quote": "",
    "quote_start": None,
    "quote_end": None,
    "note": "",
    "batch_id": 0,
    "batch_kind": "sum",
    "tier": "committed",
    "count": 0,
}


def sum_note(count: int, notes: dict[int, str]) -> str:
    """The note of a sum of ``count`` figures ("合计 N 条 · sum of N figures"), made once per count in ``notes``
    (the same few counts recur)."""
    note = notes.get(count)
    if note is None:
        note = notes[count] = f"合计 {count} 条 · sum of {count} figures"
    return note


def sum_record(row: tuple, notes: dict[int, str] | None = None) -> dict:
    """A sum as a figure record (id 0, the note "合计 N 条 · sum of N figures"); ``notes``: see ``sum_note``."""
    return sum_records([row], {} if notes is None else notes)[0]


def sum_records(rows, notes: dict[int, str] | None = None) -> list[dict]:
    """``sum_record`` of each row, in one loop (a page at scale has thousands)."""
    notes = {} if notes is None else notes
    out = []
    for code, name, indicator, kind, series, start, end, total, count, batch, version, plan, synthetic in rows:
        note = notes.get(count)
        if note is None:  # sum_note, inline
            note = sum_note(count, notes)
        record = SUM_RECORD.copy()  # a copy and a few items: a third of the time of a 26-key literal per record
        record["kind"] = kind
        record["region_code"] = code
        record["region_name"] = name
        record["indicator"] = indicator
        record["period_start"] = start
        record["period_end"] = end
        record["value"] = total
        if plan is not None:
            record["plan_version"] = plan
            record["plan_version_id"] = version
        record["plan_version_kind"] = series
        if synthetic:
            record["reliability"] = "synthetic"
        record["source"] = note
        record["note"] = note
        record["batch_id"] = batch
        record["count"] = count
        out.append(record)
    return out


def sum_point(row: tuple, notes: dict[int, str]) -> Point:
    """``series._point(sum_record(row))``, without the record (``tests/test_scale_views.py`` holds them equal)."""
    count = row[8]
    note = notes.get(count)
    if note is None:  # sum_note, inline
        note = sum_note(count, notes)
    reliability = "synthetic" if row[12] else "official"  # a sum's, by whether any of its figures is synthetic
    return Point(row[6], row[7], "=", [0], False, reliability, "", note, row[11] or "")


def sum_series(rows, notes: dict[int, str]) -> tuple[dict[str, dict[int, Point]], list[tuple]]:
    """One region's sums of one indicator, in year order, as ``plan_vs_actual`` gives its records: the annual ones
    made points (``sum_point`` of each, in one loop: the overview makes thousands) by series ("original",
    "revised", "actual"), and the multi-year sums as they are.

    Example: ``series, spans = sum_series(rows, {}); series["actual"][2018] == sum_point(rows[0], {})``
    """
    original: dict[int, Point] = {}
    revised: dict[int, Point] = {}
    actual: dict[int, Point] = {}
    targets = {"original": original, "revision": revised}  # SERIES_OF's series
    spans = []
    for row in rows:
        _, _, _, kind, series, start, end, value, count, _, _, plan, synthetic = row
        if start != end:
            spans.append(row)
            continue
        if kind == "actual":
            points = actual
        elif kind == "target" and series in SERIES_OF:
            points = targets[series]
        else:
            continue
        note = notes.get(count)
        if note is None:  # sum_note, inline
            note = sum_note(count, notes)
        points[end] = Point(end, value, "=", [0], False, "synthetic" if synthetic else "official", "", note, plan or "")
    return {"original": original, "revised": revised, "actual": actual}, spans
