"""Documents page wiring: upload or paste -> read and propose -> review in the grid -> commit as one batch.

Every callback checks the right on the server first (a forged POST is refused like a click); the uploaded bytes
stay on disk under the account that sent them (``etl/held_documents.py``), the page keeps only their sha256.

This module: the page for the logged-in account, and what every documents callback asks first (the page's
language, the account whose held files it reads). The callbacks, step by step: ``documents_reading`` (a file
uploaded or a text pasted), ``documents_reread`` (read again with another date, source URL or region),
``documents_title``, ``documents_grid`` (the review grid's checks), ``documents_redraw`` (the tab's review after
a redraw), ``documents_missed`` (a target the extractor missed), ``documents_commit``, ``documents_held`` (reviews
in progress); the reading they share is ``documents_proposal``, the override boxes ``documents_overrides``.
"""

from __future__ import annotations

from flask_login import current_user
from werkzeug.exceptions import Forbidden

from auth import guard
from auth.limits import MAX_FIELD_BYTES
from callbacks import urlstate
from db import queries
from etl.documents import DOCUMENT_LIMITS
from layouts import documents_page as page

LEVELS = ("province", "prefecture", "county")


def render_documents(session, lang: str):
    """The page, or why this account cannot use it."""
    if not guard.can_do("upload"):
        who = guard.current_principal()
        return page.not_allowed(lang, logged_in=who is not None and who.role != "public")
    writable = guard.writable_codes("upload", session)
    regions = [
        r
        for r in queries.regions(session)
        if (writable is None and r["level"] in LEVELS) or (writable is not None and r["code"] in writable)
    ]
    assigned = None  # an administrator: every region
    if writable is not None:
        held = (queries.region(session, c) for c in sorted(guard.current_principal().regions))
        assigned = [r for r in held if r]
    return page.documents_page(regions, lang, assigned, max_bytes=DOCUMENT_LIMITS.max_bytes, max_text=MAX_FIELD_BYTES)


def page_lang(search: str | None) -> str:
    return urlstate.lang_of(urlstate.parse(search))


def held_owner() -> str:
    """The account the held files belong to (its database id): never a value the client sent."""
    row = getattr(current_user, "row", None)
    if not row:
        raise Forbidden("no logged-in account")
    return str(row["id"])


def held_account() -> str:
    """The logged-in account's name, kept with what it holds (``reviews_in_progress`` checks it)."""
    return guard.current_user_name()
