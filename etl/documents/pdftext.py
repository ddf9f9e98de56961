"""A PDF page's text layer as paragraphs: wrapped lines joined, radical look-alikes turned into characters.

PDF printers wrap a sentence over several lines and CJK fonts often map 人/工/方 to the Kangxi radicals ⼈/⼯/⽅
(the same glyph): left as is, quotes would break at line ends and never match "人".
"""

from __future__ import annotations

import re
import unicodedata

# CJK Radicals Supplement code points that fonts use for common characters (Kangxi radicals go through NFKC)
RADICALS = str.maketrans(
    "⺟⺠⻄⻅⻆⻓⻔⻘⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳⻋⻉⻁⻊⺝⺁⻑⻈",
    "母民西见角长门青页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟车贝虎足月厂長讠",
)
_KANGXI = re.compile("[\u2f00-\u2fdf]")
SENTENCE_END = '。!?!?;;::」』”")》'


def plain_characters(text: str) -> str:
    """Example: ``plain_characters("贫困⼈⼝⺠") == "贫困人口民"``"""
    text = _KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(RADICALS)


def _joiner(previous: str, following: str) -> str:
    return " " if previous[-1:].isascii() and previous[-1:].isalnum() and following[:1].isascii() else ""


def page_paragraphs(lines: list[dict]) -> str:
    """Join pdfplumber text lines (text, x0, x1) that run to the right edge and do not end a sentence.

    Example: ``page_paragraphs([{"text": "确保全市2017年减少贫困", "x0": 34, "x1": 575},
    {"text": "人口21.65万人。", "x0": 34, "x1": 300}]) == "确保全市2017年减少贫困人口21.65万人。"``
    """
    if not lines:
        return ""
    right = max(line["x1"] for line in lines)
    out: list[str] = []
    wrapped = False
    for line in lines:
        text = plain_characters(line["text"].strip())
        if not text:
            continue
        if wrapped and out:
            out[-1] += _joiner(out[-1], text) + text
        else:
            out.append(text)
        em = (line["x1"] - line["x0"]) / max(len(text), 1)
        wrapped = line["x1"] >= right - 1.5 * em and text[-1] not in SENTENCE_END
    return "\n".join(out)


def reflow_text(text: str) -> str:
    """Plain text lines (OCR output) joined where a line runs to the longest line's length without ending a
    sentence. Example: ``reflow_text("确保全市减少贫困\\n人口1万人。\\n") == "确保全市减少贫困人口1万人。"``"""
    lines = [line.strip() for line in text.split("\n")]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    wrapped = False
    for line in lines:
        if wrapped and line and out:
            out[-1] += _joiner(out[-1], line) + line
        else:
            out.append(line)
        wrapped = bool(line) and len(line) >= 0.8 * width and line[-1] not in SENTENCE_END
    return "\n".join(out).strip()
