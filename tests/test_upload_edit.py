"""In-app grid edits go through the same validation, preview, versioning, audit and revert as uploads."""

from __future__ import annotations

import pytest

from db import batches
from db.session import transaction
from etl import importer
from etl.edits import EDIT_FILE_NAME, edits_csv, grid_rows


def current(sessions, key):
    with sessions() as session:
        return batches.current_values(session).get(key)


def test_grid_edit_is_previewed_committed_as_an_edit_batch_and_reverted(sessions):
    with sessions() as session:
        rows = grid_rows(session, "610000")
    row = next(
        r
        for r in rows
        if r["kind"] == "target"
        and r["indicator"].endswith(" poor_population_reduced")
        and r["period_start"] == r["period_end"] == 2019
    )
    key = ("target", "610000", "poor_population_reduced", 2019, 2019)
    before = current(sessions, key)
    assert edits_csv(rows) == b"", "nothing edited, nothing to import"
    row["value"] = "56.6万"

    data = edits_csv(rows)
    with sessions() as session:
        result = importer.check_and_preview(session, data, EDIT_FILE_NAME)
    assert result.ok and result.preview.counts == {"new": 0, "changed": 1, "unchanged": 0}
    change = result.preview.changes[0]
    assert (change["old_value"], change["new_value"]) == (before["value"], 566000)

    with transaction(sessions) as session:
        result = importer.check_and_preview(session, data, EDIT_FILE_NAME)
        batch_id = importer.commit(
            session,
            result,
            importer.Audit(user="王芳", note="typo fixed", kind="edit"),
            expected_fingerprint=result.preview.fingerprint,
        )
    assert current(sessions, key)["value"] == 566000
    with sessions() as session:
        listed = batches.batch_list(session)[0]
    assert (listed["id"], listed["kind"], listed["user_name"], listed["note"]) == (
        batch_id,
        "edit",
        "王芳",
        "typo fixed",
    )

    with transaction(sessions) as session:
        batches.revert(session, batch_id, "王芳")
    assert current(sessions, key) == before


def test_grid_edit_with_a_bad_value_is_located(sessions):
    with sessions() as session:
        rows = grid_rows(session, "610000")
    rows[0]["value"] = "很多"
    with sessions() as session:
        result = importer.check_and_preview(session, edits_csv(rows), EDIT_FILE_NAME)
    assert [(p.code, p.row, p.column.split()[0]) for p in result.checked.problems] == [("NotANumber", 2, "G")]


def test_commit_refuses_without_note_or_after_the_data_changed(sessions):
    with sessions() as session:
        rows = grid_rows(session, "610000")
    rows[0]["value"] = 1
    data = edits_csv(rows)
    with transaction(sessions) as session:
        result = importer.check_and_preview(session, data, EDIT_FILE_NAME)
        with pytest.raises(importer.ImportRefused, match="note"):
            importer.commit(session, result, importer.Audit(note="  "))
        with pytest.raises(
            importer.ImportRefused, match="预览之后已存数据有变动.* / the stored values changed since the preview"
        ):
            importer.commit(session, result, importer.Audit(note="x"), expected_fingerprint="0" * 64)


def test_build_batches_cannot_be_reverted(sessions):
    with sessions() as session:
        build_id = next(b["id"] for b in batches.batch_list(session) if b["kind"] == "build")
    refusal = f"批次 {build_id} 是 build 批次:只有上传、修改和计划文件的批次可以撤销.* / .*only uploads and edits"
    with pytest.raises(batches.BatchError, match=refusal), transaction(sessions) as session:
        batches.revert(session, build_id, "x")
    with pytest.raises(batches.BatchError, match="^批次 99999 不存在 / batch 99999 does not exist$"):
        with transaction(sessions) as session:
            batches.revert(session, 99999, "x")
