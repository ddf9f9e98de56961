"""Unit tests: numbers, comparators, periods, and made-up sentences the extractor has never seen."""

from __future__ import annotations

import pytest

from etl.extract import extract_document
from etl.extract.classify import comparator
from etl.extract.numbers import find_quantities, normalize, parse_chinese_integer, parse_number
from etl.extract.periods import PlanYears, YearToken, period, plan_years, year_tokens
from etl.gazetteer import Gazetteer, RegionRow


@pytest.mark.parametrize(
    "raw,value",
    [
        ("12.5万", 125000),
        ("28.52万", 285200),
        ("0.7539万", 7539),
        ("1.2亿", 120_000_000),
        ("646.7", 646.7),
        ("三", 3),
        ("两", 2),
        ("十二", 12),
        ("二十三", 23),
        ("三百零五", 305),
        ("１２", 12),
        ("7O", 70),
    ],
)
def test_parse_number(raw, value):
    assert parse_number(raw) == pytest.approx(value)


def test_parse_chinese_integer_rejects_other_text():
    with pytest.raises(ValueError):
        parse_chinese_integer("三县")


def test_normalize_keeps_length():
    s = "７O%以上,12万"
    assert len(normalize(s)) == len(s) and normalize(s) == "70%以上,12万"


@pytest.mark.parametrize(
    "text,value,unit,high",
    [
        ("减少贫困人口12.5万人", 125000, "万人", None),
        ("资金共计646.7万元", 6_467_000, "万元", None),
        ("占财政总支出的7O%以上", 70, "%", None),
        ("0.6万贫困人口脱贫", 6000, "万", None),
        ("有1—2项特色产业", 1, "项", 2),
        ("三个贫困村", 3, "个", None),
        ("１２万户", 120_000, "万户", None),
        ("灌溉面积20万亩", 200_000, "万亩", None),
        ("放贷1.5亿元", 150_000_000, "亿元", None),
    ],
)
def test_find_quantities(text, value, unit, high):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.high) == (pytest.approx(value), unit, high)
    assert text[q.start : q.end] == q.raw


@pytest.mark.parametrize("text", ["〔2015〕17号", "2015年8月20日", "24小时", "放大10倍", "电话:86-0416-8196819"])
def test_no_quantities_in_non_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text,number,expected",
    [
        ("贫困面下降到8%以下", "8%", "<="),
        ("贫困发生率控制在3%以下", "3%", "<="),
        ("普及率达到90%以上", "90%", ">="),
        ("不少于1000万元", "1000万元", ">="),
        ("不低于500万元", "500万元", ">="),
        ("超过200人", "200人", ">"),
        ("低于5%", "5%", "<"),
        ("培训1000人左右", "1000人", "~"),
        ("脱贫2400人", "2400人", "="),
    ],
)
def test_comparator(text, number, expected):
    i = text.index(number)
    assert comparator(text, i, i + len(number)) == expected


@pytest.mark.parametrize(
    "text,kind,year",
    [
        ("到2017年", "deadline", 2017),
        ("2020年前", "deadline", 2020),
        ("2018年底", "deadline", 2018),
        ("2016年", "point", 2016),
        ("2011年~2015年", "range", 2015),
        ("从2016年起", "from", 2016),
        ("今后三年", "span", 3),
        ("2016年以来", "since", 2016),
        ("用三年时间", "span", 3),
    ],
)
def test_year_tokens(text, kind, year):
    (t,) = year_tokens(text)
    assert (t.kind, t.year) == (kind, year)


@pytest.mark.parametrize(
    "token,flow,expected",
    [
        (YearToken("deadline", 2020, 0, 0), True, [(2018, 2020)]),
        (YearToken("deadline", 2020, 0, 0), False, [(2020, 2020)]),
        (YearToken("point", 2019, 0, 0), True, [(2019, 2019)]),
        (YearToken("span", 3, 0, 0), True, [(2018, 2020)]),
        (YearToken("range", 2015, 0, 0, 2011), True, [(2011, 2015)]),
        (None, True, [(2018, 2020)]),
        (None, False, [(2020, 2020)]),
    ],
)
def test_period_rules(token, flow, expected):
    assert period(token, flow, PlanYears(2018, 2020)) == expected


def test_plan_years_without_date_uses_earliest_year():
    assert plan_years("2018年脱贫10万人;到2020年全部脱贫", None, "") == PlanYears(2018, 2020)


# ---- Made-up sentences (not from any real document) with a made-up gazetteer ----


@pytest.fixture(scope="module")
def fake_gazetteer() -> Gazetteer:
    return Gazetteer.from_rows(
        [
            RegionRow("990000", None, "示例省", "Example Province", "province"),
            RegionRow("990100", "990000", "示例市", "Example City", "prefecture"),
            RegionRow("990101", "990100", "甲县", "Jia County", "county"),
            RegionRow("990102", "990100", "乙县", "Yi County", "county"),
            RegionRow("990103", "990100", "丙山县", "Bingshan County", "county"),
        ]
    )


