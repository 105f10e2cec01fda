"""
The database down, for real: Newsroom in a subprocess whose DATABASE_URL names a PostgreSQL server that
is not there (a closed port), or one that accepts connections and never answers. Whatever the suite's
own database, these run the same.
"""

import json
import os
import socket
import subprocess
import sys
from unittest import mock

from django.test import SimpleTestCase

from newsroom.settings import env_database
from tests.installation import ROOT
from tests.pages import Page
from tests.services import free_port

REQUESTS = """
import json, time
from django.conf import settings
from django.test import Client

settings.DEBUG = False  # with DEBUG on, Django shows its technical page instead of ours
client = Client(raise_request_exception=False)
answers = {{}}
for path in {paths!r}:
    started = time.monotonic()
    response = client.get(path)
    answers[path] = {{
        "status": response.status_code, "headers": dict(response.headers), "body": response.content.decode(),
        "seconds": time.monotonic() - started,
    }}
print(json.dumps(answers))
"""


def ask_newsroom(database_url: str, paths: tuple[str, ...]) -> dict:
    """Request these paths from a Newsroom using this database; return each answer."""
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DATABASE_URL")}
    env |= {"DEBUG": "1", "ALLOWED_HOSTS": "testserver", "DATABASE_URL": database_url, "LOG_LEVEL": "CRITICAL"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", REQUESTS.format(paths=paths)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def page(answer: dict) -> Page:
    return Page(type("Response", (), {"content": answer["body"].encode()})())


class DatabaseRefusingConnectionsTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        dead = f"postgres://postgres@127.0.0.1:{free_port()}/newsroom_ops_gone"
        cls.answers = ask_newsroom(dead, ("/en/", "/fa/", "/fa/articles/any/", "/healthz", "/readyz"))

    def test_english_readers_get_the_english_503_page(self):
        answer = self.answers["/en/"]
        self.assertEqual(answer["status"], 503)
        self.assertEqual(answer["headers"]["Retry-After"], "30")
        self.assertEqual(page(answer).html_attributes, {"lang": "en", "dir": "ltr"})
        self.assertEqual(page(answer).text("h1"), "This page is temporarily unavailable")

    def test_persian_readers_get_the_persian_503_page(self):
        for path in ("/fa/", "/fa/articles/any/"):
            answer = self.answers[path]
            self.assertEqual(answer["status"], 503, path)
            self.assertEqual(answer["headers"]["Retry-After"], "30")
            self.assertEqual(page(answer).html_attributes, {"lang": "fa", "dir": "rtl"})
            self.assertEqual(page(answer).text("h1"), "این صفحه موقتاً در دسترس نیست")

    def test_readiness_answers_503_naming_the_database(self):
        answer = self.answers["/readyz"]
        self.assertEqual(answer["status"], 503)
        body = json.loads(answer["body"])
        self.assertEqual(body["status"], "unavailable")
        self.assertEqual(body["checks"]["database"]["status"], "unavailable")
        self.assertEqual(body["checks"]["database"]["error"], "OperationalError")
        self.assertEqual(body["checks"]["cache"]["status"], "ok")

    def test_liveness_stays_200(self):
        self.assertEqual(self.answers["/healthz"]["status"], 200)
        self.assertEqual(json.loads(self.answers["/healthz"]["body"]), {"status": "ok"})


class DatabaseNeverAnsweringTests(SimpleTestCase):
    """A server that accepts connections and never answers (frozen, or a black-holed network)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)  # the kernel completes every handshake; nothing ever replies
        cls.addClassCleanup(silent.close)
        port = silent.getsockname()[1]
        cls.answers = ask_newsroom(f"postgres://postgres@127.0.0.1:{port}/newsroom_ops_silent", ("/readyz", "/fa/"))

    def test_readiness_gives_up_at_its_deadline_naming_the_database(self):
        answer = self.answers["/readyz"]
        self.assertEqual(answer["status"], 503)
        self.assertEqual(json.loads(answer["body"])["checks"]["database"]["error"], "no answer within 1.5 s")
        self.assertLess(answer["seconds"], 3)

    def test_readers_get_the_503_page_after_the_connect_timeout_not_a_hung_request(self):
        answer = self.answers["/fa/"]
        self.assertEqual(answer["status"], 503)
        self.assertEqual(page(answer).html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertLess(answer["seconds"], 10, "psycopg alone would wait 130 s")

    def test_postgresql_connections_time_out_after_five_seconds_unless_the_url_says_otherwise(self):
        for url, seconds in (("postgres://db/newsroom", 5), ("postgres://db/newsroom?connect_timeout=2", 2)):
            with mock.patch.dict(os.environ, {"DATABASE_URL": url}):
                self.assertEqual(env_database("DATABASE_URL", "")["OPTIONS"]["connect_timeout"], seconds, url)
