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
    "login": ("登录", "Log in"),
    "logout": ("退出", "Log out"),
    "role_viewer": ("查看者", "viewer"),
    "role_analyst": ("分析员", "analyst"),
    "role_planner": ("规划员", "planner"),
    "role_admin": ("管理员", "admin"),
    "not_allowed": ("无权限", "not allowed"),
    "regions_not_yours": ("以下地区不在您的管辖范围内,整批未保存:", "These regions are not yours, nothing was saved:"),
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
