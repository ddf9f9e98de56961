"""Check, preview and commit an upload: the one path for the page, the CLI, in-app edits and the build.

Example::

    with transaction(sessions) as s:
        result = check_and_preview(s, data, "plan.xlsx")
        if result.ok and result.preview.changes:
            commit(s, result, Audit(user="王芳", note="2019 政府工作报告 restatement"))
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db import batches, writes
from etl import problems as P
from etl.columns import header
from etl.filesafety import DEFAULT_LIMITS, FileRejected, Limits
from etl.gazetteer import Gazetteer, RegionRow
from etl.load import figure_dicts
from etl.readers import Book, read_book
from etl.validate import Catalog, Checked, Row, sort_problems, validate_book
from textsafety import describe_control, first_control, one_line

STATUSES = ("new", "changed", "unchanged")
FIRST_SET = "首次设定 first set: "  # the name of an upload's plan version of targets for years no plan had set


class ImportRefused(ValueError):
    """Commit refused: the file has problems, there is nothing to change, or no note was given."""


@dataclass
class Audit:
    user: str = "anonymous"
    note: str = ""
    kind: str = "upload"  # upload|edit


@dataclass
class Preview:
    items: list[dict]  # every row: status, key fields, old and new value; in file order
    counts: dict[str, int]
    fingerprint: str  # of the changes; a commit checks the preview it confirms is still the one it writes

    @property
    def changes(self) -> list[dict]:
        return [i for i in self.items if i["status"] != "unchanged"]


@dataclass
class Result:
    file_name: str
    sha256: str
    checked: Checked
    preview: Preview | None = None
    book: Book | None = None
    batch_id: int | None = None
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.checked.ok

    def to_json(self) -> dict:
        out = {
            "file": self.file_name,
            "sha256": self.sha256,
            "valid": self.ok,
            "errors": [p.to_json() for p in self.checked.problems],
            "notices": self.checked.notices,
        }
        if self.preview is not None:
            out["counts"] = self.preview.counts
            out["changes"] = self.preview.changes
        if self.batch_id is not None:
            out["batch_id"] = self.batch_id
        return out


def load_catalog(session: Session, with_years: bool = True) -> Catalog:
    rows = [
        RegionRow(
            r["code"],
            r["parent_code"],
            r["name_zh"],
            r["name_en"],
            r["level"],
            tuple(r["former_names"]),
            tuple(r["former_codes"]),
        )
        for r in batches.regions_with_aliases(session)
    ]
    years = batches.plan_years(session) if with_years else None
    return Catalog(Gazetteer.from_rows(rows), batches.indicator_table(session), years, batches.stored_spans(session))


def check_bytes(
    session: Session,
    data: bytes,
    file_name: str,
    default_kind: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    catalog: Catalog | None = None,
) -> Result:
    """Read and validate a file's bytes; refusals of the whole file become one located FileProblem.
    The file name, as the browser or the shell gave it, is stored with control characters as visible escapes."""
    file_name = clean_file_name(file_name)
    sha = hashlib.sha256(data).hexdigest()
    try:
        book = read_book(data, file_name, limits)
    except FileRejected as exc:
        problem = P.FileProblem(file_name, None, "", "", str(exc), exc.hint)
        return Result(file_name, sha, Checked([], [problem], []))
    checked = validate_book(book, catalog or load_catalog(session), default_kind)
    return Result(file_name, sha, checked, book=book)


def refuse_regions(session: Session, result: Result, refused: Iterable[str]) -> list[P.Problem]:
    """A located problem for every row in a ``refused`` region (outside the uploader's own: ``auth.guard``),
    added to ``result.checked.problems`` in reading order, and returned: one is enough to refuse the whole file.

    Example: ``refuse_regions(s, result, {"620000"})`` -> ``[RegionNotYours("目标 Targets", 2, "A (地区代码 …)", …)]``
    """
    refused = set(refused)
    rows = [r for r in result.checked.rows if r.region_code in refused]
    names = batches.region_names(session, refused) if rows else {}
    out = []
    for r in rows:
        labels = result.checked.labels.get(r.sheet, {})
        column = labels.get("region_code") or labels.get("region_name") or header("region_code")
        region = f"{names.get(r.region_code, '')} ({r.region_code})".strip()
        message = f"地区 {region} 不在您的管辖范围内 / {region} is not one of your regions"
        out.append(P.RegionNotYours(r.sheet, r.row, column, r.region_code, message))
    result.checked.problems.extend(out)
    sort_problems(result.checked.problems, [s.name for s in result.book.sheets] if result.book else [])
    return out


def clean_file_name(file_name: str) -> str:
    """A file name as it may be stored and shown: one line, control characters as visible escapes, at most 200
    characters. Example: ``clean_file_name("报表\\x1b[2J\\r.xlsx") == "报表␛[2J␍.xlsx"``"""
    name = one_line(file_name)
    return name if len(name) <= 200 else name[:150] + "…" + name[-49:]


def check_note(note: str) -> str:
    """The batch note as stored: line breaks allowed (CRLF becomes LF), any other control character refused.

    Example: ``check_note("2019 重述\\r\\n第二行") == "2019 重述\\n第二行"``
    """
    note = (note or "").strip().replace("\r\n", "\n")
    if not note:
        raise ImportRefused(
            "请填写说明(这次上传是什么,如 '2019 政府工作报告 重述') / "
            "a note is required (what this upload is, e.g. '2019 政府工作报告 restatement')"
        )
    if found := first_control(note, multiline=True):
        zh, en = describe_control(found).split(" / ", 1)
        raise ImportRefused(f"备注中{zh},请删除后再确认 / note: {en}; delete it and confirm again")
    return note


def check_and_preview(
    session: Session, data: bytes, file_name: str, default_kind: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Result:
    """Validate, then (when valid) compare every row with the values now in force."""
    result = check_bytes(session, data, file_name, default_kind, limits)
    if result.ok:
        result.preview = preview(session, result.checked.rows)
    return result


def preview(session: Session, rows: list[Row]) -> Preview:
    """Each row as new, changed (old → new) or unchanged against the current values."""
    current = batches.current_values(session, {r.indicator for r in rows}, {r.region_code for r in rows}, stretch=True)
    names = batches.region_names(session, {r.region_code for r in rows}) if rows else {}
    items, counts = [], dict.fromkeys(STATUSES, 0)
    for row in rows:
        old = current.get(row.key)
        if old is None:
            status = "new"
        elif _same(old["value"], row.value) and old["comparator"] == row.comparator:
            status = "unchanged"
        else:
            status = "changed"
        counts[status] += 1
        items.append(
            {
                "status": status,
                "kind": row.kind,
                "region_code": row.region_code,
                "region_name": names.get(row.region_code, ""),
                "indicator": row.indicator,
                "period_start": row.period_start,
                "period_end": row.period_end,
                "unit": row.unit,
                "old_value": None if old is None else old["value"],
                "old_comparator": None if old is None else old["comparator"],
                "new_value": row.value,
                "new_comparator": row.comparator,
                "sheet": row.sheet,
                "row": row.row,
                "tier": row.tier,
            }
        )
    digest = hashlib.sha256(
        repr(
            [
                (
                    i["status"],
                    i["kind"],
                    i["region_code"],
                    i["indicator"],
                    i["period_start"],
                    i["period_end"],
                    i["old_value"],
                    i["new_value"],
                    i["new_comparator"],
                )
                for i in items
                if i["status"] != "unchanged"
            ]
        ).encode()
    ).hexdigest()
    return Preview(items, counts, digest)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def commit(
    session: Session,
    result: Result,
    audit: Audit,
    expected_fingerprint: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the new and changed rows as one batch; returns the batch id.

    Targets go into plan versions of the batch: those for a year no live plan has set (previewed as new) into one
    of kind original (``FIRST_SET``), those restating a stored year into a revision. Unchanged rows are not
    written again. Runs inside the caller's transaction: all or nothing.
    """
    if not result.ok:
        count = len(result.checked.problems)
        raise ImportRefused(f"须先改正 {count} 个问题 / {count} problem(s) must be fixed first")
    note = check_note(audit.note)
    fresh = preview(session, result.checked.rows)
    if expected_fingerprint is not None and fresh.fingerprint != expected_fingerprint:
        raise ImportRefused(
            "预览之后已存数据有变动:请重新上传文件查看新的预览 / "
            "the stored values changed since the preview; upload the file again to see the new preview"
        )
    result.preview = fresh
    changed = {(i["sheet"], i["row"]) for i in fresh.changes}
    rows = [r for r in result.checked.rows if (r.sheet, r.row) in changed]
    if not rows:
        raise ImportRefused("没有可导入的内容:所有数值均已存储 / nothing to import: every value is already stored")
    targets = [r for r in rows if r.kind == "target"]
    batch = writes.new_batch(
        session,
        audit.kind,
        user_name=one_line(audit.user or "anonymous")[:64],
        file_name=result.file_name,
        sha256=result.sha256,
        note=note,
        rows_targets=len(targets),
        rows_actuals=len(rows) - len(targets),
    )
    title = result.file_name if audit.kind == "upload" else "在线修改 in-app edit"
    source_id = batches.new_source(
        session,
        kind=audit.kind,
        title=title,
        file_name=result.file_name,
        reliability="official",
        sha256=result.sha256,
        published_on=None,
    )
    # a target for a year no live plan has set (previewed as new) is its first setting: the original plan of it
    first = {(i["sheet"], i["row"]) for i in fresh.changes if i["kind"] == "target" and i["status"] == "new"}
    kind_of = {(r.sheet, r.row): "original" if (r.sheet, r.row) in first else "revision" for r in targets}
    name = f"{note if len(note) <= 120 else note[:119] + '…'} ({title[:100]}, batch {batch.id})"
    versions = _plan_versions(session, set(kind_of.values()), name, source_id, batch)
    figures = figure_dicts(session, rows, batch.id, None, source_id)
    for row, figure in zip(rows, figures, strict=True):
        if row.kind == "target":
            figure["plan_version_id"] = versions[kind_of[(row.sheet, row.row)]]
    batches.insert_figures(session, figures, progress)
    result.batch_id = batch.id
    return batch.id


def _plan_versions(session: Session, kinds: set[str], name: str, source_id: int, batch) -> dict[str, int]:
    """A plan version of the batch for each kind of its targets (original, then revision): kind -> id."""
    return {
        kind: writes.new_plan_version(
            session,
            name=(FIRST_SET + name)[:255] if kind == "original" else name,
            kind=kind,
            source_id=source_id,
            batch_id=batch.id,
            published_on=batch.created_at.date().isoformat(),
        ).id
        for kind in ("original", "revision")
        if kind in kinds
    }
