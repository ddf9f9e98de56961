"""Former county names and codes (etl/regions_history.py): derived from older GB/T 2260 revisions, committed in
data/regions_national.csv, used by the gazetteer, the extractor and `etl regions`."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import RegionAlias
from db.session import make_engine, session_factory
from etl.extract import extract_document
from etl.gazetteer import Gazetteer
from etl.regions_history import former_names_and_codes
from etl.regions_national import load_national, national_rows

CURRENT = [
    {"code": "130400", "name_zh": "邯郸市", "level": "prefecture"},
    {"code": "130408", "name_zh": "永年区", "level": "county"},
    {"code": "130502", "name_zh": "襄都区", "level": "county"},
    {"code": "371324", "name_zh": "兰陵县", "level": "county"},
    {"code": "140303", "name_zh": "矿区", "level": "county"},
    {"code": "610102", "name_zh": "新城区", "level": "county"},
    {"code": "610202", "name_zh": "新城区", "level": "county"},
]


def test_a_code_that_moved_keeps_its_old_code_and_name_on_the_county_of_the_same_stem():
    former = former_names_and_codes(CURRENT, [{"130429": "永年县"}])
    assert former == {"130408": (["永年县"], ["130429"])}


def test_a_renamed_county_that_kept_its_code_gets_the_old_name_only():
    former = former_names_and_codes(CURRENT, [{"130502": "桥东区", "371324": "苍山县"}])
    assert former == {"130502": (["桥东区"], []), "371324": (["苍山县"], [])}


@pytest.mark.parametrize(
    "revision",
    [
        {"140203": "矿区"},  # a generic name: 大同's 矿区 is not 阳泉's
        {"610399": "新城县"},  # no 新城 in its prefecture, two in the province: left to the planner
        {"130400": "邯郸地区"},  # a prefecture's code
        {"139001": "邯郸市"},  # a code that is now a prefecture's own name, not a county
    ],
)
def test_generic_ambiguous_and_non_county_rows_are_left_out(revision):
    assert former_names_and_codes(CURRENT, [revision]) == {}


def test_the_committed_tree_knows_counties_by_their_names_and_codes_of_2010_to_2016():
    g = Gazetteer.national()
    assert g.resolve("130429") == "130408"  # 永年县's code, now 永年区
    assert g.resolve("苍山县") == "371324"  # renamed 兰陵县 in 2014, same code
    assert sorted(g.matches("桥东区")) == ["130502", "130702"]  # 邢台's former, 张家口's current: ambiguous
    assert g.resolve("桥东区") == "130702"  # alone, the name as it is today
    seed = {r.code: r for r in national_rows() if r.code == "610981"}["610981"]
    assert seed.former_codes == ("610928",)  # the seed's own former code stays as the seed says


def test_a_plan_naming_a_county_by_its_former_name_is_read_as_the_current_county(g):
    doc = extract_document("苍山县2015年计划减贫1.2万人。", g, as_of="2015-03-01")
    assert [(f.region_code, f.value) for f in doc.figures] == [("371324", 12000.0)]


def test_etl_regions_stores_the_former_codes_as_aliases(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'regions.db'}")
    load_national(engine, progress=lambda _m: None)
    with session_factory(engine)() as s:
        aliases = {(a.alias, a.kind) for a in s.scalars(select(RegionAlias).where(RegionAlias.region_code == "130408"))}
    engine.dispose()
    assert ("130429", "former_code") in aliases and ("永年县", "former_name") in aliases
