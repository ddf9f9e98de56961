"""From a policy text to figures: ties numbers, indicators, periods, kinds and regions together.

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("100000", None, "某县", "X", "county")])
    >>> doc = extract_text("某县人民政府\\n2019年全县脱贫1.2万人。\\n某县人民政府\\n2019年1月2日", g)
    >>> [(f.indicator, f.period_end, f.value) for f in doc.figures]
    [('poor_population_reduced', 2019, 12000.0)]
"""

from __future__ import annotations

import re
from dataclasses import replace

from etl.gazetteer import Gazetteer

from . import classify, from_values, indicators, not_figures, progress_measures, scopes
from .aided import aided_region, referred_region
from .cited_plans import cited_plan_year
from .clause_subjects import bracketed_counties, named_subject
from .document import read_document_info
from .lists import enumerated_parts, goal_lines
from .model import Extracted, ExtractedDocument, county_exit, pair_tiers
from .numbers import COUNT_UNITS, find_quantities
from .own_exit import own_exits
from .own_region import region_mentions
from .periods import (
    PlanYears,
    base_of_work,
    cited_era_plan,
    era_start,
    governing_token,
    later_year,
    period,
    plan_years,
    span_start,
    stretch_year,
    year_tokens,
)
from .quotes import quote_span, said_for
from .reading import Context, Reading
from .regions import breakdowns, named_exits
from .repeats import drop_repeats
from .respective import respective_places, respective_years, shared_items
from .schedules import read_schedule_end, schedule_heading
from .sentences import clauses, inside, item_bounds, quoted_spans, sentences
from .shares import is_share_of_places, share_label
from .table_figures import laid_out_tables, line_list_exits, table_figures, unread_spans
from .tables import measure_of
from .text_rows import labelled_rows, provinces_among
from .wholes import named_above, whole_above, whole_below

# "供水设施数量≥20座", ">=21933人": a bound written as a sign, as a performance-target form sets its figures
BOUND_SIGN = re.compile(r"(?:≥|≧|≤|≦|>=|<=)\s*$")
# "项目受益贫困户2085户", "可惠及居民约8.6万户": whom a planned work is to reach
BENEFIT_BEFORE = re.compile(r"(?:受益|惠及)[^,;。\d了已]{0,8}?(?:可达|约|达)?$")
# "总装机规模615506.13千瓦", "建设规模: 60户": the size of a work to be built
SCALE_BEFORE = re.compile(r"(?:规模|装机(?:容量)?)[为是达]?[::]?\s*$")
EACH_UNIT = re.compile(r"每[个座户村处]")
# "年度资金总额不超过中省资金的30%": a cap on a share, set as a floor is
SHARE_CAP = re.compile(r"(?:不超过|不得超过|不高于|不得高于|控制在)[^,;。\d]{0,16}$")
OWN_VERB = re.compile(r"将|要|正在|用于|已|了|全面|启动|开工|完成|实现")
SHARE_FLOOR = re.compile(r"(?:占比|比例|比重)[^,;。\d]{0,6}(?:不得低于|不低于|不少于|达到|提高到)[^,;。\d]{0,16}$")
ALL_DONE = re.compile(r"[^,;。\d]{0,12}全部(?:脱贫|出列|摘帽|退出|销号)")
YEAR_PLANNED = re.compile(r"(?:(?:19|20)\d{2}年|今年|全年)(?:度)?计划[^,;。\d计]{0,6}的?$")
TOWN_ITEM = re.compile(r"(?:^|[、,:;(])[\u4e00-\u9fff]{1,5}(?:镇|乡|街道|社区)$")
EXITS_REACHED = re.compile(r"已(?:经)?(?:累计)?(?:实现|完成|有)[^。;]*$")
ADMIN_DIVISION = re.compile(r"(?<![管直])辖(?!区内?的?贫困)")
PARTS_SENTENCE = re.compile(r"^\s*其中[,,::]")
GOAL_BEYOND_PLAN = re.compile(r"^[^\d]{0,6}?目标(?:是|为)(?:达到|实现)?[^,,。;\d]{0,8}$")
STRETCH_AFTER = re.compile(r"[^,;。\d]{0,3}[、,]?(?:力争|争取)(?:达到|完成)?\d")  # a committed figure, then its stretch
PROJECTS_ALLOCATED = re.compile(r"(?:扶贫|衔接|产业)?项目")
RATE_WORD = re.compile(r"(?:率|比例|比重|涨幅|增幅|增速|进度)$")  # "…支出进度达95%": a rate named
TIER_ITEM = re.compile(r"^(?:奋斗目标数?|预备数|力争数?|争取|必成数|计划任务数|计划数)(?:为|是)?$")
BARE_ITEM = re.compile(r"[,,、\s]*[\u4e00-\u9fff]{2,6}")
NOT_ITEM = re.compile(r"在建|建成|已|量")  # "其中建成41个,在建15个", "总容量75.4兆瓦": states and amounts, not items
THING_UNITS = {"座", "条", "家", "所", "套", "台", "辆", "眼"}
PLACE_STOCKS = {"other:poor_counties", "other:poor_villages"}
ALLOCATED = re.compile(r"下达|下拨|分配|切块|安排(?!了)")
ALLOCATED_AFTER = re.compile(r"[^,;。\d]{0,8}?已?(?:全部)?(?:下达|下拨)")
STATE_TO_REACH = re.compile(r"减少到|减至|降至|降到|控制在|达|完成|覆盖")
PLAN_MEASURED = re.compile(r"(?:年度|全年)(?:目标)?(?:计划|任务)$")  # "完成全年计划6万户的187%": the year's plan
NORM_MAX_COUNT = 3  # "至少1个", "一名", "2—3个乡镇": per-unit norms, not aggregate targets
POSSIBLE_CONFIDENCE = 0.3  # a number of an indicator the catalogue lacks, with no verb of doing before it
SMALL_NORM = re.compile(r"每|至少|各|指定|配备|选派|确定|明确|一名|一个|不少于|建立")


