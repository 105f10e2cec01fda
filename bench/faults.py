#!/usr/bin/env python
"""
Fault trials (issue 14): what readers, editors and translators see when Redis, storage or the database falter.

    .venv/bin/python bench/faults.py [--app-dir PATH] [--rounds 50] [--outage 10] [--trials 1,4,9]

It serves the Newsroom checkout at --app-dir (default: this repository) with this repository's Python, so
the same script measures the code before and after a change. Everything it needs it starts on loopback,
and it removes it all on exit (Ctrl-C and failures included):

  * its own redis-server on a free port (so that it can kill, pause and restart it) as the page cache;
  * a throw-away PostgreSQL database (newsroom_faults_<pid>), migrated and loaded with load_demo, reached
    by gunicorn through a small TCP proxy in this process that can be cut to make the database unreachable;
  * gunicorn (deploy/gunicorn.conf.py, 2 sync workers, DEBUG off, media in a temporary folder), and with
    --nginx, deploy/nginx.conf in front of it for the readers' requests.

Each trial repeats one of the operator's observations from the issue, under `wrk -t2 -c16` on reader pages
(the home page, an English and a Persian article) when it is about readers, and prints one row: requests
and 5xx during the fault, lost saves (or refused harmless saves), seconds to recover, and a note. A trial
that cannot run prints its row with the reason. The whole output, with a header naming the code measured
and the command, is written to docs/faults-benchmark.txt (--output). Needs PostgreSQL, redis-server and wrk
(apt-get install redis-server wrk; nginx for --nginx).
"""

import argparse
import contextlib
import datetime
import fcntl
import html
import io
import json
import math
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serving import (  # noqa: E402
    GUNICORN,
    PYTHON,
    ROOT,
    ensure_database,
    environment,
    manage,
    nginx_config,
    run_django,
    wait_for,
)
from bench.two_servers import Browser  # noqa: E402

POSTGRES = "postgres://postgres@127.0.0.1:5432"
PASSWORDS = {
    "editor": "newsroom-editor-demo",
    "translator": "newsroom-translator-demo",
    # Second accounts made in the throw-away database, so that two people can hold the same form.
    "editor2": "faults-bench-second-editor",
    "translator2": "faults-bench-second-translator",
}
# Seconds of load before a fault begins, and after it ends, in the reader trials.
LEAD = 2
TAIL = 5
HEALTH_PATHS = ["/healthz", "/readyz", "/livez", "/health/", "/health/live/", "/health/ready/", "/ht/"]
# Each trial's row title ({outage} is --outage).
TRIALS = {
    "1": "Redis killed for {outage:g} s, then restarted",
    "2": "REDIS_URL at a dead port from the start",
    "3": "Redis paused (SIGSTOP) for {outage:g} s",
    "4": "Concurrent saves: two editors, same article, admin change form",
    "5": "Concurrent saves: two translators, same article, translation desk (fa)",
    "6": "Harmless concurrent work: translator confirms fa, then editor saves en body",
    "7": "Renditions folder unwritable; editor saves a published article with a new image",
    "7b": "Whole media folder unwritable; editor saves a new headline and a new image",
    "8": "Truncated JPEG as an author's avatar and a series cover",
    "9": "Database unreachable (proxy closed) for {outage:g} s",
    "10": "Backup and restore",
}


class TrialError(Exception):
    """A trial could not run; its row says why."""


@dataclass
class Row:
    number: str
    fault: str
    requests: str = "—"
    errors: str = "—"
    saves: str = "—"
    recover: str = "—"
    note: str = ""
    details: str = ""  # printed under the trial, not in the table


# Output --------------------------------------------------------------------------------------------


