"""Normalisation before extraction, with a map back to the original text.

Steps: traditional -> simplified characters (OpenCC ``t2s``, character by character when a phrase conversion
would change the length), full-width -> half-width, OCR letter O next to digits -> 0, and Chinese numerals
that count something (三十万人, 两千户, 百分之九十) -> Arabic digits (cn2an). Every character of the normalised
text knows the original span it came from, so a quote found in the normalised text maps back exactly:
``original[span(a, b)]``.

Example::

    >>> n = normalize_text("確保三十萬人脫貧")
    >>> n.text
    '确保300000人脱贫'
    >>> a, b = n.span(2, 9)
    >>> "確保三十萬人脫貧"[a:b]
    '三十萬人'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import cn2an

_CN_NUM = "零〇一二两三四五六七八九十百千万亿点"
# A Chinese numeral is a quantity when a measure word, a multiplier or % follows it.
_CN_QUANTITY = re.compile(
    rf"(?<![第初周星礼])(?P<num>[{_CN_NUM}]+)(?=(?:个|人|户|名|座|所|项|元|亩|公里|千米|间|套|处|家|村|县|批次|万|亿))"
    rf"|百分之(?P<pct>[{_CN_NUM}]+)"
)
_OCR_O = re.compile(r"(?<=\d)[Oo]|[Oo](?=\d)")
_CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")  # 「十三五」 in traditional texts reads as “十三五”
# Characters a bad simplified -> traditional conversion put for others, left by t2s: "進入瞭" (了), "國傢" (家).
_MISCONVERTED = re.compile(r"瞭(?!望)|傢(?!伙|俱)")
_MISCONVERTED_AS = {"瞭": "了", "傢": "家"}
_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十])[〇零一二三四五六七八九]{4}(?=年)")  # 二〇一八年 -> 2018年
_LETTER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d,。、;:%()“”]) (?=[\u4e00-\u9fff\d,。、;:%()“”])")


def letter_spacing(text: str) -> list[tuple[int, int, str]]:
    """Single spaces between the characters of a text copied from a PDF ("今 年 全 省 减 贫 20 万 人"), to drop;
    only when they are everywhere (a third of the Chinese characters or more) and split the words into single
    characters, so that ordinary text and a table written on one line ("序号 县区 资金 1 乐都区 819") keep their
    spaces.

    >>> len(letter_spacing("今 年 全 省 计 划 减 少 农 村 贫 困 人 口 20 万 人"))
    16
    >>> letter_spacing("海东市扶贫资金分配表 序号 县区 资金(万元) 1 乐都区 819 2 平安区 100 3 民和县 1226 合计 2145")
    []
    """
    spaces = [(m.start(), m.end(), "") for m in _LETTER_SPACE.finditer(text)]
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    words = [w for w in text.split() if re.search(r"[\u4e00-\u9fff]", w)]
    single = sum(len(re.findall(r"[\u4e00-\u9fff]", w)) == 1 for w in words)
    return spaces if len(spaces) >= 10 and len(spaces) * 3 >= cjk and single * 2 >= len(words) else []


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# "2018 年", "1月 25 日"; not two years apart ("2019年 2020年", a table's header)
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=[年月日万亿元个人户名%亩])|(?<=[年月]) (?=\d)(?!(?:19|20)\d{2} ?年)")
# Pinyin a page printed after a character, "實(shí)現(xiàn)": dropped (mapped to nothing).
_RUBY = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


@dataclass(frozen=True)
class Normalized:
    """The normalised text and, per character, the [start, end) span of the original it stands for."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original [start, end) of the normalised text[a:b] (b > a)."""
        if b <= a:
            pos = self.starts[a] if a < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[a], self.ends[b - 1]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified, keeping the length (per character where a phrase rule changes it).

    >>> to_simplified("貧困發生率")
    '贫困发生率'
    """
    converter = _t2s()
    out = converter.convert(text)
    if len(out) == len(text):
        return out
    return "".join(c2 if len(c2 := converter.convert(ch)) == 1 else ch for ch in text)


def _half_width(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    return ch


def _cn_value(num: str) -> str | None:
    if not any(c in num for c in "一二两三四五六七八九十百千"):
        return None
    if len(num) == 1 and num in "万亿千百":
        return None
    try:
        value = cn2an.cn2an(num, "smart")
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def normalize_text(original: str) -> Normalized:
    """The normalised text with its offset map (see the module docstring)."""
    simple = "".join(_half_width(ch) for ch in to_simplified(unicodedata.normalize("NFC", original)))
    if len(simple) != len(original):  # NFC merged characters: fall back to the unmerged text
        simple = "".join(_half_width(ch) for ch in to_simplified(original))
    simple = _OCR_O.sub("0", simple).translate(_CORNER_QUOTES)
    simple = _MISCONVERTED.sub(lambda m: _MISCONVERTED_AS[m.group()], simple)
    simple = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGIT[ch]) for ch in m.group()), simple)
    pieces: list[tuple[str, int, int]] = []  # (replacement text, original start, original end)
    pos = 0
    edits = [(m.start(), m.end(), "") for m in _RUBY.finditer(simple)]
    edits += [(m.start(), m.end(), "") for m in _DIGIT_SPACE.finditer(simple)]
    edits += hard_wraps(simple)
    edits += letter_spacing(simple)
    # "12,000人": a thousands separator written with an ASCII comma (a full-width ,between clauses stays)
    edits += [(m.start(), m.end(), "") for m in _THOUSANDS.finditer(simple) if original[m.start()] == ","]
    if edits:  # drop the ruby and stray spaces first, so that what they split reads whole
        dropped = set()
        for a, b, _ in edits:
            dropped.update(range(a, b))
        keep = [i for i in range(len(simple)) if i not in dropped]
        stripped = "".join(simple[i] for i in keep)
        inner = normalize_text(stripped)
        starts = tuple(keep[i] for i in inner.starts)
        ends = tuple(keep[i - 1] + 1 for i in inner.ends)
        return Normalized(original, inner.text, starts, ends)
    for m in _CN_QUANTITY.finditer(simple):
        num = m.group("num") or m.group("pct")
        value = _cn_value(num)
        if value is None:
            continue
        if m.group("num") and not _quantity_context(simple, m.start(), m.end()):
            continue
        pieces.append((simple[pos : m.start()], pos, m.start()))
        pieces.append((value + ("%" if m.group("pct") else ""), m.start(), m.end()))
        pos = m.end()
    pieces.append((simple[pos:], pos, len(simple)))
    text, starts, ends = [], [], []
    for piece, a, b in pieces:
        if b - a == len(piece):
            starts += range(a, b)
            ends += range(a + 1, b + 1)
        else:
            starts += [a] * len(piece)
            ends += [b] * len(piece)
        text.append(piece)
    return Normalized(original, "".join(text), tuple(starts), tuple(ends))


# A line break inside a sentence of a page laid out in fixed-width lines (a PDF's text layer): the long line before
# stops mid-sentence and the next, indented like it, goes on; a page's blank line may come between the two.
_WRAP = re.compile(r"(?<=[\u4e00-\u9fff\d%,、“”()])\n(?:[ \t\u3000]*\n)?([ \t\u3000]*)(?=[\u4e00-\u9fff\d“(])")


_COLUMNS = re.compile(r"\S(?:\t| {2,}|\u3000)\S|\|")  # a table row: cells apart by tabs, runs of spaces or bars


def _spaced_row(line: str) -> bool:
    """A table row with its cells one space apart ("4 沙坪镇 1 0.75 1 2.1 1 2.1 3 4.95", "户数 补助资金(万元) 户数 …"):
    three bare numbers, or four words or more most of them longer than one character (not letter-spaced prose).

    >>> _spaced_row("4 沙坪镇 1 0.75 1 2.1"), _spaced_row("序号 乡镇、街道 C级 D级")
    (True, True)
    >>> _spaced_row("今 年 全 省 减 少 20 万 人")
    False
    """
    words = line.split()
    numbers = sum(re.fullmatch(r"\d+(?:\.\d+)?", w) is not None for w in words)
    return numbers >= 3 or (len(words) >= 4 and sum(len(w) == 1 for w in words) * 2 < len(words))


def hard_wraps(text: str) -> list[tuple[int, int, str]]:
    """Spans of the line breaks (with the next line's indent) inside hard-wrapped paragraphs, to drop; only where
    at least three long lines in the text end mid-sentence, so that ordinary lines and lists stay apart.

    >>> t = "  " + "甲" * 30 + "\\n  乙" + "丙" * 30 + "\\n  丁" + "戊" * 30 + "\\n  己" + "庚" * 30 + "\\n  辛。"
    >>> len(hard_wraps(t))
    4
    """
    out = []
    for m in _WRAP.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
        following = text[m.end() : (text.find("\n", m.end()) + 1 or len(text) + 1) - 1].strip()
        if m.group().count("\n") == 2 and not _same_indent(text, m):
            continue  # after a blank line: a new paragraph, unless laid out at the same indent as the line before
        if len(line) >= 30 and not any(_COLUMNS.search(x) or _spaced_row(x) for x in (line, following)):
            out.append((m.start(), m.end(), ""))
    return out if len(out) >= 3 else []


def _same_indent(text: str, wrap: re.Match) -> bool:
    """The line before a wrap and the line after it start at the same indent of two or more spaces."""
    before = text[text.rfind("\n", 0, wrap.start()) + 1 : wrap.start()]
    indent = before[: len(before) - len(before.lstrip())]
    return len(indent) >= 2 and wrap.group(1) == indent


_NOT_QUANTITY_AFTER = re.compile(r"^(?:个全面|个一批|个精准|个新增|个不|个坚持|个到位|个落实|个清|个有|个好)")


def _quantity_context(text: str, a: int, b: int) -> bool:
    """False for names and idioms: 一把手, 三个新增, 五个一批, 一村一品, 十三五, 一村一品."""
    num = text[a:b]
    if _NOT_QUANTITY_AFTER.match(text[b:]):
        return False
    # 一/两/三 alone stay as written: "一个", "两户", "帮扶一户" are norms and slogans, read as such later
    return not (len(num) == 1 and num in "一二两三")
