"""Every indicator the extractor can emit has names in both languages and a time behaviour."""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def catalogue() -> dict[str, dict]:
    with open(ROOT / "data" / "indicators.csv", encoding="utf-8") as f:
        return {row["code"]: row for row in csv.DictReader(f)}


def test_extractor_indicator_codes_are_all_catalogued():
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "etl" / "extract").glob("*.py"))
    source += (ROOT / "data" / "corrections.csv").read_text(encoding="utf-8")
    emitted = set(re.findall(r"other:[a-z0-9_]+", source)) - {"other:x"}  # other:x: a docstring example
    assert emitted, "no other: indicators found"
    assert emitted - set(catalogue()) == set()


def test_catalogue_rows_are_complete():
    for code, row in catalogue().items():
        assert row["name_zh"] and row["name_en"] and row["unit"], code
        assert row["kind"] in {"flow", "stock", "rate"}, code
        assert row["direction"] in {"up", "down"}, code
        assert (row["unit"] == "%") == (row["kind"] == "rate"), code
