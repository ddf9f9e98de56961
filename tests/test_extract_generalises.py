"""The extractor on texts it was not written for: sentences from the labelled dev corpus (data/corpus/dev) and
the seeds, one rule at a time, and the whole dev part through bench.extract's scorer."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.extract import extract_document
from etl.extract.document import find_date
from etl.extract.normalize import normalize_text
from etl.extract.own_region import self_reference_level
from etl.extract.periods import plan_years, year_tokens
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "data" / "corpus" / "dev"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def targets(doc, **where) -> list:
    return [f for f in doc.figures if f.kind == "target" and all(getattr(f, k) == v for k, v in where.items())]


# ---- normalisation: offsets map back to the original text -------------------------------------------------


@pytest.mark.parametrize(
    "original,number,value",
    [
        # chongqing-2017-relocation-plan-trad: traditional characters
        ("“十三五”期間,我市將在17個貧困區縣搬遷農村建卡貧困人口25萬人,今年計劃搬遷8.7萬人", "8.7萬人", 87000),
        # xizang-2018-annual-plan-news-trad: pinyin printed after characters
        ("實(shí)現(xiàn)2100個(gè)貧困村退出,15萬(wàn)以上建檔立卡貧困人口脫貧", "2100個(gè)貧困村", 2100),
        # full-width digits and an OCR letter O, as scanned pages give them
        ("財政扶貧支出占總支出的７O％以上", "７O％", 70),
    ],
)
def test_normalised_quotes_map_back_exactly(g, original, number, value):
    doc = extract_document(original, g, region_code="500000", as_of="2017-01-19")
    hits = [f for f in doc.figures if abs(f.value - value) < 1e-6]
    assert hits, [f.to_json() for f in doc.figures]
    for f in doc.figures:
        assert original[f.start : f.end] == f.quote
    assert any(number.split("(")[0][:3] in f.quote for f in hits)


def test_normalisation_converts_script_width_and_numerals():
    n = normalize_text("確保三十萬人脫貧,完成百分之九十五,“五個一批”")
    assert n.text == "确保300000人脱贫,完成95%,“五个一批”"
    a, b = n.span(n.text.index("300000"), n.text.index("300000") + 7)
    assert "確保三十萬人脫貧,完成百分之九十五"[a:b] == "三十萬人"


# ---- the document's own date and relative years ----------------------------------------------------------


@pytest.mark.parametrize(
    "text,date",
    [
        (
            "当前位置:新闻 > 中国新闻 > 正文\n\n宁夏今年将再脱贫10万贫困人口\n\n2018-02-12 19:05:56    央广网",
            "2018-02-12",
        ),
        ("今年内蒙古10个以上旗县将摘掉“贫困帽子”\n\n24.02.2016  09:41\n", "2016-02-24"),
        ("2017年凌海市脱贫攻坚方案\n时间:2017-12-12 来源:\n正文\n凌海市扶贫办\n2017年3月17日\n", "2017-03-17"),
    ],
)
def test_document_date_from_dateline_stamp_or_signature(text, date):
    assert find_date(text) == date


def test_relative_years_resolve_with_the_document_year():
    tokens = year_tokens("今年计划搬迁8.7万人,明年完成,“十三五”期间搬迁25万人,2015年年底", 2017)
    assert [(t.kind, t.first, t.year) for t in tokens] == [
        ("point", None, 2017),
        ("point", None, 2018),
        ("range", 2016, 2020),
        ("point", None, 2015),
    ]


def test_news_year_without_a_date_comes_after_what_it_reports():
    # xizang-2018-annual-plan-news-trad (simplified here): no date; 2017 is reported as done
    text = "2017年,西藏脱贫攻坚取得决定性进展,1705个贫困村退出。西藏今年将整合资金117亿元。"
    assert plan_years(text, None, "").doc_year == 2018


# ---- regions ----------------------------------------------------------------------------------------------


def test_region_from_headline_short_name_and_self_reference(g):
    doc = extract_document(
        "宁夏今年将再脱贫10万贫困人口\n\n2018-02-12 19:05:56    央广网\n"
        "宁夏今年的减贫目标是确保隆德、泾源、彭阳3个县脱贫摘帽,140个贫困村脱贫出列,10万贫困人口实现脱贫。",
        g,
    )
    assert doc.info.region_code == "640000"
    exits = targets(doc, indicator="counties_exited")
    assert {f.region_code for f in exits} == {"640423", "640424", "640425"}  # named counties, no aggregate 3
    assert targets(doc, indicator="villages_exited", value=140.0, region_code="640000")


def test_nested_title_names_pick_the_place_and_comparisons_are_not_self_references(g):
    doc = extract_document("陕西延安剩余338个贫困村全部退出 实现“清零”目标\n正文。", g, as_of="2018-11-29")
    assert doc.info.region_code == "610600"
    assert self_reference_level("张家口市搬迁总规模为102994人,占全省三分之一,全市累计完成") == "prefecture"


def test_ambiguous_and_renamed_county_names_resolve_inside_the_province(g):
    # henan-2019-county-exits-plan-news: 淮阳县 is 淮阳区 today; 宜阳 is resolved inside 河南
    text = (
        "时间:2019-05-09\n根据《河南省“十三五”脱贫攻坚滚动规划和年度计划》,栾川县、宜阳县、淮阳县等3个国定贫困县和"
        "叶县、息县等2个省定贫困县计划2018年脱贫摘帽。全省各地要巩固成果。"
    )
    doc = extract_document(text, g, region_code="410000")
    assert {f.region_code for f in targets(doc, indicator="counties_exited", period_end=2018)} == {
        "410324",
        "410327",
        "411603",
        "410422",
        "411528",
    }


def test_region_and_date_overrides(g):
    doc = extract_document("今年全县脱贫1200人。", g, region_code="621102", as_of=dt.date(2019, 1, 2))
    (f,) = doc.figures
    assert (f.region_code, f.period_end, doc.info.published_on) == ("621102", 2019, "2019-01-02")


# ---- target or result: cue and tense ------------------------------------------------------------------------


def test_results_and_baselines_in_a_news_report_are_not_targets(g):
    # ningxia-2018-annual-plan-news and heilongjiang-2019-county-exit-news
    doc = extract_document(
        "2018-02-12 19:05:56 央广网\n据了解,过去五年宁夏脱贫攻坚战取得重大进展,完成生态移民39.8万人,累计减贫71.9万人。"
        "宁夏今年的减贫目标是确保140个贫困村脱贫出列,10万贫困人口实现脱贫。\n"
        "记者获悉,截至2018年底,这10个贫困县累计完成11.5万人口脱贫,当年完成5.1万人口脱贫。",
        g,
        region_code="640000",
    )
    values = {f.value for f in targets(doc)}
    assert {140.0, 100000.0} <= values
    assert not values & {398000.0, 719000.0, 115000.0, 51000.0}


def test_exit_criteria_and_scope_are_not_targets(g):
    # guizhou-2017-relocation-news, hunan-2018-annual-plan-news
    doc = extract_document(
        "今年将在全省86个县(市、区、特区)实施易地扶贫搬迁工程,涉及50户以下、贫困发生率50%以上整体搬迁自然村寨3603个。"
        "引导各类资源向11个深度贫困县、549个深度贫困村精准发力。",
        g,
        region_code="520000",
        as_of="2017-02-25",
    )
    values = {f.value for f in targets(doc)}
    assert 3603.0 in values
    assert not values & {86.0, 50.0, 11.0, 549.0}


def test_plan_targets_reported_after_their_year_stay_targets(g):
    doc = extract_document(
        "时间:2019-05-09\n栾川县、宜阳县等2个国定贫困县计划2018年脱贫摘帽。", g, region_code="410000"
    )
    assert len(targets(doc, indicator="counties_exited", period_end=2018)) == 2


# ---- tiers --------------------------------------------------------------------------------------------------


def test_stretch_tier_beside_a_committed_figure(g):
    # chongqing-2017-relocation-plan-trad
    doc = extract_document(
        "“十三五”期間,我市將在17個貧困區縣搬遷農村建卡貧困人口25萬人,今年計劃搬遷8.7萬人,力爭搬遷10萬人以上。",
        g,
        region_code="500000",
        as_of="2017-01-19",
    )
    tiers = {(f.value, f.tier) for f in targets(doc, indicator="relocated_people", period_end=2017)}
    assert tiers == {(87000.0, "committed"), (100000.0, "stretch")}


def test_a_lone_lizheng_figure_is_the_committed_one(g):
    # hunan-2018-annual-plan-news
    doc = extract_document(
        "今年湖南省脱贫攻坚力争实现130万以上农村建档立卡贫困人口脱贫、2200个左右贫困村出列。", g, as_of="2018-04-01"
    )
    (f,) = targets(doc, indicator="poor_population_reduced")
    assert (f.value, f.tier, f.comparator) == (1300000.0, "committed", ">=")


# ---- tables and lists -----------------------------------------------------------------------------------------


def test_one_column_list_under_an_exit_heading(g):
    # hubei-2019-planned-county-exits-list
    text = (
        "根据省扶贫办此前发布的\n《湖北省2019年减贫计划》\n2019年计划脱贫摘帽的\n17个贫困县分别是\n"
        "十堰市(5个)\n郧阳区\n郧西县\n竹山县\n宜昌市(2个)\n长阳县\n五峰县\n2019年,打赢脱贫攻坚战\n"
    )
    doc = extract_document(text, g, region_code="420000", as_of="2019-04-30")
    assert {f.region_code for f in targets(doc, indicator="counties_exited", period_end=2019)} == {
        "420304",
        "420322",
        "420323",
        "420528",
        "420529",
    }


SYNTHETIC_TABLE = (  # SYNTHETIC: a made-up notice in the layout counties receive (pipe table, tiers)
    "定西市人民政府\n关于下达2018年脱贫任务的通知\n表1 2018年各县区脱贫任务\n"
    "| 县(区) | 减贫人数(人) | 贫困村退出(个) |\n|---|---|---|\n| 陇西县 | 1,200 | 5 |\n| 岷县 | 800 | 3 |\n"
    "| 合计 | 2000 | 8 |\n\n指标\t计划任务数\t奋斗目标数\n减少贫困人口(万人)\t1.5\t1.8\n定西市人民政府\n2018年1月5日\n"
)


def test_table_rows_are_regions_totals_and_tiers(g):
    doc = extract_document(SYNTHETIC_TABLE, g)
    rows = {(f.region_code, f.indicator, f.value, f.tier) for f in targets(doc, period_end=2018)}
    assert ("621122", "poor_population_reduced", 1200.0, "committed") in rows
    assert ("621126", "villages_exited", 3.0, "committed") in rows
    assert ("621100", "poor_population_reduced", 2000.0, "committed") in rows  # 合计: the document's region
    assert ("621100", "poor_population_reduced", 15000.0, "committed") in rows
    assert ("621100", "poor_population_reduced", 18000.0, "stretch") in rows
    assert not any(f.region == "合计" for f in doc.figures)
    for f in doc.figures:
        assert SYNTHETIC_TABLE[f.start : f.end] == f.quote


# ---- indicators -------------------------------------------------------------------------------------------------


def test_unknown_indicator_gets_a_readable_label(g):
    # after ningxia-2018-annual-plan-news ("建成中部干旱带7座水库"), with a work the catalogue lacks
    doc = extract_document("宁夏今年将建成中部干旱带7座蓄水池。", g, region_code="640000", as_of="2018-02-12")
    (f,) = targets(doc)
    assert f.indicator.startswith("other:") and "蓄水池" in f.indicator_label and f.unit == "座"
    assert 0 < f.confidence < 0.9


def test_synonyms_share_one_code(g):
    doc = extract_document(
        "到2015年,新型农村合作医疗参合率稳定在95%以上;到2020年,贫困人口基本医保参保率达到100%。",
        g,
        region_code="460000",
        as_of="2014-05-15",
    )
    assert {f.indicator for f in targets(doc)} == {"other:medical_insurance_coverage"}


# ---- CLI and the dev score --------------------------------------------------------------------------------------


def test_extract_cli_region_and_date_override(tmp_path):
    from etl.cli import cli

    path = tmp_path / "notice.txt"
    path.write_text("今年全县脱贫1200人、退出贫困村5个。", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--region", "621102", "--date", "2019-01-02", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["region_code"], r["year"], r["tier"]) for r in records} == {("621102", 2019, "committed")}


@pytest.mark.skipif(not DEV.exists(), reason="no dev corpus")
def bench_report(part: str, tmp_path: Path, *options: str) -> dict:
    """The benchmark's own report for ``part``, through its command line (tests never import bench/)."""
    out = tmp_path / f"{part}.json"
    command = [sys.executable, "-m", "bench.extract", "--part", part, "--quiet", "--json", str(out), *options]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def bench_total(part: str, tmp_path: Path) -> dict:
    return bench_report(part, tmp_path)["total"]


