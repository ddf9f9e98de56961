"""At scale a region page reads its sub-regions as sums of their subtrees (db.scaled_views.region_records); a rate
or a level per person is no sum, so a sub-region's bar of such an indicator is its own figure: never one county's
figure shown as its prefecture's (洋县's 2% as 汉中's), and shown when the prefecture sets it itself.

Through the real upload path into 汉中 610700 and its county 洋县 (synthetic test figures)."""

from __future__ import annotations

from tests.test_rollup_honest import YANG, upload, view_of
from tests.test_rollup_not_additive import target

HANZHONG, SHAANXI = "610700", "610000"


def hanzhong_bar(db_url: str, monkeypatch, indicator: str):
    from db import scaled_views

    monkeypatch.setattr(scaled_views, "SMALL", 5)  # every subtree read as sums, as at millions of figures
    view = view_of(db_url, SHAANXI, f"?indicator={indicator}")
    return {c["code"]: c for c in view.children}.get(HANZHONG)


def test_one_county_s_rate_is_not_its_prefecture_s_bar(db_url, tmp_path, monkeypatch):
    upload(db_url, tmp_path, [target(YANG, "poverty_incidence", "2", "%")], [])
    bar = hanzhong_bar(db_url, monkeypatch, "poverty_incidence")
    assert bar is None or bar["plan"] is None, bar


def test_a_prefecture_s_own_rate_is_its_bar_beside_its_county_s(db_url, tmp_path, monkeypatch):
    upload(
        db_url,
        tmp_path,
        [target(YANG, "poverty_incidence", "2", "%"), target(HANZHONG, "poverty_incidence", "2.5", "%")],
        [],
    )
    bar = hanzhong_bar(db_url, monkeypatch, "poverty_incidence")
    assert bar is not None and bar["plan"] == 2.5


def test_counts_still_add_up_at_scale(db_url, tmp_path, monkeypatch):
    upload(db_url, tmp_path, [target(YANG, "poor_population_reduced", "2万")], [])
    bar = hanzhong_bar(db_url, monkeypatch, "poor_population_reduced")
    assert bar is not None and bar["plan"] == 20000
