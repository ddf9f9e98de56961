"""Former county names and codes, from older revisions of GB/T 2260: the names and codes plans of 2010–2016 used
for counties that have since become cities or districts (永年县 130429 → 永年区 130408) or were renamed
(苍山县 → 兰陵县, same code 371324).

Derived once, like the tree itself, from npm ``gb2260`` (MIT, its ``lib/<revision>.json``: code → name), by
``python -m etl regions --derive-from DIST --history-from LIB`` (README "National region tree").

Only what the codes and names show is taken: a code that still exists keeps its old name; a code that no longer
exists goes to the one county of the same prefecture (else of the same province) with the same name before its
suffix. Generic names (市辖区, 郊区, 矿区, 城区) and anything ambiguous are left out: a planner then picks the region.

Example::

    >>> current = [{"code": "130408", "name_zh": "永年区", "level": "county"}]
    >>> former_names_and_codes(current, [{"130429": "永年县", "130401": "市辖区"}])
    {'130408': (['永年县'], ['130429'])}
"""

from __future__ import annotations

import json
import re
from pathlib import Path

REVISIONS = ("201010", "201110", "201210", "201308", "201410", "201509", "201607")  # the years plans were written
GENERIC = re.compile(r"^(?:市辖区|县|郊区|矿区|城区|新区|开发区|.{0,4}市市辖区|(?:省|自治区)直辖县级行政区划)$")
_SUFFIX = re.compile(r"(?:自治县|自治旗|林区|特区|县|市|区|旗)$")


def stem(name: str) -> str:
    """The name before its county-level suffix: ``stem("永年县") == stem("永年区") == "永年"``."""
    return _SUFFIX.sub("", name)


def read_revisions(lib: Path, revisions: tuple[str, ...] = REVISIONS) -> list[dict[str, str]]:
    """The code → name maps of gb2260's ``lib`` folder, oldest first."""
    return [json.loads((Path(lib) / f"{rev}.json").read_text(encoding="utf-8")) for rev in revisions]


# Counties renamed with a new code, whose old name no revision ties to the new one (the stems differ, or are one
# character): current code -> (former name, former code), from the State Council's approvals of each change.
RENAMED = {
    "430212": ("株洲县", "430221"),  # 渌口区, 2018
    "500154": ("开县", "500234"),  # 开州区, 2016
    "510117": ("郫县", "510124"),  # 郫都区, 2016
    "511703": ("达县", "511721"),  # 达川区, 2013
    "520281": ("盘县", "520222"),  # 盘州市, 2017
    "540302": ("昌都县", "542121"),  # 卡若区, 2014
    "540402": ("林芝县", "542621"),  # 巴宜区, 2015
    "540602": ("那曲县", "542421"),  # 色尼区, 2017
}


def former_names_and_codes(current: list[dict], revisions: list[dict[str, str]]) -> dict[str, tuple[list, list]]:
    """For each current county code: the former names and former codes the older revisions show for it, and the
    renames of RENAMED."""
    counties = {r["code"]: r for r in current if r["level"] == "county"}
    every_code = {r["code"] for r in current}
    by_stem: dict[tuple[str, str], list[str]] = {}
    for code, row in counties.items():
        for scope in (code[:4], code[:2]):
            by_stem.setdefault((scope, stem(row["name_zh"])), []).append(code)
    out: dict[str, tuple[list, list]] = {}

    def add(code: str, name: str, old_code: str | None) -> None:
        names, codes = out.setdefault(code, ([], []))
        if name != counties[code]["name_zh"] and name not in names:
            names.append(name)
        if old_code and old_code not in codes:
            codes.append(old_code)

    for revision in revisions:
        for code, name in revision.items():
            if code.endswith("00") or GENERIC.match(name) or len(stem(name)) < 2:
                continue
            if code in counties:
                if counties[code]["name_zh"] != name:
                    add(code, name, None)
                continue
            if code in every_code:
                continue  # a prefecture's or province's code now
            for scope in (code[:4], code[:2]):
                found = by_stem.get((scope, stem(name)), [])
                if found:
                    if len(found) == 1:
                        add(found[0], name, code)
                    break
    for code, (name, old_code) in RENAMED.items():
        if code in counties:
            add(code, name, old_code)
    return {code: pair for code, pair in sorted(out.items()) if pair[0] or pair[1]}