def test_bench_scores_the_documents_a_glob_names(tmp_path):
    report = bench_report("dev", tmp_path, "--only", "[s-z]*")
    names = [d["name"] for d in report["documents"]]
    assert names and all("s" <= n[0] <= "z" for n in names)
    assert report["total"]["gold"] == sum(d["gold"] for d in report["documents"])
    refused = subprocess.run(
        [sys.executable, "-m", "bench.extract", "--part", "dev", "--only", "no-such-*"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert refused.returncode == 2 and "matches --only" in refused.stderr


def test_bench_tells_where_the_missed_and_the_extra_targets_went():
    result = subprocess.run(
        [sys.executable, "-m", "bench.extract", "--part", "dev", "--only", "[w-z]*", "-q", "--why"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    total = next(line.split() for line in result.stdout.splitlines() if line.startswith("TOTAL"))
    gold, extracted, matched = (int(x) for x in total[1:4])
    said = {line.split(":")[0]: line.split(": ", 1)[1] for line in result.stdout.splitlines()[-2:]}
    counts = {k: [int(part.rsplit(" ", 1)[1]) for part in v.split("; ")] for k, v in said.items()}
    assert sum(counts["missed"]) == gold - matched and sum(counts["spurious"]) == extracted - matched
    assert "read, then dropped" in said["missed"] and "labelled achievement" in said["spurious"]


def test_dev_corpus_score_stays_above_the_floor(tmp_path):
    total = bench_total("dev", tmp_path)
    assert total["gold"] >= 50
    # headroom for dev documents still arriving (their first run scores lower); raised as the rules improve
    # reached: 0.859 / 0.882 / 0.968 (362 documents, session 25, the v11 batch's 12 texts included; session 24's
    # 350: 0.837 / 0.865 / 0.943)
    assert total["recall"] >= 0.84, total
    assert total["precision"] >= 0.87, total
    assert total["region_accuracy"] >= 0.95, total


def test_seed_score_is_complete(tmp_path):
    total = bench_total("seeds", tmp_path)
    assert total["recall"] >= 0.95 and total["precision"] >= 0.95, total


def test_county_named_only_by_its_towns(g):
    # daying-2019-annual-plan-notice: 我县 and its towns, never the county's name
    doc = extract_document(
        "各镇乡脱贫攻坚领导小组、县级各部门:\n结合我县实际,现将2019年度减贫计划分解下达你们。全县剩余的4267名未脱贫人口、"
        "8个未退出贫困村要全部脱贫退出,分别是未脱贫人口:河边镇941人、回马镇252人、金元镇457人。",
        g,
    )
    assert doc.info.region_code == "510923"
    assert {f.value for f in targets(doc)} == {4267.0, 8.0}  # the towns' shares are not the county's targets


def test_shares_in_brackets_go_to_their_counties(g):
    # shenyang-2016-annual-targets-news
    doc = extract_document(
        "25.11.2016  11:05\n据介绍,今年全市上下紧紧围绕建档立卡贫困人口11662人全部脱贫的总目标,"
        "全市11662名建档立卡贫困人口(康平7418人、新民1854人、辽中1324人、法库1066人)年底前全部完成脱贫销号。",
        g,
        region_code="210100",
    )
    shares = {(f.region_code, f.value) for f in targets(doc, indicator="poor_population_reduced")}
    assert {("210100", 11662.0), ("210123", 7418.0), ("210181", 1854.0), ("210115", 1324.0)} <= shares


def test_an_earlier_plan_figure_is_replaced_by_its_revision(g):
    doc = extract_document(
        "2017年原计划减少贫困人口50万人,现调整为45万人。", g, region_code="450000", as_of="2017-07-28"
    )
    assert [f.value for f in targets(doc)] == [450000.0]


def test_a_revised_target_keeps_only_its_new_value(g):
    doc = extract_document(
        "自治区人大常委会批准将2017年减贫目标由25万人调整为20万人,贫困村退出数由1000个调整为800个。",
        g,
        region_code="450000",
        as_of="2017-07-28",
    )
    assert {(f.indicator, f.value) for f in targets(doc)} == {
        ("poor_population_reduced", 200000.0),
        ("villages_exited", 800.0),
    }


SYNTHETIC_SPACED = (  # SYNTHETIC: a space-aligned table under a prefecture's title, a spaced-out 合  计
    "黔西南州2018年脱贫攻坚目标任务分解表\n县(市、新区)    减贫户数    减贫人数    贫困村出列\n"
    "兴义市    3200    12000    25\n兴仁市    2800    10500    20\n合  计    6000    22500    45\n"
)
SYNTHETIC_TWO_LEVEL = (  # SYNTHETIC: a two-row header, tiers under each indicator
    "2019年各县(区)减贫任务表\n| 县区 | 减贫人口(万人) | | 贫困村退出(个) | |\n"
    "| | 计划任务数 | 奋斗目标数 | 计划任务数 | 奋斗目标数 |\n| 陇西县 | 1.2 | 1.5 | 20 | 25 |\n"
)


def test_space_aligned_table_and_its_total(g):
    doc = extract_document(SYNTHETIC_SPACED, g, as_of="2018-02-01")
    assert doc.info.region_code == "522300"
    rows = {(f.region_code, f.indicator, f.value) for f in targets(doc, period_end=2018)}
    assert ("522301", "households_exited", 3200.0) in rows
    assert ("522300", "poor_population_reduced", 22500.0) in rows  # 合  计: the prefecture's own figure
    assert ("522300", "villages_exited", 45.0) in rows


def test_two_row_header_gives_tiers(g):
    doc = extract_document(SYNTHETIC_TWO_LEVEL, g, region_code="621100", as_of="2019-01-10")
    rows = {(f.indicator, f.value, f.tier) for f in targets(doc, region_code="621122", period_end=2019)}
    assert rows == {
        ("poor_population_reduced", 12000.0, "committed"),
        ("poor_population_reduced", 15000.0, "stretch"),
        ("villages_exited", 20.0, "committed"),
        ("villages_exited", 25.0, "stretch"),
    }


def test_a_place_heading_its_clause_owns_the_figure(g):
    # SYNTHETIC sentence in the form of prefecture plans ("其中,X县…")
    doc = extract_document("2018年,全市减贫5万人,其中陇西县减贫1.2万人,岷县减贫0.8万人。", g, region_code="621100")
    assert {(f.region_code, f.value) for f in targets(doc)} == {
        ("621100", 50000.0),
        ("621122", 12000.0),
        ("621126", 8000.0),
    }


def test_corner_quotes_chinese_digit_years_and_spaced_units():
    n = normalize_text("「十三五」期間,二〇一八年(2018 年实施7409户)")
    assert n.text == "“十三五”期间,2018年(2018年实施7409户)"
    i = n.text.index("7409户")
    assert "「十三五」期間,二〇一八年(2018 年实施7409户)"[slice(*n.span(i, i + 5))] == "7409户"


@pytest.mark.skipif(not DEV.exists(), reason="no dev corpus")
def test_every_dev_figure_quotes_the_original_and_is_labelled(g):
    from etl.textfile import read_text

    for path in sorted(DEV.glob("*.txt")):
        text = read_text(path)
        for f in extract_document(text, g).figures:
            assert text[f.start : f.end] == f.quote, (path.name, f)
            assert f.tier in ("committed", "stretch") and 0 < f.confidence <= 1 and f.indicator_label, f


@pytest.mark.parametrize(
    "sentence",
    [
        "贫困县退出标准:贫困发生率降至2%以下(西部地区降至3%以下)。",
        "贫困村退出以贫困发生率为主要衡量标准,原则上贫困发生率降至2%以下。",
        "贫困县综合贫困发生率低于3%,方可退出。",
    ],
)
def test_exit_criteria_are_not_yearly_targets(g, sentence):
    assert extract_document(sentence, g, region_code="620000", as_of="2016-03-01").figures == []


def test_a_rate_target_is_still_a_target(g):
    (f,) = extract_document("到2018年,全省贫困发生率降至3%以下。", g, region_code="620000", as_of="2016-03-01").figures
    got = (f.kind, f.indicator, f.period_end, f.value, f.comparator)
    assert got == ("target", "poverty_incidence", 2018, 3.0, "<=")


def test_multi_year_totals_and_yearly_averages_are_targets(g):
    doc = extract_document(
        "今后三年累计减少贫困人口100万人。2018—2020年易地扶贫搬迁30万人,年均搬迁10万人。",
        g,
        region_code="620000",
        as_of="2018-03-01",
    )
    got = {(f.indicator, f.period_start, f.period_end, f.value) for f in doc.figures if f.kind == "target"}
    assert got == {
        ("poor_population_reduced", 2018, 2020, 1000000.0),
        ("relocated_people", 2018, 2020, 300000.0),
        ("relocated_people", 2018, 2018, 100000.0),
        ("relocated_people", 2019, 2019, 100000.0),
        ("relocated_people", 2020, 2020, 100000.0),
    }


def test_share_target_of_the_poor(g):
    # the example of a share target
    (f,) = extract_document(
        "到2018年,确保95%以上的相对贫困人口达到脱贫标准。", g, region_code="440000", as_of="2016-03-01"
    ).figures
    assert (f.indicator, f.period_end, f.value, f.unit, f.comparator) == (
        "other:share_of_poor_lifted",
        2018,
        95.0,
        "%",
        ">=",
    )


SYNTHETIC_WORK_POINTS = (  # SYNTHETIC: a county's annual work points in the usual layout
    "某县人民政府办公室关于印发2019年脱贫攻坚工作要点的通知\n一、目标任务\n"
    "2019年,全县计划实现3个贫困村退出、1200户4500人脱贫,贫困发生率降至2%以下。\n"
    "(一)产业扶贫。新发展特色种植2万亩,培育农民专业合作社50家,带动贫困户1000户增收。\n"
    "(二)健康扶贫。贫困人口基本医疗保险参保率达到100%,家庭医生签约服务覆盖率100%。\n"
    "落实“帮扶一户、脱贫一户”,每个贫困村至少建立1个合作社。\n"
)


def test_annual_work_points(g):
    doc = extract_document(SYNTHETIC_WORK_POINTS, g, region_code="621102", as_of="2019-02-01")
    got = {(f.indicator, f.value) for f in targets(doc, period_end=2019)}
    assert {
        ("villages_exited", 3.0),
        ("households_exited", 1200.0),
        ("poor_population_reduced", 4500.0),
        ("poverty_incidence", 2.0),
        ("other:cooperatives", 50.0),
        ("other:households_benefited", 1000.0),
        ("other:medical_insurance_coverage", 100.0),
    } <= got
    assert any(f.indicator_label.startswith("家庭医生") for f in targets(doc))
    assert all(f.value > 1 for f in doc.figures)  # slogans and per-village norms are not figures


def test_per_year_table_and_its_total(g):
    # SYNTHETIC: a schedule table with years as rows
    text = "年度|减贫人数(人)|退出村数(个)\n2018年|5000|20\n2019年|3000|15\n合计|8000|35\n"
    doc = extract_document(text, g, region_code="621100", as_of="2018-01-05")
    got = {(f.indicator, f.period_start, f.period_end, f.value) for f in targets(doc)}
    assert ("poor_population_reduced", 2019, 2019, 3000.0) in got
    assert ("poor_population_reduced", 2018, 2019, 8000.0) in got  # the total covers the schedule
    assert ("villages_exited", 2018, 2019, 35.0) in got
