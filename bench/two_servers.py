#!/usr/bin/env python
"""
Two app servers, one PostgreSQL, one Redis, nginx in front: an edit through one is fresh everywhere.

    .venv/bin/python bench/two_servers.py

Starts gunicorn A and B on loopback (same DATABASE_URL and REDIS_URL) and nginx with deploy/nginx.conf
balancing over both. It warms the home page on B and through nginx, then an editor signs in to A's
admin and publishes the demo draft with the admin's bulk action. It then reads the home page from B
(the Django page cache on Redis must not answer with the old page) and through nginx (its one-second
micro-cache may answer for at most a second), and reports how long each took to show the new article.
It withdraws the article again through A and checks both once more. Exits non-zero on any failure.
"""

import http.cookiejar
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serving import GUNICORN, ROOT, ensure_database, environment, fail, manage, nginx_config, run_django, wait_for  # noqa: E402

SERVERS = {"A": 8311, "B": 8312}
NGINX_PORT = 8390
DRAFT_SLUG = "rooftop-solar-and-the-politics-of-the-grid"


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # urllib then raises the 3xx as an HTTPError, which Browser.request() returns


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    """
    Encode a form as a browser does with enctype="multipart/form-data": body and Content-Type.

    fields maps names to a value or a list of values; files maps names to (filename, bytes, content type).
    """
    boundary = f"----newsroom-bench-{uuid.uuid4().hex}"
    parts = []
    for name, values in fields.items():
        for value in values if isinstance(values, list | tuple) else [values]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
            parts.append(f"{value}\r\n".encode())
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
        )
        parts.append(content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    """A signed-in editor's browser: cookies and the CSRF token, nothing more."""

    def __init__(self, base: str, timeout: float = 10):
        self.base = base
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        # For request(): the answer itself (a save's 302, a form's 200, a 500), not the page it redirects to.
        self.answer_opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _KeepRedirects()
        )

    def request(self, path: str, data: dict | None = None, files: dict | None = None) -> tuple[int, dict, str]:
        """GET (or POST data, as multipart when files are given) without following redirects: status, headers, body."""
        headers = {"Referer": self.base + path}
        body = None
        if data is not None or files:
            fields = {**(data or {}), "csrfmiddlewaretoken": self.csrf()}
            if files:
                body, headers["Content-Type"] = multipart(fields, files)
            else:
                body = urllib.parse.urlencode(fields, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.answer_opener.open(request, timeout=self.timeout) as response:
                return response.status, dict(response.headers), response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def get(self, path: str) -> str:
        return self.opener.open(self.base + path, timeout=10).read().decode()

    def post(self, path: str, data: dict) -> str:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        return self.opener.open(request, timeout=10).read().decode()

    def sign_in(self, username: str, password: str) -> None:
        self.get("/admin/login/")
        page = self.post("/admin/login/?next=/admin/", {"username": username, "password": password, "next": "/admin/"})
        if "logout" not in page.lower() and "log out" not in page.lower():
            fail(f"could not sign in as {username} on {self.base}")


def read(url: str) -> tuple[str, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), dict(response.headers)


def seconds_until(url: str, present: bool, needle: str, limit: float = 5.0) -> float:
    """How long until the page at url does (or does not) contain needle; fails past the limit."""
    start = time.monotonic()
    while True:
        body, _headers = read(url)
        if (needle in body) == present:
            return time.monotonic() - start
        if time.monotonic() - start > limit:
            fail(f"{url} still {'lacks' if present else 'shows'} {needle!r} after {limit} s")
        time.sleep(0.05)


def main() -> None:
    database_url = "postgres://postgres@127.0.0.1:5432/newsroom_two_servers"
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS newsroom_two_servers WITH (FORCE)")  # a fresh start each run
    ensure_database(database_url)
    env = environment(database_url, "redis://127.0.0.1:6379/13")
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput")
    manage(env, "compilemessages", "--ignore=.venv")
    code = (
        "import django; django.setup(); from articles.models import Article;"
        f"a = Article.objects.get(slug_en={DRAFT_SLUG!r}); a.status = Article.Status.DRAFT; a.publish_at = None;"
        "a.save(); print(a.pk, a.headline_en)"
    )
    output = run_django(env, code).split(maxsplit=1)
    article_id, headline = output[0], output[1].strip()

    directory = Path(tempfile.mkdtemp(prefix="newsroom-two-servers-"))
    directory.chmod(0o755)  # nginx's workers run as an unprivileged user
    processes = []
    try:
        import redis

        redis.Redis.from_url("redis://127.0.0.1:6379/13").flushdb()
        for port in SERVERS.values():
            processes.append(
                subprocess.Popen(
                    [GUNICORN, "--config", "deploy/gunicorn.conf.py"],
                    cwd=ROOT,
                    env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                )
            )
        for port in SERVERS.values():
            wait_for(f"http://127.0.0.1:{port}/en/")
        config = nginx_config(directory, env.get("MEDIA_ROOT") or str(ROOT / "media"))
        text = config.read_text().replace(
            "server 127.0.0.1:8301;", "".join(f"server 127.0.0.1:{port};\n    " for port in SERVERS.values())
        )
        text = re.sub(r"listen 127\.0\.0\.1:\d+;", f"listen 127.0.0.1:{NGINX_PORT};", text)
        config.write_text(text)
        (directory / "cache").mkdir()
        (directory / "ceiling").mkdir()
        processes.append(subprocess.Popen(["nginx", "-c", str(config), "-g", "daemon off;"]))
        wait_for(f"http://127.0.0.1:{NGINX_PORT}/en/")

        home_b = f"http://127.0.0.1:{SERVERS['B']}/en/"
        home_nginx = f"http://127.0.0.1:{NGINX_PORT}/en/"
        for _ in range(2):
            body, headers = read(home_b)
            read(home_nginx)
        if headers.get("X-Page-Cache") != "hit":
            fail(f"server B did not serve the home page from its cache (X-Page-Cache: {headers.get('X-Page-Cache')})")
        if headline in body:
            fail("the draft is on the home page before it was published")
        print(f"Home page warm on B (X-Page-Cache: hit) and through nginx; draft {headline!r} absent.")

        editor = Browser(f"http://127.0.0.1:{SERVERS['A']}")
        editor.sign_in("editor", "newsroom-editor-demo")
        for action, present in (("publish", True), ("unpublish", False)):
            editor.get("/admin/articles/article/")
            editor.post(
                "/admin/articles/article/",
                {"action": action, "_selected_action": [article_id], "index": "0", "select_across": "0"},
            )
            published_at = time.monotonic()
            on_b = seconds_until(home_b, present, headline)
            on_nginx = seconds_until(home_nginx, present, headline)
            verb = "shows" if present else "no longer shows"
            print(
                f"After '{action}' through A: B {verb} it after {on_b * 1000:.0f} ms; "
                f"nginx after {(time.monotonic() - published_at) * 1000:.0f} ms (nginx: 1 s cache, whole seconds) "
                f"[{on_nginx * 1000:.0f} ms of polling]"
            )
        print("Two-server check passed.")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
