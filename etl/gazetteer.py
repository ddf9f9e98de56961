"""Region names as written in Chinese texts, resolved to adcodes.

Example::

    g = Gazetteer.from_csv(REGIONS_CSV)
    g.resolve("陇西")          # -> "621122"
    g.resolve("定西市")        # -> "621100"
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from settings import DATA_DIR

REGIONS_CSV = DATA_DIR / "regions.csv"
SUFFIXES = ("自治县", "自治州", "省", "市", "县", "区", "州", "旗", "盟")


@dataclass(frozen=True)
class RegionRow:
    code: str
    parent_code: str | None
    name_zh: str
    name_en: str
    level: str
    former_names: tuple[str, ...] = ()
    former_codes: tuple[str, ...] = ()


def read_regions_csv(path: Path = REGIONS_CSV) -> list[RegionRow]:
    with open(path, encoding="utf-8", newline="") as f:
        return [
            RegionRow(
                code=r["code"],
                parent_code=r["parent_code"] or None,
                name_zh=r["name_zh"],
                name_en=r["name_en"],
                level=r["level"],
                former_names=tuple(x for x in r.get("former_names", "").split(";") if x),
                former_codes=tuple(x for x in r.get("former_codes", "").split(";") if x),
            )
            for r in csv.DictReader(f)
        ]


def short_name(name: str) -> str | None:
    """The name without its administrative suffix, when two or more characters remain: 陇西县 -> 陇西."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


@dataclass
class Gazetteer:
    regions: dict[str, RegionRow]
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[RegionRow]) -> Gazetteer:
        g = cls(regions={r.code: r for r in rows})
        for r in rows:
            for name in (r.name_zh, *r.former_names):
                g.names.setdefault(name, r.code)
        for r in rows:
            for name in (r.name_zh, *r.former_names):
                short = short_name(name)
                if short:
                    g.names.setdefault(short, r.code)
        for r in rows:
            for old in r.former_codes:
                g.names.setdefault(old, r.code)
        return g

    @classmethod
    def from_csv(cls, path: Path = REGIONS_CSV) -> Gazetteer:
        return cls.from_rows(read_regions_csv(path))

    def resolve(self, name_or_code: str) -> str | None:
        """Adcode for a name, short name, former name, adcode or former adcode; None if unknown."""
        key = name_or_code.strip()
        if key in self.regions:
            return key
        return self.names.get(key)

    def children(self, code: str) -> list[RegionRow]:
        return [r for r in self.regions.values() if r.parent_code == code]

    def ancestors(self, code: str) -> list[RegionRow]:
        out, row = [], self.regions.get(code)
        while row and row.parent_code:
            row = self.regions.get(row.parent_code)
            if row:
                out.append(row)
        return out

    def names_longest_first(self) -> list[str]:
        return sorted(self.names, key=len, reverse=True)
