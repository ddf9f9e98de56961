"""Approval by level through the command line (the Contract): regions that require it, submitted batches that
count for no one but those allowed, four-eyes, one decision of two at once, ``dump --include-pending``."""

from __future__ import annotations

import json
import threading

import pytest
from click.testing import CliRunner

from db import approval
from db.session import make_engine, session_factory, transaction
from etl.cli import cli
from tests.accounts import add_users
from tests.upload_files import target_row, targets_xlsx

DINGXI_2016 = ("621100", "poor_population_reduced", 2016)  # 28.52万 in the seed plan
CAST = {
    "planner_dingxi": ("planner", ["621100"]),
    "planner_shaanxi": ("planner", ["610000"]),
    "approver_dingxi": ("approver", ["621100"]),
    "approver_dingxi2": ("approver", ["620000"]),  # 甘肃: above 定西
    "approver_shaanxi": ("approver", ["610000"]),
    "admin1": ("admin", []),
    "analyst1": ("analyst", []),
}


def run(url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", url, *args], env={"NEW_USER_PASSWORD": "x" * 16})


def upload(url: str, tmp_path, value: str, user: str, code="621100", name="定西市") -> int:
    path = tmp_path / f"{user}-{value}.xlsx"
    path.write_bytes(targets_xlsx(target_row(code=code, name=name, start=2016, end=2016, value=value)))
    result = run(url, "import", str(path), "--note", "2016 修正", "--user", user, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["batch_id"]


def target_2016(url: str, *extra: str, code="621100") -> list[float]:
    rows = json.loads(run(url, "dump", "targets", "--format", "json", *extra).output)
    return sorted(
        r["value"]
        for r in rows
        if (r["region_code"], r["indicator"], r["period_start"], r["period_end"])
        == (code, "poor_population_reduced", 2016, 2016)
    )


def batches(url: str, state: str) -> list[dict]:
    result = run(url, "batches", "--state", state, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def require_dingxi(db_url):
    add_users(db_url, CAST)
    result = run(db_url, "approval", "require", "--region", "621100")
    assert result.exit_code == 0 and result.output == "621100 定西市 and every region below it requires approval\n"


def test_a_submitted_batch_counts_for_no_one_until_approved(db_url, tmp_path):
    require_dingxi(db_url)
    batch = upload(db_url, tmp_path, "29万", "planner_dingxi")
    waiting = batches(db_url, "submitted")
    assert [(b["id"], b["state"], b["user"], b["region_codes"]) for b in waiting] == [
        (batch, "submitted", "planner_dingxi", ["621100"])
    ]
    assert target_2016(db_url) == [285200]  # what counts for everyone: the plan as published
    assert 290000 in target_2016(db_url, "--include-pending")
    result = run(db_url, "approve", str(batch), "--user", "approver_dingxi")
    assert result.exit_code == 0 and result.output == f"batch {batch} approved by approver_dingxi (621100)\n"
    assert batches(db_url, "submitted") == []
    assert [b["id"] for b in batches(db_url, "approved")][0] == batch
    assert 290000 in target_2016(db_url)


def test_returned_batches_count_for_no_one_and_keep_the_reason(db_url, tmp_path):
    require_dingxi(db_url)
    batch = upload(db_url, tmp_path, "29万", "planner_dingxi")
    no_reason = run(db_url, "return", str(batch), "--reason", "", "--user", "approver_dingxi")
    assert no_reason.exit_code == 1 and "退回批次须写明原因(规划员须更正什么) / a reason is" in no_reason.output
    result = run(db_url, "return", str(batch), "--reason", "应为 28.6万", "--user", "approver_dingxi")
    assert result.exit_code == 0 and result.output == f"batch {batch} returned by approver_dingxi: 应为 28.6万\n"
    (row,) = batches(db_url, "returned")
    assert (row["id"], row["reason"], row["decided_by"]) == (batch, "应为 28.6万", "approver_dingxi")
    assert target_2016(db_url) == [285200] and 290000 not in target_2016(db_url, "--include-pending")
    again = run(db_url, "approve", str(batch), "--user", "approver_dingxi2")
    assert again.exit_code == 1 and f"批次 {batch} 已退回(approver_dingxi 于 " in again.output
    assert f"/ batch {batch} was already returned by approver_dingxi at " in again.output


def test_refused_decisions_leave_the_batch_waiting(db_url, tmp_path):
    require_dingxi(db_url)
    run(db_url, "users", "add", "zhao", "--role", "approver", "--region", "621100")
    batch = upload(db_url, tmp_path, "29万", "zhao")  # an approver's own import (CLI --user is not checked)
    for user, why in (
        ("zhao", "another approver decides"),  # four-eyes
        ("approver_shaanxi", "regions you may not approve"),
        ("planner_dingxi", "may not approve"),
        ("analyst1", "may not approve"),
        ("nobody", "no such account"),
    ):
        result = run(db_url, "approve", str(batch), "--user", user)
        assert result.exit_code == 1 and why in result.output, (user, result.output)
    with session_factory(make_engine(db_url))() as s:
        try:
            approval.decide(s, batch, "approved", "zhao")  # the data layer refuses too, whoever calls it
            raise AssertionError("four-eyes not enforced in db.approval.decide")
        except approval.OwnBatch as exc:
            assert str(exc) == (
                f"批次 {batch} 由 zhao 提交,须由另一位审核人决定(四眼原则) / "
                f"batch {batch} was submitted by zhao: another approver must decide (four-eyes)"
            )
    assert [b["id"] for b in batches(db_url, "submitted")] == [batch]


def test_an_admin_cannot_approve_their_own_batch(db_url, tmp_path):
    require_dingxi(db_url)
    batch = upload(db_url, tmp_path, "29万", "admin1")
    result = run(db_url, "approve", str(batch), "--user", "admin1")
    assert result.exit_code == 1 and "another approver decides" in result.output
    assert run(db_url, "approve", str(batch), "--user", "approver_dingxi2").exit_code == 0


def test_regions_without_approval_work_as_before(db_url, tmp_path):
    require_dingxi(db_url)
    batch = upload(db_url, tmp_path, "30万", "planner_shaanxi", code="610000", name="陕西省")
    assert batches(db_url, "submitted") == []
    assert batch in [b["id"] for b in batches(db_url, "approved")]
    assert 300000 in target_2016(db_url, code="610000")
    assert run(db_url, "approval", "off", "--region", "621100").exit_code == 0
    upload(db_url, tmp_path, "29万", "planner_dingxi")
    assert 290000 in target_2016(db_url)


def test_two_approvers_at_once_store_exactly_one_decision(db_url, tmp_path):
    require_dingxi(db_url)
    batch = upload(db_url, tmp_path, "29万", "planner_dingxi")
    start, outcomes = threading.Barrier(2), {}

    def act(user: str, decision: str) -> None:
        sessions = session_factory(make_engine(db_url))  # each approver its own connection, as two workers
        start.wait()
        try:
            with transaction(sessions) as s:
                approval.decide(s, batch, decision, user, "重新核对" if decision == "returned" else None)
            outcomes[user] = "stored"
        except approval.AlreadyDecided as exc:
            outcomes[user] = str(exc)

    threads = [
        threading.Thread(target=act, args=("approver_dingxi", "approved")),
        threading.Thread(target=act, args=("approver_dingxi2", "returned")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(v == "stored" for v in outcomes.values()) == [False, True], outcomes
    loser = next(u for u, v in outcomes.items() if v != "stored")
    winner = next(u for u, v in outcomes.items() if v == "stored")
    assert f"批次 {batch} 已" in outcomes[loser] and f"/ batch {batch} was already" in outcomes[loser]
    assert winner in outcomes[loser]
    with session_factory(make_engine(db_url))() as s:
        row = approval.batch_summary(s, batch)
    assert row["decided_by"] == winner and row["state"] in ("approved", "returned")


def test_the_data_layer_refuses_in_chinese_then_english(db_url, tmp_path):
    require_dingxi(db_url)
    unknown = run(db_url, "approval", "require", "--region", "999999")
    assert unknown.exit_code == 1
    assert "未知地区代码 999999:请使用 data/regions_national.csv 中的行政区划代码" in unknown.output
    assert "/ unknown region code(s) 999999: use an adcode from data/regions_national.csv" in unknown.output
    waiting = upload(db_url, tmp_path, "29万", "planner_dingxi")
    counted = upload(db_url, tmp_path, "30万", "planner_shaanxi", code="610000", name="陕西省")  # no approval needed
    sessions = session_factory(make_engine(db_url))

    def decide(batch: int, decision: str, reason: str | None = None):
        return lambda s: approval.decide(s, batch, decision, "approver_dingxi", reason)

    refusals = [
        (decide(waiting, "maybe"), "决定须为 approved(通过)或 returned(退回)", "decision must be approved or"),
        (decide(waiting, "returned", "a\x1bb"), "退回原因中第 2 个字符处有控制字符", "reason: control character"),
        (decide(99999, "approved"), "批次 99999 不存在", "batch 99999 does not exist"),
        (decide(counted, "approved"), f"批次 {counted} 已通过,不在等待审核", f"batch {counted} is approved, not"),
        (lambda s: approval.batches_in_state(s, "done"), "状态须为 submitted, approved, returned 之一", "state must"),
    ]
    for act, zh, en in refusals:
        with pytest.raises(approval.ApprovalError) as refused, transaction(sessions) as s:
            act(s)
        assert str(refused.value).startswith(zh) and f" / {en}" in str(refused.value), str(refused.value)
    assert [b["id"] for b in batches(db_url, "submitted")] == [waiting]


def test_users_add_an_approver_needs_a_region(db_url):
    assert run(db_url, "users", "add", "wu", "--role", "approver").exit_code == 2
    result = run(db_url, "users", "add", "wu", "--role", "approver", "--region", "621100")
    assert result.exit_code == 0 and result.output == "added wu (approver 621100)\n"


def test_a_grid_edit_in_a_region_under_approval_waits_too(db_url):
    from db.session import make_engine, session_factory, transaction
    from etl import importer
    from etl.edits import EDIT_FILE_NAME, edits_csv, grid_rows

    require_dingxi(db_url)
    sessions = session_factory(make_engine(db_url))
    with sessions() as s:
        rows = grid_rows(s, "621122")  # 陇西县, below 定西
    assert rows, "the seed has figures for 陇西县"
    rows[0]["value"] = 12345
    with transaction(sessions) as s:
        result = importer.check_and_preview(s, edits_csv(rows), EDIT_FILE_NAME)
        batch = importer.commit(s, result, importer.Audit(user="planner_dingxi", note="grid", kind="edit"))
    (row,) = batches(db_url, "submitted")
    assert (row["id"], row["kind"], row["region_codes"]) == (batch, "edit", ["621122"])


def test_rollups_and_overlap_corrections_count_a_pending_batch_only_where_included(db_url, tmp_path):
    from db import scaled_views, visibility
    from tests.upload_files import actual_row, actuals_xlsx

    def dingxi_2014(sessions, include=()) -> list[tuple[float, int]]:
        with sessions() as s:  # the summed path: roll-ups plus the overlap correction (a second 2014 actual)
            visibility.include_pending(s, include)
            records = scaled_views.summed_records(s, ("621100",))
        return [
            (r["value"], r["count"])
            for r in records
            if (r["indicator"], r["kind"], r["period_start"], r["period_end"])
            == ("poor_population_reduced", "actual", 2014, 2014)
        ]

    require_dingxi(db_url)
    sessions = session_factory(make_engine(db_url))
    assert dingxi_2014(sessions) == [(207600.0, 1)]  # 20.76万 as published
    path = tmp_path / "actual2014.xlsx"
    path.write_bytes(actuals_xlsx(actual_row(code="621100", name="定西市", end=2014, value="21万")))
    result = run(db_url, "import", str(path), "--note", "2014 更正", "--user", "planner_dingxi", "--format", "json")
    batch = json.loads(result.stdout)["batch_id"]
    assert dingxi_2014(sessions) == [(207600.0, 1)]  # cached and fresh: the same for everyone
    assert dingxi_2014(sessions, [batch]) == [(210000.0, 1)]  # the correction replaces, never adds
    assert dingxi_2014(sessions) == [(207600.0, 1)]  # a cached pending view is never served to others
