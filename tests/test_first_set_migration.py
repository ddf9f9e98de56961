"""Migration 0011_first_set_originals: a database whose uploads stored every target as a revision, and whose
documents restating any target too (the write paths before it), upgrades in place. Targets that set a year first
move to an original plan version of their batch, no figure value changes, the roll-ups follow, and downgrade
restores the old shape exactly. Batches written with the app's own write functions as the old write paths wrote
them; figures are TEST/synthetic."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from db import batches, rollups, schema, writes
from db.models import Figure, FigureRollup, PlanVersion
from db.session import make_engine, session_factory, transaction
from views.region import region_view

HAINAN, SHAANXI, PEOPLE = "460000", "610000", "poor_population_reduced"
FIRST_SET = "首次设定 first set: "
BEFORE = "0010_region_versions"
FIGURES = (
    "SELECT id, kind, region_code, indicator_code, period_start, period_end, value, comparator, unit, source_id, "
    "batch_id, quote, note, tier FROM figures ORDER BY id"
)


def old_upload(
    engine, note: str, rows: list[tuple], kind: str = "upload", reverted: bool = False, version_kind: str = "revision"
) -> int:
    """An upload as the importer stored it before 0011: every target in one plan version of kind revision (a
    document: original when it restated no stored target)."""
    with transaction(session_factory(engine)) as s:
        targets = [r for r in rows if r[0] == "target"]
        batch = writes.new_batch(
            s, kind, user_name="王芳", file_name=f"{note}.xlsx", note=note, rows_targets=len(targets),
            rows_actuals=len(rows) - len(targets),
        )  # fmt: skip
        source = batches.new_source(s, kind=kind, title=f"{note}.xlsx", file_name=f"{note}.xlsx")
        version = writes.new_plan_version(
            s, name=f"{note} ({note}.xlsx, batch {batch.id})", kind=version_kind, source_id=source, batch_id=batch.id
        ).id
        batches.insert_figures(
            s,
            [
                {
                    "kind": figure_kind,
                    "region_code": region,
                    "indicator_code": PEOPLE,
                    "period_start": year,
                    "period_end": year,
                    "value": value,
                    "comparator": "=",
                    "unit": "人",
                    "plan_version_id": version if figure_kind == "target" else None,
                    "source_id": source,
                    "batch_id": batch.id,
                    "quote": "",
                    "note": "TEST synthetic",
                }
                for figure_kind, region, year, value in rows
            ],
        )
    if reverted:
        with transaction(session_factory(engine)) as s:
            batches.revert(s, batch.id, "王芳")
    return batch.id


def migrate(engine, down: bool = False) -> None:
    if not down:
        schema.upgrade(engine)
        return
    cfg = schema.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, BEFORE)


def table(engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def versions(engine, batch_id: int) -> list[tuple]:
    """(kind, name, [(region, year, value) of its targets]) of each plan version of the batch."""
    with session_factory(engine)() as s:
        out = []
        for v in s.scalars(select(PlanVersion).where(PlanVersion.batch_id == batch_id).order_by(PlanVersion.id)):
            figures = s.execute(
                select(Figure.region_code, Figure.period_end, Figure.value)
                .where(Figure.plan_version_id == v.id)
                .order_by(Figure.region_code, Figure.period_end)
            )
            out.append((v.kind, v.name, [tuple(f) for f in figures]))
        return out


def plans(engine, code: str) -> dict[str, dict[int, float]]:
    with session_factory(engine)() as s:
        return {
            plan: {y: p.value for y, p in region_view(s, code, f"?indicator={PEOPLE}{q}").progress.plan_points.items()}
            for plan, q in (("original", ""), ("revised", "&plan=revised"))
        }


def rollup_rows(engine, batch_ids: list[int]) -> list[tuple]:
    with session_factory(engine)() as s:
        r = FigureRollup
        columns = (r.batch_id, r.region_code, r.indicator_code, r.kind, r.plan_version_id, r.period_end, r.total)
        return sorted(tuple(row) for row in s.execute(select(*columns).where(r.batch_id.in_(batch_ids))))


def test_an_old_database_upgrades_moving_first_settings_to_original_plans(db_url):
    engine = make_engine(db_url)
    migrate(engine, down=True)
    mixed = old_upload(engine, "mixed", [("target", HAINAN, 2018, 100000), ("target", SHAANXI, 2019, 564000),
                                         ("actual", HAINAN, 2013, 10000)])  # fmt: skip
    later = old_upload(engine, "later", [("target", HAINAN, 2018, 90000), ("target", HAINAN, 2019, 80000)])
    first = old_upload(engine, "first", [("target", HAINAN, 2017, 70000)])
    gone = old_upload(engine, "gone", [("target", HAINAN, 2016, 60000)], reverted=True)
    edit = old_upload(engine, "edit", [("target", SHAANXI, 2020, 300000)], kind="edit")
    doc = old_upload(engine, "doc", [("target", HAINAN, 2015, 50000), ("target", SHAANXI, 2018, 700000)], "document")
    new_doc = old_upload(engine, "new_doc", [("target", HAINAN, 2014, 40000)], "document", version_kind="original")
    ours = [mixed, later, first, gone, edit, doc, new_doc]
    figures, plan_versions = table(engine, FIGURES), table(engine, "SELECT * FROM plan_versions ORDER BY id")
    figure_versions = table(engine, "SELECT id, plan_version_id FROM figures ORDER BY id")
    state = table(engine, "SELECT version, catalogue FROM data_state")[0]
    shaanxi = plans(engine, SHAANXI)
    assert plans(engine, HAINAN)["original"] == {2014: 40000.0}, "the old shape: first settings only under revised"

    migrate(engine)
    assert versions(engine, mixed) == [
        ("revision", f"mixed (mixed.xlsx, batch {mixed})", [(SHAANXI, 2019, 564000.0)]),
        ("original", f"{FIRST_SET}mixed (mixed.xlsx, batch {mixed})", [(HAINAN, 2018, 100000.0)]),
    ]
    assert versions(engine, later) == [
        ("revision", f"later (later.xlsx, batch {later})", [(HAINAN, 2018, 90000.0)]),
        ("original", f"{FIRST_SET}later (later.xlsx, batch {later})", [(HAINAN, 2019, 80000.0)]),
    ]
    assert versions(engine, first) == [("original", f"first (first.xlsx, batch {first})", [(HAINAN, 2017, 70000.0)])]
    assert versions(engine, gone) == [("revision", f"gone (gone.xlsx, batch {gone})", [(HAINAN, 2016, 60000.0)])]
    assert versions(engine, edit) == [("revision", f"edit (edit.xlsx, batch {edit})", [(SHAANXI, 2020, 300000.0)])]
    assert versions(engine, doc) == [
        ("revision", f"doc (doc.xlsx, batch {doc})", [(SHAANXI, 2018, 700000.0)]),
        ("original", f"{FIRST_SET}doc (doc.xlsx, batch {doc})", [(HAINAN, 2015, 50000.0)]),
    ]
    assert versions(engine, new_doc) == [
        ("original", f"new_doc (new_doc.xlsx, batch {new_doc})", [(HAINAN, 2014, 40000.0)])
    ]
    assert table(engine, FIGURES) == figures, "no figure changes but its plan version"
    hainan = {2014: 40000.0, 2015: 50000.0, 2017: 70000.0}
    assert plans(engine, HAINAN) == {
        "original": {**hainan, 2018: 100000.0, 2019: 80000.0},
        "revised": {**hainan, 2018: 90000.0, 2019: 80000.0},
    }
    assert plans(engine, SHAANXI) == shaanxi
    version, catalogue = table(engine, "SELECT version, catalogue FROM data_state")[0]
    assert version > state[0] and catalogue > state[1], "caches made before the move are not served"

    migrated = rollup_rows(engine, ours)
    with transaction(session_factory(engine)) as s:
        s.execute(text("DELETE FROM figure_rollups WHERE batch_id >= :b"), {"b": mixed})
        s.execute(text("DELETE FROM rolled_batches WHERE batch_id >= :b"), {"b": mixed})
        rollups.roll_up(s, ours)
    assert migrated == rollup_rows(engine, ours), "the roll-ups follow the figures to their plan versions"

    migrate(engine, down=True)
    assert table(engine, FIGURES) == figures
    assert table(engine, "SELECT id, plan_version_id FROM figures ORDER BY id") == figure_versions
    assert table(engine, "SELECT * FROM plan_versions ORDER BY id") == plan_versions
    migrate(engine)
    assert [versions(engine, b)[-1][0] for b in ours] == [*["original"] * 3, *["revision"] * 2, *["original"] * 2]
