"""A review on the command line: ``etl ingest --reviewed FILE``, ``--reject ROW`` and ``--set ROW:FIELD=VALUE`` read
into the Documents page's grid edits, which ``etl.reviewed_rows`` applies to the server's own proposal.

The reviewed file is the output of ``etl ingest FILE --dry-run --format json``, edited: per row ``accepted``
(true/false) and the fields the page lets a reviewer edit. Rows are matched by ``row_id``; quotes, offsets,
paragraphs and units always come from the proposal, and a row whose quote or offsets differ from the proposal's
(a file made for another version of the text or of the extractor) is refused, as is a file made for another text.

Example::

    grid, where = review_grid(proposal, read_reviewed(Path("review.json")), "review.json", [2], ["3:tier=stretch"])
    rows, unreadable = apply_review(session, proposal, grid)      # accepted rows, edited; problems by row id
    located(unreadable, where)   # ["review.json, row 3, column 层级 tier: 'maybe' — 必成 committed / 力争 stretch"]
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from db import queries
from db.region_names import regions_matching
from etl import intake
from etl.intake.problems import command_line_options
from etl.reviewed_rows import PAGE_HINTS, apply_edits
from text.fields import field_label

REVIEWED_MAX = 64 * 1024 * 1024
MAKE_AGAIN = "用 --dry-run --format json 重新生成 / make it again with --dry-run --format json"
# --set FIELD -> the grid's edit it sets
SET_FIELDS = {
    "region": "region_text",
    "indicator": "indicator_label",
    "year": "period_text",
    "period": "period_text",
    "value": "value_text",
    "comparator": "comparator",
    "tier": "tier",
    "kind": "kind",
}
# the grid's edit -> its field, as etl.reviewed_rows names it in a problem ("层级 tier: 'maybe' — …")
GRID_FIELDS = {
    "region_text": "region",
    "indicator_label": "indicator",
    "period_text": "year",
    "value_text": "value",
    "comparator": "comparator",
    "tier": "tier",
    "kind": "kind",
}
IDENTITY = ("quote", "start", "end")  # compared with the proposal's, never used
REJECTED = '"accepted": false'
OUTPUT_ONLY = ("accepted", "indicator_note")  # keys of the JSON output that a proposal row does not hold


class ReviewRefused(ValueError):
    """The review cannot be read; ``messages`` are located (file or option, row, field) and say what to do."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def read_reviewed(path: Path) -> dict:
    """The reviewed file as JSON (an object with ``document`` and ``rows``); ReviewRefused when it is not."""
    name = path.name
    if path.stat().st_size > REVIEWED_MAX:
        raise ReviewRefused([f"{name}: 文件过大 / the file is over {REVIEWED_MAX // 2**20} MB — fix: {MAKE_AGAIN}"])
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ReviewRefused([f"{name}: 不是 UTF-8 文本 / not UTF-8 text ({exc.reason}) — fix: {MAKE_AGAIN}"]) from exc
    except json.JSONDecodeError as exc:
        raise ReviewRefused(
            [
                f"{name}, line {exc.lineno}, column {exc.colno}: 不是有效的 JSON / not valid JSON: {exc.msg} — fix: "
                f"改正该处,或{MAKE_AGAIN}"
            ]
        ) from exc
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("document"), dict)
        or not isinstance(data.get("rows"), list)
    ):
        raise ReviewRefused(
            [
                f"{name}: 不是 etl ingest 的输出(缺少 document 或 rows) / not the output of etl ingest (no document or "
                f"rows) — fix: {MAKE_AGAIN}"
            ]
        )
    return data


def proposed_edit(row: dict) -> dict:
    """A proposal row as the grid would send it back untouched: accepted, its fields as the page shows them."""
    name = row.get("indicator_name")
    return {
        "row_id": str(row["row_id"]),
        "accept": True,
        "kind": row.get("kind") or "target",
        "region_text": f"{row.get('region_name') or ''} {row.get('region_code') or ''}".strip(),
        "indicator_label": f"{name} · {row['indicator']}" if name else str(row.get("indicator") or ""),
        "period_text": _period_text(row.get("period_start"), row.get("period_end")),
        "value_text": row.get("value"),
        "comparator": row.get("comparator") or "=",
        "tier": row.get("tier") or "committed",
    }


def _period_text(start, end) -> str:
    """ "2018", "2016-2020", or "" when the year is unknown (either end alone is that year)."""
    parts = [str(v).strip() for v in (start, end) if v is not None and str(v).strip()]
    return "-".join(dict.fromkeys(parts))


