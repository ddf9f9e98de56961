"""Text fitted to a width in exported images, where Plotly wraps a table cell only at spaces and an annotation
never: widths in half-width characters (a Chinese character is two)."""

from __future__ import annotations

import unicodedata


def units(text: str) -> int:
    """Width in half-width characters: ``units("安定区 2016") == 11``."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def line_count(text: str, width: int) -> int:
    """Lines a table cell wraps ``text`` to at spaces, ``width`` half-width characters a line (a longer word
    overflows its one line, as Plotly draws it): ``line_count("Anding District · 2016, 2019 (status: 2016)", 20)
    == 3``, ``line_count("✖ 落后", 5) == 2``."""
    lines, used = 1, 0
    for word in text.split():
        size = units(word)
        if used and used + 1 + size > width:
            lines, used = lines + 1, size
        else:
            used += size + (1 if used else 0)
    return lines


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` half-width characters: broken at spaces, and a Chinese word wider than a
    line where it reaches the line's end; a Latin word (an address) stays whole:
    ``wrap("? 部分下级报告:7个下级中3个", 10) == ["?", "部分下级报", "告:7个下级", "中3个"]``."""
    lines: list[str] = []
    for word in text.split():
        if lines and units(lines[-1]) + 1 + units(word) <= width:
            lines[-1] += " " + word
            continue
        lines.append("")
        if units(word) == len(word):
            lines[-1] = word
            continue
        for char in word:
            if lines[-1] and units(lines[-1] + char) > width:
                lines.append("")
            lines[-1] += char
    return lines or [""]
