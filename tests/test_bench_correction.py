"""``python -m bench.correction`` at a small size: its correction goes through the upload path and restates
stored actuals (every row "changed"), and it reports both timings."""

from __future__ import annotations

import json
import subprocess
import sys

from settings import ROOT


def test_the_correction_benchmark_restates_stored_actuals(tmp_path):
    out = tmp_path / "correction.json"
    command = [sys.executable, "-m", "bench.correction", "--figures", "5000", "--rounds", "2", "--json", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["synthetic"] is True
    assert report["preview"] == {"new": 0, "changed": 10, "unchanged": 0}
    assert report["before_p50_ms"] > 0 and report["after_p50_ms"] > 0
