"""Reads: functions take a session and return plain data (dicts; a DataFrame only where pandas is the point),
never components. ``figures`` is the one read path for figure records."""

from __future__ import annotations

import functools

import pandas as pd
from sqlalchemy import bindparam, case, func, literal_column, select, text
from sqlalchemy.orm import Session, aliased

from db import rollups, tree, visibility
from db.batch_rows import of_batches
from db.cache import cached, per_transaction
from db.models import Batch, Figure, FigureRollup, Indicator, PlanVersion, Region, Source
from db.session import core_execute, dict_rows
from db.visibility import APPROVED, COUNTS, included, live, live_for

LIVE = COUNTS  # what counts for everyone: not reverted, approved (db/visibility.py)

FIGURE_COLUMNS = [
    "id",
    "kind",
    "region_code",
    "region_name",
    "indicator",
    "period_start",
    "period_end",
    "value",
    "comparator",
    "unit",
    "plan_version",
    "plan_version_kind",
    "plan_version_id",
    "reliability",
    "source",
    "source_kind",
    "source_url",
    "source_file",
    "quote",
    "quote_start",
    "quote_end",
    "note",
    "batch_id",
    "batch_kind",
    "tier",
]
TEXT_COLUMNS = [
    "region_name",
    "comparator",
    "unit",
    "plan_version",
    "plan_version_kind",
    "reliability",
    "source",
    "source_kind",
    "source_url",
    "source_file",
    "quote",
    "note",
    "tier",
]


def _text(column, name: str):
    """A text column that reads "" where the database holds NULL (the records' convention)."""
    return func.coalesce(column, literal_column("''")).label(name)


# batches of the planners' own reporting: a figure of theirs that cites no source says it was uploaded, not official
REPORTED = {"upload": "uploaded", "document": "uploaded", "edit": "edited"}


def _reliability():
    """A figure's reliability as the sources panel says it: "pending" while its batch waits for approval; a planner's
    upload, document or in-app edit without a source link (``REPORTED``) "uploaded" or "edited", whatever its
    source row holds (an upload's stored "official" claimed what no source says); else its source's."""
    cited = func.coalesce(Source.url, "") != ""
    reported = [(Batch.kind == kind, said) for kind, said in REPORTED.items()]
    return case(
        (Batch.state != APPROVED, "pending"),
        (cited, Source.reliability),
        *reported,
        else_=Source.reliability,
    )


def _figure_select(session: Session | None = None):
    """Figures that count in ``session`` (db/visibility.py); a pending one's reliability reads "pending", an uncited
    upload's "uploaded" (``_reliability``); text
    columns (``TEXT_COLUMNS``) read "" instead of NULL."""
    return _figure_select_for(included(session))


@functools.lru_cache(maxsize=256)
def _figure_select_for(pending: tuple[int, ...]):
    """``_figure_select`` for the pending batches a session counts, built once (statements are immutable)."""
    return (
        select(
            Figure.id,
            Figure.kind,
            Figure.region_code,
            _text(Region.name_zh, "region_name"),
            Figure.indicator_code.label("indicator"),
            Figure.period_start,
            Figure.period_end,
            Figure.value,
            _text(Figure.comparator, "comparator"),
            _text(Figure.unit, "unit"),
            _text(PlanVersion.name, "plan_version"),
            _text(PlanVersion.kind, "plan_version_kind"),
            Figure.plan_version_id,
            _text(_reliability(), "reliability"),
            _text(Source.title, "source"),
            _text(Source.kind, "source_kind"),
            _text(Source.url, "source_url"),
            _text(Source.file_name, "source_file"),
            _text(Figure.quote, "quote"),
            Figure.quote_start,
            Figure.quote_end,
            _text(Figure.note, "note"),
            Figure.batch_id,
            Batch.kind.label("batch_kind"),
            _text(Figure.tier, "tier"),
        )
        .join(Region, Region.code == Figure.region_code)
        .join(Source, Source.id == Figure.source_id)
        .join(Batch, Batch.id == Figure.batch_id)
        .outerjoin(PlanVersion, PlanVersion.id == Figure.plan_version_id)
        .where(live_for(pending))
    )


