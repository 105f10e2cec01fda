#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys
from pathlib import Path

# Written by `make setup` (DEBUG on, a generated SECRET_KEY) and git-ignored. Only this development entry
# point reads it; newsroom/wsgi.py and asgi.py never do, so production depends on its environment alone.
LOCAL_ENV_FILE = Path(__file__).resolve().parent / ".env.local"


def read_local_environment(path: Path) -> None:
    """Set the KEY=VALUE lines of a local environment file that the environment does not already set."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, equals, value = line.removeprefix("export ").partition("=")
        key, value = key.strip(), value.strip()
        if not equals or not key.isidentifier():
            sys.exit(f"Configuration error: {path}, line {number}: expected KEY=VALUE, found {line!r}")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        # An explicit variable wins, so `DEBUG=0 manage.py …` means what it says.
        os.environ.setdefault(key, value)


def main():
    # NEWSROOM_ENV_FILE names another file; set to nothing, it turns the file off (the tests' subprocesses).
    local_env_file = os.environ.get("NEWSROOM_ENV_FILE", str(LOCAL_ENV_FILE))
    if local_env_file:
        read_local_environment(Path(local_env_file))
    if sys.argv[1:2] == ["test"]:
        # The suite's own manage.py subprocesses get exactly the environment each test gives them.
        os.environ["NEWSROOM_ENV_FILE"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 -- read the settings now to report bad values plainly
    except ImproperlyConfigured as error:
        sys.exit(f"Configuration error: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
