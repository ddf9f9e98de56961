"""SIGKILL during the commit of an import leaves the previous state intact (one transaction)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from etl.cli import cli
from tests.upload_files import TARGET_HEADERS, csv_bytes

ROOT = Path(__file__).resolve().parent.parent
FLOWS = ["poor_population_reduced", "villages_exited", "households_exited", "relocated_people"]

# The real CLI in a child process; after the first chunk of figures is written inside the open transaction the
# child announces it and waits, so the test's SIGKILL lands mid-commit every time.
DRIVER = """
import sys, threading
import db.writes as writes
original = writes.add_figures
def add_then_wait(session, rows):
    count = original(session, rows)
    print("MID-COMMIT", file=sys.stderr, flush=True)
    threading.Event().wait()
    return count
writes.add_figures = add_then_wait
from etl.cli import cli
cli.main(sys.argv[1:], prog_name="etl")
"""


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args], catch_exceptions=False)


def state(db_url: str) -> tuple[str, ...]:
    return tuple(
        run(db_url, *a).stdout for a in (("dump", "targets"), ("dump", "actuals"), ("batches", "--format", "json"))
    )


def test_sigkill_mid_commit_leaves_previous_state(db_url, tmp_path):
    rows = [TARGET_HEADERS] + [
        ["610000", "", indicator, start, end, "", 1000 + start * 10 + end, "", "", "", "", "synthetic"]
        for indicator in FLOWS
        for start in range(2014, 2021)
        for end in range(start, 2021)
    ]
    path = tmp_path / "targets.csv"
    path.write_bytes(csv_bytes(rows))
    before = state(db_url)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            DRIVER,
            "--database-url",
            db_url,
            "import",
            str(path),
            "--kind",
            "target",
            "--note",
            "killed mid-commit",
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        for line in child.stderr:
            if "MID-COMMIT" in line:
                break
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    if db_url.startswith("sqlite"):  # also run on PostgreSQL (--backend postgresql), where this check has no twin
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert state(db_url) == before
    # The database is not left locked: the same file imports cleanly afterwards.
    assert run(db_url, "import", str(path), "--kind", "target", "--note", "after the kill").exit_code == 0
    assert state(db_url) != before