def extract_text(
    text: str,
    gazetteer: Gazetteer,
    *,
    possible: bool = False,
    region_code: str | None = None,
    as_of: str | None = None,
    url_date: str | None = None,
    site_region: str | None = None,
    newspaper: bool = False,
) -> ExtractedDocument:
    """All figures of a (normalised) policy text, no corrections applied; ``url_date`` dates a text that
    gives no date of its own, ``site_region`` (whose government site published it) places one that names no
    region of its own, ``newspaper`` (published in a newspaper's page edition) reads it as a report
    (``read_document_info``)."""
    info = read_document_info(
        text,
        gazetteer,
        region_code=region_code,
        as_of=as_of,
        url_date=url_date,
        site_region=site_region,
        newspaper=newspaper,
    )
    plan = plan_years(text, info.published_on, info.title)
    rows = labelled_rows(text, gazetteer, info.region_code)
    tables = laid_out_tables(text, gazetteer, info)
    labels = [r.code for r in rows.values()] + [gazetteer.resolve(r.label) for t in tables for r in t.rows]
    if region_code is None and provinces_among(labels, gazetteer) >= 3:
        info = replace(info, region_code=None, region_name=None)  # a national table of provinces' targets
    own = (info.region_name, info.region_code)
    tabled = [f for t in tables for f in table_figures(text, t, gazetteer, plan, info)]
    unread = unread_spans(text, tables, gazetteer, info)
    figures: list[Extracted] = []
    year_open = bool(info.published_on) and int(info.published_on[5:7] or 12) <= 9
    announcement = info.news and announces_plan(text)
    state = Reading(
        info.news, info.published_on is not None, doc_year=plan.doc_year, year_open=year_open, announcement=announcement
    )
    goals = goal_lines(text)
    total: Extracted | None = None  # the last target of the sentence before, for a "其中,A市N户,B市M户" after it
    for s_start, _s_end, sentence in sentences(text):
        if any(a <= s_start < b for a, b in unread):
            continue
        tokens = year_tokens(sentence, plan.doc_year)
        ctx, inherited = state.enter(text, s_start, sentence, tokens)
        subject = own
        if s_start in rows:  # "湖北 | 力争实现147万…": the row's region; the header's year and intent
            row = rows[s_start]
            subject = (row.name, row.code)
            head = year_tokens(row.header, plan.doc_year)
            inherited = head[-1] if head else inherited
            if classify.FUTURE_CUES.search(row.header):
                ctx = replace(ctx, news=False, intent=True)
        if schedule_heading(sentence, tokens) or any(a <= s_start < b for a, b in goals):  # a schedule, a goal list
            ctx = replace(ctx, news=False, intent=True)
        figures += _county_exits(text, s_start, sentence, tokens, gazetteer, plan, inherited, ctx, subject[1])
        part_of = total if PARTS_SENTENCE.match(sentence) else None
        read = _quantities(text, s_start, sentence, tokens, plan, subject, inherited, gazetteer, ctx, possible, part_of)
        figures += read
        total = next((f for f in reversed(read) if f.kind == "target" and f.confidence > POSSIBLE_CONFIDENCE), None)
        state.leave(s_start + len(sentence), sentence, tokens)
    figures += line_list_exits(text, gazetteer, plan, info)
    own_row = gazetteer.regions.get(info.region_code or "")
    if own_row is not None and own_row.level == "county" and not any(f.indicator == "counties_exited" for f in figures):
        figures += [
            county_exit("target", own_row.name_zh, own_row.code, (year, year), text, a, b, 0.6)
            for year, _, a, b in own_exits(text, plan.doc_year)
        ]
    figures = enumerated_parts(drop_repeats(figures, tabled, text, info.title), text)
    return ExtractedDocument(info=info, figures=figures)


