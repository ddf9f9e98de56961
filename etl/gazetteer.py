"""Region names as written in Chinese texts, resolved to adcodes.

Example::

    g = Gazetteer.from_csv(REGIONS_CSV)
    g.resolve("陇西")          # -> "621122"
    g.resolve("定西市")        # -> "621100"
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from settings import DATA_DIR

REGIONS_CSV = DATA_DIR / "regions.csv"
NATIONAL_CSV = DATA_DIR / "regions_national.csv"
TOWNSHIPS_CSV = DATA_DIR / "regions_villages_sample.csv.gz"
SUFFIXES = ("自治县", "自治州", "自治旗", "自治区", "特别行政区", "省", "市", "县", "区", "州", "旗", "盟")
# 广西壮族自治区 -> 广西, 湘西土家族苗族自治州 -> 湘西: the ethnic names before 自治… are dropped too.
_ETHNIC = (
    "壮|回|维吾尔|藏|蒙古|满|朝鲜|土家|苗|布依|侗|瑶|白|哈尼|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|"
    "达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|"
    "独龙|鄂伦春|赫哲|门巴|珞巴|基诺|哈萨克|彝|各"
)
_ETHNIC_AUTONOMY = re.compile(
    rf"^(.{{2,}}?)(?:(?:{_ETHNIC})族|(?:维吾尔|蒙古|哈萨克|柯尔克孜|塔吉克|锡伯))+(?:自治区|自治州|自治县|自治旗)$"
)


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
    """The name without its administrative suffix, when two or more characters remain: 陇西县 -> 陇西,
    宁夏回族自治区 -> 宁夏, 内蒙古自治区 -> 内蒙古."""
    m = _ETHNIC_AUTONOMY.match(name)
    if m:
        return m.group(1)
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


@dataclass
class Gazetteer:
    regions: dict[str, RegionRow]
    names: dict[str, str] = field(default_factory=dict)
    candidates: dict[str, list[str]] = field(default_factory=dict)  # every code a name may stand for

    @classmethod
    def from_rows(cls, rows: list[RegionRow]) -> Gazetteer:
        g = cls(regions={r.code: r for r in rows})
        for name, code in [(r.name_zh, r.code) for r in rows] + [(n, r.code) for r in rows for n in r.former_names]:
            g.names.setdefault(name, code)  # a region's name today wins over another's former name
            g.candidates.setdefault(name, []).append(code)
        rank = {"province": 0, "prefecture": 1}  # "河北", "海南" alone: the provinces, not 天津's or 乌海's districts
        for r in sorted(rows, key=lambda r: rank.get(r.level, 2)):
            for name in (r.name_zh, *r.former_names):
                short = short_name(name)
                if short and short not in ("市辖", "省直辖县级行"):
                    g.names.setdefault(short, r.code)
                    if r.code not in g.candidates.setdefault(short, []):
                        g.candidates[short].append(r.code)
        for r in rows:
            for old in r.former_codes:
                g.names.setdefault(old, r.code)
        return g

    @classmethod
    def from_csv(cls, path: Path = REGIONS_CSV) -> Gazetteer:
        return cls.from_rows(read_regions_csv(path))

    @classmethod
    def national(cls, extra: Gazetteer | None = None) -> Gazetteer:
        """Every province, prefecture and county (data/regions_national.csv), with extra's rows (for example a
        test's own regions) taking precedence. Example: ``Gazetteer.national().resolve("泾源")`` -> "640424"."""
        rows = {r.code: r for r in _national_rows()}
        if extra is not None:
            rows.update(extra.regions)
        return cls.from_rows(list(rows.values()))

    def resolve_near(self, name: str, context: str | None) -> str | None:
        """Adcode for a name that several regions share, preferring one inside (or containing) the region
        context. Example: ``g.resolve_near("朝阳", "210000")`` -> 辽宁's 朝阳市, not Beijing's 朝阳区."""
        codes = self.candidates.get(name.strip()) or ([c] if (c := self.resolve(name)) else [])
        if len(codes) <= 1 or not context:
            return codes[0] if codes else None
        related = {context, *(r.code for r in self.ancestors(context))}
        for code in codes:
            if code in related or related & {r.code for r in self.ancestors(code)}:
                return code
        return codes[0]

    def matches(self, name_or_code: str) -> list[str]:
        """Every adcode a cell may mean: an adcode or former adcode itself; else the regions whose full or former
        name it is; else every region whose short name it is. More than one: the cell does not say which.
        Example: ``Gazetteer.national().matches("朝阳")`` -> 朝阳市, 朝阳县 and two 朝阳区; ``matches("朝阳市")``
        -> ["211300"]."""
        key = name_or_code.strip()
        if key in self.regions:
            return [key]
        codes = self.candidates.get(key, [])
        full = [c for c in codes if key in (self.regions[c].name_zh, *self.regions[c].former_names)]
        if full:
            return full
        if codes:
            return list(codes)
        return [self.names[key]] if key in self.names else []

    def is_ambiguous(self, name: str) -> bool:
        return len(self.candidates.get(name.strip(), ())) > 1

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

    def similar(self, text: str, limit: int = 3) -> list[str]:
        """Adcodes of the regions whose full name is closest to a name that matched none (a typo): those of the
        same kind first (the same last character: 省, 市, 县 …), then by likeness; none below a likeness of 0.6.
        Among equally like names, those that sound alike first (兰洲市: 兰州市 before 株洲市).
        Example: ``Gazetteer.national().similar("贵洲省")`` -> ["520000"]."""
        import difflib

        key = text.strip()
        if not key:
            return []
        if getattr(self, "_by_length", None) is None or self._by_length_of != len(self.regions):
            self._by_length: dict[int, dict[str, list[str]]] = {}
            for r in self.regions.values():
                self._by_length.setdefault(len(r.name_zh), {}).setdefault(r.name_zh, []).append(r.code)
            self._by_length_of = len(self.regions)
        matcher = difflib.SequenceMatcher(b=key, autojunk=False)
        scored = []
        for size in (len(key) - 1, len(key), len(key) + 1):
            for name, codes in self._by_length.get(size, {}).items():
                matcher.set_seq1(name)
                if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
                    ratio = matcher.ratio()
                    if ratio >= 0.6:
                        sound = -_same_sound(name, key)  # 贵洲 for 贵州: a typo by sound (拼音 input) comes first
                        scored += [(name[-1] != key[-1], -ratio, sound, code) for code in codes]
        rank = {"province": 0, "prefecture": 1, "county": 2}
        scored.sort(key=lambda s: (*s[:3], rank.get(self.regions[s[3]].level, 3), s[3]))
        return [code for *_, code in scored[:limit]]

    def names_longest_first(self) -> list[str]:
        if getattr(self, "_longest", None) is None or len(self._longest) != len(self.names):
            self._longest = sorted(self.names, key=len, reverse=True)
        return self._longest


