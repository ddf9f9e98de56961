"""Figures a text says more than once, and figures that stand for others: dropped after extraction.

A headline's rounded restatement, a rounded or exact repeat later in the text, a half-year milestone beside the
year's target, and a count of counties that are also named one by one are not targets of their own.

Example::

    >>> from .model import Extracted
    >>> a = Extracted("target", None, "1", "relocated_people", 2019, 2019, 14191.0, "人", "=", "建档立卡14191人", 0, 9)
    >>> b = Extracted("target", None, "1", "relocated_people", 2019, 2019, 14000.0, "人", "=", "剩余1.4万人", 20, 27)
    >>> [f.value for f in drop_repeats([a, b], [], "", "")]
    [14191.0]
"""

from __future__ import annotations

import re

from .model import Extracted
from .table_figures import restated

PART_OF_YEAR = re.compile(r"(?:(?:19|20)\d{2}年|今年|明年)(?:上半年|前三季度|[一二三1-3]季度|第[一二三]季度)")


def drop_repeats(prose: list[Extracted], tabled: list[Extracted], text: str, title: str) -> list[Extracted]:
    """The figures of the prose and the tables without repeats, milestones and counts of named counties (see the
    module docstring). Repeats are looked for in the prose only: two rows of a table may hold the same exact value
    (two counties with 3125人 each); a table's figure said again in a sentence is the table's (`restated`)."""
    prose = _milestones(_rounded_repeats(_dedupe(_headline_repeats(prose, text, title))))
    return _counts_of_named(restated(_exact_repeats(prose), tabled))


def _dedupe(figures: list[Extracted]) -> list[Extracted]:
    seen, out = set(), []
    for f in figures:
        key = (f.kind, f.region_code, f.indicator, f.period_start, f.period_end, f.value, f.tier)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _exact_repeats(figures: list[Extracted]) -> list[Extracted]:
    """A precise figure said again later ("其中建档立卡人口42187人" … "全市计划搬迁的42187名建档立卡人口") is one
    target: the later mention is dropped."""
    out, seen = [], {}
    for f in sorted(figures, key=lambda f: f.start):
        precise = f.value >= 1000 and f.value % 100 != 0
        if f.kind == "target" and precise and seen.get(f.value, f.start) != f.start:
            continue
        if f.kind == "target" and precise:
            seen.setdefault(f.value, f.start)
        out.append(f)
    order = {id(f): i for i, f in enumerate(figures)}
    return sorted(out, key=lambda f: order[id(f)])


def _counts_of_named(figures: list[Extracted]) -> list[Extracted]:
    """A count of counties ("计划摘帽的17个贫困县") whose counties are named one by one: the named exits stand
    for the count (tests/gold convention), so the count is dropped."""
    named: dict[tuple, int] = {}
    for f in figures:
        if f.indicator == "counties_exited" and f.value == 1 and f.kind == "target":
            named[f.period_end] = named.get(f.period_end, 0) + 1
    exits = [f for f in figures if f.indicator == "counties_exited" and f.kind == "target" and f.value == 1]

    def inside(f: Extracted) -> int:  # "宁夏最后1个贫困县" beside "剩余的1个贫困县(西吉县)": counties named within it
        prefix = (f.region_code or "").rstrip("0")
        return sum(
            g.period_end == f.period_end and g.region_code != f.region_code and (g.region_code or "").startswith(prefix)
            for g in exits
        )

    return [
        f
        for f in figures
        if not (f.indicator == "counties_exited" and f.kind == "target" and 1 < f.value <= named.get(f.period_end, 0))
        and not (f in exits and len(f.region_code or "") == 6 and f.region_code.endswith("00") and inside(f) >= 1)
    ]


def _milestones(figures: list[Extracted]) -> list[Extracted]:
    """A figure due part-way through a year ("力争2017年上半年完成…8万人左右") beside a target of the same
    indicator for that year ("确保到2017年底完成…18万人左右") is a milestone of it, not a second target."""

    def partial(f):
        return PART_OF_YEAR.search(f.quote) is not None

    return [
        f
        for f in figures
        if not (
            f.kind == "target"
            and partial(f)
            and any(
                g.kind == "target" and g.indicator == f.indicator and g.period_end == f.period_end and not partial(g)
                for g in figures
            )
        )
    ]


