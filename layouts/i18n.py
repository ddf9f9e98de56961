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
    # Map page
    "map": ("地图", "Map"),
    "china": ("全国", "China"),
    "colour_by": ("着色", "Colour by"),
    "by_status": ("完成状态", "Status"),
    "by_achievement": ("完成率", "Achievement"),
    "achievement": ("完成率", "Achievement"),
    "status": ("状态", "Status"),
    "plan": ("计划", "Plan"),
    "status_achieved": ("✓ 已完成", "✓ Achieved"),
    "status_behind": ("✗ 未完成", "✗ Behind"),
    "status_awaiting": ("… 有目标·无报告数据", "… Target, no reported figure"),
    "status_no_target": ("○ 有实际·无目标", "○ Actual, no target"),
    "status_no_data": ("– 本年无数据", "– No figures this year"),
    "exit_on_time": ("✓ 按期或提前摘帽", "✓ Exited on time or early"),
    "exit_late_1": ("▲ 推迟1年", "▲ 1 year late"),
    "exit_late_2": ("▲▲ 推迟2年", "▲▲ 2 years late"),
    "exit_late_3": ("▲▲▲ 推迟3年及以上", "▲▲▲ 3+ years late"),
    "exit_exited_unplanned": ("● 已摘帽·无计划年份", "● Exited, no planned year"),
    "exit_planned_pending": ("… 计划摘帽·无报告", "… Planned, no reported exit"),
    "exit_none": ("– 无摘帽数据", "– No exit figures"),
    "planned_exit": ("计划摘帽", "Planned exit"),
    "actual_exit": ("实际摘帽", "Actual exit"),
    "delay": ("推迟", "Delay"),
    "years_unit": ("年", " years"),
    "exit_map": ("计划与实际摘帽年份", "Planned versus actual exit year"),
    "no_plan_region": ("无计划数据", "No plan data"),
    "map_hint": ("点击地区查看下一级;县级地区打开地区页。颜色之外,悬停和下表给出文字状态。",
                 "Click a region to see the level below; a county opens its region page. "
                 "Hover and the table below give each status in words."),
    "map_of": ("地图:下级地区", "Map of sub-regions"),
    "open_map": ("在地图中查看", "Open on the map"),
    "synthetic": ("合成数据", "synthetic data"),
    "latest_year": ("各地最新年份", "latest year of each region"),
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
