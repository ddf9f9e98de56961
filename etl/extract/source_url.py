"""What a document's web address says about it: government and news sites put the publication date in the path,
and a government site's host name names its government (www.shenqiu.gov.cn: 沈丘县).

Example::

    >>> url_date("http://www.gov.cn/xinwen/2017-03/02/content_5172613.htm")
    '2017-03-02'
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlsplit

from etl.gazetteer import Gazetteer

from .own_region import self_reference_level

_YEAR = r"(20[0-3]\d|19[89]\d)"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12]\d|3[01])"
# Most specific first: a whole day (t20170302_, 2017-03/02, 20170302), then a month alone (/201703/).
_DAY_PATTERNS = (
    # with hhmmss after it (and a serial number after that: 2019071515081697646), or not
    re.compile(rf"(?<!\d){_YEAR}{_MONTH}{_DAY}(?:[0-2]\d[0-5]\d[0-5]\d\d{{0,6}})?(?!\d)"),
    re.compile(rf"(?<!\d){_YEAR}[-_/.]{_MONTH}[-_/.]?{_DAY}(?!\d)"),
    re.compile(rf"/{_YEAR}/(\d{{1,2}})/(\d{{1,2}})/"),
)
_MONTH_PATTERN = re.compile(rf"/{_YEAR}[-_]?{_MONTH}/")


_NEWSPAPER = re.compile(r"^(?:e?paper|szb|dzb|epaper\w*)\.|/html/20\d\d-?\d\d/\d\d/|/20\d{6}/html/")


def newspaper_page(url: str | None) -> bool:
    """An address of a newspaper's page edition (数字报: paper.yanews.cn/yarb/20190125/html/…,
    epaper.gmw.cn/gmrb/html/2012-06/08/…): the text is a report, whatever words it uses.

    >>> newspaper_page("https://paper.yanews.cn/yarb/20190125/html/content_20190125003002.htm")
    True
    >>> newspaper_page("http://www.gov.cn/xinwen/2019-05/11/content_5390720.htm")
    False
    """
    if not url:
        return False
    parts = urlsplit(url if "//" in url else f"//{url}")
    return _NEWSPAPER.search(parts.netloc.lower()) is not None or _NEWSPAPER.search(parts.path) is not None


def url_date(url: str | None) -> str | None:
    """The publication date a web address carries in its path (YYYY-MM-DD), the 15th when it names only a
    month; None when it carries none or one that is not a real date.

    >>> url_date("http://big5.taiwan.cn/xwzx/PoliticsNews/201703/t20170302_11712835.htm")
    '2017-03-02'
    >>> url_date("https://www.gansu.gov.cn/art/2018/6/8/art_35_361.html")
    '2018-06-08'
    >>> url_date("http://www.example.cn/news/2019123456.html") is None
    True
    >>> url_date("http://fpb.example.gov.cn/zwgk/201805/")
    '2018-05-15'
    >>> url_date("https://www.yaan.gov.cn/gongkai/show/20180813110056-755237-00-000.html")
    '2018-08-13'
    >>> url_date("http://m.example.com/news/tianshui/2019071515081697646.htm")
    '2019-07-15'
    >>> url_date("file.txt") is None
    True
    >>> url_date("http://wxrb.luaninfo.com/p/News_Details.aspx?id=13910&t=8&time=2019-01-18")
    '2019-01-18'
    """
    if not url:
        return None
    parts = urlsplit(url.strip()) if "://" in url else None
    path = parts.path if parts else url
    for pattern in _DAY_PATTERNS:
        for m in pattern.finditer(path):
            day = _valid(*m.groups())
            if day:
                return day
    m = _MONTH_PATTERN.search(path)
    if m:
        return _valid(m.group(1), m.group(2), "15")
    return _query_date(parts.query) if parts else None


_DATE_KEY = re.compile(r"date|time|day", re.IGNORECASE)


def _query_date(query: str) -> str | None:
    """A whole date in a query parameter named for one ("News_Details.aspx?id=13910&time=2019-01-18"); an id or a
    page number that happens to look like a date is not read.

    >>> _query_date("id=13910&t=8&time=2019-01-18")
    '2019-01-18'
    >>> _query_date("id=20180109142145816") is None
    True
    """
    for key, value in parse_qsl(query):
        if not _DATE_KEY.search(key):
            continue
        for pattern in _DAY_PATTERNS[:2]:
            m = pattern.search(value)
            day = _valid(*m.groups()) if m else None
            if day:
                return day
    return None


def _valid(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def site_region(url: str | None, gazetteer: Gazetteer, text: str = "") -> str | None:
    """The region whose government runs the site: a ``.gov.cn`` host names it in pinyin right before ``gov``
    (www.shenqiu.gov.cn, lyj.hunan.gov.cn), when that pinyin is one region's only, or the one of them whose name
    the text bears (www.nanyue.gov.cn is 南岳区's and 南乐县's: "来源:南岳区财政局"); on other sites, only the
    province a host opens with (``host_province``): a news portal's city subdomain is where it files from, not
    whose text it is.

    >>> g = Gazetteer.national()
    >>> site_region("https://www.shenqiu.gov.cn/newslast_21417.html", g)
    '411624'
    >>> site_region("http://lyj.hunan.gov.cn/xxgk/201609/t20160912_3187571.html", g)
    '430000'
    >>> [site_region(u, g) for u in ("http://www.gov.cn/a.htm", "http://shenyang.baogaosu.com/a.html", "a.txt")]
    [None, None, None]
    """
    host = urlsplit(url.strip()).hostname if url and "://" in url else None
    labels = (host or "").lower().split(".")
    if len(labels) < 3 or labels[-2:] != ["gov", "cn"]:
        province = host_province(labels, gazetteer)
        if province:
            return province
        portal = portal_region(labels, gazetteer, text)
        level = self_reference_level(text)
        if portal or level not in ("prefecture", "province"):
            return portal
        return paper_city(url, gazetteer) if level == "prefecture" else paper_province(url, gazetteer)
    return _named_by_pinyin(labels[-3], gazetteer, text)


def _named_by_pinyin(label: str, gazetteer: Gazetteer, text: str) -> str | None:
    found = [row.code for row in gazetteer.regions.values() if row.name_en and _pinyin(row.name_en) == label]
    if len(found) > 1:
        named = [c for c in found if gazetteer.regions[c].name_zh in text]
        # www.xixia.gov.cn is 西峡县's and 西夏区's: a text that says 全县 is the county's
        own = [c for c in found if gazetteer.regions[c].name_zh.endswith(tuple(_OWN_WORD.findall(text)) or "\0")]
        found = named or own
    return found[0] if len(found) == 1 else None


_OWN_WORD = re.compile(r"(?<=[我全本])[县区旗]")


_SUFFIXES = ({"com", "net", "org"}, {"cn", "com", "net"})
# the levels a county's or a city's own text speaks of itself at: a county-level city says 我市 as a prefecture does
_OWN_LEVELS = {"prefecture": ("prefecture",), "county": ("county",), "county-level city": ("county", "prefecture")}


def portal_region(labels: list[str], gazetteer: Gazetteer, text: str) -> str | None:
    """The county or city whose own portal the host is, its domain the region's pinyin (www.xiushui.net: 修水县), when
    the text speaks of itself at that region's level (我市, 全县); a region's name under another domain
    (shenyang.baogaosu.com, anping.hebei.com.cn) is a channel of that site, not the region's.

    >>> g = Gazetteer.national()
    >>> [portal_region(h.split("."), g, "今年全县将脱贫1万人") for h in ("www.pingyi.cn", "pingyi.example.com")]
    ['371326', None]
    """
    if len(labels) < 2:
        return None
    rest = labels[:-2] if labels[-2] in _SUFFIXES[0] and labels[-1] == "cn" else labels[:-1]
    if not rest or labels[-1] not in _SUFFIXES[1] or any(x not in ("www", "m", "wap", "big5") for x in rest[:-1]):
        return None
    code = _named_by_pinyin(rest[-1], gazetteer, text)
    row = gazetteer.regions.get(code or "")
    if row is None or row.level not in ("prefecture", "county"):
        return None
    kind = "county-level city" if row.level == "county" and row.name_zh.endswith("市") else row.level
    return code if self_reference_level(text) in _OWN_LEVELS[kind] else None


# Provinces' three-letter abbreviations in host names (hljszw.org.cn: 黑龙江省志网); two letters say too little (hn).
_ABBREVIATED = {"hlj": "230000", "nmg": "150000"}


def host_province(labels: list[str], gazetteer: Gazetteer) -> str | None:
    """The province another site's first host label opens with, by its pinyin or its three-letter
    abbreviation (hljszw.org.cn, hunan.voc.com.cn); None for any other host.

    >>> g = Gazetteer.national()
    >>> [host_province(h.split("."), g) for h in ("hljszw.org.cn", "hunan.voc.com.cn", "www.china.com.cn")]
    ['230000', '430000', None]
    """
    first = next((label for label in labels if label not in ("www", "m", "big5", "wap")), "")
    code = next((c for k, c in _ABBREVIATED.items() if first.startswith(k)), None)
    if code is None:
        found = [
            row.code
            for row in gazetteer.regions.values()
            if row.level == "province"
            and row.name_en
            and not row.name_en.startswith("Inner")
            and first.startswith(_pinyin(row.name_en))
        ]
        code = max(found, key=lambda c: len(_pinyin(gazetteer.regions[c].name_en)), default=None)
    return code if code in gazetteer.regions else None


def _pinyin(name_en: str) -> str:
    return name_en.split(" ")[0].lower().replace("'", "").replace("-", "")


# A city paper's host or edition folder: the initials of its city's pinyin and 日报/晚报/news (dtrb: 大同日报).
_PAPER = re.compile(r"([a-z]{2,4}?)(?:rb|wb|news|daily)")


def paper_province(url: str | None, gazetteer: Gazetteer) -> str | None:
    """The province a newspaper's host label or first folder names by its abbreviation or initials
    (szb.northnews.cn/nmgrb/: 内蒙古日报, gsrb: 甘肃日报), when they are one province's only (hnrb: 河南, 湖南, 海南).

    >>> g = Gazetteer.national()
    >>> [paper_province(u, g) for u in ("http://szb.northnews.cn/nmgrb/html/a.htm", "http://hnrb.example.cn/a.htm")]
    ['150000', None]
    """
    found = {
        code
        for initials in _paper_initials(url)
        for code in [_ABBREVIATED.get(initials)]
        + [r.code for r in gazetteer.regions.values() if r.level == "province" and _province_initials(r) == initials]
        if code
    }
    return found.pop() if len(found) == 1 else None


def _province_initials(row) -> str | None:
    """A province's initials as papers write them: 陕西 Shaanxi is sx as 山西 is, 内蒙古 goes by its abbreviation."""
    name = (row.name_en or "").replace("Shaanxi", "Shanxi")
    return None if name.startswith("Inner") else _initials(name)


