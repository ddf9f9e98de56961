"""User-facing text, Chinese first with English. ``t("plan_original", "en")``."""

from __future__ import annotations

TEXT = {
    "app_title": ("扶贫目标进度看板", "Poverty-alleviation targets and progress"),
    "overview": ("总览", "Overview"),
    "region": ("地区", "Region"),
    "indicator": ("指标", "Indicator"),
    "year": ("年份", "Year"),
    "plan_original": ("原计划", "Original plan"),
    "plan_revised": ("修订计划", "Revised plan"),
    "actual": ("实际", "Actual"),
    "no_figure": ("无报告数据", "no reported figure"),
    "source": ("来源", "Source"),
    "quote": ("原文", "Quote"),
    "reliability": ("可靠性", "Reliability"),
    "plan_version": ("计划版本", "Plan version"),
    "rolled_up": ("下级地区合计", "sum of sub-regions"),
    # export (charts, data, briefing packs)
    "col_region_code": ("地区代码", "region code"),
    "col_indicator_code": ("指标代码", "indicator code"),
    "col_series": ("系列", "series"),
    "col_comparator": ("比较符", "comparator"),
    "col_unit": ("单位", "unit"),
    "col_note": ("备注", "note"),
    "col_figure_ids": ("数据编号", "figure ids"),
    "col_figure_id": ("数据编号", "figure id"),
    "col_url": ("网址", "URL"),
    "col_batch": ("批次", "batch"),
    "col_title": ("标题", "title"),
    "col_view_url": ("在线查看", "view online"),
    "col_exported_at": ("导出时间", "exported at"),
    "col_inert_note": ("说明", "note"),
    "col_status": ("状态", "status"),
    "data_as_of": ("数据截至", "data as of"),
    "inert_note": ("以 = + - @ 开头的文字前加了撇号(')以防被当作公式执行。",
                   "Text starting with = + - @ has a leading apostrophe (') so it is never run as a formula."),
    "export_download": ("下载", "Download"),
    "export_data": ("数据", "Data"),
    "briefing_pack": ("简报包", "Briefing pack"),
    "briefing_pdf": ("简报 PDF", "Briefing PDF"),
    "briefing_xlsx": ("简报 Excel", "Briefing Excel"),
    "briefing_working": ("正在生成简报…", "Preparing the briefing pack…"),
    "briefing_ready": ("简报已生成", "Briefing pack ready"),
    "briefing_scope": ("含下级地区", "with sub-regions"),
    "status_met": ("✓ 达成", "✓ met"),
    "status_missed": ("✗ 未达成", "✗ missed"),
    "status_pending": ("… 无报告数据", "… no reported figure"),
    "status_no_target": ("— 无目标", "— no target"),
    "contents": ("目录", "Contents"),
    "baseline": ("基期", "Baseline"),
    "sub_regions": ("下级地区", "Sub-regions"),
    "latest": ("最新", "latest"),
    "multi_year": ("多年度数据(不计入单年)", "Multi-year figures (not added to single years)"),
    "period": ("期间", "Period"),
    "kind": ("类型", "Kind"),
    "target": ("目标", "Target"),
    "value": ("数值", "Value"),
    "regions_with_targets": ("有目标的地区", "Regions with targets"),
    "low_reliability": ("⚠ 低可靠性来源", "⚠ low-reliability source"),
    "language": ("English", "中文"),
    "hover_hint": ("悬停或点击柱形查看来源原文", "Hover or click a bar to see its source quote"),
    "click_for_sources": ("点击图中的柱或点查看来源", "Click a bar or point to see its sources"),
    "not_found": ("未找到该地区", "Region not found"),
}

RELIABILITY = {
    "official": ("官方", "official"),
    "repost": ("转载", "repost"),
    "low": ("⚠ 低可靠性", "⚠ low reliability"),
}


def t(key: str, lang: str = "zh") -> str:
    zh, en = TEXT[key]
    return en if lang == "en" else zh


def both(key: str) -> str:
    zh, en = TEXT[key]
    return f"{zh} {en}"


def reliability(value: str, lang: str = "zh") -> str:
    zh, en = RELIABILITY.get(value, (value, value))
    return en if lang == "en" else zh


def name(row: dict, lang: str = "zh") -> str:
    """A region's or indicator's name in the chosen language."""
    return row["name_en"] if lang == "en" else row["name_zh"]
