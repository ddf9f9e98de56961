"""Plan documents in, reviewed targets out: one engine for the Documents page and ``python -m etl ingest``.

Example::

    doc = read_document(data, "plan.docx")                  # etl.documents
    with transaction(sessions) as s:
        proposal = propose(s, doc, "plan.docx")             # candidate rows, each with its quote in its paragraph
        problems = validate_rows(s, proposal.rows)          # [] when every row may be stored
        batch_id = commit(s, proposal, proposal.rows, user_name="王芳", note="2021 年度计划")
"""

from __future__ import annotations

from .checks import (
    COMPARATORS,
    KINDS,
    TIERS,
    note_problems,
    stored_conflicts,
    title_problems,
    url_problems,
    validate_rows,
)
from .proposal import Proposal, candidate_row, gazetteer, looked_for, propose
from .store import IntakeRefused, commit

__all__ = [
    "COMPARATORS",
    "KINDS",
    "TIERS",
    "IntakeRefused",
    "Proposal",
    "candidate_row",
    "commit",
    "gazetteer",
    "looked_for",
    "note_problems",
    "propose",
    "stored_conflicts",
    "title_problems",
    "url_problems",
    "validate_rows",
]