def _rounded_repeats(figures: list[Extracted]) -> list[Extracted]:
    """A figure restated rounded ("确保剩余1.4万贫困人口…" after "其中建档立卡14191人") is not a second target:
    drop a target written with two significant digits before 万 when a precise target of the same period and unit
    lies within 3% of it."""

    def rounded(f):
        m = re.search(r"(\d+(?:\.\d+)?)万", f.quote)
        whole = m is not None and "." not in m.group(1) and not re.search(r"[约近]$", f.quote[: m.start()])
        if f.unit == "元" and whole:
            return False  # "省级财政扶贫专项资金730万元": money in whole 万 is an amount of its own
        return m is not None and len(m.group(1).replace(".", "").strip("0")) <= 2 and f.value % 1000 == 0

    return [
        f
        for f in figures
        if not (
            f.kind == "target"
            and rounded(f)
            and any(
                g is not f
                and g.kind == "target"
                and g.unit == f.unit
                and (g.period_start, g.period_end) == (f.period_start, f.period_end)
                and g.value % 1000 != 0
                and 0 < abs(g.value - f.value) <= 0.03 * g.value
                for g in figures
            )
        )
    ]


def _headline_repeats(figures: list[Extracted], text: str, title: str) -> list[Extracted]:
    """A headline's rounded restatement of a body figure ("贵州今年将易地扶贫搬迁75万人" over 75.2万) is not a
    second target: drop a headline figure when the body has the same series within 5%, or a target of the same unit
    within 5% when the headline's name is no catalogue indicator (the body names it better); and a headline target
    the body tells as a result ("9年扶持85万人脱贫" over "…累计扶持85万人脱贫") with no target near it. A page may
    print its headline again above the body: each copy of the title is the headline."""
    at = text.find(title) if title else -1
    if at < 0:
        return figures
    copies, i = [], at
    while i >= 0:
        copies.append((i, i + len(title)))
        i = text.find(title, i + len(title))

    def headline(f) -> bool:
        return len(title) <= 60 and any(a <= f.start < b for a, b in copies)

    def in_head(f) -> bool:
        return f.start < copies[0][1] or headline(f)

    def series(f):
        return (f.kind, f.region_code, f.indicator, f.period_start, f.period_end, f.tier)

    def same(b, f):  # a headline's own years may be read otherwise ("4年内590万" over "到2019年…590万")
        if series(b) == series(f):
            return True
        if not headline(f):
            return False
        if b.kind == f.kind == "target" and b.unit == f.unit and f.indicator.startswith("other:"):
            return True  # "“十三五”…将带动四十六万人口脱贫" over the body's "46.4万贫困人口实现脱贫", named better
        return (b.kind, b.region_code, b.indicator, b.tier) == (f.kind, f.region_code, f.indicator, f.tier)

    def near(a: float, b: float) -> bool:
        return abs(a - b) <= 0.05 * max(a, b)

    def slipped(a: float, b: float) -> bool:  # "188万贫困人口" over the body's 1.88万: a point lost in the headline
        return any(near(a, b * 10**k) for k in (1, 2, 3))

    def told_done(f) -> bool:  # the body's result of the same value, and no target of the body near it
        done = any(
            b.kind == "actual" and (b.indicator, b.unit, b.value) == (f.indicator, f.unit, f.value) for b in body
        )
        return done and not any(b.kind == "target" and b.unit == f.unit and near(b.value, f.value) for b in body)

    body = [f for f in figures if not in_head(f)]
    return [
        f
        for f in figures
        if not in_head(f)
        or not any(same(b, f) and (near(b.value, f.value) or slipped(f.value, b.value)) for b in body)
        and not (headline(f) and f.kind == "target" and told_done(f))
    ]
