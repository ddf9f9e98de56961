"""Figures laid out rather than written in sentences: target tables and counties listed one per line.

Example::

    figures = table_figures(text, find_tables(text)[0], gazetteer, plan_years(text, "2018-01-05", ""), info)
"""

from __future__ import annotations

import re

from . import classify, indicators
from .model import Extracted, pair_tiers
from .periods import PlanYears, year_tokens
from .regions import line_list
from .tables import TOTAL_LABELS, measure_of, tier_of, year_of


def table_figures(text, table, gazetteer, plan: PlanYears, info) -> list[Extracted]:
    """Figures of one table: region rows (a county each; 合计 = the document's region) or indicator rows."""
    heading = table.heading + " ".join(table.header)
    done = re.search(r"完成情况|实际完成|已完成|实绩", heading) is not None
    head_years = [t for t in year_tokens(table.heading, plan.doc_year) if t.kind in ("point", "range", "deadline")]
    out = []
    row_years = [y for r in table.rows if (y := year_of(r.label))]
    for row in table.rows:
        region = _row_region(row.label, gazetteer, info)
        for cell in row.cells:
            words = cell.column if region else f"{row.label} {cell.column}"
            if not re.sub(r"[((][^))]*[))]|\s|" + TIER_WORDS, "", words):  # "必成数(人)": the title says of what
                words = re.sub(r"(?:19|20)\d{2}年?|表$", "", table.heading) + words
            measure = measure_of(re.sub(r"[((][^))]*[))]", "", words), cell.unit)
            code = indicators.indicator_of_words(re.sub(r"[((][^))]*[))]|\d{4}年?", "", words), measure)
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
                    "actual" if done else "target",
                    name,
                    code_r,
                    code,
                    first,
                    year,
                    value,
                    unit,
                    "=",
                    text[row.start : row.end],
                    row.start,
                    row.end,
                    tier=tier_of(cell.column),
                    confidence=0.7,
                    indicator_label=indicators.label_of(code) or words.strip(),
                )
            )
    return pair_tiers(out)


TIER_WORDS = r"必成数|预备数|计划任务数|奋斗目标数|计划数|目标数|任务数"


def _row_region(label: str, gazetteer, info) -> tuple[str, str] | None:
    """The region a table row is for: a named county or prefecture; 合计/全县… -> the document's region;
    None when the row names an indicator instead."""
    label = re.sub(r"\s", "", label)
    if TOTAL_LABELS.match(label):
        return info.region_name, info.region_code
    code = gazetteer.resolve_near(label, info.region_code) if len(label) >= 2 else None
    if code is None and len(label) >= 3 and label[-1] in "县市区旗":
        code = gazetteer.resolve_near(label[:-1], info.region_code)
    return (gazetteer.regions[code].name_zh, code) if code else None


def line_list_exits(text, gazetteer, plan: PlanYears, info) -> list[Extracted]:
    """Counties listed one per line under an exit heading (a one-column table), one figure each."""
    out = []
    for r, heading in line_list(text, gazetteer, info.region_code):
        points = [t for t in year_tokens(heading, plan.doc_year) if t.kind == "point"]
        year = points[-1].year if points else plan.doc_year
        planned = classify.FUTURE_CUES.search(heading) or classify.PLANNED_FOR.search(heading)
        kind = "target" if planned or year > plan.doc_year else "actual"
        out.append(
            Extracted(
                kind,
                r.name,
                r.code,
                "counties_exited",
                year,
                year,
                1.0,
                "个",
                "=",
                text[r.start : r.end],
                r.start,
                r.end,
                confidence=0.7,
                indicator_label=indicators.label_of("counties_exited"),
            )
        )
    return out
