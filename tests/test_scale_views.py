"""Pages at national scale: summed records give the same plan-versus-actual as every figure; cached pages follow
imports."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from analysis.progress import progress
from analysis.regions import descendants
from db import queries, scaled_views, tree, writes
from db.models import Region
from db.session import make_engine, session_factory, transaction
from etl.synth import synthesize


@pytest.fixture(scope="module")
def synthetic_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('views') / 'synth.db'}"
    synthesize(make_engine(url), figures=4000, progress=lambda _m: None)
    return url


def _values(p) -> dict:
    return {name: {y: round(pt.value, 6) for y, pt in points.items()} for name, points in p.series.items()}


def test_summed_records_give_the_same_series_as_every_figure(synthetic_url, monkeypatch):
    monkeypatch.setattr(scaled_views, "SMALL", 50)
    with session_factory(make_engine(synthetic_url))() as s:
        province = s.scalar(select(Region.code).where(Region.level == "province").order_by(Region.code))
        indicator = queries.indicator(s, "poor_population_reduced")
        regions, summed = scaled_views.region_records(s, province)
        assert any(r["id"] == 0 and "sum of" in r["note"] for r in summed), "the scaled path was taken"
        assert {r["code"] for r in regions} >= {r["region_code"] for r in summed}
        every = queries.figures(s, region_codes=[province, *descendants(queries.regions(s), province)])
    for plan in ("original", "revised"):
        exact = progress([r for r in every if r["indicator"] == indicator["code"]], province, indicator, plan)
        scaled = progress([r for r in summed if r["indicator"] == indicator["code"]], province, indicator, plan)
        assert _values(scaled) == _values(exact)
        assert exact.series["actual"], "the comparison is not empty"


def test_summed_records_are_labelled_synthetic(synthetic_url, monkeypatch):
    monkeypatch.setattr(scaled_views, "SMALL", 50)
    with session_factory(make_engine(synthetic_url))() as s:
        _, figures = scaled_views.overview_records(s)
    assert figures and {r["reliability"] for r in figures} == {"synthetic"}


def test_a_cached_page_is_rebuilt_after_an_import(synthetic_url, tmp_path):
    from app import create_app

    app = create_app(synthetic_url, build_if_empty=False, progress=lambda _m: None)
    client = app.server.test_client()
    output = next(k for k in app.callback_map if k.startswith("..page-content.children"))
    spec = app.callback_map[output]
    body = json.dumps(
        {
            "output": output,
            "outputs": [
                dict(zip(("id", "property"), k.rsplit(".", 1), strict=True)) for k in output.strip(".").split("...")
            ],
            "inputs": [{**i, "value": "/" if i["property"] == "pathname" else ""} for i in spec["inputs"]],
            "changedPropIds": ["url.pathname"],
        }
    )

    def post():
        return client.post("/_dash-update-component", data=body, content_type="application/json")

    first, second = post(), post()
    assert first.status_code == second.status_code == 200
    assert second.headers.get("X-Callback-Cache") == "hit" and second.data == first.data
    engine = make_engine(synthetic_url)
    with transaction(session_factory(engine)) as s:
        source = writes.get_or_create_source(s, kind="synthetic", title="合成数据 SYNTHETIC test", file_name="t")
        batch = writes.new_batch(s, "synth", file_name="t")
        county = s.scalar(select(Region.code).where(Region.level == "county").order_by(Region.code))
        writes.add_figures(
            s,
            [
                {
                    "kind": "actual",
                    "region_code": county,
                    "indicator_code": "poor_population_reduced",
                    "period_start": 2030,
                    "period_end": 2030,
                    "value": 1.0,
                    "source_id": source.id,
                    "batch_id": batch.id,
                    "quote": "",
                    "note": "",
                }
            ],
        )
    third = post()
    assert third.headers.get("X-Callback-Cache") != "hit"
    assert third.data != first.data, "the new year 2030 shows"


def test_every_page_of_a_synthetic_database_says_so(synthetic_url):
    from app import create_app

    app = create_app(synthetic_url, build_if_empty=False, progress=lambda _m: None)
    client = app.server.test_client()
    output = next(k for k in app.callback_map if k.startswith("..page-content.children"))
    for path in ("/", "/region/110000"):
        body = {
            "output": output,
            "outputs": [
                dict(zip(("id", "property"), k.rsplit(".", 1), strict=True)) for k in output.strip(".").split("...")
            ],
            "inputs": [
                {"id": "url", "property": "pathname", "value": path},
                {"id": "url", "property": "search", "value": "?lang=en"},
            ],
            "changedPropIds": ["url.pathname"],
        }
        page = client.post("/_dash-update-component", json=body).get_json()["response"]["page-content"]["children"]
        assert "SYNTHETIC (合成数据)" in json.dumps(page, ensure_ascii=False), path


@pytest.mark.parametrize(
    ("path", "cached"),
    [("/", True), ("/region/610000", True), ("/map/610000", True), ("/upload", False), ("/history", False)],
)
def test_only_pages_of_stored_figures_are_cached(path, cached):
    from app import _data_page

    assert _data_page({"inputs": [{"id": "url", "property": "pathname", "value": path}]}) is cached


@pytest.fixture
def mixed_url(backend_url) -> str:
    """Synthetic counties plus what real data brings: targets of one prefecture's counties from two documents
    and two uploads (one plan version each), an actual corrected by a later upload, and a prefecture reporting
    its own total beside its counties. On SQLite, or PostgreSQL with ``--backend postgresql``."""
    url = backend_url
    engine = make_engine(url)
    synthesize(engine, figures=4000, progress=lambda _m: None)
    with transaction(session_factory(engine)) as s:
        province = s.scalar(select(Region.code).where(Region.level == "province").order_by(Region.code))
        prefecture = s.scalar(select(Region.code).where(Region.parent_code == province).order_by(Region.code))
        counties = list(s.scalars(select(Region.code).where(Region.parent_code == prefecture).order_by(Region.code)))
        assert len(counties) >= 3
        source = writes.get_or_create_source(s, kind="synthetic", title="合成数据 SYNTHETIC mixed", file_name="m")

        def add(kind: str, region: str, indicator: str, year: int, value: float, version_kind: str | None = None):
            batch = writes.new_batch(s, "upload", file_name="m")
            version = (
                writes.new_plan_version(s, name=f"v{batch.id}", kind=version_kind, batch_id=batch.id).id
                if version_kind
                else None
            )
            row = {"kind": kind, "region_code": region, "indicator_code": indicator, "period_start": year}
            row |= {"period_end": year, "value": value, "plan_version_id": version, "source_id": source.id}
            writes.add_figures(s, [{**row, "batch_id": batch.id, "quote": "", "note": "synthetic test"}])

        for county in counties[:2]:  # two documents, two original plan versions
            add("target", county, "counties_exited", 2018, 1, "original")
            add("actual", county, "counties_exited", 2018, 1)
        for county, value in zip(counties[:2], (1111, 2222), strict=True):  # two uploads, two revisions
            add("target", county, "poor_population_reduced", 2019, value, "revision")
        add("actual", counties[0], "poor_population_reduced", 2018, 5555)  # corrects the synthetic actual
        add("actual", prefecture, "poor_population_reduced", 2017, 99999)  # the prefecture's own total
    return url


@pytest.mark.parametrize("level", ["province", "prefecture"])
@pytest.mark.parametrize("indicator_code", ["poor_population_reduced", "counties_exited"])
def test_summed_records_match_every_figure_with_several_plan_versions_corrections_and_levels(
    mixed_url, monkeypatch, level, indicator_code
):
    monkeypatch.setattr(scaled_views, "SMALL", 50)
    with session_factory(make_engine(mixed_url))() as s:
        province = s.scalar(select(Region.code).where(Region.level == "province").order_by(Region.code))
        code = (
            province
            if level == "province"
            else s.scalar(select(Region.code).where(Region.parent_code == province).order_by(Region.code))
        )
        indicator = queries.indicator(s, indicator_code)
        _, summed = scaled_views.region_records(s, code)
        assert any(r["id"] == 0 for r in summed), "the scaled path was taken"
        every = queries.figures(s, region_codes=[code, *descendants(queries.regions(s), code)])
    for plan in ("original", "revised"):
        exact = progress([r for r in every if r["indicator"] == indicator_code], code, indicator, plan)
        scaled = progress([r for r in summed if r["indicator"] == indicator_code], code, indicator, plan)
        assert _values(scaled) == _values(exact), plan
        assert exact.series["actual"] and exact.series["original"], "the comparison is not empty"


def test_summed_records_still_match_after_the_overlapping_uploads_are_reverted(mixed_url, monkeypatch):
    from db import batches
    from db.models import Batch

    monkeypatch.setattr(scaled_views, "SMALL", 50)
    engine = make_engine(mixed_url)
    with transaction(session_factory(engine)) as s:
        for batch_id in s.scalars(select(Batch.id).where(Batch.kind == "upload").order_by(Batch.id.desc()).limit(2)):
            batches.revert(s, batch_id, "test")  # the prefecture's own total and the corrected actual
    with session_factory(engine)() as s:
        province = s.scalar(select(Region.code).where(Region.level == "province").order_by(Region.code))
        indicator = queries.indicator(s, "poor_population_reduced")
        _, summed = scaled_views.region_records(s, province)
        every = queries.figures(s, region_codes=[province, *descendants(queries.regions(s), province)])
    exact = progress([r for r in every if r["indicator"] == indicator["code"]], province, indicator, "original")
    scaled = progress([r for r in summed if r["indicator"] == indicator["code"]], province, indicator, "original")
    assert _values(scaled) == _values(exact)
    assert 99999 not in _values(exact)["actual"].values()


def test_overlaps_of_several_subtrees_read_at_once_equal_one_read_per_subtree(mixed_url):
    from db import overlaps, tree

    with session_factory(make_engine(mixed_url))() as s:
        province = s.scalar(select(Region.code).where(Region.level == "province").order_by(Region.code))
        for parent in (None, province):
            where = Region.parent_code.is_(None) if parent is None else Region.parent_code == parent
            codes = list(s.scalars(select(Region.code).where(where).order_by(Region.code)))
            nodes = tree.subtrees(s, codes)
            assert [n["code"] for n in nodes] == codes
            at_once = overlaps.live_in_subtrees(s, nodes, [])
            one_by_one = {n["code"]: overlaps.live_in_subtree(s, n, []) for n in nodes}
            assert at_once == one_by_one
            assert any(at_once.values()), "the corrections and the prefecture's total overlap"


def test_a_county_summed_by_its_townships_matches_every_figure(backend_url, monkeypatch):
    """Below counties there are no roll-ups: a county's townships are summed from the figures, in one statement
    over their code ranges (db/scaled_views.py), and give what every figure gives."""
    engine = make_engine(backend_url)
    synthesize(engine, figures=4000, progress=lambda _m: None)
    with transaction(session_factory(engine)) as s:
        county = s.scalar(select(Region.code).where(Region.level == "county").order_by(Region.code))
        towns = [f"{county}{n:03d}" for n in (1, 2, 3)]
        villages = {town: [f"{town}201"] for town in towns}
        tree.bulk_upsert_regions(
            s,
            [{"code": t, "parent_code": county, "name_zh": t, "name_en": t, "level": "township"} for t in towns]
            + [
                {"code": v[0], "parent_code": t, "name_zh": v[0], "name_en": v[0], "level": "village"}
                for t, v in villages.items()
            ],
        )
        used = {r["indicator"] for r in queries.figures(s, region_codes=[county])}
        indicator = next(i["code"] for i in queries.indicators(s) if i["code"] not in used)
        source = writes.get_or_create_source(s, kind="synthetic", title="合成数据 SYNTHETIC towns", file_name="t")
        batch = writes.new_batch(s, "upload", file_name="t")
        version = writes.new_plan_version(s, name="t", kind="original", batch_id=batch.id).id
        rows = []
        for i, codes in enumerate(villages.values()):
            for year in (2018, 2019):
                base = {"region_code": codes[0], "indicator_code": indicator, "period_start": year, "period_end": year}
                base |= {"source_id": source.id, "batch_id": batch.id, "quote": "", "note": "synthetic test"}
                rows.append({**base, "kind": "target", "value": 10.0 + i, "plan_version_id": version})
                rows.append({**base, "kind": "actual", "value": 9.0 + i + year % 2, "plan_version_id": None})
        writes.add_figures(s, rows)
    monkeypatch.setattr(scaled_views, "SMALL", 0)
    with session_factory(engine)() as s:
        _, summed = scaled_views.region_records(s, county)
        every = queries.figures(s, region_codes=[county, *descendants(queries.regions(s), county)])
        catalogue = {i["code"]: i for i in queries.indicators(s)}
    assert {r["region_code"] for r in summed if r["indicator"] == indicator} == set(towns)
    exact = progress([r for r in every if r["indicator"] == indicator], county, catalogue[indicator], "original")
    scaled = progress([r for r in summed if r["indicator"] == indicator], county, catalogue[indicator], "original")
    assert _values(scaled) == _values(exact)
    assert exact.series["actual"] and exact.series["original"], "the comparison is not empty"
