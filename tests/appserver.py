"""
A real Newsroom for the stories that need separate processes: gunicorn on a free port, on an installation of
its own (tests/installation.py: a database of the suite's kind and a media folder), and staff who sign in
through the admin's login form like a browser.

Nothing is skipped: a server that does not start fails the test with its log.
"""

import http.cookiejar
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

from tests.admin.base import form_values
from tests.installation import ROOT, Installation
from tests.services import free_port

GUNICORN = Path(sys.executable).with_name("gunicorn")


class AppServer(Installation):
    """Newsroom under gunicorn with `workers` sync workers, on a fresh, migrated installation of its own."""

    def __init__(self, *, workers: int = 4, env: dict | None = None, database_url: str | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        super().__init__(
            "appserver",
            env={
                "ALLOWED_HOSTS": "127.0.0.1",
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "GUNICORN_WORKERS": str(workers),
                "GUNICORN_ACCESS_LOG": "",
                "GUNICORN_LOG_LEVEL": "warning",
                "PAGE_CACHE_SECONDS": "0",
                **(env or {}),
            },
            database_url=database_url,
        )
        self.process = None

    def shell(self, code: str) -> str:
        """Run Python in the server's world (its database and settings) and return what it printed."""
        return self.manage("shell", "-c", code)

    def start(self) -> "AppServer":
        self.manage("migrate", "--noinput")
        self.log = open(self.folder / "gunicorn.log", "w+")  # noqa: SIM115 -- closed in stop()
        self.process = subprocess.Popen(
            [str(GUNICORN), "--config", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited while starting:\n{self.server_log()}")
            try:
                urllib.request.urlopen(self.base + "/admin/login/", timeout=2).read()
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise AssertionError(f"gunicorn did not answer within 30 s:\n{self.server_log()}")

    def server_log(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-5000:]

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.log.close()
            self.process = None
        self.close()

    def __enter__(self) -> "AppServer":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


class Staff:
    """One person's browser on the app server: their cookies, and forms read and sent as a browser would."""

    def __init__(self, server: AppServer, username: str, password: str):
        self.server = server
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects())
        self.open("/admin/login/")
        status, page = self.post("/admin/login/?next=/admin/", {"username": username, "password": password,
                                                                "next": "/admin/"})  # fmt: skip
        if status != 302:
            raise AssertionError(f"{username} could not sign in (status {status})")

    def open(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.server.base + path, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def form(self, path: str) -> dict[str, list[str]]:
        status, page = self.open(path)
        if status != 200:
            raise AssertionError(f"GET {path} answered {status}:\n{self.server.server_log()}")
        return form_values(SimpleNamespace(content=page.encode()))

    def post(self, path: str, data: dict) -> tuple[int, str]:
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(
            self.server.base + path, data=body, headers={"Referer": self.server.base + path}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Let a 302 ("saved") reach the caller instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None
