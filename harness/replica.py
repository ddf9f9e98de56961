"""A PostgreSQL primary and a hot standby streaming from it, both throwaway and on loopback, for the replica test.

The primary is a ``PgServer`` with ``wal_level=replica`` and a ``repl`` role allowed to replicate from 127.0.0.1;
the standby is a ``pg_basebackup -R`` copy of it (``standby.signal`` and ``primary_conninfo`` written by
``pg_basebackup``), started on its own free port with ``hot_standby=on``. Every step has a time limit.

Example::

    pair = ReplicaPair.start()
    url = pair.primary.create_database("fupin")      # created on the primary, replayed on the standby
    pair.wait_replayed()
    pair.standby.url("fupin")                        # read-only: writes fail with SQLSTATE 25006
    pair.stop()
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from harness.pg import PgServer, PgUnavailable, _as_server_user
from harness.servers import free_port

PRIMARY_SETTINGS = "-c wal_level=replica -c max_wal_senders=4 -c full_page_writes=on -c wal_keep_size=64MB"
# a standby refuses to start with fewer connections than its primary allows (harness/pg.py sets 200)
STANDBY_SETTINGS = "-c max_connections=200 -c hot_standby=on -c hot_standby_feedback=on"


def _query(port: int, sql: str, params: tuple = ()):
    import psycopg

    dsn = f"host=127.0.0.1 port={port} user=postgres dbname=postgres connect_timeout=10"
    with psycopg.connect(dsn, autocommit=True) as conn:
        return conn.execute(sql, params).fetchone()


def _until(what: str, check, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except Exception as exc:  # noqa: BLE001 - a server still starting refuses connections for a moment
            last = exc
        else:
            last = None
        if time.monotonic() > deadline:
            raise PgUnavailable(f"{what}: not within {timeout:.0f} s" + (f" ({last})" if last else ""))
        time.sleep(0.1)


def _discard(server: PgServer) -> None:
    """Stop a server that may not be running; its folder goes either way."""
    try:
        server.stop()
    except PgUnavailable:
        pass


@dataclass
class ReplicaPair:
    primary: PgServer
    standby: PgServer

    @classmethod
    def start(cls, timeout: float = 60) -> ReplicaPair:
        """A primary and a streaming hot standby, or ``PgUnavailable`` saying which step failed."""
        primary = PgServer.start(PRIMARY_SETTINGS)
        try:
            standby = cls._standby_of(primary, timeout)
        except BaseException:
            _discard(primary)
            raise
        pair = cls(primary, standby)
        try:
            _until(
                "standby in recovery",
                lambda: _query(standby.port, "SELECT pg_is_in_recovery()")[0],
                timeout,
            )
            _until(
                "replication streaming",
                lambda: _query(primary.port, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")[0],
                timeout,
            )
        except BaseException:
            pair.stop()
            raise
        return pair

    @staticmethod
    def _standby_of(primary: PgServer, timeout: float) -> PgServer:
        primary._admin("CREATE ROLE repl WITH REPLICATION LOGIN")
        hba = primary.root / "data" / "pg_hba.conf"
        hba.write_text("host replication repl 127.0.0.1/32 trust\n" + hba.read_text())  # first match wins
        primary._admin("SELECT pg_reload_conf()")
        root = Path(tempfile.mkdtemp(prefix="pgstandby-"))
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        standby = PgServer(root=root, port=free_port(), bin_dir=primary.bin_dir)
        base = [str(primary.bin_dir / "pg_basebackup"), "-R", "-D", str(root / "data"), "-X", "stream"]
        base += ["-h", "127.0.0.1", "-p", str(primary.port), "-U", "repl", "--checkpoint=fast", "-w"]
        try:
            result = subprocess.run(_as_server_user(base), capture_output=True, text=True, timeout=timeout)
            if result.returncode != 0:
                raise PgUnavailable(f"pg_basebackup failed: {result.stderr.strip()}")
            options = f"-p {standby.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off {STANDBY_SETTINGS}"
            pg_ctl = [str(primary.bin_dir / "pg_ctl"), "-D", str(root / "data"), "-o", options]
            standby._run([*pg_ctl, "-l", str(root / "log"), "-w", "-t", str(int(timeout)), "start"])
        except BaseException:
            _discard(standby)
            raise
        return standby

    def wait_replayed(self, timeout: float = 30) -> str:
        """Wait until the standby has replayed everything the primary has written so far; returns that LSN.

        The insert position, not the flushed one: with ``synchronous_commit=off`` a commit may not be flushed yet.
        """
        target = _query(self.primary.port, "SELECT pg_current_wal_insert_lsn()::text")[0]
        _until(
            f"standby replay up to {target}",
            lambda: _query(self.standby.port, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,))[0],
            timeout,
        )
        return target

    def stop(self) -> None:
        _discard(self.standby)
        _discard(self.primary)
