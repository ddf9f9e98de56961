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
from etl.problems import Problem

from .checks import note_problems, stored_conflicts, url_problems, validate_rows
from .problems import AlreadyIngested, NothingAccepted
from .proposal import Proposal

EDITABLE = ("kind", "region_code", "indicator", "period_start", "period_end", "value", "comparator", "tier")


def source_reliability(url: str | None) -> str:
    """How a document came: from a government site or as the planner's own file, "official"; from any other site
    (a news portal's report, a mirror), "repost" (转载), as the sources list shows it.

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
        f"{batch['file_name']}, by {batch['user_name']}, {batch['created_at']:%Y-%m-%d %H:%M}); nothing stored",
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
    """Store the document's text, a sources entry, a plan version and the accepted rows as one batch; returns
    its id. A document whose accepted rows are only actuals and baselines (a news report of results, each with its
    quote) is stored with its text and no plan version. Raises IntakeRefused (nothing stored) when the same text is
    stored already, no row is accepted, a row or the note has problems (a control character, say; two targets of
    one key with different values; a target an undated or older document stores with another value than a newer
    one did), or a row's region is outside ``allowed_regions`` (a planner's own).

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
    batch = writes.new_batch(
        session,
        "document",
        user_name=user_name or "anonymous",
        file_name=proposal.file_name[:255],
        sha256=proposal.sha256,
        note=(note or "").strip().replace("\r\n", "\n") or f"文件 document: {proposal.title}",
        rows_targets=len(targets),
        rows_actuals=len(rows) - len(targets),
    )
    source_id = batches.new_source(
        session,
        kind="document",
        title=proposal.title,
        file_name=proposal.file_name[:255],
        issuer=(proposal.issuer or None) and proposal.issuer[:255],
        published_on=proposal.published_on,
        reliability=source_reliability(proposal.source_url),
        sha256=proposal.sha256,
        text=proposal.text,
        url=proposal.source_url,
    )
    version_id = None  # a report of results (actuals, baselines only) is no plan: no plan version
    if targets:
        version_id = writes.new_plan_version(
            session,
            name=proposal.title[:255],
            kind=_version_kind(session, targets),
            source_id=source_id,
            batch_id=batch.id,
            published_on=proposal.published_on,
        ).id
    originals = {r["row_id"]: r for r in proposal.rows}
    figures = []
    for row in rows:
        code = str(row["indicator"]).strip()
        writes.ensure_indicator(session, code, row.get("unit") or "", row.get("indicator_name"))
        figures.append(_figure(row, originals.get(row.get("row_id")), batch.id, version_id, source_id))
    batches.insert_figures(session, figures)
    return batch.id


def _version_kind(session: Session, targets: list[dict]) -> str:
    """A plan restating targets already in force (same region, indicator and period) is a revision."""
    current = batches.current_values(session, {r["indicator"] for r in targets}, {r["region_code"] for r in targets})
    restated = any(
        ("target", r["region_code"], r["indicator"], int(r["period_start"]), int(r["period_end"])) in current
        for r in targets
    )
    return "revision" if restated else "original"


def _same(a, b) -> bool:
    """Equal as a reviewer means it: 12000, 12000.0 and "12000" are one value."""
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a or "").strip() == str(b or "").strip()


def _figure(row: dict, original: dict | None, batch_id: int, version_id: int | None, source_id: int) -> dict:
    notes = []
    if row.get("ocr"):
        notes.append("OCR识别 read by OCR: check against the page image")
    if row.get("added"):
        notes.append("审核添加 added in review from the quote")
    if row.get("possible"):
        notes.append("可能的目标,审核接受 a possible target, accepted in review")
    if original is not None:
        edits = [f"{k}: {original.get(k)} → {row.get(k)}" for k in EDITABLE if not _same(original.get(k), row.get(k))]
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