def _paper_initials(url: str | None) -> set[str]:
    """The initials a newspaper's host label or first folder gives before rb/wb/news/daily (dtrb: dt)."""
    parts = urlsplit(url.strip()) if url and "://" in url else None
    if parts is None:
        return set()
    words = (parts.hostname or "").lower().split(".")[:-2] + parts.path.lower().split("/")[1:2]
    return {m.group(1) for w in words if (m := _PAPER.fullmatch(w))}


def paper_city(url: str | None, gazetteer: Gazetteer) -> str | None:
    """The prefecture a newspaper's host label or first folder names by its initials (epaper.dtnews.cn/dtrb/:
    大同日报), when those initials are one prefecture's only (lyrb is 洛阳日报's, but ly is also 临沂's).

    >>> g = Gazetteer.national()
    >>> [paper_city(u, g) for u in ("http://epaper.dtnews.cn/dtrb/html/a.htm", "http://lyrb.lyd.com.cn/html/a.htm")]
    ['140200', None]
    """
    initials = _paper_initials(url)
    found = {
        row.code
        for row in gazetteer.regions.values()
        if row.level == "prefecture" and row.name_en and _initials(row.name_en) in initials
    }
    return found.pop() if len(found) == 1 else None


_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ue|ui|[aoeiuv])"
)


def _initials(name_en: str) -> str | None:
    """The first letters of a place name's pinyin syllables ("Datong City" -> "dt", "Xi'an" -> "xa"), split into
    the fewest syllables; None when the name is no pinyin (Hohhot)."""
    out = ""
    for word in name_en.split(" ")[0].lower().replace("-", "").split("'"):
        fewest: dict[int, list[str]] = {0: []}
        for i in range(len(word)):
            for j in range(i + 1, min(len(word), i + 6) + 1) if i in fewest else ():
                if _SYLLABLE.fullmatch(word, i, j) and (j not in fewest or len(fewest[i]) + 1 < len(fewest[j])):
                    fewest[j] = [*fewest[i], word[i:j]]
        if len(word) not in fewest:
            return None
        out += "".join(s[0] for s in fewest[len(word)])
    return out