def review_grid(
    proposal: intake.Proposal,
    reviewed: dict | None,
    reviewed_name: str,
    rejects: Iterable[int] = (),
    sets: Iterable[str] = (),
) -> tuple[list[dict], dict[str, dict[str, str]]]:
    """The grid edits for ``apply_edits``: the proposal's rows as proposed, then the reviewed file's, then each
    ``--reject`` and ``--set``; and where each edit came from (row id -> grid field -> file or option). Raises
    ReviewRefused with every located problem of the file and the options."""
    grid = {str(r["row_id"]): proposed_edit(r) for r in proposal.rows}
    where = {rid: dict.fromkeys(edit, proposal.file_name) for rid, edit in grid.items()}
    problems: list[str] = []
    if reviewed is not None:
        problems += _from_file(proposal, reviewed, reviewed_name, grid, where)
    problems += _from_options(grid, where, rejects, sets)
    if problems:
        raise ReviewRefused(problems)
    return list(grid.values()), where


def _from_file(proposal: intake.Proposal, reviewed: dict, name: str, grid: dict, where: dict) -> list[str]:
    document = reviewed["document"]
    if document.get("sha256") != proposal.sha256:
        return [
            f"{name}, document: 为另一文件或另一版本的文本而做(sha256 {str(document.get('sha256'))[:12]},"
            f"{document.get('file_name')!r})/ made for another document or another version of its text (this "
            f"text is {proposal.file_name}, sha256 {proposal.sha256[:12]}) — fix: {MAKE_AGAIN}"
        ]
    problems = []
    ours = proposal.document()
    for key, option in (("published_on", "--date"), ("region_code", "--region")):
        if key in document and document[key] != ours[key]:
            problems.append(
                f"{name}, document, {key}: 制作时为 {document[key]!r},本次为 {ours[key]!r} / made with "
                f"{document[key]!r}, this run has {ours[key]!r} — fix: 使用同样的 {option} / give the same "
                f"{option}, or {MAKE_AGAIN}"
            )
    proposed = {str(r["row_id"]): r for r in proposal.rows}
    seen: set[str] = set()
    for n, row in enumerate(reviewed["rows"], start=1):
        rid = str(row.get("row_id")) if isinstance(row, dict) else None
        if rid not in proposed:
            problems.append(
                f"{name}, rows[{n}]: 提案中没有第 {rid} 行 / the proposal has no row {rid} (rows 1–"
                f"{len(proposed)}) — fix: {MAKE_AGAIN}"
            )
        elif rid in seen:
            problems.append(f"{name}, row {rid}: 出现两次 / listed twice — fix: 删去其一 / keep one of them")
        else:
            seen.add(rid)
            problems += _row_from_file(row, proposed[rid], name, grid[rid], where[rid])
    for rid in proposed.keys() - seen:
        problems.append(
            f'{name}, row {rid}: 文件中缺少此行 / the row is missing — fix: 保留该行,不要的写 "accepted": false / '
            'keep the row; write "accepted": false to reject it'
        )
    return problems


def _row_from_file(row: dict, proposed: dict, name: str, edit: dict, where: dict) -> list[str]:
    rid = proposed["row_id"]
    at = f"{name}, row {rid}"
    problems = []
    unknown = sorted(set(row) - set(proposed) - set(OUTPUT_ONLY))
    if unknown:
        problems.append(
            f"{at}, column {unknown[0]}: 未知字段 / unknown field — fix: 可编辑的字段 / the fields to edit: accepted, "
            "kind, region_code, indicator, indicator_name, year, period_start, period_end, value, comparator, tier"
        )
    changed = [k for k in IDENTITY if k in row and row[k] != proposed[k]]
    if changed:
        return [
            f"{at}, column {changed[0]}: 与本次提取的该行不同({row[changed[0]]!r} / {proposed[changed[0]]!r}),文件"
            f"是为另一版本做的 / differs from the row extracted now: the file was made by another version — fix: "
            f"{MAKE_AGAIN}"
        ]
    if not isinstance(row.get("accepted"), bool):
        problems.append(
            f"{at}, column accepted: {row.get('accepted')!r} — fix: 写 true(保存)或 false(拒绝) / write true to "
            "store the row or false to reject it"
        )
    if problems:
        return problems
    said = _edits(row, proposed)
    if isinstance(said, str):
        return [f"{at}, column {field_label('year')}: {said}"]
    edit.update(said, accept=row["accepted"])
    where.update(dict.fromkeys([*said, "accept"], name))
    return []


def _edits(row: dict, proposed: dict) -> dict | str:
    """The grid edits a reviewed row makes (fields it changed from the proposal), or what is wrong with them."""

    def changed(key: str) -> bool:
        return key in row and row[key] != proposed.get(key)

    out: dict = {}
    if changed("region_code"):
        out["region_text"] = "" if row["region_code"] is None else str(row["region_code"])
    elif changed("region_name"):
        out["region_text"] = "" if row["region_name"] is None else str(row["region_name"])
    if changed("indicator"):
        out["indicator_label"] = "" if row["indicator"] is None else str(row["indicator"])
    elif changed("indicator_name") and row["indicator_name"]:
        out["indicator_label"] = f"{row['indicator_name']} · {proposed['indicator']}"
    start, end = row.get("period_start", proposed["period_start"]), row.get("period_end", proposed["period_end"])
    if changed("year") and not (changed("period_start") or changed("period_end")):
        out["period_text"] = _period_text(row["year"], None)
    elif changed("year") and row["year"] != end:
        return (
            f"year {row['year']!r} 与 period_end {end!r} 不一致 / year and period_end disagree — fix: "
            "只改其一 / change one of them"
        )
    elif changed("period_start") or changed("period_end"):
        out["period_text"] = _period_text(start, end)
    if changed("value"):
        value = row["value"]
        out["value_text"] = (
            value if isinstance(value, int | float | str) else "" if value is None else json.dumps(value)
        )
    for key in ("comparator", "tier", "kind"):
        if changed(key):
            out[key] = "" if row[key] is None else str(row[key])
    return out