def synthetic(body: str, g: Gazetteer):
    text = f"示例市人民政府关于脱贫攻坚的实施意见\n{body}\n示例市人民政府\n2018年4月1日\n"
    return text, extract_document(text, g)


def triples(doc):
    return {
        (f.kind, f.region_code, f.indicator, f.period_start, f.period_end, f.value, f.comparator) for f in doc.figures
    }


def test_unseen_yearly_list(fake_gazetteer):
    text, doc = synthetic("2019年全市脱贫1.2万人、退出贫困村15个,2020年脱贫0.8万人、退出贫困村9个。", fake_gazetteer)
    assert triples(doc) == {
        ("target", "990100", "poor_population_reduced", 2019, 2019, 12000, "="),
        ("target", "990100", "villages_exited", 2019, 2019, 15, "="),
        ("target", "990100", "poor_population_reduced", 2020, 2020, 8000, "="),
        ("target", "990100", "villages_exited", 2020, 2020, 9, "="),
    }
    assert all(text[f.start : f.end] == f.quote for f in doc.figures)


def test_unseen_incidence_deadline(fake_gazetteer):
    _, doc = synthetic("到2020年贫困发生率降至3%以下。", fake_gazetteer)
    assert triples(doc) == {("target", "990100", "poverty_incidence", 2020, 2020, 3, "<=")}


def test_unseen_named_counties(fake_gazetteer):
    _, doc = synthetic("2019年甲县、乙县实现整体脱贫,2020年丙山县摘帽。", fake_gazetteer)
    assert triples(doc) == {
        ("target", "990101", "counties_exited", 2019, 2019, 1, "="),
        ("target", "990102", "counties_exited", 2019, 2019, 1, "="),
        ("target", "990103", "counties_exited", 2020, 2020, 1, "="),
    }
    assert {f.region for f in doc.figures} == {"甲县", "乙县", "丙山县"}


def test_unseen_past_baseline_and_target(fake_gazetteer):
    _, doc = synthetic(
        "2017年,全市减少贫困人口3.4万人。目前全市还有贫困人口5.6万人、贫困村120个。"
        "到2020年,完成易地扶贫搬迁1.1万人,累计投入扶贫资金2.5亿元,新建通村道路300公里。",
        fake_gazetteer,
    )
    assert triples(doc) == {
        ("actual", "990100", "poor_population_reduced", 2017, 2017, 34000, "="),
        ("baseline", "990100", "poor_population", 2018, 2018, 56000, "="),
        ("baseline", "990100", "other:poor_villages", 2018, 2018, 120, "="),
        ("target", "990100", "relocated_people", 2018, 2020, 11000, "="),
        ("target", "990100", "funds", 2018, 2020, 250_000_000, "="),
        ("target", "990100", "other:road_km", 2018, 2020, 300, "="),
    }


def test_unseen_results_up_to_a_past_date_are_actuals(fake_gazetteer):
    _, doc = synthetic("截至2017年底,全市累计减少贫困人口4.2万人。2016年以来,全市脱贫3万人。", fake_gazetteer)
    assert triples(doc) == {
        ("actual", "990100", "poor_population_reduced", 2017, 2017, 42000, "="),
        ("actual", "990100", "poor_population_reduced", 2016, 2017, 30000, "="),
    }


def test_unseen_noise_is_ignored(fake_gazetteer):
    _, doc = synthetic(
        "落实“五个一批”和“两不愁、三保障”要求,每个贫困村至少建立1个合作社,"
        "对60周岁以上老人给予补贴,请于24小时内上报,文号示政〔2018〕12号。",
        fake_gazetteer,
    )
    assert doc.figures == []


def test_document_info_for_unseen_text(fake_gazetteer):
    _, doc = synthetic("2019年全市脱贫1.2万人。", fake_gazetteer)
    assert doc.info.title == "示例市人民政府关于脱贫攻坚的实施意见"
    assert (doc.info.issuer, doc.info.published_on, doc.info.region_code) == (
        "示例市人民政府",
        "2018-04-01",
        "990100",
    )


def test_generating_capacity_is_a_quantity_in_kilowatts():
    # data/corpus/dev/chayouhouqi-2018-pv-poverty-stations-plan-news.txt and lushi-2018-pv-poverty-projects-trad.txt
    assert [(q.value, q.measure) for q in find_quantities("一是建设规模为1.6675万千瓦集中式光伏扶贫电站")] == [
        (16675.0, "千瓦")
    ]
    assert [(q.value, q.measure) for q in find_quantities("該基地設計裝機容量20兆瓦")] == [(20000.0, "千瓦")]
    text = (
        "2018年,察右后旗将通过建设集中式和村级式两种光伏电站,推动贫困户脱贫。"
        "一是建设规模为1.6675万千瓦集中式光伏扶贫电站。"
    )
    figures = extract_document(text, Gazetteer.from_csv()).figures
    assert [(f.period_end, f.value, f.unit) for f in figures if f.kind == "target"] == [(2018, 16675.0, "千瓦")]
