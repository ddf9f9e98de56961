"""Gold targets whose value did not come out at all (issue 12, session 25): number formats, indicators the
catalogue lacks, lists and tables, on sentences of the dev corpus (data/corpus/dev, names a–r)."""

from __future__ import annotations

from etl.extract import extract_document
from etl.extract.lists import exit_name_lists
from etl.extract.regions import resolve_county


def _targets(text: str, g, **kw) -> list[tuple]:
    doc = extract_document(text, g, **kw)
    return [(f.indicator, f.period_end, f.value, f.region_code) for f in doc.figures if f.kind == "target"]


LIST_2020 = (
    "2020全国52个挂牌督战贫困县名单\n\n脱贫攻坚挂牌督战县名单\n\n(共52个)\n\n一、广西壮族自治区(8个)\n\n"
    "河池市都安县、大化县、罗城县,柳州市三江县、融水县\n\n三、贵州省(9个)\n\n毕节市威宁县、纳雍县、赫章县,黔东南州从"
)


def test_a_spaced_list_under_province_headings_names_each_county(g):
    names = [n for n, *_ in exit_name_lists(LIST_2020, lambda n: resolve_county(n, g, None))]
    assert names == ["都安县", "大化县", "罗城县", "三江县", "融水县", "威宁县", "纳雍县", "赫章县"]


def test_counties_under_supervision_are_still_to_exit(g):
    found = _targets(LIST_2020, g)
    assert ("counties_exited", 2020, 1.0, "451228") in found  # 都安瑶族自治县
    assert len([f for f in found if f[0] == "counties_exited"]) == 8
