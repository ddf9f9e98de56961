"""The intake engine as the documents page uses it: read, propose, validate and commit, with the engine's
results turned into plain data for the page (document info, candidate rows, problems by row id).

Example::

    doc = read_document(data, "定西.docx")
    proposal = propose(session, doc, "定西.docx")
    rows(proposal)[0]["quote"]        # the sentence the figure came from
"""

from __future__ import annotations


class DocumentError(ValueError):
    """A document that cannot be read (placeholder until the intake engine is merged)."""


class CommitRefused(ValueError):
    """The commit was refused; nothing was stored."""


def describe(exc: Exception) -> str:
    located = getattr(exc, "located", None)
    return located() if callable(located) else str(exc)
