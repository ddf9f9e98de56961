"""The document's own region: the regions a text names (full and short names, banners), and which one is the
text's own, from its title, issuer, credit and source lines, document number and the words it uses of itself
(我县, 全市).

Example::

    >>> from etl.gazetteer import Gazetteer
    >>> title = "会宁县人民政府关于做好2017年脱贫工作的通知"
    >>> find_region(title, Gazetteer.national(), "会宁县人民政府", title)
    ('620422', '会宁县')
"""

from __future__ import annotations

import re
from collections import Counter

from etl.gazetteer import Gazetteer, county_of_towns_in, short_name

from .banners import banner_mentions
from .document_numbers import province_of_document_number
from .sentences import quoted_spans

# Words after a short region name (宁夏, 隆德) that show it names a region, not something else.
_MEASURED_AFTER = re.compile(r"\s*\d+(?:\.\d+)?\s*万?(?:公里|千米|米|亩|平方|吨|千瓦|座|条)")
_SHORT_NAME_NEXT = re.compile(r"[委人]|省委|市委|政府|党委|自治|全[省区市州县]|今年|明年|将|要|扶贫|脱贫|贫困|[0-9]")


def region_mentions(text: str, gazetteer: Gazetteer, titles: bool = False) -> list[str]:
    """Region names (full names, or short names followed by 委/人大) in text, outside 《titles》 (inside them
    too with titles=True), in text order."""
    return [n for _, _, n in region_spans(text, gazetteer, titles)]


