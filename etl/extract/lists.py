"""Lists by region: one line per county, its name before a colon ("巴州区:省级财政专项扶贫资金2405万元;").

The sentences of such a list are read like any other (the county at the head of the line is the figure's region);
this module finds the lines whose head names a unit the gazetteer has no code for (an economic development zone,
an industrial park, a town), so that their figures are left out rather than given to the whole region.

Example::

    >>> text = "甲县:资金20万元;\\n乙县:资金30万元;\\n某经济开发区:资金5万元。\\n"
    >>> [text[a:b] for a, b in unplaced_lines(text, lambda head: head in ("甲县", "乙县"))]
    ['某经济开发区:资金5万元。']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

_HEAD = re.compile(r"^\s*([\u4e00-\u9fff]{2,14})[::]")
UNIT_SUFFIX = re.compile(r"(?:开发区|园区|新区|试验区|示范区|管委会|管理区|林场|农场|街道|办事处|[镇乡])$")


def unplaced_lines(text: str, is_place: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the lines of a by-region list (three or more "名称:" lines in a row, two or more of them naming
    regions) whose head is a unit with no region code (…开发区, …园区, …镇)."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []
    pos = 0
    for line in [*text.splitlines(keepends=True), ""]:
        m = _HEAD.match(line)
        if m:
            run.append((pos + len(line) - len(line.lstrip()), pos + len(line.rstrip()), m.group(1)))
        else:
            if len(run) >= 3 and sum(is_place(head) for _, _, head in run) >= 2:
                out += [(a, b) for a, b, head in run if not is_place(head) and UNIT_SUFFIX.search(head)]
            run = []
        pos += len(line)
    return out


EXIT_HEADING = re.compile(
    r"(?:摘帽|退出|出列|脱贫)[^。;]{0,20}(?:贫困县|县\(市、区\)|县市区|县区|名单)|(?:贫困县|名单)[^。;]{0,12}(?:摘帽|退出)"
)
_NUMBERING = re.compile(r"^\s*(?:\d{1,3}[.、.]|[((]\d{1,3}[))]|[一二三四五六七八九十]+、)\s*")
_GROUP = re.compile(r"^\s*[\u4e00-\u9fff]{1,8}?[市州盟地区](?:[((][^))]{0,8}[))])?\s*[::]?\s*")
_SEPARATORS = re.compile(r"[、,,;;|\s]+")
# "(共52个)", "一、广西壮族自治区(8个)": a count, or a province's or prefecture's count, between the names
_COUNT_LINE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\d{1,2}[.、.])?\s*(?:[\u4e00-\u9fff]{1,10}?(?:省|自治区|市|州|盟|地区))?"
    r"\s*[((]共?\d+个[))]\s*[::]?\s*$"
)


def exit_name_lists(text: str, resolve: Callable[[str], str | None]) -> list[tuple[str, str, int, int, str]]:
    """Counties named in the lines under (or after the colon of) a heading about county exits, in any layout:
    "十堰市(3个):郧阳区、郧西县、竹山县", "1.郧阳区", "郧阳区 郧西县 竹山县", "| 十堰市 | 郧阳区、郧西县 |".
    Returns (name as written, code, start, end, heading) for each county; ``resolve`` gives a county's code.

    >>> codes = {"甲县": "1", "乙县": "2", "丙县": "3"}
    >>> text = "2019年计划摘帽的贫困县名单\\n某市(2个):甲县、乙县\\n另市(1个):丙县\\n"
    >>> [(n, c) for n, c, *_ in exit_name_lists(text, codes.get)]
    [('甲县', '1'), ('乙县', '2'), ('丙县', '3')]
    """
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    out: list[tuple[str, str, int, int, str]] = []
    i = 0
    while i < len(lines):
        start, line = lines[i]
        m = EXIT_HEADING.search(line)
        if m is None:
            i += 1
            continue
        found: list[tuple[str, str, int, int]] = []
        colon = max(line.rfind(":", m.end()), line.rfind(":", m.end()))
        if colon >= 0:
            found += _names(line, start, colon + 1, resolve) or []
        j, skipped = i + 1, 0
        while j < len(lines):
            if not lines[j][1].strip() or _COUNT_LINE.match(lines[j][1]):
                j += 1  # a page that spaces its lines, a province's heading with its count
                continue
            names = _names(lines[j][1], lines[j][0], 0, resolve)
            if names is None:
                # a column header ("| 市州 | 县(市、区) |") may sit between the heading and the names
                if not found and skipped < 1 and len(lines[j][1].strip()) <= 24 and not re.search(r"\d", lines[j][1]):
                    skipped += 1
                    j += 1
                    continue
                break
            found += names
            j += 1
        if len(found) >= 2:
            out += [(*f, line) for f in found]
        i = max(j, i + 1)
    return out


def _names(line: str, offset: int, begin: int, resolve) -> list[tuple[str, str, int, int]] | None:
    """The counties of a line that holds nothing else (numbering and a prefecture prefix aside), else None."""
    body = line[begin:]
    skip = _NUMBERING.match(body)
    at = skip.end() if skip else 0
    out = []
    words = list(re.finditer(r"[^、,,;;|\s]+", body[at:]))
    for m in words:
        word = m.group().rstrip("。.")
        a = begin + at + m.start()
        code = resolve(word)
        if code is None and (_GROUP.fullmatch(word) or re.fullmatch(r"[((]?\d+个[))]?[::]?", word)):
            continue  # the prefecture the counties after it belong to ("十堰市(5个):")
        group = _GROUP.match(word)
        cut = _after_group(word, resolve) if code is None else 0
        if cut:  # "十堰市(3个):郧阳区", "柳州市三江县": unspaced
            word, a, code = word[cut:], a + cut, resolve(word[cut:])
        if code is None and m is words[-1] and group and len(word) - group.end() < 2:
            continue  # "…赫章县,黔东南州从": a name cut off where an excerpt ends
        if code is None:
            return None
        out.append((word, code, offset + a, offset + a + len(word)))
    return out or None


def _after_group(word: str, resolve) -> int:
    """Where the county starts in a word that opens with its prefecture ("柳州市三江县" -> 3), else 0."""
    for m in _GROUP_ENDS.finditer(word):
        if 2 <= m.end() <= 12 and resolve(word[m.end() :]):
            return m.end()
    return 0


_GROUP_ENDS = re.compile(r"(?:[市州盟区]|地区)(?:[((][^))]{0,8}[))])?\s*[::]?\s*")


_LINE_HEAD = re.compile(
    r"^\s*(?:\d{1,2}[.、.]|[((]\d{1,2}[))]|[一二三四五六七八九十]{1,3}、)?\s*([\u4e00-\u9fff]{2,12}?)(?=[::\s]|\d)"
)


def region_lines(text: str, resolve: Callable[[str], str | None]) -> list[tuple[int, str, str]]:
    """Lines of a by-region list: two or more lines in a row that each open with a region ("乐都区:819万元;",
    "2.平安区100万元;", "民和县 4000人") and hold one figure or a few. Returns (offset of the line's first
    character, the region's code, the heading above the run) for each; ``resolve`` gives a region's code (None
    for a word that is none, or for the document's own region).

    >>> codes = {"甲县": "1", "乙县": "2"}
    >>> text = "资金分配如下:\\n1.甲县:20万元;\\n2.乙县30万元。\\n"
    >>> [(text[a:a + 4], c, h) for a, c, h in region_lines(text, codes.get)]
    [('1.甲县', '1', '资金分配如下:'), ('2.乙县', '2', '资金分配如下:')]
    """
    out: list[tuple[int, str, str]] = []
    run: list[tuple[int, str]] = []
    heading, previous, pos = "", "", 0
    for line in [*text.splitlines(keepends=True), ""]:
        body = line.strip()
        m = _LINE_HEAD.match(line) if body and len(body) <= 60 and re.search(r"\d", body) else None
        code = _head_code(m.group(1), resolve) if m else None
        if code:
            if not run:
                heading = previous
            run.append((pos + len(line) - len(line.lstrip()), code))
        elif body or not line:
            if len(run) >= 2:
                out += [(a, c, heading) for a, c in run]
            run = []
        if body:
            previous = body
        pos += len(line)
    return out


_PLACE_HEADING = re.compile(r"^\s*([\u4e00-\u9fff]{2,12}?)[::]")
_LABELLED_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}[::]")


def headed_lines(text: str, resolve: Callable[[str], str | None]) -> list[tuple[int, str]]:
    """Lines under a place's heading line ("阜平县:阜平县乡村道路2017年以工代赈示范工程" over "目标:新建乡村公路
    19.6公里,解决928人行路难"): each labelled line (目标:, 建设内容:) below a heading that opens with a region and
    holds no figure of its own is that region's. Returns (offset of the line's first character, the region's code).

    >>> text = "甲县:甲县道路工程\\n目标:新建公路19.6公里\\n乙县:乙县水利工程\\n目标:修建塘坝2座\\n"
    >>> [(text[a:a + 2], c) for a, c in headed_lines(text, {"甲县": "1", "乙县": "2"}.get)]
    [('目标', '1'), ('目标', '2')]
    """
    out, code, pos = [], None, 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        m = _PLACE_HEADING.match(line)
        figures = re.sub(r"(?:19|20)\d{2}年", "", line)
        heading = _head_code(m.group(1), resolve) if m and not re.search(r"\d", figures) else None
        if heading:
            code = heading
        elif code and _LABELLED_LINE.match(line) and re.search(r"\d", line):
            out.append((start + len(line) - len(line.lstrip()), code))
        else:
            code = None
    return out


_NUMBERINGS = (
    re.compile(r"^\s*[((][一二三四五六七八九十]{1,3}[))]"),
    re.compile(r"^\s*[一二三四五六七八九十]{1,3}、"),
    re.compile(r"^\s*[((]\d{1,2}[))]"),
    re.compile(r"^\s*\d{1,2}[.、.](?!\d)"),
)
_PLACE_ONLY = re.compile(r"\s*([\u4e00-\u9fff]{2,12}?)[。::]?\s*$")


def place_sections(text: str, resolve: Callable[[str], str | None]) -> list[tuple[int, str]]:
    """Lines of a section headed by a numbered place alone ("(一)陇西县" over "今年计划脱贫1.2万人,…"), up to the
    next heading numbered the same way: (offset of the line's first character, the place's code) for each.

    >>> text = "(一)甲县\\n今年计划脱贫1.2万人。\\n(二)乙县\\n今年计划脱贫1万人。\\n(三)保障措施\\n加大投入5亿元。\\n"
    >>> [(text[a:a + 4], c) for a, c in place_sections(text, {"甲县": "1", "乙县": "2"}.get)]
    [('今年计划', '1'), ('今年计划', '2')]
    """
    out, code, style, pos = [], None, None, 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        numbered = next((n for n in _NUMBERINGS if n.match(line)), None)
        if numbered is not None and (style is None or numbered is style):
            rest = _PLACE_ONLY.fullmatch(line[numbered.match(line).end() :])
            code = resolve(rest.group(1)) if rest else None  # the heading is the place's name and nothing more
            style = numbered if code else None
            continue
        if code and line.strip():
            out.append((start + len(line) - len(line.lstrip()), code))
    return out


def _head_code(head: str, resolve) -> str | None:
    """The region a line opens with: the whole head, or its longest start that is one ("乐都区减贫3000人")."""
    for k in range(len(head), 1, -1):
        code = resolve(head[:k])
        if code:
            return code
    return None


_EXIT_WORD = r"(?:摘帽|退出|出列|脱贫)"
_COUNTY_COUNT = (
    r"(?:这|等|共|计)?\s*[一二两三四五六七八九十\d]+\s*个(?:贫困)?(?:县市区|县\(市、区\)|县区|县市|市县|县|区|市)"
)
_NAMES_AFTER = re.compile(
    r"(?P<cue>[^。;;,,\n]{0,30}?" + _EXIT_WORD + r"的)(?P<names>[^。;;,,\n]{4,400}?)" + _COUNTY_COUNT
)
_GROUPED_MARKER = re.compile(r"(?:分别为|分别是|名单如下|名单为|具体为|具体是|包括)\s*[::]")
_PREFECTURE_HEAD = re.compile(r"\s*[\u4e00-\u9fff]{2,8}?(?:[市州盟]|地区)?\s*[((][^()()]{1,12}[))]\s*[::]\s*")


def prose_exit_lists(text: str, resolve: Callable[[str], str | None]) -> list[tuple[str, str, int, int, str]]:
    """Counties named in a sentence about exits, in two prose layouts a line-by-line list does not catch:
    named after the exit words and closed by their count ("今年计划脱贫摘帽的甲县、乙县这2个县市区"), and grouped
    by prefecture after 分别为 with the exit words in that sentence or the one before ("还有3个县市要脱贫摘帽。
    剩下的3个县市分别为:某市(2县):甲县、乙县;另市(1县):丙县。"). Returns (name as written, code, start, end,
    context): start and end span what to quote (the phrase with its count, or the prefecture's group), the
    context holds the words of intent and the years of the list.

    >>> codes = {"甲县": "1", "乙县": "2", "丙县": "3", "丁县": "4"}
    >>> text = "今年计划脱贫摘帽的甲县、乙县这2个县。还有2个县要摘帽,分别为:某市(1县):丙县;另市(1县):丁县。"
    >>> [(n, c) for n, c, *_ in prose_exit_lists(text, codes.get)]
    [('甲县', '1'), ('乙县', '2'), ('丙县', '3'), ('丁县', '4')]
    >>> [(text[a:b], ctx) for *_, a, b, ctx in prose_exit_lists(text, codes.get)[1:3]]
    [('今年计划脱贫摘帽的甲县、乙县这2个县', '今年计划脱贫摘帽的'), ('某市(1县):丙县', '还有2个县要摘帽,分别为:')]

    """
    out: list[tuple[str, str, int, int, str]] = []
    for m in _NAMES_AFTER.finditer(text):
        found = _listed(text, m.start("names"), m.end("names"), resolve)
        if len(found) >= 2:
            out += [(name, code, m.start("cue"), m.end(), m.group("cue")) for name, code, _, _ in found]
    for m in _GROUPED_MARKER.finditer(text):
        s_start = max(text.rfind(ch, 0, m.start()) for ch in "。\n") + 1
        k = s_start
        while k > 0 and text[k - 1] in "。\n \t":
            k -= 1
        prev_start = max(text.rfind(ch, 0, k) for ch in "。\n") + 1
        clause = max(text.rfind(ch, prev_start, k) for ch in ",,;;") + 1
        own = text[s_start : m.end()]
        before = own if re.search(_EXIT_WORD, own) else text[max(prev_start, clause) : m.end()]
        if not re.search(_EXIT_WORD, before) or not re.search(_COUNTY_COUNT, text[s_start : m.start()]):
            continue
        end = len(text)
        for ch in "。\n":
            k = text.find(ch, m.end())
            end = min(end, k) if k >= 0 else end
        found = []
        for g in re.finditer(r"[^;;]+", text[m.end() : end]):
            a, b = m.end() + g.start(), m.end() + g.end()
            head = _PREFECTURE_HEAD.match(text, a, b)
            names = _listed(text, head.end() if head else a, b, resolve)
            if not names:
                found = []
                break
            a += len(text[a:b]) - len(text[a:b].lstrip())
            found += [(name, code, a, b) for name, code, _, _ in names]  # quoted with the prefecture's group
        if len(found) >= 2:
            out += [(*f, before) for f in found]
    return out


def _listed(text: str, lo: int, hi: int, resolve) -> list[tuple[str, str, int, int]]:
    """The 、-separated counties of text[lo:hi], all of them counties, else []."""
    out = []
    for m in re.finditer(r"[^、,,和及\s]+", text[lo:hi]):
        code = resolve(m.group())
        if code is None:
            return []
        out.append((m.group(), code, lo + m.start(), lo + m.end()))
    return out


_GOAL_HEADING = re.compile(
    r"^[^,,。;;!?]{0,12}(?:预期目标|主要目标|目标任务|主要指标|预期指标|工作目标|发展目标)[::]?$"
)
# a heading that is only the word for goals ("目 标", "主要目标"): every line below it up to the next heading
_BARE_GOAL_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十\d]+[))]|\d{1,2}[.、]?)?(?:主要|工作|预期|年度)?目标(?:任务)?[::]?$"
)
_SUBHEADING = re.compile(r"^[^\d,,。;;]{0,16}$")
_LIST_BREAK = re.compile(r"^(?:\d{1,2}(?![\d.%万亿个])|[一二三四五六七八九十]+、|[((][一二三四五六七八九十\d]+[))])")
MAX_GOAL_LINE = 50


def goal_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of a list of goals, one a line under a heading with no colon, blank lines between
    ("年工作预期目标" over "生产总值增长6%左右" "城镇新增就业38万人" …, gansu-2019-work-report-targets-list): three
    or more short lines, up to a long line or a numbered section. Under a heading that is only the word for goals
    ("目 标", "二、目标任务"), every line up to the next heading or numbered item, however long.

    >>> text = "2019年主要预期目标\\n\\n生产总值增长6%左右\\n\\n城镇新增就业38万人\\n\\n居民收入增长7%。\\n1打赢\\n"
    >>> [text[a:b] for a, b in goal_lines(text)]
    ['生产总值增长6%左右', '城镇新增就业38万人', '居民收入增长7%。']
    """
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            lines.append((pos + lead, pos + len(line.rstrip()), line.strip()))
        pos += len(line)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        heading = lines[i][2]
        if not _GOAL_HEADING.match(heading) and not _BARE_GOAL_HEADING.match(re.sub(r"\s", "", heading)):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and len(lines[j][2]) <= MAX_GOAL_LINE and not _LIST_BREAK.match(lines[j][2]):
            j += 1
            if lines[j - 1][2].endswith("。"):
                break
        if j - i - 1 < 3 and _BARE_GOAL_HEADING.match(re.sub(r"\s", "", heading)):
            j = i + 1  # a heading of one word: its lines, however long, up to the next heading
            while j < len(lines) and not _LIST_BREAK.match(lines[j][2]) and not _SUBHEADING.match(lines[j][2]):
                j += 1
            out += [(a, b) for a, b, _ in lines[i + 1 : j]]
        elif j - i - 1 >= 3:
            out += [(a, b) for a, b, _ in lines[i + 1 : j]]
        i = max(j, i + 1)
    return out + _bullet_goals(lines)


_BULLET = re.compile(r"^[●■◆▲•★◎]")
_SECTION_LABEL = re.compile(r"^【[^】]{1,10}】$")


def _bullet_goals(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The bullets of a list of points ("●易地扶贫搬迁安置建档立卡贫困人口6.4万人。") whose first bullet, or the
    line above, states intent ("●今年将深入推进十大扶贫工程,确保…"; jiangxi-2017-soviet-area-work-points-trad):
    every bullet of the run is a goal; short headings and 【section】 labels between bullets do not end it.

    >>> rows = [(0, 9, "●今年将确保脱贫10万人。"), (10, 19, "●易地搬迁3万人。"), (20, 22, "交通")]
    >>> _bullet_goals(rows + [(23, 30, "●新建公路500公里。")])
    [(0, 9), (10, 19), (23, 30)]
    """
    from .classify import DONE, states_intent

    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _BULLET.match(lines[i][2]):
            i += 1
            continue
        run, j = [], i
        while j < len(lines):
            body = lines[j][2]
            if _BULLET.match(body):
                run.append(j)
            elif not (len(body) <= 20 or _SECTION_LABEL.match(body)):
                break
            j += 1
        lead = [lines[i - 1][2]] if i else []
        opening = lead + [lines[k][2] for k in run[:1]]
        if len(run) >= 3 and any(states_intent(t) and not DONE.search(t) for t in opening):
            out += [(lines[k][0], lines[k][1]) for k in run]
        i = max(j, i + 1)
    return out


_ENUMERATOR = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,2}[))]|\d{1,2}[.、.])"
)
PART_CODE = "other:funds_line_item"


def enumerated_parts(figures: list, text: str) -> list:
    """Amounts that open the items of an enumerated list ("一是整合资金5613万元做好产业扶贫工程。二是…") after a
    total of money that they add up to no more than ("筹措资金63113万元精准投入十大工程"): parts of that total,
    as line items of its period, not funds of their own (jian-2017-ten-projects-trad).

    >>> from etl.extract.model import Extracted
    >>> text = "2017年筹措资金100万元投入三大工程。\\n一是资金60万元做好产业扶贫。\\n二是资金30万元用于安居扶贫。"
    >>> def f(v, a, y): return Extracted("target", None, None, "funds", 2017, y, v, "元", "=", "", a, a + 8)
    >>> found = [f(1e6, text.find("100") - 4, 2017), f(6e5, text.find("一是"), 2020), f(3e5, text.find("二是"), 2020)]
    >>> [(g.indicator, g.period_end) for g in enumerated_parts(found, text)]
    [('funds', 2017), ('other:funds_line_item', 2017), ('other:funds_line_item', 2017)]
    """
    funds = sorted((f for f in figures if f.indicator == "funds"), key=lambda f: f.start)
    items = [f for f in funds if _opens_item(text, f.start, f.end)]
    parts: dict[int, object] = {}
    for total in funds:
        if id(total) in parts or total in items:
            continue
        after = [f for f in items if f.start > total.start and f.kind == total.kind and id(f) not in parts]
        run = []
        for f in after:
            if run and text.count("\n", run[-1].end, f.start) > 3:
                break
            run.append(f)
        if len(run) >= 2 and sum(f.value for f in run) <= total.value * (1 + 1e-9):
            for f in run:
                parts[id(f)] = replace(
                    f, indicator=PART_CODE, period_start=total.period_start, period_end=total.period_end
                )
    return [parts.get(id(f), f) for f in figures]


def _opens_item(text: str, start: int, end: int) -> bool:
    """The amount is the first figure of an enumerated item: the item's enumerator, words, then the amount."""
    clause = max(text.rfind(ch, 0, start + 1) for ch in "。;;,,:\n") + 1
    head = text[clause:end]
    return bool(_ENUMERATOR.match(head)) and len(re.findall(r"\d+(?:\.\d+)?\s*[万亿]?元", head)) == 1
