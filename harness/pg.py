"""A throwaway PostgreSQL server for the test suite: its own data directory, a free loopback port, no fsync.

``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the ``postgres`` user (``runuser``); the
data directory lives in a fresh temporary folder owned by that user. Debian's ``postgresql`` package provides the
binaries (``scripts/setup.sh test`` installs it).

Example::

    server = PgServer.start()
    url = server.create_database("seed")      # postgresql+psycopg://postgres@127.0.0.1:PORT/seed
    server.stop()
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from harness.servers import free_port


class PgUnavailable(RuntimeError):
    """PostgreSQL binaries are missing or the server did not start."""


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise PgUnavailable("PostgreSQL is not installed: run scripts/setup.sh test (Debian package postgresql)")
    return Path(found[-1]).parent


def _as_server_user(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@dataclass
class PgServer:
    root: Path
    port: int
    bin_dir: Path

    @classmethod
    def start(cls) -> PgServer:
        bin_dir = _bin_dir()
        root = Path(tempfile.mkdtemp(prefix="pgtest-"))
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        server = cls(root=root, port=free_port(), bin_dir=bin_dir)
        data = root / "data"
        server._run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-N",
            ]
        )
        options = (
            f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        server._run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
        return server

    def _run(self, args: list[str]) -> None:
        result = subprocess.run(_as_server_user(args), capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = (self.root / "log").read_text(errors="replace")[-2000:] if (self.root / "log").exists() else ""
            raise PgUnavailable(f"{' '.join(args[:1])} failed: {result.stderr.strip()} {log}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new empty database, or a copy of ``template`` (which must have no open connections)."""
        self._admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run([str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
