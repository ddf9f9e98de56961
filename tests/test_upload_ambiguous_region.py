"""A region name that several regions share (朝阳: 辽宁's 朝阳市, 北京's and 长春's 朝阳区, 朝阳县) is refused in an
upload, located at its cell and naming the candidates; a name only one region has, and adcodes, still work."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from etl.cli import cli
from tests.upload_files import TARGET_HEADERS, target_row, xlsx

T = "目标 Targets"


def run(db_url, *args):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args])


@pytest.fixture
def national_db(db_url) -> str:
    """The seed database with the national region tree loaded (where short names start to collide)."""
    loaded = run(db_url, "regions")
    assert loaded.exit_code == 0, loaded.output
    return db_url


def _book(tmp_path, rows):
    path = tmp_path / "regions.xlsx"
    path.write_bytes(xlsx({T: [TARGET_HEADERS, *rows]}))
    return path


def test_a_short_name_several_regions_share_is_refused_at_its_cell(national_db, tmp_path):
    path = _book(tmp_path, [target_row(code="", name="朝阳", end=2020, value="1.2万")])
    result = run(national_db, "import", str(path), "--dry-run")
    assert result.exit_code == 1, result.output
    assert "目标 Targets, row 2, column B (地区名称 region_name): '朝阳' 可指多个地区" in result.output
    for candidate in ("朝阳市 211300", "朝阳区 110105", "朝阳区 220104", "朝阳县 211321"):
        assert candidate in result.output
    assert "write the 6-digit adcode or the full name" in result.output
    assert "朝阳市 211300 (辽宁省)" in result.output and "朝阳区 110105 (北京市)" in result.output


@pytest.mark.parametrize(
    ("code", "name", "column"),
    [
        ("", "城关区", "B (地区名称 region_name)"),  # a full name two districts have (拉萨, 兰州)
        ("", "河北", "B (地区名称 region_name)"),  # 河北省, or 天津's 河北区
        ("吉林", "", "A (地区代码 region_code)"),  # a name in the code column: 吉林省 or 吉林市
    ],
)
def test_every_shared_name_is_refused_whichever_column_holds_it(national_db, tmp_path, code, name, column):
    path = _book(tmp_path, [target_row(code=code, name=name, end=2020, value="1.2万")])
    result = run(national_db, "import", str(path), "--dry-run")
    assert result.exit_code == 1, result.output
    assert f"目标 Targets, row 2, column {column}: '{code or name}' 可指多个地区" in result.output
    assert "fix: 填写所指地区的 6 位代码或全称" in result.output


def test_unambiguous_names_full_names_and_codes_still_import(national_db, tmp_path):
    rows = [
        target_row(code="", name="渭源", end=2020, value="1.2万"),  # a short name only 渭源县 has
        target_row(code="", name="朝阳市", end=2020, value="2万"),  # the full name says which 朝阳
        target_row(code="220104", name="朝阳区", end=2020, value="3万"),  # a shared name with its code beside it
        target_row(code="110105", name="朝阳", end=2020, value="4万"),
    ]
    path = _book(tmp_path, rows)
    result = run(national_db, "import", str(path), "--note", "地区名称测试", "--user", "王芳")
    assert result.exit_code == 0, result.output
    assert "4 new, 0 changed, 0 unchanged" in result.output
    dump = run(national_db, "dump", "targets").stdout.splitlines()
    cells = [line.split(",") for line in dump if ",poor_population_reduced,2020,2020," in line]
    stored = {(c[0], c[5]) for c in cells}
    assert {("621123", "12000"), ("211300", "20000"), ("220104", "30000"), ("110105", "40000")} <= stored


def test_a_code_that_contradicts_a_shared_name_is_a_mismatch(national_db, tmp_path):
    path = _book(tmp_path, [target_row(code="621123", name="朝阳区", end=2020, value="1.2万")])
    result = run(national_db, "import", str(path), "--dry-run")
    assert result.exit_code == 1
    assert (
        "column B (地区名称 region_name): 代码 621123 是 渭源县,名称却是 '朝阳区' / "
        "code 621123 is 渭源县, but the name says '朝阳区'"
    ) in result.output
