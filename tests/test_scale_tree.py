"""The national region tree: committed files consistent with the seed, depth-first ranges that nest."""

from __future__ import annotations

import csv

import pytest

from db.tree import number_tree
from etl.gazetteer import read_regions_csv
from etl.regions_national import english_name, national_rows, pinyin
from geo import boundaries
from settings import DATA_DIR

PARENT_LEVEL = {
    "prefecture": "province",
    "county": "prefecture",
    "township": ("county", "prefecture"),
    "village": "township",
}


@pytest.fixture(scope="module")
def rows():
    return national_rows(villages=True)


def test_every_parent_exists_one_level_up(rows):
    by_code = {r.code: r for r in rows}
    assert len(by_code) == len(rows), "codes are unique"
    for r in rows:
        if r.level == "province":
            assert r.parent_code is None
            continue
        parent = by_code[r.parent_code]
        expected = PARENT_LEVEL[r.level]
        assert parent.level in (expected if isinstance(expected, tuple) else (expected,)), r
        assert r.code.startswith(parent.code.rstrip("0")[:2]), r


def test_national_tree_has_the_whole_country(rows):
    levels = {}
    for r in rows:
        levels[r.level] = levels.get(r.level, 0) + 1
    assert levels["province"] == 31
    assert 330 <= levels["prefecture"] <= 345
    assert 2800 <= levels["county"] <= 3000
    assert levels["village"] > 100_000


def test_seed_regions_are_unchanged_in_the_national_tree(rows):
    by_code = {r.code: r for r in rows}
    for seed in read_regions_csv():
        assert by_code[seed.code] == seed
    assert by_code["610981"].name_zh == "旬阳市" and "610928" in by_code["610981"].former_codes
    assert "610928" not in by_code, "旬阳县's old code is an alias, not a region"


def test_depth_first_ranges_nest_and_codes_run_contiguously(rows):
    numbered = number_tree([(r.code, r.parent_code) for r in rows])
    assert sorted(lo for lo, _, _ in numbered.values()) == list(range(1, len(rows) + 1))
    for r in rows:
        lo, hi, code_hi = numbered[r.code]
        assert code_hi is not None and code_hi >= r.code
        if r.parent_code:
            plo, phi, _ = numbered[r.parent_code]
            assert plo < lo <= hi <= phi


def test_non_contiguous_codes_fall_back_to_the_depth_first_range():
    # "62" sorts between "61" and its odd child "63xx": the codes of 61's subtree are not one run
    numbered = number_tree([("61", None), ("6101", "61"), ("62", None), ("6301", "61")])
    assert numbered["61"] == (1, 3, None)
    assert numbered["6101"] == (2, 2, "6101")
    assert numbered["62"] == (4, 4, "62")


@pytest.mark.parametrize(
    ("name", "level", "english"),
    [
        ("渭源县", "county", "Weiyuan County"),
        ("漳县", "county", "Zhangxian"),
        ("延安市", "prefecture", "Yan'an City"),
        ("北京市", "province", "Beijing Municipality"),
        ("白沙黎族自治县", "county", "Baisha Autonomous County"),
        ("陕西省", "province", "Shaanxi Province"),
        ("东华门街道", "township", "Donghuamen Subdistrict"),
        ("吕梁市", "prefecture", "Lüliang City"),  # ü, not pypinyin's v
        ("长武县", "county", "Changwu County"),  # polyphones a planner's test found read wrong
        ("佛坪县", "county", "Foping County"),
        ("富平县", "county", "Fuping County"),
    ],
)
def test_english_names_follow_the_seed_conventions(name, level, english):
    assert english_name(name, level) == english


