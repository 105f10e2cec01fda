"""
A worker keeps its PostgreSQL connection between requests and checks it before each request without a
round trip (newsroom/postgresql/base.py): a connection the server has ended is replaced, and the reader
never sees the error.

These tests talk to the PostgreSQL server CI always has (127.0.0.1:5432, or the suite's own when it runs
there), whichever database the suite itself runs on.
"""

from unittest import mock

import psycopg
from django.conf import settings
from django.db import connections
from django.test import SimpleTestCase

from newsroom.postgresql.base import DatabaseWrapper
from tests.installation import suite_uses_postgres


def server_settings() -> dict:
    if suite_uses_postgres():
        config = settings.DATABASES["default"]
        host, port, user = config["HOST"] or "127.0.0.1", config["PORT"] or 5432, config["USER"] or "postgres"
    else:
        host, port, user = "127.0.0.1", 5432, "postgres"
    return {
        "ENGINE": "newsroom.postgresql",
        "NAME": "postgres",
        "USER": user,
        "PASSWORD": "",
        "HOST": host,
        "PORT": port,
        "OPTIONS": {"connect_timeout": 5},
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TIME_ZONE": None,
        "TEST": {},
    }


class KeptConnectionTests(SimpleTestCase):
    def setUp(self):
        self.database = DatabaseWrapper(server_settings(), alias="kept")
        connections["kept"] = self.database  # contrib.postgres looks its new connections up by alias
        self.addCleanup(connections.__delitem__, "kept")
        self.addCleanup(self.database.close)
        self.database.ensure_connection()
        self.backend_pid = self.database.connection.info.backend_pid

    def end_it_from_the_server(self):
        params = server_settings()
        with psycopg.connect(
            host=params["HOST"], port=params["PORT"], user=params["USER"], dbname="postgres", autocommit=True
        ) as admin:
            ended = admin.execute("SELECT pg_terminate_backend(%s, 5000)", [self.backend_pid]).fetchone()[0]
        self.assertTrue(ended)

    def test_a_live_connection_passes_the_check_without_sending_anything(self):
        with mock.patch.object(self.database.connection, "cursor", side_effect=AssertionError("a round trip")):
            self.assertTrue(self.database.is_usable())

    def test_a_connection_the_server_ended_fails_the_check(self):
        self.end_it_from_the_server()
        self.assertFalse(self.database.is_usable())

    def test_the_next_request_after_a_restart_gets_a_new_connection_and_its_answer(self):
        self.end_it_from_the_server()
        # What Django does when a request starts and its first query asks for a cursor.
        self.database.close_if_unusable_or_obsolete()
        with self.database.cursor() as cursor:
            cursor.execute("SELECT 41 + 1")
            self.assertEqual(cursor.fetchone()[0], 42)
        self.assertNotEqual(self.database.connection.info.backend_pid, self.backend_pid)

    def test_a_connection_left_inside_a_transaction_is_not_reused(self):
        self.database.connection.execute("BEGIN")
        self.assertFalse(self.database.is_usable())