def _records(session: Session, stmt) -> list[dict]:
    """Plain records of a ``_figure_select`` statement (its text columns never NULL)."""
    return dict_rows(session, stmt)


def figures(
    session: Session,
    kind: str | None = None,
    region_codes=None,
    indicator: str | None = None,
    where=None,
    indicators=None,
) -> list[dict]:
    """Figures that count in this session (db/visibility.py) as plain records (``FIGURE_COLUMNS``, text columns
    "" instead of NULL), ordered by region, indicator, period, then batch (newest last); ``indicators``: of these
    indicator codes only; ``where`` adds a condition (e.g. a subtree range from ``db.tree.in_subtree``).

    Example: ``figures(s, "target", ["621100"], "poor_population_reduced")[0]["value"]``
    """
    if indicators is not None and not indicators:
        return []
    if where is None:  # a statement built once per shape, its values bound: a page reads figures on every request
        params: dict = {}
        if kind:
            params["kind"] = kind
        if region_codes is not None:
            params["codes"] = list(region_codes)
        if indicator:
            params["indicator"] = indicator
        if indicators is not None:
            params["indicators"] = sorted(indicators)
        stmt = _figures_for(included(session), bool(kind), "codes" in params, bool(indicator), "indicators" in params)
        return dict_rows(session, stmt, params)
    stmt = _figure_select(session)
    if kind:
        stmt = stmt.where(Figure.kind == kind)
    if region_codes is not None:
        stmt = stmt.where(Figure.region_code.in_(list(region_codes)))
    if indicator:
        stmt = stmt.where(Figure.indicator_code == indicator)
    if indicators is not None:
        stmt = stmt.where(Figure.indicator_code.in_(sorted(indicators)))
    stmt = stmt.where(where)
    return _records(session, stmt.order_by(*_FIGURE_ORDER))


_FIGURE_ORDER = (
    Figure.region_code,
    Figure.indicator_code,
    Figure.period_start,
    Figure.period_end,
    Figure.batch_id,
    Figure.id,
)


@functools.lru_cache(maxsize=256)
def _figures_for(pending: tuple[int, ...], kind: bool, codes: bool, indicator: bool, indicators: bool):
    """``figures``' statement for one shape of its filters, their values bound as ``kind``, ``codes``,
    ``indicator`` and ``indicators`` (statements are immutable; one built and keyed once costs a page nothing)."""
    stmt = _figure_select_for(pending)
    if kind:
        stmt = stmt.where(Figure.kind == bindparam("kind"))
    if codes:
        stmt = stmt.where(Figure.region_code.in_(bindparam("codes", expanding=True)))
    if indicator:
        stmt = stmt.where(Figure.indicator_code == bindparam("indicator"))
    if indicators:
        stmt = stmt.where(Figure.indicator_code.in_(bindparam("indicators", expanding=True)))
    return stmt.order_by(*_FIGURE_ORDER)


def subtree_figures(session: Session, node: dict) -> list[dict]:
    """``figures`` of a region's subtree, itself included (``node`` from ``db.tree.subtree``).

    Example: ``subtree_figures(s, tree.subtree(s, "621100"))[0]["region_code"]``
    """
    stmt = _subtree_figures_for(included(session), node["code_hi"] is not None)
    return dict_rows(session, stmt, tree.subtree_bounds(node))


@functools.lru_cache(maxsize=256)
def _subtree_figures_for(pending: tuple[int, ...], contiguous: bool):
    return _figure_select_for(pending).where(tree.in_bound_subtree(contiguous)).order_by(*_FIGURE_ORDER)


def figures_frame(session: Session, **filters) -> pd.DataFrame:
    """``figures`` as a DataFrame, for the code that computes with pandas (map progress).

    Example: ``figures_frame(s, region_codes=["621100"], indicator="counties_exited")``
    """
    return pd.DataFrame(figures(session, **filters), columns=FIGURE_COLUMNS)


def region(session: Session, code: str) -> dict | None:
    row = session.get(Region, code)
    if row is None:
        return None
    return {
        "code": row.code,
        "parent_code": row.parent_code,
        "name_zh": row.name_zh,
        "name_en": row.name_en,
        "level": row.level,
    }


