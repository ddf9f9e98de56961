"""Checks on reviewed rows before they are stored: each problem names the row (``row_id``) and the field.

Example::

    validate_rows(s, [{"row_id": 1, "region_code": "999999", ...}])
    # [RegionNotInTree("", 1, "region_code", "999999", "地区 999999 不在地区树中 ...")]
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from sqlalchemy.orm import Session

from auth.policy import Principal, can
from db import batches, documents
from etl import problems as P
from text.fields import field_label
from textsafety import describe_control, first_control

from . import problems as IP

KINDS = ("target", "actual", "baseline")
TIERS = ("committed", "stretch")
COMPARATORS = ("=", ">=", "<=", "<", ">", "~")
YEARS = (1980, 2050)  # 八七扶贫攻坚计划 (1994) to 2035 and on: a year outside is a misread (2091 for 2019)
ROW_FIELDS = ("kind", "region_code", "indicator", "period_start", "period_end", "value", "comparator", "tier")
TYPED_FIELDS = (
    "region_code",
    "indicator",
    "indicator_name",
    "unit",
)  # a reviewer may type these; quotes are the document's


def note_problems(note: str, file_name: str = "") -> list[P.Problem]:
    """The batch note as a reviewer typed it: line breaks allowed, any other control character refused.

    Example: ``note_problems("2021 年度计划\x1b")`` -> ``[ControlCharacter(..., "note", ...)]``
    """
    found = first_control((note or "").replace("\r\n", "\n"), multiline=True)
    return [P.ControlCharacter(file_name, None, field_label("note"), note, describe_control(found))] if found else []


URL_MAX = 2000


def url_problems(url: str | None, file_name: str = "") -> list[P.Problem]:
    """The address a document was published at, as a planner typed it: empty, or one web address.

    Example: ``url_problems("www.gov.cn/a.htm")`` -> ``[BadUrl(..., "source_url", ...)]``
    """
    url = (url or "").strip()
    if not url:
        return []
    if found := first_control(url):
        return [P.ControlCharacter(file_name, None, field_label("source_url"), url, describe_control(found))]
    if len(url) > URL_MAX or not re.match(r"https?://[^\s/]+\S*\Z", url):
        return [
            P.BadUrl(
                file_name,
                None,
                field_label("source_url"),
                url,
                "来源网址不是网址 / the source URL is not a web address",
            )
        ]
    return []


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _year(value) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number.is_integer() else None


def validate_rows(
    session: Session, rows: list[dict], *, file_name: str = "", allowed_regions: Iterable[str] | None = None
) -> list[P.Problem]:
    """Every problem of every row (region in the tree, indicator known or named, years, value, comparator,
    tier; with ``allowed_regions``, a planner's regions and those below them). ``[]`` means all may be stored."""
    indicators = batches.indicator_table(session)
    codes = {str(r.get("region_code") or "") for r in rows} - {""}
    chains = documents.lineage(session, codes)
    out: list[P.Problem] = []
    for row in rows:
        out.extend(_row_problems(row, file_name, indicators, chains))
    if allowed_regions is not None:
        out.extend(region_refusals(rows, chains, allowed_regions, file_name))
    return out


def region_refusals(rows: list[dict], chains: dict, allowed_regions: Iterable[str], file_name: str) -> list:
    """Rows for regions outside a planner's own (the rule of auth.policy, shared with uploads)."""
    planner = Principal("planner", "planner", frozenset(allowed_regions))
    out = []
    for row in rows:
        code = str(row.get("region_code") or "")
        if code in chains and not can(planner, "upload", code, chains[code]):
            out.append(
                P.RegionNotYours(
                    file_name,
                    row.get("row_id"),
                    field_label("region_code"),
                    code,
                    f"地区 {row.get('region_name') or code} ({code}) 不在您的管辖范围内 / "
                    f"{row.get('region_name') or code} ({code}) is not one of your regions",
                )
            )
    return out


def _row_problems(row: dict, file_name: str, indicators: dict, chains: dict) -> list[P.Problem]:
    rid = row.get("row_id")
    out: list[P.Problem] = []

    def add(cls, column, message):
        out.append(cls(file_name, rid, field_label(column), row.get(column), message))

    for column in TYPED_FIELDS:
        if isinstance(row.get(column), str) and (found := first_control(row[column])):
            add(P.ControlCharacter, column, describe_control(found))
    if row.get("kind") not in KINDS:
        add(IP.UnknownRowKind, "kind", f"未知类型 {row.get('kind')!r} / unknown kind {row.get('kind')!r}")
    code = str(row.get("region_code") or "").strip()
    name = row.get("region_name") or ""
    if not code:
        add(IP.MissingRegion, "region_code", "未识别地区 / no region was recognised for this figure")
    elif code not in chains:
        add(
            IP.RegionNotInTree,
            "region_code",
            f"地区 {name + ' ' if name else ''}({code}) 不在地区树中 / the document names a region that is not in "
            "the region tree",
        )
    _indicator_problems(row, indicators, add)
    start, end = _year(row.get("period_start")), _year(row.get("period_end"))
    unknown = start == end == 0  # 今年, 年底 in a text that gives no date: the extractor could not tell the year
    if unknown:
        add(IP.UnknownYear, "period_end", "年份未知:文件未写日期 / the year is unknown: the document gives no date")
    for column, year in () if unknown else (("period_start", start), ("period_end", end)):
        if year is None or not YEARS[0] <= year <= YEARS[1]:
            add(
                P.BadYear,
                column,
                f"年份不合理:{row.get(column)!r} 不在 {YEARS[0]}–{YEARS[1]} 之间 / "
                f"{row.get(column)!r} is not a year between {YEARS[0]} and {YEARS[1]}",
            )
    if start is not None and end is not None and start > end:
        add(P.PeriodReversed, "period_start", f"起始年 {start} 晚于截止年 {end} / the period starts after it ends")
    value = _number(row.get("value"))
    if value is None:
        add(P.NotANumber, "value", f"{row.get('value')!r} 不是数字 / {row.get('value')!r} is not a number")
    elif value < 0:
        add(P.NegativeCount, "value", f"数值为负 {value:g} / {value:g} is negative")
    elif row.get("unit") == "%" and value > 100 and row.get("kind") != "target":
        add(P.RateOutOfRange, "value", f"比率 {value:g}% 超过 100% / {value:g}% is over 100%")
    if row.get("comparator") not in COMPARATORS:
        add(
            P.UnknownComparator,
            "comparator",
            f"未知比较符 {row.get('comparator')!r} / unknown comparator {row.get('comparator')!r}",
        )
    tier = row.get("tier", "committed")
    if tier not in TIERS:
        add(IP.UnknownTier, "tier", f"未知档次 {tier!r} / unknown tier {tier!r}")
    elif tier == "stretch" and row.get("kind") != "target":
        add(IP.UnknownTier, "tier", "只有目标有力争档 / only a target has a stretch tier")
    return out


def _indicator_problems(row: dict, indicators: dict, add) -> None:
    code = str(row.get("indicator") or "").strip()
    if not code:
        add(P.UnknownIndicator, "indicator", "未识别指标 / no indicator was recognised for this figure")
    elif code not in indicators:
        if not code.startswith("other:"):
            add(P.UnknownIndicator, "indicator", f"未知指标 {code!r} / unknown indicator {code!r}")
        elif not str(row.get("indicator_name") or "").strip():
            add(
                IP.NewIndicatorName, "indicator_name", f"新指标 {code} 需要名称 / a new indicator needs a readable name"
            )
