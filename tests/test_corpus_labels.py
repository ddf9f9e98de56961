"""Mechanical validity of the labelled corpus (data/corpus/README.md, "How the labels were made"): every yaml of
dev/, heldout/ and agreement/ loads, every quote is found in its text, every target quote carries its number, and the
codes and ranges are ones the schema allows. It judges no label: only what a machine can check.

Failure messages name the file, the list and the entry's position, never a quote, so that a failing held-out file
can be fixed without its labels being read here.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from etl.extract.numbers import parse_chinese_integer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
COMPARATORS = {"=", ">=", "<=", ">", "<", "~"}
TIERS = {"committed", "stretch"}
NUMBER = re.compile(r"\d[\d.,]*")
CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千]+")


def label_files(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p for part in ("dev", "heldout", "agreement") for p in (corpus / part).glob("*.yaml"))


def region_levels(path: Path = ROOT / "data" / "regions_national.csv") -> dict[str, str]:
    """Adcode -> level (province, prefecture, county)."""
    with open(path, encoding="utf-8", newline="") as f:
        return {row["code"]: row["level"] for row in csv.DictReader(f)}


def text_of(label_path: Path, label: dict) -> Path:
    """The text a yaml labels: its `file` beside it, or, for a second annotator's yaml, the dev text it names."""
    folder = label_path.parent.parent / "dev" if label_path.parent.name == "agreement" else label_path.parent
    return folder / label.get("file", label_path.stem + ".txt")


def significant_digits(number: str) -> str:
    """'38.75' -> '3875', '8500' -> '85', '0.4' -> '4': a number's digits without point, leading or trailing zeros,
    so that 38.75万 written and 387500 stored compare equal."""
    return re.sub(r"\D", "", number).strip("0")


def carries_value(quote: str, value) -> bool:
    """True when a number written in the quote is the value up to a power of ten (万, 亿, 千, %).

    Example: ``carries_value("预估…约8500万元", 85000000) is True``
    """
    wanted = significant_digits(format(Decimal(str(value)), "f"))
    written = NUMBER.findall(unicodedata.normalize("NFKC", quote))
    spelled = [str(parse_chinese_integer(n)) for n in CHINESE_NUMERAL.findall(quote)]  # "一個", "三十万"
    return any(significant_digits(n) == wanted for n in written + spelled)


def is_named_county(target: dict, levels: dict[str, str]) -> bool:
    """README: named counties are labelled one by one (value 1 each, for the county's code) instead of the aggregate
    "3个县", so their quote names the county and may carry no number, or another one (the 3, a year)."""
    return target.get("value") == 1 and levels.get(str(target.get("region_code"))) == "county"


def problems(label_path: Path, levels: dict[str, str]) -> list[str]:
    """Everything mechanically wrong with one labelled file, as 'list[i]: what' strings (no quotes)."""
    label = yaml.safe_load(label_path.read_text(encoding="utf-8"))
    if not isinstance(label, dict):
        return ["the yaml is not a mapping"]
    text_path = text_of(label_path, label)
    if not text_path.is_file():
        return [f"no text {text_path.name}"]
    text = text_path.read_text(encoding="utf-8-sig")
    found = []
    if label.get("region_code") is not None and str(label["region_code"]) not in levels:
        found.append("document region_code not in regions_national.csv")
    for where in ("targets", "not_targets"):
        for i, entry in enumerate(label.get(where) or []):
            quote = str(entry.get("quote") or "")
            if not quote or quote not in text:
                found.append(f"{where}[{i}]: quote not in the text")
            if where == "targets":
                found += [f"targets[{i}]: {p}" for p in target_problems(entry, quote, levels)]
    return found


def target_problems(target: dict, quote: str, levels: dict[str, str]) -> list[str]:
    found = []
    if not (carries_value(quote, target.get("value")) or is_named_county(target, levels)):
        found.append("quote does not carry the value's digits")
    if str(target.get("region_code")) not in levels:
        found.append("region_code not in regions_national.csv")
    start, end = target.get("period_start"), target.get("period_end")
    if not (isinstance(start, int) and isinstance(end, int) and start <= end):
        found.append("period_start > period_end or not whole years")
    if target.get("comparator") not in COMPARATORS:
        found.append("comparator not one of = >= <= > < ~")
    if target.get("tier") not in TIERS:
        found.append("tier not committed or stretch")
    return found


