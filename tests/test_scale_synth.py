"""Synthetic national data: labelled synthetic everywhere, never mixed into real data."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from db.models import Batch, Figure, Source
from db.session import make_engine, session_factory
from etl.cli import cli
from etl.synth import PER_INDICATOR, MixedDataError, synthesize
from tests import subtree_sums


def test_every_synthetic_figure_is_labelled_and_sums_add_up(backend_url):
    engine = make_engine(backend_url)
    summary = synthesize(engine, figures=3000, progress=lambda _m: None)
    assert summary["figures"] == 3000
    with session_factory(engine)() as s:
        labels = s.execute(
            select(Source.kind, Source.title, Batch.kind, Figure.note, func.count())
            .join(Source, Source.id == Figure.source_id)
            .join(Batch, Batch.id == Figure.batch_id)
            .group_by(Source.kind, Source.title, Batch.kind, Figure.note)
        ).all()
        assert [(k, bk, n) for k, _, bk, n, _ in labels] == [("synthetic", "synth", "合成数据 synthetic")]
        assert "合成数据 SYNTHETIC" in labels[0][1]
        county = s.scalar(select(Figure.region_code).where(Figure.indicator_code == "poor_population_reduced"))
        rows = subtree_sums.subtree_totals(s, county, "poor_population_reduced", include_self=True)
        assert sum(r["count"] for r in rows) == PER_INDICATOR
    engine.dispose()


def test_rerunning_replaces_the_synthetic_batch(backend_url):
    engine = make_engine(backend_url)
    synthesize(engine, figures=500, progress=lambda _m: None)
    synthesize(engine, figures=700, progress=lambda _m: None)
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Figure)) == 700
        assert s.scalar(select(func.count()).select_from(Batch).where(Batch.kind == "synth")) == 1
    engine.dispose()


def test_synthetic_figures_are_refused_in_a_database_with_real_figures(db_url):
    with pytest.raises(MixedDataError, match="never mixed"):
        synthesize(make_engine(db_url), figures=10, progress=lambda _m: None)


def test_the_cli_refuses_the_default_database_unless_asked(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = CliRunner().invoke(cli, ["synth", "--figures", "10"])
    assert result.exit_code == 1
    assert "database of their own" in result.output


def test_synthetic_figures_never_overlap_so_their_batch_needs_no_overlap_list(backend_url):
    from collections import defaultdict

    from db.models import PlanVersion
    from db.overlaps import overlapping, series

    engine = make_engine(backend_url)
    synthesize(engine, figures=3000, progress=lambda _m: None)
    by_key = defaultdict(list)
    f = Figure
    with session_factory(engine)() as s:
        rows = s.execute(
            select(
                f.id, f.region_code, f.indicator_code, f.kind, PlanVersion.kind, f.period_start, f.period_end
            ).outerjoin(PlanVersion, PlanVersion.id == f.plan_version_id)
        )
        for figure_id, region, indicator, kind, version_kind, start, end in rows:
            by_key[(indicator, kind, series(kind, version_kind), start, end)].append((figure_id, region))
    assert len(by_key) > 10 and any(key[2] == "revision" for key in by_key)
    assert set().union(*(overlapping(group) for group in by_key.values())) == set()
    engine.dispose()
