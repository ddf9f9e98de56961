"""Rules added for the v3 and v4 dev texts (data/corpus/dev, cited by slug): each case is a real sentence of one
of them (some shortened), run through the whole extractor. The v3 held-out part was not looked at."""

from __future__ import annotations

from pathlib import Path

from etl.extract import extract_document
from etl.extract.numbers import find_quantities
from etl.extract.tables import find_tables

ROOT = Path(__file__).resolve().parent.parent


def targets(doc) -> list[tuple]:
    return sorted((f.indicator, f.period_start, f.period_end, f.value) for f in doc.figures if f.kind == "target")


def test_an_ordinal_is_not_a_count(g):
    # shuyang-2019-key-projects-news
    assert [q.raw for q in find_quantities("今年是江苏省新一轮扶贫开发工作的第四个年头")] == []
    doc = extract_document("今年是江苏省新一轮扶贫开发工作的第四个年头。", g, region_code="321322", as_of="2019-06-01")
    assert targets(doc) == []


def test_what_is_already_done_inside_a_plans_period_is_a_result(g):
    # changdu-2018-relocation-plan-news-trad (traditional script as published)
    text = "“十三五”期間,全市規劃易地扶貧搬遷貧困人口2萬戶10.3萬人,已有1.2萬戶5.7萬人喜遷新居。"
    doc = extract_document(text, g, region_code="540300", as_of="2018-12-21")
    values = {v for *_, v in targets(doc)}
    assert {20000.0, 103000.0} <= values
    assert not values & {12000.0, 57000.0}


def test_a_distance_described_is_not_a_target(g):
    # changdu-2018-relocation-plan-news-trad
    doc = extract_document("全村100戶人家吃水要到一公里以外去背。", g, region_code="540300", as_of="2018-12-21")
    assert targets(doc) == []


def test_a_table_with_cells_one_space_apart(g):
    # hebei-2017-work-relief-projects-table
    text = "保定\n地区 以工代赈资金 劳务报酬\n共计 2000万 200万\n阜平县 500万 50万\n涞源县 500万 50万\n"
    [table] = find_tables(text)
    assert [r.label for r in table.rows] == ["共计", "阜平县", "涞源县"]
    doc = extract_document(text, g, region_code="130600", as_of="2017-05-01")
    got = {(f.region_code, f.value) for f in doc.figures if f.kind == "target"}
    assert ("130624", 5000000.0) in got and ("130630", 5000000.0) in got  # 阜平县, 涞源县


def test_a_sentence_is_not_split_into_cells_on_its_spaces():
    assert find_tables("今年 全省 减少 贫困人口 20万人,确保 贫困村 出列 500个\n明年 再 减少 10万人,出列 300个\n") == []


def test_an_undated_text_on_a_five_year_plan_is_read_in_that_plan(g):
    # henan-2016-relocation-plan-news: no date anywhere; "“十三五”期间…计划"
    text = (
        "“十三五”期间全省计划实施易地扶贫搬迁31.24万人,总投资197.8585亿元。\n"
        "根据各地建设总规模测算,“十三五”时期,全省易地扶贫搬迁工程总投资197.8585亿元。其中,用于建档立卡贫困人口"
        "住房建设投资共计156.2298亿元,占79%;用于同步搬迁人口住房建设投资10.3936亿元,占5.3%。"
    )
    doc = extract_document(text, g, region_code="410000")
    got = targets(doc)
    assert ("relocated_people", 2016, 2020, 312400.0) in got
    assert {(s, e) for _, s, e, _ in got} == {(2016, 2020)}
    values = {v for *_, v in got}
    assert {15622980000.0, 1039360000.0} <= {round(v) for v in values}  # the parts after 其中 keep the period


def test_a_rate_per_household_is_a_norm(g):
    # sichuan-2018-deep-poverty-counties-plan-news
    text = "将藏区新居、彝家新寨住房建设补助标准均提高1万元,分别达到3万元/户、4万元/户。"
    doc = extract_document(text, g, region_code="510000", as_of="2018-03-01")
    assert targets(doc) == []


