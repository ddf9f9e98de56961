"""Data layer for uploads and edits: what the validator must know, current values, new batches, revert.

Every function takes a session inside the caller's transaction and returns plain data.

Example::

    with transaction(sessions) as s:
        revert(s, 12, "王芳")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db import writes
from db.batch_rows import of_batches
from db.models import Batch, Figure, Indicator, PlanVersion, Region, RegionAlias, Source, counted_in_sums
from db.queries import LIVE

REVERTIBLE = ("upload", "edit", "document")
CHUNK = 5000
# a pasted text is stored with no file name; before that it was stored under this one (callbacks.documents_proposal)
OLD_PASTED_NAME = "粘贴文本 pasted.txt"


def pasted(kind: str, file_name: str | None) -> bool:
    """Whether a batch stored a pasted text (no file): ``pasted("document", None) and not pasted("upload", None)``."""
    return kind == "document" and file_name in (None, OLD_PASTED_NAME)


class BatchError(ValueError):
    """A revert that cannot be done (unknown batch, already reverted, a build batch)."""


def regions_with_aliases(session: Session) -> list[dict]:
    """Regions with their former names and codes: ``[{"code": "610981", "former_names": ["旬阳县"], ...}]``."""
    aliases: dict[str, dict[str, list[str]]] = {}
    for alias in session.scalars(select(RegionAlias)):
        aliases.setdefault(alias.region_code, {}).setdefault(alias.kind, []).append(alias.alias)
    columns = (Region.code, Region.parent_code, Region.name_zh, Region.name_en, Region.level)
    return [  # plain rows, not ORM objects: a national tree has 170,000 regions
        {
            "code": code,
            "parent_code": parent,
            "name_zh": name_zh,
            "name_en": name_en,
            "level": level,
            "former_names": aliases.get(code, {}).get("former_name", []),
            "former_codes": aliases.get(code, {}).get("former_code", []),
        }
        for code, parent, name_zh, name_en, level in session.execute(select(*columns).order_by(Region.code))
    ]


def region_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """Chinese names of these regions: ``region_names(s, {"610981"}) == {"610981": "旬阳市"}``."""
    stmt = select(Region.code, Region.name_zh).where(Region.code.in_(list(codes)))
    return dict(session.execute(stmt).all())


def indicator_table(session: Session) -> dict[str, dict]:
    return {
        i.code: {"code": i.code, "name_zh": i.name_zh, "name_en": i.name_en, "unit": i.unit, "kind": i.kind}
        for i in session.scalars(select(Indicator).order_by(Indicator.code))
    }


def plan_years(session: Session) -> tuple[int, int] | None:
    """First to last year of the live plans and records (the template's help names them)."""
    from db.queries import year_span  # roll-ups: milliseconds at millions of figures

    return year_span(session)


def stored_spans(session: Session) -> set[tuple[str, int, int]]:
    """(indicator, start, end) of the live stock and rate figures that cover several years: periods a stored plan
    gives such an indicator (陕西's 2018–2020 rise of funds for deeply poor counties), which an upload restating
    them may use too. Example: ``("other:deep_poverty_funds_increase", 2018, 2020) in stored_spans(s)``"""
    stmt = (
        select(Figure.indicator_code, Figure.period_start, Figure.period_end)
        .join(Batch, Batch.id == Figure.batch_id)
        .join(Indicator, Indicator.code == Figure.indicator_code)
        .where(LIVE, Indicator.kind.in_(("stock", "rate")), Figure.period_start < Figure.period_end)
        .distinct()
    )
    return {(ind, int(start), int(end)) for ind, start, end in session.execute(stmt)}


def current_values(
    session: Session,
    indicators: Iterable[str] | None = None,
    regions: Iterable[str] | None = None,
    stretch: bool = False,
) -> dict[tuple, dict]:
    """(kind, region, indicator, start, end) -> the figure now in force: newest live actual; for targets the
    newest revision, else the original plan's (committed tier). Keys as ``etl.validate.Row.key``; with
    ``stretch`` also the stretch targets, keyed (..., end, "stretch")."""
    stmt = (
        select(
            Figure.id,
            Figure.kind,
            Figure.region_code,
            Figure.indicator_code,
            Figure.period_start,
            Figure.period_end,
            Figure.value,
            Figure.comparator,
            Figure.batch_id,
            PlanVersion.kind,
            Figure.plan_version_id,
            Figure.tier,
        )
        .join(Batch, Batch.id == Figure.batch_id)
        .outerjoin(PlanVersion, PlanVersion.id == Figure.plan_version_id)
        .where(LIVE, Figure.kind.in_(["target", "actual"]))
    )
    if not stretch:
        stmt = stmt.where(counted_in_sums())
    if indicators is not None:
        stmt = stmt.where(Figure.indicator_code.in_(list(indicators)))
    if regions is not None:  # only the regions an upload touches: an index lookup, not the whole table
        stmt = stmt.where(Figure.region_code.in_(list(regions)))
    out: dict[tuple, tuple] = {}
    for fid, kind, region, ind, start, end, value, comparator, batch_id, pv_kind, pv_id, tier in session.execute(stmt):
        rank = (pv_kind == "revision", pv_id or 0, fid) if kind == "target" else (batch_id, fid)
        key = (kind, region, ind, start, end, "stretch") if tier == "stretch" else (kind, region, ind, start, end)
        if key not in out or rank > out[key][0]:
            out[key] = (rank, {"value": value, "comparator": comparator, "figure_id": fid, "batch_id": batch_id})
    return {k: v for k, (_rank, v) in out.items()}


def new_source(session: Session, **fields) -> int:
    """A source of its own for each upload or edit (never shared, so its audit fields never change)."""
    source = Source(**fields)
    session.add(source)
    session.flush()
    return source.id


def insert_figures(session: Session, rows: list[dict], progress: Callable[[int, int], None] | None = None) -> int:
    """Insert figure dicts in chunks (reporting progress); the caller's transaction makes it all or nothing."""
    for start in range(0, len(rows), CHUNK):
        writes.add_figures(session, rows[start : start + CHUNK])
        if progress:
            progress(min(start + CHUNK, len(rows)), len(rows))
    return len(rows)


def revert(session: Session, batch_id: int, user_name: str) -> dict:
    """Mark an upload or edit batch reverted: its figures drop out of every query, so each value returns to
    what it was before. Nothing is deleted. Raises BatchError when the batch cannot be reverted."""
    batch = session.get(Batch, batch_id)
    if batch is None:
        raise BatchError(f"批次 {batch_id} 不存在 / batch {batch_id} does not exist")
    if batch.kind not in REVERTIBLE:
        raise BatchError(
            f"批次 {batch_id} 是 {batch.kind} 批次:只有上传、修改和计划文件的批次可以撤销"
            "(build 批次随 data/ 中的文件而定) / "
            f"batch {batch_id} is a {batch.kind} batch; only uploads and edits, and plan documents, can be reverted "
            "(build batches follow the files in data/)"
        )
    if batch.reverted_at is not None:
        by, when = batch.reverted_by, f"{batch.reverted_at:%Y-%m-%d %H:%M}"
        raise BatchError(
            f"批次 {batch_id} 已撤销({by} 于 {when}) / batch {batch_id} was already reverted by {by} at {when}"
        )
    session.execute(update(Batch).where(Batch.id == batch_id).values(reverted_at=writes.now(), reverted_by=user_name))
    return batch_row(session, batch_id)


def batch_row(session: Session, batch_id: int) -> dict | None:
    """The batch's audit columns, ``title``: its document's title (``document_titles``), else None; and
    ``pasted``: whether it stored a pasted text (``pasted``)."""
    batch = session.get(Batch, batch_id)
    if batch is None:
        return None
    session.refresh(batch)
    row = {c.name: getattr(batch, c.name) for c in Batch.__table__.columns}
    row["title"] = document_titles(session, [batch_id]).get(batch_id) if batch.kind == "document" else None
    row["pasted"] = pasted(batch.kind, batch.file_name)
    return row


def document_titles(session: Session, batch_ids: Iterable[int]) -> dict[int, str]:
    """batch id -> the title of the document its figures were read from (as the reviewer left it), for the
    document batches among ``batch_ids``: two pasted texts, neither with a file name, told apart.

    Example: ``document_titles(s, [12]) == {12: "柳州誓言今年脱贫8.5万人"}``
    """
    out: dict[int, str] = {}
    ids = sorted(set(batch_ids))
    for i in range(0, len(ids), CHUNK):
        stmt = (
            select(Figure.batch_id, func.min(Source.title))
            .join(Source, Source.id == Figure.source_id)
            .where(of_batches(session, ids[i : i + CHUNK]), Source.kind == "document")
            .group_by(Figure.batch_id)
        )
        out.update({batch_id: title for batch_id, title in session.execute(stmt) if title})
    return out


def batch_list(session: Session, kinds: Iterable[str] | None = None) -> list[dict]:
    """Batches newest first, as plain dicts of their audit columns, ``title`` (a document batch's document title,
    ``document_titles``; else None), ``pasted`` (``pasted``) and ``rows_baselines``: a build step's or a
    document's stored ``rows_actuals`` counts its baselines too, so for those kinds the three counts are the figures
    the batch holds of each kind (``figure_counts``); uploads, edits and synthetic data hold no baselines.

    Example: ``batch_list(s)[0]["rows_baselines"]``
    """
    stmt = select(Batch).order_by(Batch.id.desc())
    if kinds is not None:
        stmt = stmt.where(Batch.kind.in_(list(kinds)))
    rows = [{c.name: getattr(b, c.name) for c in Batch.__table__.columns} for b in session.scalars(stmt)]
    counts = figure_counts(session, [r["id"] for r in rows if r["kind"] in WITH_BASELINES])
    titles = document_titles(session, [r["id"] for r in rows if r["kind"] == "document"])
    for row in rows:
        row["title"] = titles.get(row["id"])
        row["pasted"] = pasted(row["kind"], row["file_name"])
        row["rows_baselines"] = 0
        if row["kind"] in WITH_BASELINES:
            held = counts.get(row["id"], {})
            row.update({f"rows_{kind}s": held.get(kind, 0) for kind in FIGURE_KINDS})
    return rows


FIGURE_KINDS = ("target", "actual", "baseline")
WITH_BASELINES = ("build", "document")  # the batch kinds that may write baselines (etl/build.py, etl/intake/store.py)


def figure_counts(session: Session, batch_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """batch id -> {kind: the figures of that kind it holds}; read through the batch_id index, so keep the ids to
    batches of modest size (a synthetic batch of a million figures would be read whole).

    Example: ``figure_counts(s, [7]) == {7: {"target": 7, "actual": 4, "baseline": 3}}``
    """
    out: dict[int, dict[str, int]] = {}
    ids = sorted(set(batch_ids))
    for i in range(0, len(ids), CHUNK):
        stmt = (
            select(Figure.batch_id, Figure.kind, func.count())
            .where(of_batches(session, ids[i : i + CHUNK]))
            .group_by(Figure.batch_id, Figure.kind)
        )
        for batch_id, kind, n in session.execute(stmt):
            out.setdefault(batch_id, {})[kind] = n
    return out