class Tee:
    """Print to the terminal and keep every line for the output file."""

    def __init__(self):
        self.lines: list[str] = []

    def __call__(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.append(text)


say = Tee()


def markdown_table(rows: list[Row]) -> list[str]:
    header = ["#", "fault", "requests", "5xx", "lost saves (refused harmless)", "recover s", "note"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        cells = [row.number, row.fault, row.requests, row.errors, row.saves, row.recover, row.note]
        lines.append("| " + " | ".join(str(cell).replace("|", "/") for cell in cells) + " |")
    return lines


# Small network helpers --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_anonymous = urllib.request.build_opener(_NoRedirects())


def anonymous(url: str, timeout: float = 15) -> tuple[int, dict, str]:
    """A reader's GET with no cookies and no redirects followed: status (0 when no answer), headers, body."""
    try:
        with _anonymous.open(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")
    except OSError as error:
        return 0, {}, str(error)


def seconds_until(check, limit: float, interval: float = 0.05) -> float | None:
    """Seconds until check() is true, polling; None past the limit."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if check():
            return time.monotonic() - start
        time.sleep(interval)
    return None


def next_second(after: float) -> float:
    """Sleep until the first whole second at least `after` seconds from now; return it (faults start there)."""
    target = math.ceil(time.time() + after)
    time.sleep(max(0.0, target - time.time()))
    return float(target)


def sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.time()))


def page_lang(body: str) -> str:
    match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", body)
    return match.group(1) if match else "?"


def recovered(seconds: float | None, limit: float) -> str:
    return f"{seconds:.2f}" if seconds is not None else f"> {limit:.0f}"


# Forms, as a browser submits them ----------------------------------------------------------------------


def form_values(page: str, form_id: str | None = None, form_class: str | None = None) -> dict[str, list[str]]:
    """Return what a browser would submit from the page's form, as {name: [values]} (see tests/admin/base.py)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    form = soup.find("form", id=form_id) if form_id else soup.find("form", class_=form_class)
    if form is None:
        raise TrialError(f"no form {form_id or form_class!r} on the page")
    data: dict[str, list[str]] = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            data.setdefault(name, []).append(element.text.removeprefix("\n"))
        elif element.name == "select":
            options = element.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not element.has_attr("multiple"):
                chosen = options[:1]  # a browser submits a single select's first option when none is chosen
            data.setdefault(name, [])
            data[name] += [option.get("value", option.text) for option in chosen]
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file", "image", "reset"):
            data.setdefault(name, []).append(element.get("value", ""))
    return data


def outcome(status: int, body: str) -> str:
    """What the person was told: saved (a redirect), refused (the form again, with an error), or an error."""
    if status in (301, 302, 303):
        return "saved"
    if status in (200, 409, 412) and ("errornote" in body or "errorlist" in body):
        return "refused"
    if status >= 500 or status == 0:
        return "error"
    return f"status {status}"


def error_text(body: str) -> str:
    """The first error the page shows, shortened."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    found = soup.find(class_="nonfield") or soup.find(class_="errorlist") or soup.find(class_="errornote")
    return " ".join(found.get_text(" ").split())[:110] if found else ""


def at_once(*calls):
    """Run the calls in threads released together by a barrier; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:  # recorded as that person's outcome
            results[index] = (0, {}, repr(error))

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def jpeg_bytes(width: int, height: int, seed: int = 0) -> bytes:
    """A photo-like JPEG: gradients and noise, so that it takes a real decode."""
    from PIL import Image

    red = Image.linear_gradient("L").resize((width, height))
    green = Image.effect_noise((width, height), 40 + seed % 20)
    blue = Image.linear_gradient("L").rotate(90).resize((width, height))
    buffer = io.BytesIO()
    Image.merge("RGB", (red, green, blue)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


# The services the trials break -------------------------------------------------------------------------


class RedisServer:
    """A redis-server of our own on a free port, which we may kill, pause and start again."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None
        self.paused = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        with open(self.directory / "redis.log", "ab") as log:
            self.process = subprocess.Popen(
                ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", str(self.directory)],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        self.paused = False
        if seconds_until(self.answers, 10, 0.02) is None:
            raise TrialError("redis-server did not start")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait()
        self.paused = False

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)
        self.paused = True

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)
        self.paused = False

    def healthy(self) -> None:
        """Running, not paused, and empty: the state every trial starts from."""
        if self.paused:
            self.resume()
        if self.process is None or self.process.poll() is not None:
            self.start()
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as connection:
            connection.sendall(b"FLUSHALL\r\n")  # our own server: nothing else lives in it
            connection.recv(16)


class DatabaseProxy:
    """A loopback TCP proxy in front of PostgreSQL: cut() drops every connection and refuses new ones."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.lock = threading.Lock()
        self.pairs: set[tuple[socket.socket, socket.socket]] = set()
        self.listener: socket.socket | None = None
        self.open()

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(256)
        listener.settimeout(0.1)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    @property
    def is_open(self) -> bool:
        return self.listener is not None

    def _accept(self, listener: socket.socket) -> None:
        while self.listener is listener:
            try:
                client, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            client.settimeout(None)
            upstream.settimeout(None)
            pair = (client, upstream)
            with self.lock:
                self.pairs.add(pair)
            state = {"left": 2}
            for source, destination in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, destination, pair, state), daemon=True).start()

    def _pipe(self, source, destination, pair, state) -> None:
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass
        for end in pair:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
        with self.lock:
            state["left"] -= 1
            if state["left"] == 0:  # both directions done: only now may the descriptors be reused
                self.pairs.discard(pair)
                for end in pair:
                    end.close()

    def cut(self) -> None:
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.close()
        with self.lock:
            pairs = list(self.pairs)
        for pair in pairs:
            for end in pair:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def healthy(self) -> None:
        if not self.is_open:
            self.open()


class LogFile:
    """A server's log, read from a mark: the exceptions a trial caused."""

    def __init__(self, path: Path):
        self.path = path
        self.path.touch()

    def mark(self) -> int:
        return self.path.stat().st_size

    def exceptions_since(self, mark: int) -> list[str]:
        with open(self.path, "rb") as log:
            log.seek(mark)
            text = log.read().decode(errors="replace")
        return re.findall(r"^((?:[\w.]+\.)?\w*(?:Error|Exception|Interrupt)\b: .*)$", text, re.M)


class AppServer:
    """gunicorn serving the checkout under test, as deploy/gunicorn.conf.py runs it."""

    def __init__(self, name: str, app_dir: Path, env: dict, directory: Path):
        self.name = name
        self.app_dir = app_dir
        self.env = env
        self.port = free_port()
        self.log = LogFile(directory / f"gunicorn-{name}.log")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with open(self.log.path, "ab") as log:
            self.process = subprocess.Popen(
                [GUNICORN, "--config", "deploy/gunicorn.conf.py"],
                cwd=self.app_dir,
                env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "2"},
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own session: Ctrl-C reaches this script alone, which then stops it in order.
                start_new_session=True,
            )
        wait_for(f"{self.url}/en/", seconds=30)
        if self.process.poll() is not None:
            raise TrialError(f"gunicorn ({self.name}) exited at start; see {self.log.path}")

    def healthy(self) -> None:
        if self.process is None or self.process.poll() is not None:
            self.start()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


WRK_SCRIPT = """
local paths = {%(paths)s}
local threads = {}
local counter = 0
function setup(thread) table.insert(threads, thread) end
function init(args) hist_n = {}; hist_5 = {} end
function request()
  counter = counter %% #paths + 1
  return wrk.format("GET", paths[counter])
end
function response(status, headers, body)
  local second = os.time()
  hist_n[second] = (hist_n[second] or 0) + 1
  if status >= 500 then hist_5[second] = (hist_5[second] or 0) + 1 end
end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local answered, failed = thread:get("hist_n"), thread:get("hist_5")
    for second, count in pairs(answered) do
      io.write(string.format("SECOND %%d %%d %%d\\n", second, count, failed[second] or 0))
    end
  end
  local errors = summary.errors
  io.write(string.format("SUMMARY %%d %%d %%d %%d\\n", summary.requests,
    errors.connect + errors.read + errors.write, errors.timeout, latency.max))
end
"""


class Load:
    """wrk on reader pages in the background, counting answers and 5xx per wall-clock second."""

    def __init__(self, base: str, paths: list[str], seconds: float, options, directory: Path, timeout: float = 10):
        script = directory / f"load-{time.monotonic_ns()}.lua"
        script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(path) for path in paths)})
        self.seconds = math.ceil(seconds)
        self.timeout = timeout
        self.command = [
            "wrk", f"-t{options.threads}", f"-c{options.connections}", f"-d{self.seconds}s",
            "--timeout", f"{math.ceil(timeout)}s", "-s", str(script), base + paths[0],
        ]  # fmt: skip
        self.per_second: dict[int, list[int]] = {}
        self.requests = self.socket_errors = self.timeouts = 0
        self.max_latency = 0.0

    def __enter__(self):
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        return self

    def __exit__(self, *exc_info):
        if exc_info[0] is not None:
            self.process.kill()
            self.process.communicate()
            return
        output, errors = self.process.communicate(timeout=self.seconds + self.timeout + 60)
        for line in output.splitlines():
            parts = line.split()
            if parts[:1] == ["SECOND"]:
                counts = self.per_second.setdefault(int(parts[1]), [0, 0])
                counts[0] += int(parts[2])
                counts[1] += int(parts[3])
            elif parts[:1] == ["SUMMARY"]:
                self.requests, self.socket_errors, self.timeouts = map(int, parts[1:4])
                self.max_latency = int(parts[4]) / 1_000_000
        if not self.per_second and not self.requests:
            raise TrialError(f"wrk gave no result: {(errors or output).strip()[-300:]}")

    def window(self, start: float, end: float) -> tuple[int, int]:
        """Answers and 5xx completed in the whole seconds from start to end."""
        seconds = range(int(start), math.ceil(end))
        return (
            sum(self.per_second.get(second, [0, 0])[0] for second in seconds),
            sum(self.per_second.get(second, [0, 0])[1] for second in seconds),
        )

    def timeline(self, start: float, end: float) -> str:
        """Answers/5xx in each second from one before the fault to two after it, the fault's in brackets."""
        cells = []
        for second in range(int(start) - 1, math.ceil(end) + 2):
            answered, failed = self.per_second.get(second, [0, 0])
            cell = f"{answered}/{failed}"
            cells.append(f"[{cell}]" if start <= second < end else cell)
        return "answers/5xx per second: " + " ".join(cells)

    @property
    def errors(self) -> int:
        return sum(counts[1] for counts in self.per_second.values())


