"""What to tell someone who named a region this database does not hold: load it, or use a real adcode.

``python -m etl build`` loads only the seed regions (data/regions.csv); ``python -m etl regions`` loads the national
tree (data/regions_national.csv: every province, prefecture and county; ``--villages`` for townships and a sample of
villages). So 贵州 520000 on a fresh database is a region to load, 999999 a code that does not exist.

Example::

    missing_regions_message(["520000"])
    # '地区 520000 贵州省 尚未载入本数据库:请运行 `python -m etl regions` 载入全国区划 … / region 520000 …'
"""

from __future__ import annotations

import csv
from functools import lru_cache

import settings

NATIONAL_CSV = settings.DATA_DIR / "regions_national.csv"
COUNTY_DIGITS = 6


@lru_cache(maxsize=1)
def _national() -> dict[str, str]:
    """adcode -> Chinese name of every province, prefecture and county the national tree holds."""
    try:
        with open(NATIONAL_CSV, encoding="utf-8", newline="") as f:
            return {row["code"]: row["name_zh"] for row in csv.DictReader(f)}
    except OSError:
        return {}


def missing_regions_message(codes: list[str]) -> str:
    """Chinese, then English: which of ``codes`` the national tree can load (and the command), which are unknown."""
    national = _national()
    tree = [c for c in codes if c in national]
    below = [c for c in codes if c not in national and len(c) > COUNTY_DIGITS and c[:COUNTY_DIGITS] in national]
    unknown = [c for c in codes if c not in tree and c not in below]
    zh, en = [], []
    if tree:
        named = ", ".join(f"{c} {national[c]}" for c in tree)
        zh.append(
            f"地区 {named} 尚未载入本数据库:请运行 `python -m etl regions` 载入全国区划"
            "(`python -m etl build` 只载入示例地区)"
        )
        en.append(
            f"region(s) {named} not loaded in this database: run `python -m etl regions` to load the national "
            "region tree (`python -m etl build` loads only the seed regions)"
        )
    if below:
        joined = ", ".join(below)
        zh.append(f"乡镇或村 {joined} 尚未载入:请运行 `python -m etl regions --villages`(村为抽样)")
        en.append(
            f"township or village code(s) {joined} not loaded: run `python -m etl regions --villages` (villages are "
            "a sample)"
        )
    if unknown:
        joined = ", ".join(unknown)
        zh.append(f"未知地区代码 {joined}:请使用 data/regions_national.csv 中的行政区划代码,如 621100")
        en.append(f"unknown region code(s) {joined}: use an adcode from data/regions_national.csv, e.g. 621100")
    return ";".join(zh) + " / " + "; ".join(en)
