"""A figure's fields as people read them, Chinese first then English: the one label of each field wherever a
problem names it (uploads, the Documents page, the CLI).

Example::

    >>> field_label("region_code"), field_label("period_end"), field_label("something_else")
    ('地区 region', '年份 year', 'something_else')
"""

from __future__ import annotations

FIELD_LABELS = {
    "kind": "类型 kind",
    "region": "地区 region",
    "region_code": "地区 region",
    "region_name": "地区 region",
    "indicator": "指标 indicator",
    "indicator_name": "指标名称 indicator name",
    "unit": "单位 unit",
    "year": "年份 year",
    "period_start": "年份 year",
    "period_end": "年份 year",
    "value": "数值 value",
    "comparator": "比较 comparator",
    "tier": "层级 tier",
    "note": "备注 note",
    "source_url": "来源网址 source URL",
    "quote": "原文 quote",
    "reliability": "可靠性 reliability",
}


def field_label(name: str) -> str:
    """The bilingual label of a field; an unknown name as it is."""
    return FIELD_LABELS.get(name, name)