# Files ---------------------------------------------------------------------------------------------------


class Unwritable:
    """
    Make a folder unwritable for the app. chmod does not stop root, so as root the folder is made immutable
    (chattr +i: no entry may be created or removed in it, while its subfolders stay as they were).
    """

    def __init__(self, path: Path, recursive: bool = False):
        self.path = path
        self.recursive = recursive
        self.as_root = os.geteuid() == 0
        self.method = (
            f"chattr {'-R ' if recursive else ''}+i (running as root)"
            if self.as_root
            else f"chmod {'-R ' if recursive else ''}a-w"
        )

    def __enter__(self):
        flags = ["-R"] if self.recursive else []
        if self.as_root:
            if not shutil.which("chattr"):
                raise TrialError("running as root and chattr is missing: cannot make a folder unwritable")
            result = subprocess.run(["chattr", *flags, "+i", str(self.path)], capture_output=True, text=True)
            if result.returncode:
                raise TrialError(f"chattr +i failed on this file system: {result.stderr.strip()}")
        else:
            subprocess.run(["chmod", *flags, "a-w", str(self.path)], check=True)
        return self

    def __exit__(self, *exc_info):
        flags = ["-R"] if self.recursive else []
        if self.as_root:
            subprocess.run(["chattr", *flags, "-i", str(self.path)], check=False)
        else:
            subprocess.run(["chmod", *flags, "u+w", str(self.path)], check=False)


