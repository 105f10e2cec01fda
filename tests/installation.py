"""
A Newsroom installation of a test's own, driven through manage.py in subprocesses as an operator would:
a database of the suite's kind (a temporary SQLite file, or a throw-away PostgreSQL database beside the
test one, named newsroom_ops_<purpose>_<pid>_<random>) and a media folder.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import uuid
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


def suite_uses_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "newsroom.postgresql"


def postgres(statement: str) -> None:
    """Run one statement on the suite's PostgreSQL server, outside any database of ours."""
    import psycopg

    config = settings.DATABASES["default"]
    with psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
        connect_timeout=5,
    ) as connection:
        connection.execute(statement)


class Installation:
    """An empty database and media folder; `manage()` runs a command against them."""

    def __init__(self, purpose: str, *, env: dict | None = None, database_url: str | None = None):
        self.folder = Path(tempfile.mkdtemp(prefix=f"newsroom-ops-{purpose}-"))
        self.media = self.folder / "media"
        self.media.mkdir()
        self.extra_env = env or {}
        # A database the test made itself (a throw-away cluster's): used as it is, and never dropped here.
        self.own_database_url = database_url
        self.database_name = f"newsroom_ops_{purpose}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        if self.creates_database:
            postgres(f'CREATE DATABASE "{self.database_name}"')

    @property
    def creates_database(self) -> bool:
        return self.own_database_url is None and suite_uses_postgres()

    @property
    def database_url(self) -> str:
        if self.own_database_url:
            return self.own_database_url
        if not suite_uses_postgres():
            return f"sqlite:///{self.folder / 'db.sqlite3'}"
        config = settings.DATABASES["default"]
        credentials = urllib.parse.quote(config["USER"])
        if config["PASSWORD"]:
            credentials += ":" + urllib.parse.quote(config["PASSWORD"])
        host, port = config["HOST"] or "127.0.0.1", config["PORT"] or 5432
        return f"postgres://{credentials}@{host}:{port}/{self.database_name}"

    @property
    def env(self) -> dict:
        env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DATABASE_URL")}
        return {
            **env,
            "DEBUG": "1",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media),
            **self.extra_env,
        }

    def run(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """Run manage.py with these arguments; return the finished process, whatever its exit status."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=120,
        )

    def manage(self, *args: str, env: dict | None = None) -> str:
        """Run manage.py and return its standard output; fail the test with its output if it fails."""
        result = self.run(*args, env=env)
        if result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def python(self, code: str):
        """Run Python in this installation (its settings, database and media) and return the JSON it prints last."""
        output = self.manage("shell", "--no-imports", "-c", code)
        return json.loads(output.strip().splitlines()[-1])

    def close(self) -> None:
        if self.creates_database:
            postgres(f'DROP DATABASE IF EXISTS "{self.database_name}" WITH (FORCE)')
        shutil.rmtree(self.folder, ignore_errors=True)
