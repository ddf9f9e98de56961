"""The include-pending switch shows only on pages whose figures it changes, and says what it does."""

from __future__ import annotations

import pytest

from auth.policy import Principal
from db.session import make_engine, session_factory
from layouts import ids
from layouts.review_page import waiting_banner
from views.approval import banner_view

ADMIN = Principal("adm1", "admin")


@pytest.fixture(scope="module")
def session(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as s:
        yield s


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/", True),
        ("/region/610000", True),
        ("/map", True),
        ("/map/621100", True),
        ("/documents", False),
        ("/upload", False),
        ("/history", False),
        ("/review", False),
    ],
)
def test_the_switch_shows_only_where_pending_figures_would_change_the_page(session, path, shown):
    assert banner_view(session, "", ADMIN, path).show_switch is shown


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("zh", "含待审核的数据 Include figures awaiting approval"),
        ("en", "Include figures awaiting approval (含待审核的数据)"),
    ],
)
def test_the_switch_says_what_it_includes(lang, label):
    switch = next(
        p for p in waiting_banner(0, [], 0, True, False, lang) if getattr(p, "id", None) == ids.PENDING_SWITCH
    )
    assert switch.options[0]["label"].strip() == label
