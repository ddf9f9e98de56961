"""Commit reviewed rows of a plan document: one batch (kind "document"), one transaction, the upload path.

Example::

    with transaction(sessions) as s:
        batch_id = commit(s, proposal, accepted_rows, user_name="王芳", note="2021 年度计划",
                          allowed_regions={"621100"})
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from db import batches, documents, writes
from etl.importer import FIRST_SET
from etl.problems import Problem
from text.fields import field_label
from text.format import plain_number

from .checks import note_problems, stored_conflicts, url_problems, validate_rows
from .problems import AlreadyIngested, NothingAccepted
from .proposal import Proposal

PASTED = "粘贴的文本 pasted text"  # a stored document of no file (a pasted text) in messages
EDITABLE = ("kind", "region_code", "indicator", "period_start", "period_end", "value", "comparator", "tier")


def source_reliability(url: str | None) -> str:
    """How a document came: from a government site, "official"; from any other site (a news portal's report, a
    mirror), "repost" (转载). With no address it is stored "official" and read "uploaded" (``db.queries.REPORTED``):
    a planner's own file cites no source.

    >>> source_reliability("http://www.gansu.gov.cn/art/2018/6/8/art_35_361.html"), source_reliability(None)
    ('official', 'official')
    >>> source_reliability("http://universityofharmony.com/c/2017-01-04/1263451.shtml")
    'repost'
    """
    if not url:
        return "official"
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return "official" if host == "gov.cn" or host.endswith(".gov.cn") else "repost"


class IntakeRefused(ValueError):
    """Nothing was stored; ``problems`` say where and what to do."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []

    def located(self) -> list[str]:
        return [p.located() for p in self.problems] or [str(self)]


def already_ingested_problem(proposal: Proposal, batch: dict) -> AlreadyIngested:
    return AlreadyIngested(
        proposal.file_name,
        None,
        "",
        proposal.sha256[:12],
        f"已导入为批次 {batch['id']},未重复保存 / already ingested as batch {batch['id']} ({batch['kind']}: "
        f"{batch['file_name'] or PASTED}, by {batch['user_name']}, {batch['created_at']:%Y-%m-%d %H:%M}); "
        "nothing stored",
    )


def commit(
    session: Session,
    proposal: Proposal,
    rows: list[dict],
    *,
    user_name: str,
    note: str = "",
    allowed_regions: Iterable[str] | None = None,
) -> int:
    """Store the document's text, a sources entry, its plan versions and the accepted rows as one batch; returns
    its id. Targets for years no live plan has set go into an original plan version, targets restating a stored
    year into a revision (``_first_settings``). A document whose accepted rows are only actuals and baselines (a
    news report of results, each with its quote) is stored with its text and no plan version. Raises IntakeRefused
    (nothing stored) when the same text is stored already, no row is accepted, a row or the note has problems (a
    control character, say; two targets of one key with different values; a target an undated or older document
    stores with another value than a newer one did), or a row's region is outside ``allowed_regions`` (a
    planner's own).

    ``python -m etl ingest`` refuses a text in which no target is found before it gets here (the proposal's
    problem "没有找到目标 no targets found", with what was looked for)."""
    already = documents.ingested_batch(session, proposal.sha256, proposal.file_sha256)
    if already:
        raise IntakeRefused(
            f"已导入为批次 {already['id']} / already ingested as batch {already['id']}",
            [already_ingested_problem(proposal, already)],
        )
    if not rows:
        said = "没有可保存的行(目标、实际值或基数) / no accepted rows (targets, actuals or baselines)"
        raise IntakeRefused(said, [NothingAccepted(proposal.file_name, None, "", "", said)])
    problems = (
        note_problems(note, proposal.file_name)
        + url_problems(proposal.source_url, proposal.file_name)
        + validate_rows(session, rows, file_name=proposal.file_name, allowed_regions=allowed_regions)
        + stored_conflicts(session, rows, proposal.published_on, proposal.file_name)
    )
    if problems:
        count = len(problems)
        raise IntakeRefused(f"行中有 {count} 个问题,未保存 / {count} problem(s) in the rows; nothing stored", problems)
    targets = [r for r in rows if r["kind"] == "target"]
    file_name = None if proposal.pasted else proposal.file_name[:255]  # a pasted text is no file (/history says so)
    batch = writes.new_batch(
        session,
        "document",
        user_name=user_name or "anonymous",
        file_name=file_name,
        sha256=proposal.sha256,
        note=(note or "").strip().replace("\r\n", "\n") or f"文件 document: {proposal.title}",
        rows_targets=len(targets),
        rows_actuals=len(rows) - len(targets),
    )
    source_id = batches.new_source(
        session,
        kind="document",
        title=proposal.title,
        file_name=file_name,
        issuer=(proposal.issuer or None) and proposal.issuer[:255],
        published_on=proposal.published_on,
        reliability=source_reliability(proposal.source_url),
        sha256=proposal.sha256,
        text=proposal.text,
        url=proposal.source_url,
    )
    first = _first_settings(session, targets)
    kind_of = {id(r): "original" if _key(r) in first else "revision" for r in targets}
    versions = _plan_versions(session, proposal, set(kind_of.values()), source_id, batch.id)
    originals = {r["row_id"]: r for r in proposal.rows}
    figures = []
    for row in rows:
        code = str(row["indicator"]).strip()
        writes.ensure_indicator(session, code, row.get("unit") or "", row.get("indicator_name"))
        version_id = versions[kind_of[id(row)]] if row["kind"] == "target" else None
        figures.append(_figure(row, originals.get(row.get("row_id")), batch.id, version_id, source_id))
    batches.insert_figures(session, figures)
    return batch.id


