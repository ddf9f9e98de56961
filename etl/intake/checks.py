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
from etl.values import PLAUSIBLE_YEARS
from text.fields import field_label
from text.format import format_value
from textsafety import describe_control, first_control

from . import problems as IP

KINDS = ("target", "actual", "baseline")
TIERS = ("committed", "stretch")
COMPARATORS = ("=", ">=", "<=", "<", ">", "~")
YEARS = PLAUSIBLE_YEARS  # a year outside is a misread (2091 for 2019)
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


TITLE_MAX = 200
TITLE_LABEL = "标题 title"


def title_problems(title: str, file_name: str = "") -> list[P.Problem]:
    """A document title as a reviewer typed it: one line of at most TITLE_MAX characters.

    Example: ``title_problems("昭通脱贫攻坚\x1b")`` -> ``[ControlCharacter(..., "title", ...)]``
    """
    if found := first_control(title or ""):
        return [P.ControlCharacter(file_name, None, TITLE_LABEL, title, describe_control(found))]
    if len(title or "") > TITLE_MAX:
        message = f"标题超过 {TITLE_MAX} 字 / the title is longer than {TITLE_MAX} characters"
        return [IP.TitleTooLong(file_name, None, TITLE_LABEL, title[:40] + "…", message)]
    return []


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
    out.extend(duplicate_targets(rows, file_name))
    out.extend(duplicate_actuals(rows, file_name))
    if allowed_regions is not None:
        out.extend(region_refusals(rows, chains, allowed_regions, file_name))
    return out


# Codes many distinct items share (a plan's funds line items, areas, lengths, projects, people reached): two
# values of one of them in one year are two items, not two statements of one target.
SHARED_CODES = frozenset(
    {
        "other:funds_line_item",
        "other:area_mu",
        "other:area_ha",
        "other:length_km",
        "other:floor_area_m2",
        "other:projects",
        "other:people_benefited",
    }
)


def _target_key(row: dict) -> tuple | None:
    """(region, indicator, start, end, tier) of a target row; None for other kinds, unreadable years and the
    indicator codes many items share (``SHARED_CODES``)."""
    start, end = _year(row.get("period_start")), _year(row.get("period_end"))
    if row.get("kind") != "target" or start is None or end is None:
        return None
    if str(row.get("indicator") or "").strip() in SHARED_CODES:
        return None
    code = str(row.get("region_code") or "").strip()
    return code, str(row.get("indicator") or "").strip(), start, end, row.get("tier") or "committed"


def _said(row: dict) -> str:
    value = _number(row.get("value"))
    shown = format_value(value, row.get("unit") or "", "zh", row.get("comparator") or "=")
    return shown if value is not None else repr(row.get("value"))


def duplicate_targets(rows: list[dict], file_name: str = "") -> list[P.Problem]:
    """Two target rows of one region, indicator, period and tier with different values: only one can be the plan,
    so each of them says which other row it collides with. The same value said twice is no problem."""
    said = "同一地区、指标、年份({period})和层级,数值不同", "same region, indicator, year ({period}) and tier"
    return _duplicates(rows, _target_key, said, IP.DuplicateTarget, file_name)


def _actual_key(row: dict) -> tuple | None:
    """(region, indicator, start, end) of an actual row; None as for ``_target_key``."""
    start, end = _year(row.get("period_start")), _year(row.get("period_end"))
    if row.get("kind") != "actual" or start is None or end is None:
        return None
    if str(row.get("indicator") or "").strip() in SHARED_CODES:
        return None
    return str(row.get("region_code") or "").strip(), str(row.get("indicator") or "").strip(), start, end


def duplicate_actuals(rows: list[dict], file_name: str = "") -> list[P.Problem]:
    """Two actual rows of one region, indicator and period with different values ("76个贫困村…如期实现脱贫" and
    "2016年,…脱贫134个贫困村" both read as 2016): only one can be what happened."""
    said = "同一地区、指标、年份({period})的实际值不同", "an actual of the same region, indicator and year ({period})"
    return _duplicates(rows, _actual_key, said, IP.DuplicateActual, file_name)


def _duplicates(rows: list[dict], key_of, said: tuple[str, str], problem, file_name: str) -> list[P.Problem]:
    """Each row whose key (``key_of``) another row shares with another value, saying which rows it collides with."""
    by_key: dict[tuple, list[dict]] = {}
    for row in rows:
        key = key_of(row)
        if key is not None and key[0] and key[1]:
            by_key.setdefault(key, []).append(row)
    out: list[P.Problem] = []
    for key, group in by_key.items():
        if len({(_number(r.get("value")), r.get("comparator") or "=") for r in group}) < 2:
            continue
        period = f"{key[2]}" if key[2] == key[3] else f"{key[2]}-{key[3]}"
        zh, en = (part.format(period=period) for part in said)
        for row in group:
            others = [r for r in group if r is not row]
            numbers = "、".join(str(r.get("row_id")) for r in others)
            values = "、".join(_said(r) for r in others)
            message = (
                f"与第 {numbers} 行重复:{zh}({_said(row)} / {values}) / "
                f"duplicates row {numbers}: {en} with another value"
            )
            out.append(problem(file_name, row.get("row_id"), field_label("period_end"), row.get("value"), message))
    return out


def stored_conflicts(
    session: Session, rows: list[dict], published_on: str | None, file_name: str = ""
) -> list[P.Problem]:
    """Target rows that another document already stored with another value, for the same region, indicator,
    period and tier, where this document is older than that one or undated (stored, it would be taken as the
    newer plan). A document of the stored plan's date or later restates it (a revision, as ``etl.intake.store``
    stores it: a planner's correction of the same plan too), and the same value is a restatement: neither is a
    problem."""
    keyed = [(row, key) for row in rows if (key := _target_key(row)) is not None and key[0] and key[1]]
    stored = documents.stored_targets(session, {key for _row, key in keyed})
    out: list[P.Problem] = []
    for row, key in keyed:
        for found in stored.get(key, []):
            same = _number(row.get("value")) == found["value"] and (row.get("comparator") or "=") == found["comparator"]
            dated = found["published_on"]
            if same or not dated or (published_on and str(published_on)[:10] >= dated):
                continue
            theirs = format_value(found["value"], row.get("unit") or "", "zh", found["comparator"] or "=")
            where = f"批次 {found['batch_id']}({found['plan'] or found['file_name'] or ''},{dated})"
            ours = "未写日期" if not published_on else "早于它"
            message = (
                f"{where} 已存此目标为 {theirs},本行为 {_said(row)}:本文件{ours} / "
                f"batch {found['batch_id']} ({found['file_name'] or found['plan']}, {dated}) stores this target as "
                f"{theirs}; this row says {_said(row)}, and this document is "
                f"{'undated' if not published_on else 'older'}"
            )
            out.append(
                IP.StoredTargetConflict(file_name, row.get("row_id"), field_label("value"), row.get("value"), message)
            )
            break
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
    unknown = row.get("period_start") is None and row.get("period_end") is None  # 今年 in an undated text
    if unknown:
        add(IP.UnknownYear, "period_end", IP.UNKNOWN_YEAR)
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
