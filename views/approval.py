"""Approval and notes on the pages: which batches waiting for approval a viewer's reads count (the 含待审核
"include pending" switch), which batches the history lists to them, what waits for their decision, what the
header's banner says, and the notes the sources panel shows.

``viewer`` is the ``auth.policy.Principal`` asking (None: nobody signed in); the callbacks pass
``guard.current_principal()``. Exports and the API pass none and get what counts for everyone.

Example::

    count_pending(s, "?pending=1", viewer)       # this session's reads also count what viewer may see waiting
    [b["id"] for b in visible_batches(s, batches.batch_list(s), viewer)]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from auth import approval as rights
from auth.policy import Principal
from db import approval, notes
from db.visibility import APPROVED, RETURNED, SUBMITTED, include_pending
from layouts import urlstate

RETURNED_SHOWN = 5
FIGURE_PAGES = ("/", "/region/", "/map")  # the pages whose figures ?pending=1 changes: the switch shows only there


def shows_figures(pathname: str | None) -> bool:
    """Whether a page reads figures that pending batches would change: ``shows_figures("/documents") is False``."""
    path = pathname or "/"
    return path == "/" or path.startswith(FIGURE_PAGES[1:])


def wants_pending(search: str | None) -> bool:
    """True when the query string asks for figures waiting for approval too (``?pending=1``)."""
    return urlstate.parse(search).get("pending") == "1"


def count_pending(session: Session, search: str | None, viewer: Principal | None) -> None:
    """With ``?pending=1``, count the pending batches ``viewer`` may see in this session's reads."""
    if viewer is not None and wants_pending(search):
        include_pending(session, rights.visible_pending(session, viewer))


def count_visible_pending(session: Session, viewer: Principal | None) -> None:
    """Count every pending batch ``viewer`` may see (the sources panel: the ids come from their own page)."""
    if viewer is not None:
        include_pending(session, rights.visible_pending(session, viewer))


def visible_batches(session: Session, rows: list[dict], viewer: Principal | None) -> list[dict]:
    """History rows ``viewer`` may see: every approved batch; a submitted or returned one only for its author,
    those who may decide on its regions, and administrators."""
    hidden = [b["id"] for b in rows if b.get("state", APPROVED) != APPROVED]
    if not hidden:
        return rows
    name = viewer.name if viewer is not None else None
    codes, memo = approval.region_codes_of(session, hidden), {}
    allowed = {
        i
        for i, b in ((b["id"], b) for b in rows if b["id"] in codes)
        if (viewer is not None and viewer.role == "admin")
        or (name is not None and name in (b["user_name"], b.get("submitted_by")))
        or rights.covers(session, viewer, codes[i], memo)
    }
    return [b for b in rows if b.get("state", APPROVED) == APPROVED or b["id"] in allowed]


def review_items(session: Session, viewer: Principal | None) -> list[tuple[dict, list[dict]]]:
    """The batches ``viewer`` may decide, each with its changes cell by cell (the /review page)."""
    return [(b, approval.batch_changes(session, b["id"])) for b in rights.decidable(session, viewer)]


@dataclass
class BannerView:
    waiting: int = 0  # batches waiting for viewer's decision
    returned: list[dict] = field(default_factory=list)  # viewer's own returned batches, newest first
    submitted: int = 0  # viewer's own batches waiting for approval
    show_switch: bool = False  # the include-pending switch (only for those with something to include)
    on: bool = False


def banner_view(
    session: Session, search: str | None, viewer: Principal | None, pathname: str | None = "/"
) -> BannerView | None:
    """What the header's "waiting for me" banner says to ``viewer`` on page ``pathname``; None for the public. The
    include-pending switch shows only on pages whose figures it changes (overview, region pages, map)."""
    if viewer is None or viewer.role == "public":
        return None
    mine = approval.batches_in_state(session, None, user=viewer.name)
    returned = [b for b in mine if b["state"] == RETURNED and b["reverted_at"] is None][:RETURNED_SHOWN]
    submitted = sum(1 for b in mine if b["state"] == SUBMITTED and b["reverted_at"] is None)
    return BannerView(
        len(rights.decidable(session, viewer)),
        returned,
        submitted,
        shows_figures(pathname) and (viewer.role in ("admin", "approver") or submitted > 0),
        wants_pending(search),
    )


def notes_of_figures(session: Session, rows: list[dict]) -> list[dict]:
    """The notes on the regions, indicators and years of these figure records (for the sources panel)."""
    keys = {(r["region_code"], r["indicator"], y) for r in rows for y in range(r["period_start"], r["period_end"] + 1)}
    if not keys:
        return []
    found = notes.notes(session, sorted({k[0] for k in keys}))
    return [n for n in found if (n["region_code"], n["indicator"], n["year"]) in keys]