def files_under(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def manifest_files(manifest: dict | None) -> list[str]:
    manifest = manifest or {}
    names = [entry[2] for key in ("webp", "jpeg") for entry in manifest.get(key, [])]
    if manifest.get("og"):
        names.append(manifest["og"][2])
    return names


# The bench ------------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, options):
        self.options = options
        self.app_dir = Path(options.app_dir).resolve()
        self.directory = Path(tempfile.mkdtemp(prefix="newsroom-faults-"))
        self.directory.chmod(0o755)  # nginx's workers run as an unprivileged user
        self.media_root = self.directory / "media"
        self.media_root.mkdir()
        self.database = f"newsroom_faults_{os.getpid()}"
        self.database_url = f"{POSTGRES}/{self.database}"
        self.servers: list[AppServer] = []
        self.redis = RedisServer(self.directory)
        self.proxy: DatabaseProxy | None = None
        self.nginx: subprocess.Popen | None = None
        self.rows: list[Row] = []

    # Set-up and tear-down ------------------------------------------------------------------------

    def set_up(self) -> None:
        ensure_database(self.database_url)
        self.redis.start()
        self.env = environment(self.database_url, self.redis.url, MEDIA_ROOT=str(self.media_root))
        started = time.monotonic()
        say(f"Preparing {self.database} from {self.app_dir} …")
        manage(self.env, "migrate", "--noinput", cwd=self.app_dir)
        manage(self.env, "load_demo", cwd=self.app_dir)
        manage(self.env, "collectstatic", "--noinput", cwd=self.app_dir)
        # Other people may be rewriting the shared .po file: compile under the lock they use.
        with open("/tmp/newsroom-po.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            manage(self.env, "compilemessages", "--ignore=.venv", cwd=self.app_dir)
        users = "; ".join(
            f"u = User.objects.filter(username={name!r}).first() or User.objects.create_user({name!r}, "
            f"password={PASSWORDS[name]!r}); u.is_staff = True; u.save(); "
            f"u.groups.add(Group.objects.get(name={group!r}))"
            for name, group in (("editor2", "Editor"), ("translator2", "Translator (fa)"))
        )
        manage(
            self.env,
            "shell",
            "-c",
            f"from django.contrib.auth import get_user_model; from django.contrib.auth.models import Group; "
            f"User = get_user_model(); {users}",
            cwd=self.app_dir,
        )
        self.pick_content()
        self.proxy = DatabaseProxy(("127.0.0.1", int(urllib.parse.urlsplit(POSTGRES).port or 5432)))
        self.app_env = {**self.env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.proxy.port}/{self.database}"}
        self.app = AppServer("app", self.app_dir, self.app_env, self.directory)
        self.servers.append(self.app)
        self.app.start()
        self.reader_base = self.app.url
        if self.options.nginx:
            self.start_nginx()
        say(f"Ready in {time.monotonic() - started:.0f} s: gunicorn {self.app.url}, redis :{self.redis.port}, "
            f"PostgreSQL through proxy :{self.proxy.port}, readers via {self.reader_base}")  # fmt: skip

    def pick_content(self) -> None:
        """Choose published articles in both languages with renditions, an author and a series."""
        code = """
import django, json
django.setup()
from django.utils import timezone, translation
from articles.models import Article
from authors.models import Author
from series.models import Series
rows = []
for article in Article.objects.filter(status="published", publish_at__lte=timezone.now()).order_by("pk"):
    if not (article.headline_en and article.body_en and article.headline_fa and article.body_fa):
        continue
    urls = {}
    for language in ("en", "fa"):
        with translation.override(language):
            urls[language] = article.get_absolute_url()
    rows.append({"pk": article.pk, "urls": urls, "renditions": bool((article.image_renditions or {}).get("jpeg"))})
print(json.dumps({"articles": rows, "author": Author.objects.exclude(avatar="").order_by("pk").first().pk,
                  "series": Series.objects.order_by("pk").first().pk}))
"""
        try:
            found = json.loads(run_django(self.env, code, cwd=self.app_dir).strip().splitlines()[-1])
        except subprocess.CalledProcessError as error:
            raise TrialError(f"could not choose the demo content:\n{error.stderr[-2000:]}") from error
        articles = [article for article in found["articles"] if article["renditions"]]
        if len(articles) < 3:
            raise TrialError(f"the demo has {len(articles)} published bilingual articles with images; 3 needed")

        def quoted(url: str) -> str:
            return urllib.parse.quote(url, safe="/%:@!$&'()*+,;=~")

        self.reader_article, self.saved_article, self.storage_article = articles[0], articles[1], articles[2]
        for article in articles:
            article["urls"] = {language: quoted(url) for language, url in article["urls"].items()}
        self.reader_paths = ["/en/", self.reader_article["urls"]["en"], self.reader_article["urls"]["fa"]]
        self.author_pk, self.series_pk = found["author"], found["series"]

    def start_nginx(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        port = free_port()
        config = nginx_config(
            self.directory, str(self.media_root), app_dir=self.app_dir, upstream_port=self.app.port, listen_port=port
        )
        for name in ("cache", "ceiling"):
            (self.directory / name).mkdir(exist_ok=True)
        subprocess.run([nginx, "-t", "-c", str(config)], check=True, capture_output=True)
        self.nginx = subprocess.Popen([nginx, "-c", str(config), "-g", "daemon off;"], start_new_session=True)
        self.reader_base = f"http://127.0.0.1:{port}"
        wait_for(f"{self.reader_base}/en/")

    def tear_down(self) -> None:
        if self.nginx and self.nginx.poll() is None:
            self.nginx.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.nginx.wait(timeout=10)
        for server in self.servers:
            with contextlib.suppress(Exception):
                server.stop()
        with contextlib.suppress(Exception):
            self.redis.kill()
        if self.proxy is not None:
            self.proxy.cut()
        if self.options.logs:
            shutil.copytree(
                self.directory, self.options.logs, dirs_exist_ok=True, ignore=shutil.ignore_patterns("media")
            )
        if os.geteuid() == 0 and shutil.which("chattr"):  # in case a trial was interrupted mid-fault
            subprocess.run(["chattr", "-R", "-i", str(self.media_root)], check=False, capture_output=True)
        try:
            import psycopg

            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=5) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        except Exception as error:  # reported; the rest of the clean-up still runs
            print(f"bench/faults.py: could not drop {self.database}: {error}", file=sys.stderr)
        shutil.rmtree(self.directory, ignore_errors=True)

    # Shared steps --------------------------------------------------------------------------------

    def healthy(self) -> None:
        """Every service up and the page cache empty: the state each trial starts from."""
        self.proxy.healthy()
        self.redis.healthy()
        self.app.healthy()
        time.sleep(0.3)

    def warm(self) -> None:
        for _ in range(4):
            for path in self.reader_paths:
                anonymous(self.reader_base + path)

    def load(self, seconds: float, base: str | None = None, timeout: float = 10) -> Load:
        return Load(base or self.reader_base, self.reader_paths, seconds, self.options, self.directory, timeout)

    def db_row(self, table: str, pk: int, *columns: str) -> tuple:
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True, connect_timeout=5) as connection:
            return connection.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = %s", [pk]).fetchone()

    def referenced_media(self) -> set[str]:
        import psycopg

        names: set[str] = set()
        with psycopg.connect(self.database_url, autocommit=True, connect_timeout=5) as connection:
            for image, manifest in connection.execute("SELECT image, image_renditions FROM articles_article"):
                names.update([image] if image else [])
                names.update(manifest_files(manifest))
            for (avatar,) in connection.execute("SELECT avatar FROM authors_author"):
                names.update([avatar] if avatar else [])
            for (cover,) in connection.execute("SELECT cover FROM series_series"):
                names.update([cover] if cover else [])
        return names

    def browser(self, username: str) -> Browser:
        browser = Browser(self.app.url, timeout=60)
        browser.sign_in(username, PASSWORDS[username])
        return browser

    def open_form(self, browser: Browser, path: str, **find) -> dict[str, list[str]]:
        status, _headers, page = browser.request(path)
        if status != 200:
            raise TrialError(f"{path} answered {status} when opened")
        return form_values(page, **find)

    @staticmethod
    def change_path(model: str, pk: int) -> str:
        return f"/admin/{model}/{pk}/change/"

    def desk_path(self, pk: int) -> str:
        return f"/admin/desk/translate/articles/article/{pk}/?language=fa"

    # Trials --------------------------------------------------------------------------------------

    def row(self, number: str) -> Row:
        return Row(number, TRIALS[number].format(outage=self.options.outage))

    def trial_1(self) -> Row:
        row = self.row("1")
        self.healthy()
        self.warm()
        outage, limit = self.options.outage, self.options.recover_limit
        mark = self.app.log.mark()
        error_pages = []
        with self.load(LEAD + outage + TAIL) as load:
            start = next_second(LEAD)
            self.redis.kill()
            while time.time() < start + outage - 0.5 and len(error_pages) < 6:
                status, _headers, body = anonymous(self.reader_base + "/en/", timeout=5)
                if status >= 500:
                    error_pages.append(page_lang(body))
                time.sleep(0.5)
            sleep_until(start + outage)
            self.redis.start()
            restarted = time.monotonic()
            first_ok = seconds_until(lambda: anonymous(self.reader_base + "/en/")[0] == 200, limit)
            # Served from the cache again: a hit, counted from the restart.
            hit = seconds_until(lambda: anonymous(self.reader_base + "/en/")[1].get("X-Page-Cache") == "hit", limit)
            from_cache = None if hit is None else time.monotonic() - restarted
        answered, failed = load.window(start, start + outage)
        row.details = load.timeline(start, start + outage)
        english = sum(1 for lang in error_pages if lang == "en")
        row.requests, row.errors = str(answered), str(failed)
        row.recover = recovered(from_cache, limit)
        row.note = (
            (
                f"error page for /en/ in English: {english} of {len(error_pages)} (lang: {', '.join(error_pages)})"
                if error_pages
                else "/en/ never answered with an error page when probed"
            )
            + f"; first 200 after {recovered(first_ok, limit)} s; whole run {load.errors} 5xx of {load.requests}"
            + self.exception_note(mark)
        )
        return row

    def trial_2(self) -> Row:
        row = self.row("2")
        self.healthy()
        dead = AppServer("dead-redis", self.app_dir, {**self.app_env, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"},
                         self.directory)  # fmt: skip
        self.servers.append(dead)
        try:
            dead.start()
            pages = {
                "home": "/en/",
                "article": self.reader_article["urls"]["en"],
                "robots.txt": "/robots.txt",
                "sitemap.xml": "/sitemap.xml",
            }
            statuses = {name: anonymous(dead.url + path)[0] for name, path in pages.items()}
            with self.load(self.options.seconds, base=dead.url) as load:
                pass
        finally:
            dead.stop()
        row.requests, row.errors = str(load.requests), str(load.errors)
        row.note = ", ".join(f"{name} {status}" for name, status in statuses.items()) + f" (wrk {load.seconds} s)"
        return row

    def trial_3(self) -> Row:
        hang, limit = self.options.outage, self.options.stale_limit
        row = self.row("3")
        self.healthy()
        editor = self.browser("editor")
        pk = self.reader_article["pk"]
        path = self.change_path("articles/article", pk)
        values = self.open_form(editor, path, form_id="article_form")
        headline = f"Saved while Redis hung {int(time.time())}"
        values["headline_en"] = [headline]
        values["_save"] = ["Save"]
        self.warm()
        article_url = self.reader_base + self.reader_article["urls"]["en"]
        save: dict = {}

        def submit():
            began = time.time()
            status, _headers, body = editor.request(path, values)
            save.update(status=status, seconds=time.time() - began, at=time.time(), outcome=outcome(status, body))

        mark = self.app.log.mark()
        with self.load(LEAD + hang + TAIL, timeout=hang + 20) as load:
            start = next_second(LEAD)
            self.redis.pause()
            saver = threading.Thread(target=submit)
            time.sleep(0.2)  # early in the hang, so that it is served before Redis returns if anything is
            saver.start()
            sleep_until(start + hang)
            self.redis.resume()
            saver.join(timeout=90)
            stale = seconds_until(lambda: headline in anonymous(article_url)[2], limit, 0.2)
            stale = None if stale is None else time.time() - (start + hang)
        answered, failed = load.window(start, start + hang)
        (stored,) = self.db_row("articles_article", pk, "headline_en")
        row.requests, row.errors = str(answered), str(failed)
        row.recover = recovered(stale, limit)
        row.details = load.timeline(start, start + hang)
        answered_at = save["at"] - (start + hang) if save else 0
        row.note = (
            f"max latency {load.max_latency:.1f} s; editor's save sent 0.2 s into the hang: "
            f"{save.get('status', 'no answer')} ({save.get('outcome', '—')}) after {save.get('seconds', 0):.1f} s "
            f"({abs(answered_at):.1f} s {'after' if answered_at >= 0 else 'before'} SIGCONT), "
            f"row {'committed' if stored == headline else 'NOT committed'}; recover = stale window after SIGCONT "
            f"until a reader sees the new headline; whole run {load.errors} 5xx of {load.requests}, "
            f"{load.timeouts} wrk timeouts" + self.exception_note(mark)
        )
        return row

    def concurrent_saves(self, row: Row, people: tuple[str, str], path: str, field: str, **find) -> Row:
        """Two people submit the same form with different values of one field at the same instant, many times."""
        self.healthy()
        browsers = [self.browser(name) for name in people]
        pk = self.saved_article["pk"]
        lost_rounds = lost = both_saved = refused = errors = other = 0
        rounds = self.options.rounds
        mark = self.app.log.mark()
        for number in range(rounds):
            opened = at_once(*(lambda browser=browser: browser.request(path) for browser in browsers))
            if any(status != 200 for status, _headers, _body in opened):
                raise TrialError(f"{path} answered {[status for status, *_rest in opened]} when opened")
            forms = [form_values(body, **find) for _status, _headers, body in opened]
            values = [f"Round {number} headline by {name} {int(time.time())}" for name in people]
            for form, value in zip(forms, values, strict=True):
                form[field] = [value]
                if "form_id" in find:
                    form["_save"] = ["Save"]
            answers = at_once(
                *(
                    lambda browser=browser, form=form: browser.request(path, form)
                    for browser, form in zip(browsers, forms, strict=True)
                )
            )
            told = [outcome(status, body) for status, _headers, body in answers]
            (stored,) = self.db_row("articles_article", pk, field)
            saved = [value for value, said in zip(values, told, strict=True) if said == "saved"]
            missing = sum(1 for value in saved if value != stored)
            lost += missing
            lost_rounds += bool(missing)
            both_saved += len(saved) == 2
            refused += told.count("refused")
            errors += sum(1 for said in told if said == "error")
            other += sum(1 for said in told if said not in ("saved", "refused", "error"))
        row.requests, row.errors = str(2 * rounds), str(errors)
        row.saves = f"{lost_rounds} of {rounds} rounds"
        row.note = (
            f"both told 'saved' in {both_saved} rounds; {refused} of {2 * rounds} saves refused; "
            f"{lost} saves lost in all" + (f"; {other} other answers" if other else "") + self.exception_note(mark)
        )
        return row

    def trial_4(self) -> Row:
        row = self.row("4")
        path = self.change_path("articles/article", self.saved_article["pk"])
        return self.concurrent_saves(row, ("editor", "editor2"), path, "headline_en", form_id="article_form")

    def trial_5(self) -> Row:
        row = self.row("5")
        path = self.desk_path(self.saved_article["pk"])
        return self.concurrent_saves(row, ("translator", "translator2"), path, "headline_fa", form_class="desk-form")

    def trial_6(self) -> Row:
        row = self.row("6")
        self.healthy()
        editor, translator = self.browser("editor"), self.browser("translator")
        pk = self.saved_article["pk"]
        change, desk = self.change_path("articles/article", pk), self.desk_path(pk)
        rounds = self.options.rounds
        refused = lost = errors = translator_not_saved = 0
        example = ""
        mark = self.app.log.mark()
        for number in range(rounds):
            form = self.open_form(editor, change, form_id="article_form")
            desk_form = self.open_form(translator, desk, form_class="desk-form")
            status, _headers, body = translator.request(desk, desk_form)  # "Save and confirm", nothing changed
            translator_not_saved += outcome(status, body) != "saved"
            marker = f"Harmless edit {number} at {int(time.time())}"
            form["body_en"] = [form.get("body_en", [""])[0] + f"<p>{marker}</p>"]
            form["_save"] = ["Save"]
            status, _headers, body = editor.request(change, form)
            said = outcome(status, body)
            (body_en,) = self.db_row("articles_article", pk, "body_en")
            refused += said == "refused"
            errors += said == "error"
            lost += said == "saved" and marker not in (body_en or "")
            if said == "refused" and not example:
                example = error_text(body)
        row.requests, row.errors = str(2 * rounds), str(errors)
        row.saves = (
            f"0 lost ({refused} of {rounds} refused)" if not lost else f"{lost} lost ({refused} of {rounds} refused)"
        )
        row.note = (
            f"translator's confirm not saved in {translator_not_saved} rounds"
            + (f"; editor told: “{example}”" if example else "")
            + self.exception_note(mark)
        )
        return row

    def storage_save(self, unwritable: Unwritable, headline: str | None = None) -> dict:
        """An editor saves the storage article with a new featured image while a folder is unwritable."""
        self.healthy()
        editor = self.browser("editor")
        pk = self.storage_article["pk"]
        path = self.change_path("articles/article", pk)
        image_before, manifest_before, headline_before = self.db_row(
            "articles_article", pk, "image", "image_renditions", "headline_en"
        )
        renditions_before = manifest_files(manifest_before)
        on_disk_before = files_under(self.media_root)
        unreferenced_before = on_disk_before - self.referenced_media()
        form = self.open_form(editor, path, form_id="article_form")
        if headline:
            form["headline_en"] = [headline]
        form["_save"] = ["Save"]
        upload = {"image": (f"fault-{int(time.time())}.jpg", jpeg_bytes(1600, 1000), "image/jpeg")}
        mark = self.app.log.mark()
        with unwritable:
            status, _headers, body = editor.request(path, form, files=upload)
        image_after, manifest_after, headline_after = self.db_row(
            "articles_article", pk, "image", "image_renditions", "headline_en"
        )
        on_disk_after = files_under(self.media_root)
        self.redis.healthy()  # what a reader sees now, rendered afresh
        page_status, _headers, page = anonymous(self.reader_base + self.storage_article["urls"]["en"])
        shown = set(re.findall(r"/media/([^\s\"',]+)", page))
        return {
            "status": status,
            "outcome": outcome(status, body),
            "error": error_text(body),
            "row kept": image_after == image_before and headline_after == headline_before,
            "renditions before": len(renditions_before),
            "renditions still there": sum(1 for name in renditions_before if name in on_disk_after),
            "orphans": len((on_disk_after - self.referenced_media()) - unreferenced_before),
            "page status": page_status,
            "page images": len(shown),
            "page images missing": sum(1 for name in shown if urllib.parse.unquote(name) not in on_disk_after),
            "typed kept": bool(headline) and status == 200 and html.escape(headline) in body,
            "exceptions": self.exception_note(mark),
            "image changed": image_after != image_before and manifest_after != manifest_before,
        }

    @staticmethod
    def told(result: dict) -> str:
        return f"{result['status']} ({result['outcome']}{': ' + result['error'] if result['error'] else ''})"

    def trial_7(self) -> Row:
        row = self.row("7")
        unwritable = Unwritable(self.media_root / "renditions")
        result = self.storage_save(unwritable)
        row.requests, row.errors = "1", str(int(result["outcome"] == "error"))
        row.note = (
            f"editor shown {self.told(result)}; "
            f"row {'unchanged' if result['row kept'] else 'changed'}; existing renditions "
            f"{result['renditions before']} before, {result['renditions still there']} after; "
            f"{result['orphans']} orphan files; live page {result['page status']}, "
            f"{result['page images missing']} of {result['page images']} image files missing; "
            f"made unwritable with {unwritable.method}" + result["exceptions"]
        )
        return row

    def trial_7b(self) -> Row:
        row = self.row("7b")
        unwritable = Unwritable(self.media_root, recursive=True)
        headline = f"Typed during a storage fault {int(time.time())}"
        result = self.storage_save(unwritable, headline=headline)
        row.requests, row.errors = "1", str(int(result["outcome"] == "error"))
        row.saves = "—"
        row.note = (
            f"editor shown {self.told(result)}; "
            f"typed headline {'kept in the form' if result['typed kept'] else 'lost'}; "
            f"row {'unchanged' if result['row kept'] else 'changed'}; {result['orphans']} orphan files; "
            f"made unwritable with {unwritable.method}" + result["exceptions"]
        )
        return row

    def trial_8(self) -> Row:
        row = self.row("8")
        self.healthy()
        editor = self.browser("editor")
        whole = jpeg_bytes(1200, 800, seed=8)
        truncated = whole[: len(whole) // 2]
        mark = self.app.log.mark()
        told = []
        for label, model, pk, field in (
            ("avatar", "authors/author", self.author_pk, "avatar"),
            ("series cover", "series/series", self.series_pk, "cover"),
        ):
            path = self.change_path(model, pk)
            form = self.open_form(editor, path, form_id=f"{model.split('/')[1]}_form")
            form["_save"] = ["Save"]
            status, _headers, body = editor.request(path, form, files={field: ("cut.jpg", truncated, "image/jpeg")})
            said = outcome(status, body)
            detail = error_text(body) if said == "refused" else ""
            told.append((label, status, said, detail))
        row.requests = str(len(told))
        row.errors = str(sum(1 for _label, status, _said, _detail in told if status >= 500))
        row.note = "; ".join(
            f"{label}: {status} ({said}{': ' + detail if detail else ''})" for label, status, said, detail in told
        ) + self.exception_note(mark)
        return row

    def health_paths(self) -> dict[str, int]:
        """The health endpoints that exist (anything but a 404, one redirect followed), with their status."""
        found = {}
        for path in self.options.health.split(","):
            status, headers, _body = anonymous(self.app.url + path)
            if 300 <= status < 400 and headers.get("Location"):
                path = urllib.parse.urlsplit(urllib.parse.urljoin(self.app.url + path, headers["Location"])).path
                status = anonymous(self.app.url + path)[0]
            if status not in (0, 404) and not 300 <= status < 400:
                found[path] = status
        return found

    def trial_9(self) -> Row:
        outage, limit = self.options.outage, self.options.recover_limit
        row = self.row("9")
        self.healthy()
        health = self.health_paths()
        say(f"   health endpoints: {', '.join(f'{path} ({status})' for path, status in health.items()) or 'absent'}")
        self.warm()
        probes = {
            "cached home": "/en/",
            "cached article": self.reader_article["urls"]["en"],
            "uncached home": "/en/?from=faults-bench",
            "uncached fa home": "/fa/?from=faults-bench",
        }
        seen: dict[str, int] = {}
        langs: list[str] = []
        mark = self.app.log.mark()
        with self.load(LEAD + outage + TAIL) as load:
            start = next_second(LEAD)
            self.proxy.cut()
            time.sleep(min(1.0, outage / 4))
            for name, path in probes.items():
                status, _headers, body = anonymous(self.reader_base + path, timeout=5)
                seen[name] = status
                if status >= 500:
                    langs.append(f"{path.split('?')[0]} {page_lang(body)}")
            health_down = {path: anonymous(self.app.url + path, timeout=5)[0] for path in health}
            sleep_until(start + outage)
            self.proxy.open()
            back = seconds_until(lambda: anonymous(self.reader_base + probes["uncached home"])[0] == 200, limit)
        answered, failed = load.window(start, start + outage)
        row.details = load.timeline(start, start + outage)
        row.requests, row.errors = str(answered), str(failed)
        row.recover = recovered(back, limit)
        row.note = (
            ", ".join(f"{name} {status}" for name, status in seen.items())
            + f" (error pages' lang: {', '.join(langs) or '—'}); health endpoints: "
            + (", ".join(f"{path} {status}" for path, status in health_down.items()) if health else "absent")
            + f"; whole run {load.errors} 5xx of {load.requests}"
            + self.exception_note(mark)
        )
        return row

    def trial_10(self) -> Row:
        row = self.row("10")
        commands = manage(self.env, "help", "--commands", cwd=self.app_dir).split()
        found = [name for name in commands if re.search(r"backup|restore", name)]
        row.note = f"backup/restore commands: {', '.join(found)}" if found else "no backup or restore command (absent)"
        return row

    def exception_note(self, mark: int) -> str:
        found = self.app.log.exceptions_since(mark)
        if not found:
            return ""
        commonest = max(set(found), key=found.count).replace(str(self.media_root), "MEDIA_ROOT")
        return f"; server log: {len(found)} exceptions, e.g. {commonest[:150]}"

    def run(self, trials: list[str]) -> None:
        for number in trials:
            trial = getattr(self, f"trial_{number}")
            say(f"Trial {number} …")
            started = time.monotonic()
            try:
                row = trial()
            except KeyboardInterrupt:
                raise
            except (Exception, SystemExit) as error:  # a trial that cannot run says why; the others still run
                reason = str(error) or type(error).__name__
                print(traceback.format_exc(), file=sys.stderr)
                row = self.row(number)
                row.note = f"could not run: {reason[:300]}"
            self.rows.append(row)
            say(f"   {row.fault}: requests {row.requests}, 5xx {row.errors}, lost {row.saves}, "
                f"recover {row.recover} s ({time.monotonic() - started:.0f} s)")  # fmt: skip
            say(f"   {row.note}")
            if row.details:
                say(f"   {row.details}")


def interrupted(signum, frame):
    raise KeyboardInterrupt


def code_description(app_dir: Path, label: str) -> str:
    describe = subprocess.run(
        ["git", "-C", str(app_dir), "describe", "--always", "--dirty", "--tags"], capture_output=True, text=True
    )
    version = describe.stdout.strip() if describe.returncode == 0 else "not a git checkout"
    return f"{app_dir} ({version})" + (f" — {label}" if label else "")


def main() -> None:
    parser = argparse.ArgumentParser(description="Newsroom fault trials (issue 14)")
    parser.add_argument("--app-dir", default=str(ROOT), help="the Newsroom checkout whose code is served")
    parser.add_argument("--label", default="", help="words describing the code measured, for the header")
    parser.add_argument("--rounds", type=int, default=50, help="rounds of each concurrent-save trial")
    parser.add_argument("--outage", type=float, default=10, help="seconds each outage lasts")
    parser.add_argument("--seconds", type=int, default=5, help="length of the wrk run with a dead REDIS_URL")
    parser.add_argument("--recover-limit", type=float, default=30, help="longest wait for a recovery")
    parser.add_argument("--stale-limit", type=float, default=30, help="longest wait for a fresh page after a hang")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--health", default=",".join(HEALTH_PATHS), help="health endpoints to look for")
    parser.add_argument("--nginx", action="store_true", help="readers go through deploy/nginx.conf")
    parser.add_argument("--trials", default=",".join(TRIALS), help=f"comma-separated, of {','.join(TRIALS)}")
    parser.add_argument("--output", default=str(ROOT / "docs/faults-benchmark.txt"))
    parser.add_argument("--logs", help="copy the servers' logs (gunicorn, redis, wrk scripts) to this folder")
    options = parser.parse_args()
    trials = [number.strip() for number in options.trials.split(",") if number.strip()]
    if unknown := [number for number in trials if number not in TRIALS]:
        sys.exit(f"bench/faults.py: unknown trials {unknown}; choose from {list(TRIALS)}")
    if not (Path(options.app_dir) / "manage.py").exists():
        sys.exit(f"bench/faults.py: {options.app_dir} holds no manage.py")
    for tool in ("wrk", "redis-server", *(["nginx"] if options.nginx else [])):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"bench/faults.py: {tool} is not installed (apt-get install {tool}).")

    # Ctrl-C and a plain kill both end in the clean-up below.
    signal.signal(signal.SIGTERM, interrupted)
    command = " ".join(shlex.quote(part) for part in [os.path.relpath(PYTHON, ROOT), "bench/faults.py", *sys.argv[1:]])
    redis_version = subprocess.run(["redis-server", "--version"], capture_output=True, text=True).stdout.split()
    redis_version = " ".join(redis_version[2:3]).removeprefix("v=")
    say("# Newsroom fault trials (issue 14): bench/faults.py")
    say()
    say(f"date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
    say(f"code measured: {code_description(Path(options.app_dir).resolve(), options.label)}")
    say(f"command: {command}")
    say(
        f"set-up: PostgreSQL (throw-away database, through a TCP proxy this script can cut), its own redis-server "
        f"({redis_version}), gunicorn deploy/gunicorn.conf.py with 2 sync workers, DEBUG off; "
        f"reader load wrk -t{options.threads} -c{options.connections} over the home page, an English and a "
        f"Persian article, {'through deploy/nginx.conf' if options.nginx else 'straight to gunicorn'}; "
        f"outages {options.outage:g} s; {options.rounds} rounds per concurrent-save trial"
    )
    say()
    bench = Bench(options)
    try:
        bench.set_up()
        bench.run(trials)
    except KeyboardInterrupt:
        say("Interrupted: cleaning up.")
        raise
    finally:
        bench.tear_down()
    say()
    for line in markdown_table(bench.rows):
        say(line)
    say()
    say(
        "requests and 5xx: reader responses (wrk) completed during the fault, in its whole seconds; for the save "
        "trials, the saves submitted. lost saves: rounds in which someone was told their save succeeded but the "
        "row does not hold it (trial 6: harmless saves refused). recover s: from the end of the fault until pages "
        "are served from the cache again (1), a reader sees the edit made during the hang (3), or an uncached "
        "page renders (9)."
    )
    Path(options.output).parent.mkdir(parents=True, exist_ok=True)
    Path(options.output).write_text("\n".join(say.lines) + "\n")
    print(f"\nWritten to {options.output}")


if __name__ == "__main__":
    main()
