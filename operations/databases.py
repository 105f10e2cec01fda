"""
Dumping and restoring the database with each engine's own tools.

PostgreSQL: pg_dump's custom format from a snapshot exported by our own transaction, restored with
pg_restore in one transaction. SQLite: its online backup API, page by page, in both directions. Both
give an exact copy (search vectors, sequences, indexes and all) in seconds, and the dump matches the
snapshot the media list is read from. dumpdata/loaddata would be portable between the engines but is
neither: it reads table after table with no common snapshot, and for 100,000 articles it builds the
whole JSON in memory and replays every row through the ORM.
"""

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import CommandError
from django.db import transaction

DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


def dump_name(connection) -> str:
    return DUMP_NAMES[connection.vendor]


def postgres_command(connection, program: str, parameters: list[str]) -> tuple[list[str], dict]:
    """Return a PostgreSQL client program's arguments and environment for this connection (as dbshell builds psql's)."""
    if shutil.which(program) is None:
        raise CommandError(
            f"{program} is needed to back up or restore PostgreSQL: install the PostgreSQL client "
            "(apt-get install postgresql-client) of the server's major version or newer."
        )
    args, env = connection.client.settings_to_cmd_args_env(connection.settings_dict, parameters)
    return [program, *args[1:]], {**os.environ, **(env or {})}


def run(args: list[str], env: dict) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{args[0]} failed (exit {result.returncode}): {result.stderr.strip()}")


@contextmanager
def snapshot_dump(connection, path: Path) -> Iterator[None]:
    """
    Dump the database to `path`, then run the block in a read transaction that sees exactly the dumped
    state, so that what the block reads (the media the database refers to, its migrations) matches the dump.
    """
    if connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            # pg_dump joins our snapshot: it sees what this transaction sees, whatever commits meanwhile.
            options = ["--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", f"--file={path}"]
            run(*postgres_command(connection, "pg_dump", options))
            yield
        return
    # SQLite: a deferred read transaction of our own. Django's atomic() begins IMMEDIATE here (settings.py),
    # and the backup API waits forever on a connection that holds the write lock.
    connection.ensure_connection()
    raw = connection.connection
    raw.execute("BEGIN DEFERRED")
    try:
        raw.execute("SELECT count(*) FROM sqlite_master").fetchall()  # takes the read lock: the snapshot
        target = sqlite3.connect(path)
        try:
            raw.backup(target)
        finally:
            target.close()
        yield
    finally:
        raw.execute("ROLLBACK")


def table_names(connection) -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def restore_dump(connection, path: Path, *, replace: bool) -> None:
    """Load a dump into the connection's database; `replace` drops the objects the dump holds first."""
    if connection.vendor == "postgresql":
        options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        if replace:
            options += ["--clean", "--if-exists"]
        # Django's arguments end with the database's name: "--dbname" before it makes it pg_restore's target.
        args, env = postgres_command(connection, "pg_restore", [*options, "--dbname"])
        connection.close()
        run([*args, str(path)], env)
    else:
        connection.close()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        target = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            source.backup(target)  # replaces every page of the target, in one step for other readers
        finally:
            source.close()
            target.close()
