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
    "no_target": ("无目标", "no target"),  # a missing plan: "no reported figure" is a missing actual
    "not_cumulative": (
        "存量和比率逐年不相加,没有累计值:见逐年图",
        "A stock or a rate is not added up over the years, so it has no running total: see the yearly chart",
    ),
    "no_yearly_figures": (
        "所选年份没有逐年的计划或实际;跨年度的目标见上方“全期”",
        "No yearly plan or actual in the years shown; a target over several years is under “Plan period” above",
    ),
    "source": ("来源", "Source"),
    "quote": ("原文", "Quote"),
    "reliability": ("可靠性", "Reliability"),
    "plan_version": ("计划版本", "Plan version"),
    # the words inside a dropdown (dcc.Dropdown labels)
    "dropdown_select_all": ("全选", "Select all"),
    "dropdown_deselect_all": ("全不选", "Deselect all"),
    "dropdown_selected_count": ("已选 {num_selected} 项", "{num_selected} selected"),
    "dropdown_placeholder": ("请选择…", "Select…"),
    "dropdown_search": ("搜索", "Search"),
    "dropdown_clear_search": ("清除搜索", "Clear search"),
    "dropdown_clear_selection": ("清除选择", "Clear selection"),
    "dropdown_no_options_found": ("没有匹配的选项", "No options found"),
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
    "reported_by": ("批次 {id} · {user}", "batch {id} · {user}"),  # who uploaded a figure with no source link
    "col_title": ("标题", "title"),
    "col_view_url": ("在线查看", "view online"),
    "col_exported_at": ("导出时间", "exported at"),
    "col_inert_note": ("说明", "note"),
    "col_status": ("状态", "status"),
    "col_status_years": ("状态年份", "Status of years"),
    "col_plan_ids": ("目标数据编号", "target figure ids"),
    "col_actual_ids": ("实际数据编号", "actual figure ids"),
    "data_as_of": ("数据截至", "data as of"),
    "data_version": ("数据版本", "data version"),
    "inert_note": (
        "以 = + - @ 开头的文字前加了撇号(')以防被当作公式执行。",
        "Text starting with = + - @ has a leading apostrophe (') so it is never run as a formula.",
    ),
    "figure_ids_note": (
        "数据编号:只有一个编号的单元格是数字(可按来源表的数据编号查找);多个编号以逗号分隔,是文本。",
        "Figure ids: a cell with one id holds a number (it looks up in the Sources sheet's figure id); several "
        "ids are comma-separated text.",
    ),
    "export_download": ("下载", "Download"),
    "export_data": ("数据", "Data"),
    "briefing_pack": ("简报包", "Briefing pack"),
    "briefing_pdf": ("简报 PDF", "Briefing PDF"),
    "briefing_xlsx": ("简报 Excel", "Briefing Excel"),
    "briefing_working": ("正在生成简报…", "Preparing the briefing pack…"),
    "briefing_ready": ("简报已生成", "Briefing pack ready"),
    "briefing_scope": ("含下级地区", "with sub-regions"),
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
    "login": ("登录", "Log in"),
    # folding controls on phones; a chart's text equivalent
    "menu": ("菜单", "Menu"),
    "filters": ("筛选", "Filters"),
    "chart_table": ("表格", "Table"),
    "logout": ("退出", "Log out"),
    "role_viewer": ("查看者", "viewer"),
    "role_analyst": ("分析员", "analyst"),
    "role_planner": ("规划员", "planner"),
    "role_admin": ("管理员", "admin"),
    "not_allowed": ("无权限", "not allowed"),
    "not_allowed_upload": (
        "您的账户无权上传或修改数据;请以规划员身份登录。",
        "Your account may not upload or edit figures: log in as a planner.",
    ),
    "regions_not_yours": ("以下地区不在您的管辖范围内,整批未保存:", "These regions are not yours, nothing was saved:"),
    "status": ("状态", "Status"),
    "achieved": ("达成", "achieved"),
    "on_track": ("进度正常", "on track"),
    "at_risk": ("有风险", "at risk"),
    "behind": ("落后", "behind"),
    "no_data": ("无报告数据", "no reported figure"),
    "status_rule": ("状态规则", "Status rule"),
    "overview_title": ("各地区目标进度总览", "Targets and progress by region"),
    "overview_hint": (
        "按状态排序,最差在前;点击数字查看来源,点击地区进入详情。",
        "Worst first; click a number for its sources, a region for its page.",
    ),
    "all_indicators": ("全部指标", "All indicators"),
    "years": ("年份范围", "Years"),
    "plan": ("对照计划", "Measure against"),
    "region_indicator": ("地区 · 指标", "Region · indicator"),
    "year_by_year": ("逐年:实际 / 计划", "Year by year: actual / plan"),
    "latest_year": ("最新年份", "Latest year"),
    "whole_period": ("全期", "Plan period"),
    "col_row_scope": ("范围", "row"),  # an export row's: one year, or the whole plan period
    "trend": ("趋势", "Trend"),
    "trend_label": ("趋势:计划(虚线)与实际(实线)", "Trend: plan (dashed) and actual (solid)"),
    "achievement": ("完成率", "Achievement"),
    "pace_to_date": ("达同期计划{plan}的{pct}", "{pct} of plan to date ({plan})"),
    "of_whole_period": ("全期目标完成{pct}", "{pct} of the whole-period target"),
    "need_per_year": ("{years}年每年需{value}才能完成计划", "{years} need {value} a year to meet the plan"),
    "no_period": ("无全期目标", "no period target"),
    "missing_years": ("缺{years}年数据", "missing {years}"),
    "annual_chart": ("逐年计划与实际", "Plan and actual by year"),
    "cumulative_chart": ("累计计划与实际", "Cumulative plan and actual"),
    "cumulative_plan": ("累计计划", "Cumulative plan"),
    "cumulative_actual": ("累计实际", "Cumulative actual"),
    "gap": ("差距", "Gap"),
    "gap_vs_committed": ("对计划差距", "Gap to plan"),  # beside a stretch bar: the gap is to the committed figure
    "children_chart": ("下级地区(点击进入)", "Sub-regions (click to open)"),
    "children_export": ("下级地区", "sub-regions"),
    "named_targets": ("点名目标:计划年份与实际年份", "Named targets: planned and actual year"),
    "planned_year": ("计划年份", "Planned year"),
    "actual_year": ("实际年份", "Actual year"),
    "delay": ("延迟", "Delay"),
    "years_late": ("晚{n}年", "{n} yr late"),
    "years_early": ("早{n}年", "{n} yr early"),
    "on_time": ("按期", "on time"),
    "consistency": ("一致性检查", "Consistency checks"),
    "agrees": ("一致", "agrees"),
    "differs": ("不一致", "differs"),
    "cannot_check": ("无法核对", "cannot check"),
    "span_check": (
        "{start}–{end}年{kind}合计 {stated},各年之和 {summed}",
        "{kind} {start}–{end} total {stated}; sum of the years {summed}",
    ),
    "span_missing": (
        "{start}–{end}年{kind}合计 {stated};缺{years}年,不相加",
        "{kind} {start}–{end} total {stated}; {years} missing, not added up",
    ),
    "span_partial": (
        "{start}–{end}年{kind}合计 {stated},有目标的各年之和 {summed}({years}年未设目标)",
        "{kind} {start}–{end} total {stated}; the years with a target sum to {summed} (none set for {years})",
    ),
    "children_check": (
        "{start}年{kind}:本级 {stated},{parts}个下级合计 {summed}",
        "{kind} {start}: this region {stated}; {parts} sub-region figures sum to {summed}",
    ),
    "derived_zero": ("由各点名地区的实际年份推得", "derived from each named region's actual year"),
    "sources_title": ("数据来源", "Sources"),
    "to_date": ("截至{year}年", "to {year}"),
    "home": ("首页", "Home"),
    "reported_only": ("只看有实际数据的目标", "Only targets with a reported figure"),
    "region_filter": ("地区", "Region"),
    "whole_country": ("全国(全部地区)", "Whole country (all regions)"),
    "region_search": ("输入地区名称或代码", "Type a region's name or code"),
    "no_region_found": ("没有找到该地区", "No region found"),
    "clear_search": ("清除搜索", "Clear search"),
    "clear_region": ("清除地区(显示全国)", "Clear region (whole country)"),
    "region_filtered": ("只显示{region}及其下级地区。", "Only {region} and the regions below it."),
    "no_targets_in_region": (
        "{region}及其下级地区没有符合条件的目标。",
        "No targets match for {region} or the regions below it.",
    ),
    "hidden_unreported": (
        "另有 {n} 项目标没有任何实际数据,已隐藏。",
        "{n} targets with no reported figure are hidden.",
    ),
    "all_indicators_here": (
        "本地区各项目标(点击地区名切换指标,点击数字查看来源)",
        "All targets here (click the name to switch indicator, a number for its sources)",
    ),
    "breadcrumb_up": ("返回上级", "Up"),
    "synthetic_banner": (
        "⚠ 合成数据 SYNTHETIC:本数据库中的数字为基准测试生成的合成数据,不是真实数据。",
        "⚠ SYNTHETIC (合成数据): the figures in this database were generated for benchmarks, not real.",
    ),
    # Map page
    "china": ("全国", "China"),
    "colour_by": ("着色", "Colour by"),
    "by_status": ("完成状态", "Status"),
    "by_achievement": ("完成率", "Achievement"),
    "map_plan": ("计划", "Plan"),
    # achieved and behind read as everywhere else (layouts.components.status_text); the map's own states:
    "status_awaiting": ("? 有目标·无报告数据", "? Target, no reported figure"),
    "status_partial": ("? 部分下级合计·不评判", "? Sum of only some sub-regions, not judged"),
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
    "no_planned_exit": ("无计划", "no plan"),
    "region_page_link": ("{name} 地区页 Region page", "{name}: region page (地区页)"),
    "actual_exit": ("实际摘帽", "Actual exit"),
    "years_unit": ("年", " years"),
    "exit_map": ("计划与实际摘帽年份", "Planned versus actual exit year"),
    "no_plan_region": ("无计划数据", "No plan data"),
    "map_hint": (
        "点击地区查看下一级;县级地区打开地区页。颜色之外,悬停和下表给出文字状态。",
        "Click a region to see the level below; a county opens its region page. "
        "Hover and the table below give each status in words.",
    ),
    "map_of": ("地图:下级地区", "Map of sub-regions"),
    "exit_year": ("摘帽年份", "Exit year"),
    "achievement_legend": ("完成率<br>(灰色:无法计算)", "Achievement<br>(grey: cannot compute)"),
    "exited_in": ("● {year}年摘帽", "● Exited {year}"),
    "open_map": ("在地图中查看", "Open on the map"),
    "map_latest_year": ("各地最新年份", "latest year of each region"),
    "map_no_figures": (
        "ⓘ 此地图上的地区没有「{indicator}」的数据,请在上方选择其他指标。"
        "No figures for this indicator in the regions on this map: choose another indicator above.",
        "ⓘ No figures for {indicator} in the regions on this map: choose another indicator above. "
        "(此地图上的地区没有该指标的数据)",
    ),
    "panel_other_indicator": (
        "ⓘ 下级地区没有「{asked}」的数据,地图显示「{shown}」。"
        "The sub-regions hold no figures for this page's indicator: the map shows another one.",
        "ⓘ The sub-regions hold no figures for {asked}: the map shows {shown}. (下级地区没有本页指标的数据)",
    ),
}