def _continues_list(read: list[Extracted], clause_at: int, clause_before: str, clause_after: str) -> bool:
    """A clause that is only a number and what it counts goes on with the list of the figure read just before it:
    "力争创建3个先行县,20个先行区,300个体验区" (``clause_at``: where the clause starts in the text)."""
    last = read[-1] if read else None
    opens = not re.sub(r"[,,、\s]", "", clause_before) and not OWN_VERB.search(clause_after)
    # "修建四级公路32.3公里,桥梁1座": a bare noun and its number closing the list the verb before governs
    bare = BARE_ITEM.fullmatch(clause_before) is not None and not NOT_ITEM.search(clause_before)
    opens = opens or bare and not re.sub(r"[。;,,\s]", "", clause_after)
    kept = last is not None and last.kind == "target" and last.confidence > POSSIBLE_CONFIDENCE
    return opens and kept and last.end <= clause_at


def announces_plan(text: str) -> bool:
    """A news report that opens by announcing a plan ("记者6日从青海省扶贫开发局获悉,2017年青海省将实现…"),
    not by reporting results: its later paragraphs list the plan's measures without repeating 将/计划."""
    lead = next((s for _, _, s in sentences(text[:600]) if len(s) > 20), "")
    return classify.states_intent(lead) and not classify.DONE.search(lead) and not classify.SENTENCE_PAST.search(lead)


def _county_exits(
    text, s_start, sentence, tokens, gazetteer, plan, carried, ctx: Context, own_code=None
) -> list[Extracted]:
    out = []
    for r in named_exits(sentence, gazetteer, own_code):
        later = [t for t in tokens if r.end <= t.start < r.list_end and t.kind == "point"]
        token = governing_token(tokens, r.start) or (later[0] if later else None) or carried
        explicit = token is not None and token.kind != "span"
        for p_start, p_end in period(token, True, plan):
            kind = classify.kind_of(
                sentence,
                sentence,
                r.start,
                False,
                False,
                p_end if explicit else None,
                plan.doc_year,
                ctx.before,
                ctx.news or ctx.progress or not explicit,
                sentence[r.start :],
            )
            a, b = quote_span(sentence, r.list_start, r.list_end, token if token in tokens else None)
            name, confidence = gazetteer.regions[r.code].name_zh, 0.8 if token is not None else 0.7
            out.append(county_exit(kind, name, r.code, (p_start, p_end), text, s_start + a, s_start + b, confidence))
    return out