@pytest.fixture(scope="module")
def levels() -> dict[str, str]:
    return region_levels()


def test_the_corpus_has_labels_in_every_part():
    parts = {p.parent.name for p in label_files()}
    assert parts == {"dev", "heldout", "agreement"}


def label_params() -> list:
    return [pytest.param(p, id=f"{p.parent.name}/{p.stem}") for p in label_files()]


@pytest.mark.parametrize("label_path", label_params())
def test_labels_are_mechanically_valid(label_path, levels):
    assert problems(label_path, levels) == []


@pytest.mark.parametrize(
    ("quote", "value", "carried"),
    [
        ("预估2022年各级安排财政衔接推进乡村振兴补助资金约8500万元", 85000000, True),  # 万 in the text, 元 stored
        ("年度资金总额:38.75万元", 387500, True),
        ("培訓11.8萬人次", 118000, True),  # traditional characters
        ("安康市已有一個區脫貧摘帽", 1, True),  # a Chinese numeral
        ("新建三十个帮扶车间", 30, True),
        ("粮食总产量稳定在507万吨以上", 5070000, True),
        ("地方一般公共预算收入增长5.5%左右", 5.5, True),
        ("新增农业龙头企业3家以上", 4, False),  # a different number
        ("完成46个省定贫困村创建示范村工作", 4, False),  # a digit of another number is not the number
        ("漾濞、永平、南涧3个县要全力做好脱贫摘帽工作", 1, False),  # a named county: is_named_county's case
    ],
)
def test_a_quote_carries_its_value_up_to_a_power_of_ten(quote, value, carried):
    assert carries_value(quote, value) is carried


GOOD_TARGET = {
    "region": "延津县",
    "region_code": "410726",
    "indicator": "funds",
    "period_start": 2022,
    "period_end": 2022,
    "value": 85000000,
    "unit": "元",
    "comparator": "~",
    "tier": "committed",
    "quote": "约8500万元",
}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, []),
        (
            {"quote": "约8600万元"},
            ["targets[0]: quote not in the text", "targets[0]: quote does not carry the value's digits"],
        ),
        ({"value": 86000000}, ["targets[0]: quote does not carry the value's digits"]),
        ({"region_code": "410799"}, ["targets[0]: region_code not in regions_national.csv"]),
        ({"period_start": 2023}, ["targets[0]: period_start > period_end or not whole years"]),
        ({"comparator": "≥"}, ["targets[0]: comparator not one of = >= <= > < ~"]),
        ({"tier": "力争"}, ["targets[0]: tier not committed or stretch"]),
    ],
)
def test_each_breach_of_a_target_is_named(tmp_path, levels, change, expected):
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "a.txt").write_text("预估2022年补助资金约8500万元。", encoding="utf-8")
    label = {"file": "a.txt", "region_code": "410726", "targets": [{**GOOD_TARGET, **change}], "not_targets": []}
    (dev / "a.yaml").write_text(yaml.safe_dump(label, allow_unicode=True), encoding="utf-8")
    assert problems(dev / "a.yaml", levels) == expected


def test_a_second_annotators_yaml_is_checked_against_the_dev_text_it_names(tmp_path, levels):
    (tmp_path / "dev").mkdir()
    (tmp_path / "agreement").mkdir()
    (tmp_path / "dev" / "a.txt").write_text("约8500万元", encoding="utf-8")
    label = {"file": "a.txt", "targets": [GOOD_TARGET], "not_targets": [{"quote": "约9000万元", "value": 9e7}]}
    (tmp_path / "agreement" / "a.yaml").write_text(yaml.safe_dump(label, allow_unicode=True), encoding="utf-8")
    assert problems(tmp_path / "agreement" / "a.yaml", levels) == ["not_targets[0]: quote not in the text"]
