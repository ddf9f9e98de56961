"""Target tiers: migration 0007 keeps every figure (as committed); stretch figures are a series of their own,
never summed with or put in place of committed ones (analysis, roll-ups, overlaps, scaled pages)."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select, text

from analysis.series import plan_vs_actual, stretch_points
from db import queries, schema
from db.models import Figure, FigureOverlap
from db.scaled_views import summed_records
from db.session import make_engine, transaction
from etl.cli import cli
from etl.documents import read_document
from etl.intake import commit, propose
from tests import subtree_sums
from tests.intake_docs import WEIYUAN


def test_upgrade_to_0007_makes_every_stored_figure_committed_and_keeps_overlaps(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    schema.upgrade(engine, "0006_sessions")
    with engine.begin() as conn:
        for code, parent, level in (("610000", None, "province"), ("610900", "610000", "prefecture")):
            conn.execute(
                text("INSERT INTO regions (code, parent_code, name_zh, name_en, level) VALUES (:c, :p, :c, :c, :l)"),
                {"c": code, "p": parent, "l": level},
            )
        conn.execute(
            text(
                "INSERT INTO indicators (code, name_zh, name_en, unit, kind, direction, basis) "
                "VALUES ('people', '人', 'people', '人', 'flow', 'up', 'registered')"
            )
        )
        conn.execute(text("INSERT INTO sources (id, kind, title, reliability) VALUES (1, 'document', 'd', 'official')"))
        conn.execute(
            text(
                "INSERT INTO batches (id, kind, user_name, created_at, note, rows_targets, rows_actuals) "
                "VALUES (1, 'build', 'system', '2026-01-01 00:00:00', '', 2, 0)"
            )
        )
        for figure_id, region in ((1, "610000"), (2, "610900")):
            conn.execute(
                text(
                    "INSERT INTO figures (id, kind, region_code, indicator_code, period_start, period_end, value, "
                    "comparator, unit, source_id, batch_id, quote, note) VALUES (:i, 'target', :r, 'people', "
                    "2017, 2017, 42, '=', '人', 1, 1, 'q', '')"
                ),
                {"i": figure_id, "r": region},
            )
        conn.execute(
            text("INSERT INTO figure_overlaps (figure_id, region_code, indicator_code) VALUES (2, '610900', 'people')")
        )
    schema.upgrade(engine, "0007_target_tier")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT alembic_version.version_num FROM alembic_version")).scalar_one() == (
            "0007_target_tier"
        )
        assert conn.execute(text("SELECT id, region_code, value, quote, tier FROM figures ORDER BY id")).all() == [
            (1, "610000", 42.0, "q", "committed"),
            (2, "610900", 42.0, "q", "committed"),
        ]
        assert conn.execute(text("SELECT figure_id FROM figure_overlaps")).all() == [(2,)]
        assert conn.execute(text("SELECT text FROM sources")).all() == [(None,)]
    schema.upgrade(engine, "0006_sessions")  # and back down, keeping the figures
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM figures")).scalar_one() == 2
        assert conn.execute(text("SELECT count(*) FROM figure_overlaps")).scalar_one() == 1


def _ingest(sessions, tiers: dict[int, str]) -> tuple[int, list[dict]]:
    """渭源's 2021 plan with its people target stored as committed 12000 and/or a stretch 15000."""
    doc = read_document(WEIYUAN.encode("utf-8"), "weiyuan.txt")
    with sessions() as session:
        p = propose(session, doc, "weiyuan.txt")
    people = next(r for r in p.rows if r["indicator"] == "poor_population_reduced")
    rows = []
    for tier, value in (("committed", 12000), ("stretch", 15000)):
        if tier in tiers.values():
            rows.append({**people, "row_id": 100 + len(rows), "tier": tier, "value": value})
    with transaction(sessions) as session:
        return commit(session, p, rows, user_name="王芳"), rows


def _people(session, code):
    return queries.figures(session, region_codes=[code], indicator="poor_population_reduced")


def test_actuals_compare_with_the_committed_tier_and_stretch_is_its_own_series(sessions, db_url):
    batch_id, _ = _ingest(sessions, {1: "committed", 2: "stretch"})
    with sessions() as session:
        figures = _people(session, "621123")
        assert sorted(f["tier"] for f in figures if f["batch_id"] == batch_id) == ["committed", "stretch"]
        series = plan_vs_actual(figures, "621123")
        assert series["original"][2021].value == 12000
        assert stretch_points(figures, "621123")[2021].value == 15000
        prefecture = queries.figures(session, region_codes=["621100", "621123"], indicator="poor_population_reduced")
        assert plan_vs_actual(prefecture, "621100")["original"][2021].value == 12000  # rolled up: committed only
    dump = CliRunner().invoke(cli, ["--database-url", db_url, "dump", "targets"]).stdout.splitlines()
    assert dump[0].endswith(",quote,tier")
    mine = sorted(
        line.rsplit(",", 1)[1] for line in dump if line.startswith("621123,渭源县,poor_population_reduced,2021")
    )
    assert mine == ["committed", "stretch"]


def test_a_stretch_figure_is_never_summed_rolled_up_or_listed_as_an_overlap(sessions):
    with sessions() as session:
        before = subtree_sums.subtree_totals(session, "621100", "poor_population_reduced")
    batch_id, _ = _ingest(sessions, {1: "stretch"})
    with sessions() as session:
        assert subtree_sums.subtree_totals(session, "621100", "poor_population_reduced") == before
        assert not [r for r in summed_records(session, ("621123",)) if r["period_end"] == 2021]
        ids = list(session.scalars(select(Figure.id).where(Figure.batch_id == batch_id)))
        assert ids and not list(
            session.scalars(select(FigureOverlap.figure_id).where(FigureOverlap.figure_id.in_(ids)))
        )
    _ingest_committed_too(sessions)
    with sessions() as session:
        rows = [
            r for r in subtree_sums.subtree_totals(session, "621100", "poor_population_reduced") if r["year"] == 2021
        ]
        assert [(r["series"], r["value"], r["count"]) for r in rows] == [("original", 12000.0, 1)]


def _ingest_committed_too(sessions):
    text_ = WEIYUAN.replace("渭源县人民政府\n2021年3月1日", "渭源县人民政府\n2021年3月2日")  # another document
    doc = read_document(text_.encode("utf-8"), "weiyuan-2.txt")
    with sessions() as session:
        p = propose(session, doc, "weiyuan-2.txt")
    people = [r for r in p.rows if r["indicator"] == "poor_population_reduced"]
    with transaction(sessions) as session:
        commit(session, p, people, user_name="王芳")
