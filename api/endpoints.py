"""The read API's endpoints, one table: what each answers, from which parameters (routes.py serves them,
openapi.py documents them).

Each ``answer(session, args)`` returns an ``Answer``: JSON body fields, CSV rows and columns, and for paged
endpoints the ``after`` value of the next page.

Example: ``ENDPOINTS["figures"].answer(s, parse(FIGURES, {"region": "610000"}))``
"""

from __future__ import annotations

from dataclasses import dataclass, field

from api import params as P
from api import progress as prog
from api import shapes
from db import api_queries, queries


@dataclass
class Answer:
    body: dict
    rows: list[dict]
    columns: list[str]
    next_after: int | None = None


@dataclass(frozen=True)
class Endpoint:
    name: str
    summary: str
    description: str
    params: tuple[P.Param, ...]
    answer: object
    item: dict = field(default_factory=dict)  # JSON Schema of one element of ``data``


def _regions(session, args) -> Answer:
    parent = None
    if args["parent"] is not None:
        parent = queries.region(session, args["parent"])
        if parent is None:
            raise prog.NotFound(f"no region {args['parent']!r}: GET /api/v1/regions lists the top level")
    rows = api_queries.child_regions(session, args["parent"])
    return Answer({"parent": parent, "data": rows}, rows, shapes.REGION_COLUMNS)


def _indicators(session, _args) -> Answer:
    rows = queries.indicators(session)
    return Answer({"data": rows}, rows, shapes.INDICATOR_COLUMNS)


def _figures(session, args) -> Answer:
    if args["region"] is not None and api_queries.region_node(session, args["region"]) is None:
        raise prog.NotFound(f"no region {args['region']!r}: GET /api/v1/regions lists the codes")
    if args["indicator"] is not None and queries.indicator(session, args["indicator"]) is None:
        raise prog.NotFound(f"no indicator {args['indicator']!r}: GET /api/v1/indicators lists the codes")
    wanted = api_queries.FigureFilter(
        region=args["region"],
        subtree=args["subtree"],
        indicator=args["indicator"],
        kind=args["kind"],
        year_from=args["from"],
        year_to=args["to"],
        plan=args["plan"],
    )
    found = api_queries.figure_page(session, wanted, args["after"], args["limit"] + 1)
    more = len(found) > args["limit"]
    rows = [shapes.figure(r) for r in found[: args["limit"]]]
    next_after = rows[-1]["id"] if more else None
    columns = shapes.figure_columns(api_queries.TIER is not None)
    return Answer({"data": rows, "limit": args["limit"]}, rows, columns, next_after)


def _progress(session, args) -> Answer:
    items = prog.region_progress(session, args["region"], args["indicator"], args["plan"], args["from"], args["to"])
    return Answer({"data": items}, prog.csv_rows(items), list(prog.CSV_COLUMNS))


_S, _N, _I = {"type": "string"}, {"type": ["number", "null"]}, {"type": "integer"}
_NS = {"type": ["string", "null"]}
_IDS = {"type": "array", "items": _I}
_CELL = {
    "type": "object",
    "properties": {
        "target": _N,
        "comparator": _NS,
        "actual": _N,
        "achievement": _N,
        "status": {"type": ["string", "null"], "enum": ["achieved", "on_track", "at_risk", "behind", "no_data", None]},
        "target_figure_ids": _IDS,
        "actual_figure_ids": _IDS,
        "partial": {
            "type": ["object", "null"],
            "description": "plan or actual is a sum of only some sub-regions: how many of how many it adds up; "
            "status no_data when plan and actual do not cover the same sub-regions, else judged for those alone; "
            "null otherwise",
            "properties": {"sub_regions_reporting": _I, "sub_regions_total": _I},
        },
    },
}

# The plan period adds what an unfinished period is judged on: ``achievement`` stays the actual over the whole
# period's target; ``achievement_to_date`` is the actual over ``expected_to_date``, the percent the status is judged on
_PERIOD = {
    **_CELL,
    "properties": {
        **_CELL["properties"],
        "expected_to_date": {**_N, "description": "plan to date (unfinished periods judged on pace), else null"},
        "achievement_to_date": {
            **_N,
            "description": "actual as a percent of expected_to_date: the percent the status is judged on; "
            "null when the status is judged on the whole period's target (then read achievement)",
        },
    },
}

ENDPOINTS: dict[str, Endpoint] = {
    e.name: e
    for e in (
        Endpoint(
            "regions",
            "地区树 · the region tree, one level at a time",
            "The regions directly below `parent` (the top level without it), each with its number of children.",
            P.REGIONS,
            _regions,
            {"type": "object", "properties": {k: _S for k in ("code", "name_zh", "name_en", "level")}},
        ),
        Endpoint(
            "indicators",
            "指标 · indicators",
            "Every indicator: unit, kind (flow adds up over years; stock and rate are read at period end), "
            "direction (up: more is better), basis.",
            P.INDICATORS,
            _indicators,
            {"type": "object", "properties": {k: _S for k in shapes.INDICATOR_COLUMNS}},
        ),
        Endpoint(
            "figures",
            "数据 · figures, with source, quote, plan version and batch",
            "Live figures (reverted batches left out), ordered by id and paged by id: follow `next` (also the "
            "`Link` header) until it is null. Figures added while paging come on later pages; none is repeated. "
            "Values are in base units (people, not 万人).",
            P.FIGURES,
            _figures,
            {
                "type": "object",
                "properties": {
                    "id": _I,
                    "kind": _S,
                    "region_code": _S,
                    "indicator": _S,
                    "period_start": _I,
                    "period_end": _I,
                    "value": {"type": "number"},
                    "comparator": _S,
                    "plan_version": {"type": ["object", "null"]},
                    "source": {"type": "object"},
                    "quote": _S,
                    "batch": {"type": "object"},
                },
            },
        ),
        Endpoint(
            "progress",
            "进度与状态 · the status rule's result, by year and for the plan period",
            "Exactly what the region page shows (/region/<adcode>?indicator=…&plan=…&from=…&to=…): each year's "
            "target, actual, achievement (%) and status, and the whole plan period's. Statuses: achieved 达成, "
            "on_track 进度正常, at_risk 有风险, behind 落后, no_data 无报告数据.",
            P.PROGRESS,
            _progress,
            {
                "type": "object",
                "properties": {
                    "region": {"type": "object"},
                    "indicator": {"type": "object"},
                    "plan": _S,
                    "years": {"type": "array", "items": _CELL},
                    "period": {"oneOf": [_PERIOD, {"type": "null"}]},
                },
            },
        ),
    )
}
