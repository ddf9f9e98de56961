"""Sums of sub-regions (roll-ups) said as such in exports, as the region page says them.

A region with no figure of its own for a year shows the sum of its sub-regions (``Point.rolled_up``; how many
report: ``Progress.rollup``). The page marks such a value "Σ", notes "Σ 下级合计:5个下级中1个有数据(2018–2019年)" and
tags a status that judges a partial sum "(部分下级)"; an export must too, or a reader of the file takes a partial sum
for the region's own figure. Read only: the view's objects decide what is a sum; this module words it.

Example: ``mark("2.6万人", p.series["actual"][2018]) == "2.6万人 Σ"``
"""

from __future__ import annotations

from analysis import status as st
from analysis.progress import Progress, RollUp
from analysis.series import Point
from layouts.components import status_text
from layouts.overview_page import partial_text
from layouts.region_page import rollup_note_text
from text.i18n import t
from text.i18n_rollup import rollup_text

SIGMA = "Σ"

# column headers and labels the exports add (bilingual, Chinese first, as ``text.i18n.both``)
LABELS = {
    "col_basis": ("数据口径", "basis"),
    "rollup_note": ("下级合计", "sum of sub-regions"),
}


def label(key: str) -> str:
    """``label("col_basis") == "数据口径 basis"``."""
    zh, en = LABELS[key]
    return f"{zh} {en}"


def summed(point: Point | None) -> bool:
    """A value that is a sum of sub-regions (not a derived zero year, which says so itself)."""
    return point is not None and point.rolled_up and not point.derived


def mark(shown: str, point: Point | None) -> str:
    """A value as text with the page's Σ when it is a sum of sub-regions."""
    return f"{shown} {SIGMA}" if summed(point) else shown


def reporting(r: RollUp, years: list[int] | None = None, plan: bool = False) -> str:
    """How many sub-regions report in ``years`` (default: all the roll-up's): "1" or "1–3"; with ``plan``, how
    many a summed target adds up (``RollUp.plan_counts``), not how many report an actual."""
    by_year = r.plan_counts if plan else r.counts
    counts = [by_year[y] for y in (r.years if years is None else years) if y in by_year]
    low, high = min(counts, default=0), max(counts, default=0)
    return str(low) if low == high else f"{low}–{high}"


def note(p: Progress | None, lang: str) -> str | None:
    """The page's roll-up note (``layouts.region_page.rollup_note_text``), or None when every figure shown is the
    region's own."""
    return rollup_note_text(p, lang)


def partial_in(p: Progress | None, years) -> bool:
    """Whether a status over ``years`` judges a sum that leaves out sub-regions not reporting."""
    r = p.rollup if p is not None else None
    return r is not None and any(r.partial_in(y) for y in years)


def with_tag(shown: str, status: str | None, partial: bool, lang: str) -> str:
    """A status's words with the page's "(部分下级)" when it judges a partial sum; a status that judges nothing
    (no data) gets none, and one that says so already keeps its words:
    ``with_tag("✖ 落后", "behind", True, "zh") == "✖ 落后 (部分下级)"``."""
    tag = rollup_text("partial_tag", lang)
    if not partial or status in (None, st.NO_DATA) or tag.lower() in shown.lower():
        return shown
    return f"{shown} ({tag})"


def year_words(status: str | None, partial: tuple[int, int] | None, tagged_partial: bool, lang: str) -> str:
    """A year's status in words, as the page's year table gives it: a sum of only some sub-regions not comparable
    with the target says so (``YearCell.partial``: 「? 部分下级报告:7个下级中3个」, never "? 无报告数据" while figures
    are reported), a status judging a partial sum of the same sub-regions is tagged "(部分下级)" (``with_tag``)."""
    if partial is not None:
        return partial_text(partial, lang)
    return with_tag(status_text(status, lang) if status else "—", status, tagged_partial, lang)


def tagged(status: str | None, p: Progress | None, years, lang: str) -> str:
    """A status (code) in words, tagged when it judges a partial sum in one of ``years``."""
    shown = status_text(status, lang) if status else "—"
    return with_tag(shown, status, partial_in(p, years), lang)


def year_basis(p: Progress, year: int, lang: str) -> str:
    """What a year's row is made of: "本级", or which of its series are sums of sub-regions, how many report and
    whether the sum is partial: "下级合计 Σ:修订计划、实际(5个下级中1个有数据,部分下级)"."""
    series = {
        "plan_original": p.series["original"].get(year),
        "plan_revised": p.series["revised"].get(year),
        "actual": p.series["actual"].get(year),
    }
    sums = [t(key, lang) for key, point in series.items() if summed(point)]
    if not sums:
        return rollup_text("own", lang) if any(series.values()) else ""
    sep = ", " if lang == "en" else "、"
    colon = ": " if lang == "en" else ":"
    plan = not summed(series["actual"])  # only the plan is a sum: count the sub-regions it adds up
    return f"{rollup_text('sum', lang)}{colon}{sep.join(sums)}{_how_many(p, [year], lang, plan)}"


def _how_many(p: Progress, years: list[int], lang: str, plan: bool = False) -> str:
    r = p.rollup
    if r is None:
        return ""
    parts = [rollup_text("reporting", lang, total=r.total, reporting=reporting(r, years, plan))]
    if partial_in(p, years):
        parts.append(rollup_text("partial_tag", lang))
    return f" ({'; '.join(parts)})" if lang == "en" else f"({','.join(parts)})"


def points_by_id(p: Progress, extra: dict[int, Point] | None = None) -> dict[int, list[Point]]:
    """Figure id -> the points shown that read it (the annual series, the plan compared with, ``extra``)."""
    out: dict[int, list[Point]] = {}
    for points in (*p.series.values(), p.plan_points, extra or {}):
        for point in points.values():
            for i in point.figure_ids:
                out.setdefault(int(i), []).append(point)
    return out


def ids_basis(
    ids: list[int],
    p: Progress,
    by_id: dict[int, list[Point]],
    lang: str,
    plan: bool = False,
    point: Point | None = None,
) -> str:
    """A chart point's basis from the figures behind it (a cumulative point reads several years): "本级",
    "下级合计 Σ(5个下级中1个有数据,部分下级)", "本级 + 下级合计 Σ(…)" or "推得"; "" without figures. ``point``: the
    yearly bar's own point, when known (a derived zero shares its figures with the years the counties exited, which
    are sums); ``plan``: a target's row counts the sub-regions its sum adds up, not those reporting an actual."""
    points = [point] if point is not None else [pt for i in ids for pt in by_id.get(int(i), [])]
    if not points:
        return ""
    sums = sorted({pt.year for pt in points if summed(pt)})
    own = any(not pt.rolled_up for pt in points)
    if not sums:
        return rollup_text("own", lang) if own else rollup_text("derived", lang)
    return rollup_text("mixed" if own else "sum", lang) + _how_many(p, sums, lang, plan)