def region_spans(text: str, gazetteer: Gazetteer, titles: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, full name) of each region mention region_mentions finds, in text order."""
    skip = [] if titles else [s for s in quoted_spans(text) if text[s[0]] == "《"]
    names = [n for n in gazetteer.names_longest_first() if len(n) >= 2 and not n.isdigit()]
    found, taken, doubtful = [], [False] * len(text), []
    for name in names:
        if name not in text:
            continue
        for a in _positions(text, name):
            b = a + len(name)
            if any(taken[a:b]) or any(s <= a < e for s, e in skip):
                continue
            row = gazetteer.regions[_prefecture_before_zhou(name, text, b, gazetteer) or gazetteer.resolve(name)]
            # "召开县委会议": 开县 (开州区's former name) inside 召开, as 示范县 holds 范县
            whole = name == row.name_zh or name in row.former_names
            in_word = len(name) == 2 and whole and a > 0 and _ends_word_before(text[a - 1])
            # "城市和县域经济", "和县城": 和县 before 域/城/级 is the word 县域 after 和, not the county
            in_word = in_word or len(name) == 2 and name.endswith("县") and text[b : b + 1] in ("域", "城", "级")
            # "江津市今年": 津市 (津市市) straddles the end of 江津, a region's name that the char before it opens
            straddles = name != row.name_zh and a > 0 and _opens_name(text[a - 1 : b - 1], gazetteer)
            short_ok = (
                name == row.name_zh or not straddles and _is_short_region_name(name, row.level, text, b, gazetteer)
            )
            if in_word or not short_ok:
                doubtful.append((a, b, row))
                continue
            for k in range(a, b):
                taken[k] = True
            found.append((a, b, row.name_zh))
    ends = {a + len(n): n for a, _, n in found} | {a + len(short_name(n) or n): n for a, _, n in found}
    for a, b, row in doubtful:  # "陕西延安": a short name right after a region name is one too
        if a not in ends or any(taken[a:b]):
            continue
        if gazetteer.is_ambiguous(text[a:b]):  # "河北承德": 承德市 (which holds 承德县) of 河北
            outer = gazetteer.resolve(ends[a])
            inside = [c for c in gazetteer.candidates[text[a:b]] if outer in {r.code for r in gazetteer.ancestors(c)}]
            code = _outermost_of(inside, gazetteer)
            if code is None:
                continue
            row = gazetteer.regions[code]
        found.append((a, b, row.name_zh))
    return sorted(found)


def _opens_name(said: str, gazetteer: Gazetteer) -> bool:
    """Whether said is the name, full or short, of one region alone."""
    return len(said) >= 2 and not gazetteer.is_ambiguous(said) and gazetteer.resolve(said) is not None


def _prefecture_before_zhou(name: str, text: str, end: int, gazetteer: Gazetteer) -> str | None:
    """The one prefecture a short name stands for before 州/盟/自治州 ("海南州": 青海's 海南藏族自治州, not 海南省;
    "恩施自治州"), when other regions share that short name."""
    if not gazetteer.is_ambiguous(name) or not (text[end : end + 1] in ("州", "盟") or text.startswith("自治州", end)):
        return None
    found = [c for c in gazetteer.candidates[name] if gazetteer.regions[c].level == "prefecture"]
    return found[0] if len(found) == 1 else None


def unqualified_mentions(text: str, gazetteer: Gazetteer) -> list[str]:
    """region_mentions without the names that only qualify the next one, a place inside them ("据山东平邑县经济
    开发区透露": 平邑县, not 山东省 too): an address names its outer regions on the way to the place it means; and
    without the regions a figure is measured against ("收入增长9%,高于九江0.5个百分点")."""
    spans = region_spans(text, gazetteer)
    out = []
    for (a, b, name), (a2, _, inner) in zip(spans, [*spans[1:], (-1, -1, "")], strict=False):
        code = gazetteer.resolve(name)
        if a2 == b and inner and code in {r.code for r in gazetteer.ancestors(gazetteer.resolve_near(inner, code))}:
            continue
        if _COMPARED.search(text, max(0, a - 4), a) or is_model(text, a, b):
            continue
        out.append(name)
    return out


_LEARN_FROM = re.compile(r"(?:学习|推广|借鉴|运用|复制|推行)$")
_EXPERIENCE = re.compile(r"[^,;。]{0,12}?(?:经验|做法|模式)")


def is_model(text: str, start: int, end: int) -> bool:
    """Whether the region named at text[start:end] is a model the text learns from ("学习推广浙江“千万工程”经验"
    in 维西县's work points), not a place it acts in.

    >>> t = "学习推广浙江“千万工程”经验"
    >>> is_model(t, 4, 6), is_model("浙江“千万工程”经验", 0, 2)
    (True, False)
    """
    return bool(_LEARN_FROM.search(text, max(0, start - 4), start) and _EXPERIENCE.match(text, end))


def listed_counties(text: str, gazetteer: Gazetteer) -> list[str]:
    """The counties a list of three or more short names stands for, when all of them are counties of one prefecture
    ("确保新龙、德格、石渠义务教育均衡发展通过国家评估": 新龙县, 德格县, 石渠县 of 甘孜州).

    >>> listed_counties("确保新龙、德格、石渠义务教育均衡发展通过国家评估", Gazetteer.national())
    ['新龙县', '德格县', '石渠县']
    """
    out = []
    for m in re.finditer(r"(?:[\u4e00-\u9fff]{2}、){2,}[\u4e00-\u9fff]{2}", text):
        items = m.group().split("、")
        codes = [None if gazetteer.is_ambiguous(n) else gazetteer.resolve(n) for n in items]
        rows = [gazetteer.regions.get(c or "") for c in codes]
        if all(r and r.level == "county" and r.name_zh != n for r, n in zip(rows, items, strict=True)):
            if len({r.parent_code for r in rows}) == 1:
                out += [r.name_zh for r in rows]
    return out


_COMPARED = re.compile(r"(?:[高低快慢优]于|超过|超出|领先|比)$")


# Characters a two-character full name (范县, 城区, 和县) may follow; after any other it ends a word (示范县, 主城区,
# 站和县乡), unless a region's name stands right before it (安徽和县, 大同市城区).
_BEFORE_NAME = frozenset("省市州县区旗盟在到至与及对向给为是的")


def _ends_word_before(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch not in _BEFORE_NAME


def _is_short_region_name(name: str, level: str, text: str, end: int, gazetteer: Gazetteer) -> bool:
    """A short name (宁夏, 泾源) names a region when it is a province's or the words after it say so."""
    if _SELF_WORD.fullmatch(name):
        return False  # "全州未脱贫的…人口" in 楚雄州's text: the whole prefecture (全州), not 全州县
    if (
        text[end : end + 1] in ("州", "盟") or text.startswith("自治州", end)
    ) and level == "prefecture":  # 黔西南州, 恩施州 (also 恩施市's short name)
        return True
    if level == "prefecture" and _ETHNIC_AREA_NEXT.match(text, end):
        return True  # "凉山彝区", "甘孜藏区": an autonomous prefecture named by its people's area
    if level == "province":  # 吉林 alone is the province (also 吉林市's short name)
        return True
    if level == "county" and text[end : end + 1] in ("县", "区", "市", "旗") or text[end : end + 2] == "地区":
        start = end - len(name)
        if start > 0 and _ends_word_before(text[start - 1]) and not gazetteer.is_ambiguous(text[start - 1 : end]):
            return False  # "贵安新区": inside another place's name, not 安新县
        return not gazetteer.is_ambiguous(name)  # "孟津县" before it became 孟津区, "毕节地区" before 毕节市
    if gazetteer.is_ambiguous(name):
        return bool(re.match(r"[委人]|省委|市委|县委", text[end : end + 2]))
    if _MEASURED_AFTER.match(text, end):
        return False  # "绿色通道126公里": the end of a word before a length or an area, not 通道县
    return level == "province" or bool(_SHORT_NAME_NEXT.match(text[end : end + 3]))


_ETHNIC_AREA_NEXT = re.compile(r"[彝藏羌苗侗壮回][区族]")
_SELF_WORD = re.compile(r"[我全本该][省市州县区旗盟]")


def _positions(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


# rows of the national tree that group counties and are no region ("全市" in 重庆 is the municipality)
GROUPINGS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_DATELINE = re.compile(r"^.{0,12}?(?:社|网|报|台|讯)[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日(?:电|讯)")


# "五、通讯地址\n宁夏中卫市…": where the office is, in the prefecture around a county's department
_POSTAL_ADDRESS = re.compile(r"(?:通讯|通信|联系|办公)?地址[::]?\s*[^\n]{0,40}")
_DATELINE_ANYWHERE = re.compile(r"(?:社|网|报|台|讯)[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日(?:电|讯)")


def find_region(text: str, gazetteer: Gazetteer, issuer: str | None, title: str) -> tuple[str | None, str | None]:
    """(adcode, name) of the document's own region: from the issuer, else the title, else the body's most
    mentioned region (ties go to the most local one)."""
    title = _DATELINE.sub("", title)  # "新华社南宁1月5日电": where the reporter files from, not the text's region
    subject = approval_subject(title, gazetteer)
    if subject:
        return subject, gazetteer.regions[subject].name_zh
    for source in (issuer or "", re.sub(r"[^、,]{2,8}[、等](?=\S{0,12}\d+个)", "", title)):
        if len(source) > 60:  # a first line of body text, not a title
            continue
        names = region_mentions(source, gazetteer)
        lead = (
            None if source is issuer else _headline_place(source, gazetteer) or _leading_short_name(source, gazetteer)
        )
        if lead and (not names or names[0] != lead):
            names = [lead, *names]  # "宁波再担国家对口帮扶重任 至2020年帮吉林延边州全面脱贫": the headline's subject
        hits = [gazetteer.resolve(h) for h in names]
        if hits:
            code, outer = hits[0], None
            # "陕西延安剩余338个贫困村", "云南省昭通市镇雄县…": a place named after the region it is in is the text's
            for name in names[1:]:
                nxt = gazetteer.resolve_near(name, code)  # "佳木斯市郊区委": 佳木斯's 郊区, not 阳泉's
                if code not in {r.code for r in gazetteer.ancestors(nxt)}:
                    break
                code, outer = nxt, code
            level = self_reference_level(text)
            # "河北承德…全县": 承德县, not 承德市, by the name after the region that holds both
            code = (
                _shared_name_after(source, code, gazetteer, level)
                or (outer and _shared_name_after(source, outer, gazetteer, level))
                or code
            )
            above = _self_level(source, text)
            if above and _RANK.get(above, 0) > _RANK.get(gazetteer.regions[code].level, 0):
                # "西吉县和全区188万贫困人口今年将脱贫": a county named beside the whole (全区) it is in
                code = next((r.code for r in gazetteer.ancestors(code) if r.level == above), code)
            if source is not issuer and (helper := _helper_credited(source, code, text, gazetteer)):
                return helper, gazetteer.regions[helper].name_zh
            if source is not issuer:
                code = _title_checked(code, text, gazetteer)
                if code is None:
                    continue  # a headline of another page ("彰武县召开…推进会" over a text about 湖南)
            return code, gazetteer.regions[code].name_zh
    filed_from = Counter(n for a, b, n in region_spans(text, gazetteer) if not is_model(text, a, b))
    text = _DATELINE_ANYWHERE.sub(lambda m: " " * len(m.group()), text)
    text = _POSTAL_ADDRESS.sub(lambda m: " " * len(m.group()), text)
    # "我县召开…" over a body that relays the province's meeting (全省…): the title's own word first
    own_level = _title_level(title) or self_reference_level(text)
    counts = Counter(unqualified_mentions(text, gazetteer) + banner_mentions(text, gazetteer))  # "察右后旗将…"
    counts += Counter(listed_counties(text, gazetteer))
    counts = counts or filed_from  # the dateline's city, when nothing else
    national = len(re.findall(r"全国(?:将|要|计划|共|农村|贫困|减少|实现|累计)", text))
    if own_level is None and national and len(re.findall("全国", text)) >= max(counts.values(), default=0):
        return None, None  # "今年全国将减少农村贫困人口1000万人以上": the country's text, above every region
    published = source_region(text, gazetteer)
    # "我市组织收看收听全省…会议" over "[来源:化州市新闻中心]": the title's own word, not the body's 全省
    if published and _speaks_at(gazetteer.regions[published], own_level):
        above = {r.name_zh for r in gazetteer.ancestors(published)}
        # "来源: 宁波日报" over "我市…"; "纳雍发布 2018-03-01" over "全县…按照贵州省、毕节市要求": no other place
        if not counts or gazetteer.regions[published].name_zh in counts or set(counts) <= above:
            return published, gazetteer.regions[published].name_zh
    if own_level == "county" and not any(gazetteer.regions[gazetteer.resolve(n)].level == "county" for n in counts):
        # "我县" and the towns it names ("河边镇941人、回马镇252人"): the county those towns are in
        code = county_of_towns_in(text)
        if code and code in gazetteer.regions:
            return code, gazetteer.regions[code].name_zh
    if not counts:  # "《2018年吉林省政府工作报告》提出…": a text that names its region only in a title it cites
        counts = Counter(
            n
            for a, b, n in region_spans(text, gazetteer, titles=True)
            if _issuing_level(n, gazetteer) and not is_model(text, a, b)
        )
    if not counts and own_level == "province":  # "青岛…日照…泰安…" and 全省: the province of the cities named
        code = province_of_cities(text, gazetteer)
        if code:
            return code, gazetteer.regions[code].name_zh
    if not counts and own_level == "prefecture":  # "我州…红火楚雄": 楚雄 is both 楚雄州 and its seat 楚雄市
        code = _prefecture_by_short_name(text, gazetteer)
        if code:
            return code, gazetteer.regions[code].name_zh
    if not counts:  # "湘政办发[2018]27号": the province of the document number
        code = province_of_document_number(text, gazetteer)
        return (code, gazetteer.regions[code].name_zh) if code else (None, None)
    level_rank = {"county": 0, "prefecture": 1, "province": 2}
    local = _own_local_unit(text, counts, gazetteer, own_level)
    if local:
        return local, gazetteer.regions[local].name_zh
    if own_level == "province" and _one_prefecture(counts, gazetteer):
        own_level = None  # "根据《自治区…办法》…和田地区财政…皮山县…": a prefecture's notice, 自治区 the body above
    if own_level and not any(_speech_level(gazetteer.regions[gazetteer.resolve(n)]) == own_level for n in counts):
        above = Counter(
            r.code
            for n, k in counts.items()
            for r in gazetteer.ancestors(gazetteer.resolve(n))
            for _ in range(k)
            if r.level == own_level and r.name_zh not in GROUPINGS
        )
        if above:
            code = above.most_common(1)[0][0]
            return code, gazetteer.regions[code].name_zh
    codes = {n: gazetteer.resolve(n) for n in counts}
    under = Counter()  # mentions of the places inside each region count half for it
    for n, k in counts.items():
        for r in gazetteer.ancestors(codes[n]):
            under[r.code] += k
    best = max(
        counts,
        key=lambda n: (
            _speech_level(gazetteer.regions[codes[n]]) == own_level,
            counts[n] + 0.5 * under[codes[n]],
            -level_rank.get(gazetteer.regions[codes[n]].level, 3),
        ),
    )
    code = gazetteer.resolve(best)
    parent = _common_prefecture(codes.values(), gazetteer) if own_level in (None, "prefecture") else None
    if parent and gazetteer.regions[code].level == "county":
        code = parent  # "梁园区 | 280", "睢阳区 | 280", "虞城县 | 800": a prefecture's table of its counties
    return code, gazetteer.regions[code].name_zh


def _speaks_at(row, level: str | None) -> bool:
    """Whether a region speaks of itself at level: a county-level city (醴陵市) says 我市 as a prefecture does."""
    return _speech_level(row) == level or level == "prefecture" and row.level == "county" and row.name_zh.endswith("市")


MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})


def _speech_level(row) -> str:
    """The level a region's own texts speak of it at: a municipality (天津市) says 本市/全市, never 我省, as a
    prefecture does ("…获悉,市商务局发动全市力量" is 天津's text, not 和田地区's it aids)."""
    return "prefecture" if row.level == "province" and row.name_zh in MUNICIPALITIES else row.level


def _title_level(title: str) -> str | None:
    """The level a title speaks of its own region at (我市, 本县), else None."""
    m = re.search(r"[我本]([省市州盟县旗])", title)
    return _LEVEL_OF_WORD.get(m.group(1), "county") if m else None


_LEVEL_OF_WORD = {"省": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture"}


def _prefecture_by_short_name(text: str, gazetteer: Gazetteer) -> str | None:
    """The one prefecture whose short name the text uses, even when a county shares it (楚雄: 楚雄州 and 楚雄市)."""
    found = {
        row.code
        for row in gazetteer.regions.values()
        if row.level == "prefecture" and (n := short_name(row.name_zh)) and len(n) >= 2 and n in text
    }
    return found.pop() if len(found) == 1 else None


_PUBLISHER = (
    r"(?:日报|晚报|新闻网|在线|网|报|广播电视台|电视台|融媒体中心|新闻中心|发布|人民政府|政府|扶贫办|农业农村局)"
)
_SOURCE_LINES = (
    re.compile(rf"来源[::]\s*(?:中国)?([\u4e00-\u9fff]{{2,8}}?){_PUBLISHER}"),  # "来源: 宁波日报"
    re.compile(r"(?:中国)?([\u4e00-\u9fff]{2,6}?)(?:日报|晚报|新闻网|网)讯"),  # "中国宁波网讯(记者…)"
    re.compile(r"位置\s*[::]\s*(?:中国)?([\u4e00-\u9fff]{2,6}?)(?:新闻网|在线|网)"),  # "您当前的位置 : 中国庆元网 >"
    re.compile(r">\s*([\u4e00-\u9fff]{2,6}?)(?:要闻|新闻|动态)\s*(?:>|$)", re.M),  # "首页 > 新闻中心 > 庆元要闻"
    re.compile(r"(?:主办|版权所有|主办单位)\s*[::]?\s*(?:中共)?([\u4e00-\u9fff]{2,8}?)(?:人民政府|政府|委员会|党委)"),
    re.compile(r"([\u4e00-\u9fff]{2,8}?)人民政府(?:门户)?网站"),  # "庆元县人民政府门户网站"
    # a government's WeChat account over its post: "恩施发布 2019-04-17", "【纳雍发布】"
    re.compile(r"(?:^|【)[ \t]*([\u4e00-\u9fff]{2,6}?)发布(?:】|[ \t]+\d{4}[-年./])", re.M),
)


def source_region(text: str, gazetteer: Gazetteer) -> str | None:
    """The region of the paper, site or office a page credits ("来源: 宁波日报", "中国庆元网", "来源:明溪县农业农村局"),
    when its name is one region's; else None.

    >>> from etl.gazetteer import RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("330200", None, "宁波市", "N", "prefecture")])
    >>> source_region("来源: 宁波日报 冯瑄", g)
    '330200'
    """
    for pattern in _SOURCE_LINES:
        for m in pattern.finditer(text):
            name = m.group(1)
            code = _outermost(name, gazetteer) if gazetteer.is_ambiguous(name) else gazetteer.resolve(name)
            if code and gazetteer.regions[code].level in _RANK:
                return code
    return None


def _outermost(name: str, gazetteer: Gazetteer) -> str | None:
    """The one region a shared name stands for that holds all the others ("恩施": 恩施州, which holds 恩施市), a
    paper's or an account's region; None when they lie apart (朝阳: 辽宁's 朝阳市, 北京's 朝阳区)."""
    return _outermost_of(gazetteer.candidates.get(name, []), gazetteer)


def _outermost_of(codes: list[str], gazetteer: Gazetteer) -> str | None:
    for code in codes:
        if all(c == code or code in {r.code for r in gazetteer.ancestors(c)} for c in codes):
            return code
    return None


def _one_prefecture(counts: Counter, gazetteer: Gazetteer) -> str | None:
    """The prefecture the text names, when it names no other region than it and three or more of its counties."""
    codes = {gazetteer.resolve(n) for n in counts}
    prefectures = [c for c in codes if gazetteer.regions[c].level == "prefecture"]
    if len(prefectures) != 1:
        return None
    inside = [c for c in codes - set(prefectures) if gazetteer.regions[c].parent_code == prefectures[0]]
    return prefectures[0] if len(inside) >= 3 and len(inside) == len(codes) - 1 else None


_HEADLINE_PLACE = re.compile(r"^[【\[]?([\u4e00-\u9fff]{2,8})(?:】|\]|:)")


def _headline_place(title: str, gazetteer: Gazetteer) -> str | None:
    """The region a headline opens with before its colon or in its 【】 ("会宁:今年全县将减贫3万人", "【纳雍】…",
    "毕节纳雍:…": 纳雍县 of 毕节市), by its full or short name, when no other region shares it; else None."""
    m = _HEADLINE_PLACE.match(title)
    said = m.group(1) if m else ""
    splits = [(said, "")] + [(said[:k], said[k:]) for k in (2, 3) if len(said) - k >= 2]
    for outer, inner in splits:
        code = gazetteer.resolve(outer) if not gazetteer.is_ambiguous(outer) else None
        if code and inner:
            code = gazetteer.resolve_near(inner, code) if code in _inside(inner, gazetteer) else None
        if code and gazetteer.regions[code].level in _RANK:
            return gazetteer.regions[code].name_zh
    return None


def _inside(name: str, gazetteer: Gazetteer) -> set[str]:
    """The codes of the regions that hold some region called name."""
    return {r.code for c in gazetteer.candidates.get(name, []) for r in gazetteer.ancestors(c)}


def _leading_short_name(title: str, gazetteer: Gazetteer) -> str | None:
    """The province or prefecture a headline opens with by its short name ("宁波再担…", "甘肃今年…"), else None."""
    for k in (3, 2):
        name = title[:k]
        code = gazetteer.resolve(name) if len(name) == k and not gazetteer.is_ambiguous(name) else None
        row = gazetteer.regions[code] if code else None
        if row and row.level in ("province", "prefecture") and name != row.name_zh:
            return row.name_zh
    return None


def _shared_name_after(title: str, code: str, gazetteer: Gazetteer, own_level: str | None) -> str | None:
    """The region inside code whose short name, shared with another (楚雄: 楚雄州 and 楚雄市; 承德: 承德市 and
    承德县), follows code's name in a title ("云南楚雄贫困发生率…", "河北承德成功争取…"): the one at the text's own
    level, else the higher; None when no such name follows."""
    name = gazetteer.regions[code].name_zh
    for said in (name, short_name(name)):
        at = title.find(said) if said else -1
        if at < 0:
            continue
        for k in (3, 2):
            inside = [
                c
                for c in gazetteer.candidates.get(title[at + len(said) : at + len(said) + k], [])
                if code in {r.code for r in gazetteer.ancestors(c)}
            ]
            if len(inside) >= 2:
                levelled = [c for c in inside if gazetteer.regions[c].level == own_level]
                return (
                    levelled[0]
                    if len(levelled) == 1
                    else max(inside, key=lambda c: _RANK.get(gazetteer.regions[c].level, 0))
                )
    return None


_VISITED = re.compile(r"(?:到|赴|帮扶|支援|援助|援建|对口)$")


def _helper_credited(title: str, code: str, text: str, gazetteer: Gazetteer) -> str | None:
    """The region a page credits (来源: 巴州新闻网) when its title names code as the place visited or aided
    ("张平阳率队到普格县开展综合帮扶工作") and the text speaks of itself (我区) at the credited region's level:
    the helper's own report, not the aided region's text."""
    name = gazetteer.regions[code].name_zh
    at = title.find(name)
    credited = source_region(text, gazetteer) if at > 0 and _VISITED.search(title[:at]) else None
    if credited is None or credited == code or code in {r.code for r in gazetteer.ancestors(credited)}:
        return None
    return credited if gazetteer.regions[credited].level == self_reference_level(text) else None


def _title_checked(code: str, text: str, gazetteer: Gazetteer) -> str | None:
    """The title's region as the body bears it out: None when the body names it nowhere else and names only
    regions unrelated to it (a link's headline taken for the title); its prefecture or province when the body
    speaks of itself at that level (我市, 全市) and names it ("浠水县白莲镇…贴春联" over a report on 黄冈市)."""
    counts = Counter(gazetteer.resolve_near(n, code) for n in region_mentions(text, gazetteer))
    related = {code, *(r.code for r in gazetteer.ancestors(code))}
    others = [c for c in counts if c != code]
    unrelated = [c for c in others if c not in related and code not in {r.code for r in gazetteer.ancestors(c)}]
    name = gazetteer.regions[code].name_zh
    said = max(text.count(name), text.count(short_name(name) or name))  # "宁波日报", "中国宁波网讯" say it too
    if said <= 1 and len(unrelated) >= 2 and len(unrelated) == len(others):
        return None
    own_level = self_reference_level(text)
    if own_level and _RANK.get(own_level, 0) > _RANK.get(gazetteer.regions[code].level, 0):
        up = next((r.code for r in gazetteer.ancestors(code) if r.level == own_level), None)
        if up and counts[up]:
            return up
    return code


def _common_prefecture(codes, gazetteer: Gazetteer) -> str | None:
    """The prefecture of three or more counties named, all of them in it (shangqiu-2019-funds-allocation-table)."""
    codes = set(codes)
    parents = {gazetteer.regions[c].parent_code for c in codes}
    counties = all(gazetteer.regions[c].level == "county" for c in codes)
    parent = next(iter(parents))
    known = parent in gazetteer.regions and gazetteer.regions[parent].level == "prefecture"
    return parent if counties and len(codes) >= 3 and len(parents) == 1 and known else None


_ZONES = {"高新区": "高新技术产业开发区", "经开区": "经济技术开发区", "经济开发区": "经济开发区"}


def _own_local_unit(text: str, counts: Counter, gazetteer: Gazetteer, own_level: str | None) -> str | None:
    """A text whose own words are below every region it names: "全市" in a county-level city's text that names
    only that city (醴陵市, liling-2019), "我区" in a development zone's text that names its prefecture
    (高新区 of 新乡市 = 新乡高新技术产业开发区, xinxiang-gxq-2019)."""
    levels = {n: gazetteer.regions[gazetteer.resolve(n)].level for n in counts}
    if own_level == "prefecture" and "prefecture" not in levels.values():
        # that city alone, or with the province it is in ("在全省…评估中,大冶再次获评…全市8020户"): counties of a
        # prefecture name it
        codes = {gazetteer.resolve(n) for n in counts}
        cities = [n for n in counts if levels[n] == "county" and n.endswith("市")]
        if len(cities) != 1:
            return None
        city = gazetteer.resolve(cities[0])
        above = {r.code for r in gazetteer.ancestors(city)}
        return city if all(c == city or c in above for c in codes) else None
    if own_level != "county" or "county" in levels.values():
        return None
    zone = next((full for short, full in _ZONES.items() if short in text), None)
    parents = {gazetteer.resolve(n) for n in counts if levels[n] == "prefecture"}
    inside = [r.code for r in gazetteer.regions.values() if r.parent_code in parents and zone and zone in r.name_zh]
    return inside[0] if zone and len(inside) == 1 else None


_RANK = {"county": 1, "prefecture": 2, "province": 3}


def _self_level(line: str, text: str) -> str | None:
    """The level a title speaks of the whole at (全省/全市/全区…), 全区 read as the text reads it."""
    m = re.search(_NOT_SELF + r"全([省市州盟县旗区])", line)  # "…指标440MW 占全省指标44%": a share of it
    if m is None:
        return None
    if m.group(1) == "区":
        return "province" if self_reference_level(text) == "province" else None
    return _LEVEL_OF_WORD.get(m.group(1), "county")


_APPROVAL = re.compile(r"^(.{2,30}?)关于(?:同意)?(.+)的批复$")


def approval_subject(title: str, gazetteer: Gazetteer) -> str | None:
    """The region an approval (批复) answers, named right after 关于, when it lies inside its issuer's region: the
    project it approves is that region's, its figures too; None for any other title or one that approves several
    places (关于同意茶陵县等5县…).

    >>> g = Gazetteer.national()
    >>> approval_subject("甘肃省发展和改革委员会关于会宁县2017年度易地扶贫搬迁项目可行性研究报告的批复", g)
    '620422'
    >>> approval_subject("湖南省人民政府关于同意茶陵县等5县脱贫摘帽的批复", g) is None
    True
    """
    m = _APPROVAL.match(title)
    issuer = region_mentions(m.group(1), gazetteer) if m else []
    named = region_spans(m.group(2), gazetteer) if m else []
    if not issuer or not named or named[0][0] != 0 or re.search("[、等和及]", m.group(2)[: named[0][1] + 2]):
        return None
    above = gazetteer.resolve(issuer[0])
    code = gazetteer.resolve_near(named[0][2], above)
    return code if code and above in {r.code for r in gazetteer.ancestors(code)} else None


def province_of_cities(text: str, gazetteer: Gazetteer) -> str | None:
    """The one province at least three prefectures named in text (by full or short name) belong to, else None."""
    provinces: dict[str, set[str]] = {}
    for row in gazetteer.regions.values():
        if row.level != "prefecture" or not row.parent_code:
            continue
        names = [n for n in (row.name_zh, short_name(row.name_zh)) if n and len(n) >= 2]
        if any(n in text for n in names) and not any(gazetteer.is_ambiguous(n) for n in names if n in text):
            provinces.setdefault(row.parent_code, set()).add(row.code)
    found = [p for p, cities in provinces.items() if len(cities) >= 3]
    return found[0] if len(found) == 1 else None


def _issuing_level(name: str, gazetteer: Gazetteer) -> bool:
    code = gazetteer.resolve(name)
    return code is not None and gazetteer.regions[code].level in ("province", "prefecture", "county")


_NOT_SELF = r"(?<![占在居于为比较超])"  # "占全省三分之一", "居全省第一": a comparison, not the text's own level
_SELF = {
    # "自治区人大代表、都安县长蓝如帅": a speaker's seat in the region's congress, not the text's own word;
    # "北京市与内蒙古自治区签署…": the region's name, not its own word
    "province": re.compile(
        _NOT_SELF
        + r"(?:[我全本该]省|(?<!蒙古|回族|壮族|吾尔|西藏)自治区(?!财政|级|本级|下达|人大代表|政协委员))(?!平均|第一|首)"
    ),
    "prefecture": re.compile(_NOT_SELF + r"(?:[我全本该]市|[我全本该]州|[我全本该]盟)(?!平均|第一|首)"),
    # "县里今年把巩固…": the county speaking of itself at the head of a clause
    "county": re.compile(
        _NOT_SELF + r"(?:[我全本该]县|[我全本该]旗|(?<=[。,;\s])县里(?=今年|将|要|还))(?!平均|第一|首)"
    ),
}


def self_word_counts(text: str) -> dict[str, int]:
    """How often the text speaks of itself at each level (我省/全省, 我市/全州, 我县/全旗…)."""
    counts = {level: len(p.findall(text)) for level, p in _SELF.items()}
    district = len(re.findall(_NOT_SELF + r"[我全本]区(?!平均|第一|首)", text))
    # 全区 is an autonomous region's own word when the text names one (自治区/广西/宁夏…), else a district's
    autonomous = "自治区" in text or re.search(r"广西|宁夏|新疆|西藏|内蒙古", text)
    counts["province" if autonomous else "county"] += district
    return counts


def self_reference_level(text: str) -> str | None:
    """The level the text speaks of itself at: 我省/全省 -> province, 我市/全市 -> prefecture, 我县 -> county.

    >>> self_reference_level("我省将确保33万农村贫困人口脱贫,全省共有49个贫困县摘帽")
    'province'
    """
    counts = self_word_counts(text)
    level = max(counts, key=counts.get)
    return level if counts[level] else None