def _quantities(
    text,
    s_start,
    sentence,
    tokens,
    plan: PlanYears,
    own,
    carried,
    gazetteer,
    ctx: Context,
    possible: bool = False,
    part_of: Extracted | None = None,
) -> list[Extracted]:
    out = []
    skip = quoted_spans(sentence) + [(r.list_start, r.list_end) for r in named_exits(sentence, gazetteer, own[1])]
    quantities = [q for q in find_quantities(sentence) if not inside(q.start, skip)]
    tokens = [t for t in tokens if not any(t.start < q.end and q.start < t.end for q in quantities)]
    parts = breakdowns(sentence, quantities, gazetteer, own[1])
    in_parts = {id(item.quantity) for items in parts.values() for item in items}
    scope_end = None
    heading = schedule_heading(sentence, tokens)
    prev: tuple[str | None, int] = (None, -1)  # the last indicator read, and the clause it was read in
    prev_measure = None
    prev_label: str | None = None
    respective = respective_years(sentence, quantities, tokens)
    schedule_end = read_schedule_end(text, s_start + len(sentence), sentence, tokens)
    places = respective_places(sentence, quantities, gazetteer, own[1])
    starts = from_values.start_tokens(sentence, tokens)
    for i, q in enumerate(quantities):
        if id(q) in in_parts:
            continue
        c_start, c_end = next((a, b) for a, b, _ in clauses(sentence, 0, len(sentence)) if a <= q.start < b)
        clause = sentence[c_start:c_end]
        later = [p.start for p in quantities[i + 1 :] if p.start < c_end]
        nxt = later[-1] if later else None
        per_unit = indicators.per_unit_funds(clause, q.measure, classify.comparator(sentence, q.start, q.end))
        norm = not_figures.is_norm(clause) or not_figures.continues_norm(sentence, c_start)
        if (norm and not per_unit) or scopes.in_scope_phrase(sentence, q.end, nxt):
            continue
        if (
            not_figures.is_reference(sentence, q.start, clause)
            or q.unit == "个"
            and scopes.is_people_of_places(sentence, q.end)
        ):
            continue
        if not_figures.is_part_in_brackets(sentence, q.start) or scopes.is_place_count_of(sentence, q.end):
            continue
        if not_figures.is_aside(sentence, q, c_start) or not_figures.is_project_works(ctx.before + sentence, q.measure):
            continue
        if not_figures.is_time_limit(sentence, q.start, q.end) or not_figures.is_difference(
            sentence[c_start : q.start], q.measure
        ):
            continue
        if ADMIN_DIVISION.search(sentence[c_start : q.start]) and not classify.FUTURE_CUES.search(clause):
            continue  # "百色辖12个县(市、区)、135个乡…、1842个行政村": the administrative division, not poor places
        if not_figures.is_for_examples(sentence[c_start : q.start]):
            continue  # "其中盘州、镇远、安龙等18个贫困县贫困发生率下降至3%以下": a group's, not the region's
        if not_figures.is_running_total(sentence[c_start : q.start]):
            continue
        if q.measure in ("人", "户", "") and scopes.is_people_worked_for(sentence, q.end):
            continue
        if q.measure == "元" and not_figures.POVERTY_LINE.search(ctx.before):
            continue  # "…调整扶贫标准,将…由原来的1560元上调为2600元;牧区…由原来的1800元上调为3100元"
        if scopes.is_set_named(sentence, q.end) and not YEAR_PLANNED.search(sentence[: q.start]):
            continue  # but "2018年计划搬迁的19万建档立卡贫困人口中,第一批…" names the year's plan
        if not_figures.is_criterion(sentence, q.end, later[0] if later else None) and not (
            q.measure == "%" and is_share_of_places(sentence, q.start, q.end)
        ):
            continue
        if (
            q.measure == "元"
            and not_figures.is_money_qualifier(sentence, q.end)
            or progress_measures.is_excess(sentence, q.start)
        ):
            continue
        if q.measure == "元" and not_figures.is_expected_gain(sentence[c_start : q.start]):
            continue
        if q.unit in COUNT_UNITS and scopes.is_set_having(sentence, q.end):
            continue
        if not_figures.is_one_of(sentence, q.start, q.end) or not_figures.is_size_class(sentence, q.end, q.measure):
            continue
        if q.measure == "%" and (
            not_figures.is_share_of_whole(sentence, q.start, sentence[c_start : q.start])
            or not_figures.is_patient_share(sentence[: q.start], sentence[c_start : q.start])
        ):
            continue
        if q.unit in COUNT_UNITS and scopes.is_count_of_involved(sentence, q.start):
            continue
        level_year = from_values.start_year(sentence, q.start, q.end)  # "由2011年年底的592万人减少到…"
        superseded = level_year is None and not_figures.is_superseded(sentence, q.start, q.end)
        if superseded or not_figures.is_exit_rule(sentence, q.measure, q.end):
            continue
        if (
            level_year is None
            and scopes.is_scope_of_next(sentence, q.end, later[0] if later else None)
            and not PLAN_MEASURED.search(sentence[: q.start])
            or progress_measures.is_progress_count(clause)
        ):
            continue
        acted_in = scopes.is_places_acted_in(sentence, q.start, q.end)
        scope = scopes.is_scope(sentence, q.start) and not acted_in
        if q.measure != "%" and (scope or _listed_after(sentence, scope_end, q.start)):
            scope_end = q.end
            continue
        small = q.unit in COUNT_UNITS | {"万户"} and q.value <= NORM_MAX_COUNT
        if small and (q.high or SMALL_NORM.search(clause) or not q.raw[:1].isdigit()):
            continue  # "至少1个", "2—3个乡镇", "帮扶一户、脱贫一户": norms and slogans
        if TOWN_ITEM.search(sentence[max(0, q.start - 8) : q.start]):
            continue  # "河边镇941人、回马镇252人": shares of towns, which the region list does not hold
        i_start, i_end = item_bounds(sentence, q.start, q.end, c_start, c_end)
        growth = q.measure == "%" and not_figures.is_relative_change(sentence, q.start, q.end)
        code = indicators.indicator_for(sentence, q.start, q.end, q.measure, c_start, c_end, i_start, i_end)
        if growth:
            code = indicators.growth_code(code, clause) or indicators.growth_code(None, sentence[: q.end])
        in_part = not_figures.in_part_brackets(sentence, q.start)
        # a total's own words, not those of the part in brackets after it ("75.2万人(其中建档立卡66万人)")
        code = indicators.subset_code(
            per_unit or code, clause if in_part else not_figures.PART_BRACKETS.sub("", clause)
        )
        if q.measure == "%" and (
            progress_measures.is_progress_share(sentence, q.start)
            or progress_measures.is_progress_rate(sentence, q.start, clause)
        ):
            continue
        examples = re.search(r"(?:等|在内的)$", sentence[: q.start])
        listed_unit = q.unit in ("个", "项", "类", "批", "家")
        if examples and (code in ("counties_exited", "other:poor_counties") or listed_unit):
            scope_end = q.end  # and the places listed with them ("卢氏等4个深度贫困县和1235个深度贫困村")
            continue  # "马山、隆安等15个国定贫困县", "包括临泉县…在内的9个县", "…等9项攻坚措施": examples and a count
        if code is None and prev[1] == c_start and TIER_ITEM.search(sentence[i_start : q.start]):
            code = prev[0]  # "贫困村计划任务数900个、奋斗目标数1100个": the second tier of the same indicator
        # "计划摘帽村147个,目标是达到175个": the plan, then the goal beyond it, a stretch of the same indicator
        goal_beyond = GOAL_BEYOND_PLAN.search(sentence[c_start : q.start]) is not None and prev[0] is not None
        goal_beyond = goal_beyond and re.search(r"计划[^。;]*$", sentence[:c_start]) is not None
        if goal_beyond and code is None and prev_measure == q.measure:
            code = prev[0]
        share_of = None
        if code is None and part_of is not None and part_of.unit == q.measure:
            share_of = part_of if region_mentions(sentence[c_start : q.start], gazetteer) else None
            code = share_of.indicator if share_of else None  # "…任务4894户。其中,南宁市274户": each place's share
        if code is None and heading and q.start > len(heading):  # "贫困人口脱贫:2016年50万,2017年66万"
            code = indicators.indicator_of_words(heading, q.measure or measure_of(heading, ""))
        known, unsure = code is not None, False
        label = indicators.label_for(sentence, q.start, q.end, q.measure, i_start, i_end, c_start)
        if code is None and q.measure == "":
            continue  # a bare 万 before a unit the rules do not know ("20万千瓦"): no measure to report
        if code is None:
            goal_context = ctx.intent or classify.FUTURE_CUES.search(ctx.before + sentence) is not None
            floor = SHARE_FLOOR.search(sentence[c_start : q.start]) if q.measure == "%" else None
            if floor:  # "衔接资金占比原则上不得低于下达各地的资金总规模的55%": the share is named before its floor
                label = sentence[max(i_start, c_start + floor.start() - 14) : c_start + floor.start() + 2]
            named_rate = q.measure == "%" and (floor or RATE_WORD.search(label or ""))
            growth_goal = (growth or named_rate) and goal_context
            share = share_label(sentence, q.start, q.end) if q.measure == "%" and goal_context else None
            label = share or label  # "30%的乡(村)建成电子商务服务站(点)": a share of places to reach a state
            doing = acted_in or not_figures.is_new_target(sentence[c_start : q.start], q.measure)
            doing = doing or classify.is_quota(sentence[c_start : q.start])  # "共获得指标44万千瓦": the year's quota
            doing = doing or goal_context and not_figures.does_as_planned(sentence[q.end : c_end])
            doing = doing or not_figures.planned_to_do(sentence[c_start : q.start], sentence[q.end : c_end])
            doing = doing or STRETCH_AFTER.match(sentence, q.end) is not None  # "解困人口6.52万人、力争7.5万人"
            doing = doing or floor is not None  # "产业项目资金占比不低于年度资金总额的65%": a floor set
            doing = doing or _continues_list(
                out, s_start + c_start, sentence[c_start : q.start], sentence[q.end : c_end]
            )
            doing = doing or q.measure == "%" and SHARE_CAP.search(sentence[c_start : q.start]) is not None
            doing = doing or BOUND_SIGN.search(sentence[c_start : q.start]) is not None
            # "扶贫电站9座", "10家旅游度假区", "播种机1台": things to build or buy, counted by their own measure word
            thing = q.unit in THING_UNITS and not sentence.startswith("班子", q.end)  # not "四家班子": a body
            doing = doing or goal_context and thing
            doing = doing or BENEFIT_BEFORE.search(sentence[c_start : q.start]) is not None
            scale = SCALE_BEFORE.search(sentence[c_start : q.start]) and not EACH_UNIT.search(sentence[: q.start])
            doing = doing or goal_context and bool(scale)  # but "每个光伏电站…装机容量60千瓦": each one's size
            doing = doing or classify.PLAN_SETS_OUT.search(sentence[: q.start]) is not None
            unsure = not (growth_goal or share or doing)
            if not label or unsure and not possible:
                continue
            code = indicators.unknown_code(label, q.measure)
        if code == prev[0] and not indicators.readable_label(label or ""):
            label = prev_label  # "解困人口6.52万人、力争7.5万人": the stretch has the words of its committed figure
        prev, prev_measure, prev_label = (code, c_start), q.measure, label
        baseline = classify.BASELINE_MARKERS.search(sentence[: q.start]) is not None
        baseline = baseline and not classify.INTENT_OWN.search(sentence[c_start : q.start])
        remaining = classify.NOT_YET_OUT.match(sentence, q.end, c_end) is not None
        # "目前,马山县已实现93708贫困人口脱贫,73个贫困村退出": exits reached so far, not a stock
        exits_done = code in indicators.BASELINE_OF and EXITS_REACHED.search(sentence[: q.start]) is not None
        baseline = (baseline and not exits_done) or remaining or level_year is not None
        if baseline and not classify.FUTURE_AFTER.search(sentence[q.start : c_end]):
            code = indicators.BASELINE_OF.get(code, code)
        if code == "poor_population" and not (remaining or not_figures.STOCK_GOAL.search(clause)):
            continue  # "完成8.7万建卡贫困人口(搬迁)": people an action reaches, not the poor population left
        flow = indicators.is_flow(code, q.measure) or growth or bool(per_unit)
        dating = tokens if level_year is not None else [t for t in tokens if t not in starts]
        dating = [t for t in dating if not base_of_work(sentence, t)]
        token = _clause_token(dating, q.start, c_start, c_end) or governing_token(dating, q.start)
        token = token or (carried and later_year(dating, q.start)) or carried or cited_era_plan(sentence[: q.start])
        # "每年减少…", "减少…每年" but not the total of "推进自然村1080个(每年实施216个)"
        yearly = bool(re.search(r"每年|年均", re.sub(r"\([^()]*\)", "", clause))) or (
            "每年" in sentence and token is not None and token.kind == "from"
        )
        yearly = yearly and not per_unit  # "每年启动一批…,每个村投资不低于1000万元": a norm for the whole plan
        read_as = token
        if (
            token is not None
            and token.kind == "point"
            and token.year > plan.doc_year
            and flow
            and ALL_DONE.match(sentence, q.end)
        ):
            read_as = replace(token, kind="deadline")  # "要求在2019年实现全省590万贫困人口全部脱贫" (in 2015): by then
        if token is not None and token.kind == "range" and token.first is not None:
            if from_values.raised_after(sentence, token.start, token.end, q.start):  # the span after the old level's
                read_as = replace(token, first=token.year + 1, year=2 * token.year - token.first + 1)
        if token is not None and token.kind == "span":
            first = span_start(tokens, token)
            if first:  # "2006年,…制定…规划,明确5年内实施…": five years from 2006, whenever the text was written
                read_as = replace(token, kind="range", year=first + token.year - 1, first=first)
        periods = period(read_as, flow, plan, yearly=yearly, rate=q.measure == "%")
        if token is not None and token.kind == "from":
            if from_values.reached_level(sentence[: q.start]):  # "从2012年起,…资金将由原来的1.9亿元,增加到10亿元以上"
                periods = [(token.year, token.year)]
            elif yearly and from_values.thereafter(sentence[c_start : q.start]):  # "…,以后按年度每年递增100万元"
                periods = [p for p in periods if p[0] > token.year] or periods
        if id(q) in respective:  # "2018年至2020年,全省分别减少贫困人口30万人、25万人和20万人"
            periods = [(respective[id(q)], respective[id(q)])]
        if level_year is not None:
            periods = [(level_year, level_year)]
        stretch = not_figures.STRETCH_CUES.search(sentence[c_start : q.start]) is not None or goal_beyond
        runs = [(p, stretch) for p in periods]
        ahead = stretch_year(sentence[: q.start], token.year) if token is not None and not stretch else None
        if ahead is not None:  # "力争到2019年、确保2020年,…达到6000元": the committed figure and its earlier stretch
            earlier = period(replace(read_as, year=ahead), flow, plan, yearly=yearly, rate=q.measure == "%")
            runs += [(p, True) for p in earlier]
        cited = cited_plan_year(ctx.before + sentence[: q.start])  # "2016年6月,《…》正式出台:到2016年底,…"
        cited = cited if cited and cited < plan.doc_year else None
        first_of_q = len(out)
        for (p_start, p_end), stretched in runs:
            explicit_end = p_end if token is not None and token.kind != "span" else None
            if token is not None and token.kind in ("range", "from"):  # one year of a schedule: the plan's end
                explicit_end = max(p_end, token.year)
            elif token is not None and token.kind == "point" and token in tokens and schedule_end:
                if token.year >= plan.doc_year or not done_before_goal(text, s_start, sentence):
                    explicit_end = max(p_end, schedule_end)  # "2018年实现…;2019年对剩余的…;2020年…": the schedule's end
            kind = classify.kind_of(
                sentence,
                clause,
                q.start,
                not flow and q.measure != "%",
                q.measure == "%",
                explicit_end,
                cited or plan.doc_year,
                ctx.before,
                classify.told_as_result(ctx.news, ctx.year_open and flow, q.measure, explicit_end, plan.doc_year)
                or ctx.progress,
                sentence[q.start : c_end],
                intent=ctx.intent,
                progress=ctx.progress,
            )
            if remaining and not classify.FUTURE_AFTER.search(sentence[q.start : c_end]) or level_year is not None:
                kind = "baseline"
            elif kind == "baseline" and exits_done:
                kind = "actual"
            said = sentence[: q.start] if kind == "actual" else sentence[c_start : q.start]  # "目前,已下达…资金"
            progress = re.match(r"[^,;。]{0,3}(?:占|完成)(?:年度)?计划", sentence[q.end :])  # "…670亿元、占计划的67%"
            allocated = q.measure == "元" and (
                ALLOCATED.search(ctx.before + said)
                or classify.funds_allocated(sentence[: q.start])
                or ALLOCATED_AFTER.match(sentence, q.end) is not None  # "…7.35亿元专项资金已全部下达"
            )
            allocated = allocated or classify.is_quota(said)
            # "按照资金下达规模,共安排了6个项目,项目总投资为1259万元": the projects the year's money is split into
            projects = q.unit in ("个", "项") and (
                PROJECTS_ALLOCATED.match(sentence, q.end) is not None or sentence[: q.start].endswith("项目")
            )  # and its parts: "其中:基础设施建设项目3项,总资金938万元"
            allocated = allocated or projects and ALLOCATED.search(ctx.before + said) is not None
            # "(…占计划的67%。)…已下达资金187.6亿元": in a paragraph measuring progress, money already handed down
            progress = progress or ctx.progress and re.search(r"已(?:全部)?(?:下达|下拨)", said) is not None
            if kind != "target" and allocated and not (progress or classify.reports_progress(sentence)):
                if explicit_end is None or explicit_end >= plan.doc_year:
                    kind = "target"  # "下达2020年度…资金52439万元,其中,宁德市分配得8803万元": the year's budget
            # but "(每县300万元),实施1个示范带动性强的新村建设": one place made is each one's share, not a count
            made = classify.places_to_reach(sentence[c_start : q.start], sentence[q.end :]) and q.value > 1 or acted_in
            if kind == "target" and code in PLACE_STOCKS and not (STATE_TO_REACH.search(clause) or made):
                continue  # "20个脱贫任务比较重的县…接近全省平均水平": the places a goal is for, not a count to reach
            if kind == "baseline" and token is None:
                p_start = p_end = plan.doc_year - (0 if baseline or not flow and q.measure != "%" else 1)
            elif kind == "baseline" and token.kind in ("span", "range") and level_year is None:
                # "到2018年年底全省还有29个…": the stock at that year end; "十三五期间…,现有111.95万人…": now
                in_clause = token in tokens and c_start <= token.start < q.start
                if not in_clause and classify.BASELINE_MARKERS.search(sentence[c_start : q.start]):  # the stock now
                    p_start = p_end = plan.doc_year  # "…将力争每年减贫28万人以上,顺利实现现有111.95万人…如期脱贫"
            elif kind == "actual" and token is None:
                # a running total in a dated text is as of its date; since an era, to the last year end
                era = era_start(sentence)
                p_end = plan.doc_year - (0 if ctx.dated and era is None else 1)
                p_start = min(era or p_end, p_end)
            a, b = quote_span(sentence, said_for(sentence, c_start, q), c_end, token if token in tokens else None)
            unit, value = indicators.base_unit(q.unit, code, q.value)
            fig = Extracted(
                kind,
                *(
                    places.get(id(q))
                    or aided_region(sentence, c_start, c_end, q.start, gazetteer, own[1])
                    or referred_region(text, s_start, clause, gazetteer, own[1])
                    or named_subject(sentence, c_start, q.start, gazetteer, own, i_start)
                    or whole_above(sentence[c_start : q.start], gazetteer, own[1])
                    or whole_below(text, s_start, sentence[c_start : q.start], gazetteer, own[1])
                    or named_above(sentence[c_start : q.start], gazetteer, own[1])
                    or own
                ),
                code,
                p_start,
                p_end,
                value,
                unit,
                classify.comparator(sentence, q.start, q.end, q.high is not None),
                text[s_start + a : s_start + b],
                s_start + a,
                s_start + b,
                tier="stretch" if stretched else "committed",
                confidence=_confidence(known, token is not None, kind, ctx),
                indicator_label=indicators.label_of(code) or indicators.readable_label(label),
            )
            if share_of is not None:
                period_of = (share_of.period_start, share_of.period_end)
                fig = replace(fig, kind=share_of.kind, period_start=period_of[0], period_end=period_of[1])
            if unsure and kind != "target":
                continue
            if unsure:  # for the reviewer to decide: shown unaccepted (README "Adding a plan document")
                fig = replace(fig, confidence=POSSIBLE_CONFIDENCE)
            named = bracketed_counties(sentence, q, gazetteer, own[1]) if code == "counties_exited" else []
            if in_part and not named:
                words = not_figures.part_words(sentence, q.start)
                if not region_mentions(words, gazetteer):  # "(其中天津市7.6亿元,…)": each place's share
                    fig = _own_part_code(fig, out, words or label, q.measure)
            elif not named and (words := not_figures.listed_part_words(sentence, q.start)):
                if not region_mentions(words, gazetteer):  # "有65个,其中一类贫困村33个,二类贫困村15个"
                    fig = _own_part_code(fig, out, words, q.measure)
            out += [replace(fig, region=n, region_code=c, value=1.0) for n, c in named] or [fig]
            if not named and id(q) not in places and id(q) not in respective:
                out += _shared_copies(fig, sentence[c_start : q.start], sentence[q.end :], q.measure, gazetteer)
            for item in parts.get(id(q), []):
                out.append(
                    replace(
                        fig,
                        region=item.name,
                        region_code=item.code,
                        value=indicators.base_unit(item.quantity.unit, code, item.quantity.value)[1],
                        quote=text[s_start + q.start : s_start + item.quantity.end],
                        start=s_start + q.start,
                        end=s_start + item.quantity.end,
                    )
                )
        if yearly and len(periods) > 1:
            out[first_of_q:] = schedule_kept_whole(out[first_of_q:])
    return pair_tiers(out)


