"""The columns of an upload, with bilingual headers, and how header cells are recognised.

Example::

    >>> header_field("地区代码 region_code"), header_field("年份"), header_field("Value")
    ('region_code', 'year', 'value')
"""

from __future__ import annotations

import unicodedata

# field -> (Chinese, English); the template writes "中文 english", either half alone is accepted too.
COLUMNS = {
    "kind": ("类型", "kind"),
    "region_code": ("地区代码", "region_code"),
    "region_name": ("地区名称", "region_name"),
    "indicator": ("指标", "indicator"),
    "period_start": ("起始年", "period_start"),
    "period_end": ("截止年", "period_end"),
    "comparator": ("比较", "comparator"),
    "value": ("数值", "value"),
    "unit": ("单位", "unit"),
    "source_url": ("来源链接", "source_url"),
    "quote": ("原文", "quote"),
    "reliability": ("可靠性", "reliability"),
    "note": ("备注", "note"),
    "tier": ("档次", "tier"),  # optional, targets only: 必成 committed (default) or 力争 stretch
}
ALIASES = {
    "年份": "year",
    "year": "year",
    "年度": "year",
    "地区": "region_name",
    "region": "region_name",
    "地区名": "region_name",
    "行政区划代码": "region_code",
    "adcode": "region_code",
    "code": "region_code",
    "指标代码": "indicator",
    "指标名称": "indicator",
    "值": "value",
    "目标值": "value",
    "实际值": "value",
    "数量": "value",
    "来源": "source_url",
    "url": "source_url",
    "说明": "note",
}
TARGET_FIELDS = [
    "region_code",
    "region_name",
    "indicator",
    "period_start",
    "period_end",
    "comparator",
    "value",
    "unit",
    "source_url",
    "quote",
    "reliability",
    "note",
    "tier",  # last, optional: a sheet without it is all committed; blank is committed too
]
ACTUAL_FIELDS = [
    "region_code",
    "region_name",
    "indicator",
    "period_start",
    "period_end",
    "value",
    "unit",
    "source_url",
    "quote",
    "reliability",
    "note",
]
TIER_CHOICES = ("必成", "力争")  # the template's drop-down; TIER_WORDS accepts more (计划任务数, 奋斗目标数…)
REQUIRED = ("indicator", "value")
TIER_WORDS = {
    "committed": "committed",
    "必成": "committed",
    "必成数": "committed",
    "计划任务数": "committed",
    "任务数": "committed",
    "stretch": "stretch",
    "力争": "stretch",
    "力争数": "stretch",
    "奋斗目标": "stretch",
    "奋斗目标数": "stretch",
    "预备数": "stretch",
}
KIND_WORDS = {
    "目标": "target",
    "计划": "target",
    "target": "target",
    "targets": "target",
    "plan": "target",
    "实际": "actual",
    "完成": "actual",
    "actual": "actual",
    "actuals": "actual",
}

_LOOKUP: dict[str, str] = {}
for _field, (_zh, _en) in COLUMNS.items():
    for _key in (_zh, _en, f"{_zh} {_en}", f"{_zh}{_en}", _en.replace("_", " ")):
        _LOOKUP[_key.lower()] = _field
for _key, _field in ALIASES.items():
    _LOOKUP[_key.lower()] = _field


def header(field: str) -> str:
    """The bilingual header the template writes: ``header("value") == "数值 value"``."""
    zh, en = COLUMNS[field]
    return f"{zh} {en}"


def header_field(cell) -> str | None:
    """The field a header cell names, or None: Chinese, English, both, any case, full-width or with a '*'."""
    if cell is None:
        return None
    text = unicodedata.normalize("NFKC", str(cell)).strip().strip("*").strip().lower()
    if text in _LOOKUP:
        return _LOOKUP[text]
    for part in text.replace("/", " ").replace("(", " ").replace(")", " ").split():
        if part in _LOOKUP:
            return _LOOKUP[part]
    return None


def kind_of(text) -> str | None:
    """ "目标 Targets" -> "target"; "实际" -> "actual"; None when the text names neither."""
    norm = unicodedata.normalize("NFKC", str(text or "")).strip().lower()
    if norm in KIND_WORDS:
        return KIND_WORDS[norm]
    found = {kind for word, kind in KIND_WORDS.items() if word in norm}
    return found.pop() if len(found) == 1 else None
