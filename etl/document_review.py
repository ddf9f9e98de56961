"""A plan document under review, between its proposal and its commit: held on disk for the account that read
it, the reviewer's grid applied to the held rows and checked by the intake engine.

Example::

    hold_proposal("7", proposal, state)                   # after propose(): text and rows kept for account 7
    rows, problems = review(session, "7", grid, state, allowed_regions={"621100"})
    batch_id = commit(session, held_proposal("7", state), rows, user_name="li", note="…")   # etl.intake
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

from db import queries
from db.region_names import regions_matching
from etl import intake
from etl.held_documents import hold_json, read_json
from etl.reviewed_rows import apply_edits

Problems = dict[str, list[str]]


def hold_proposal(owner: str, proposal: intake.Proposal, state: dict) -> None:
    """Keep what commit needs (document info, text, candidate rows) for ``owner``, under the text's sha256."""
    held = {"state": state, "document": proposal.document(), "text": proposal.text, "rows": proposal.rows}
    hold_json(owner, proposal.sha256, held)


def _held(owner: str, state: dict) -> dict | None:
    held = read_json(owner, (state or {}).get("sha256"))
    return held if held and held.get("state") == state else None


def held_proposal(owner: str, state: dict) -> intake.Proposal | None:
    """The proposal ``owner`` was shown, rebuilt from what was held (no second read, no second OCR); None when
    it is gone, another account's, or was made with other overrides."""
    held = _held(owner, state)
    if held is None:
        return None
    names = {f.name for f in fields(intake.Proposal)}
    document = {k: v for k, v in held["document"].items() if k in names}
    return intake.Proposal(**{**document, "text": held["text"], "rows": held["rows"]})


def problems_by_row(problems) -> Problems:
    """The engine's problems (``row`` is the candidate's row_id, ``column`` its field) by row id."""
    out: Problems = {}
    for p in problems:
        out.setdefault(str(p.row), []).append(f"{p.column}: {p.message} — {p.hint}")
    return out


def _merge(*found: Problems) -> Problems:
    out: Problems = {}
    for problems in found:
        for key, items in problems.items():
            out.setdefault(key, []).extend(items)
    return out


def review(
    session, owner: str, grid: list[dict], state: dict, allowed_regions: Iterable[str] | None
) -> tuple[list[dict], Problems] | None:
    """The accepted rows with the grid's edits, and every problem by row id: unreadable edits, then the
    engine's checks (regions outside ``allowed_regions`` included; None: anywhere). None when nothing is held."""
    held = _held(owner, state)
    if held is None:
        return None
    catalogue = {i["code"]: i for i in queries.indicators(session)}
    rows, unreadable = apply_edits(held["rows"], grid, lambda text: regions_matching(session, text), catalogue)
    readable = [r for r in rows if str(r["row_id"]) not in unreadable]
    found = intake.validate_rows(session, readable, file_name=state["file_name"], allowed_regions=allowed_regions)
    return rows, _merge(unreadable, problems_by_row(found))


def with_problems(grid: list[dict], problems: Problems) -> list[dict]:
    """The grid's rows with their problems in the ``problem`` column (empty when none)."""
    return [{**g, "problem": "; ".join(problems.get(str(g["row_id"]), []))} for g in grid]
