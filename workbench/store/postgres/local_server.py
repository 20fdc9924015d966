"""A throwaway PostgreSQL server for tests and benchmarks: `initdb` into a temporary folder and `postgres`
listening only on a unix socket in that folder (no TCP port, nothing shared with other runs).

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (`runuser`), in a
folder it owns. Binaries: PATH first, then Debian's /usr/lib/postgresql/<version>/bin. Not used by the
product itself: a team points crmwb at its own server.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


class ServerUnavailable(Exception):
    """No PostgreSQL server could be started here; the message says why."""


def find_binaries() -> Path:
    """The folder holding initdb, pg_ctl and postgres."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    for folder in sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    ):
        if Path(folder, "initdb").exists():
            return Path(folder)
    raise ServerUnavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl) on PATH or under "
        "/usr/lib/postgresql/*/bin; install Debian's postgresql package"
    )


@dataclass
class LocalServer:
    folder: Path
    bin: Path
    as_postgres: bool

    @property
    def socket_dir(self) -> Path:
        return self.folder / "sock"

    def address(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """A libpq address of this server (key=value: the socket folder is a path, awkward in a URL)."""
        return f"host={self.socket_dir} port=5432 dbname={database} user={user}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if check and result.returncode != 0:
            raise ServerUnavailable(
                f"{' '.join(args[:1])} failed ({result.returncode}): "
                f"{(result.stderr or result.stdout).strip()[-800:]}"
            )
        return result

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start() -> LocalServer:
    """initdb + start; raises ServerUnavailable with the reason when that is not possible here."""
    binaries = find_binaries()
    as_postgres = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_postgres and not shutil.which("runuser"):
        raise ServerUnavailable("running as root and no runuser to start PostgreSQL as the postgres user")
    folder = Path(tempfile.mkdtemp(prefix="crmwb-pg-"))
    server = LocalServer(folder, binaries, as_postgres)
    try:
        server.socket_dir.mkdir()
        if as_postgres:
            import pwd

            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                raise ServerUnavailable(
                    "running as root and there is no postgres user to run the server as"
                ) from None
            for path in (folder, server.socket_dir):
                os.chown(path, account.pw_uid, account.pw_gid)
        server._run(
            "initdb",
            "-D",
            str(folder / "data"),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        server._run(
            "pg_ctl",
            "-D",
            str(folder / "data"),
            "-l",
            str(folder / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-k {server.socket_dir} -c listen_addresses='' -c fsync=off -c max_connections=100",
            "start",
        )
    except BaseException:
        log = folder / "server.log"
        detail = log.read_text(errors="replace")[-800:] if log.exists() else ""
        server.stop()
        if detail:
            raise ServerUnavailable(f"the PostgreSQL server did not start: {detail}") from None
        raise
    return server
