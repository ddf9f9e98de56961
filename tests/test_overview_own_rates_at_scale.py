"""At scale the overview compares provinces by their subtrees' sums (db.scaled_views); a rate or a level per person
is no sum, so a province's row of such an indicator is the province's own figure: never a county's figure shown as
the province's (a "sum" of one county's 2%), and never dropped when the counties below set rates of their own.

Through the real upload path into 陕西 610000 and 汉中's counties 洋县 and 城固县 (synthetic test figures)."""

from __future__ import annotations

import pytest

from tests.test_rollup_honest import YANG, upload
from tests.test_rollup_not_additive import CHENGGU, target

SHAANXI = "610000"


def overview_rows(db_url: str, monkeypatch, search: str = "") -> dict[str, object]:
    from db import scaled_views
    from db.session import make_engine, session_factory
    from views.overview import overview_view

    monkeypatch.setattr(scaled_views, "SMALL", 5)  # every subtree read as sums, as at millions of figures
    with session_factory(make_engine(db_url))() as session:
        rows = overview_view(session, search).rows
    return {p.indicator["code"]: p for r, p in rows if r["code"] == SHAANXI}


@pytest.mark.parametrize(
    ("indicator", "own", "counties", "unit"),
    [("poverty_incidence", "2.5", ("2", "3"), "%"), ("other:per_capita_income", "16000", ("19198", "15000"), "元")],
)
def test_a_province_s_own_rate_is_its_row_beside_its_counties_rates(
    db_url, tmp_path, monkeypatch, indicator, own, counties, unit
):
    upload(
        db_url,
        tmp_path,
        [
            target(SHAANXI, indicator, own, unit),
            target(YANG, indicator, counties[0], unit),
            target(CHENGGU, indicator, counties[1], unit),
        ],
        [],
    )
    row = overview_rows(db_url, monkeypatch, "?plan=revised").get(indicator)
    assert row is not None, "the province's own figure has a row"
    assert row.plan_points[2024].value == float(own)
    assert not row.plan_points[2024].rolled_up


def test_one_county_s_rate_is_not_shown_as_the_province_s(db_url, tmp_path, monkeypatch):
    upload(db_url, tmp_path, [target(YANG, "other:per_capita_income", "19198", "元")], [])
    row = overview_rows(db_url, monkeypatch, "?plan=revised").get("other:per_capita_income")
    assert row is None or 2024 not in row.plan_points, "洋县's level is not 陕西's"
