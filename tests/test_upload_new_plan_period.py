"""A planner's Excel may bring a new plan period: 2024 targets of a 衔接 plan upload though the stored plans end
in 2020 (planner trial, session 32: they were refused as "outside the years the stored plans cover"). A year no
plan could name (2091 for 2019) is still refused, located (tests/test_upload_bad_files.py)."""

from __future__ import annotations

from click.testing import CliRunner

from etl.cli import cli
from tests.test_rollup_honest import upload
from tests.upload_files import target_row


def test_targets_of_a_new_plan_period_are_accepted(db_url, tmp_path):
    row = target_row(
        code="610723", name="洋县", indicator="other:per_capita_income", start=2024, end=2024, value="19198", unit="元"
    )
    upload(db_url, tmp_path, [[*row, "必成"]], [])  # asserts the import succeeds
    dumped = CliRunner().invoke(cli, ["--database-url", db_url, "dump", "targets"], catch_exceptions=False).stdout
    stored = [line for line in dumped.splitlines() if line.startswith("610723,") and ",2024,2024," in line]
    assert len(stored) == 1 and ",19198," in stored[0], stored