def regions(session: Session) -> list[dict]:
    """Every region as a dict (code, parent_code, name_zh, name_en, level), in code order: plain rows, no ORM
    objects (the region pages need the whole tree on every request)."""
    stmt = select(Region.code, Region.parent_code, Region.name_zh, Region.name_en, Region.level).order_by(Region.code)
    result = session.execute(stmt)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.all()]


_PATH = text(
    """WITH RECURSIVE up(code, parent_code, name_zh, name_en, level, depth) AS (
         SELECT code, parent_code, name_zh, name_en, level, 0 FROM regions WHERE code = :code
         UNION ALL SELECT r.code, r.parent_code, r.name_zh, r.name_en, r.level, up.depth + 1
         FROM regions r JOIN up ON r.code = up.parent_code WHERE up.depth < 64)
       SELECT code, parent_code, name_zh, name_en, level FROM up ORDER BY depth DESC"""
)


def region_path(session: Session, code: str) -> list[dict]:
    """The region and its ancestors, root first (for a breadcrumb): one query, read once per transaction.

    Example: ``[r["code"] for r in region_path(s, "621122")] == ["620000", "621100", "621122"]``
    """

    def read() -> list[dict]:
        return dict_rows(session, _PATH, {"code": code})

    return [dict(r) for r in per_transaction(session, ("region_path", code), read)]


def child_regions(session: Session, code: str) -> list[dict]:
    rows = session.scalars(select(Region).where(Region.parent_code == code).order_by(Region.code))
    return [{"code": r.code, "name_zh": r.name_zh, "name_en": r.name_en, "level": r.level} for r in rows]


CHOICE_LEVELS = ("province", "prefecture", "county")  # the levels a filter offers by name (not every village)
MAX_CHOICES = 30
_PARENT = aliased(Region)
_CHOICE_COLUMNS = (
    Region.code,
    Region.name_zh,
    Region.name_en,
    Region.level,
    func.coalesce(_PARENT.name_zh, "").label("parent_zh"),
    func.coalesce(_PARENT.name_en, "").label("parent_en"),
)
_LEVEL_ORDER = case({level: i for i, level in enumerate(CHOICE_LEVELS)}, value=Region.level, else_=len(CHOICE_LEVELS))


def region_choices(session: Session, text: str = "", limit: int = MAX_CHOICES) -> list[dict]:
    """Regions to pick a filter from, with their parent's names (several counties are called 城关区): those whose
    Chinese or English name contains ``text`` or whose code starts with it, provinces, prefectures and counties
    only, higher levels first, at most ``limit``; the top-level regions for an empty ``text``.

    Example: ``[r["code"] for r in region_choices(s, "定西")] == ["621100"]``
    """
    stmt = select(*_CHOICE_COLUMNS).outerjoin(_PARENT, _PARENT.code == Region.parent_code)
    text = (text or "").strip()[:40]
    if not text:
        stmt = stmt.where(Region.parent_code.is_(None)).order_by(Region.code)
    else:
        found = (
            Region.name_zh.contains(text, autoescape=True)
            | func.lower(Region.name_en).contains(text.lower(), autoescape=True)
            | Region.code.startswith(text, autoescape=True)
        )
        stmt = stmt.where(found, Region.level.in_(CHOICE_LEVELS)).order_by(_LEVEL_ORDER, Region.code)
    return dict_rows(session, stmt.limit(max(1, limit)))


def regions_with_targets(session: Session) -> list[dict]:
    """Regions that hold targets themselves or through their descendants' named targets."""
    stmt = (
        select(Region.code, Region.name_zh, Region.name_en, Region.level, Region.parent_code)
        .where(Region.code.in_(select(Figure.region_code).join(Batch).where(live(session), Figure.kind == "target")))
        .order_by(Region.code)
    )
    return [dict(r) for r in session.execute(stmt).mappings()]


_INDICATORS = select(
    Indicator.code,
    Indicator.name_zh,
    Indicator.name_en,
    Indicator.unit,
    Indicator.kind,
    Indicator.direction,
    Indicator.basis,
).order_by(Indicator.code)


