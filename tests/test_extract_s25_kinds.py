"""Target, result or baseline (issue 12, session 25): the tense and cue words that make a figure a plan's target,
on the real texts of the dev corpus (data/corpus/dev, names a–r) the rules were written from, read whole as the
intake reads them (with their address)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from etl.extract import classify, extract_document
from etl.gazetteer import Gazetteer

DEV = Path(__file__).resolve().parent.parent / "data" / "corpus" / "dev"


def _kinds(slug: str, g: Gazetteer, value: float, period_end: int) -> set[str]:
    meta = yaml.safe_load((DEV / f"{slug}.yaml").read_text(encoding="utf-8"))
    doc = extract_document((DEV / f"{slug}.txt").read_text(encoding="utf-8"), g, source_url=meta["url"])
    return {f.kind for f in doc.figures if f.value == value and f.period_end == period_end}


@pytest.mark.parametrize(
    ("slug", "value", "period_end"),
    [
        # "去年初,我市确定了“实现15.1万贫困人口脱贫,181个贫困村出列,…”年度减贫计划": a plan's goals, told later
        ("luan-2018-annual-plan-review-news", 151000.0, 2018),
        ("luan-2018-annual-plan-review-news", 181.0, 2018),
        # "12个计划退出县也有望顺利实现摘帽" (in 2019): the counties the plan had to take out
        ("qinghai-2019-poverty-work-meeting-news", 12.0, 2018),
        # "10月底前建成县级电商服务中心和23个乡村电商服务站点": a month's deadline
        ("jinyang-2019-county-task-pledges", 23.0, 2019),
        # "2020年,来料加工产业扩面至100个以上村": coverage widened to a number of places
        ("qingtian-2020-farmer-income-action-plan-news", 100.0, 2020),
        # "工程初步设计报告已经完成,目前…基本就绪,年底解决9个贫困村1315户6114人的饮水问题"
        ("qinzhou-2015-poor-villages-drinking-water-plan-trad", 6114.0, 2015),
        # "介绍了…,并提出了2017年脱贫攻坚总体目标:力争到2017年底,实现全市85个贫困村达到…退出标准"
        ("neijiang-2017-special-plans-targets-news", 85.0, 2017),
        # "截至目前,资金已全部下达…,其中:下达7个贫困县2.75亿元,3个非贫困县1.38亿元": the year's budget, by place
        ("chuxiong-2021-central-funds-advance-notice", 138000000.0, 2021),
        # "截至目前,省上已下达我市2013年农村危房改造补助资金计划4000户…,其中:永登县2000户(贫困残疾人160户)、…"
        ("lanzhou-2013-housing-renovation-county-tasks-trad", 2000.0, 2013),
        ("lanzhou-2013-housing-renovation-county-tasks-trad", 40.0, 2013),
        # "为全县155个村(社区)开发特设公益性岗位不少于300个" in a report with no word of intent: a floor is set
        ("danfeng-2017-employment-five-fives-news-trad", 300.0, 2017),
        # "自…开展以来,…提出“三年任务两年完成”的工作目标,即2017年要消除50%…,完成83个省定经济薄弱村转化工作"
        ("qingyuan-2017-weak-villages-elimination-news", 83.0, 2017),
    ],
)
def test_a_plans_figure_is_a_target(g, slug, value, period_end):
    assert "target" in _kinds(slug, g, value, period_end)


@pytest.mark.parametrize(
    ("slug", "value", "period_end"),
    [
        # "已下达…补助资金98578万元,已开工7.43万户,开工率87.3%,竣工2.29万户,完成投资24.56亿元": money spent
        ("gansu-2015-housing-renovation-plan-news", 2456000000.0, 2015),
        # "截止9月9日,10个重点县已启动实施272个村…;村落规划设计完成306个村,占计划的91.6%": progress
        ("liangshan-2011-yijia-xinzhai-progress-news", 306.0, 2011),
        # "河南:5514个贫困村退出贫困序列" under a breadcrumb "…> 行业要闻 > 正文": 要闻 is news, not 要 (must)
        ("henan-2018-village-exits-and-plan-news", 5514.0, 2018),
        # "平江县今年共实施农村危房改造4159户,眼下项目已全部竣工": 今年共… counts what was done
        ("hunan-2017-housing-renovation-news", 4159.0, 2017),
        # "2018年底,赣州贫困人口已减至18.86万人,贫困发生率降至2.45%": 已 reaches the whole sentence
        ("ganzhou-2020-remaining-counties-news-trad", 2.45, 2018),
        # "…2017年以来脱贫攻坚主要目标任务落实情况通报会上获悉,…。全市贫困人口减少到15.5万人": a report on goals
        ("guilin-2018-targets-briefing-news-trad", 4.1, 2017),
        # "2014年,科尔沁区共选派30名副处级领导、30个重点部门和重要职能科局的…": 重要 is no 要, 共选派 a count done
        ("keerqin-2014-four-year-village-support-trad", 30.0, 2014),
    ],
)
def test_work_done_stays_a_result(g, slug, value, period_end):
    assert "target" not in _kinds(slug, g, value, period_end)


def test_intent_after_the_past_governs_the_number():
    before = "市脱贫攻坚领导小组办公室相关负责人介绍了…相关情况,并提出了2017年脱贫攻坚总体目标:力争到2017年底,实现全市"
    assert classify._intent_after_past(before, "85个贫困村达到“一低、五有”退出标准,")
    assert not classify._intent_after_past("全县计划投资5000万元,目前已完成", "3000万元,")


def test_a_place_item_after_a_planned_total_is_its_share():
    said = "省上已下达我市2013年农村危房改造补助资金计划4000户(其中贫困残疾人家庭620户),已全部分解下达相关县区,其中:"
    assert classify.breaks_down_plan(said + "永登县")
    assert classify.breaks_down_plan(said + "永登县2000户(贫困残疾人")
    assert not classify.breaks_down_plan("省上已下达我市2013年农村危房改造补助资金计划4000户(其中贫困残疾人家庭")
