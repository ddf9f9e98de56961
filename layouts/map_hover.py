"""Hover text of the maps: every coloured region says its status in words, with the numbers' sources."""

from __future__ import annotations

import textwrap

from analysis.series import Point
from geo.progress import ExitDelay, Progress
from layouts.components import percent, status_text
from layouts.overview_page import PARTIAL_TAG, partial_text
from text.format import format_value
from text.i18n import reliability, t

JUDGED = ("achieved", "behind")  # the dashboard's own statuses: same icon and words as on every other page


def status_label(status: str, lang: str) -> str:
    """A map status in words with its icon: ``status_label("behind", "zh") == "✖ 落后"`` (as the overview says
    it); the map's own states (a target without a reported figure, an actual without a target, nothing) have theirs.
    """
    return status_text(status, lang) if status in JUDGED else t("status_" + status, lang)


def status_words(p: Progress, lang: str) -> str:
    """A region's status in words with its icon, and when it is of a sum of only some sub-regions, that mark (as
    the overview says it): ``"✖ 落后 · ? 部分下级 1/14"``; plan and actual of different sub-regions are not judged:
    ``"? 部分下级报告:14个下级中1个"``."""
    if p.partial is None:
        return status_label(p.status, lang)
    if p.status == "partial":
        return partial_text(p.partial, lang)
    tag = PARTIAL_TAG[1 if lang == "en" else 0].format(reporting=p.partial[0], total=p.partial[1])
    return f"{status_label(p.status, lang)} · {tag}"


def achievement_text(p: Progress) -> str:
    """The achievement as the rest of the app writes it: ``"42.9%"``; "" when it cannot be computed."""
    return percent(p.ratio * 100) if p.ratio is not None else ""


def planned_exit_text(d: ExitDelay, lang: str) -> str:
    """A county's planned exit year, or that it has none (无计划 no plan: not a figure missing from a report)."""
    return str(d.planned.year) if d.planned else t("no_planned_exit", lang)


def _source_line(point: Point | None, lang: str) -> str:
    if point is None or not point.quote:
        return ""
    quote = "<br>".join(textwrap.wrap(point.quote[:90] + ("…" if len(point.quote) > 90 else ""), 30))
    return f"<br><i>{reliability(point.reliability, lang)}</i>: {quote}"


def progress_hover(name: str, p: Progress, unit: str, lang: str) -> str:
    """Hover text: region, the year its status is for, plan, actual, status in words, achievement and the quotes
    behind them (on "latest year" maps each region's year differs, so the year has its own line)."""
    plan = format_value(p.plan.value, unit, lang, p.plan.comparator) if p.plan else t("no_target", lang)
    actual = format_value(p.actual.value, unit, lang, p.actual.comparator) if p.actual else t("no_figure", lang)
    lines = [
        f"<b>{name}</b>",
        f"{t('year', lang)}: {p.year or '—'}",
        f"{t('map_plan', lang)}: {plan}",
        f"{t('actual', lang)}: {actual}",
        f"{t('status', lang)}: {status_words(p, lang)}",
    ]
    if p.ratio is not None:
        lines.append(f"{t('achievement', lang)}: {achievement_text(p)}")
    if (p.plan and p.plan.rolled_up) or (p.actual and p.actual.rolled_up):
        lines.append(f"({t('rolled_up', lang)})")
    return "<br>".join(lines) + _source_line(p.plan, lang) + _source_line(p.actual, lang)


def exit_hover(name: str, d: ExitDelay, lang: str) -> str:
    """Hover text of one county on the exit map: planned and actual exit year, delay and sources."""
    none = t("no_figure", lang)
    lines = [
        f"<b>{name}</b>",
        f"{t('planned_exit', lang)}: {planned_exit_text(d, lang)}",
        f"{t('actual_exit', lang)}: {d.actual.year if d.actual else none}",
    ]
    if d.delay is not None:
        lines.append(f"{t('delay', lang)}: {d.delay}{t('years_unit', lang)}")
    lines.append(t("exit_" + d.category, lang))
    return "<br>".join(lines) + _source_line(d.planned, lang) + _source_line(d.actual, lang)
