"""Named sub-regions that exit poverty: "2016年陇西、安定、临洮三县区实现整体脱贫目标".

Each named county gets its own figure (value 1); the count ("三县区") is not reported on top of them.

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("100001", None, "甲县", "Jia", "county")])
    >>> [(r.name, r.code) for r in named_exits("2017年甲县实现整体脱贫", g)]
    [('甲县', '100001')]
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass

from etl.gazetteer import Gazetteer

EXIT_RE = re.compile(r"(?:实现|完成)?(?:整体脱贫|脱贫摘帽|摘帽|退出贫困县)")
COUNT_SUFFIX = re.compile(
    r"[一二两三四五六七八九十\d]+个?(?:国家扶贫开发重点|深度贫困|贫困|国定|省定|国家级|省级|重点)?(?:县市区|县区|县市|县|区|市)$"
)
WHOLE_COUNTY = r"整(?:县市区|县区|县市|县|区|市)"  # "秦州、麦积和秦安、清水、张家川五县区整县区摘帽"
EXIT_VERB = re.compile(
    r"(?:申请|计划|将要|将|要|拟|力争|确保|争取|达到|顺利|率先|如期|同步|" + WHOLE_COUNTY + r")+"
    r"(?:全力|全面|坚决)?(?:做好|完成|实现)?$"
)
LOCAL_LEVELS = {"county"}
_CONTEXT: ContextVar[str | None] = ContextVar("region_context", default=None)


@dataclass(frozen=True)
class NamedRegion:
    name: str  # as written
    code: str
    start: int  # offset of the name in the searched text
    end: int
    list_start: int  # where the whole "陇西、安定、临洮三县区实现整体脱贫" phrase starts
    list_end: int


def named_exits(text: str, gazetteer: Gazetteer, context: str | None = None) -> list[NamedRegion]:
    """Counties named just before an exit phrase (整体脱贫/摘帽) in text; a name several regions share is read
    as the one inside the region ``context`` (the document's own)."""
    token = _CONTEXT.set(context)
    try:
        return _named_exits(text, gazetteer)
    finally:
        _CONTEXT.reset(token)


def _named_exits(text: str, gazetteer: Gazetteer) -> list[NamedRegion]:
    out = []
    for m in EXIT_RE.finditer(text):
        head_end = m.start()
        head_start = head_end
        while head_start > 0 and text[head_start - 1] not in ",,;;。:\n":
            head_start -= 1
        head = text[head_start:head_end]
        # "…临洮县3个县区申请退出", "漾濞、永平、南涧3个县要全力做好脱贫摘帽工作"
        verb = EXIT_VERB.search(head)
        if verb:
            head_end, head = head_start + verb.start(), head[: verb.start()]
        count = COUNT_SUFFIX.search(head)
        names_end = head_start + (count.start() if count else len(head))
        found = _region_list(text, head_start, names_end, gazetteer) or _example_lists(
            text, head_start, head_end, gazetteer
        )
        out += [NamedRegion(n, c, a, b, found[0][2] if found else 0, m.end()) for n, c, a, b in found]
    return out or listed_exits(text, gazetteer)


def _example_lists(text: str, lo: int, hi: int, gazetteer: Gazetteer) -> list[tuple[str, str, int, int]]:
    """Names listed before "等N个…县" ("栾川县、宜阳县…郸城县等19个国定贫困县和伊川县…等14个省定贫困县计划2018年"):
    every whole token that is a county, when at least two are."""
    found, pos = [], lo
    for token in re.split(r"[、和及与]|等(?=\d)", text[lo:hi]):
        a = text.find(token, pos, hi) if token else pos
        pos = a + len(token)
        # "南宁市的马山县、上林县…等3个": the first may be named after its prefecture
        hit = (_resolve_whole(token.strip(), gazetteer) or _resolve_suffix(token.strip(), gazetteer)) if token else None
        if hit:
            b = a + len(token.rstrip())
            found.append((hit[0], hit[1], b - len(hit[0]) if not found else a, b))
    return found if len(found) >= 2 and re.search(r"等\d+个", text[lo:hi]) else []


COUNTY_EXIT_NEAR = re.compile(r"(?:退出|摘帽)[^,。;]{0,6}贫困县|贫困县[^,。;]{0,6}(?:退出|摘帽)")
LIST_MARKER = re.compile(r"(?:分别是|分别为|名单如下|名单为|具体是|包括)[::]?")


_EXITING_ONES = re.compile(r"(?:计划|拟|将|要)(?:脱贫)?(?:摘帽|摘掉(?:贫困|穷)帽子?|退出)的")
_COUNTED_COUNTIES = re.compile(r"(?:等)?[\d一二两三四五六七八九十]+个?(?:贫困)?(?:县市区|县区|县市|县)")


def listed_exits(text: str, gazetteer: Gazetteer) -> list[NamedRegion]:
    """Counties listed after 分别是/包括 in a sentence about exits: "计划摘帽的…县,分别是:马山县、隆安县、…天等县".

    >>> from etl.gazetteer import RegionRow
    >>> rows = [RegionRow("1", None, "甲县", "A", "county"), RegionRow("2", None, "乙县", "B", "county")]
    >>> g = Gazetteer.from_rows(rows)
    >>> [r.name for r in listed_exits("计划摘帽的县分别是:甲县、乙县。", g)]
    ['甲县', '乙县']
    """
    for m in _EXITING_ONES.finditer(text):  # "今年计划摘掉贫困帽子的江孜、拉孜、…萨嘎6县"
        count = _COUNTED_COUNTIES.search(text, m.end(), m.end() + 80)
        found = _region_list(text, m.end(), count.start(), gazetteer) if count else []
        if len(found) >= 2:
            return [NamedRegion(n, c, a, b, m.start(), count.end()) for n, c, a, b in found]
    if not (EXIT_RE.search(text) or COUNTY_EXIT_NEAR.search(text)):
        return []
    for m in LIST_MARKER.finditer(text):
        rest = text[m.end() :]
        stop = re.search(r"[。;,\n]", rest)
        body_end = m.end() + (stop.start() if stop else len(rest))
        items, pos, out = text[m.end() : body_end].split("、"), m.end(), []
        for item in items:
            b = pos + len(item)
            pos = b + 1
            hit = _resolve_suffix(item.strip(), gazetteer)
            if hit is None:
                out = []
                break
            out.append(NamedRegion(hit[0], hit[1], b - len(hit[0]), b, m.start(), body_end))
        if len(out) >= 2:
            return out
    return []


def _resolve_suffix(item: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """A county named whole ("靖西市") or after its prefecture ("贺州市平桂区", "南宁市的马山县" -> 马山县)."""
    for k in range(len(item), 1, -1):
        hit = _resolve_whole(item[-k:], gazetteer)
        if hit and (k == len(item) or gazetteer.resolve(item[:-k].removesuffix("的")) is not None):
            return hit
    return None


def _region_list(text: str, lo: int, hi: int, gazetteer: Gazetteer) -> list[tuple[str, str, int, int]]:
    """Resolve the 、/和-separated names ending at hi; the first may follow other words ("2016年陇西")."""
    parts, end = [], hi
    while True:
        sep = max(text.rfind(ch, lo, end) for ch in "、和及")
        start = sep + 1 if sep >= lo else lo
        token = text[start:end]
        hit = _resolve_tail(token, gazetteer) if sep < lo else _resolve_whole(token, gazetteer)
        if hit is None:  # keep the names found when the list began with another item ("…村退出、延川和宜川")
            keep = parts and (sep < lo or len(parts) >= 2 or re.search(r"\d", token))
            return parts[::-1] if keep else []
        name, code = hit
        parts.append((name, code, end - len(name), end))
        if sep < lo:
            return parts[::-1]
        end = sep


def _resolve_whole(token: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    code = gazetteer.resolve_near(token, _CONTEXT.get()) if len(token) >= 2 else None
    if code is None and len(token) >= 3 and token.endswith("县"):  # 淮阳县 became 淮阳区: 县改区/县改市
        code = next((c for alt in "区市" if (c := gazetteer.resolve_near(token[:-1] + alt, _CONTEXT.get()))), None)
    if code is None and len(token) >= 3 and token[-1] in "县市区旗":  # 长阳县 for 长阳土家族自治县
        code = gazetteer.resolve_near(token[:-1], _CONTEXT.get())
    if code and gazetteer.regions[code].level in LOCAL_LEVELS:
        return token, code
    return None


def resolve_county(name: str, gazetteer: Gazetteer, context: str | None = None) -> str | None:
    """Adcode of a county as a text writes it ("寻甸县" for 寻甸回族彝族自治县), else None."""
    token = _CONTEXT.set(context)
    try:
        hit = _resolve_whole(name.strip(), gazetteer)
    finally:
        _CONTEXT.reset(token)
    return hit[1] if hit else None


def place_code(name: str, gazetteer: Gazetteer, own_code: str | None) -> str | None:
    """Adcode of the county (as a text writes it) or other region a list item names, nearest own_code first:
    "民和县" (民和回族土族自治县), "安定区"; None for anything longer than a place name."""
    code = resolve_county(name, gazetteer, own_code)
    return code or (gazetteer.resolve_near(name, own_code) if 2 <= len(name) <= 8 else None)


def _resolve_tail(token: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    for k in range(min(len(token), 6), 1, -1):
        hit = _resolve_whole(token[-k:], gazetteer)
        if hit:
            return hit
    return None


@dataclass(frozen=True)
class Part:
    name: str
    code: str
    quantity: object  # the numbers.Quantity of this region's share


_PAREN = re.compile(r"\(([^()]{4,300})\)")


def breakdowns(sentence: str, quantities: list, gazetteer: Gazetteer, own_code: str | None) -> dict[int, list[Part]]:
    """Per-region shares written in brackets after a total: "11662名贫困人口(康平7418人、新民1854人…)".

    Returns {id(total quantity): [Part, …]}; a bracket counts only when every item is a region name and a number.
    """
    out: dict[int, list[Part]] = {}
    for m in _PAREN.finditer(sentence):
        before = [q for q in quantities if q.end <= m.start() and m.start() - q.end <= 16]
        if not before:
            continue
        parts, pos = [], m.start(1)
        for item in m.group(1).split("、"):
            a, b = pos, pos + len(item)
            pos = b + 1
            inner = [q for q in quantities if a <= q.start and q.end <= b]
            if len(inner) != 1 or inner[0].end != b:
                parts = []
                break
            name = sentence[a : inner[0].start].strip()
            code = gazetteer.resolve_near(name, own_code) if len(name) >= 2 else None
            if code is None or gazetteer.regions[code].level == "province":
                parts = []
                break
            parts.append(Part(gazetteer.regions[code].name_zh, code, inner[0]))
        if len(parts) >= 2:
            out[id(before[-1])] = parts
    for m in _AMONG.finditer(sentence):  # "分配给6县区,其中:乐都区819万元,民和县1226万元,…": no brackets
        before = [q for q in quantities if q.end <= m.start() and m.start() - q.end <= 30]
        parts = _listed_parts(sentence, m.end(), quantities, gazetteer, own_code)
        if before and before[-1].measure and len(parts) >= 2:  # a total that comes out itself
            out.setdefault(id(before[-1]), parts)
    return out


_AMONG = re.compile(r"其中[,:]?")


def county_at_head(head: str, gazetteer: Gazetteer, own_code: str | None) -> tuple[str, str] | None:
    """A county inside own_code that head opens with, as texts write it short ("民和县1226万元" for
    民和回族土族自治县).

    >>> from etl.gazetteer import RegionRow
    >>> rows = [RegionRow("630200", None, "海东市", "H", "prefecture")]
    >>> g = Gazetteer.from_rows(rows + [RegionRow("630222", "630200", "民和回族土族自治县", "M", "county")])
    >>> county_at_head("民和县1226万元", g, "630200")
    ('民和回族土族自治县', '630222')
    """
    for k in range(min(len(head), 9), 1, -1):
        code = resolve_county(head[:k], gazetteer, own_code)
        if code and head[k - 1] not in "县区市旗州" and not _AFTER_BARE_NAME.match(head, k):
            continue  # "新建改造农村公路": a verb, not 新建区; a bare short name needs a figure or a verb after it
        if code and code != own_code and own_code in {r.code for r in gazetteer.ancestors(code)}:
            return gazetteer.regions[code].name_zh, code
    return None


_AFTER_BARE_NAME = re.compile(r"$|[\d、,:;(]|将|要|今年|明年|计划|力争|确保|全[县区市]|脱贫|贫困|扶贫|实现|共|有")


def _listed_parts(sentence: str, pos: int, quantities, gazetteer: Gazetteer, own_code) -> list[Part]:
    """The "NAME amount" items from pos on, separated by 、 or a comma, while each names a region."""
    parts = []
    for q in [q for q in quantities if q.start >= pos]:
        name = sentence[pos : q.start].strip()
        code = place_code(name, gazetteer, own_code)
        if code is None or gazetteer.regions[code].level == "province":
            break
        parts.append(Part(gazetteer.regions[code].name_zh, code, q))
        if q.end >= len(sentence) or sentence[q.end] not in "、,":
            break
        pos = q.end + 1
    return parts


_GROUP_ROW = re.compile(r"^(\S{2,8}?)[((]\d+个[))]$")


def line_list(text: str, gazetteer: Gazetteer, context: str | None = None) -> list[tuple[NamedRegion, str]]:
    r"""Counties one per line under a heading about exits (a one-column table: "2019年计划脱贫摘帽的 /
    17个贫困县分别是 / 十堰市(5个) / 郧阳区 / 郧西县 …"): (county, the heading lines above the run).

    >>> from etl.gazetteer import RegionRow
    >>> names = ["甲县", "乙县", "丙县"]
    >>> g = Gazetteer.from_rows([RegionRow(str(i), None, n, n, "county") for i, n in enumerate(names)])
    >>> [r.name for r, _ in line_list("计划摘帽的县分别是\n甲县\n乙县\n丙县\n", g)]
    ['甲县', '乙县', '丙县']
    """
    token = _CONTEXT.set(context)
    try:
        out, run, pos = [], [], 0
        lines = []
        for line in text.splitlines(keepends=True):
            lines.append((pos, line))
            pos += len(line)
        for start, line in [*lines, (pos, "")]:
            name = line.strip()
            hit = _resolve_whole(name, gazetteer) if name and not _GROUP_ROW.match(name) else None
            if hit or (_GROUP_ROW.match(name) and run):
                if hit:
                    a = start + line.index(name)
                    run.append(NamedRegion(hit[0], hit[1], a, a + len(name), a, a + len(name)))
                continue
            if _GROUP_ROW.match(name) or not name and line:
                continue  # a group row, or a blank line between the names (a page that spaces its lines)
            if len(run) >= 3:
                first = next(j for j, (p, _) in enumerate(lines) if p <= run[0].start < p + len(lines[j][1]))
                above = [ln for _, ln in lines[:first] if ln.strip()]
                heading = "".join(above[-5:])
                if EXIT_RE.search(heading) or re.search(r"摘帽|退出|出列", heading):
                    out += [(r, heading) for r in run]
            run = []
        return out
    finally:
        _CONTEXT.reset(token)
