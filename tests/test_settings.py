import os
import re
import subprocess
import sys
import tempfile
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
        self.assertEqual(config["ENGINE"], "newsroom.postgresql")  # Django's, with a cheaper health check
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

    def test_database_connections_are_kept_and_checked_when_asked(self):
        with mock.patch.dict(os.environ, {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/newsroom"}):
            config = env_database("DATABASE_URL", "", conn_max_age=60)
        self.assertEqual(config["CONN_MAX_AGE"], 60)
        self.assertIs(config["CONN_HEALTH_CHECKS"], True)

    def test_an_unknown_time_zone_is_refused(self):
        with (
            mock.patch.dict(os.environ, {"TIME_ZONE": "Mars/Olympus"}),
            self.assertRaisesMessage(ImproperlyConfigured, "TIME_ZONE='Mars/Olympus'"),
        ):
            env_time_zone("TIME_ZONE", "UTC")


class StartupTests(SimpleTestCase):
    def run_manage(self, **env):
        environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
        # Whatever a developer's .env.local says, these are about the environment alone.
        environment.update(NEWSROOM_ENV_FILE="", **env)
        return subprocess.run(
            [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True
        )

    def test_missing_secret_key_in_production_stops_with_a_clear_message(self):
        result = self.run_manage(DEBUG="0")
        self.assertEqual(result.returncode, 1)
        self.assertIn("Configuration error: SECRET_KEY must be set", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def connection_age(self, **env) -> str:
        environment = {key: value for key, value in os.environ.items() if key not in {"DB_CONN_MAX_AGE", "DEBUG"}}
        environment.update(NEWSROOM_ENV_FILE="", SECRET_KEY="x" * 50, DJANGO_SETTINGS_MODULE="newsroom.settings", **env)
        code = "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])"
        return subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
        ).stdout.strip()

    def test_production_keeps_database_connections_and_development_does_not(self):
        # Opening a connection costs an uncached page a fifth of its time (issue 17).
        self.assertEqual(self.connection_age(DEBUG="0"), "60")
        self.assertEqual(self.connection_age(DEBUG="1"), "0")
        self.assertEqual(self.connection_age(DEBUG="0", DB_CONN_MAX_AGE="0"), "0")

    def test_bad_debug_value_stops_with_a_clear_message(self):
        result = self.run_manage(DEBUG="perhaps")
        self.assertIn("Configuration error: DEBUG='perhaps'", result.stderr)
        self.assertNotIn("Traceback", result.stderr)


# Under `make test` the suite inherits make's flags and variables; the Makefile is read here as if fresh.
OUTSIDE_MAKE = {key: value for key, value in os.environ.items() if key not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
SHOW_SETTINGS = "from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY)"


class LocalEnvironmentFileTests(SimpleTestCase):
    """`make setup` writes .env.local so that a developer's `manage.py createsuperuser` just works."""

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        self.env_file = self.folder / ".env.local"

    def environment(self, **env):
        """The environment of a fresh shell: no DEBUG, no SECRET_KEY, this test's file as the local one."""
        environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
        environment.update(NEWSROOM_ENV_FILE=str(self.env_file), **env)
        return environment

    def run_python(self, *args, **env):
        return subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=self.environment(**env), capture_output=True, text=True
        )

    def make_setup_file(self):
        """Run the Makefile rule `make setup` uses to write the local file (without installing anything)."""
        return subprocess.run(
            ["make", "-o", ".venv/.installed", f"PY={sys.executable}", f"LOCAL_ENV={self.env_file}", self.env_file],
            cwd=ROOT,
            env=OUTSIDE_MAKE,
            capture_output=True,
            text=True,
        )

    def test_make_setup_writes_the_file(self):
        # Make's own reading of the Makefile (-p prints its rules, -q runs nothing).
        rules = subprocess.run(
            ["make", "-p", "-q", "help"], cwd=ROOT, env=OUTSIDE_MAKE, capture_output=True, text=True
        ).stdout
        setup = next(line for line in rules.splitlines() if line.startswith("setup:"))
        self.assertIn(".env.local", setup.split())

    def test_make_setup_writes_debug_and_a_fresh_key_once(self):
        self.assertEqual(self.make_setup_file().returncode, 0)
        first = self.env_file.read_text()
        self.assertIn("DEBUG=1\n", first)
        key = re.search(r"^SECRET_KEY=(\S+)$", first, re.MULTILINE)
        self.assertGreaterEqual(len(key[1]), 50)
        self.assertEqual(self.env_file.stat().st_mode & 0o077, 0, "the key is readable by its owner only")

        self.env_file.write_text(first + "TIME_ZONE=Asia/Tehran\n")  # edited by hand
        self.assertEqual(self.make_setup_file().returncode, 0)
        self.assertEqual(self.env_file.read_text(), first + "TIME_ZONE=Asia/Tehran\n", "an existing file is kept")

        self.env_file.unlink()
        self.make_setup_file()
        self.assertNotIn(key[1], self.env_file.read_text(), "each checkout gets a key of its own")

    def test_manage_py_runs_without_debug_in_the_environment_when_the_file_turns_it_on(self):
        self.env_file.write_text("DEBUG=1\nSECRET_KEY=local-key-from-the-file\n")
        check = self.run_python("manage.py", "check")
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertIn("System check identified no issues", check.stdout)
        shown = self.run_python("manage.py", "shell", "--no-imports", "-c", SHOW_SETTINGS)
        self.assertEqual(shown.stdout.split(), ["True", "local-key-from-the-file"])

    def test_without_the_file_manage_py_still_asks_for_a_secret_key(self):
        check = self.run_python("manage.py", "check")  # the file was never written
        self.assertEqual(check.returncode, 1)
        self.assertIn("Configuration error: SECRET_KEY must be set", check.stderr)

    def test_an_explicit_environment_variable_wins_over_the_file(self):
        self.env_file.write_text("DEBUG=1\nSECRET_KEY=local-key-from-the-file\n")
        shown = self.run_python(
            "manage.py", "shell", "--no-imports", "-c", SHOW_SETTINGS, DEBUG="0", SECRET_KEY="key-from-the-shell"
        )
        self.assertEqual(shown.stdout.split(), ["False", "key-from-the-shell"], shown.stderr)

    def test_comments_blank_lines_export_and_quotes_are_understood(self):
        self.env_file.write_text("# mine\n\nexport DEBUG=yes\nSECRET_KEY='a key with spaces'\n")
        shown = self.run_python("manage.py", "shell", "--no-imports", "-c", SHOW_SETTINGS)
        self.assertEqual(shown.stdout.strip(), "True a key with spaces", shown.stderr)

    def test_a_line_that_is_not_a_setting_is_reported_with_its_number(self):
        self.env_file.write_text("DEBUG=1\nDEBUG on\n")
        check = self.run_python("manage.py", "check")
        self.assertEqual(check.returncode, 1)
        self.assertIn(f"Configuration error: {self.env_file}, line 2: expected KEY=VALUE", check.stderr)
        self.assertNotIn("Traceback", check.stderr)

    def test_the_wsgi_and_asgi_modules_never_read_it(self):
        self.env_file.write_text("DEBUG=1\nSECRET_KEY=local-key-from-the-file\n")
        for module in ("newsroom.wsgi", "newsroom.asgi"):
            with self.subTest(module):
                served = self.run_python("-c", f"import {module}")
                self.assertNotEqual(served.returncode, 0)
                self.assertIn("SECRET_KEY must be set when DEBUG is off", served.stderr)
