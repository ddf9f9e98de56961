"""The quick start serves through gunicorn: ``scripts/serve`` (what ``scripts/run`` runs after set-up) on an empty
database builds it, says how to create the first administrator, answers on its port and prints no
development-server warning."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from harness.servers import free_port

ROOT = Path(__file__).resolve().parent.parent


def wait_for_answer(url: str, proc: subprocess.Popen, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status
        except OSError:
            pass
        try:  # not answering yet: wait for the server to exit (a failure), at most half a second
            proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"server exited with {proc.returncode}")
    raise AssertionError(f"no answer from {url} in {seconds} s")


def test_scripts_run_serves_through_gunicorn_and_builds_the_database(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    env = {
        **os.environ,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'quick.db'}",
        "PUBLIC_READ": "1",
        "WORKERS": "2",
        "THREADS": "2",
    }
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(ROOT / "scripts" / "serve")],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            assert wait_for_answer(f"http://127.0.0.1:{port}/", proc, 240) == 200
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=30) as response:
                layout = json.dumps(json.loads(response.read()), ensure_ascii=False)
                assert "扶贫目标进度看板" in layout  # the header of the page frame
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
    output = log.read_text()
    assert "gunicorn" in output.lower() and f"Listening at: http://127.0.0.1:{port}" in output
    assert "Booting worker" in output
    assert "first run: building the database" in output
    assert "python -m etl users add admin --role admin" in output
    assert "development server" not in output.lower()
    assert (tmp_path / "quick.db").stat().st_size > 0
