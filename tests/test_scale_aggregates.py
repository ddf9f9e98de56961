"""Roll-ups add up to a naive sum; the cache sees every import and revert at once; a subtree is one range."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from db import cache, rollups, schema, tree, writes
from db.models import Figure
from db.session import make_engine, session_factory, transaction
from tests import subtree_sums

# a small tree: two provinces; 61's subtree has a prefecture with counties and villages
REGIONS = [
    ("610000", None, "province"),
    ("610900", "610000", "prefecture"),
    ("610981", "610900", "county"),
    ("610902", "610900", "county"),
    ("610981101", "610981", "township"),
    ("610981101001", "610981101", "village"),
    ("610981101002", "610981101", "village"),
    ("611000", "610000", "prefecture"),
    ("611002", "611000", "county"),
    ("620000", None, "province"),
    ("621100", "620000", "prefecture"),
    ("621122", "621100", "county"),
]


def _load(engine) -> None:
    schema.upgrade(engine)
    with transaction(session_factory(engine)) as s:
        tree.bulk_upsert_regions(
            s, [{"code": c, "parent_code": p, "name_zh": c, "name_en": c, "level": lvl} for c, p, lvl in REGIONS]
        )
        writes.upsert_indicators(
            s,
            [
                {
                    "code": "people",
                    "name_zh": "人",
                    "name_en": "people",
                    "unit": "人",
                    "kind": "flow",
                    "direction": "up",
                    "basis": "registered",
                }
            ],
        )


def _import(engine, rows: list[tuple[str, str, int, float]], note: str = "import") -> int:
    """One 'upload': a batch with figures (region, kind, year, value); returns the batch id."""
    with transaction(session_factory(engine)) as s:
        source = writes.get_or_create_source(s, kind="upload", title=note, file_name=f"{note}.xlsx")
        batch = writes.new_batch(s, "upload", file_name=f"{note}.xlsx")
        version = writes.new_plan_version(s, name=note, kind="original", source_id=source.id, batch_id=batch.id)
        writes.add_figures(
            s,
            [
                {
                    "kind": kind,
                    "region_code": code,
                    "indicator_code": "people",
                    "period_start": year,
                    "period_end": year,
                    "value": value,
                    "comparator": "=",
                    "unit": "人",
                    "plan_version_id": version.id if kind == "target" else None,
                    "source_id": source.id,
                    "batch_id": batch.id,
                    "quote": "",
                    "note": "",
                }
                for code, kind, year, value in rows
            ],
        )
        return batch.id


def _naive(engine, root: str, include_self: bool) -> dict[tuple[str, int], float]:
    parents = {c: p for c, p, _ in REGIONS}

    def under(code: str) -> bool:
        while code is not None:
            if code == root:
                return True
            code = parents[code]
        return False

    out: dict[tuple[str, int], float] = {}
    with session_factory(engine)() as s:
        for f in s.scalars(select(Figure)):
            if under(f.region_code) and (include_self or f.region_code != root):
                key = ("original" if f.kind == "target" else f.kind, f.period_end)
                out[key] = out.get(key, 0) + f.value
    return out


@pytest.fixture
def engine(backend_url):
    engine = make_engine(backend_url)
    _load(engine)
    cache.clear()
    yield engine
    engine.dispose()


def test_subtree_sums_equal_the_naive_sum_for_every_region(engine):
    rng = random.Random(7)
    _import(
        engine,
        [
            (c, kind, year, float(rng.randint(1, 999)))
            for c, _, _ in REGIONS
            for kind in ("target", "actual")
            for year in (2016, 2017)
        ],
    )
    with session_factory(engine)() as s:
        for code, _, _ in REGIONS:
            for include_self in (False, True):
                got = {
                    (r["series"], r["year"]): r["value"]
                    for r in subtree_sums.subtree_totals(s, code, "people", include_self=include_self)
                }
                assert got == pytest.approx(_naive(engine, code, include_self)), (code, include_self)


def test_child_totals_cover_each_child_subtree(engine):
    _import(
        engine,
        [
            ("610981101001", "actual", 2017, 5.0),
            ("610981", "actual", 2017, 7.0),
            ("611002", "actual", 2017, 11.0),
            ("621122", "actual", 2017, 13.0),
        ],
    )
    with session_factory(engine)() as s:
        by_child = {(r["code"], r["series"]): r["value"] for r in subtree_sums.child_totals(s, "610000", "people")}
        national = {r["code"]: r["value"] for r in subtree_sums.child_totals(s, None, "people")}
    assert by_child == {("610900", "actual"): 12.0, ("611000", "actual"): 11.0}
    assert national == {"610000": 23.0, "620000": 13.0}


def test_an_import_and_a_revert_are_seen_through_the_cache(engine):
    sessions = session_factory(engine)

    def province_actual() -> float:
        with sessions() as s:
            rows = subtree_sums.subtree_totals(s, "610000", "people")
        return sum(r["value"] for r in rows if r["series"] == "actual")

    _import(engine, [("610902", "actual", 2018, 100.0)], "first")
    assert province_actual() == 100.0
    hits = cache.stats["hits"]
    assert province_actual() == 100.0
    assert cache.stats["hits"] == hits + 1, "the second read is served from the cache"
    second = _import(engine, [("610981101002", "actual", 2018, 50.0)], "second")
    assert province_actual() == 150.0
    with transaction(sessions) as s:
        writes.mark_reverted(s, second, "tester")
    assert province_actual() == 100.0


def test_indicators_in_subtree_ignore_reverted_batches(engine):
    batch = _import(engine, [("621122", "target", 2019, 1.0)])
    with session_factory(engine)() as s:
        assert subtree_sums.indicators_in_subtree(s, "620000") == ["people"]
        assert subtree_sums.indicators_in_subtree(s, "610000") == []
    with transaction(session_factory(engine)) as s:
        writes.mark_reverted(s, batch, "tester")
    with session_factory(engine)() as s:
        assert subtree_sums.indicators_in_subtree(s, "620000") == []


def test_descendants_come_from_one_range(engine):
    with session_factory(engine)() as s:
        assert tree.descendant_codes(s, "610900") == [
            "610902",
            "610981",
            "610981101",
            "610981101001",
            "610981101002",
        ]
        assert tree.descendant_codes(s, "610900", "village") == ["610981101001", "610981101002"]


def test_every_change_to_batches_raises_the_data_version(engine):
    sessions = session_factory(engine)

    def version() -> int:
        with sessions() as s:
            return cache.data_version(s)

    start = version()
    batch = _import(engine, [("610902", "actual", 2018, 1.0)])
    after_import = version()
    with transaction(sessions) as s:
        writes.mark_reverted(s, batch, "tester")
    after_revert = version()
    with transaction(sessions) as s:
        writes.remove_batches(s, "upload")
    assert start < after_import < after_revert < version()


def test_batches_written_without_roll_ups_are_read_from_figures_then_rolled_up(engine):
    with transaction(session_factory(engine)) as s:
        source = writes.get_or_create_source(s, kind="upload", title="raw", file_name="raw.xlsx")
        batch = writes.new_batch(s, "upload", file_name="raw.xlsx")
        s.execute(
            Figure.__table__.insert(),
            [
                {
                    "kind": "actual",
                    "region_code": "610981101001",
                    "indicator_code": "people",
                    "period_start": 2019,
                    "period_end": 2019,
                    "value": 9.0,
                    "comparator": "=",
                    "unit": "人",
                    "source_id": source.id,
                    "batch_id": batch.id,
                    "quote": "",
                    "note": "",
                }
            ],
        )
    with session_factory(engine)() as s:
        assert rollups.pending(s) == [batch.id]
        assert subtree_sums.subtree_totals(s, "610000", "people")[0]["value"] == 9.0
    assert rollups.ensure(engine) == 3  # province, prefecture, county
    with session_factory(engine)() as s:
        assert rollups.pending(s) == []
        assert subtree_sums.subtree_totals(s, "610000", "people")[0]["value"] == 9.0
