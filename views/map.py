"""What a map shows, gathered from the database and the boundaries: regions, indicator, year, progress.

``build_view`` is shared by the map page, the region page's map panel, map export and the benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.indicators import is_additive
from db import map_queries, queries
from geo import boundaries
from geo.progress import ExitDelay, Progress, exit_delays, progress_by_region, years_with_figures
from layouts.map_figures import exit_map, progress_map
from text.i18n import name, t

EXIT_INDICATOR = "counties_exited"


@dataclass
class MapView:
    code: str | None  # None: the whole country
    features: list[dict]
    indicators: list[dict]
    indicator: str | None
    unit: str = ""
    years: list[int] = field(default_factory=list)
    year: int | None = None  # None: each region's latest year with figures
    colour_by: str = "status"
    plan_kind: str = "original"  # the plan measured against, as on the dashboard: original | revised
    exit_view: bool = False
    progress: dict[str, Progress] = field(default_factory=dict)
    delays: dict[str, ExitDelay] = field(default_factory=dict)
    title: str = ""
    in_region_table: bool = False
    national: bool = False
    background: list[dict] = field(default_factory=list)  # the national map's provinces, named by the region table
    crumbs: list[tuple[str | None, str]] = field(default_factory=list)  # (adcode or None for China, name), root first
    no_figures: bool = False  # the indicator asked for has no figures on this map (the page says so)


def _score(progress: dict[str, Progress]) -> tuple[int, int, int]:
    """Regions judged, then regions with a plan, then regions with any figure: what makes a map worth a look."""
    statuses = [p.status for p in progress.values()]
    judged = sum(s in ("achieved", "behind") for s in statuses)
    return judged, judged + statuses.count("awaiting"), sum(s != "no_data" for s in statuses)


def _best_indicator(session, counts: dict[str, int], catalogue: dict, subtrees, all_codes) -> str | None:
    """Among the five indicators with most figures, the one that colours most regions (latest years)."""
    candidates = [c for c in counts if c in catalogue][:5]
    if not candidates:
        return None

    def score(code: str):
        frame = map_queries.indicator_figures(session, code, all_codes)
        indicator = catalogue[code]
        progress = progress_by_region(frame, subtrees, None, indicator["direction"], additive=is_additive(indicator))
        return _score(progress), counts[code]

    return max(candidates, key=score)


def _regions(session, code: str | None) -> tuple[list[dict], bool] | None:
    """The features to colour and whether this is the national view of plan regions."""
    if code is None:
        found = [boundaries.feature(r["code"]) for r in map_queries.plan_regions(session)]
        return [f for f in found if f is not None], True
    if boundaries.feature(code) is None:
        return None
    return boundaries.children(code) or [boundaries.feature(code)], False


def _scope(session, features: list[dict]):
    """Codes on the map, each with its subtree in the region table, all those codes, indicator counts."""
    codes = [f["id"] for f in features]
    subtrees, all_codes = map_queries.scope(session, codes)
    return codes, subtrees, all_codes, map_queries.indicator_counts(session, all_codes)


def build_view(session, code: str | None, state: dict, lang: str) -> MapView | None:
    """Regions, indicator (URL's, else the one with most figures), year and progress for one map.

    Example: ``build_view(s, "621100", {"indicator": "counties_exited"}, "zh").exit_view is True``
    """
    regions = _regions(session, code)
    if regions is None:
        return None
    features, national = regions
    codes, subtrees, all_codes, counts = _scope(session, features)
    if code is not None and not counts and codes != [code]:
        # No sub-region holds a figure (海南's plan is province-wide): show the region itself, coloured.
        features = [boundaries.feature(code)]
        codes, subtrees, all_codes, counts = _scope(session, features)
    features = _with_table_names(features, map_queries.region_names(session, codes))
    catalogue = {i["code"]: i for i in queries.indicators(session)}
    indicators = [catalogue[c] for c in counts if c in catalogue]
    # The reader's indicator is kept even where this level has no figures of it (drilling down from 脱贫人口 must
    # not turn into 贫困县摘帽 without a word): the page then says so (``no_figures``) and offers the others.
    requested = state.get("indicator")
    chosen = requested if requested in catalogue else _best_indicator(session, counts, catalogue, subtrees, all_codes)
    no_figures = chosen is not None and chosen not in counts
    if no_figures:
        indicators = [*indicators, catalogue[chosen]]
    plan_kind = "revised" if state.get("plan") == "revised" else "original"
    view = MapView(
        code,
        features,
        indicators,
        chosen,
        national=national,
        plan_kind=plan_kind,
        in_region_table=code is not None and queries.region(session, code) is not None,
        no_figures=no_figures,
    )
    view.crumbs = crumbs(session, code, lang)
    here = view.crumbs[-1][1]
    if national:
        provinces = boundaries.children(None)
        view.background = _with_table_names(provinces, map_queries.region_names(session, [f["id"] for f in provinces]))
    if chosen is None:
        view.title = here
        view.progress = progress_by_region(map_queries.indicator_figures(session, "", []), subtrees, None)
        return view
    indicator = catalogue[chosen]
    view.unit = indicator["unit"]
    frame = map_queries.indicator_figures(session, chosen, all_codes)
    levels = {f["properties"]["level"] for f in features}
    if chosen == EXIT_INDICATOR and code is not None and levels != {"county"}:
        # Exits are county events: a province's or prefecture's exit map shows all its counties.
        counties = boundaries.counties_in(code)
        codes = [f["id"] for f in counties]
        view.features = _with_table_names(counties, map_queries.region_names(session, codes))
        frame, levels = map_queries.indicator_figures(session, chosen, codes), {"county"}
    if chosen == EXIT_INDICATOR and levels == {"county"}:
        view.exit_view = True
        view.delays = exit_delays(frame, codes, plan_kind)
        planned = any(d.planned for d in view.delays.values())
        view.title = f"{here} · {name(indicator, lang)} · {t('exit_map' if planned else 'exit_year', lang)}"
        return view
    view.years = years_with_figures(frame)
    wanted = int(state["year"]) if str(state.get("year", "")).isdigit() else None
    view.year = wanted if wanted in view.years else None  # None: each region's latest year
    view.colour_by = "achievement" if state.get("colour") == "achievement" else "status"
    parents = map_queries.region_parents(session)  # a sum of only some sub-regions says so (partial)
    additive = is_additive(indicator)  # a rate is the region's own: never its sub-regions' summed
    view.progress = progress_by_region(frame, subtrees, view.year, indicator["direction"], plan_kind, parents, additive)
    view.title = f"{here} · {name(indicator, lang)} · {view.year or t('map_latest_year', lang)}"
    return view


def crumbs(session, code: str | None, lang: str) -> list[tuple[str | None, str]]:
    """China, then each region down to ``code``, named by the region table (the one source of names; the boundary
    file's names only where the table lacks a region).

    Example: ``crumbs(s, "610000", "en") == [(None, "China"), ("610000", "Shaanxi Province")]``
    """
    chain, at = [], code
    while at:
        found = boundaries.feature(at)
        if found is None:
            break
        chain.append(found)
        at = found["properties"].get("parent")
    named = _with_table_names(chain[::-1], map_queries.region_names(session, [f["id"] for f in chain]))
    return [(None, t("china", lang)), *((f["id"], _feature_name(f, lang)) for f in named)]


def _with_table_names(features: list[dict], names: dict[str, dict]) -> list[dict]:
    """The region table's names win over the boundary file's (the table is the one source of names)."""
    out = []
    for f in features:
        known = names.get(f["id"])
        props = (
            {**f["properties"], "name_zh": known["name_zh"], "name_en": known["name_en"]} if known else f["properties"]
        )
        out.append({**f, "properties": props})
    return out


def _feature_name(feature: dict | None, lang: str) -> str:
    return feature["properties"]["name_en" if lang == "en" else "name_zh"] if feature else ""


def figure_of(view: MapView, lang: str, width_px: int = 900, height_px: int = 540):
    """The Plotly figure of a map view (national view: provinces as grey background, maritime line)."""
    if view.national:
        frame = boundaries.view(boundaries.children(None), width_px, height_px, min_share=0)  # with the South Sea
    else:
        frame = boundaries.view(view.features, width_px, height_px)
    if view.exit_view:
        return exit_map(view.features, view.delays, view.title, frame, lang)
    background = view.background if view.national else None
    maritime = boundaries.maritime_lines() if view.national else None
    return progress_map(
        view.features, view.progress, view.unit, view.title, frame, lang, view.colour_by, background, maritime
    )
