"""An upload that sets a year no plan has set is the original plan of that year; one that restates a year is a
revision. Real .xlsx files imported through the real CLI into a copy of the seed database; figures are
TEST/synthetic (海南 has actuals of people lifted out of poverty but no plan for them in the seed data)."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import select

from db.models import Figure, PlanVersion
from db.session import make_engine, session_factory
from etl.cli import cli
from etl.importer import FIRST_SET
from tests.upload_files import ACTUAL_HEADERS, TARGET_HEADERS, actual_row, target_row, xlsx
from views.region import region_view

HAINAN, SHAANXI, PEOPLE = "460000", "610000", "poor_population_reduced"
NEW_TARGET = target_row(code=HAINAN, name="海南省", end=2018, value="10万", note="TEST synthetic")
RESTATED = target_row(code=SHAANXI, name="陕西省", end=2019, value="56.4万", note="TEST synthetic")
NEW_ACTUAL = actual_row(code=HAINAN, name="海南省", end=2013, value="1万", note="TEST synthetic")


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args], catch_exceptions=False)


def upload(db_url: str, tmp_path, name: str, targets: list, actuals: list = ()) -> int:
    path = tmp_path / name
    sheets = {"目标 Targets": [TARGET_HEADERS, *targets]}
    if actuals:
        sheets["实际 Actuals"] = [ACTUAL_HEADERS, *actuals]
    path.write_bytes(xlsx(sheets))
    done = run(db_url, "import", str(path), "--note", "TEST 首次上传", "--user", "王芳", "--format", "json")
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)["batch_id"]


def plans(db_url: str, code: str) -> dict[str, dict[int, float]]:
    """The plan the region page measures against, by year, in the default view and in ?plan=revised."""
    with session_factory(make_engine(db_url))() as s:
        return {
            plan: {y: p.value for y, p in region_view(s, code, f"?indicator={PEOPLE}{q}").progress.plan_points.items()}
            for plan, q in (("original", ""), ("revised", "&plan=revised"))
        }


def versions(db_url: str, batch_id: int) -> list[tuple[str, str, list[tuple[str, int, float]]]]:
    """(kind, name, [(region, year, value) of its targets]) of each plan version of the batch."""
    with session_factory(make_engine(db_url))() as s:
        out = []
        for v in s.scalars(select(PlanVersion).where(PlanVersion.batch_id == batch_id).order_by(PlanVersion.id)):
            figures = s.execute(
                select(Figure.region_code, Figure.period_end, Figure.value)
                .where(Figure.plan_version_id == v.id)
                .order_by(Figure.region_code)
            )
            out.append((v.kind, v.name, [tuple(f) for f in figures]))
        return out


def test_a_first_upload_of_targets_shows_in_the_original_plan_and_the_revised(db_url, tmp_path):
    assert plans(db_url, HAINAN) == {"original": {}, "revised": {}}
    batch = upload(db_url, tmp_path, "海南.xlsx", [NEW_TARGET])
    assert plans(db_url, HAINAN) == {"original": {2018: 100000.0}, "revised": {2018: 100000.0}}
    name = f"{FIRST_SET}TEST 首次上传 (海南.xlsx, batch {batch})"
    assert versions(db_url, batch) == [("original", name, [(HAINAN, 2018, 100000.0)])]


def test_an_upload_restating_a_year_is_a_revision(db_url, tmp_path):
    before = plans(db_url, SHAANXI)
    assert (before["original"][2019], before["revised"][2019]) == (635000.0, 565000.0)
    batch = upload(db_url, tmp_path, "陕西.xlsx", [RESTATED])
    after = plans(db_url, SHAANXI)
    assert after["original"] == before["original"]
    assert after["revised"] == {**before["revised"], 2019: 564000.0}
    assert versions(db_url, batch) == [
        ("revision", f"TEST 首次上传 (陕西.xlsx, batch {batch})", [(SHAANXI, 2019, 564000.0)])
    ]


def test_a_mixed_upload_makes_two_plan_versions_of_one_batch_and_revert_removes_both(db_url, tmp_path):
    dumps = [run(db_url, "dump", kind).stdout for kind in ("targets", "actuals")]
    shown = {code: plans(db_url, code) for code in (HAINAN, SHAANXI)}
    batch = upload(db_url, tmp_path, "混合.xlsx", [NEW_TARGET, RESTATED], [NEW_ACTUAL])
    assert [(kind, figures) for kind, _name, figures in versions(db_url, batch)] == [
        ("original", [(HAINAN, 2018, 100000.0)]),
        ("revision", [(SHAANXI, 2019, 564000.0)]),
    ]
    assert plans(db_url, HAINAN)["original"] == {2018: 100000.0}
    assert plans(db_url, SHAANXI)["revised"][2019] == 564000.0

    assert run(db_url, "revert", str(batch), "--user", "王芳").exit_code == 0
    assert [run(db_url, "dump", kind).stdout for kind in ("targets", "actuals")] == dumps
    assert {code: plans(db_url, code) for code in (HAINAN, SHAANXI)} == shown


def test_the_preview_says_a_new_target_sets_its_year_first(db_url):
    from db.session import transaction
    from etl import importer
    from layouts.upload_page import preview_view

    data = xlsx({"目标 Targets": [TARGET_HEADERS, NEW_TARGET, RESTATED], "实际 Actuals": [ACTUAL_HEADERS, NEW_ACTUAL]})
    with transaction(session_factory(make_engine(db_url))) as s:
        result = importer.check_and_preview(s, data, "混合.xlsx")
    page = str(preview_view(result.preview.counts, result.preview.items, "zh").to_plotly_json())
    badges = [b for b in ("＋ 首次设定", "✎ 修改", "＋ 新增") if b in page]
    assert badges == ["＋ 首次设定", "✎ 修改", "＋ 新增"]
    assert page.count("＋ 首次设定") == 1 and result.preview.counts == {"new": 2, "changed": 1, "unchanged": 0}