def test_a_grouping_row_of_the_tree_is_never_the_documents_region(g):
    # chengkou-2011-relocation-paper-abstract: 城口县 in 重庆 ("全市" is the municipality), not the row "县"
    text = (
        "城口是重庆最为贫困的地区之一。十二五期间,重庆市将再帮助50万名困难居民搬离高寒山区,而城口县仍有6.4万人需要搬迁,"
        "占全市需要搬离居民总数的12.8%。"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code != "500200"
    assert ("relocated_people", 2011, 2015, 500000.0) in targets(doc)


# ---- v4 dev texts ---------------------------------------------------------------------------------------------


def test_funds_allocated_in_a_news_report_are_the_years_budget_with_the_counties_after_其中(g):
    # ningde-2020-central-funds-county-split-trad (simplified here)
    text = (
        "日前,福建省下达2020年度第二批中央财政专项扶贫资金52439万元,其中,宁德市分配得8803万元。"
        "记者在资金分配表中看到,我市共分配到8803万元。其中,寿宁县1762万元、霞浦县1477万元。"
    )
    doc = extract_document(text, g)
    got = {(f.region_code, f.period_end, f.value) for f in doc.figures if f.kind == "target"}
    assert ("350900", 2020, 88030000.0) in got
    assert ("350924", 2020, 17620000.0) in got and ("350921", 2020, 14770000.0) in got  # 寿宁县, 霞浦县


def test_an_undated_text_naming_a_five_year_plan_is_read_in_its_first_year(g):
    # jiangxi-2011-poverty-and-migrants-plan-news: no year written anywhere
    text = "今年,江西省将确定“十二五”省级扶持贫困村3400个。稳步推进5万人完成移民扶贫搬迁安置。"
    assert ("relocated_people", 2011, 2011, 50000.0) in targets(extract_document(text, g))


def test_counties_listed_after_the_ones_planned_to_exit(g):
    # rikaze-2019-planned-county-exits-news-trad
    text = "2019年,日喀则市将脱贫攻坚资金集中向今年计划摘掉贫困帽子的江孜、拉孜、南木林、萨迦、谢通门、萨嘎6县倾斜。"
    doc = extract_document(text, g, region_code="540200", as_of="2019-05-01")
    exits = {f.region_code for f in doc.figures if f.indicator == "counties_exited" and f.kind == "target"}
    assert len(exits) == 6 and "540222" in exits  # 江孜县


def test_n_years_to_lift_people_out_is_a_span_of_n_years(g):
    # ningxia-2016-timeline-roadmap-article
    text = "——任务 银川市3年实现26746人脱贫、36个贫困村销号;石嘴山市3年实现10133人脱贫、3个贫困村销号。"
    got = targets(extract_document(text, g, region_code="640000", as_of="2016-01-20"))
    assert ("poor_population_reduced", 2016, 2018, 26746.0) in got
    assert ("villages_exited", 2016, 2018, 36.0) in got


def test_a_news_report_announcing_a_plan_states_goals_in_every_paragraph(g):
    # qinghai-2017-annual-plan-news
    text = (
        "西宁3月6日电 记者6日从青海省扶贫开发局获悉,"
        "2017年青海省将实现11个贫困县摘帽、500个贫困村退出、14万贫困人口脱贫。\n"
        "在易地扶贫搬迁上,按照就近安置,实施2.2万户、9.2万人易地扶贫搬迁项目;在就业转移上,开展短期技能培训1万人次。\n"
    )
    got = targets(extract_document(text, g, region_code="630000", as_of="2017-03-06"))
    assert ("relocated_people", 2017, 2017, 92000.0) in got


def test_a_report_opening_with_results_does_not_announce_a_plan():
    from etl.extract.extractor import announces_plan

    assert announces_plan("记者从省扶贫开发局获悉,2017年青海省将实现11个贫困县摘帽、14万贫困人口脱贫。")
    assert not announces_plan("记者从省扶贫开发局获悉,2016年青海省实现了8万贫困人口脱贫,今年将再接再厉。")


def test_rate_differences_poverty_lines_and_stocks_now_are_not_targets(g):
    # gansu-2019-work-report-targets-list, guizhou-2015-poverty-stock-target-news-trad, zhangbei-2019
    text = (
        "确保补助系数高于市县平均水平3个百分点。按照国家扶贫标准2300元(人民币)计算,全省还将实现脱贫。"
        "全县贫困发生率现在降至2.79%。"
    )
    values = {v for *_, v in targets(extract_document(text, g, region_code="620000", as_of="2019-01-20"))}
    assert not values & {3.0, 2300.0, 2.79}


def test_an_undated_text_on_the_2020_supervised_counties_is_from_2020(g):
    # weining-2020-final-push-news-trad
    text = (
        "2019年末,全县剩余贫困人口下降至38257人。威宁是全国52个挂牌督战县之一,确保全县12129户38257人未脱贫群众如期脱贫。"
    )
    got = targets(extract_document(text, g, region_code="520526"))
    assert ("poor_population_reduced", 2020, 2020, 38257.0) in got


def test_a_countys_own_exit_without_a_count(g):
    # gangu-2018-poverty-group-meeting-trad
    text = "“今年实现整县脱贫摘帽,是必须完成的重大政治任务。"
    doc = extract_document(text, g, region_code="620523", as_of="2018-03-01")
    got = [(f.region_code, f.indicator, f.period_end, f.value) for f in doc.figures if f.kind == "target"]
    assert got == [("620523", "counties_exited", 2018, 1.0)]
    province = extract_document("今年实现整县脱贫摘帽。", g, region_code="620000", as_of="2018-03-01")
    assert [f for f in province.figures if f.indicator == "counties_exited"] == []


def test_a_year_written_without_年(g):
    # xizang-2017-press-meeting-measures-news: "2016全年14.7万贫困人口实现脱贫" in a 2017 text is a result
    text = "2016全年14.7万贫困人口实现脱贫并得到国家确认。"
    doc = extract_document(text, g, region_code="540000", as_of="2017-03-01")
    assert targets(doc) == []


# ---- v5 dev texts ---------------------------------------------------------------------------------------------


def test_a_reposts_date_is_dropped_when_the_text_plans_for_years_long_gone(g):
    # hubei-2018-forestry-ecological-poverty-plan-news: "发布时间:2022-09-10" over a 2018–2020 plan
    text = (
        "发布时间:2022-09-10 05:46:34\n湖北省林业厅近日出台林业生态扶贫三年规划。按规划,2018年至2020年,"
        "湖北省将新增林业产业基地40万亩。三年内,将培育省级重点林业龙头企业40家。"
    )
    got = targets(extract_document(text, g))
    assert {(s, e) for _, s, e, _ in got} == {(2018, 2020)}


def test_an_undated_range_starts_the_texts_years(g):
    # henan-2023-income-plan-employment-news
    text = "每年认定100个“河南省脱贫人口就业帮扶示范点”;2023-2025年,全省脱贫人口务工规模每年稳定在210万人以上。"
    got = targets(extract_document(text, g, region_code="410000"))
    assert [(s, e) for ind, s, e, v in got if v == 2100000.0] == [(2023, 2023), (2024, 2024), (2025, 2025)]


def test_years_inside_project_titles_do_not_date_the_text(g):
    # shenqiu-2018-education-aid-funds-projects
    text = (
        "经县脱贫攻坚领导小组研究确定,2018年统筹整合资金分配到县扶贫办资金规模873.4250万元,涉及9个项目,分别是"
        "《2018年春各学段“回头看”项目》金额10.315万元;《2018年春县外就读及负面清单项目》金额133.0125万元。"
    )
    got = targets(extract_document(text, g, region_code="411624"))
    assert {e for _, _, e, _ in got} == {2018}


def test_a_rate_per_kilowatt_is_a_norm(g):
    # louxing-2017-village-solar-subsidy-table
    text = "对光伏扶贫项目按区级700元/千瓦的补偿资金列入当年财政预算解决,按700元/千瓦补助8.4万元。"
    assert targets(extract_document(text, g, region_code="431302", as_of="2017-06-01")) == []


def test_posts_set_up_are_targets_and_a_level_kept_is_not_a_scope(g):
    # hubei-2020-public-welfare-posts-news
    text = "湖北省召开新闻发布会,提出将设置不少于5万个扶贫公益岗位,托底安排贫困人口就业。"
    got = targets(extract_document(text, g, region_code="420000", as_of="2020-04-07"))
    assert [v for *_, v in got] == [50000.0]


def test_counties_named_before_a_task_of_exiting(g):
    # dali-2019-poverty-video-meeting-news
    text = "今年,漾濞、永平、南涧3个县要全力做好脱贫摘帽工作。"
    doc = extract_document(text, g, region_code="532900", as_of="2019-03-01")
    exits = sorted(f.region_code for f in doc.figures if f.indicator == "counties_exited" and f.kind == "target")
    assert exits == ["532922", "532926", "532928"]


# ---- v6 and v7 dev texts -------------------------------------------------------------------------------------


def test_funds_already_allocated_are_the_years_budget_unless_told_as_progress(g):
    # xinjiang-2016-border-funds-forum-repost-trad; sichuan-2016-midyear-progress-crntt-trad
    text = "记者获悉,目前,新疆已下达2016年兴边富民资金3.52亿元、人口较少民族发展资金1.59亿元。"
    got = {v for *_, v in targets(extract_document(text, g, region_code="650000", as_of="2016-11-08"))}
    assert {352000000.0, 159000000.0} <= got
    progress = "上半年,四川已下达中央和省级各类资金670亿元、占计划的67%。"
    assert targets(extract_document(progress, g, region_code="510000", as_of="2016-07-20")) == []


def test_the_old_value_of_a_raise_is_replaced(g):
    # xinjiang-2016-border-funds-forum-repost-trad; beijing-2018-neimenggu-cooperation-funds-trad
    text = "今年6月起,新疆将高原护边员补贴由310元提高至1000元。扶贫协作资金将从原计划的9.92亿元增至29.75亿元。"
    values = {v for *_, v in targets(extract_document(text, g, region_code="650000", as_of="2016-05-01"))}
    assert not values & {310.0, 992000000.0}


def test_last_years_total_beside_this_years_plan_dates_the_text(g):
    # ningxia-2018-microcredit-plan-xinhua (no year of its own)
    text = (
        "记者6日从宁夏回族自治区召开的脱贫攻坚工作会上了解到,宁夏今年将新增扶贫小额信贷50亿元。"
        "自治区副主席说,2017年宁夏新增扶贫小额信贷58亿元,户均贷款4.6万元。"
    )
    got = targets(extract_document(text, g))
    assert [(e, v) for _, _, e, v in got] == [(2018, 5000000000.0)]


def test_a_plan_naming_only_a_range_and_deadlines_starts_with_the_range(g):
    # datong-2018-poor-village-upgrading-plan-news
    text = (
        "今后三年,我市要确保完成全市18456户四类重点对象危房改造任务。2018年~2020年,每年选出100个村作为示范村。"
        "到2020年,全市农村生活垃圾治理村庄达到90%。"
    )
    got = targets(extract_document(text, g, region_code="140200"))
    assert ("other:housing_renovation_households", 2018, 2020, 18456.0) in got


def test_from_now_to_a_year_is_a_plan_and_search_keywords_are_no_title(g):
    # hebei-2018-tourism-poverty-action-plan-xinhua
    text = (
        "热门关键词:  杏林镇  请输入关键词  怀远县\n"
        "河北省旅游扶贫行动计划出台\n据介绍,从现在到2020年,河北省将支持贫困地区创建30家A级旅游景区。"
    )
    doc = extract_document(text, g, as_of="2018-06-20")
    assert doc.info.region_code == "130000"
    assert [v for *_, v in targets(doc)] == [30.0]


def test_years_within_a_span_count_from_the_year_that_opens_the_sentence(g):
    # qujing-2006-eleventh-plan-yearbook: a history written long after, "5年内" from 2006
    text = (
        "2000年3月2日,市委印发决定。\n2006年,市委、市政府制定“十一五”扶贫开发规划,明确5年内实施市、县级整村"
        "推进自然村1080个(每年实施216个)。"
    )
    got = targets(extract_document(text, g, region_code="530300"))
    assert ("other:natural_villages", 2006, 2010, 1080.0) in got


def test_a_countys_name_before_it_was_renamed_and_a_dated_caption(g):
    # mengjin-2018-second-batch-funds-notice-trad (孟津县, now 孟津区); kunming-2017-yearbook-entry
    text = "2018年,第二批扶贫专项资金规模1486.328万元,其中上级下达孟津县1124.2万元。"
    assert extract_document(text, g).info.region_code == "410308"
    caption = "2017年8月26日,民政部部长到禄劝县了解低保户生活情况\n2017年,昆明市围绕目标,全市贫困发生率下降至5.21%。"
    assert extract_document(caption, g).info.region_code == "530100"


def test_places_an_effort_is_locked_on_are_a_scope(g):
    # qujing-2015-township-village-push-news-trad
    text = "从2014年起,曲靖市瞄准锁定建档立卡的50个贫困乡和475个贫困村,每年启动一批。"
    assert targets(extract_document(text, g, region_code="530300", as_of="2015-06-01")) == []