def schedule_kept_whole(figures: list[Extracted]) -> list[Extracted]:
    """One number's per-year schedule is one plan: when its later years are targets, its years before the text's
    date are the plan's too, not results ("“十二五”…资金从每年2000万元增加到3500万元" told in 2012: 2011-2015)."""
    if not any(f.kind == "target" for f in figures):
        return figures
    later = min((f for f in figures if f.kind == "target"), key=lambda f: f.period_end)
    return [
        replace(f, kind="target", confidence=later.confidence)
        if f.kind == "actual" and f.period_start == f.period_end < later.period_end
        else f
        for f in figures
    ]


def _shared_copies(fig: Extracted, before: str, after: str, measure: str, gazetteer) -> list[Extracted]:
    """The same figure for each earlier item of a list one number is given to all at once ("…通车率、…通达率都
    达到100%"): the figure read is the last item's; each other item gets its own words and code."""
    items = shared_items(before, after)
    if not items or region_mentions("、".join(items), gazetteer):
        return []
    copies, taken = [], {fig.indicator}
    for item in items[:-1]:
        label = indicators.readable_label(re.sub(r"^(?:使|让|确保|力争|建设|新建|实施|完成|推进|实现)", "", item))
        code = indicators.indicator_of_words(label, measure)
        if code is None or code in taken:  # "稻谷、玉米…示范基地各10万亩": each item its own, though of one measure
            code = indicators.unknown_code(label, measure)
        taken.add(code)
        copies.append(replace(fig, indicator=code, indicator_label=indicators.label_of(code) or label))
    return copies


