"""Document metadata: title, issuer, issue date and the document's own region.

Example::

    >>> info = read_document_info("某市人民政府\\n关于做好扶贫工作的通知\\n...\\n某市人民政府\\n2016年3月1日\\n", None)
    >>> info.title, info.issuer, info.published_on
    ('某市人民政府关于做好扶贫工作的通知', '某市人民政府', '2016-03-01')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.gazetteer import Gazetteer

from .own_region import find_region, self_reference_level

DOC_TYPES = "决定|意见|通知|方案|办法|规划|计划|纲要|细则"
ISSUER_END = re.compile(r"(委员会|常委会|人民政府|领导小组|办公室|办公厅|省委|市委|县委|区委|扶贫办|政府)$")
_CN_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_ISO_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_ANY_DATE = re.compile(r"((?:19|20)\d{2})(?:年|-|/|\.)(\d{1,2})(?:月|-|/|\.)(\d{1,2})(?!\d)")
HEADER_CHARS = 400  # a dateline or page stamp sits near the top


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    issuer: str | None
    published_on: str | None
    region_code: str | None
    region_name: str | None
    news: bool = False  # a report about a plan (its numbers are results unless a word of intent governs them)
    date_from: str | None = None  # where published_on comes from: "given", "text", "url"; None when unknown


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _iso(y: str, m: str, d: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def find_title(text: str) -> str:
    """The document title: a short 关于…决定/意见/通知 line (joined to an issuer line just above it),
    else a short line ending in a document type, else a 《title》 a news page credits, else a news headline above
    the body's first sentence, else the first line when it is short and no sentence; else "" (no title: the
    caller names the document by its file, and the reviewer may type one).

    >>> find_title("到去年底,全市尚有贫困人口111.95万人,居全省第一。\\n仅去年一年,全市就投入专项扶贫资金6亿元")
    ''
    """
    lines = _lines(text)
    is_title = re.compile(rf"^[^,。,;:]{{4,80}}({DOC_TYPES})$")
    for i, ln in enumerate(lines):
        if "关于" in ln and is_title.match(ln):
            if ln.startswith("关于") and i > 0 and ISSUER_END.search(lines[i - 1]):
                return lines[i - 1] + ln
            return ln
    for ln in lines:
        if is_title.match(ln) and len(ln) > 6:
            return ln
    m = re.search(r"《([^》]{4,60})》由", text) or _ORIGINAL_TITLE.search(text)
    if m:
        return m.group(1).strip()
    first = next((ln for ln in lines[:1] if _may_be_title(ln)), None)
    return _headline(lines[:12]) or first or _signer(lines)


def _signer(lines: list[str]) -> str:
    """Who signed a text that has no title line: the short line above a line holding only a date, at its end
    ("佳木斯市郊区委统战部" over "2019年1月18日"); it names the document better than its file name does."""
    for i in range(max(1, len(lines) - 3), len(lines)):
        above = lines[i - 1]
        if re.fullmatch(_CN_DATE, lines[i]) and len(above) <= 30 and _may_be_title(above):
            return above
    return ""


TITLE_MAX = 60  # characters: a longer line is a sentence of the body, not a title


def _headline(lines: list[str]) -> str | None:
    """The first headline above the body: a subheading after the body's first sentence is not the title.

    >>> _headline(["号角起,战鼓擂。", "仅2015年,全市…摆脱贫困;", "正视现实 寻找差距"]) is None
    True
    """
    for ln in lines:
        if _is_headline(ln):
            return ln
        if _is_sentence(ln):
            return None
    return None


def _is_sentence(line: str) -> bool:
    """A line of the body: it holds a full stop (号角起,战鼓擂。), and is no navigation bar."""
    return "。" in line and not _NAVIGATION.search(line)


def _may_be_title(line: str) -> bool:
    """The first line as the title of last resort: short words, not a sentence, a photo caption, a credit line, a
    photo's credit ("江萍/摄"), a date or a code ("(2016年1月9日)", "EN", "发布日期:2019-08-16")."""
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in line)
    plain = not _CAPTION.match(line) and not _WHERE_YOU_ARE.search(line) and not _CREDIT.search(line)
    return "。" not in line and len(line) <= TITLE_MAX and cjk >= max(4, len(line) * 0.3) and plain