def indicators(session: Session) -> list[dict]:
    """The indicator catalogue, read once per transaction (a page reads it in several places)."""
    return [dict(i) for i in per_transaction(session, "indicators", lambda: dict_rows(session, _INDICATORS))]


def indicator(session: Session, code: str) -> dict | None:
    found = [i for i in indicators(session) if i["code"] == code]
    return found[0] if found else None


def indicators_with_figures(session: Session, region_codes: list[str]) -> list[str]:
    stmt = (
        select(Figure.indicator_code, func.count())
        .join(Batch)
        .where(live(session), Figure.region_code.in_(region_codes))
        .group_by(Figure.indicator_code)
        .order_by(func.count().desc())
    )
    return [row[0] for row in session.execute(stmt)]


def plan_versions(session: Session) -> list[dict]:
    stmt = select(PlanVersion, Batch.reverted_at).join(Batch).order_by(PlanVersion.id)
    return [
        {"id": v.id, "name": v.name, "kind": v.kind, "published_on": v.published_on, "reverted": reverted is not None}
        for v, reverted in session.execute(stmt)
    ]


def batches(session: Session) -> list[dict]:
    rows = session.scalars(select(Batch).order_by(Batch.id))
    return [{c.name: getattr(b, c.name) for c in Batch.__table__.columns} for b in rows]


def sources_of(session: Session, figure_ids: list[int]) -> list[dict]:
    """The figures with these ids that count in this session, as ``figures`` records (quote, source, URL,
    reliability)."""
    return _records(session, _figure_select(session).where(Figure.id.in_(figure_ids)))


def batch_users(session: Session, batch_ids) -> dict[int, str]:
    """batch id -> the account that wrote it (``batches.user_name``): ``batch_users(s, [12]) == {12: "li"}``."""
    ids = sorted(set(batch_ids))
    stmt = select(Batch.id, Batch.user_name).where(Batch.id.in_(ids))
    return {batch_id: user for batch_id, user in session.execute(stmt)} if ids else {}


def parent_alias():
    return aliased(Region)


def batch_region_codes(session: Session, batch_id: int) -> list[str]:
    """The regions a batch wrote figures for (who may revert it depends on them): ``["621102", "621122"]``."""
    stmt = select(Figure.region_code).where(of_batches(session, [batch_id])).distinct().order_by(Figure.region_code)
    return list(session.scalars(stmt))


def reverted_batch_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Batch.id).where(Batch.reverted_at.is_not(None))))


@cached
def year_span(session: Session) -> tuple[int, int] | None:
    """First and last year any live figure covers, or None on an empty database (roll-ups when complete)."""
    waiting = rollups.pending(session)
    stmt = _year_span_select(tuple(visibility.skipped(session)), tuple(waiting))
    row = core_execute(session, stmt).one()
    return (int(row[0]), int(row[1])) if row[0] is not None else None


@functools.lru_cache(maxsize=64)
def _year_span_select(skipped: tuple[int, ...], waiting: tuple[int, ...]):
    # batches that do not count are left out by id, not by a join with batches: SQLite's statistics, taken when the
    # database had a few batches, made it walk every province's roll-ups once per batch (100 ms at 184 batches)
    tops = select(Region.code).where(Region.parent_code.is_(None))
    rolled = select(FigureRollup.period_start.label("lo"), FigureRollup.period_end.label("hi")).where(
        FigureRollup.region_code.in_(tops)
    )  # every figure is in its top region's roll-ups: a few hundred rows
    if skipped:
        rolled = rolled.where(FigureRollup.batch_id.not_in(skipped))
    counted = [batch for batch in waiting if batch not in skipped]
    if counted:  # batches written without roll-ups: their own figures, through the batch index
        rolled = rolled.union_all(select(Figure.period_start, Figure.period_end).where(Figure.batch_id.in_(counted)))
    spans = rolled.subquery()
    return select(func.min(spans.c.lo), func.max(spans.c.hi))


@cached
def has_synthetic(session: Session) -> bool:
    """True when live synthetic figures are stored (``etl synth``): every page then says so."""
    return core_execute(session, _SYNTHETIC).first() is not None


_SYNTHETIC = select(Batch.id).where(Batch.kind == "synth", COUNTS).limit(1)
