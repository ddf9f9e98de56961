"""PDF post-processing: text that copies and searches as written, and several PDFs merged into one.

Chromium writes CJK glyphs that Noto Sans CJK shares with a radical (人, 口, 页 …) with the radical's code
point in the ToUnicode map, so copied or extracted text reads "⼈⼝" instead of "人口". The map is rewritten
to the unified ideograph; the drawing is untouched.

Chromium names each glyph by the lowest code point the font maps to it. Where Noto Sans CJK SC draws a
simplified character with the glyph of a radical (户 is drawn by ⼾'s glyph), that radical is read as the
character it shares a glyph with in SC, not as its compatibility decomposition (⼾ decomposes to the
traditional 戶, which SC draws differently).
"""

from __future__ import annotations

import io
import re
import unicodedata

import pikepdf

_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]{4,8})>\s*$")


# CJK Radicals Supplement characters without a compatibility decomposition, and the unified ideograph each
# shares its glyph with (after Unicode's EquivalentUnifiedIdeograph.txt): 页 would otherwise read as ⻚.
RADICAL_SUPPLEMENT = {
    0x2E81: 0x5382,
    0x2E85: 0x4EBB,
    0x2E86: 0x5182,
    0x2E89: 0x5202,
    0x2E8A: 0x535C,
    0x2E8B: 0x353E,
    0x2E8F: 0x5C23,
    0x2E90: 0x5C22,
    0x2E92: 0x5DF3,
    0x2E93: 0x5E7A,
    0x2E94: 0x5F51,
    0x2E96: 0x5FC4,
    0x2E98: 0x624C,
    0x2E99: 0x6535,
    0x2E9B: 0x65E1,
    0x2E9D: 0x6708,
    0x2EA0: 0x6C11,
    0x2EA1: 0x6C35,
    0x2EA3: 0x706C,
    0x2EA4: 0x722B,
    0x2EA6: 0x4E2C,
    0x2EA8: 0x72AD,
    0x2EA9: 0x738B,
    0x2EAA: 0x758B,
    0x2EAB: 0x7F52,
    0x2EAC: 0x793A,
    0x2EAD: 0x793B,
    0x2EAF: 0x7CF9,
    0x2EB0: 0x7E9F,
    0x2EB1: 0x7F53,
    0x2EB2: 0x7F52,
    0x2EB3: 0x34C1,
    0x2EB9: 0x8002,
    0x2EBB: 0x807F,
    0x2EBE: 0x8279,
    0x2EC2: 0x8864,
    0x2EC3: 0x8980,
    0x2EC4: 0x897F,
    0x2EC5: 0x89C1,
    0x2EC6: 0x89D2,
    0x2EC8: 0x8BA0,
    0x2EC9: 0x8D1D,
    0x2ECB: 0x8F66,
    0x2ECC: 0x8FB6,
    0x2ECD: 0x8FB6,
    0x2ECF: 0x961D,
    0x2ED0: 0x9485,
    0x2ED1: 0x9577,
    0x2ED3: 0x957F,
    0x2ED4: 0x95E8,
    0x2ED6: 0x961D,
    0x2ED8: 0x9752,
    0x2ED9: 0x97E6,
    0x2EDA: 0x9875,
    0x2EDB: 0x98CE,
    0x2EDC: 0x98DE,
    0x2EDD: 0x98DF,
    0x2EDF: 0x98E0,
    0x2EE0: 0x9963,
    0x2EE2: 0x9A6C,
    0x2EE3: 0x9AA8,
    0x2EE4: 0x9B3C,
    0x2EE5: 0x9C7C,
    0x2EE6: 0x9E1F,
    0x2EE7: 0x5364,
    0x2EE8: 0x9EA6,
    0x2EE9: 0x9EC4,
    0x2EEA: 0x9EFE,
    0x2EEB: 0x6589,
    0x2EEC: 0x9F50,
    0x2EED: 0x6B6F,
    0x2EEE: 0x9F7F,
    0x2EEF: 0x7ADC,
    0x2EF0: 0x9F99,
    0x2EF1: 0x4E80,
    0x2EF2: 0x4E80,
}


# Glyphs Noto Sans CJK SC (Regular and Bold) shares between a lower code point and one common ideograph:
# the lower code point (what Chromium writes) -> the ideograph drawn. From the font's cmap.
SHARED_GLYPH_SC = {
    0x2E82: 0x4E5B,  # ⺂ 乛
    0x2E83: 0x4E5A,  # ⺃ 乚
    0x2E95: 0x5F50,  # ⺕ 彐
    0x2E9E: 0x6B7A,  # ⺞ 歺
    0x2EBA: 0x8080,  # ⺺ 肀
    0x2ED2: 0x9578,  # ⻒ 镸
    0x2EF1: 0x9F9C,  # ⻱ 龜
    0x2F3E: 0x6237,  # ⼾ 户 (its decomposition 戶 has a glyph of its own)
    0x3ADA: 0x66F6,  # 㫚 曶
    0x3B35: 0x80F6,  # 㬵 胶
    0x3B3A: 0x5E50,  # 㬺 幐
    0x3BA3: 0x69E9,  # 㮣 槩
}


def _unified(code: int) -> int:
    """The unified ideograph for a radical or compatibility ideograph code point; others unchanged.

    Example: ``_unified(0x2F08) == 0x4EBA`` (⼈ -> 人), ``_unified(0x2EDA) == 0x9875`` (⻚ -> 页),
    ``_unified(0x2F3E) == 0x6237`` (⼾ -> 户, the character Noto Sans CJK SC draws with that glyph).
    """
    if code in SHARED_GLYPH_SC:
        return SHARED_GLYPH_SC[code]
    if code in RADICAL_SUPPLEMENT:
        return RADICAL_SUPPLEMENT[code]
    if 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF:
        normal = unicodedata.normalize("NFKC", chr(code))
        if len(normal) == 1:
            return ord(normal)
    return code


def _fix_line(line: bytes) -> bytes:
    match = _HEX.search(line)
    if not match or len(match.group(1)) != 4:
        return line
    code = int(match.group(1), 16)
    fixed = _unified(code)
    return line if fixed == code else line[: match.start(1)] + f"{fixed:04X}".encode() + line[match.end(1) :]


def fix_cmap(cmap: bytes) -> bytes:
    """Map radicals in ``bfchar`` entries to unified ideographs.

    Example: ``fix_cmap(b"1 beginbfchar\\n<3B> <2F08>\\nendbfchar") == b"1 beginbfchar\\n<3B> <4EBA>\\nendbfchar"``
    """
    return _BFCHAR.sub(
        lambda m: b"beginbfchar" + b"\n".join(_fix_line(x) for x in m.group(1).split(b"\n")) + b"endbfchar", cmap
    )


def _fix_fonts(doc: pikepdf.Pdf) -> None:
    seen: set[tuple[int, int]] = set()
    for page in doc.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for _, font in fonts.items():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            data = cmap.read_bytes()
            fixed = fix_cmap(data)
            if fixed != data:
                cmap.write(fixed)


def merge(pdfs: list[bytes], title: str = "", fix_text: bool = True) -> bytes:
    """Concatenate PDFs (one or more pages each) into one document, fixing extractable CJK text.

    Example: ``merge([render(page1, "pdf"), render(page2, "pdf")], title="定西市 简报")``
    """
    out = pikepdf.Pdf.new()
    sources = [pikepdf.Pdf.open(io.BytesIO(data)) for data in pdfs]
    for src in sources:
        out.pages.extend(src.pages)
    if fix_text:
        _fix_fonts(out)
    if title:
        with out.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
        out.docinfo["/Title"] = title
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