def _from_options(grid: dict, where: dict, rejects: Iterable[int], sets: Iterable[str]) -> list[str]:
    problems = []
    rows = f"1–{len(grid)}" if grid else "none"
    for n in rejects:
        if str(n) not in grid:
            problems.append(f"--reject {n}: 没有第 {n} 行 / there is no row {n} (rows {rows}; see --dry-run)")
            continue
        grid[str(n)]["accept"] = False
        where[str(n)]["accept"] = f"--reject {n}"
    for option in sets:
        rid, colon, rest = option.partition(":")
        field, equals, value = rest.partition("=")
        rid, field = rid.strip(), field.strip()
        at = f"--set {option}"
        if not (colon and equals):
            problems.append(f"{at}: 写作 ROW:FIELD=VALUE / write ROW:FIELD=VALUE — fix: 如 e.g. --set 3:tier=stretch")
        elif rid not in grid:
            problems.append(f"{at}: 没有第 {rid} 行 / there is no row {rid} (rows {rows}; see --dry-run)")
        elif field not in SET_FIELDS:
            problems.append(f"{at}: 未知字段 {field!r} / unknown field {field!r} — fix: {', '.join(SET_FIELDS)}")
        elif grid[rid]["accept"] is not True:
            problems.append(
                f"{at}: 第 {rid} 行已拒绝(来自 {where[rid]['accept']})/ row {rid} is rejected there — fix: "
                "拒绝或更正,二选一 / reject it or correct it, not both"
            )
        else:
            grid[rid][SET_FIELDS[field]] = value.strip()
            where[rid][SET_FIELDS[field]] = at
    return problems


def apply_review(session, proposal: intake.Proposal, grid: list[dict]) -> tuple[list[dict], dict[str, list[str]]]:
    """The accepted rows with their edits, and the unreadable edits by row id: ``etl.reviewed_rows.apply_edits``
    over the proposal's rows, as the Documents page applies its grid."""
    catalogue = {i["code"]: i for i in queries.indicators(session)}
    return apply_edits(proposal.rows, grid, lambda text: regions_matching(session, text), catalogue)


# what fixes a field of a row the reviewer did not edit, as COMMAND_LINE_FIXES says it
FIELD_FIXES = {
    "region": ("--region ADCODE", "region=ADCODE", "reject"),
    "year": ("--date YYYY-MM-DD", "year=YYYY", "reject"),
    "indicator": ("indicator=CODE", "reject"),
    "value": ("value=NUMBER", "reject"),
    "comparator": ("comparator=>=", "reject"),
    "tier": ("tier=committed", "reject"),
    "kind": ("kind=target", "reject"),
}


def located(unreadable: dict[str, list[str]], where: dict[str, dict[str, str]], file_name: str) -> list[str]:
    """Each unreadable edit where it was written, and how to fix it there: "review.json, row 3, column 层级 tier:
    'maybe' — 必成 committed / 力争 stretch — fix: …"; a field as proposed (``file_name``'s) by the options."""
    out = []
    for rid, problems in unreadable.items():
        for said in problems:
            problem = next((said.removesuffix(f" — {h}") for h in PAGE_HINTS if said.endswith(f" — {h}")), said)
            field = next((f for f in GRID_FIELDS.values() if problem.startswith(field_label(f) + ":")), "")
            source = where[rid].get(next((g for g, f in GRID_FIELDS.items() if f == field), "")) or where[rid]["accept"]
            if source == file_name:
                fix = command_line_options(rid, FIELD_FIXES.get(field, ("reject",)))
            elif source.startswith("--set"):
                fix = f"改正 {source} / correct {source}"
            else:
                fix = f"在 {source} 中改正该字段,或写 {REJECTED} / correct it in {source}, or write {REJECTED}"
            out.append(f"{source}, row {rid}, column {problem} — fix: {fix}")
    return out


def output_rows(proposed: list[dict], accepted: list[dict]) -> list[dict]:
    """Every proposal row for the JSON output, with ``accepted``: an accepted one as edited, a rejected one as
    proposed. Edited and fed back with --reviewed, it says the same review."""
    edited = {str(r["row_id"]): r for r in accepted}
    return [
        {**_with_year(edited[str(r["row_id"])]), "accepted": True}
        if str(r["row_id"]) in edited
        else {**r, "accepted": False}
        for r in proposed
    ]


def _with_year(row: dict) -> dict:
    return {**row, "year": row.get("period_end")}
