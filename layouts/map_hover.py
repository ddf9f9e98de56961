"""Hover text of the maps: every coloured region says its status in words, with the numbers' sources."""

from __future__ import annotations

import textwrap

from analysis.series import Point
from geo.progress import ExitDelay, Progress
from text.format import format_value
from text.i18n import reliability, t


def _source_line(point: Point | None, lang: str) -> str:
    if point is None or not point.quote:
        return ""
    quote = "<br>".join(textwrap.wrap(point.quote[:90] + ("…" if len(point.quote) > 90 else ""), 30))
    return f"<br><i>{reliability(point.reliability, lang)}</i>: {quote}"


def progress_hover(name: str, p: Progress, unit: str, lang: str) -> str:
    """Hover text: region, year, plan, actual, status in words, achievement and the quotes behind them."""
    plan = format_value(p.plan.value, unit, lang, p.plan.comparator) if p.plan else t("no_figure", lang)
    actual = format_value(p.actual.value, unit, lang, p.actual.comparator) if p.actual else t("no_figure", lang)
    lines = [
        f"<b>{name}</b> {p.year or ''}",
        f"{t('map_plan', lang)}: {plan}",
        f"{t('actual', lang)}: {actual}",
        f"{t('status', lang)}: {t('status_' + p.status, lang)}",
    ]
    if p.ratio is not None:
        lines.append(f"{t('achievement', lang)}: {p.ratio:.0%}")
    if (p.plan and p.plan.rolled_up) or (p.actual and p.actual.rolled_up):
        lines.append(f"({t('rolled_up', lang)})")
    return "<br>".join(lines) + _source_line(p.plan, lang) + _source_line(p.actual, lang)


def exit_hover(name: str, d: ExitDelay, lang: str) -> str:
    """Hover text of one county on the exit map: planned and actual exit year, delay and sources."""
    none = t("no_figure", lang)
    lines = [
        f"<b>{name}</b>",
        f"{t('planned_exit', lang)}: {d.planned.year if d.planned else none}",
        f"{t('actual_exit', lang)}: {d.actual.year if d.actual else none}",
    ]
    if d.delay is not None:
        lines.append(f"{t('delay', lang)}: {d.delay}{t('years_unit', lang)}")
    lines.append(t("exit_" + d.category, lang))
    return "<br>".join(lines) + _source_line(d.planned, lang) + _source_line(d.actual, lang)
