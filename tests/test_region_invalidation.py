"""Invalidation by region: an import into one county of 定西 recomputes 定西's page and the overview, while 陕西's
page is still served from cache (migration 0010_region_versions, db/cache.py ``scope_version``)."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from db import batches, cache, rollups, schema, writes
from db.session import make_engine, session_factory, transaction
from tests.one_figure import import_one

SHAANXI, DINGXI, COUNTY = "/region/610000", "/region/621100", "621102"


@pytest.fixture
def app(db_url):
    from app import create_app

    return create_app(db_url, build_if_empty=False, progress=lambda _m: None)


def _page(app, path: str):
    output = next(k for k in app.callback_map if k.startswith("..page-content.children"))
    body = {
        "output": output,
        "outputs": [
            dict(zip(("id", "property"), k.rsplit(".", 1), strict=True)) for k in output.strip(".").split("...")
        ],
        "inputs": [
            {"id": "url", "property": "pathname", "value": path},
            {"id": "url", "property": "search", "value": "?indicator=poor_population_reduced"},
        ],
        "changedPropIds": ["url.pathname"],
    }
    answer = app.server.test_client().post("/_dash-update-component", json=body)
    assert answer.status_code == 200
    return answer


def _import_into_county(engine, value: float, kind: str = "upload", county: str = COUNTY) -> int:
    with transaction(session_factory(engine)) as s:
        return import_one(s, county, 2030, value, kind)


def _served(app, paths):
    return {p: _page(app, p) for p in paths}


def test_an_import_into_one_county_leaves_other_provinces_cached(app, db_url):
    paths = (SHAANXI, DINGXI, "/")
    before = _served(app, paths)
    assert {p: a.headers["X-Callback-Cache"] for p, a in _served(app, paths).items()} == dict.fromkeys(paths, "hit")
    counts = dict(app.server.extensions["callback_cache"])

    engine = make_engine(db_url)
    batch = _import_into_county(engine, 4321)
    after = _served(app, paths)
    assert {p: a.headers["X-Callback-Cache"] for p, a in after.items()} == {SHAANXI: "hit", DINGXI: "miss", "/": "miss"}
    assert app.server.extensions["callback_cache"] == {"hits": counts["hits"] + 1, "misses": counts["misses"] + 2}
    assert after[SHAANXI].data == before[SHAANXI].data
    assert "2030" in after[DINGXI].get_data(as_text=True) and "2030" not in before[DINGXI].get_data(as_text=True)
    assert after["/"].data != before["/"].data

    with transaction(session_factory(engine)) as s:
        batches.revert(s, batch, "tester")
    reverted = _served(app, paths)
    assert {p: a.headers["X-Callback-Cache"] for p, a in reverted.items()} == {
        SHAANXI: "hit",
        DINGXI: "miss",
        "/": "miss",
    }
    assert "2030" not in reverted[DINGXI].get_data(as_text=True)


def test_a_build_or_catalogue_change_recomputes_every_page(app, db_url):
    _served(app, (SHAANXI,))
    engine = make_engine(db_url)
    _import_into_county(engine, 1, kind="build")
    assert _page(app, SHAANXI).headers["X-Callback-Cache"] == "miss"
    with transaction(session_factory(engine)) as s:
        s.execute(text("UPDATE indicators SET name_en = name_en || ' ' WHERE code = 'poor_population_reduced'"))
    assert _page(app, SHAANXI).headers["X-Callback-Cache"] == "miss"


def test_scope_version_follows_the_province(db_url):
    engine = make_engine(db_url)
    sessions = session_factory(engine)

    def versions():
        with sessions() as s:
            return {c: cache.scope_version(s, c) for c in ("610000", "610981", "621102", "nowhere", None)}

    start = versions()
    assert start["610000"] == start["610981"] and start["610000"][:3] == ("region", start["610000"][1], "610000")
    assert start["nowhere"][0] == start[None][0] == "all"
    _import_into_county(engine, 7)
    after = versions()
    assert after["610981"] == start["610981"]
    assert after["621102"] != start["621102"] and after[None] != start[None]


def test_a_request_reads_the_same_version_as_a_session(db_url):
    engine = make_engine(db_url)
    codes = ("610000", "610981", "621102", "nowhere", None)
    for _ in range(2):  # the second time from what the process remembers of each region's province
        with session_factory(engine)() as s:
            assert [cache.request_scope(engine, c) for c in codes] == [cache.scope_version(s, c) for c in codes]
    _import_into_county(engine, 7)
    with session_factory(engine)() as s:
        assert [cache.request_scope(engine, c) for c in codes] == [cache.scope_version(s, c) for c in codes]


def test_a_region_moved_to_another_province_is_read_under_it(db_url):
    # what the process remembers of a region's province holds for one catalogue version only
    engine = make_engine(db_url)
    sessions = session_factory(engine)
    assert cache.request_scope(engine, "610981")[2] == "610000"
    with sessions() as s:
        assert cache.scope_version(s, "610981")[2] == "610000"
    with transaction(sessions) as s:
        writes.new_batch(s, "regions", file_name="moved.csv")
        row = dict(
            s.execute(text("SELECT code, name_zh, name_en, level FROM regions WHERE code = '610981'")).one()._mapping
        )
        writes.upsert_regions(s, [{**row, "parent_code": "621100"}])
    assert cache.request_scope(engine, "610981")[2] == "620000"
    with sessions() as s:
        assert cache.scope_version(s, "610981")[2] == "620000"


def test_upgrade_to_0010_keeps_data_and_versions_every_province(backend_url):
    engine = make_engine(backend_url)
    previous = ScriptDirectory.from_config(schema.alembic_config(engine)).get_revision("0010_region_versions")
    schema.upgrade(engine, previous.down_revision)
    with engine.begin() as conn:
        for code, parent in (("610000", None), ("610900", "610000"), ("620000", None)):
            conn.execute(
                text("INSERT INTO regions (code, parent_code, name_zh, name_en, level) VALUES (:c, :p, :c, :c, 'x')"),
                {"c": code, "p": parent},
            )
        version = conn.execute(text("SELECT version FROM data_state")).scalar_one()
    schema.upgrade(engine, "0010_region_versions")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version, catalogue FROM data_state")).one() == (version, 1)
        rows = conn.execute(text("SELECT province_code, version FROM region_versions ORDER BY 1")).all()
        assert rows == [("610000", 1), ("620000", 1)]
        assert conn.execute(text("SELECT count(*) FROM regions")).scalar_one() == 3
    schema.upgrade(engine)
    schema.upgrade(engine, previous.down_revision)  # and back down
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM regions")).scalar_one() == 3


def test_aggregates_of_other_provinces_stay_cached_after_an_import(tmp_path, monkeypatch):
    from db import scaled_views
    from etl.synth import synthesize

    url = f"sqlite:///{tmp_path / 'synth.db'}"
    synthesize(make_engine(url), figures=4000, progress=lambda _m: None)
    monkeypatch.setattr(scaled_views, "SMALL", 50)
    cache.configure(1024)
    engine = make_engine(url)
    sessions = session_factory(engine)
    with sessions() as s:
        tops = [r["code"] for r in scaled_views.overview_records(s)[0]]
        county = s.execute(text("SELECT code FROM regions WHERE level = 'county' ORDER BY code")).scalars().first()
    home = next(t for t in tops if t[:2] == county[:2])
    other = next(t for t in tops if t != home)
    with sessions() as s:
        before = {code: scaled_views.region_records(s, code)[1] for code in (home, other)}
    _import_into_county(engine, 4321, county=county)
    hits, misses = cache.stats["hits"], cache.stats["misses"]
    with sessions() as s:
        assert scaled_views.region_records(s, other)[1] == before[other]
        assert (cache.stats["hits"], cache.stats["misses"]) == (hits + 1, misses)
        home_after = scaled_views.region_records(s, home)[1]
        assert cache.stats["misses"] == misses + 1
    assert any(r["period_end"] == 2030 for r in home_after)
    assert not any(r["period_end"] == 2030 for r in before[home])


def test_figures_written_without_roll_ups_invalidate_every_page_until_rolled_up(db_url):
    engine = make_engine(db_url)
    sessions = session_factory(engine)
    with transaction(sessions) as s:
        batch = writes.new_batch(s, "upload", file_name="raw.xlsx")
        source = writes.get_or_create_source(s, kind="upload", title="raw", file_name="raw.xlsx")
        s.execute(
            text(
                "INSERT INTO figures (kind, region_code, indicator_code, period_start, period_end, value, comparator, "
                "unit, source_id, batch_id, quote, note) VALUES ('actual', :c, 'poor_population_reduced', 2030, "
                "2030, 1, '=', '人', :s, :b, '', '')"
            ),
            {"c": COUNTY, "s": source.id, "b": batch.id},
        )
    with sessions() as s:
        assert cache.scope_version(s, "610000")[0] == "all", "which province changed is not known yet"
    rollups.ensure(engine)
    with sessions() as s:
        assert cache.scope_version(s, "610000")[0] == "region"


def test_batches_not_rolled_up_count_only_when_they_hold_figures(db_url):
    engine = make_engine(db_url)
    sessions = session_factory(engine)
    with sessions() as s:
        start = cache.scope_version(s, "610981")
    with transaction(sessions) as s:  # batches without figures (a region load, an empty upload): not rolled up yet
        empty = [writes.new_batch(s, "upload", file_name=f"empty{i}.xlsx").id for i in range(3)]
        source = writes.get_or_create_source(s, kind="upload", title="raw", file_name="raw.xlsx")
    with sessions() as s:
        assert set(empty) <= set(rollups.pending(s))
        assert cache.scope_version(s, "610981") == ("region", start[1], "610000", start[3])
    with transaction(sessions) as s:
        s.execute(
            text(
                "INSERT INTO figures (kind, region_code, indicator_code, period_start, period_end, value, comparator, "
                "unit, source_id, batch_id, quote, note) VALUES ('actual', :c, 'poor_population_reduced', 2030, "
                "2030, 1, '=', '人', :s, :b, '', '')"
            ),
            {"c": COUNTY, "s": source.id, "b": empty[1]},
        )
    with sessions() as s:
        version = cache.data_version(s)
        assert cache.scope_version(s, "610981") == ("all", version), "a batch of them has figures now"