_ORIGINAL_TITLE = re.compile(r"^原标题[::]\s*([^\n]{4,60})$", re.M)  # a repost's credit of the headline it ran under
_CAPTION = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日,")  # "2017年8月26日,民政部部长…到禄劝县…": a photo caption
# a photo's credit ("百色市扶贫开发办公室副主任梁仲达 江萍/摄", "马山电视台供图") or a link ("点击观看更多视频")
_CREDIT = re.compile(r"(?<!拍)摄影?$|供图$|^点击")
_NAVIGATION = re.compile(
    r"\||当前的?位置|现在的?位置|您的位置|首页|>>|\S\s*>\s*\S.*>|分享|字号|版权|来源[::]|责任编辑|关键词|请输入|搜索|登录"
    r"|^(?![【“《])\W|^\S{1,4}[::]"  # a line opening with a mark, not a column tag ("【你笑起来真好看】凝聚…")
    r"|^" + _CAPTION.pattern + "|" + _CREDIT.pattern
)


# a breadcrumb bar, a credit line or a numbered item ("10:梅州市丰顺县" of a top-ten list): never a title
_WHERE_YOU_ARE = re.compile(r"(?:当前|现在)的?位置|您的位置|^来源[::]|^\d{1,3}[::]")


def _is_headline(line: str) -> bool:
    """A news headline: a short line of words, not a navigation bar, a date stamp or a sentence of the body."""
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in line)
    body = "。" in line or line.count(",") >= 2  # "连日来,记者在毕节市…了解到,…": a sentence of the body
    return 6 <= len(line) <= 60 and cjk >= len(line) * 0.5 and not _NAVIGATION.search(line) and not body


def find_signature(text: str) -> tuple[str | None, str | None]:
    """(issuer, date) from a signature block: a line holding only a date, with the issuer on the line above.

    >>> find_signature("…认真贯彻执行。\\n某市人民政府办公室\\n二○○九年五月十一日\\n")
    ('某市人民政府办公室', '2009-05-11')
    """
    lines = _lines(text)
    for i, ln in enumerate(lines):
        ln = _DOC_NUMBER_BEFORE.sub("", ln)  # "川办发〔2012〕62号 二○一二年十月十五日": the number, then the date
        m = re.fullmatch(_CN_DATE, ln) or re.fullmatch(_WORDS_DATE, ln)
        year, month, day = (_in_digits(g) for g in m.groups()) if m else ("", "0", "0")
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            issuer = lines[i - 1] if i > 0 and len(lines[i - 1]) <= 30 and ISSUER_END.search(lines[i - 1]) else None
            return issuer, _iso(year, month, day)
    return None, None


_DOC_NUMBER_BEFORE = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[【]\d{4}[〕\]】]\s*\d{1,4}\s*号\s+")
# a date written in words, as official documents sign them: 二〇一八年三月五日, 二○○九年五月十一日 (○ or O for 〇);
# the text's normaliser may have turned the year alone into digits (2018年三月五日)
_ZH_DIGITS = "〇○OＯ零一二三四五六七八九"
_TENS = "[一二三四五六七八九十]"
_WORDS_DATE = rf"((?:19|20)\d{{2}}|[{_ZH_DIGITS}]{{4}})年({_TENS}{{1,2}}|\d{{1,2}})月({_TENS}{{1,3}}|\d{{1,2}})日"


def _in_digits(words: str) -> str:
    """二○○九 -> 2009, 十一 -> 11, 二十五 -> 25; digits stay."""
    if words.isdigit():
        return words
    if "十" in words:
        tens, _, ones = words.partition("十")
        return str(10 * (_DIGIT_OF[tens] if tens else 1) + (_DIGIT_OF[ones] if ones else 0))
    return "".join(str(_DIGIT_OF[ch]) for ch in words)


_DIGIT_OF = {ch: max(0, i - 4) for i, ch in enumerate(_ZH_DIGITS)}