def _same_sound(a: str, b: str) -> int:
    """How many characters, from the start, of two names read alike (toneless pinyin)."""
    from pypinyin import lazy_pinyin

    return sum(x == y for x, y in zip(lazy_pinyin(a), lazy_pinyin(b), strict=False))


@lru_cache(maxsize=1)
def _national_rows() -> tuple[RegionRow, ...]:
    return tuple(read_regions_csv(NATIONAL_CSV))


@lru_cache(maxsize=1)
def _townships() -> dict[str, tuple[str, ...]]:
    import gzip

    out: dict[str, list[str]] = {}
    if not TOWNSHIPS_CSV.exists():
        return {}
    with gzip.open(TOWNSHIPS_CSV, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["level"] == "township":
                out.setdefault(r["name_zh"], []).append(r["parent_code"])
    return {k: tuple(v) for k, v in out.items()}


def county_of_townships(names: list[str]) -> str | None:
    """The county most of these towns (镇/乡/街道) belong to, when at least two distinct towns agree.

    Example: ``county_of_townships(["河边镇", "回马镇"])`` -> "510923" (大英县).
    """
    from collections import Counter

    towns = _townships()
    votes = Counter(code for name in set(names) for code in towns.get(name, ()))
    if not votes:
        return None
    code, n = votes.most_common(1)[0]
    return code if n >= 2 else None


_TOWN = re.compile(r"([\u4e00-\u9fff]{2,4})(镇|乡|街道)(?![村镇])")


def county_of_towns_in(text: str) -> str | None:
    """The county of the towns text names (county_of_townships), a town read as the longest tail of the words
    before 镇/乡/街道 that is a town's name ("我县嘉川镇": 嘉川镇); one town is enough when no other county has a
    town of that name and the text names no other town.

    Example: ``county_of_towns_in("我县嘉川镇五红村集中安置点")`` -> "510821" (旺苍县).
    """
    towns = _townships()
    found = set()
    for m in _TOWN.finditer(text):
        stem, suffix = m.groups()
        name = next((stem[-k:] + suffix for k in range(len(stem), 1, -1) if stem[-k:] + suffix in towns), None)
        if name:
            found.add(name)
    code = county_of_townships(list(found))
    if code is None and len(found) == 1 and len(towns[next(iter(found))]) == 1:
        code = towns[next(iter(found))][0]
    return code