def _plan_versions(session: Session, proposal: Proposal, kinds: set[str], source_id: int, batch_id: int) -> dict:
    """Kind -> id of a plan version named after the document for each kind of its targets (none for a report of
    results alone: actuals and baselines are no plan); beside a revision, the original says it is a first setting."""
    out = {}
    for kind in ("original", "revision"):
        if kind in kinds:
            name = FIRST_SET + proposal.title if kind == "original" and "revision" in kinds else proposal.title
            out[kind] = writes.new_plan_version(
                session,
                name=name[:255],
                kind=kind,
                source_id=source_id,
                batch_id=batch_id,
                published_on=proposal.published_on,
            ).id
    return out


def _key(row: dict) -> tuple:
    """A target row's key as ``batches.current_values`` gives it (with ``stretch``)."""
    key = ("target", str(row["region_code"]).strip(), str(row["indicator"]).strip())
    key += (int(float(row["period_start"])), int(float(row["period_end"])))
    return (*key, "stretch") if row.get("tier") == "stretch" else key


def _first_settings(session: Session, targets: list[dict]) -> set[tuple]:
    """Keys of the targets no live plan has set: this document is the original plan of those years; the others
    restate targets in force (same region, indicator, period and tier), a revision."""
    keys = {_key(r) for r in targets}
    if not keys:
        return set()
    current = batches.current_values(session, {k[2] for k in keys}, {k[1] for k in keys}, stretch=True)
    return keys - current.keys()


def _same(a, b) -> bool:
    """Equal as a reviewer means it: 12000, 12000.0 and "12000" are one value."""
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a or "").strip() == str(b or "").strip()


NAMED = {"indicator": "indicator_name", "region_code": "region_name"}  # a code shown with its name


def _edits(original: dict, row: dict) -> list[str]:
    """What review changed, as a reader of the sources panel reads it: the field's label, a code with its name.

    Example: an indicator corrected in the grid gives
    ``"指标 indicator: 扶贫资金分项安排 (other:funds_line_item) → 贫困人口人均可支配收入 (other:per_capita_income)"``
    """

    def shown(fig: dict, key: str) -> str:
        if key == "value":
            try:
                return plain_number(float(fig.get(key)))  # 3, not 3.0
            except (TypeError, ValueError):
                return str(fig.get(key))
        name = str(fig.get(NAMED[key]) or "").strip() if key in NAMED else ""
        return f"{name} ({fig.get(key)})" if name and name != str(fig.get(key)) else str(fig.get(key))

    out = []
    for key in EDITABLE:
        if not _same(original.get(key), row.get(key)):
            out.append(f"{field_label(key)}: {shown(original, key)} → {shown(row, key)}")
    return out


def _figure(row: dict, original: dict | None, batch_id: int, version_id: int | None, source_id: int) -> dict:
    notes = []
    if row.get("ocr"):
        notes.append("OCR识别 read by OCR: check against the page image")
    if row.get("added"):
        notes.append("审核添加 added in review from the quote")
    if row.get("possible"):
        notes.append("可能的目标,审核接受 a possible target, accepted in review")
    if original is not None:
        edits = _edits(original, row)
        if edits:
            notes.append("审核修改 corrected in review: " + "; ".join(edits))
    quote = row.get("quote") or ""
    return {
        "kind": row["kind"],
        "region_code": str(row["region_code"]).strip(),
        "indicator_code": str(row["indicator"]).strip(),
        "period_start": int(float(row["period_start"])),
        "period_end": int(float(row["period_end"])),
        "value": float(row["value"]),
        "comparator": row.get("comparator") or "=",
        "unit": row.get("unit") or "",
        "plan_version_id": version_id if row["kind"] == "target" else None,
        "source_id": source_id,
        "batch_id": batch_id,
        "quote": quote,
        "quote_start": row.get("start") if quote else None,
        "quote_end": row.get("end") if quote else None,
        "note": "; ".join(notes),
        "tier": row.get("tier") or "committed",
    }
