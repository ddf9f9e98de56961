"""`python -m etl build`: schema, regions, indicators, document targets and published figures.

Each step is a build batch fingerprinted by its inputs; an unchanged step is skipped and a changed one is
replaced whole, so running the build twice leaves the same contents. All steps share one transaction.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db import queries, schema, writes
from db.models import Batch
from db.session import session_factory, transaction
from etl import reference
from etl.gazetteer import REGIONS_CSV, Gazetteer, read_regions_csv
from etl.importer import check_bytes, load_catalog
from etl.load import figure_dicts
from etl.textfile import decode_text
from settings import DATA_DIR, ROOT, SOURCES_DIR

INDICATORS_CSV = DATA_DIR / "indicators.csv"
EXTRACTOR_DIR = ROOT / "etl" / "extract"
CORRECTIONS_CSV = DATA_DIR / "corrections.csv"

Progress = Callable[[str], None]


def fingerprint(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _extractor_bytes() -> bytes:
    files = sorted(EXTRACTOR_DIR.rglob("*.py")) + ([CORRECTIONS_CSV] if CORRECTIONS_CSV.exists() else [])
    return b"".join(p.read_bytes() for p in files)


def source_documents(directory: Path = SOURCES_DIR) -> list[Path]:
    return sorted(directory.glob("*.txt"))


def build(engine: Engine, progress: Progress = print, sources_dir: Path = SOURCES_DIR) -> dict:
    """Create or upgrade the schema and load everything; returns counts per step.

    Example: ``build(make_engine("sqlite:///data/dashboard.db"))``
    """
    progress("schema: upgrading to the newest migration")
    schema.upgrade(engine)
    summary: dict[str, int | str] = {}
    with transaction(session_factory(engine)) as session:
        _load_regions(session)
        _load_indicators(session)
        gazetteer = Gazetteer.from_csv(REGIONS_CSV)
        extractor = _extractor_bytes()
        for path in source_documents(sources_dir):
            summary[path.name] = _step(
                session,
                path.name,
                fingerprint(path.read_bytes(), extractor),
                lambda s, b, p=path: _load_document(s, b, p, gazetteer),
                progress,
            )
        for path, loader in (
            (reference.ACTUALS_CSV, _load_actuals),
            (reference.COUNTY_EXITS_CSV, _load_actuals),
            (reference.REVISIONS_CSV, _load_revisions),
        ):
            summary[path.name] = _step(
                session, path.name, fingerprint(path.read_bytes()), lambda s, b, p=path, f=loader: f(s, b, p), progress
            )
    return summary


def _step(session: Session, name: str, sha: str, load, progress: Progress) -> int | str:
    current = session.scalars(select(Batch).where(Batch.kind == "build", Batch.file_name == name)).first()
    if current is not None and current.sha256 == sha:
        progress(f"{name}: unchanged")
        return "unchanged"
    writes.remove_batches(session, "build", name)
    batch = writes.new_batch(session, "build", file_name=name, sha256=sha, note=f"build: {name}")
    targets, actuals = load(session, batch)
    batch.rows_targets, batch.rows_actuals = targets, actuals
    progress(f"{name}: {targets} targets, {actuals} actuals and baselines")
    return targets + actuals


def _load_regions(session: Session) -> None:
    rows = read_regions_csv(REGIONS_CSV)
    writes.upsert_regions(
        session,
        [
            {"code": r.code, "parent_code": r.parent_code, "name_zh": r.name_zh, "name_en": r.name_en, "level": r.level}
            for r in rows
        ],
        [{"alias": a, "region_code": r.code, "kind": "former_name"} for r in rows for a in r.former_names]
        + [{"alias": a, "region_code": r.code, "kind": "former_code"} for r in rows for a in r.former_codes],
    )


def _load_indicators(session: Session) -> None:
    with open(INDICATORS_CSV, encoding="utf-8", newline="") as f:
        writes.upsert_indicators(session, list(csv.DictReader(f)))


def _load_document(session: Session, batch: Batch, path: Path, gazetteer: Gazetteer) -> tuple[int, int]:
    from etl.extract import extract_document

    raw = path.read_bytes()
    doc = extract_document(decode_text(raw, path.name), gazetteer, file_name=path.name)
    source = writes.get_or_create_source(
        session,
        kind="document",
        title=doc.info.title,
        file_name=path.name,
        issuer=doc.info.issuer,
        published_on=doc.info.published_on,
        reliability="official",
        sha256=hashlib.sha256(raw).hexdigest(),
    )
    version = writes.new_plan_version(
        session,
        name=doc.info.title,
        kind="original",
        source_id=source.id,
        batch_id=batch.id,
        published_on=doc.info.published_on,
    )
    rows, targets = [], 0
    for fig in doc.figures:
        if fig.region_code is None:
            continue
        writes.ensure_indicator(session, fig.indicator, base_unit(fig.unit))
        is_target = fig.kind == "target"
        targets += is_target
        rows.append(
            {
                "kind": fig.kind,
                "region_code": fig.region_code,
                "indicator_code": fig.indicator,
                "period_start": fig.period_start,
                "period_end": fig.period_end,
                "value": fig.value,
                "comparator": fig.comparator,
                "unit": base_unit(fig.unit),
                "plan_version_id": version.id if is_target else None,
                "source_id": source.id,
                "batch_id": batch.id,
                "quote": fig.quote,
                "quote_start": fig.start,
                "quote_end": fig.end,
                "note": "",
                "tier": fig.tier if is_target else "committed",
            }
        )
    writes.add_figures(session, rows)
    return targets, len(rows) - targets


def base_unit(unit: str) -> str:
    """Values are stored in base units, so is the unit: 万人 -> 人, 亿元 -> 元, 万亩 -> 亩."""
    return unit[1:] if len(unit) > 1 and unit[0] in "万亿" else unit


class BuildError(RuntimeError):
    """A data file under data/ does not pass the upload checks; the message lists every located problem."""


def _checked_reference(session: Session, path: Path, kind: str):
    # The same reader and validator a planner's upload goes through; plan years are not checked here,
    # because these published figures are what define them.
    catalog = load_catalog(session, with_years=False)
    result = check_bytes(session, path.read_bytes(), path.name, default_kind=kind, catalog=catalog)
    if not result.ok:
        raise BuildError("\n".join(p.located() for p in result.checked.problems))
    return result


def _load_actuals(session: Session, batch: Batch, path: Path) -> tuple[int, int]:
    rows = _checked_reference(session, path, "actual").checked.rows
    return 0, writes.add_figures(session, figure_dicts(session, rows, batch.id))


def _load_revisions(session: Session, batch: Batch, path: Path) -> tuple[int, int]:
    result = _checked_reference(session, path, "target")
    names = {r["code"]: r["name_zh"] for r in queries.regions(session)}
    count = 0
    by_region: dict[str, list] = {}
    for row in result.checked.rows:
        by_region.setdefault(row.region_code, []).append(row)
    for code, rows in sorted(by_region.items()):
        version = writes.new_plan_version(
            session,
            name=f"{names[code]} 公开重申的年度目标 (published restatement)",
            kind="revision",
            batch_id=batch.id,
            published_on=None,
        )
        count += writes.add_figures(session, figure_dicts(session, rows, batch.id, version.id))
    return count, 0
