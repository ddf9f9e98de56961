"""Figures laid out rather than written in sentences: target tables and counties listed one per line.

Example::

    figures = table_figures(text, find_tables(text)[0], gazetteer, plan_years(text, "2018-01-05", ""), info)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from . import classify, indicators
from .cell_lines import cell_line_tables
from .lists import exit_name_lists, prose_exit_lists, unplaced_lines
from .model import Extracted, county_exit, pair_tiers
from .periods import PlanYears, year_tokens
from .regions import line_list, place_code, resolve_county
from .stacked_tables import stacked_tables, unit_from_text
from .tables import TOTAL_LABELS, Table, find_tables, measure_of, tier_of, year_of
from .two_level_headers import two_level_tables

TIER_WORDS = r"(?:计划任务|必成|奋斗目标|预备|目标任务|力争|争取)数?|计划数|目标数|任务数"
TOWN = re.compile(r"(?:镇|乡|街道|办事处|社区|管委会)$")
TOTAL_QUOTE = re.compile(r"^\s*(?:全[省市县区州旗盟])?(?:合\s*计|总\s*计)")
SUBTOTAL = re.compile(r"^小\s*计$")
LINE_ITEM = "other:funds_line_item"
STAFF_COLUMN = re.compile(r"工作队|干部|第一书记|责任(?:人|单位)|联系人|帮扶单位")


def laid_out_tables(text: str, gazetteer, info) -> list[Table]:
    """Every table of text: aligned (pipe, tab, spaces) and flattened by a web page (one cell per line, one line).

    >>> from etl.gazetteer import Gazetteer
    >>> len(laid_out_tables("县名|脱贫人口(人)\\n甲县|1200\\n合计|1200\\n", Gazetteer.from_rows([]), None))
    1
    """
    own = info.region_code if info is not None else None
    two_level = two_level_tables(text)  # its rows under a header of two rows that an aligned reader misreads
    aligned = [t for t in find_tables(text) if not any(o.start < t.end and t.start < o.end for o in two_level)]
    tables = [_text_unit(t, text) for t in aligned]
    tables += two_level
    for t in stacked_tables(text, lambda word: _place(word, gazetteer, own) is not None):
        if not any(o.start < t.end and t.start < o.end for o in tables):
            tables.append(t)
    for t in cell_line_tables(text, lambda word: _place(word, gazetteer, own) is not None):
        if not any(o.start < t.end and t.start < o.end for o in tables):
            tables.append(t)
    return sorted(tables, key=lambda t: t.start)


def _text_unit(table: Table, text: str) -> Table:
    """Bare cells take the unit the text above gives one of the table's figures ("现将…资金12万元下达给你们"
    over "合计 | 12"), as a table one cell a line does."""
    return replace(table, rows=unit_from_text(table.rows, text[max(0, table.start - 1500) : table.start]))


def unread_spans(text: str, tables: list[Table], gazetteer, info) -> list[tuple[int, int]]:
    """What the sentence reader must skip: the tables (read here) and the lines of a by-region list that name a
    unit with no region code (巴中经济开发区:…115万元, bazhong-2019-county-funds-list)."""
    own = info.region_code if info is not None else None
    return [(t.start, t.end) for t in tables] + unplaced_lines(text, lambda w: _place(w, gazetteer, own) is not None)


def restated(prose: list[Extracted], tabled: list[Extracted]) -> list[Extracted]:
    """Tables and prose together, each figure once. Prose figures a table restates (the same amount for the same
    year, "乐都区819万元" beside the table's "乐都区 819") are the table's: the table's row and region are kept.
    But a table's total said in a sentence ("现将…资金408万元下达给你们" and 合计 408) keeps the sentence, which
    says what the amount is for.

    >>> from etl.extract.model import Extracted
    >>> row = Extracted("target", "甲县", "1", "funds", 2020, 2020, 4e6, "元", "=", "合计 | 400", 50, 58)
    >>> said = Extracted("target", "甲县", "1", "funds", 2020, 2020, 4e6, "元", "=", "下达资金400万元", 0, 9)
    >>> [f.quote for f in restated([said], [row])]
    ['下达资金400万元']
    """

    def series(f: Extracted) -> tuple:
        return (f.kind, f.period_end, f.value, f.unit, f.region_code, f.indicator)

    in_prose = {series(f) for f in prose}
    totals = {series(f) for f in tabled if TOTAL_QUOTE.match(f.quote)} & in_prose
    tabled = [f for f in tabled if not (TOTAL_QUOTE.match(f.quote) and series(f) in totals)]
    seen = {(f.kind, f.period_end, f.value, f.unit) for f in tabled}
    same = {(f.kind, f.period_end, f.value, f.unit, f.indicator) for f in tabled}

    def said_again(f: Extracted) -> bool:
        if series(f) in totals:
            return False
        if f.indicator in {code for _, code in indicators.PER_UNIT_FUNDS}:  # a norm per village is no allocation
            return (f.kind, f.period_end, f.value, f.unit, f.indicator) in same
        return (f.kind, f.period_end, f.value, f.unit) in seen

    return tabled + [f for f in prose if not said_again(f)]


def table_figures(text, table, gazetteer, plan: PlanYears, info) -> list[Extracted]:
    """Figures of one table: region rows (a county each; 合计 = the document's region) or indicator rows."""
    heading = table.heading + " ".join(table.header)
    done = re.search(r"完成情况|实际完成|已完成|实绩", heading) is not None
    planned = classify.FUTURE_CUES.search(heading) or re.search(r"计划|目标|任务|安排|分配|下达", heading)
    head_years = [t for t in year_tokens(table.heading, plan.doc_year) if t.kind in ("point", "range", "deadline")]
    out = []
    row_years = [y for r in table.rows if (y := year_of(r.label))]
    placed = {id(r): _row_region(r.label, gazetteer, info) for r in table.rows}
    whole = _heading_place(table.heading, gazetteer, info)  # "保定" over its counties: the total is 保定's
    placed.update({id(r): whole for r in table.rows if whole and TOTAL_LABELS.match(re.sub(r"\s", "", r.label))})
    by_region = sum(placed[id(r)] is not None and not TOTAL_LABELS.match(r.label) for r in table.rows) >= 2
    dropped = _other_money_columns(table)
    projects = any("项目" in h for h in table.header)
    for row in table.rows:
        region = placed[id(row)]
        if SUBTOTAL.match(row.label):
            continue  # a group's subtotal: neither a region nor the whole
        if region is None and by_region and not TOTAL_LABELS.match(row.label):
            continue  # a row of a table by region that names no region of the gazetteer (巴中经济开发区)
        if region is None and TOWN.search(row.label) and not projects:
            continue  # a township's share: below the county, no region code (daying-2019's convention)
        for cell in row.cells:
            part = (
                cell.column in dropped
                and not table.items
                and region is not None
                and (SOURCE.match(cell.column) or table.grouped)
            )
            if cell.column in dropped and not part:
                continue
            if STAFF_COLUMN.search(cell.column):
                continue  # who is sent to help (省直驻村工作队数), not what is to be done
            if cell.value == 0:
                continue  # "合 计 | 3069.7 | 0 | 1000": an empty source or column, nothing to reach
            if YEAR_COLUMN.search(cell.column) and cell.value == int(cell.value) and 2000 <= cell.value <= 2035:
                # "计划摘帽年度 | 2019": the year a county exits
                out += _exit_year(text, row, cell, region, gazetteer, heading, plan)
                continue
            words = cell.column if region else f"{row.label} {cell.column}"
            measure = measure_of(re.sub(r"[((][^))]*[))]", "", words), cell.unit)
            code = indicators.indicator_of_words(re.sub(r"[((][^))]*[))]|\d{4}年?|" + TIER_WORDS, "", words), measure)
            if code is None and region is not None:  # year or tier columns (必成数(人)): the title names the indicator
                title = _title_words(table.heading)
                measure = measure_of(title, cell.unit)
                code = indicators.indicator_of_words(title, measure) if title else None
                code = None if code is None or code.startswith("other:") else code
            if (table.items and region is None) or part:  # a project's amount, or a region's by source: parts
                code = LINE_ITEM if measure == "元" else None
            if code is None:
                continue
            year = year_of(cell.column) or year_of(row.label)
            first = year
            if year is None and row_years and TOTAL_LABELS.match(row.label):  # the total of a per-year table
                first, year = min(row_years), max(row_years)
            if year is None and head_years:
                year, first = head_years[-1].year, head_years[-1].first or head_years[-1].year
            if year is None:
                year = first = plan.doc_year
            if not indicators.is_flow(code, measure):
                first = year
            unit, value = indicators.base_unit(cell.unit or measure, code, cell.value)
            name, code_r = region or (info.region_name, info.region_code)
            out.append(
                Extracted(
                    "actual" if done or (year < plan.doc_year and not planned) else "target",
                    name,
                    code_r,
                    code,
                    first,
                    year,
                    value,
                    unit,
                    cell_comparator(text[cell.start : cell.end], cell.column),
                    text[row.start : row.end],
                    row.start,
                    row.end,
                    tier=tier_of(cell.column),
                    confidence=0.7,
                    indicator_label=_label(code, cell.column, row.label, words),
                )
            )
    return pair_tiers(out)


SOURCE = re.compile(r"(?:中央|省级?|市级?|县级?|区级?|本级|地方)(?:财政)?(?:专项)?(?:扶贫)?资金")
MONEY_COLUMN = re.compile(r"资金|金额|投资|预算|补助|万元|亿元")


def _other_money_columns(table: Table) -> set[str]:
    """With several amount columns, the one that is the allocation: a project's 财政扶贫资金 rather than its
    总投资; a region's 合计 rather than its parts by source (中央/省级/市级). The others are left out of the
    allocation; a region's parts by source come out as line items (jiaozuo-2018-funds-allocation-table-trad)."""
    columns = list(dict.fromkeys(c.column for r in table.rows for c in r.cells))
    money = [c for c in columns if MONEY_COLUMN.search(c) and year_of(c) is None]
    if len(money) < 2:
        return set()
    total = [c for c in money if re.search(r"合计|总计|小计|总额", c)][:1]
    if table.items:
        keep = [c for c in money if re.search(r"扶贫|财政", c) and not re.search(r"其中", c)][:1] or total or money[:1]
    else:
        keep = total
    return set(money) - set(keep) if keep else set()


YEAR_COLUMN = re.compile(r"(?:年度|年份|时间|年限|时限)(?:[((][^))]*[))])?$")


def _exit_year(text, row, cell, region, gazetteer, heading: str, plan: PlanYears) -> list[Extracted]:
    """A county's exit year in a table of exits ("县区 | 计划摘帽年度" over "平安区 | 2018"): that county, value 1,
    that year; a year in any other column is no figure."""
    year = int(cell.value)
    # the column says exit ("摘帽年度"), or a bare 年度 column in a table of exits ("贫困县摘帽计划表")
    exits = re.search(r"摘帽|退出|脱贫|出列", cell.column) or (
        re.fullmatch(r"(?:计划)?(?:年度|年份|时间)", cell.column.strip()) and re.search(r"摘帽|退出", heading)
    )
    if not (exits and region and 2000 <= year <= 2035 and cell.value == year):
        return []
    name, code = region
    if code is None or gazetteer.regions[code].level != "county":
        return []
    kind = "actual" if year < plan.doc_year or re.search(r"已|实际|完成情况", cell.column) else "target"
    return [county_exit(kind, name, code, (year, year), text, row.start, cell.end, 0.7)]


def cell_comparator(cell: str, column: str) -> str:
    """A cell's comparator, written before its number ("≥95") or in its column ("增长(%)以上", "不低于").

    >>> cell_comparator("≥95", "识别准确率(%)"), cell_comparator("10", "增幅(%)以上"), cell_comparator("3", "发生率")
    ('>=', '>=', '=')
    >>> cell_comparator("3%以下", "贫困发生率")
    '<='

    """
    cell = cell.strip()
    for sign, comp in _CELL_SIGNS:
        if cell.startswith(sign):
            return comp
    if "左右" in cell:
        return "~"
    for pattern, comp in _COLUMN_WORDS:  # "95%以上" in the cell, or "增长(%)以上" over it
        if re.search(pattern, cell) or re.search(pattern, column):
            return comp
    return "="


_CELL_SIGNS = (("≥", ">="), ("≤", "<="), (">", ">"), ("<", "<"), ("约", "~"), ("~", "~"))
_COLUMN_WORDS = ((r"不低于|不少于|以上|至少", ">="), (r"不超过|不高于|以下|以内", "<="), (r"低于", "<"))


def _title_words(heading: str) -> str:
    """What a table's title says it counts: "各县区2018-2020年减贫人数分解表" -> "各县区减贫人数"."""
    lines = [ln.strip() for ln in heading.splitlines() if ln.strip()]
    title = lines[-1] if lines else ""
    title = re.sub(r"[((][^))]*[))]|(?:19|20)\d{2}(?:\s*[-—~至到]\s*(?:19|20)?\d{2})?年?度?", "", title)
    return re.sub(r"(?:分解|任务|计划|安排|分配|汇总|一览)?表$|^附件\d*[::]?", "", title)


def _label(code: str, column: str, row_label: str, words: str) -> str:
    if code == LINE_ITEM and SOURCE.match(column):
        return column
    if code == LINE_ITEM:
        return f"{column}({row_label})"
    return indicators.label_of(code) or words.strip()


def _place(label: str, gazetteer, own: str | None) -> str | None:
    """The code of a county (of the document's region first) or larger region a row label names."""
    label = re.sub(r"\s|[((][^))]*[))]", "", label)  # "乐都区(含高庙镇)"
    if len(label) < 2 or not re.search(r"[\u4e00-\u9fff]", label):
        return None
    code = _inside(label, gazetteer, own)
    code = code or place_code(label, gazetteer, own)
    if code is None and len(label) >= 3 and label[-1] in "县市区旗":
        code = gazetteer.resolve_near(label[:-1], own)
    return code


def _inside(label: str, gazetteer, own: str | None) -> str | None:
    """A region of that name inside the document's own region ("城关区" of this prefecture, not another's)."""
    if not own:
        return None
    variants = [label] + ([label[:-1], label[:-1] + "区", label[:-1] + "市"] if label[-1] in "县市区旗" else [])
    for name in variants:
        for code in gazetteer.candidates.get(name, []):
            if code != own and own in {r.code for r in gazetteer.ancestors(code)}:
                return code
    return None


def _heading_place(heading: str, gazetteer, info) -> tuple[str, str] | None:
    """The region a line of its own just above a table names ("保定" over 阜平县, 涞源县 …), when it is not the
    document's own: the region the table's total is for."""
    lines = [ln.strip() for ln in heading.splitlines() if ln.strip()]
    if not lines or len(lines[-1]) > 8:
        return None
    code = _place(lines[-1], gazetteer, info.region_code)
    if code is None or code == info.region_code:
        return None
    return gazetteer.regions[code].name_zh, code


def _row_region(label: str, gazetteer, info) -> tuple[str, str] | None:
    """The region a table row is for: a named county or prefecture; 合计/全县… -> the document's region;
    None when the row names an indicator instead."""
    label = re.sub(r"\s", "", label)
    if TOTAL_LABELS.match(label):
        return info.region_name, info.region_code
    code = _place(label, gazetteer, info.region_code)
    return (gazetteer.regions[code].name_zh, code) if code else None


def line_list_exits(text, gazetteer, plan: PlanYears, info) -> list[Extracted]:
    """Counties listed under an exit heading (one per line, or grouped under their prefectures, numbered,
    space- or 、-separated, in a table), one figure each."""
    out = []
    listed = [(r.name, r.code, r.start, r.end, heading) for r, heading in line_list(text, gazetteer, info.region_code)]
    county = lambda name: resolve_county(name, gazetteer, info.region_code)  # noqa: E731
    listed += exit_name_lists(text, county)
    listed += [hit for hit in prose_exit_lists(text, county) if not any(hit[1] == o[1] for o in listed)]
    listed = _near_each_other(listed, gazetteer)
    for name, code, start, end, heading in listed:
        points = [t for t in year_tokens(heading, plan.doc_year) if t.kind == "point"]
        year = first = points[-1].year if points else plan.doc_year
        if not points and REST_OF_PLAN.search(heading) and plan.plan_end > plan.doc_year:
            first, year = plan.doc_year + 1, plan.plan_end  # "今后还有19个县市要脱贫摘帽": the plan's later years
        planned = classify.FUTURE_CUES.search(heading) or classify.PLANNED_FOR.search(heading)
        planned = planned or STILL_TO_EXIT.search(heading)
        kind = "target" if planned or year > plan.doc_year else "actual"
        name = gazetteer.regions[code].name_zh if code in gazetteer.regions else name
        out.append(county_exit(kind, name, code, (first, year), text, start, end, 0.7))
    return out


def _near_each_other(listed: list[tuple], gazetteer) -> list[tuple]:
    """A name several counties share (永定区 of 张家界 and of 龙岩) is the one in the province of most of the
    other counties listed with it, whatever region the document seems to be of."""
    provinces = Counter(_province(code, gazetteer) for _, code, *_ in listed)
    out = []
    for name, code, *rest in listed:
        if gazetteer.is_ambiguous(name) or not gazetteer.resolve(name):
            others = provinces - Counter([_province(code, gazetteer)])
            home = others.most_common(1)[0][0] if others else None
            code = (resolve_county(name, gazetteer, home) if home else None) or code
        out.append((name, code, *rest))
    return out


def _province(code: str, gazetteer) -> str | None:
    chain = [code, *(r.code for r in gazetteer.ancestors(code))]
    return next((c for c in chain if c in gazetteer.regions and gazetteer.regions[c].level == "province"), None)


STILL_TO_EXIT = re.compile(r"督战|未(?:摘帽|退出|脱贫)")  # "脱贫攻坚挂牌督战县名单": counties yet to exit
REST_OF_PLAN = re.compile(r"今后|剩下|剩余|还有|其余")