def _own_part_code(fig: Extracted, earlier: list[Extracted], label: str | None, measure: str) -> Extracted:
    """A part in (其中…) brackets with the indicator, region and year of its total before it gets a code of its
    own words, so that sums do not count it twice ("危房改造1.2万户(其中建档立卡贫困户8000户)")."""
    total = next(
        (
            f
            for f in reversed(earlier)
            if f.start <= fig.start
            and (f.indicator, f.region_code, f.period_end) == (fig.indicator, fig.region_code, fig.period_end)
        ),
        None,
    )
    if total is None or not label or fig.indicator == "other:funds_line_item":
        return fig
    code = "other:funds_line_item" if measure == "元" else indicators.unknown_code(label, measure)
    return replace(fig, indicator=code, indicator_label=label)


def done_before_goal(text: str, s_start: int, sentence: str) -> bool:
    """A year's ;-part told before the goals of the parts after it ("2022年,全县…实现转移就业3.5万人;2023年,确保…"):
    the later parts state intent, this one does not, so it reports what was done, not a schedule's first step."""
    rest = re.match(r"[^。]*", text[s_start + len(sentence) :]).group()
    return classify.FUTURE_CUES.search(rest) is not None and classify.FUTURE_CUES.search(sentence) is None


def _clause_token(tokens, q_start: int, c_start: int, c_end: int):
    """A year said in the number's own clause, even after it ("剩余3.3万人贫困人口今年将实现全部脱贫"), before one
    of an earlier clause."""
    own = [t for t in tokens if c_start <= t.start < c_end]
    before = [t for t in own if t.end <= q_start]
    if before:
        return before[-1]
    earlier = any(t.end <= c_start for t in tokens)
    return own[0] if own and earlier else None


def _confidence(known: bool, dated: bool, kind: str, ctx: Context) -> float:
    """How sure the rules are: a catalogue indicator with its own year is surest; a guessed one least."""
    c = 0.9 if known else 0.6
    if not dated:
        c -= 0.1
    if ctx.news and kind == "target":
        c -= 0.1
    return round(c, 2)


def _listed_after(sentence: str, end: int | None, start: int) -> bool:
    """True when the quantity at start is the next item of a 、/和-list whose item ended at end."""
    if end is None:
        return False
    between = sentence[end:start]
    return re.search(r"[、和及]", between) is not None and not re.search(r"[,;:。\d]", between)