@pytest.mark.parametrize(
    ("name", "level", "english"),
    [
        ("朝阳区", "county", "Chaoyang District"),  # 朝 cháo in place names
        ("朝阳市", "prefecture", "Chaoyang City"),
        ("长治市", "prefecture", "Changzhi City"),  # 长 cháng in place names ...
        ("长宁区", "county", "Changning District"),
        ("天长市", "county", "Tianchang City"),
        ("长子县", "county", "Zhangzi County"),  # ... but zhǎng in 长子
        ("单县", "county", "Shanxian"),
        ("都匀市", "county", "Duyun City"),  # 都 dū in place names
        ("宁都县", "county", "Ningdu County"),
        ("成都市", "prefecture", "Chengdu City"),
        ("乐亭县", "county", "Laoting County"),
        ("乐陵市", "county", "Laoling City"),
        ("乐清市", "county", "Yueqing City"),
        ("南乐县", "county", "Nanle County"),
        ("六安市", "prefecture", "Lu'an City"),
        ("六合区", "county", "Luhe District"),
        ("六合村", "village", "Liuhe Village"),  # only 南京's 六合 is lù
        ("蚌埠市", "prefecture", "Bengbu City"),
        ("番禺区", "county", "Panyu District"),
        ("歙县", "county", "Shexian"),
        ("铅山县", "county", "Yanshan County"),
        ("涡阳县", "county", "Guoyang County"),
        ("莘县", "county", "Shenxian"),
        ("东阿县", "county", "Dong'e County"),
        ("大城县", "county", "Dacheng County"),
        ("宕昌县", "county", "Tanchang County"),
        ("洪洞县", "county", "Hongtong County"),
        ("浚县", "county", "Xunxian"),
        ("什邡市", "county", "Shifang City"),
        ("漯河市", "prefecture", "Luohe City"),
        ("龙圩区", "county", "Longxu District"),
        ("阿勒泰地区", "prefecture", "Aletai Prefecture"),
        ("万柏林区", "county", "Wanbailin District"),  # ends in 林, not a forestry district
        ("大水䃎村民委员会", "village", "Dashuizha Village"),  # a character outside the basic block keeps its reading
    ],
)
def test_place_names_are_read_as_place_names(name, level, english):
    assert english_name(name, level) == english


@pytest.mark.parametrize(
    ("code", "english"),
    [
        ("110105", "Chaoyang District"),
        ("140400", "Changzhi City"),
        ("371722", "Shanxian"),
        ("140428", "Zhangzi County"),
        ("522701", "Duyun City"),
    ],
)
def test_the_committed_national_tree_and_boundaries_carry_the_place_name_readings(code, english):
    with open(DATA_DIR / "regions_national.csv", encoding="utf-8") as f:
        assert {r["code"]: r["name_en"] for r in csv.DictReader(f)}[code] == english
    assert boundaries.feature(code)["properties"]["name_en"] == english


def test_pinyin_marks_syllable_boundaries():
    assert pinyin("西安") == "Xi'an"


def test_etl_regions_loads_the_tree_once_and_numbers_it(tmp_path):
    import json

    from click.testing import CliRunner
    from sqlalchemy import func, select

    from db.models import Batch, Region
    from db.session import make_engine, session_factory
    from etl.cli import cli

    url = f"sqlite:///{tmp_path / 'regions.db'}"
    first = CliRunner().invoke(cli, ["--database-url", url, "regions"], catch_exceptions=False)
    second = CliRunner().invoke(cli, ["--database-url", url, "regions"], catch_exceptions=False)
    assert first.exit_code == second.exit_code == 0
    assert json.loads(first.stdout.strip().splitlines()[-1])["inserted"] == 3348
    assert json.loads(second.stdout.strip().splitlines()[-1])["inserted"] == 0
    with session_factory(make_engine(url))() as s:
        assert s.scalar(select(func.count()).select_from(Batch).where(Batch.kind == "regions")) == 1
        assert s.scalar(select(func.count()).select_from(Region).where(Region.dfs_lo.is_(None))) == 0
        shaanxi = s.get(Region, "610000")
        assert (shaanxi.code_hi, shaanxi.dfs_hi - shaanxi.dfs_lo) == ("611026", 117)
