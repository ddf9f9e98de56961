"""Query parameters of the read API, declared once: the routes parse with them and the OpenAPI document lists them.

Unknown parameters are refused (a typo such as ``?indicater=`` must not quietly return everything).

Example::

    parse(FIGURES, {"region": "610000", "subtree": "1", "limit": "50"})
    # {"region": "610000", "subtree": True, "limit": 50, "after": 0, ...}
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CODE = re.compile(r"^[A-Za-z0-9_]{1,64}$")
# an indicator code as the catalogue holds it (indicators.code, String(64)): a catalogue code (funds) or one with a
# namespace, as ``etl/extract/indicators.py unknown_code`` and data/indicators.csv make them (other:poor_villages)
INDICATOR_CODE = r"^(?:[A-Za-z][A-Za-z0-9_]*:)?[A-Za-z0-9_]+$"
INDICATOR, INDICATOR_MAX = re.compile(INDICATOR_CODE), 64
YEARS = (1949, 2100)
PAGE_DEFAULT, PAGE_MAX = 1_000, 10_000


class BadParameter(ValueError):
    """A query parameter that cannot be used; ``name`` says which, the message what to send instead."""

    def __init__(self, name: str, message: str):
        super().__init__(f"?{name}=: {message}")
        self.name = name


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # code | indicator | year | int | enum | flag
    help: str
    choices: tuple[str, ...] = ()
    required: bool = False
    default: object = None
    maximum: int | None = None


PLAN = Param(
    "plan",
    "enum",
    "原计划或修订计划 · original plan, or revised (restated targets where they exist)",
    ("original", "revised"),
)
YEAR_FROM = Param("from", "year", "起始年 · first year")
YEAR_TO = Param("to", "year", "终止年 · last year")

REGIONS = (Param("parent", "code", "上级地区代码 · the regions directly below this adcode (default: the top level)"),)
INDICATORS: tuple[Param, ...] = ()
FIGURES = (
    Param("region", "code", "地区代码 · adcode, e.g. 610000"),
    Param("subtree", "flag", "含下级地区 · 1: the region and every region below it", default=False),
    Param("indicator", "indicator", "指标代码 · indicator code, e.g. poor_population_reduced or other:poor_villages"),
    Param("kind", "enum", "类型 · figure kind", ("target", "actual", "baseline")),
    Param("from", "year", "起始年 · figures whose period starts in or after this year"),
    Param("to", "year", "终止年 · figures whose period ends in or before this year"),
    Param(
        "plan",
        "enum",
        "计划版本 · original: targets of original plans only; revised: targets in force under the revised plan (a "
        "restatement replaces the original target of the same region, indicator and period); actuals and "
        "baselines always. Default: every target.",
        ("original", "revised"),
    ),
    Param("after", "int", "游标 · the last id of the previous page (follow `next`)", default=0),
    Param("limit", "int", f"每页条数 · figures per page (≤ {PAGE_MAX:,})", default=PAGE_DEFAULT, maximum=PAGE_MAX),
)
PROGRESS = (
    Param("region", "code", "地区代码 · adcode, e.g. 610000", required=True),
    Param(
        "indicator",
        "indicator",
        "指标代码 · one indicator, e.g. other:poor_villages (default: every indicator with a target)",
    ),
    Param(
        "plan",
        "enum",
        "对照原计划或修订计划 · measure against the original or the revised plan",
        ("original", "revised"),
        default="original",
    ),
    Param("from", "year", "起始年 · first year shown (default: the first year with figures)"),
    Param("to", "year", "截至年 · the year the plan period is seen from (default: the last year with figures)"),
)


def _value(p: Param, raw: str):
    if p.kind == "code":
        if not CODE.match(raw):
            raise BadParameter(p.name, f"{raw!r} is not a code: letters, digits and _ only")
        return raw
    if p.kind == "indicator":
        if len(raw) > INDICATOR_MAX or not INDICATOR.match(raw):
            raise BadParameter(
                p.name,
                f"{raw!r} 不是指标代码:只含字母、数字和 _,可带前缀如 other:(至多 64 个字符)/ {raw!r} is not an "
                "indicator code: letters, digits and _, optionally after a prefix such as other: (at most 64 "
                "characters); GET /api/v1/indicators lists the codes",
            )
        return raw
    if p.kind == "enum":
        if raw not in p.choices:
            raise BadParameter(p.name, f"{raw!r}: use one of {', '.join(p.choices)}")
        return raw
    if p.kind == "flag":
        if raw not in ("0", "1", "true", "false"):
            raise BadParameter(p.name, f"{raw!r}: use 1 or 0")
        return raw in ("1", "true")
    try:
        number = int(raw)
    except ValueError:
        raise BadParameter(p.name, f"{raw!r} is not a whole number") from None
    low, high = YEARS if p.kind == "year" else (0 if p.name != "limit" else 1, p.maximum)
    if number < low or (high is not None and number > high):
        raise BadParameter(p.name, f"{number} is out of range {low}–{high if high is not None else '…'}")
    return number


def parse(params: tuple[Param, ...], args) -> dict:
    """Checked values for every declared parameter (defaults filled in); raises ``BadParameter``."""
    known = {p.name for p in params}
    unknown = sorted(set(args) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise BadParameter(unknown[0], f"unknown parameter; this endpoint takes: {allowed}")
    out = {}
    for p in params:
        raw = args.get(p.name)
        if raw is None or raw == "":
            if p.required:
                raise BadParameter(p.name, "required")
            out[p.name] = p.default
            continue
        out[p.name] = _value(p, raw.strip())
    if out.get("from") is not None and out.get("to") is not None and out["from"] > out["to"]:
        raise BadParameter("from", f"{out['from']} is after to={out['to']}")
    return out
