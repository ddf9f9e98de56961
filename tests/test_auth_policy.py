"""Who may do what: the policy table, case by case."""

from __future__ import annotations

import pytest

from auth.policy import ACTIONS, ANONYMOUS_PUBLIC, Principal, can, can_at_all

VIEWER = Principal("v", "viewer")
ANALYST = Principal("a", "analyst")
PLANNER = Principal("p", "planner", frozenset({"621100"}))  # 定西市
ADMIN = Principal("root", "admin")
DISABLED_ADMIN = Principal("old", "admin", active=False)

DINGXI = ("621100", ["620000", "621100"])
LONGXI = ("621122", ["620000", "621100", "621122"])  # a county under 定西
GANSU = ("620000", ["620000"])  # the province above: not the planner's
XUNYANG = ("610981", ["610000", "610900", "610981"])  # another province

# (user, action, region) -> allowed
TABLE = [
    (None, "view", None, False),
    (ANONYMOUS_PUBLIC, "view", None, True),
    (ANONYMOUS_PUBLIC, "export", None, False),
    (ANONYMOUS_PUBLIC, "upload", DINGXI, False),
    (VIEWER, "view", None, True),
    (VIEWER, "export", None, False),
    (VIEWER, "upload", DINGXI, False),
    (ANALYST, "export", None, True),
    (ANALYST, "edit", DINGXI, False),
    (ANALYST, "revert", DINGXI, False),
    (PLANNER, "export", None, True),
    (PLANNER, "upload", DINGXI, True),
    (PLANNER, "edit", LONGXI, True),
    (PLANNER, "revert", LONGXI, True),
    (PLANNER, "upload", GANSU, False),
    (PLANNER, "edit", XUNYANG, False),
    (PLANNER, "upload", None, False),
    (PLANNER, "admin", None, False),
    (ADMIN, "upload", XUNYANG, True),
    (ADMIN, "revert", None, True),
    (ADMIN, "admin", None, True),
    (DISABLED_ADMIN, "view", None, False),
    (ADMIN, "delete-everything", None, False),
    (Principal("x", "superuser"), "view", None, False),
]


@pytest.mark.parametrize(("user", "action", "region", "allowed"), TABLE)
def test_policy_table(user, action, region, allowed):
    code, ancestors = region or (None, ())
    assert can(user, action, code, ancestors) is allowed


def test_a_planner_region_is_never_widened_by_a_sibling_prefix():
    # 621102 is not under 621100 because of its digits, only if the tree says so
    assert not can(PLANNER, "upload", "621199", ["620000", "621199"])


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        (None, set()),
        (ANONYMOUS_PUBLIC, {"view"}),
        (VIEWER, {"view"}),
        (ANALYST, {"view", "export", "note"}),  # analysts are not scoped: they note any region
        (PLANNER, {"view", "export", "upload", "edit", "revert", "note"}),
        (Principal("p0", "planner"), {"view", "export"}),  # a planner without regions writes nothing
        (Principal("a1", "approver", frozenset({"621100"})), {"view", "export", "approve", "note"}),
        (Principal("a0", "approver"), {"view", "export"}),  # an approver without regions decides nothing
        (ADMIN, set(ACTIONS)),
    ],
)
def test_what_each_role_may_do_somewhere(user, expected):
    assert {a for a in ACTIONS if can_at_all(user, a)} == expected