def find_date(text: str) -> str | None:
    """Issue date: signature date, else the date a meeting adopted it, else a web page's date stamp, else None."""
    _, date = find_signature(text)
    if date:
        return date
    m = re.search(rf"[((]{_CN_DATE}[^))\n]{{0,40}}通过[))]", text)
    if m:
        return _iso(*m.groups())
    m = re.search(rf"(?:发布|发表|更新)?(?:时间|日期)[::]\s*(?:{_ISO_DATE}|{_CN_DATE})", text)
    if m:
        g = [x for x in m.groups() if x]
        return _iso(*g[:3])
    # "(此文件已于2017年12月29日宣布失效)": the day the text was annulled, not issued
    # "2024年05月15日星期三 设为首页 | 加入收藏": the site's clock on the day the page was fetched, not the text's date
    head = _SITE_CLOCK.sub("", text[:HEADER_CHARS])
    m = next((d for d in _ANY_DATE.finditer(head) if not _ANNULLED.match(head, d.end())), None)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return _iso(*m.groups())
    m = re.search(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)", text[:HEADER_CHARS])  # 24.02.2016
    if m and 1 <= int(m.group(2)) <= 12:
        return _iso(m.group(3), m.group(2), m.group(1))
    return None


_SITE_CLOCK = re.compile(r"^[^\n]*(?:设为首页|加入收藏|收藏本站)[^\n]*$", re.M)
_ANNULLED = re.compile(r"日?(?:起)?(?:宣布|宣告)?(?:失效|废止)")


def find_issuer(text: str, title: str) -> str | None:
    issuer, _ = find_signature(text)
    if issuer:
        return issuer
    m = re.match(r"^(.{2,40}?)关于", title)
    if m and ISSUER_END.search(m.group(1).strip()):
        return m.group(1).strip()
    return None


def read_document_info(
    text: str,
    gazetteer: Gazetteer | None,
    region_code: str | None = None,
    as_of: str | None = None,
    url_date: str | None = None,
    site_region: str | None = None,
    newspaper: bool = False,
) -> DocumentInfo:
    """Title, issuer, issue date and own region of a policy text (region left None without a gazetteer);
    region_code and as_of (YYYY-MM-DD) override what the text says; url_date (the date in the address the text
    was published at) counts when the text gives no date of its own; site_region (the government whose site
    published it) when the text names no region of its own or only one above it (泰州市's "全市" on 泰兴市's site).

    >>> read_document_info("今年将脱贫10万人", None, url_date="2017-03-02").published_on
    '2017-03-02'
    """
    title = find_title(text)
    issuer = find_issuer(text, title)
    if region_code and gazetteer and gazetteer.resolve(region_code):
        code = gazetteer.resolve(region_code)
        name = gazetteer.regions[code].name_zh
    elif region_code:
        code, name = region_code, None
    else:
        code, name = find_region(text, gazetteer, issuer, title) if gazetteer else (None, None)
        if gazetteer and site_region in gazetteer.regions and _site_is_own(text, code, site_region, gazetteer):
            code, name = site_region, gazetteer.regions[site_region].name_zh
    published = find_date(text)
    if published and (_reposted(text, int(published[:4])) or _headline_plans_before(title, int(published[:4]))):
        published = None  # "时间:2022年07月13日" over a report of 2016's results and 2017's goal: a repost's date
    date_from = "text" if published else None
    if not published and url_date and not _reposted(text, int(url_date[:4])):
        published, date_from = url_date, "url"
    return DocumentInfo(
        title=title,
        issuer=issuer,
        published_on=as_of or published,
        region_code=code,
        region_name=name,
        news=is_news(text, title, newspaper),
        date_from="given" if as_of else date_from,
    )


_OWN_WORDS = re.compile(r"[我全本](?:省|市|州|县|区|旗|盟)")


def _site_is_own(text: str, code: str | None, site: str, gazetteer: Gazetteer) -> bool:
    """Whether the site's region is the text's own: the text found none but speaks of its own (我县, 全市), or
    found one the site's region lies in (a county-level city's text counted as its prefecture's)."""
    if code is None and gazetteer.regions[site].level == "province":
        return self_reference_level(text) == "province"  # "全省…" on hljszw.org.cn; not "我市" on hunan.voc.com.cn
    if code is None:
        return bool(_OWN_WORDS.search(text))
    above = gazetteer.regions[site].parent_code
    while above and above in gazetteer.regions:
        if above == code:
            return True
        above = gazetteer.regions[above].parent_code
    return False


