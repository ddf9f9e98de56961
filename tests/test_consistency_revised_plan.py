"""A plan's multi-year total is checked against the yearly targets of the same plan (trial F11, session 33): with
the revised plan shown, 陕西's 2018–2020 total of the original plan (183.27万) is no "✖ 不一致" against the
revision's 2019 figure (56.5万 in place of 63.5万); it is still checked against the original years (the seeds)."""

from __future__ import annotations

from tests.test_rollup_honest import view_of

SHAANXI = "610000"


def span_checks(db_url: str, plan: str):
    view = view_of(db_url, SHAANXI, f"?indicator=poor_population_reduced&plan={plan}")
    return [c for c in view.checks if c.check == "span" and c.kind == "target"]


def test_the_original_total_is_checked_against_the_original_years_even_with_the_revision_shown(db_url):
    (original,) = span_checks(db_url, "original")
    (revised,) = span_checks(db_url, "revised")
    assert (original.start, original.end, original.stated) == (2018, 2020, 1832700.0)
    assert original.agrees is True
    assert revised.summed == original.summed and revised.agrees is True
