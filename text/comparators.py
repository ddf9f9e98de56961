"""The one comparator table: how each stored comparator is shown, offered in a spreadsheet and read back.

Stored form (the ``figures.comparator`` column): ``=  >=  <=  >  <  ~``. Each row says how that comparator is
displayed (``28.52万人``, ``≥95%``, ``约3万``), which symbol a template or the edit grid offers in its drop-down
(``cell``), and which words a planner may type before or after a number (``≥95%``, ``95%以上``, ``约3万``).

Example::

    >>> COMPARATOR_ZH["~"], CELL["~"], CELL_CHOICES
    ('约', '~', ('=', '≥', '≤', '>', '<', '~'))
    >>> WORDS["以上"], WORDS["约"], WORDS[""]
    ('>=', '~', '=')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Comparator:
    stored: str
    cell: str  # offered by drop-downs (template, edit grid) and written into pre-filled cells
    zh: str  # display prefix in Chinese
    en: str  # display prefix in English
    prefixes: tuple[str, ...] = ()  # words typed before a number ("不低于95%")
    suffixes: tuple[str, ...] = ()  # words typed after a number ("95%以上")


COMPARATORS = (
    Comparator("=", "=", "", "", prefixes=("=",)),
    Comparator(">=", "≥", "≥", "≥ ", prefixes=(">=", "≥", "⩾", "不低于", "不少于", "至少"), suffixes=("以上",)),
    Comparator("<=", "≤", "≤", "≤ ", prefixes=("<=", "≤", "⩽", "不超过", "不高于"), suffixes=("以下", "以内")),
    Comparator(">", ">", ">", "> ", prefixes=(">", "高于", "超过"), suffixes=("多",)),
    Comparator("<", "<", "<", "< ", prefixes=("<", "低于")),
    Comparator("~", "~", "约", "~", prefixes=("约", "~"), suffixes=("左右",)),
)

COMPARATOR_ZH = {c.stored: c.zh for c in COMPARATORS}
COMPARATOR_EN = {c.stored: c.en for c in COMPARATORS}
CELL = {c.stored: c.cell for c in COMPARATORS}
CELL_CHOICES = tuple(c.cell for c in COMPARATORS)
# Longest word first, so "不低于" is read before "低于" and ">=" before ">".
PREFIXES = tuple(sorted(((w, c.stored) for c in COMPARATORS for w in c.prefixes), key=lambda p: -len(p[0])))
SUFFIXES = tuple(sorted(((w, c.stored) for c in COMPARATORS for w in c.suffixes), key=lambda p: -len(p[0])))
# A comparator cell on its own: blank, the stored form, its cell symbol, its display and every word above.
WORDS = {"": "="} | {
    word: c.stored for c in COMPARATORS for word in (c.stored, c.cell, c.zh, *c.prefixes, *c.suffixes) if word
}


def cell(stored: str | None) -> str:
    """The symbol a spreadsheet cell shows for a stored comparator: ``cell("~") == "~"``, ``cell(None) == "="``."""
    return CELL.get(stored or "=", "=")