_ERA_ENDS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025}


# Poverty exits (counties 摘帽, villages 出列, people 脱贫) were planned up to 2020, when absolute poverty ended: a
# text that still plans them was written by then.
LAST_EXIT_YEAR = 2020
EXITS_AHEAD = re.compile(
    r"(?:将|确保|力争|要|计划)(?:于|在)?[^。;]{0,24}?(?:脱贫出列|脱贫摘帽|摘帽出列|全部脱贫|全部摘帽|全部出列|消除绝对贫困)"
)


_HEADLINE_PLAN = re.compile(r"((?:19|20)\d{2})年(?:度)?[^,;。\d]{0,6}?(?:将|计划|拟|力争|确保|要)")


def _headline_plans_before(title: str, year: int) -> bool:
    """A headline that announces a plan for a year before the page's date ("山西省扶贫办:2011年将出资千万进行教育帮扶"
    on a page of 2014): the page reposted a report written by that year.

    >>> _headline_plans_before("山西省扶贫办:2011年将出资千万进行教育帮扶", 2014)
    True
    >>> _headline_plans_before("2019年将实现50万人脱贫", 2019)
    False
    """
    years = [int(y) for y in _HEADLINE_PLAN.findall(title or "")]
    return bool(years) and max(years) < year


_YEAR_RANGE_END = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-—–~]\s*((?:19|20)\d{2})(?!\d)")


def _reposted(text: str, year: int) -> bool:
    """A date more than a year after every year the text names (also through 十三五…), in a text that never
    counts from its own date (今年, 5年来): a page that reposted it.

    >>> _reposted("时间:2022年07月13日 广西:2017年目标是110万贫困人口脱贫", 2022)
    True
    >>> _reposted("发布时间:2022-09-10 按规划,2018年至2020年,湖北省将…三年内,将落实…", 2022)
    True
    >>> _reposted("2025/3/31 20:08:00 1个贫困村,也将于今年6月底以前达到标准,脱贫出列", 2025)
    True
    """
    if year > LAST_EXIT_YEAR and EXITS_AHEAD.search(text):
        return True  # "也将于今年6月底以前…脱贫出列,全面消除绝对贫困" under a stamp of 2025: exits to come end in 2020
    if re.search(r"今年|明年|去年|(?<![\d一二两三四五六七八九十])(?:年内|年底)|(?<!\d)\d年多?来", text):
        return False  # "5年多来…今年": a text that counts from its own date
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年(?!\d{1,2}月\d{1,2}日)", text)]
    years += [end for era, end in _ERA_ENDS.items() if era in text]
    years += [int(y) for y in _YEAR_RANGE_END.findall(text)]  # "山西光伏扶贫(2017—2019)实施方案"
    years += [int(y) + 1 for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年(?:年?底|末)", text)]  # told after it ended
    if years and year > max(years) + 1:
        return True
    # "公示时间:2021年7月28日至2021年8月10日" on a page of 2022-12: the text's own dates end before the page's year
    dates = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年\d{1,2}月\d{1,2}日", text)]
    return bool(dates) and year > max(years + dates)


_NEWS_MARKERS = re.compile(
    r"记者|新华网|新华社|央广网|中新网|日电|消息|责任编辑|编辑:|据介绍|据了解|获悉|发布会|答记者问"
)


def is_news(text: str, title: str, newspaper: bool = False) -> bool:
    """A news report (记者, 据介绍, 新华社…) rather than the plan document itself.

    >>> is_news("记者从省扶贫办获悉,今年将…", "某省今年将脱贫10万人")
    True
    """
    official = re.search(rf"({DOC_TYPES})$", title) and "关于" in title
    # "《…2017年工作要点》近日出台,确保…": a report that relays a plan just issued reads as the plan
    relayed = _PLAN_RELEASED.search(text[:400]) is not None
    return (newspaper or bool(_NEWS_MARKERS.search(text))) and not official and not relayed


_PLAN_RELEASED = re.compile(
    r"《[^》]{2,60}(?:要点|计划|方案|意见|规划|决定|通知)》[^。,]{0,8}(?:出台|印发|发布|公布|出炉)"
)
