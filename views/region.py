"""The region page's data: the region, the indicators it offers (headline first), the chosen one's progress and
years, its sub-regions' bars and the consistency checks, all from ``db.scaled_views.region_records``.

The page (``callbacks/region.py``), the chart and data exports (``export/chart_data.py``, ``export/children.py``,
``export/briefing.py``) and the benchmark's pandas peer (``bench/peer.py``) call ``region_view``.

Example::

    view = region_view(s, "610000", "?plan=revised")
    view.indicator["code"], view.progress.period.status, [c["code"] for c in view.children]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from sqlalchemy.orm import Session

from analysis.children import SubRegions, apply_rollup, child_totals, sub_regions, years_text
from analysis.consistency import consistency_checks
from analysis.indicators import headline_order, is_additive
from analysis.overview import year_bounds
from analysis.progress import Progress, progress
from analysis.series import Point, records, stretch_points, stretch_years
from auth.policy import Principal
from db import notes, queries, scaled_views
from layouts import urlstate
from text.i18n import name
from views.approval import count_pending

Reader = Callable[[Session, str], tuple[list[dict], list[dict]]]
_INDICATOR, _KIND = itemgetter("indicator"), itemgetter("kind")


@dataclass
class RegionView:
    path: list[dict]  # the region and its ancestors, root first; [] for an unknown code
    state: dict  # the view state (lang, plan, from, to, indicator shown)
    bounds: tuple[int, int] = (0, 0)
    regions: list[dict] = field(default_factory=list)  # the regions the records cover (path, sub-regions)
    figures: list[dict] = field(default_factory=list)  # every record the page read, all indicators
    by_indicator: dict[str, list[dict]] = field(default_factory=dict)  # ``figures`` by indicator, in their order
    catalogue: dict[str, dict] = field(default_factory=dict)
    options: list[dict] = field(default_factory=list)  # indicators with figures, headline order
    indicator: dict | None = None
    progress: Progress | None = None
    years: list[int] = field(default_factory=list)  # the years the charts show
    stretch: dict[int, Point] = field(default_factory=dict)  # 力争 / 奋斗目标 tier: beside the plan, never summed
    children: list[dict] = field(default_factory=list)  # sub-region bars: code, label, plan, actual, ids, status
    checks: list = field(default_factory=list)  # consistency between levels
    names: dict[str, str] = field(default_factory=dict)
    notes: list[dict] = field(default_factory=list)  # notes (说明) on the region and the chosen indicator
    tree: SubRegions | None = None  # ``regions`` walked once, for every roll-up the page shows

    @property
    def sub_regions(self) -> SubRegions:
        """``tree``, or the walk of ``regions`` for a view made without it."""
        return self.tree if self.tree is not None else sub_regions(self.regions, self.region["code"])

    @property
    def region(self) -> dict | None:
        return self.path[-1] if self.path else None

    @property
    def lang(self) -> str:
        return self.state["lang"]

    def indicator_figures(self, code: str) -> list[dict]:
        if self.by_indicator:
            return list(self.by_indicator.get(code, ()))
        return [r for r in self.figures if r["indicator"] == code]


def child_rows(
    figures: list[dict],
    regions: list[dict],
    code: str,
    indicator: dict,
    plan: str,
    lo: int,
    hi: int,
    lang: str,
    tree: SubRegions | None = None,
) -> list[dict]:
    """Sub-region rows for the children chart: code, name, label, years, plan, actual, figure ids, status. The
    label says the years its plan and actual are compared over ("昭通市 · 2016"), as they may differ by child, and
    the years its status is of where those differ ("通江县 · 2018–2019(状态:2019年)": 100% over both years, yet
    behind in 2019). ``tree``: ``sub_regions(regions, code)``, when the caller has it already."""
    by_code = {r["code"]: r for r in regions}
    out = []
    for row in child_totals(figures, regions, code, indicator, plan, lo, hi, tree):
        shown = name(by_code[row["code"]], lang)
        label = f"{shown} · {years_text(row['years'])}" if row["years"] else shown
        if row["status"] is not None and row["status_years"] != row["years"]:
            which = years_text(row["status_years"])
            label += f" (status: {which})" if lang == "en" else f"(状态:{which}年)"
        out.append({**row, "name": shown, "label": label})
    return out


def region_view(
    session: Session,
    code: str,
    search: str | None = "",
    *,
    indicator: str | None = None,
    lang: str | None = None,
    read: Reader = scaled_views.region_records,
    viewer: Principal | None = None,
) -> RegionView:
    """Everything the region page shows for ``code`` and its query string ``search``.

    The indicator is the query string's when the region has figures for it, else the first in the catalogue's
    headline order (``analysis.indicators``); ``indicator=`` forces one (an export names its chart's).
    ``read`` gives (regions, figure records); the benchmark's peer passes its own. Unknown code: ``path == []``.
    With ``?pending=1`` the page also counts the batches waiting for approval that ``viewer`` may see
    (``views.approval``); without a viewer (exports, the API) it shows what counts for everyone.

    Example: ``region_view(s, "621100").indicator["code"] == "poor_population_reduced"``
    """
    count_pending(session, search, viewer)
    path = queries.region_path(session, code)
    if not path:
        state = urlstate.parse(search)
        return RegionView([], {"lang": lang or urlstate.lang_of(state)})
    regions, figures = read(session, code)
    bounds = queries.year_span(session) or year_bounds(figures)
    state = urlstate.view_state(search, bounds)
    if lang:
        state["lang"] = lang
    catalogue = {i["code"]: i for i in queries.indicators(session)}
    by_indicator: dict[str, list[dict]] = {}
    for indicator_code, rows in groupby(figures, _INDICATOR):  # records come by region, then indicator
        group = by_indicator.get(indicator_code)
        if group is None:
            by_indicator[indicator_code] = list(rows)
        else:
            group.extend(rows)
    counts = {c: len(rows) + 9 * list(map(_KIND, rows)).count("target") for c, rows in by_indicator.items()}
    available = [c for c in headline_order(counts) if c in catalogue]
    view = RegionView(path, state, bounds, regions, figures, by_indicator, catalogue, [catalogue[c] for c in available])
    view.tree = sub_regions(regions, code)
    if indicator is not None:
        chosen = indicator if indicator in catalogue else None
    else:
        chosen = state["indicator"] if state["indicator"] in available else (available[0] if available else None)
    if chosen is None:
        return view
    lo, hi, lang = state["from"], state["to"], state["lang"]
    view.state = {**state, "indicator": chosen}
    view.indicator = catalogue[chosen]
    figs = view.indicator_figures(chosen)
    view.progress = progress(records(figs), code, view.indicator, state["plan"], lo, hi, committed=True)
    view.stretch = stretch_points(figs, code, state["plan"])
    view.progress.plan_unknown = sorted(stretch_years(figs, state["plan"]) - set(view.progress.plan_points))
    view.years = [y for y in sorted(set().union(*view.progress.series.values(), view.stretch)) if lo <= y <= hi]
    apply_rollup(view.progress, view.tree, view.years)  # Σ said, partial sums left unjudged
    view.children = child_rows(figs, regions, code, view.indicator, state["plan"], lo, hi, lang, view.tree)
    additive = is_additive(view.indicator)
    view.checks = consistency_checks(figs, code, state["plan"], regions, view.tree.children, additive)
    view.names = {r["code"]: name(r, lang) for r in regions}
    view.notes = notes.notes(session, [code], chosen)  # the region exists: its path was found
    return view


def indicator_summary(view: RegionView) -> list[tuple[dict, Progress]]:
    """The region's own status per indicator with targets (the page's status grid), worst first."""
    code, state, tree = view.region["code"], view.state, view.sub_regions
    by_indicator = view.by_indicator or {}
    if not by_indicator:
        for r in view.figures:
            by_indicator.setdefault(r["indicator"], []).append(r)

    def assessed(c: dict) -> Progress:
        if view.progress is not None and view.indicator is not None and c["code"] == view.indicator["code"]:
            return view.progress  # the chosen indicator's, assessed already with the same figures and state
        rows = records(by_indicator[c["code"]])  # one indicator's already: no filter by indicator to run again
        q = progress(rows, code, c, state["plan"], state["from"], state["to"], committed=True)
        return apply_rollup(q, tree)  # a partial sum is no judgement here either

    summary = [
        (view.region, assessed(c)) for c in view.options if "target" in map(_KIND, by_indicator.get(c["code"], ()))
    ]
    summary = [(region, q) for region, q in summary if q.years or q.period is not None]
    summary.sort(key=lambda row: row[1].worst)
    return summary
