"""Who may do what: pure functions, no request, no database.

Roles, each including the one before: viewer (view), analyst (+ export, notes anywhere), planner (+ upload, edit,
revert, notes, only for the regions assigned and every region below them, like DHIS2's data-capture org units),
admin (everything, everywhere). An approver views, exports, notes and approves or returns batches, only for the
regions assigned (DHIS2's approval levels). The anonymous public, when PUBLIC_READ=1, may only view. Nobody
approves a batch they submitted (four-eyes: ``auth/approval.py``).

Example::

    planner = Principal("li", "planner", frozenset({"621100"}))
    can(planner, "upload", "621102", ["620000", "621100", "621102"])   # True: 621102 is under 621100
    can(planner, "upload", "610000", ["610000"])                       # False: another province
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ROLES = ("viewer", "analyst", "planner", "approver", "admin")
ACTIONS = ("view", "export", "upload", "edit", "revert", "approve", "note", "admin")
REGIONAL = frozenset({"upload", "edit", "revert", "approve", "note"})
SCOPED_ROLES = frozenset({"planner", "approver"})  # accounts that hold regions
PUBLIC = "public"

GRANTS: dict[str, frozenset[str]] = {
    PUBLIC: frozenset({"view"}),
    "viewer": frozenset({"view"}),
    "analyst": frozenset({"view", "export", "note"}),
    "planner": frozenset({"view", "export", "upload", "edit", "revert", "note"}),
    "approver": frozenset({"view", "export", "approve", "note"}),
    "admin": frozenset(ACTIONS),
}


@dataclass(frozen=True)
class Principal:
    """Whoever makes a request: an account, or the anonymous public."""

    name: str
    role: str
    regions: frozenset[str] = field(default_factory=frozenset)
    active: bool = True


ANONYMOUS_PUBLIC = Principal("anonymous", PUBLIC)


def can(
    user: Principal | None, action: str, region_code: str | None = None, region_ancestors: Iterable[str] = ()
) -> bool:
    """May ``user`` do ``action``, on ``region_code`` when the action is regional?

    ``region_ancestors`` are the codes above the region (its own code may be among them). For a planner a
    regional action needs a region; asking without one answers False. Unknown actions and roles answer False.
    """
    if user is None or not user.active or action not in ACTIONS:
        return False
    if action not in GRANTS.get(user.role, frozenset()):
        return False
    if action not in REGIONAL or user.role == "admin" or user.role not in SCOPED_ROLES:
        return True
    if region_code is None:
        return False
    return region_code in user.regions or any(code in user.regions for code in region_ancestors)


def can_at_all(user: Principal | None, action: str) -> bool:
    """May ``user`` do ``action`` somewhere? (A planner needs at least one region.) Used to show or hide tools."""
    if user is None or not user.active or action not in GRANTS.get(user.role, frozenset()):
        return False
    return action not in REGIONAL or user.role not in SCOPED_ROLES or bool(user.regions)
