"""One row of an upload checked cell by cell; every problem recorded with its sheet, row and column.

Used by ``etl.validate``; each distinct cell text is parsed once (uploads repeat years, units and names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl import problems as P
from etl.columns import COLUMNS, TIER_WORDS, header, kind_of
from etl.readers import column_letter
from etl.values import (
    PLAUSIBLE_YEARS,
    ValueProblem,
    normalize_text,
    number_text,
    parse_cell,
    parse_comparator,
    parse_year,
    unit_factor,
    unit_mismatch,
)
from text.fields import field_label
from text.format import format_value, plain_number
from textsafety import describe_control, first_control

RELIABILITY = {
    "official": "official",
    "官方": "official",
    "repost": "repost",
    "转载": "repost",
    "low": "low",
    "低": "low",
    "低可靠性": "low",
}
COUNT_UNITS = {"人", "户", "个", "元", "项", "名", "亩", "公里", "平方米"}
MAX_TEXT = 4000
KIND_ZH = {"stock": "存量", "rate": "比率", "flow": "流量"}

# Uploads repeat the same years, units and often values: parse each distinct cell text once.
_year_of = lru_cache(maxsize=4096)(parse_year)
_number_of = lru_cache(maxsize=65536)(parse_cell)
_unit_of = lru_cache(maxsize=256)(unit_factor)


@dataclass(slots=True)
class Row:
    kind: str
    region_code: str
    indicator: str
    period_start: int
    period_end: int
    value: float
    comparator: str
    unit: str
    reliability: str
    source_url: str
    quote: str
    note: str
    sheet: str
    row: int
    tier: str = "committed"

    @property
    def key(self) -> tuple:
        """A stretch target is a series of its own: its key says so (committed keys stay as they were)."""
        base = (self.kind, self.region_code, self.indicator, self.period_start, self.period_end)
        return (*base, "stretch") if self.tier == "stretch" else base


class RowChecker:
    def __init__(self, sheet, catalog, where, labels, sheet_kind, out, seen):
        self.sheet, self.catalog, self.where, self.labels = sheet, catalog, where, labels
        self.sheet_kind, self.out, self.seen = sheet_kind, out, seen
        self.region_cache: dict[str, list[str]] = {}
        self.suggestion_cache: dict[str, list[str]] = {}
        self.positions = list(where.items())
        self.current: dict = {}
        self.formulas: dict[int, list[tuple[int, str]]] = {}
        for (row, col), formula in sheet.formulas_without_value.items():
            self.formulas.setdefault(row, []).append((col, formula))

    def cell(self, _cells: list, name: str):
        return self.current.get(name)

    def _clean(self, cells: list) -> dict:
        n = len(cells)
        out = {}
        for name, i in self.positions:
            if i < n:
                value = cells[i]
                if value is not None and value != "" and not (isinstance(value, str) and value.isspace()):
                    out[name] = value
        return out

    def fail(self, cls, number: int, name: str, value, message: str) -> None:
        label = self.labels.get(name) or (header(name) if name in COLUMNS else field_label(name))
        self.out.problems.append(cls(self.sheet.name, number, label, value, message))

    def check(self, number: int, cells: list) -> None:
        before = len(self.out.problems)
        self.current = self._clean(cells)
        for col, formula in self.formulas.get(number, ()):
            self.out.problems.append(
                P.FormulaWithoutValue(
                    self.sheet.name,
                    number,
                    column_letter(col),
                    f"={formula.lstrip('=')}",
                    "公式没有保存的计算结果(这里不计算公式) / "
                    "the formula has no saved value (formulas are never calculated here)",
                )
            )
        kind = self._kind(number, cells)
        region = self._region(number, cells)
        indicator = self._indicator(number, cells)
        start, end = self._period(number, cells, indicator)
        value, comparator = self._value(number, cells, indicator)
        extra = self._extras(number, cells)
        tier = self._tier(number, cells, kind)
        if len(self.out.problems) > before:
            return
        row = Row(
            kind,
            region,
            indicator,
            start,
            end,
            value,
            comparator,
            self.catalog.indicators[indicator]["unit"],
            *extra,
            sheet=self.sheet.name,
            row=number,
            tier=tier,
        )
        earlier = self.seen.get(row.key)
        if earlier is None:
            self.seen[row.key] = row
            self.out.rows.append(row)
            return
        if (earlier.value, earlier.comparator) == (value, comparator):
            cls = P.DuplicateRow
            message = (
                f"本行与 {earlier.sheet} 第 {earlier.row} 行重复 / this row repeats {earlier.sheet} row {earlier.row}"
            )
        else:
            cls, key = P.ConflictingRow, f"{kind} {region} {indicator} {start}–{end}"
            message = (
                f"{earlier.sheet} 第 {earlier.row} 行对同一项({key})给出 "
                f"{format_value(earlier.value, earlier.unit, 'zh', earlier.comparator)} / {earlier.sheet} row "
                f"{earlier.row} gives {format_value(earlier.value, earlier.unit, 'en', earlier.comparator)} for the "
                f"same key as this row ({key})"
            )
        self.fail(cls, number, "value", self.cell(cells, "value"), message)

    def _tier(self, number, cells, kind) -> str:
        raw = self.cell(cells, "tier")
        if raw is None:
            return "committed"
        tier = TIER_WORDS.get(normalize_text(raw).lower())
        if tier is None:
            self.fail(
                P.UnknownTier,
                number,
                "tier",
                raw,
                f"{raw!r} 既不是 必成 也不是 力争 / {raw!r} is neither 必成 committed nor 力争 stretch",
            )
        elif tier == "stretch" and kind != "target":
            self.fail(P.UnknownTier, number, "tier", raw, "只有目标有 力争 档 / only a target has a 力争 stretch tier")
        return tier or "committed"

    def _kind(self, number, cells):
        raw = self.cell(cells, "kind")
        if raw is None:
            if self.sheet_kind is None:
                self.fail(
                    P.MissingValue,
                    number,
                    "kind",
                    "",
                    "类型(目标 / 实际)为空 / the kind (目标 target / 实际 actual) is empty",
                )
            return self.sheet_kind
        kind = kind_of(raw)
        if kind is None:
            self.fail(
                P.UnknownKind,
                number,
                "kind",
                raw,
                f"{raw!r} 既不是 目标 也不是 实际 / {raw!r} is neither 目标 target nor 实际 actual",
            )
        return kind

    def _matches(self, text) -> list[str]:
        key = str(int(text)) if isinstance(text, float) and text.is_integer() else normalize_text(text)
        if key not in self.region_cache:
            self.region_cache[key] = self.catalog.gazetteer.matches(key)
        return self.region_cache[key]

    def _did_you_mean(self, text) -> tuple[str, str]:
        """The closest region names to a name that matched none (贵洲省: 贵州省), as the Chinese and English tails
        of the refusal; nothing for a code or when no name is close."""
        if not isinstance(text, str) or not re.search(r"[\u4e00-\u9fff]", text):
            return "", ""
        key = normalize_text(text)
        if key not in self.suggestion_cache:
            self.suggestion_cache[key] = self.catalog.gazetteer.similar(key)
        regions = self.catalog.gazetteer.regions
        listed = "、".join(f"{regions[c].name_zh} {c}{self._within(c)}" for c in self.suggestion_cache[key])
        if not listed:
            return "", ""
        return f",是否指 {listed}?", f"; did you mean {listed.replace('、', ', ')}?"

    def _ambiguous(self, number, name: str, text, codes: list[str]) -> None:
        regions = self.catalog.gazetteer.regions
        listed = ", ".join(f"{regions[c].name_zh} {c}{self._within(c)}" for c in codes)
        self.fail(
            P.AmbiguousRegion,
            number,
            name,
            text,
            f"{text!r} 可指多个地区:{listed} / {text!r} names several regions: {listed}",
        )

    def _within(self, code: str) -> str:
        parents = [r.name_zh for r in reversed(self.catalog.gazetteer.ancestors(code)) if "辖" not in r.name_zh]
        return f" ({''.join(parents)})" if parents else ""

    def _region(self, number, cells):
        """The one region a row is for. A name several regions share (朝阳) is refused, naming them all, unless
        the code beside it says which; no region is ever guessed."""
        code_cell, name_cell = self.cell(cells, "region_code"), self.cell(cells, "region_name")
        if code_cell is None and name_cell is None:
            self.fail(P.MissingValue, number, "region_code", "", "地区代码和名称都为空 / no region code or name")
            return None
        if code_cell is not None:
            codes = self._matches(code_cell)
            if not codes:
                zh, en = self._did_you_mean(code_cell)
                message = f"没有代码或名称为 {code_cell!r} 的地区{zh} / no region has code or name {code_cell!r}{en}"
                self.fail(P.UnknownRegion, number, "region_code", code_cell, message)
            elif len(codes) > 1:
                self._ambiguous(number, "region_code", code_cell, codes)
            elif name_cell is not None and codes[0] not in self._matches(name_cell):
                known = self.catalog.gazetteer.regions[codes[0]].name_zh
                self.fail(
                    P.RegionMismatch,
                    number,
                    "region_name",
                    name_cell,
                    f"代码 {code_cell} 是 {known},名称却是 {name_cell!r} / "
                    f"code {code_cell} is {known}, but the name says {name_cell!r}",
                )
            return codes[0] if len(codes) == 1 else None
        codes = self._matches(name_cell)
        if not codes:
            self.fail(
                P.UnknownRegion,
                number,
                "region_name",
                name_cell,
                "没有名为 {0!r} 的地区{1} / no region is called {0!r}{2}".format(
                    name_cell, *self._did_you_mean(name_cell)
                ),
            )
        elif len(codes) > 1:
            self._ambiguous(number, "region_name", name_cell, codes)
        return codes[0] if len(codes) == 1 else None

    def _indicator(self, number, cells):
        raw = self.cell(cells, "indicator")
        if raw is None:
            self.fail(P.MissingValue, number, "indicator", "", "指标为空 / the indicator is empty")
            return None
        code = self.catalog.indicator_code(raw if isinstance(raw, str) else str(raw))
        if code is None:
            self.fail(
                P.UnknownIndicator,
                number,
                "indicator",
                raw,
                f"没有名为 {raw!r} 的指标 / no indicator is called {raw!r}",
            )
        return code

    def _year(self, number, cells, name):
        raw = self.cell(cells, name)
        if raw is None:
            return None
        try:
            return _year_of(raw)
        except ValueProblem as exc:
            self.fail(P.BadYear, number, name, raw, str(exc))
            return None

    def _period(self, number, cells, indicator):
        year = self._year(number, cells, "year")
        start, end = self._year(number, cells, "period_start"), self._year(number, cells, "period_end")
        # Name the column the planner actually filled when a year is wrong.
        start_col = "period_start" if start else ("year" if year else "period_end")
        end_col = "period_end" if end else ("year" if year else "period_start")
        end = end or year or start
        start = start or end
        if end is None:
            if not any(self.cell(cells, n) is not None for n in ("year", "period_start", "period_end")):
                self.fail(
                    P.MissingValue, number, "period_end", "", "年份(截止年)为空 / the year (截止年 period_end) is empty"
                )
            return None, None
        if start > end:
            self.fail(
                P.PeriodReversed,
                number,
                "period_start",
                start,
                f"起始年 {start} 晚于截止年 {end} / the period starts ({start}) after it ends ({end})",
            )
        lo, hi = PLAUSIBLE_YEARS  # not the stored plans' years: a new plan period comes in by upload too
        for name, year in ((start_col, start), (end_col, end)) if self.catalog.years is not None else ():
            if not lo <= year <= hi:
                self.fail(
                    P.YearOutsidePlan,
                    number,
                    name,
                    year,
                    f"{year} 不是合理的年份({lo}–{hi} 之外) / {year} is not a plausible year (outside {lo}–{hi})",
                )
                break
        info = self.catalog.indicators.get(indicator)
        stored = (indicator, start, end) in self.catalog.spans  # a stored plan's own period, as the template writes it
        if info and info["kind"] in ("stock", "rate") and start != end and not stored:
            self.fail(
                P.StockAsFlow,
                number,
                "period_start",
                f"{start}–{end}",
                f"{indicator} 是{KIND_ZH.get(info['kind'], info['kind'])}(年末时点数),不能覆盖 {start}–{end} / "
                f"{indicator} is a {info['kind']} (read at year end), so it cannot cover {start}–{end}",
            )
        return start, end

    def _value(self, number, cells, indicator):
        raw = self.cell(cells, "value")
        if raw is None:
            if not any(col == self.where["value"] for col, _f in self.formulas.get(number, ())):
                self.fail(P.MissingValue, number, "value", "", "数值为空 / the value is empty")
            return None, "="
        try:
            parsed = _number_of(raw) if isinstance(raw, str) else parse_cell(raw)
        except ValueProblem as exc:
            self.fail(P.NotANumber, number, "value", raw, str(exc))
            return None, "="
        comparator = parsed.comparator
        raw_cmp = self.cell(cells, "comparator")
        if raw_cmp is not None:
            try:
                given = parse_comparator(raw_cmp)
            except ValueProblem as exc:
                self.fail(P.UnknownComparator, number, "comparator", raw_cmp, str(exc))
                given = comparator
            if comparator != "=" and given != comparator:
                self.fail(
                    P.UnknownComparator,
                    number,
                    "comparator",
                    raw_cmp,
                    f"比较列是 {raw_cmp!r},数值却是 {raw!r} / "
                    f"the comparator says {raw_cmp!r} but the value says {raw!r}",
                )
            comparator = given if comparator == "=" else comparator
        info = self.catalog.indicators.get(indicator)
        if info is None:
            return parsed.value, comparator
        return self._in_unit(number, cells, raw, parsed, info), comparator

    def _in_unit(self, number, cells, raw, parsed, info) -> float | None:
        unit, value = info["unit"], parsed.value
        factor, column_unit = _unit_of(str(self.cell(cells, "unit") or ""))
        for name, written in (("value", parsed.unit), ("unit", column_unit)):
            if mismatch := unit_mismatch(info["code"], unit, written):
                self.fail(P.UnitMismatch, number, name, raw if name == "value" else self.cell(cells, "unit"), mismatch)
                return None
        if factor != 1:
            if isinstance(raw, str) and re.search("[万亿]", number_text(raw)):
                self.fail(
                    P.UnitMismatch,
                    number,
                    "unit",
                    self.cell(cells, "unit"),
                    f"数值 {raw!r} 和单位中都写了 万/亿 / 万/亿 is written both in the value {raw!r} and in the unit",
                )
                return None
            value = round(value * factor, 6)
        if unit == "%" and not 0 <= value <= 100:
            self.fail(
                P.RateOutOfRange,
                number,
                "value",
                raw,
                f"{plain_number(value)}% 不在 0 到 100 之间 / {plain_number(value)}% is not between 0 and 100",
            )
        elif unit in COUNT_UNITS and value < 0:
            self.fail(
                P.NegativeCount,
                number,
                "value",
                raw,
                f"{plain_number(value)} {unit}:数量不能为负 / {plain_number(value)} {unit}: a count cannot be negative",
            )
        return value

    def _extras(self, number, cells) -> tuple[str, str, str, str]:
        raw = self.cell(cells, "reliability")
        reliability = RELIABILITY.get(normalize_text(raw).lower(), None) if raw is not None else "official"
        if reliability is None:
            self.fail(
                P.BadReliability,
                number,
                "reliability",
                raw,
                f"{raw!r} 不是已知的可靠性 / {raw!r} is not a known reliability",
            )
        url = str(self.cell(cells, "source_url") or "").strip()
        if url and (found := first_control(url)):
            message = f"来源链接含有控制字符:{describe_control(found)}"
            self.fail(P.ControlCharacter, number, "source_url", url, message)
        elif url and not re.match(r"https?://\S+\Z", url):
            self.fail(P.BadUrl, number, "source_url", url, "来源链接不是网址 / the source link is not a web address")
        texts = []
        for name in ("quote", "note"):
            text = self.cell(cells, name)
            text = (
                ""
                if text is None
                else (plain_number(text) if isinstance(text, float) else str(text).replace("\r\n", "\n"))
            )
            if len(text) > MAX_TEXT:
                self.fail(
                    P.TextTooLong,
                    number,
                    name,
                    text[:40] + "…",
                    f"{len(text):,} 个字符,超过 {MAX_TEXT:,} / {len(text):,} characters, over {MAX_TEXT:,}",
                )
            elif found := first_control(text, multiline=True):
                self.fail(P.ControlCharacter, number, name, text[:40], describe_control(found))
            texts.append(text)
        return reliability, url, *texts