RELIABILITY = {
    "official": ("官方", "official"),
    "repost": ("转载", "repost"),
    "uploaded": ("上传(无来源链接)", "uploaded (no source link)"),  # db.queries.REPORTED: not claimed official
    "edited": ("在线修改(无来源链接)", "edited in the app (no source link)"),
    "low": ("⚠ 低可靠性", "⚠ low reliability"),
    "synthetic": ("⚠ 合成数据 synthetic", "⚠ synthetic (合成数据)"),
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


def tf(key: str, lang: str = "zh", **values) -> str:
    """A text with values filled in: ``tf("years_late", "en", n=3) == "3 yr late"``."""
    return t(key, lang).format(**values)


def batch_kind(kind: str, lang: str = "zh") -> str:
    """A batch's kind in words: ``batch_kind("upload") == "上传"``; a kind without words stays as stored."""
    key = f"batch_kind_{kind}"
    return t(key, lang) if key in TEXT else kind


def batch_file(batch: dict, lang: str = "zh") -> str:
    """A batch's file name; a pasted text's (``pasted``: no file) says it was pasted, a .txt file's is its name."""
    return t("pasted_text", lang) if batch.get("pasted") else batch.get("file_name") or ""


def dropdown_labels(lang: str = "zh") -> dict:
    """The words inside a dcc.Dropdown (its search box, "no options"), which Dash writes in English otherwise."""
    keys = ("select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection")
    return {k: t(f"dropdown_{k}", lang) for k in (*keys, "no_options_found")}


def name(row: dict, lang: str = "zh") -> str:
    """A region's or indicator's name in the chosen language."""
    return row["name_en"] if lang == "en" else row["name_zh"]


from text.i18n_upload import UPLOAD_TEXT  # noqa: E402

TEXT.update(UPLOAD_TEXT)

from text.i18n_review import REVIEW_RELIABILITY, REVIEW_TEXT  # noqa: E402

TEXT.update(REVIEW_TEXT)
RELIABILITY.update(REVIEW_RELIABILITY)
