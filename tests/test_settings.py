import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from newsroom.settings import env_bool, env_database, env_list, env_time_zone

ROOT = Path(__file__).resolve().parent.parent


class EnvironmentTests(SimpleTestCase):
    def test_yes_no_values(self):
        with mock.patch.dict(os.environ, {"FLAG": "yes"}):
            self.assertTrue(env_bool("FLAG"))
        with mock.patch.dict(os.environ, {"FLAG": "0"}):
            self.assertFalse(env_bool("FLAG", default=True))

    def test_a_bad_yes_no_value_names_the_variable(self):
        with (
            mock.patch.dict(os.environ, {"DEBUG": "maybe"}),
            self.assertRaisesMessage(ImproperlyConfigured, "DEBUG='maybe'"),
        ):
            env_bool("DEBUG")

    def test_lists_are_comma_separated(self):
        with mock.patch.dict(os.environ, {"HOSTS": "news.example, www.news.example,"}):
            self.assertEqual(env_list("HOSTS", []), ["news.example", "www.news.example"])

    def test_database_urls(self):
        with mock.patch.dict(os.environ, {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/newsroom"}):
            config = env_database("DATABASE_URL", "sqlite:///x.sqlite3")
        self.assertEqual(config["ENGINE"], "django.db.backends.postgresql")
        self.assertEqual(config["NAME"], "newsroom")

    def test_an_unsupported_database_is_refused_clearly(self):
        with (
            mock.patch.dict(os.environ, {"DATABASE_URL": "mysql://root@localhost/x"}),
            self.assertRaisesMessage(ImproperlyConfigured, "SQLite and PostgreSQL"),
        ):
            env_database("DATABASE_URL", "")
        with (
            mock.patch.dict(os.environ, {"DATABASE_URL": "nonsense"}),
            self.assertRaisesMessage(ImproperlyConfigured, "DATABASE_URL='nonsense'"),
        ):
            env_database("DATABASE_URL", "")

    def test_an_unknown_time_zone_is_refused(self):
        with (
            mock.patch.dict(os.environ, {"TIME_ZONE": "Mars/Olympus"}),
            self.assertRaisesMessage(ImproperlyConfigured, "TIME_ZONE='Mars/Olympus'"),
        ):
            env_time_zone("TIME_ZONE", "UTC")


class StartupTests(SimpleTestCase):
    def run_manage(self, **env):
        environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
        environment.update(env)
        return subprocess.run(
            [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True
        )

    def test_missing_secret_key_in_production_stops_with_a_clear_message(self):
        result = self.run_manage(DEBUG="0")
        self.assertEqual(result.returncode, 1)
        self.assertIn("Configuration error: SECRET_KEY must be set", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_bad_debug_value_stops_with_a_clear_message(self):
        result = self.run_manage(DEBUG="perhaps")
        self.assertIn("Configuration error: DEBUG='perhaps'", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
